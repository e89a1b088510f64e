"""The conversation list as a Qt list model: sorted by activity, unread counts, presence.

Live messages change a summary (preview, time, unread) and may move it to the top; a
move is a layout change with the persistent indexes carried along, so the selection
stays on the same conversation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from gfdesk.chat.conversations import ConversationSummary, by_activity

#: The ConversationSummary of a row.
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
#: True / False: the other member of a direct chat is online; None: no presence known.
ONLINE_ROLE = Qt.ItemDataRole.UserRole + 2
#: The conversation id.
ID_ROLE = Qt.ItemDataRole.UserRole + 3

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
        if role == ID_ROLE:
            return summary.id
        if role == ONLINE_ROLE:
            if self._online is None or summary.other_id is None:
                return None
            return summary.other_id in self._online
        return None

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

    def set_online(self, user_ids: Iterable[str] | None) -> None:
        """Who is online (None: no presence source, no dots); the rows repaint only
        when that changed."""
        online = None if user_ids is None else set(user_ids)
        if online == self._online:
            return
        self._online = online
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def _emit_unread(self) -> None:
        total = sum(s.unread for s in self._rows)
        if total != self._unread_total:
            self._unread_total = total
            self.unread_changed.emit(total)
