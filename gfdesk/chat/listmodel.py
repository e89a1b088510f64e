"""The conversation list as a Qt list model: sorted by activity, unread counts, status.

The other member's status in a direct conversation is the friends feature's, handed in
with ``set_statuses`` (one source for the list's dots, the chat header and the friends
list); ``set_online`` is the older, coarser form (online or not, nothing more).

Live messages change a summary (preview, time, unread) and may move it to the top; a
move is a layout change with the persistent indexes carried along, so the selection
stays on the same conversation.
"""

from __future__ import annotations

from collections.abc import Iterable
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

from gfdesk.chat.conversations import ConversationSummary, by_activity
from gfdesk.userstatus import Status, StatusInfo

#: The ConversationSummary of a row.
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
#: True / False: the other member of a direct chat is online; None: no presence known.
ONLINE_ROLE = Qt.ItemDataRole.UserRole + 2
#: The conversation id.
ID_ROLE = Qt.ItemDataRole.UserRole + 3
#: The other member's ``StatusInfo`` in a direct conversation (None: not known).
STATUS_ROLE = Qt.ItemDataRole.UserRole + 4

Index = QModelIndex | QPersistentModelIndex


class ConversationListModel(QAbstractListModel):
    """Every conversation of the user, most recently active first.

    Signals:
        unread_changed(int): the total unread count changed (the new total).
    """

    unread_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ConversationSummary] = []
        self._online: set[str] | None = None
        self._statuses: dict[str, StatusInfo] | None = None
        self._unread_total = 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == SUMMARY_ROLE:
            return summary
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.title
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            # The unread count the delegate paints as a pill, for a screen reader.
            return QCoreApplication.translate(
                "ConversationListModel", "%n unread", "", summary.unread) \
                if summary.unread else ""
        if role == ID_ROLE:
            return summary.id
        if role == ONLINE_ROLE:
            info = self.status_of(summary.other_id)
            return None if info is None else info.online
        if role == STATUS_ROLE:
            return self.status_of(summary.other_id)
        return None

    def status_of(self, user_id: str | None) -> StatusInfo | None:
        """``user_id``'s status as last told (None: not known)."""
        if user_id is None:
            return None
        if self._statuses is not None:
            return self._statuses.get(user_id)
        if self._online is None:
            return None
        return StatusInfo(Status.ONLINE if user_id in self._online else Status.OFFLINE)

    # -- reading ----------------------------------------------------------------------

    def summaries(self) -> list[ConversationSummary]:
        return list(self._rows)

    def get(self, conversation_id: str) -> ConversationSummary | None:
        return next((s for s in self._rows if s.id == conversation_id), None)

    def row_of(self, conversation_id: str) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == conversation_id), -1)

    @property
    def unread_total(self) -> int:
        return self._unread_total

    # -- writing ----------------------------------------------------------------------

    def set_summaries(self, summaries: Iterable[ConversationSummary]) -> None:
        """Replace the whole list (the first load, or a reload after a new membership)."""
        self.beginResetModel()
        self._rows = by_activity(summaries)
        self.endResetModel()
        self._emit_unread()

    def update(self, summaries: Iterable[ConversationSummary]) -> None:
        """Put changed summaries in (by id; unknown ones are added) and re-sort."""
        changed = {s.id: s for s in summaries}
        if not changed:
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = [s.id for s in self._rows]
        merged = {s.id: s for s in self._rows}
        merged.update(changed)
        self._rows = by_activity(merged.values())
        new_row = {s.id: i for i, s in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(new_row[old_ids[p.row()]]) if p.row() < len(old_ids)
                         else QModelIndex() for p in persistent])
        self.layoutChanged.emit()
        for conversation_id in changed:
            index = self.index(new_row[conversation_id])
            self.dataChanged.emit(index, index)
        self._emit_unread()

    @property
    def online(self) -> frozenset[str] | None:
        """Who is online as last told (None: no presence source)."""
        return None if self._online is None else frozenset(self._online)

    def set_statuses(self, statuses: dict[str, StatusInfo] | None) -> None:
        """Friends' statuses (None: unknown); the rows repaint only when that changed."""
        if statuses == self._statuses:
            return
        self._statuses = None if statuses is None else dict(statuses)
        if statuses is not None:
            self._online = {u for u, s in statuses.items() if s.online}
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def set_online(self, user_ids: Iterable[str] | None) -> None:
        """Who is online (None: no presence source, no dots); the rows repaint only
        when that changed."""
        online = None if user_ids is None else set(user_ids)
        if online == self._online and self._statuses is None:
            return
        self._online = online
        self._statuses = None
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def _emit_unread(self) -> None:
        total = sum(s.unread for s in self._rows)
        if total != self._unread_total:
            self._unread_total = total
            self.unread_changed.emit(total)
