"""The chat's Qt side: the conversation list, the open conversation, typing, sending.

``ChatModel`` turns the Qt-free ``ChatService`` into models and signals for the view.
Widgets call its plain methods (``open_conversation``, ``send``, ``user_typed``,
``load_older``); it spawns the service's coroutines through ``bridge.spawn`` and feeds
what comes back into ``ConversationListModel`` and ``MessageListModel``. Live rows are
applied once per frame (16 ms named timers), never one signal per row.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from gfdesk import bridge
from gfdesk.chat.conversations import ConversationSummary
from gfdesk.chat.listmodel import ConversationListModel
from gfdesk.chat.messagemodel import FLUSH_INTERVAL_MS, MessageListModel
from gfdesk.chat.messages import ChatMessage, SendState, length_problem, message_from_row
from gfdesk.chat.typingstate import TYPING_TTL_S, TypingState, TypingThrottle, typing_label
from gfdesk.core.gapfill import Row
from gfdesk.kit.timer import NamedTimer

if TYPE_CHECKING:
    from gfdesk.chat.service import ChatService
    from gfdesk.core.outbox import Rejection
    from gfdesk.core.outboxqueue import Write
    from gfdesk.core.subscription import SubscriptionHandle

log = logging.getLogger("gfdesk.ui")

#: Wait this long after the last change before writing ``last_read_at``.
READ_MARK_DELAY_MS = 400
#: Retries of a failed read (offline): first wait and longest wait, in seconds.
RETRY_BASE_S = 0.5
RETRY_CAP_S = 10.0

T = TypeVar("T")


def local_tz() -> dt.tzinfo:
    """The machine's time zone now."""
    tz = dt.datetime.now().astimezone().tzinfo
    return tz if tz is not None else dt.UTC


class ChatModel(QObject):
    """The chat of the signed-in user, for the view.

    Args:
        service: the chat service.
        tz: the time zone messages are shown in (the machine's by default).
        monotonic: the clock of typing indicators (tests pass their own).
        typing_ttl_s: how long a typing event shows its user (tests shorten it).
        parent: the owner; its destruction cancels every task of the chat.

    Signals:
        conversation_opened(str): a conversation was opened; ``messages`` is its model.
        typing_changed(str): the typing line ("Alex is typing...", or "").
        older_loading_changed(bool): an older page is (no longer) being fetched.
        history_complete(): the open conversation's first message is loaded.
        notice(str): a problem to show the user ("" when it is over).
    """

    conversation_opened = Signal(str)
    typing_changed = Signal(str)
    older_loading_changed = Signal(bool)
    history_complete = Signal()
    notice = Signal(str)

    def __init__(self, service: ChatService, *, tz: dt.tzinfo | None = None,
                 monotonic: Callable[[], float] = time.monotonic,
                 typing_ttl_s: float = TYPING_TTL_S,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.tz = tz or local_tz()
        self._monotonic = monotonic
        #: Every conversation of the user.
        self.conversations = ConversationListModel(self)
        #: The open conversation's messages (None: nothing open).
        self.messages: MessageListModel | None = None
        self.current_id: str | None = None
        self._handle: SubscriptionHandle | None = None
        self._inbox: SubscriptionHandle | None = None
        self._has_more = False
        self._loading_older = False
        self._on_screen = False
        self._read_marked: dict[str, dt.datetime] = {}
        #: Our messages not confirmed yet, by conversation (kept across switching).
        self._unconfirmed: dict[str, dict[str, ChatMessage]] = {}
        self._typing = TypingState(typing_ttl_s)
        self._throttle = TypingThrottle()
        self._typing_label = ""
        self._inbox_queue: list[Row] = []
        self._inbox_timer = NamedTimer(self, "chat:inbox-flush", interval_ms=FLUSH_INTERVAL_MS,
                                       single_shot=True)
        self._inbox_timer.timeout.connect(self._flush_inbox)
        self._typing_timer = NamedTimer(self, "chat:typing-expiry", single_shot=True)
        self._typing_timer.timeout.connect(self._expire_typing)
        self._read_timer = NamedTimer(self, "chat:read-mark", interval_ms=READ_MARK_DELAY_MS,
                                      single_shot=True)
        self._read_timer.timeout.connect(self._mark_read)
        self._closed = False

    # -- lifecycle ------------------------------------------------------------------

    async def start(self) -> None:
        """Load the conversation list and follow it live (offline: the list loads in
        the background once the backend answers)."""
        try:
            summaries = await self.service.conversations()
        except Exception as exc:
            log.info("chat: conversation list not loaded (%s), retrying", exc)
            self.notice.emit("Conversations could not be loaded yet; retrying.")
            bridge.spawn(self._load_list(), name="chat:list", owner=self, group="list")
            summaries = []
        self.conversations.set_summaries(summaries)
        newest = max((s.last_message for s in summaries if s.last_message),
                     key=lambda m: m.key, default=None)
        self._inbox = await self.service.watch_inbox(on_message=self._on_inbox_row,
                                                     newest=newest)

    async def _load_list(self) -> None:
        summaries = await self._retrying(self.service.conversations, "conversation list")
        self.conversations.set_summaries(summaries)
        self.notice.emit("")

    async def _retrying(self, fetch: Callable[[], Awaitable[T]], what: str) -> T:
        """``fetch()`` until it succeeds, waiting longer after each failure."""
        attempt = 0
        while True:
            try:
                return await fetch()
            except Exception as exc:
                delay = min(RETRY_CAP_S, RETRY_BASE_S * 2 ** attempt)
                attempt += 1
                log.info("chat: %s failed (%s: %s), retry in %.1f s", what,
                         type(exc).__name__, exc, delay)
                await asyncio.sleep(delay)

    async def aclose(self) -> None:
        """Leave every channel."""
        self._closed = True
        for timer in (self._inbox_timer, self._typing_timer, self._read_timer):
            timer.stop()
        handles = [self._handle, self._inbox]
        self._handle = self._inbox = None
        for handle in handles:
            if handle is not None:
                await handle.close()
        await self.service.leave_all()

    # -- opening ----------------------------------------------------------------------

    def open_conversation(self, conversation_id: str) -> None:
        """Show ``conversation_id`` (its newest page, then live)."""
        if conversation_id == self.current_id or self._closed:
            return
        bridge.spawn(self._open(conversation_id), name="chat:open", owner=self, group="open")

    def open_direct(self, user_id: str) -> None:
        """Open our direct conversation with ``user_id``, creating it if needed."""
        bridge.spawn(self._open_direct(user_id), name="chat:open-direct", owner=self,
                     group="open")

    async def _open_direct(self, user_id: str) -> None:
        try:
            conversation_id = await self.service.find_or_create_direct(user_id)
        except Exception as exc:
            log.warning("chat: could not open a conversation with %s: %s", user_id, exc)
            self.notice.emit(f"Could not start the conversation: {exc}")
            return
        if self.conversations.get(conversation_id) is None:
            summary = await self.service.conversation(conversation_id)
            if summary is not None:
                self.conversations.update([summary])
        await self._open(conversation_id)

    async def _open(self, conversation_id: str) -> None:
        old, self._handle = self._handle, None
        self._typing.clear()
        self._set_typing_label()
        self._throttle.reset()
        if old is not None:
            await old.close()
        model = MessageListModel(conversation_id, self.tz, self)
        previous, self.messages = self.messages, model
        self.current_id = conversation_id
        self._has_more = False
        self._loading_older = False
        self.conversation_opened.emit(conversation_id)
        if previous is not None:
            previous.deleteLater()
        try:
            page = await self.service.page(conversation_id, None)
        except Exception as exc:
            log.info("chat: history of %s not loaded (%s), retrying", conversation_id, exc)
            self.notice.emit("Messages could not be loaded yet; retrying.")
            page = await self._retrying(lambda: self.service.page(conversation_id, None),
                                        "history")
            self.notice.emit("")
        model.prepend_page(page)
        for message in self._unconfirmed.get(conversation_id, {}).values():
            model.add_optimistic(message)
        self._has_more = len(page) >= self.service.page_size
        if not self._has_more:
            self.history_complete.emit()
        handle = await self.service.watch_conversation(
            conversation_id, on_row=self._on_chat_row, on_typing=self._on_typing,
            newest=model.newest)
        if self.messages is not model or self._closed:
            await handle.close()  # switched away (or closing) while joining
            return
        self._handle = handle
        self._schedule_read_mark()

    def load_older(self) -> None:
        """Fetch the page before the oldest message shown (no-op while one is loading)."""
        if self._loading_older or not self._has_more or self.messages is None:
            return
        self._loading_older = True
        self.older_loading_changed.emit(True)
        bridge.spawn(self._load_older(self.messages), name="chat:older", owner=self,
                     group="older")

    async def _load_older(self, model: MessageListModel) -> None:
        try:
            page = await self.service.page(model.conversation_id, model.oldest)
        except Exception as exc:
            log.info("chat: older page failed: %s", exc)
            page = None
        finally:
            if model is self.messages:
                self._loading_older = False
                self.older_loading_changed.emit(False)
        if page is None or model is not self.messages:
            return
        model.prepend_page(page)
        self._has_more = len(page) >= self.service.page_size
        if not self._has_more:
            self.history_complete.emit()

    @property
    def has_more(self) -> bool:
        """Whether older messages may exist beyond the oldest shown."""
        return self._has_more

    # -- live rows ------------------------------------------------------------------

    def _on_chat_row(self, row: Row) -> None:
        message = message_from_row(row)
        model = self.messages
        if model is None or message.conversation_id != model.conversation_id:
            return
        model.queue_live([message])
        self._confirm(message)
        if self._typing.on_message(message.sender_id):
            self._set_typing_label()
        self._schedule_read_mark()

    def _confirm(self, message: ChatMessage) -> None:
        pending = self._unconfirmed.get(message.conversation_id)
        if pending is not None:
            pending.pop(message.id, None)

    def _on_inbox_row(self, row: Row) -> None:
        self._inbox_queue.append(row)
        if not self._inbox_timer.isActive():
            self._inbox_timer.start()

    def _flush_inbox(self) -> None:
        rows, self._inbox_queue = self._inbox_queue, []
        changed: dict[str, ConversationSummary] = {}
        unknown: set[str] = set()
        me = self.service.user_id
        for row in rows:
            message = message_from_row(row)
            self._confirm(message)
            summary = changed.get(message.conversation_id) or self.conversations.get(
                message.conversation_id)
            if summary is None:
                unknown.add(message.conversation_id)
                continue
            counts = not (self._on_screen and message.conversation_id == self.current_id)
            changed[summary.id] = summary.with_message(
                message, self.service.sender_label(message.sender_id), me=me,
                counts_unread=counts)
        self.conversations.update(changed.values())
        for conversation_id in unknown:
            self._refresh_conversation(conversation_id)

    def _refresh_conversation(self, conversation_id: str) -> None:
        bridge.spawn(self._load_summary(conversation_id), name="chat:summary", owner=self)

    async def _load_summary(self, conversation_id: str) -> None:
        summary = await self._retrying(lambda: self.service.conversation(conversation_id),
                                       "conversation")
        if summary is not None:
            self.conversations.update([summary])

    # -- typing ---------------------------------------------------------------------

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

    @property
    def typing_text(self) -> str:
        return self._typing_label

    def user_typed(self) -> None:
        """The user changed the composer's text: announce typing (throttled)."""
        handle = self._handle
        if handle is None or not self._throttle.should_send(self._monotonic()):
            return
        bridge.spawn(self.service.send_typing(handle), name="chat:typing", owner=self)

    # -- sending --------------------------------------------------------------------

    def send(self, text: str) -> str:
        """Send ``text`` to the open conversation; returns why not ("" when sent)."""
        body = text.strip()
        if not body or self.current_id is None or self.messages is None:
            return ""
        problem = length_problem(body)
        if problem:
            return problem
        message = self.service.compose(self.current_id, body)
        self._unconfirmed.setdefault(self.current_id, {})[message.id] = message
        self.messages.add_optimistic(message)
        summary = self.conversations.get(self.current_id)
        if summary is not None:
            self.conversations.update([summary.with_message(
                message, "You", me=self.service.user_id, counts_unread=False)])
        self._throttle.reset()
        self._queue_send(message)
        return ""

    def retry(self, message_id: str) -> None:
        """Send a failed message again (same id: it can never be stored twice)."""
        model = self.messages
        message = model.pending_message(message_id) if model is not None else None
        if model is None or message is None or message.state is not SendState.FAILED:
            return
        model.set_state(message_id, SendState.SENDING)
        self._unconfirmed.setdefault(message.conversation_id, {})[message.id] = (
            message.with_state(SendState.SENDING))
        self._queue_send(message)

    def _queue_send(self, message: ChatMessage) -> None:
        task = bridge.spawn(self.service.send(message), name="chat:send", owner=self)
        task.add_done_callback(lambda t: self._on_queue_failed(t, message))

    def _on_queue_failed(self, task: asyncio.Task[None], message: ChatMessage) -> None:
        if task.cancelled() or task.exception() is None:
            return
        self.handle_rejection_of(message.id, f"could not queue: {task.exception()}")

    def handle_rejection(self, rejection: Rejection) -> None:
        """The outbox's ``on_rejected``: a message the server refused for good fails."""
        if rejection.write.table == "messages":
            self.handle_rejection_of(rejection.write.id, rejection.reason)

    def handle_rejection_of(self, message_id: str, reason: str) -> None:
        for pending in self._unconfirmed.values():
            if message_id in pending:
                pending[message_id] = pending[message_id].with_state(SendState.FAILED, reason)
        if self.messages is not None:
            self.messages.set_state(message_id, SendState.FAILED, reason)

    def handle_sent(self, write: Write) -> None:
        """The outbox's ``on_sent``: our message is stored (its row may come later)."""
        if write.table == "messages" and self.messages is not None:
            message = self.messages.pending_message(write.id)
            if message is not None and message.state is SendState.SENDING:
                self.messages.set_state(write.id, SendState.SENT)

    # -- reading state --------------------------------------------------------------

    def set_on_screen(self, on_screen: bool) -> None:
        """Whether the open conversation is visible (it is then read as it comes)."""
        self._on_screen = on_screen
        self._schedule_read_mark()

    def _schedule_read_mark(self) -> None:
        if self._on_screen and self.current_id is not None and not self._read_timer.isActive():
            self._read_timer.start()

    def _mark_read(self) -> None:
        model, conversation_id = self.messages, self.current_id
        if not self._on_screen or model is None or conversation_id is None:
            return
        model.flush()
        newest = model.newest
        summary = self.conversations.get(conversation_id)
        if newest is None:
            return
        marked = self._read_marked.get(conversation_id) or (
            summary.last_read_at if summary is not None else None)
        written = marked is not None and marked >= newest.created_at
        if summary is not None and (summary.unread or not written):
            self.conversations.update([summary.read_up_to(newest.created_at)])
        if written:
            return
        self._read_marked[conversation_id] = newest.created_at
        bridge.spawn(self.service.mark_read(conversation_id, newest.created_at),
                     name="chat:read-mark", owner=self)

    def set_online_users(self, user_ids: Iterable[str] | None) -> None:
        """Who is online, from the friends feature (None: unknown, no dots)."""
        self.conversations.set_online(user_ids)
