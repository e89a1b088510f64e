"""The friends list as a Qt item model, the user's own status, and auto-away.

``FriendsModel`` holds one row per accepted friend and updates rows in place: a
presence change emits ``dataChanged`` for that row only (never a reset), and a named
one-minute timer refreshes "last seen 5 min ago" on the offline rows that show it.
``FriendsProxyModel`` sorts (online first by status, then offline, by name) and
filters by the search text. ``StatusModel`` is the user's chosen status with auto-away
after ``IDLE_AWAY_S`` without input (an application-wide event filter, time through an
injectable clock) and back on input; it spawns the service's ``set_status``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QApplication

from gfdesk import bridge
from gfdesk.friends.presence import Presence, Status, last_seen_text
from gfdesk.friends.service import Friend, FriendsService
from gfdesk.kit.timer import NamedTimer

#: Refresh cadence of "last seen N min ago".
LAST_SEEN_REFRESH_MS = 60_000
#: Without input for this long, an online user becomes away.
IDLE_AWAY_S = 600.0
IDLE_CHECK_MS = 15_000

USER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 3
GAME_ROLE = Qt.ItemDataRole.UserRole + 4
NAME_ROLE = Qt.ItemDataRole.UserRole + 5
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})

Now = Callable[[], datetime]
Index = QModelIndex | QPersistentModelIndex


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class FriendRow:
    """One friend with their presence and, once they left, when that was."""

    friend: Friend
    presence: Presence
    offline_since: datetime | None = None

    @property
    def status(self) -> Status:
        return self.presence.status

    def last_seen(self) -> datetime | None:
        seen = [t for t in (self.offline_since, self.presence.last_seen) if t is not None]
        return max(seen) if seen else None


def subtitle(row: FriendRow, now: datetime) -> str:
    """The line under a friend's name."""
    if row.status is Status.IN_GAME:
        return f"Playing {row.presence.game}" if row.presence.game else "In game"
    if row.status is Status.OFFLINE:
        return last_seen_text(row.last_seen(), now)
    return row.status.label


class FriendsModel(QAbstractListModel):
    """Accepted friends with live presence.

    Signals:
        counts_changed(int, int): online and total friends.
    """

    counts_changed = Signal(int, int)

    def __init__(self, *, now: Now = _utc_now, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._rows: list[FriendRow] = []
        self._row_of: dict[str, int] = {}
        self._timer = NamedTimer(self, "friends:last-seen", interval_ms=LAST_SEEN_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_last_seen)
        self._timer.start()

    # -- Qt model -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, NAME_ROLE):
            return row.friend.name
        if role == USER_ID_ROLE:
            return row.friend.user_id
        if role == STATUS_ROLE:
            return row.status
        if role == SUBTITLE_ROLE:
            return subtitle(row, self._now())
        if role == GAME_ROLE:
            return row.presence.game
        if role == Qt.ItemDataRole.ToolTipRole:
            return None  # names are remote text; the delegate shows them in full
        return None

    # -- updates --------------------------------------------------------------------------

    def set_friends(self, friends: list[Friend]) -> None:
        """Replace the list (a friends reload, not a presence event)."""
        old = {r.friend.user_id: r for r in self._rows}
        self.beginResetModel()
        self._rows = [FriendRow(f, old[f.user_id].presence, old[f.user_id].offline_since)
                      if f.user_id in old else FriendRow(f, Presence(f.user_id))
                      for f in friends]
        self._row_of = {r.friend.user_id: i for i, r in enumerate(self._rows)}
        self.endResetModel()
        self._emit_counts()

    def update_presence(self, presences: list[Presence]) -> None:
        """Apply presence changes; only rows whose presence differs emit ``dataChanged``."""
        changed = False
        for presence in presences:
            i = self._row_of.get(presence.user_id)
            if i is None:
                continue
            row = self._rows[i]
            if row.presence == presence:
                continue
            since = row.offline_since
            if row.presence.online and not presence.online:
                since = self._now()
            self._rows[i] = replace(row, presence=presence, offline_since=since)
            index = self.index(i)
            self.dataChanged.emit(index, index, [STATUS_ROLE, SUBTITLE_ROLE, GAME_ROLE])
            changed = True
        if changed:
            self._emit_counts()

    def refresh_last_seen(self) -> None:
        """Re-emit the subtitle of offline rows that say "last seen ..." (timer slot)."""
        for i, row in enumerate(self._rows):
            if row.status is Status.OFFLINE and row.last_seen() is not None:
                index = self.index(i)
                self.dataChanged.emit(index, index, [SUBTITLE_ROLE])

    # -- queries ------------------------------------------------------------------------

    def row_of(self, user_id: str) -> FriendRow | None:
        i = self._row_of.get(user_id)
        return None if i is None else self._rows[i]

    def online_count(self) -> int:
        return sum(1 for r in self._rows if r.presence.online)

    def _emit_counts(self) -> None:
        self.counts_changed.emit(self.online_count(), len(self._rows))


class FriendsProxyModel(QSortFilterProxyModel):
    """Online friends first (in game, online, busy, away), then offline; by name;
    filtered by the search text (case-insensitive, anywhere in the name)."""

    def __init__(self, source: FriendsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setFilterRole(NAME_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
        self.sort(0)

    def set_search(self, text: str) -> None:
        """Show only friends whose name contains ``text``."""
        self.setFilterFixedString(text.strip())

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(STATUS_ROLE), right.data(STATUS_ROLE)
        if a is not b:
            return bool(a.rank < b.rank)
        return str(left.data(NAME_ROLE)).casefold() < str(right.data(NAME_ROLE)).casefold()


class StatusModel(QObject):
    """The signed-in user's status: chosen, or away after a while without input.

    Args:
        service: where the status is tracked (None: nowhere yet, e.g. in a preview).
        monotonic: the clock for idle time (tests pass their own).
        idle_away_s: how long without input before an online user goes away.

    Signals:
        status_changed(object, object): the effective ``Status`` and the game (str/None).
    """

    status_changed = Signal(object, object)

    def __init__(self, service: FriendsService | None = None, *,
                 monotonic: Callable[[], float] = time.monotonic,
                 idle_away_s: float = IDLE_AWAY_S, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._monotonic = monotonic
        self._idle_away_s = idle_away_s
        self._chosen = Status.ONLINE
        self._game: str | None = None
        self._auto_away = False
        self._last_input = monotonic()
        self._timer = NamedTimer(self, "status:idle-check", interval_ms=IDLE_CHECK_MS)
        self._timer.timeout.connect(self.check_idle)
        self._watching = False

    @property
    def chosen(self) -> Status:
        return self._chosen

    @property
    def game(self) -> str | None:
        return self._game

    @property
    def status(self) -> Status:
        """What others see."""
        return Status.AWAY if self._auto_away else self._chosen

    @property
    def silenced(self) -> bool:
        """Do not disturb: no toasts, no sounds."""
        return self.status is Status.BUSY

    def set_status(self, status: Status, game: str | None = None) -> None:
        """The user picked ``status`` (and a game when in game)."""
        old = (self.status, self._game)
        self._chosen = status
        self._game = game if status is Status.IN_GAME else None
        self._auto_away = False
        self._changed(old)

    def watch_input(self, app: QApplication | None = None) -> None:
        """Start auto-away: watch every input event of the application."""
        app = app or QApplication.instance()  # type: ignore[assignment]
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True
        self._timer.start()

    def stop_watching(self, app: QApplication | None = None) -> None:
        app = app or QApplication.instance()  # type: ignore[assignment]
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.note_input()
        return False

    def note_input(self) -> None:
        """The user did something: reset the idle time, and come back if auto-away."""
        self._last_input = self._monotonic()
        if self._auto_away:
            old = (self.status, self._game)
            self._auto_away = False
            self._changed(old)

    def check_idle(self) -> None:
        """Go away if idle long enough while online (timer slot; tests call it)."""
        idle = self._monotonic() - self._last_input
        if not self._auto_away and self._chosen is Status.ONLINE and idle >= self._idle_away_s:
            old = (self.status, self._game)
            self._auto_away = True
            self._changed(old)

    def _changed(self, old: tuple[Status, str | None]) -> None:
        new = (self.status, self._game)
        if new == old:
            return
        self.status_changed.emit(*new)
        if self._service is not None:
            bridge.spawn(self._service.set_status(*new), name="status:track", owner=self,
                         group="track")
