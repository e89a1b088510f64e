"""The bracket as the view sees it: cards by match id, and what changed.

``BracketModel`` reads the open tournament's ``TournamentFeed`` (its bracket, names,
live scores) and tells the bracket view, per match, what to repaint: a live update
emits ``match_changed`` for the matches it touched, never a rebuild; only a new
structure (the tournament started, a Swiss round was paired or reset) emits
``rebuilt``. It also holds which match the host selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from gfdesk.tournament.cards import Card, card
from gfdesk.tournament.layout import Layout, layout

if TYPE_CHECKING:
    from gfdesk.tournament.feed import TournamentFeed
    from gfdesk.tournament.graph import Bracket
    from gfdesk.tournament.scores import LiveScore


class BracketModel(QObject):
    """Cards of one tournament's bracket.

    Args:
        feed: the open tournament's feed (read, never changed here).
        me: the signed-in user (their matches are marked).
        parent: the owner.

    Signals:
        rebuilt(): the bracket's structure changed (or it appeared): lay it out again.
        match_changed(str): one match's card changed (a result, a live score).
        selection_changed(str): the selected match ("" for none).
    """

    rebuilt = Signal()
    match_changed = Signal(str)
    selection_changed = Signal(str)

    def __init__(self, feed: TournamentFeed, me: str | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._feed = feed
        self.me = me
        self._names: dict[str, str] = {}
        self._seeds: dict[str, int] = {}
        self._layout: Layout | None = None
        self.selected = ""
        self._index()

    @property
    def bracket(self) -> Bracket | None:
        return self._feed.live.bracket

    def layout(self) -> Layout | None:
        """Where every card goes (computed once per structure)."""
        bracket = self.bracket
        if bracket is None:
            return None
        if self._layout is None:
            self._layout = layout(bracket)
        return self._layout

    def reword(self) -> None:
        """The language changed: the next ``layout`` words its headers in the new one."""
        self._layout = None

    def _index(self) -> None:
        bracket = self.bracket
        service = self._feed.service
        self._names = {e.user_id: e.name for e in self._feed.entrants}
        if bracket is not None:
            self._seeds = {p.id: p.seed for p in bracket.participants}
            for p in bracket.participants:
                self._names.setdefault(p.id, service.name_of(p.id))
        else:
            self._seeds = {}

    def name_of(self, user_id: str) -> str:
        return self._names.get(user_id) or self._feed.service.name_of(user_id)

    def card(self, match_id: str) -> Card | None:
        """What the card of ``match_id`` shows (None: no such match)."""
        bracket = self.bracket
        match = bracket.get(match_id) if bracket is not None else None
        if bracket is None or match is None:
            return None
        return card(bracket, match, names=self._names, seeds=self._seeds, me=self.me,
                    live_score=self._feed.scores.get(match_id))

    # -- from the feed ------------------------------------------------------------------

    def on_matches(self, match_ids: tuple[str, ...]) -> None:
        """The feed's ``on_matches``: repaint those cards, or rebuild for ``()``."""
        if not match_ids:
            self._layout = None
            self._index()
            if self.selected and (self.bracket is None or self.bracket.get(self.selected)
                                  is None):
                self.select("")
            self.rebuilt.emit()
            return
        for match_id in match_ids:
            self.match_changed.emit(match_id)

    def on_score(self, match_id: str, _score: LiveScore | None) -> None:
        """The feed's ``on_score``: the card shows the new in-progress score."""
        self.match_changed.emit(match_id)

    def select(self, match_id: str) -> None:
        """Select a match (the host's console acts on it)."""
        if match_id != self.selected:
            self.selected = match_id
            self.selection_changed.emit(match_id)
