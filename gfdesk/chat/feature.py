"""The chat feature as the account flow sees it: service, model and view, wired.

Built once signed in, from the account's ``FeatureScope``::

    chat = ChatFeature(scope, parent=window)
    await chat.start()
    ...
    await chat.aclose()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from gfdesk.chat.conversations import ConversationKind
from gfdesk.chat.model import ChatModel
from gfdesk.chat.service import ChatService
from gfdesk.chat.typingstate import TYPING_TTL_S
from gfdesk.chat.view import ChatView
from gfdesk.feature import SwitcherEntry, SwitcherKind
from gfdesk.userstatus import StatusInfo

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from gfdesk.feature import FeatureScope


class ChatFeature(QObject):
    """The chat feature, wired: service, model and view.

    It hears the outbox's outcomes itself (messages show sent or failed) from ``start``
    until ``aclose``.

    Args:
        scope: the signed-in account's connection, client and outbox (required).
        parent: the owner (its destruction cancels the chat's tasks).
        tz: the time zone shown (the machine's by default).
        open_url: opens a clicked link (the browser by default).
        typing_ttl_s: how long "X is typing..." stays after X's last event.

    Signals:
        unread_changed(int): the total unread count of all conversations.
        conversation_opened(str): a conversation is shown (e.g. after ``open_direct``:
            the window may switch to the Conversations section).
        conversation_read(str): the user read this conversation up to its newest
            message (its message notifications are read too).
        call_requested(str, str): the user asked to call the other member of a direct
            conversation; "video" or "audio" (the account flow hands it to calls).
    """

    unread_changed = Signal(int)
    conversation_opened = Signal(str)
    conversation_read = Signal(str)
    call_requested = Signal(str, str)

    def __init__(self, scope: FeatureScope, parent: QObject | None = None, *,
                 tz: dt.tzinfo | None = None,
                 open_url: Callable[[QUrl], object] | None = None,
                 typing_ttl_s: float = TYPING_TTL_S) -> None:
        super().__init__(parent)
        self._outbox = scope.require_outbox()
        self.service = ChatService(scope.client, scope.connection, self._outbox, scope.user_id)
        """The Qt-free service (REST, channels, outbox writes)."""
        self.model = ChatModel(self.service, tz=tz, typing_ttl_s=typing_ttl_s, parent=self)
        """Conversations and the open conversation, for the view."""
        self.model.conversations.unread_changed.connect(self.unread_changed)
        self.model.conversation_opened.connect(self.conversation_opened)
        self.model.conversation_read.connect(self.conversation_read)
        self.view = (ChatView(self.model, avatars=scope.avatars) if open_url is None
                     else ChatView(self.model, open_url=open_url, avatars=scope.avatars))
        """The page for the Conversations section."""
        self.view.call_requested.connect(self.call_requested)
        self._stop_listening: Callable[[], None] | None = None

    @property
    def unread(self) -> int:
        return self.model.conversations.unread_total

    async def start(self) -> None:
        """Hear the outbox, load the conversations and follow them live."""
        if self._stop_listening is None:
            self._stop_listening = self._outbox.add_listener(
                on_sent=self.model.handle_sent, on_rejected=self.model.handle_rejection)
        await self.model.start()

    async def aclose(self) -> None:
        """Leave every chat channel (the outbox keeps unsent messages for next time)."""
        if self._stop_listening is not None:
            self._stop_listening()
            self._stop_listening = None
        await self.model.aclose()

    def set_streamer_mode(self, on: bool) -> None:
        """Streamer mode: no message previews in the conversation list."""
        self.view.set_previews_hidden(on)

    def open_conversation(self, conversation_id: str) -> None:
        self.model.open_conversation(conversation_id)

    def open_direct(self, user_id: str) -> None:
        """Open (creating if needed) the direct conversation with ``user_id``; for the
        friends list's "Message" action."""
        self.model.open_direct(user_id)

    def set_online_users(self, user_ids: Iterable[str] | None) -> None:
        """Who is online, when nothing more is known (a preview, a screenshot)."""
        self.model.set_online_users(user_ids)

    def set_statuses(self, statuses: dict[str, StatusInfo]) -> None:
        """Friends' statuses (connect the friends feature's ``friend_statuses_changed``):
        the conversation list's dots and the chat header say what the friends list says."""
        self.model.set_statuses(statuses)

    def set_friends(self, friends: Iterable[tuple[str, str, str | None]]) -> None:
        """The user's friends (connect the friends feature's ``friends_changed``): who a
        new group can be made with."""
        self.model.set_friends(friends)

    def switcher_entries(self) -> list[SwitcherEntry]:
        """The conversations as the list orders them (``gfdesk.feature.Switchable``)."""
        direct, group = self.tr("Direct message"), self.tr("Group")
        return [SwitcherEntry(SwitcherKind.CONVERSATION, s.id, s.title,
                              group if s.kind is ConversationKind.GROUP else direct)
                for s in self.model.conversations.summaries()]

    def open_switcher_entry(self, entry: SwitcherEntry) -> None:
        """A conversation chosen in the quick switcher."""
        self.open_conversation(entry.id)
