"""The chat's Qt side: the conversation list, sending, and which conversation is open.

``ChatModel`` turns the Qt-free ``ChatService`` into models and signals for the view.
It holds the conversation list (``ConversationListModel``, fed by the inbox channel
once per frame, never one signal per row), our messages not confirmed yet, and the
open conversation: an ``OpenConversationModel`` made on each switch (its messages,
paging, typing and read marks live there). Widgets call its plain methods
(``open_conversation``, ``send``); it spawns the service's coroutines through
``bridge.spawn``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from gfdesk import bridge
from gfdesk.chat.conversations import ConversationSummary
from gfdesk.chat.drafts import Drafts
from gfdesk.chat.listmodel import ConversationListModel
from gfdesk.chat.messagemodel import FLUSH_INTERVAL_MS, MessageListModel
from gfdesk.chat.messages import ChatMessage, SendState, length_problem, message_from_row
from gfdesk.chat.openconversation import OpenConversationModel
from gfdesk.chat.typingstate import TYPING_TTL_S
from gfdesk.core.backoff import Backoff
from gfdesk.core.gapfill import Row
from gfdesk.core.retry import retry
from gfdesk.kit.timer import NamedTimer
from gfdesk.log import ui as log
from gfdesk.timestamps import local_tz
from gfdesk.userstatus import StatusInfo

if TYPE_CHECKING:
    from gfdesk.chat.service import ChatService
    from gfdesk.core.outbox import Rejection
    from gfdesk.core.outboxqueue import Write
    from gfdesk.core.subscription import SubscriptionHandle


#: Retries of a read that failed (offline): first ceiling and largest ceiling, in s.
READ_RETRY = Backoff(base_s=0.5, cap_s=10.0)


class ChatModel(QObject):
    """The chat of the signed-in user, for the view.

    Args:
        service: the chat service.
        tz: the time zone messages are shown in (the machine's by default).
        monotonic: the clock of typing indicators (tests pass their own).
        typing_ttl_s: how long a typing event shows its user (tests shorten it).
        backoff: the retry policy of reads while the server is away.
        parent: the owner; its destruction cancels every task of the chat.

    Signals:
        conversation_opened(str): a conversation was opened; ``current`` is its model.
        notice(str): a problem to show the user ("" when it is over).
        conversation_read(str): the user read this conversation up to its newest
            message (its "new message" notifications can be marked read too).
        friends_changed(): the friends a group can be made with changed.
        statuses_changed(): the friends' statuses changed (the header shows one).
    """

    conversation_opened = Signal(str)
    notice = Signal(str)
    conversation_read = Signal(str)
    friends_changed = Signal()
    statuses_changed = Signal()

    def __init__(self, service: ChatService, *, tz: dt.tzinfo | None = None,
                 monotonic: Callable[[], float] = time.monotonic,
                 typing_ttl_s: float = TYPING_TTL_S, backoff: Backoff = READ_RETRY,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.tz = tz or local_tz()
        self._monotonic = monotonic
        self._typing_ttl_s = typing_ttl_s
        self._backoff = backoff
        self.conversations = ConversationListModel(self)
        """Every conversation of the user."""
        self.current: OpenConversationModel | None = None
        """The open conversation (None: nothing open)."""
        self._inbox: SubscriptionHandle | None = None
        self._on_screen = False
        self._read_marked: dict[str, dt.datetime] = {}
        #: Our messages not confirmed yet, by conversation (kept across switching).
        self._unconfirmed: dict[str, dict[str, ChatMessage]] = {}
        self._inbox_queue: list[Row] = []
        self._inbox_timer = NamedTimer(self, "chat:inbox-flush", interval_ms=FLUSH_INTERVAL_MS,
                                       single_shot=True)
        self._inbox_timer.timeout.connect(self._flush_inbox)
        #: Reads retrying while the server is away; cancelled on close.
        self._retrying: set[asyncio.Task[None]] = set()
        self._closed = False
        self.drafts = Drafts()
        """Unsent text per conversation."""
        self.friends: tuple[tuple[str, str, str | None], ...] = ()
        """The user's friends (id, name, avatar URL), for making a group."""
        self.statuses: dict[str, StatusInfo] = {}
        """Friends' statuses as the friends feature announced them."""

    @property
    def messages(self) -> MessageListModel | None:
        """The open conversation's messages (None: nothing open)."""
        return self.current.messages if self.current is not None else None

    @property
    def current_id(self) -> str | None:
        return self.current.conversation_id if self.current is not None else None

    # -- lifecycle ------------------------------------------------------------------

    async def start(self) -> None:
        """Load the conversation list and follow it live (offline: the list loads in
        the background once the backend answers)."""
        try:
            summaries = await self.service.conversations()
        except Exception as exc:
            log.info("chat: conversation list not loaded (%s), retrying", exc)
            self.notice.emit(self.tr("Conversations could not be loaded yet; retrying."))
            self._retry(self._load_list(), "chat:list")
            summaries = []
        self.conversations.set_summaries(summaries)
        newest = max((s.last_message for s in summaries if s.last_message),
                     key=lambda m: m.key, default=None)
        self._inbox = await self.service.watch_inbox(on_message=self._on_inbox_row,
                                                     newest=newest)

    def _retry(self, work: Coroutine[Any, Any, None], name: str) -> None:
        task = bridge.spawn(work, name=name, owner=self)
        self._retrying.add(task)
        task.add_done_callback(self._retrying.discard)

    async def _load_list(self) -> None:
        summaries = await retry(self.service.conversations, what="chat: conversation list",
                                log=log, backoff=self._backoff)
        self.conversations.set_summaries(summaries)
        self.notice.emit("")

    async def aclose(self) -> None:
        """Leave every channel and stop retrying."""
        self._closed = True
        self._inbox_timer.stop()
        for task in list(self._retrying):
            task.cancel()
        current, self.current = self.current, None
        inbox, self._inbox = self._inbox, None
        if current is not None:
            await current.aclose()
        if inbox is not None:
            await inbox.close()
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
            self.notice.emit(
                self.tr("Could not start the conversation: {reason}").format(reason=exc))
            return
        if self.conversations.get(conversation_id) is None:
            summary = await self.service.conversation(conversation_id)
            if summary is not None:
                self.conversations.update([summary])
        await self._open(conversation_id)

    async def _open(self, conversation_id: str) -> None:
        old = self.current
        opened = OpenConversationModel(
            conversation_id, self.service, tz=self.tz, monotonic=self._monotonic,
            typing_ttl_s=self._typing_ttl_s, on_read=self._mark_read_up_to,
            on_row=self._confirm, backoff=self._backoff, parent=self)
        opened.notice.connect(self.notice)
        opened.set_on_screen(self._on_screen)
        self.current = opened
        self.conversation_opened.emit(conversation_id)
        if old is not None:
            await old.aclose()
            old.deleteLater()
        await opened.load(list(self._unconfirmed.get(conversation_id, {}).values()))

    # -- the inbox ------------------------------------------------------------------

    def _confirm(self, message: ChatMessage) -> None:
        pending = self._unconfirmed.get(message.conversation_id)
        if pending is not None:
            pending.pop(message.id, None)
        if message.edited_at is not None or message.deleted_at is not None:
            self._update_preview(message)

    def _update_preview(self, message: ChatMessage) -> None:
        summary = self.conversations.get(message.conversation_id)
        if summary is not None and summary.last_message is not None \
                and summary.last_message.id == message.id:
            self.conversations.update([replace(summary, last_message=message)])

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
            self._retry(self._load_summary(conversation_id), "chat:summary")

    async def _load_summary(self, conversation_id: str) -> None:
        summary = await retry(lambda: self.service.conversation(conversation_id),
                              what="chat: conversation", log=log, backoff=self._backoff)
        if summary is not None:
            self.conversations.update([summary])

    # -- sending --------------------------------------------------------------------

    def send(self, text: str) -> str:
        """Send ``text`` to the open conversation; returns why not ("" when sent)."""
        body = text.strip()
        current = self.current
        if not body or current is None:
            return ""
        problem = length_problem(body)
        if problem:
            return problem
        message = self.service.compose(current.conversation_id, body)
        self._unconfirmed.setdefault(current.conversation_id, {})[message.id] = message
        current.messages.add_optimistic(message)
        summary = self.conversations.get(current.conversation_id)
        if summary is not None:
            self.conversations.update([summary.with_message(
                message, "You", me=self.service.user_id, counts_unread=False)])
        current.user_sent()
        self._queue_send(message)
        return ""

    # -- editing --------------------------------------------------------------------

    def editable(self, message_id: str) -> ChatMessage | None:
        """Our stored, not deleted message ``message_id`` of the open conversation."""
        model = self.messages
        message = model.find(message_id) if model is not None else None
        if message is None or message.sender_id != self.service.user_id or message.deleted \
                or message.state is not SendState.SENT or model is None \
                or model.pending_message(message_id) is not None:
            return None
        return message

    def last_editable(self) -> ChatMessage | None:
        """Our newest message that can be edited (for the Up key)."""
        model = self.messages
        if model is None:
            return None
        for message in reversed(model.messages()):
            if self.editable(message.id) is not None:
                return message
        return None

    def edit(self, message_id: str, text: str) -> str:
        """Change our message's body; returns why not ("" when done)."""
        message = self.editable(message_id)
        body = text.strip()
        if message is None:
            return self.tr("This message can no longer be edited.")
        if not body:
            return self.tr("A message cannot be empty; delete it instead.")
        problem = length_problem(body)
        if problem or body == message.body:
            return problem
        moment = dt.datetime.now(dt.UTC)
        edited = replace(message, body=body, edited_at=moment)
        self._apply_own_change(edited)
        bridge.spawn(self.service.edit(message, body, moment), name="chat:edit", owner=self)
        return ""

    def delete(self, message_id: str) -> None:
        """Delete our message (everyone sees "message deleted")."""
        message = self.editable(message_id)
        if message is None:
            return
        moment = dt.datetime.now(dt.UTC)
        self._apply_own_change(replace(message, body="", deleted_at=moment))
        bridge.spawn(self.service.delete(message, moment), name="chat:delete", owner=self)

    def _apply_own_change(self, message: ChatMessage) -> None:
        if self.messages is not None:
            self.messages.apply_update(message)
        self._update_preview(message)

    # -- conversations: groups and names ----------------------------------------------

    def set_friends(self, friends: Iterable[tuple[str, str, str | None]]) -> None:
        """The user's friends (from the friends feature), for making a group."""
        self.friends = tuple(friends)
        self.friends_changed.emit()

    def set_statuses(self, statuses: dict[str, StatusInfo]) -> None:
        """Friends' statuses (from the friends feature): the header and the list's dots."""
        self.statuses = dict(statuses)
        self.conversations.set_statuses(self.statuses)
        self.statuses_changed.emit()

    def create_group(self, title: str, member_ids: Iterable[str]) -> None:
        """Make a group with ``member_ids`` and open it (a ``notice`` if refused)."""
        bridge.spawn(self._create_group(title, list(member_ids)), name="chat:create-group",
                     owner=self, group="open")

    async def _create_group(self, title: str, member_ids: list[str]) -> None:
        try:
            conversation_id = await self.service.create_group(title, member_ids)
        except Exception as exc:
            log.info("chat: group not created: %s", exc)
            self.notice.emit(self.tr("Could not create the group: {reason}").format(
                reason=getattr(exc, "message", exc)))
            return
        summary = await self.service.conversation(conversation_id)
        if summary is not None:
            self.conversations.update([summary])
        await self._open(conversation_id)

    def rename(self, conversation_id: str, title: str) -> None:
        """Give a conversation a new name (a ``notice`` if refused)."""
        bridge.spawn(self._rename(conversation_id, title), name="chat:rename", owner=self)

    async def _rename(self, conversation_id: str, title: str) -> None:
        try:
            stored = await self.service.rename(conversation_id, title)
        except Exception as exc:
            log.info("chat: not renamed: %s", exc)
            self.notice.emit(self.tr("Could not rename: {reason}").format(
                reason=getattr(exc, "message", exc)))
            return
        summary = self.conversations.get(conversation_id)
        if summary is not None:
            self.conversations.update([replace(summary, title=stored)])

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
        if self.current is not None:
            self.current.set_on_screen(on_screen)

    def _mark_read_up_to(self, conversation_id: str, created_at: dt.datetime) -> None:
        summary = self.conversations.get(conversation_id)
        marked = self._read_marked.get(conversation_id) or (
            summary.last_read_at if summary is not None else None)
        written = marked is not None and marked >= created_at
        if summary is not None and (summary.unread or not written):
            self.conversations.update([summary.read_up_to(created_at)])
        self.conversation_read.emit(conversation_id)
        if written:
            return
        self._read_marked[conversation_id] = created_at
        bridge.spawn(self.service.mark_read(conversation_id, created_at),
                     name="chat:read-mark", owner=self)

    def set_online_users(self, user_ids: Iterable[str] | None) -> None:
        """Who is online, with no more than that known (None: unknown, no dots)."""
        self.conversations.set_online(user_ids)
