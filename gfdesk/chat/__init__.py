"""Chat: conversations, live messages, typing indicators, sending that never loses a message.

``ChatFeature`` is what the composition root builds once signed in::

    chat = ChatFeature(connection, client, outbox, account, parent=window)
    window.set_section_view(Section.CONVERSATIONS, chat.view)
    await chat.start()
    ...
    await chat.aclose()

Inside: ``service`` (Qt-free: REST, channels, outbox writes) -> ``model`` (Qt models and
signals) -> ``view`` (widgets). Pure logic lives in ``messages``, ``conversations``,
``links`` and ``typingstate``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from gfdesk.chat.model import ChatModel
from gfdesk.chat.service import ChatService
from gfdesk.chat.typingstate import TYPING_TTL_S
from gfdesk.chat.view import ChatView

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from supabase import AsyncClient

    from gfdesk.core.connection import ConnectionSupervisor
    from gfdesk.core.outbox import Outbox, Rejection
    from gfdesk.core.outboxqueue import Write


class HasUserId(Protocol):
    """The signed-in account (``gfdesk.core.session.Account``)."""

    @property
    def user_id(self) -> str: ...


class ChatFeature(QObject):
    """The chat feature, wired: service, model and view.

    Args:
        connection: the realtime supervisor.
        client: the signed-in official client.
        outbox: the account's outbox. Route its ``on_sent`` / ``on_rejected`` to
            ``handle_sent`` / ``handle_rejection`` so messages show sent or failed.
        account: who is signed in.
        parent: the owner (its destruction cancels the chat's tasks).
        online_users: who is online now (the friends feature), if known.
        tz: the time zone shown (the machine's by default).
        open_url: opens a clicked link (the browser by default).
        typing_ttl_s: how long "X is typing..." stays after X's last event.

    Signals:
        unread_changed(int): the total unread count of all conversations.
        conversation_opened(str): a conversation is shown (e.g. after ``open_direct``:
            the window may switch to the Conversations section).
    """

    unread_changed = Signal(int)
    conversation_opened = Signal(str)

    def __init__(self, connection: ConnectionSupervisor, client: AsyncClient, outbox: Outbox,
                 account: HasUserId, parent: QObject | None = None, *,
                 online_users: Callable[[], Iterable[str]] | None = None,
                 tz: dt.tzinfo | None = None,
                 open_url: Callable[[QUrl], object] | None = None,
                 typing_ttl_s: float = TYPING_TTL_S) -> None:
        super().__init__(parent)
        self.service = ChatService(client, connection, outbox, account.user_id)
        self.model = ChatModel(self.service, tz=tz, typing_ttl_s=typing_ttl_s, parent=self)
        self.model.conversations.unread_changed.connect(self.unread_changed)
        self.model.conversation_opened.connect(self.conversation_opened)
        self.view = (ChatView(self.model) if open_url is None
                     else ChatView(self.model, open_url=open_url))
        if online_users is not None:
            self.model.set_online_users(online_users())

    @property
    def unread(self) -> int:
        return self.model.conversations.unread_total

    async def start(self) -> None:
        """Load the conversations and follow them live."""
        await self.model.start()

    async def aclose(self) -> None:
        """Leave every chat channel (the outbox keeps unsent messages for next time)."""
        await self.model.aclose()

    def open_conversation(self, conversation_id: str) -> None:
        self.model.open_conversation(conversation_id)

    def open_direct(self, user_id: str) -> None:
        """Open (creating if needed) the direct conversation with ``user_id``; for the
        friends list's "Message" action."""
        self.model.open_direct(user_id)

    def set_online_users(self, user_ids: Iterable[str] | None) -> None:
        """Who is online (connect the friends feature's signal here)."""
        self.model.set_online_users(user_ids)

    def handle_sent(self, write: Write) -> None:
        self.model.handle_sent(write)

    def handle_rejection(self, rejection: Rejection) -> None:
        self.model.handle_rejection(rejection)


__all__ = ["ChatFeature", "ChatModel", "ChatService", "ChatView"]
