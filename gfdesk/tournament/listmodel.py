"""The tournaments list: upcoming, live and finished, each under its heading.

Rows are headings and tournaments in one list (a heading only when its group has a
tournament). Upcoming ones come soonest first, live ones newest start first, finished
ones newest first. Names and games are remote text, shown as plain text by the
delegate.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from gfdesk.tournament.info import Tournament, TournamentStatus

#: What a row is (a ``RowKind``).
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
#: A tournament row's ``Tournament``.
TOURNAMENT_ROLE = Qt.ItemDataRole.UserRole + 2
#: A tournament row's id.
ID_ROLE = Qt.ItemDataRole.UserRole + 3

GROUP_ORDER = (TournamentStatus.LIVE, TournamentStatus.REGISTRATION, TournamentStatus.FINISHED)
_FAR = dt.datetime.max.replace(tzinfo=dt.UTC)

Index = QModelIndex | QPersistentModelIndex


class RowKind(enum.Enum):
    HEADING = "heading"
    TOURNAMENT = "tournament"


def _sort_key(t: Tournament) -> tuple[Any, ...]:
    if t.status is TournamentStatus.REGISTRATION:
        return ((t.starts_at or _FAR).timestamp(), t.name.casefold())
    moment = (t.starts_at or t.created_at) if t.status is TournamentStatus.LIVE else t.created_at
    return (-moment.timestamp(), t.name.casefold())


class TournamentListModel(QAbstractListModel):
    """Tournaments grouped by status."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tournaments: dict[str, Tournament] = {}
        self._rows: list[TournamentStatus | str] = []

    def set_tournaments(self, tournaments: Iterable[Tournament]) -> None:
        self.beginResetModel()
        self._tournaments = {t.id: t for t in tournaments}
        self._rows = self._arrange()
        self.endResetModel()

    def update(self, tournament: Tournament) -> None:
        """A tournament is new or changed (its group may change: rows move)."""
        old = self._tournaments.get(tournament.id)
        self._tournaments[tournament.id] = tournament
        if old is not None and old.status is tournament.status and _sort_key(old) == \
                _sort_key(tournament):
            row = self._rows.index(tournament.id)
            self.dataChanged.emit(self.index(row), self.index(row))
            return
        self.layoutAboutToBeChanged.emit()
        self._rows = self._arrange()
        self.layoutChanged.emit()

    def remove(self, tournament_id: str) -> None:
        """A tournament is gone."""
        if self._tournaments.pop(tournament_id, None) is not None:
            self.beginResetModel()
            self._rows = self._arrange()
            self.endResetModel()

    def _arrange(self) -> list[TournamentStatus | str]:
        rows: list[TournamentStatus | str] = []
        for status in GROUP_ORDER:
            group = sorted((t for t in self._tournaments.values() if t.status is status),
                           key=_sort_key)
            if group:
                rows.append(status)
                rows += [t.id for t in group]
        return rows

    def get(self, tournament_id: str) -> Tournament | None:
        return self._tournaments.get(tournament_id)

    def row_of(self, tournament_id: str) -> int:
        try:
            return self._rows.index(tournament_id)
        except ValueError:
            return -1

    def tournaments(self) -> list[Tournament]:
        return [self._tournaments[r] for r in self._rows if isinstance(r, str)]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and isinstance(self._rows[index.row()], TournamentStatus):
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if isinstance(row, TournamentStatus):
            if role == KIND_ROLE:
                return RowKind.HEADING
            if role == Qt.ItemDataRole.DisplayRole:
                return row.title
            return None
        tournament = self._tournaments[row]
        if role == KIND_ROLE:
            return RowKind.TOURNAMENT
        if role == TOURNAMENT_ROLE:
            return tournament
        if role == ID_ROLE:
            return tournament.id
        if role == Qt.ItemDataRole.DisplayRole:
            return tournament.name
        return None
