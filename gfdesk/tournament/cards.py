"""What a match card shows: two player lines, scores, and the match's state. Qt-free,
pure.

``card`` turns a match (and the names, seeds, live scores and who is looking) into a
``Card`` the bracket view paints without looking anything up. The card of a live
match shows the in-progress score of the newest ``score_update`` until the result
lands; the winner's line is emphasised and the loser's dimmed; the viewer's own
matches are marked. Names are remote text and are painted as plain text.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from gfdesk.fallbacknames import unknown
from gfdesk.tournament.graph import Bracket
from gfdesk.tournament.layout import match_name, slot_hint, slot_source, tag
from gfdesk.tournament.matches import Match, MatchStatus
from gfdesk.tournament.scores import LiveScore


class LineState(enum.Enum):
    """How one player line of a card looks."""

    #: A player, no result yet.
    PLAYER = "player"
    #: The winner of a decided match.
    WINNER = "winner"
    #: The loser of a decided match.
    LOSER = "loser"
    #: No player: waiting for a feeding match (``hint`` says which).
    WAITING = "waiting"
    #: No player and none will come.
    BYE = "bye"


@dataclass(frozen=True, slots=True)
class Line:
    """One slot of a card."""

    state: LineState
    name: str = ""
    seed: int | None = None
    score: str = ""
    hint: str = ""
    player_id: str | None = None


@dataclass(frozen=True, slots=True)
class Card:
    """Everything one match card paints."""

    match_id: str
    tag: str
    title: str
    status: MatchStatus
    top: Line
    bottom: Line
    live: bool = False
    mine: bool = False
    #: An in-progress score from a broadcast is shown (not the stored one).
    live_score: bool = False


def _line(bracket: Bracket, match: Match, slot: int, names: Mapping[str, str],
          seeds: Mapping[str, int], score: int | None) -> Line:
    player = match.player(slot)
    if player is None:
        state = LineState.BYE if slot_source(bracket, match, slot) is None \
            else LineState.WAITING
        return Line(state, hint=slot_hint(bracket, match, slot))
    if match.status is MatchStatus.DONE and match.winner_id is not None \
            and len(match.players) == 2:
        state = LineState.WINNER if match.winner_id == player else LineState.LOSER
    elif match.status is MatchStatus.DONE and match.winner_id == player:
        state = LineState.WINNER  # advanced by a bye
    else:
        state = LineState.PLAYER
    shown = "" if score is None else str(score)
    return Line(state, names.get(player) or unknown(), seeds.get(player), shown,
                player_id=player)


def card(bracket: Bracket, match: Match, *, names: Mapping[str, str],
         seeds: Mapping[str, int], me: str | None,
         live_score: LiveScore | None = None) -> Card:
    """The card of ``match``."""
    played = match.status is MatchStatus.DONE and len(match.players) == 2
    showing_live = live_score is not None and match.status is MatchStatus.LIVE
    if showing_live:
        assert live_score is not None
        scores: tuple[int | None, int | None] = (live_score.score1, live_score.score2)
    elif played or match.status is MatchStatus.LIVE:
        scores = (match.score1, match.score2)
    else:
        scores = (None, None)
    return Card(
        match_id=match.id, tag=tag(match), title=match_name(match),
        status=match.status,
        top=_line(bracket, match, 1, names, seeds, scores[0]),
        bottom=_line(bracket, match, 2, names, seeds, scores[1]),
        live=match.status is MatchStatus.LIVE,
        mine=me is not None and me in match.players,
        live_score=showing_live)
