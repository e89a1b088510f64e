"""The friends feature as the account flow sees it: one object to build after sign-in,
with its page, the user's status (and its picker), a start/close pair and the signals
other parts listen to (friends' statuses, do not disturb, "message this friend")."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Signal

from gfdesk.feature import SwitcherEntry, SwitcherKind
from gfdesk.friends.model import FriendsModel
from gfdesk.friends.requestsmodel import RequestsModel
from gfdesk.friends.service import Friend, FriendsService
from gfdesk.friends.statusmodel import StatusModel
from gfdesk.friends.statuspicker import StatusPicker, status_menu
from gfdesk.friends.statusstore import StatusStore
from gfdesk.friends.view import FriendsView
from gfdesk.kit.timer import NamedTimer
from gfdesk.userstatus import Status, StatusInfo

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QWidget

    from gfdesk.feature import FeatureScope

#: A friend card for others (chat's group picker): user id, name, avatar URL.
FriendCard = tuple[str, str, str | None]


class FriendsFeature(QObject):
    """Friends list, requests, presence and the user's status.

    Args:
        scope: the signed-in account's connection and client (its ``data_dir`` keeps
            the chosen status across restarts, its ``avatars`` serve the pictures).
        parent: the Qt owner (the main window).
        monotonic: the idle clock (tests).

    Signals:
        status_changed(object, object): the user's effective ``Status`` and game.
        silenced_changed(bool): do not disturb started (True) or ended: no toasts.
        friend_statuses_changed(object): ``{user id: StatusInfo}`` of every friend, once
            per burst of friend-row changes and only when it changed: the one source of
            a friend's status for every other view (chat header, conversation list).
        friends_changed(object): the friends as a tuple of ``FriendCard``s, when the
            list changes (a friend added or removed, a profile changed).
        message_requested(str): the user asked to message this friend.
        call_requested(str, str): the user asked to call this friend; "video" or
            "audio" (the account flow hands it to the calls feature).
    """

    status_changed = Signal(object, object)
    silenced_changed = Signal(bool)
    friend_statuses_changed = Signal(object)
    friends_changed = Signal(object)
    message_requested = Signal(str)
    call_requested = Signal(str, str)

    def __init__(self, scope: FeatureScope, parent: QObject | None = None, *,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.service = FriendsService(scope.client, scope.connection, scope.user_id)
        """The Qt-free service (friendships, presence)."""
        self.model = FriendsModel(parent=self)
        """The friends list model."""
        directory = scope.data_dir / "status" if scope.data_dir is not None else None
        self.status = StatusModel(self.service, store=StatusStore(directory, scope.user_id),
                                  monotonic=monotonic, parent=self)
        """The user's status (``set_status``, ``silenced`` for do-not-disturb)."""
        self.requests = RequestsModel(self.service.friendships, parent=self)
        """Requests and player search."""
        self.status.status_changed.connect(self._on_status_changed)
        self.service.on_friends = self.model.set_friends
        self.service.on_friend_changes = self._on_friend_changes
        self.service.on_presence = self.model.update_presence
        self.service.on_relations = self.requests.refresh
        self._avatars = scope.avatars
        self.view = FriendsView(self.model, self.requests, scope.avatars)
        """The friends page."""
        self.view.message_requested.connect(self.message_requested)
        self._picker: StatusPicker | None = None
        self.view.call_requested.connect(self.call_requested)
        self._silenced = self.status.silenced
        self._statuses: dict[str, StatusInfo] = {}
        self._cards: tuple[FriendCard, ...] = ()
        # One look per burst of friend-row changes (a presence sync, the minute's
        # "last seen" refresh), not one per changed row; the cards only when friends
        # come or go.
        self._check = NamedTimer(self, "friends:status-check", single_shot=True)
        self._check.timeout.connect(self._check_friends)
        self._cards_stale = True
        self.model.dataChanged.connect(lambda *_: self._check.start())
        for change in (self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.modelReset):
            change.connect(self._on_rows_changed)

    @property
    def friend_statuses(self) -> dict[str, StatusInfo]:
        """Every friend's status (as last announced)."""
        return dict(self._statuses)

    @property
    def online_friends(self) -> frozenset[str]:
        """Friends online now (as last announced)."""
        return frozenset(u for u, s in self._statuses.items() if s.online)

    @property
    def silenced(self) -> bool:
        """Do not disturb: no toasts, no sounds."""
        return self._silenced

    def _on_status_changed(self, status: Status, game: str | None) -> None:
        self.status_changed.emit(status, game)
        if self.status.silenced != self._silenced:
            self._silenced = self.status.silenced
            self.silenced_changed.emit(self._silenced)

    def _on_friend_changes(self, added: list[Friend], removed: list[str]) -> None:
        self.model.upsert_friends(added)
        self.model.remove_friends(removed)

    def _on_rows_changed(self, *_: object) -> None:
        self._cards_stale = True
        self._check.start()

    def _check_friends(self) -> None:
        statuses = self.model.statuses()
        if statuses != self._statuses:
            self._statuses = statuses
            self.friend_statuses_changed.emit(dict(statuses))
        if not self._cards_stale:
            return
        self._cards_stale = False
        cards = tuple(sorted(((f.user_id, f.name, f.avatar_url)
                              for f in self.service.friends.values()),
                             key=lambda c: c[1].casefold()))
        if cards != self._cards:
            self._cards = cards
            self.friends_changed.emit(cards)

    # -- the user's status ---------------------------------------------------------------

    def status_menu(self, parent: QWidget | None = None) -> QMenu:
        """The short status menu for the tray."""
        return status_menu(self.status, parent, choose_game=self._pick_game_near_cursor)

    def status_picker(self, parent: QWidget | None = None) -> StatusPicker:
        """The full status picker (one per feature; the profile card pops it up)."""
        if self._picker is None:
            self._picker = StatusPicker(self.status, parent)
        return self._picker

    def _pick_game_near_cursor(self) -> None:
        from PySide6.QtGui import QCursor

        picker = self.status_picker()
        picker.popup_at(QCursor.pos() + QPoint(0, 0))
        picker.search.setFocus()

    # -- the quick switcher (gfdesk.feature.Switchable) ---------------------------------

    def switcher_entries(self) -> list[SwitcherEntry]:
        """Every friend, by name, with their status as the detail line."""
        friends = sorted(self.service.friends.values(), key=lambda f: f.name.casefold())
        return [SwitcherEntry(SwitcherKind.FRIEND, f.user_id, f.name,
                              self._statuses[f.user_id].text
                              if f.user_id in self._statuses else "")
                for f in friends]

    def open_switcher_entry(self, entry: SwitcherEntry) -> None:
        """A friend chosen in the switcher: message them (``message_requested``)."""
        self.message_requested.emit(entry.id)

    # -- requests -------------------------------------------------------------------------

    def show_requests(self) -> None:
        """Show the Requests tab (a friend request notification was clicked)."""
        self.view.show_requests()

    def reload_friends(self) -> None:
        """Read the friendships again (the channel does so after every rejoin)."""
        from gfdesk import bridge

        bridge.spawn(self.service.reload_friends(), name="friends:reload", owner=self,
                     group="reload")

    # -- life -------------------------------------------------------------------------------

    async def start(self) -> None:
        """Restore the saved status, load friends and follow them, go online (or stay
        invisible), start auto-away."""
        await self.status.load_saved()
        await self.service.start(self.status.status, self.status.game)
        self.requests.refresh()
        self.status.watch_input()

    async def aclose(self) -> None:
        """Stop auto-away, go offline, leave presence and the friends channel."""
        self.status.stop_watching()
        picker, self._picker = self._picker, None
        if picker is not None:
            picker.close()
            picker.deleteLater()
        await self.service.aclose()


__all__ = ["FriendCard", "FriendsFeature", "Status"]
