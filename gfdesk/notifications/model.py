"""The notification centre's Qt model: newest first, unread state, mark read.

Rows change in place (insert at the top for new ones, ``dataChanged`` for a read
one); the unread count is published on every change for the sidebar and tray badges.
Marking read updates the row at once and spawns the service's outbox write.

New notifications that arrive together (a gap fill after a reconnect delivers up to a
thousand in one go) enter the model together: ``add`` collects them until the event
loop turns, then one insertion and one unread count, not one per row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from gfdesk import bridge
from gfdesk.i18nmark import plural
from gfdesk.kit.timer import NamedTimer
from gfdesk.notifications.service import Notification, NotificationsService
from gfdesk.targets import Target
from gfdesk.timestamps import parse_or_none as parse_time

TITLE_ROLE = Qt.ItemDataRole.UserRole + 1
BODY_ROLE = Qt.ItemDataRole.UserRole + 2
UNREAD_ROLE = Qt.ItemDataRole.UserRole + 3
TIME_ROLE = Qt.ItemDataRole.UserRole + 4
TYPE_ROLE = Qt.ItemDataRole.UserRole + 5
NOTIFICATION_ROLE = Qt.ItemDataRole.UserRole + 6
#: Who it is from, as an ``Actor`` (None: not said, or not known yet).
ACTOR_ROLE = Qt.ItemDataRole.UserRole + 7
#: Refresh cadence of "5 min ago".
TIME_REFRESH_MS = 60_000

Index = QModelIndex | QPersistentModelIndex
Now = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def ago_text(created_at: str, now: datetime) -> str:
    """"just now", "5 min ago", "3 h ago", "2 d ago"."""
    moment = parse_time(created_at)
    if moment is None:
        return ""
    seconds = max(0.0, (now - moment).total_seconds())
    if seconds < 60:
        return QCoreApplication.translate("NotificationsModel", "just now")
    if seconds < 3600:
        return plural("%n min ago", int(seconds // 60))
    if seconds < 86400:
        return plural("%n h ago", int(seconds // 3600))
    return plural("%n d ago", int(seconds // 86400))


class NotificationsModel(QAbstractListModel):
    """Notifications, newest first.

    Signals:
        unread_changed(int): how many are unread.
        notification_received(object): a new ``Notification`` arrived (live or after a
            reconnect), not one of those loaded at start.
    """

    unread_changed = Signal(int)
    notification_received = Signal(object)

    def __init__(self, service: NotificationsService | None = None, *, now: Now = _utc_now,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._now = now
        self._rows: list[Notification] = []
        self._ids: set[str] = set()
        self._incoming: dict[str, Notification] = {}
        self._arrivals = NamedTimer(self, "notifications:arrivals", single_shot=True)
        self._arrivals.timeout.connect(self._take_arrivals)
        self._timer = NamedTimer(self, "notifications:times", interval_ms=TIME_REFRESH_MS)
        self._timer.timeout.connect(self._refresh_times)
        self._timer.start()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, TITLE_ROLE):
            return item.title
        if role == BODY_ROLE:
            return item.body
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            # What the delegate paints beside the title, for a screen reader.
            unread = QCoreApplication.translate("NotificationsModel", "unread")
            return ", ".join(part for part in (item.body, ago_text(item.created_at, self._now()),
                                               unread if item.unread else "") if part)
        if role == UNREAD_ROLE:
            return item.unread
        if role == TIME_ROLE:
            return ago_text(item.created_at, self._now())
        if role == TYPE_ROLE:
            return item.type
        if role == NOTIFICATION_ROLE:
            return item
        if role == ACTOR_ROLE:
            actor = item.actor_id
            return None if actor is None or self._service is None \
                else self._service.actors.get(actor)
        return None

    def actors_changed(self) -> None:
        """More actors are known: their rows repaint."""
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [ACTOR_ROLE])

    def unread_count(self) -> int:
        return sum(1 for n in self._rows if n.unread)

    def notification(self, row: int) -> Notification:
        return self._rows[row]

    def set_notifications(self, items: list[Notification]) -> None:
        """The initial load (newest first)."""
        self.beginResetModel()
        self._rows = sorted(items, key=lambda n: (n.created_at, n.id), reverse=True)
        self._ids = {n.id for n in self._rows}
        self.endResetModel()
        self.unread_changed.emit(self.unread_count())

    def add(self, item: Notification) -> None:
        """A new notification: it enters the model with the others that arrive in the
        same turn of the event loop (see the module docstring)."""
        if item.id in self._ids or item.id in self._incoming:
            return
        self._incoming[item.id] = item
        if not self._arrivals.isActive():
            self._arrivals.start()

    def _take_arrivals(self) -> None:
        incoming = sorted(self._incoming.values(), key=lambda n: (n.created_at, n.id),
                          reverse=True)
        self._incoming = {}
        if not incoming:
            return
        oldest_new = (incoming[-1].created_at, incoming[-1].id)
        newest_old = (self._rows[0].created_at, self._rows[0].id) if self._rows else None
        if newest_old is None or oldest_new > newest_old:
            # Almost always: all of them newer than what is shown, one block at the top.
            self.beginInsertRows(QModelIndex(), 0, len(incoming) - 1)
            self._rows[:0] = incoming
            self._ids.update(n.id for n in incoming)
            self.endInsertRows()
        else:
            self.beginResetModel()
            self._rows = sorted([*self._rows, *incoming], key=lambda n: (n.created_at, n.id),
                                reverse=True)
            self._ids.update(n.id for n in incoming)
            self.endResetModel()
        for item in reversed(incoming):  # oldest first, as they happened
            self.notification_received.emit(item)
        self.unread_changed.emit(self.unread_count())

    def mark_read(self, row: int) -> None:
        """Mark one read (here at once, on the server through the outbox)."""
        item = self._rows[row]
        if not item.unread:
            return
        read_at = self._read_at()
        self._rows[row] = replace(item, read_at=read_at)
        index = self.index(row)
        self.dataChanged.emit(index, index, [UNREAD_ROLE])
        self.unread_changed.emit(self.unread_count())
        if self._service is not None:
            bridge.spawn(self._service.mark_read(item.id, read_at),
                         name="notifications:mark-read", owner=self)

    def mark_read_about(self, target: Target) -> int:
        """Mark every unread notification about ``target`` read (the conversation was
        read, the request answered); returns how many."""
        rows = [i for i, n in enumerate(self._rows) if n.unread and n.target == target]
        for row in rows:
            self.mark_read(row)
        return len(rows)

    def mark_all_read(self) -> None:
        """Mark every unread one read."""
        rows = [i for i, n in enumerate(self._rows) if n.unread]
        if not rows:
            return
        read_at = self._read_at()
        for i in rows:
            self._rows[i] = replace(self._rows[i], read_at=read_at)
        self.dataChanged.emit(self.index(rows[0]), self.index(rows[-1]), [UNREAD_ROLE])
        self.unread_changed.emit(0)
        if self._service is not None:
            ids = [self._rows[i].id for i in rows]
            bridge.spawn(self._service.mark_all_read(ids, read_at),
                         name="notifications:mark-all-read", owner=self)

    def _read_at(self) -> str:
        return self._now().astimezone(UTC).isoformat()

    def _refresh_times(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [TIME_ROLE])
