"""The friends feature as the composition root sees it: one object to build after
sign-in, with its page, its status model and a start/close pair."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from gfdesk import bridge
from gfdesk.friends.model import FriendsModel, StatusModel
from gfdesk.friends.presence import Status
from gfdesk.friends.service import FriendsService
from gfdesk.friends.view import FriendsView, status_menu

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QWidget
    from supabase import AsyncClient

    from gfdesk.core.connection import ConnectionSupervisor


class FriendsFeature(QObject):
    """Friends list, presence and the user's status.

    Args:
        connection: the realtime supervisor.
        client: the signed-in supabase client.
        user_id: the signed-in user.
        parent: the Qt owner (the main window).
        monotonic: the idle clock (tests).

    Signals:
        status_changed(object, object): the user's effective ``Status`` and game.
    """

    status_changed = Signal(object, object)

    def __init__(self, connection: ConnectionSupervisor, client: AsyncClient, user_id: str,
                 parent: QObject | None = None, *,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.service = FriendsService(client, connection, user_id)
        """The Qt-free service (REST + presence)."""
        self.model = FriendsModel(parent=self)
        """The friends list model."""
        self.status = StatusModel(self.service, monotonic=monotonic, parent=self)
        """The user's status (``set_status``, ``silenced`` for do-not-disturb)."""
        self.status.status_changed.connect(self.status_changed)
        self.service.on_friends = self.model.set_friends
        self.service.on_presence = self.model.update_presence
        self.view = FriendsView(self.model, self.status)
        """The page for ``Section.FRIENDS``."""

    def status_menu(self, parent: QWidget | None = None) -> QMenu:
        """A status picker menu for the status bar or the tray."""
        return status_menu(self.status, parent)

    def reload_friends(self) -> None:
        """Fetch the friends list again, e.g. when a ``friend_accepted`` notification
        arrives (``friendships`` is not published for realtime)."""
        bridge.spawn(self.service.reload_friends(), name="friends:reload", owner=self,
                     group="reload")

    async def start(self) -> None:
        """Load friends, go online, start auto-away."""
        await self.service.start(self.status.status, self.status.game)
        self.status.watch_input()

    async def aclose(self) -> None:
        """Stop auto-away, go offline, leave presence."""
        self.status.stop_watching()
        await self.service.aclose()


__all__ = ["FriendsFeature", "Status"]
