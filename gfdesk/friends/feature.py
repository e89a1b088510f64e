"""The friends feature as the account flow sees it: one object to build after
sign-in, with its page, its status model, a start/close pair and the signals other
parts listen to (who is online, do not disturb, "message this friend")."""

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
from gfdesk.kit.timer import NamedTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QWidget

    from gfdesk.feature import FeatureScope


class FriendsFeature(QObject):
    """Friends list, presence and the user's status.

    Args:
        scope: the signed-in account's connection and client.
        parent: the Qt owner (the main window).
        monotonic: the idle clock (tests).

    Signals:
        status_changed(object, object): the user's effective ``Status`` and game.
        silenced_changed(bool): do not disturb started (True) or ended: no toasts.
        online_friends_changed(object): the ``frozenset`` of friends' user ids online
            now, once per burst of friend-row changes and only when it changed.
        message_requested(str): the user asked to message this friend.
        call_requested(str, str): the user asked to call this friend; "video" or
            "audio" (the account flow hands it to the calls feature).
    """

    status_changed = Signal(object, object)
    silenced_changed = Signal(bool)
    online_friends_changed = Signal(object)
    message_requested = Signal(str)
    call_requested = Signal(str, str)

    def __init__(self, scope: FeatureScope, parent: QObject | None = None, *,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.service = FriendsService(scope.client, scope.connection, scope.user_id)
        """The Qt-free service (REST + presence)."""
        self.model = FriendsModel(parent=self)
        """The friends list model."""
        self.status = StatusModel(self.service, monotonic=monotonic, parent=self)
        """The user's status (``set_status``, ``silenced`` for do-not-disturb)."""
        self.status.status_changed.connect(self._on_status_changed)
        self.service.on_friends = self.model.set_friends
        self.service.on_presence = self.model.update_presence
        self.view = FriendsView(self.model, self.status)
        """The friends page."""
        self.view.message_requested.connect(self.message_requested)
        self.view.call_requested.connect(self.call_requested)
        self._silenced = self.status.silenced
        self._online: frozenset[str] = frozenset()
        # One look per burst of friend-row changes (a presence sync, the minute's
        # "last seen" refresh), not one per changed row.
        self._online_check = NamedTimer(self, "friends:online-check", single_shot=True)
        self._online_check.timeout.connect(self._check_online)
        for change in (self.model.dataChanged, self.model.rowsInserted,
                       self.model.rowsRemoved, self.model.modelReset):
            change.connect(lambda *_: self._online_check.start())

    @property
    def online_friends(self) -> frozenset[str]:
        """Friends online now (as last announced)."""
        return self._online

    @property
    def silenced(self) -> bool:
        """Do not disturb: no toasts, no sounds."""
        return self._silenced

    def _on_status_changed(self, status: Status, game: str | None) -> None:
        self.status_changed.emit(status, game)
        if self.status.silenced != self._silenced:
            self._silenced = self.status.silenced
            self.silenced_changed.emit(self._silenced)

    def _check_online(self) -> None:
        # Friends only: presence:online may hold 100,000 members; the dots in the
        # conversation list are for the people you talk to.
        service = self.service
        online = frozenset(uid for uid in service.friends if service.presence(uid).online)
        if online != self._online:
            self._online = online
            self.online_friends_changed.emit(online)

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
