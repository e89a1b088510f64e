"""The friends list as a Qt item model, sorted and searchable.

``FriendsModel`` holds one row per accepted friend, kept in display order (online
first by status, then offline, by name): a 2,000-friend list is sorted in Python once
(a few milliseconds) instead of by a proxy comparing rows one Python call at a time
(some 30,000 calls, a visible freeze). A presence change emits ``dataChanged`` for its
row only (never a reset) unless it moves the row, and a burst of moves is one layout
change. A friend accepted or removed elsewhere is one inserted or removed row, and a
named one-minute timer refreshes "last seen 5 min ago" on the offline rows that show
it. ``FriendsProxyModel`` only filters by the search text. The user's own status is
``statusmodel.StatusModel``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from gfdesk.friends.presence import Presence, Status, last_seen_text
from gfdesk.friends.service import Friend
from gfdesk.kit.timer import NamedTimer
from gfdesk.userstatus import StatusInfo

#: Refresh cadence of "last seen N min ago".
LAST_SEEN_REFRESH_MS = 60_000

USER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 3
GAME_ROLE = Qt.ItemDataRole.UserRole + 4
NAME_ROLE = Qt.ItemDataRole.UserRole + 5
AVATAR_URL_ROLE = Qt.ItemDataRole.UserRole + 6

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


def sort_key(row: FriendRow) -> tuple[int, str, str]:
    """Where a row goes: by status (in game, online, busy, away, offline), then name."""
    return (row.status.rank, row.friend.name.casefold(), row.friend.user_id)


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
        #: Who shows each picture URL (a picture that arrives repaints their rows only).
        self._by_avatar: dict[str, set[str]] = {}
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
        if role in (SUBTITLE_ROLE, Qt.ItemDataRole.AccessibleDescriptionRole):
            # A screen reader says the status line the delegate paints under the name.
            return subtitle(row, self._now())
        if role == GAME_ROLE:
            return row.presence.game
        if role == AVATAR_URL_ROLE:
            return row.friend.avatar_url
        if role == Qt.ItemDataRole.ToolTipRole:
            return None  # names are remote text; the delegate shows them in full
        return None

    # -- updates --------------------------------------------------------------------------

    def set_friends(self, friends: list[Friend]) -> None:
        """Replace the list (a friends reload, not a presence event)."""
        old = {r.friend.user_id: r for r in self._rows}
        self.beginResetModel()
        self._rows = sorted((FriendRow(f, old[f.user_id].presence, old[f.user_id].offline_since)
                             if f.user_id in old else FriendRow(f, Presence(f.user_id))
                             for f in friends), key=sort_key)
        self._reindex()
        self.endResetModel()
        self._emit_counts()

    def upsert_friends(self, friends: Iterable[Friend]) -> None:
        """Friends added (a row each) or whose profile changed (their row changes)."""
        moved = False
        for friend in friends:
            i = self._row_of.get(friend.user_id)
            if i is not None:
                self._rows[i] = replace(self._rows[i], friend=friend)
                index = self.index(i)
                self.dataChanged.emit(index, index)
                moved = True  # a new name may sort elsewhere
                continue
            row = FriendRow(friend, Presence(friend.user_id))
            at = bisect.bisect_left([sort_key(r) for r in self._rows], sort_key(row))
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.insert(at, row)
            self._reindex()
            self.endInsertRows()
        if moved:
            self._resort()
        self._emit_counts()

    def remove_friends(self, user_ids: Iterable[str]) -> None:
        """Friends no longer (removed, blocked, or they removed the user)."""
        for user_id in user_ids:
            i = self._row_of.get(user_id)
            if i is None:
                continue
            self.beginRemoveRows(QModelIndex(), i, i)
            del self._rows[i]
            self._reindex()
            self.endRemoveRows()
        self._emit_counts()

    def _reindex(self) -> None:
        self._row_of = {r.friend.user_id: i for i, r in enumerate(self._rows)}
        self._by_avatar = {}
        for row in self._rows:
            if row.friend.avatar_url:
                self._by_avatar.setdefault(row.friend.avatar_url, set()).add(row.friend.user_id)

    def _resort(self) -> None:
        """Put the rows back in display order as one layout change (persistent indexes,
        e.g. the selection, follow their rows)."""
        order = sorted(range(len(self._rows)), key=lambda i: sort_key(self._rows[i]))
        if order == list(range(len(self._rows))):
            return
        self.layoutAboutToBeChanged.emit()
        new_row = {old: new for new, old in enumerate(order)}
        persistent = self.persistentIndexList()
        self._rows = [self._rows[i] for i in order]
        self._reindex()
        self.changePersistentIndexList(
            persistent, [self.index(new_row[p.row()]) if 0 <= p.row() < len(new_row)
                         else QModelIndex() for p in persistent])
        self.layoutChanged.emit()

    def rows_with_avatar(self, url: str) -> list[int]:
        """The rows that show the picture of ``url``."""
        return sorted(self._row_of[u] for u in self._by_avatar.get(url, ()))

    def statuses(self) -> dict[str, StatusInfo]:
        """Every friend's status as shown (one source for every other view)."""
        return {r.friend.user_id: StatusInfo(r.presence.status, r.presence.game)
                for r in self._rows}

    def update_presence(self, presences: list[Presence]) -> None:
        """Apply presence changes; only rows whose presence differs emit ``dataChanged``
        (and a status that sorts elsewhere moves its row, all moves as one layout
        change)."""
        changed: list[str] = []
        moves = False
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
            moves = moves or presence.status.rank != row.presence.status.rank
            changed.append(presence.user_id)
        if not changed:
            return
        if moves:
            self._resort()
        for user_id in changed:
            index = self.index(self._row_of[user_id])
            self.dataChanged.emit(index, index, [STATUS_ROLE, SUBTITLE_ROLE, GAME_ROLE])
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
    """The friends in the model's order (online first by status, then offline, by
    name), filtered by the search text (case-insensitive, anywhere in the name)."""

    def __init__(self, source: FriendsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setFilterRole(NAME_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)

    def set_search(self, text: str) -> None:
        """Show only friends whose name contains ``text``."""
        self.setFilterFixedString(text.strip())
