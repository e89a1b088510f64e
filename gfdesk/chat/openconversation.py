"""The conversation on screen: its messages, older pages, who is typing, read marks.

One ``OpenConversationModel`` exists per opened conversation: ``ChatModel`` makes a
new one on every switch and closes the old one, so nothing of the previous
conversation (its channel, typing timers, a page still loading) can reach the new
one. Widgets call its plain methods (``load_older``, ``user_typed``, ``set_on_screen``)
and follow its signals; it spawns the service's coroutines through ``bridge.spawn``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from gfdesk import bridge
from gfdesk.chat.messagemodel import MessageListModel
from gfdesk.chat.messages import ChatMessage, message_from_row
from gfdesk.chat.typingstate import TypingState, TypingThrottle, typing_label
from gfdesk.core.retry import retry
from gfdesk.kit.timer import NamedTimer
from gfdesk.log import ui as log

if TYPE_CHECKING:
    from gfdesk.chat.service import ChatService
    from gfdesk.core.backoff import Backoff
    from gfdesk.core.gapfill import Row
    from gfdesk.core.subscription import SubscriptionHandle


#: Wait this long after the last change before writing ``last_read_at``.
READ_MARK_DELAY_MS = 400

#: Told when the user has read up to a message's time: ``(conversation_id, created_at)``.
ReadMarker = Callable[[str, dt.datetime], None]


class OpenConversationModel(QObject):
    """One conversation on screen, from its first page to leaving its channel.

    Args:
        conversation_id: the conversation.
        service: the chat service.
        tz: the time zone messages are shown in.
        monotonic: the clock of typing indicators.
        typing_ttl_s: how long a typing event shows its user.
        on_read: told when the user has seen up to a message (the list marks it).
        on_row: told of every live message of this conversation (after it is queued
            for the view), e.g. to confirm our own sends.
        backoff: the retry policy of the first page while the server is away.
        parent: the owner; its destruction cancels every task of this conversation.

    Signals:
        typing_changed(str): the typing line ("Alex is typing...", or "").
        older_loading_changed(bool): an older page is (no longer) being fetched.
        history_complete(): the conversation's first message is loaded.
        notice(str): a problem to show the user ("" when it is over).
    """

    typing_changed = Signal(str)
    older_loading_changed = Signal(bool)
    history_complete = Signal()
    notice = Signal(str)

    def __init__(self, conversation_id: str, service: ChatService, *, tz: dt.tzinfo,
                 monotonic: Callable[[], float], typing_ttl_s: float, on_read: ReadMarker,
                 on_row: Callable[[ChatMessage], None], backoff: Backoff,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.conversation_id = conversation_id
        self.service = service
        self._monotonic = monotonic
        self._on_read = on_read
        self._on_row_seen = on_row
        self._backoff = backoff
        self.messages = MessageListModel(conversation_id, tz, self)
        """The messages shown, oldest first."""
        self._handle: SubscriptionHandle | None = None
        self._live = asyncio.Event()
        self._has_more = False
        self._loading_older = False
        self._on_screen = False
        self._closed = False
        self._typing = TypingState(typing_ttl_s)
        self._throttle = TypingThrottle()
        self._typing_label = ""
        self._typing_timer = NamedTimer(self, "chat:typing-expiry", single_shot=True)
        self._typing_timer.timeout.connect(self._expire_typing)
        self._read_timer = NamedTimer(self, "chat:read-mark", interval_ms=READ_MARK_DELAY_MS,
                                      single_shot=True)
        self._read_timer.timeout.connect(self._mark_read)

    # -- lifecycle ------------------------------------------------------------------

    async def load(self, unconfirmed: list[ChatMessage]) -> None:
        """Show the newest page (retrying while the server is away) and our messages
        not confirmed yet, then follow the conversation live."""
        try:
            page = await self.service.page(self.conversation_id, None)
        except Exception as exc:
            log.info("chat: history of %s not loaded (%s), retrying", self.conversation_id,
                     exc)
            self.notice.emit(self.tr("Messages could not be loaded yet; retrying."))
            page = await retry(lambda: self.service.page(self.conversation_id, None),
                               what="chat: history", log=log, backoff=self._backoff)
            self.notice.emit("")
        self.messages.prepend_page(page)
        for message in unconfirmed:
            self.messages.add_optimistic(message)
        self._set_has_more(len(page))
        handle = await self.service.watch_conversation(
            self.conversation_id, on_row=self._on_chat_row, on_typing=self._on_typing,
            newest=self.messages.newest)
        if self._closed:
            await handle.close()  # switched away (or closing) while joining
            return
        self._handle = handle
        self._schedule_read_mark()
        await handle.live.wait()
        self._live.set()

    async def live(self) -> None:
        """Wait until the conversation is on its channel, gap-filled and live."""
        await self._live.wait()

    async def aclose(self) -> None:
        """Leave the channel and stop every timer (the messages stay readable)."""
        self._closed = True
        self._typing_timer.stop()
        self._read_timer.stop()
        handle, self._handle = self._handle, None
        if handle is not None:
            await handle.close()

    # -- paging ---------------------------------------------------------------------

    @property
    def has_more(self) -> bool:
        """Whether older messages may exist beyond the oldest shown."""
        return self._has_more

    def _set_has_more(self, page_length: int) -> None:
        self._has_more = page_length >= self.service.page_size
        if not self._has_more:
            self.history_complete.emit()

    def load_older(self) -> None:
        """Fetch the page before the oldest message shown (no-op while one is loading)."""
        if self._loading_older or not self._has_more or self._closed:
            return
        self._loading_older = True
        self.older_loading_changed.emit(True)
        bridge.spawn(self._load_older(), name="chat:older", owner=self, group="older")

    async def _load_older(self) -> None:
        try:
            page = await self.service.page(self.conversation_id, self.messages.oldest)
        except Exception as exc:
            log.info("chat: older page failed: %s", exc)
            page = None
        finally:
            self._loading_older = False
            self.older_loading_changed.emit(False)
        if page is not None and not self._closed:
            self.messages.prepend_page(page)
            self._set_has_more(len(page))

    # -- live rows ------------------------------------------------------------------

    def _on_chat_row(self, row: Row) -> None:
        message = message_from_row(row)
        if message.conversation_id != self.conversation_id:
            return
        if message.edited_at is not None or message.deleted_at is not None:
            # An UPDATE: the row is shown changed (an edit of a message older than the
            # pages loaded has nothing to change).
            self.messages.apply_update(message)
            self._on_row_seen(message)
            return
        self.messages.queue_live([message])
        self._on_row_seen(message)
        if self._typing.on_message(message.sender_id):
            self._set_typing_label()
        self._schedule_read_mark()

    # -- typing ---------------------------------------------------------------------

    @property
    def typing_text(self) -> str:
        return self._typing_label

    def _on_typing(self, payload: dict[str, Any]) -> None:
        user_id = str(payload.get("user_id") or "")
        if not user_id or user_id == self.service.user_id:
            return
        self._typing.on_event(user_id, self._monotonic())
        self._set_typing_label()
        if user_id not in self.service.names:
            bridge.spawn(self._learn_name(user_id), name="chat:typist-name", owner=self)

    async def _learn_name(self, user_id: str) -> None:
        await self.service.load_names([user_id])
        self._set_typing_label()

    def _expire_typing(self) -> None:
        self._typing.expire(self._monotonic())
        self._set_typing_label()

    def _set_typing_label(self) -> None:
        label = typing_label(self.service.name_of(u) for u in self._typing.typists())
        expiry = self._typing.next_expiry()
        if expiry is None:
            self._typing_timer.stop()
        else:
            wait_ms = max(0, round((expiry - self._monotonic()) * 1000)) + 1
            self._typing_timer.start(wait_ms)
        if label != self._typing_label:
            self._typing_label = label
            self.typing_changed.emit(label)

    def user_typed(self) -> None:
        """The user changed the composer's text: announce typing (throttled)."""
        handle = self._handle
        if handle is None or not self._throttle.should_send(self._monotonic()):
            return
        bridge.spawn(self.service.send_typing(handle), name="chat:typing", owner=self)

    def user_sent(self) -> None:
        """The user sent a message: the next keystroke announces typing again."""
        self._throttle.reset()

    # -- reading --------------------------------------------------------------------

    def set_on_screen(self, on_screen: bool) -> None:
        """Whether the conversation is visible (it is then read as it comes)."""
        self._on_screen = on_screen
        self._schedule_read_mark()

    def _schedule_read_mark(self) -> None:
        if self._on_screen and not self._closed and not self._read_timer.isActive():
            self._read_timer.start()

    def _mark_read(self) -> None:
        if not self._on_screen or self._closed:
            return
        self.messages.flush()
        newest = self.messages.newest
        if newest is not None:
            self._on_read(self.conversation_id, newest.created_at)
