"""The tournament chat as a list: messages oldest first, ours marked while they send.

Bodies and names are remote text: the list shows them through ``DisplayRole`` as
plain text only. The model keeps the newest ``MAX_MESSAGES`` (older ones scroll off
for good; the tournament page is not a chat archive).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from gfdesk.i18nmark import formats
from gfdesk.tournament.info import TournamentMessage

#: Messages held at most.
MAX_MESSAGES = 500
#: The message's sender id, and its state ("sent", "sending", "failed").
SENDER_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class TournamentChatModel(QAbstractListModel):
    """Chat messages of one tournament.

    Args:
        name_of: a sender's display name.
        tz: the time zone times are shown in.
        parent: the owner.
    """

    def __init__(self, name_of: Callable[[str], str], tz: dt.tzinfo,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name_of = name_of
        self._tz = tz
        self._messages: list[TournamentMessage] = []
        self._ids: set[str] = set()
        self._states: dict[str, str] = {}

    def messages(self) -> list[TournamentMessage]:
        return list(self._messages)

    def set_messages(self, messages: Iterable[TournamentMessage]) -> None:
        self.beginResetModel()
        self._messages = sorted({m.id: m for m in messages}.values(), key=lambda m: m.key)
        self._messages = self._messages[-MAX_MESSAGES:]
        self._ids = {m.id for m in self._messages}
        self.endResetModel()

    def add(self, message: TournamentMessage, state: str = "sent") -> None:
        """A message arrived (or one of ours is sending); a known id only changes state
        (the server's row confirms ours)."""
        if message.id in self._ids:
            self.set_state(message.id, state)
            return
        row = len(self._messages)
        while row > 0 and self._messages[row - 1].key > message.key:
            row -= 1
        self.beginInsertRows(QModelIndex(), row, row)
        self._messages.insert(row, message)
        self._ids.add(message.id)
        if state != "sent":
            self._states[message.id] = state
        self.endInsertRows()
        if len(self._messages) > MAX_MESSAGES:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            gone = self._messages.pop(0)
            self._ids.discard(gone.id)
            self._states.pop(gone.id, None)
            self.endRemoveRows()

    def set_state(self, message_id: str, state: str) -> None:
        if message_id not in self._ids:
            return
        if state == "sent":
            self._states.pop(message_id, None)
        else:
            self._states[message_id] = state
        row = next(i for i, m in enumerate(self._messages) if m.id == message_id)
        self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._messages)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._messages):
            return None
        message = self._messages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            state = self._states.get(message.id, "")
            when = formats().time(message.created_at.astimezone(self._tz))
            suffix = {"sending": self.tr("  · sending…"),
                      "failed": self.tr("  · not sent")}.get(state, "")
            return f"{self._name_of(message.sender_id)}  {when}{suffix}\n{message.body}"
        if role == SENDER_ROLE:
            return message.sender_id
        if role == STATE_ROLE:
            return self._states.get(message.id, "sent")
        if role == Qt.ItemDataRole.ToolTipRole:
            return formats().date_time(message.created_at.astimezone(self._tz))
        return None
