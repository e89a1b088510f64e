"""Standings of round robin and Swiss tournaments. Qt-free, pure (no I/O, no clock, no
asyncio).

Points are counted in halves so they stay integers: a win (or a Swiss bye) is 2, a
draw 1, a loss 0; ``Standing.points`` shows them as 1, 0.5 and 0.

- Round robin ranks by points, then head-to-head (points in the matches among the
  players tied on points), then score difference, then seed.
- Swiss ranks by points, then Buchholz (the sum of the points of every opponent met;
  a bye adds nothing), then score difference, then seed.

Seed is the last resort so the order is total and the same on every client; it stands
where a real event would use a playoff or a coin toss.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from gfdesk.tournament.graph import Bracket
from gfdesk.tournament.matches import BracketError, Format, Match, MatchStatus

WIN, DRAW = 2, 1


@dataclass
class Record:
    """What one player did in the done matches of a league."""

    wins: int = 0
    draws: int = 0
    losses: int = 0
    byes: int = 0
    score_for: int = 0
    score_against: int = 0
    opponents: list[str] = field(default_factory=list)

    @property
    def half_points(self) -> int:
        return WIN * (self.wins + self.byes) + DRAW * self.draws


def records(matches: Iterable[Match], players: Iterable[str]) -> dict[str, Record]:
    """Each player's record over the done matches (byes included)."""
    out = {p: Record() for p in players}
    for m in matches:
        if m.status is not MatchStatus.DONE or not m.players:
            continue
        if m.is_bye:
            out[m.players[0]].byes += 1
            continue
        p1, p2 = m.players
        for me, other, mine, theirs in ((p1, p2, m.score1, m.score2),
                                        (p2, p1, m.score2, m.score1)):
            rec = out[me]
            rec.opponents.append(other)
            rec.score_for += mine
            rec.score_against += theirs
            if m.winner_id is None:
                rec.draws += 1
            elif m.winner_id == me:
                rec.wins += 1
            else:
                rec.losses += 1
    return out


@dataclass(frozen=True, slots=True)
class Standing:
    """One line of a standings table.

    Attributes:
        rank: 1 for the leader; every rank is distinct.
        tiebreak: the first tie-break in half points: head-to-head (round robin) or
            Buchholz (Swiss).
    """

    rank: int
    participant_id: str
    seed: int
    played: int
    wins: int
    draws: int
    losses: int
    byes: int
    score_for: int
    score_against: int
    half_points: int
    tiebreak: int

    @property
    def points(self) -> float:
        return self.half_points / 2

    @property
    def score_difference(self) -> int:
        return self.score_for - self.score_against


def _head_to_head(matches: Iterable[Match], recs: dict[str, Record]) -> dict[str, int]:
    """Half points each player earned against the players tied with them on points."""
    tied: dict[int, set[str]] = defaultdict(set)
    for p, rec in recs.items():
        tied[rec.half_points].add(p)
    h2h = dict.fromkeys(recs, 0)
    for m in matches:
        if m.status is not MatchStatus.DONE or len(m.players) != 2:
            continue
        p1, p2 = m.players
        if p2 not in tied[recs[p1].half_points]:
            continue
        if m.winner_id is None:
            h2h[p1] += DRAW
            h2h[p2] += DRAW
        else:
            h2h[m.winner_id] += WIN
    return h2h


def standings(bracket: Bracket) -> tuple[Standing, ...]:
    """The standings of a round robin or Swiss bracket, leader first.

    Raises:
        BracketError: the bracket is an elimination bracket.
    """
    if not bracket.format.is_league:
        raise BracketError(f"a {bracket.format.value} bracket has no standings table")
    seeds = {p.id: p.seed for p in bracket.participants}
    recs = records(bracket.matches, seeds)
    if bracket.format is Format.ROUND_ROBIN:
        tiebreak = _head_to_head(bracket.matches, recs)
    else:
        tiebreak = {p: sum(recs[o].half_points for o in r.opponents) for p, r in recs.items()}

    def key(p: str) -> tuple[int, int, int, int]:
        r = recs[p]
        return (-r.half_points, -tiebreak[p], -(r.score_for - r.score_against), seeds[p])

    return tuple(
        Standing(rank, p, seeds[p], len(recs[p].opponents), recs[p].wins, recs[p].draws,
                 recs[p].losses, recs[p].byes, recs[p].score_for, recs[p].score_against,
                 recs[p].half_points, tiebreak[p])
        for rank, p in enumerate(sorted(seeds, key=key), start=1))
