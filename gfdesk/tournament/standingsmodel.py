"""Standings as a table: the league table of round robin and Swiss, or the places of an
elimination bracket (who went out where).

``StandingsModel`` recomputes from the bracket when told it changed, at most once per
event-loop turn (a result changes several rows at once). Names are remote text; the
default delegate paints them as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from gfdesk.kit.avatar import AvatarCache
from gfdesk.kit.timer import NamedTimer
from gfdesk.tournament.export import placements
from gfdesk.tournament.graph import Bracket
from gfdesk.tournament.matches import describe
from gfdesk.tournament.standings import standings

LEAGUE_COLUMNS = ("#", "Player", "Played", "W", "D", "L", "Points", "Tiebreak", "+/-")
ELIMINATION_COLUMNS = ("Place", "Player", "Seed", "W", "L", "Out in")
#: The player id of a row.
ID_ROLE = Qt.ItemDataRole.UserRole + 1
AVATAR_SIZE = 20

Index = QModelIndex | QPersistentModelIndex


class StandingsModel(QAbstractTableModel):
    """The standings of one tournament.

    Args:
        bracket: returns the current bracket (None before the start).
        name_of: a player's display name.
        me: the signed-in user (their row is bold).
        parent: the owner.
    """

    def __init__(self, bracket: Callable[[], Bracket | None], name_of: Callable[[str], str],
                 me: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bracket = bracket
        self._name_of = name_of
        self._me = me
        self._rows: list[tuple[str, tuple[Any, ...]]] = []
        self._league = True
        self._avatars = AvatarCache()
        self._bold = QFont()
        self._bold.setBold(True)
        self._timer = NamedTimer(self, "tournament:standings", single_shot=True)
        self._timer.timeout.connect(self.refresh)

    @property
    def columns(self) -> tuple[str, ...]:
        return LEAGUE_COLUMNS if self._league else ELIMINATION_COLUMNS

    def changed(self) -> None:
        """The bracket changed: recompute soon (once for a burst)."""
        if not self._timer.isActive():
            self._timer.start()

    def refresh(self) -> None:
        """Recompute now."""
        bracket = self._bracket()
        self.beginResetModel()
        self._rows = []
        if bracket is not None:
            self._league = bracket.format.is_league
            if self._league:
                self._rows = [(s.participant_id, (
                    s.rank, self._name_of(s.participant_id), s.played, s.wins, s.draws,
                    s.losses, f"{s.points:g}", f"{s.tiebreak / 2:g}",
                    f"{s.score_difference:+d}")) for s in standings(bracket)]
            else:
                self._rows = [(p.participant_id, (
                    p.place, self._name_of(p.participant_id), p.seed, p.wins, p.losses,
                    p.out_in or "—")) for p in placements(bracket, describe)]
        self.endResetModel()

    def player_at(self, row: int) -> str:
        return self._rows[row][0]

    # -- QAbstractTableModel ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation is Qt.Orientation.Horizontal:
            return self.columns[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        player, values = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(values[column])
        if role == ID_ROLE:
            return player
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return self._avatars.get(str(values[1]), AVATAR_SIZE, 1.0)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and player == self._me:
            return self._bold
        return None
