"""Progression: how results flow through the links, byes advance, and what a change
touches downstream. Qt-free, pure (no I/O, no clock, no asyncio).

Every match's players and status follow from its slots (``derive``):

- A slot no match feeds holds its player from the start; empty, it is a bye.
- A slot fed by a match waits until that match is done, then takes its winner or its
  loser; a feeding match that is void, or has no loser (a bye), gives a bye.
- One player against a bye advances at once (done, 0-0, no game played). Two byes
  make a void match (done, no players): the generators never create one, it only
  arises when both players were disqualified upstream.
- The grand-final reset is void when the winners-bracket champion (player 1) won the
  first grand final: it is played only if the losers-bracket champion won.
- Two known players: the stored result is kept when the players are the same as
  before, else the match is ready again with its result cleared.

``settle`` re-derives the matches downstream of a change in topological order, each
once; ``commit`` turns the old and the new bracket into an ``Update`` and refuses one
that would alter a match already played or live, naming those matches.
"""

from __future__ import annotations

import enum
import heapq
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace

from gfdesk.tournament.graph import Bracket, Feed
from gfdesk.tournament.matches import (
    CorrectionRefused,
    Match,
    MatchStatus,
    Section,
    describe,
)


@dataclass(frozen=True)
class Update:
    """The outcome of one engine operation.

    Attributes:
        bracket: the bracket after it.
        changed: the matches that differ from before (new ones included), in bracket
            order: the rows to write.
        removed: ids of matches that no longer exist (un-paired Swiss rounds): the rows
            to delete.
    """

    bracket: Bracket
    changed: tuple[Match, ...]
    removed: tuple[str, ...] = ()


class Empty(enum.Enum):
    """A slot without a player."""

    #: Nobody will ever come: the player in the other slot advances.
    BYE = "bye"
    #: The feeding match is not done yet.
    WAITING = "waiting"


SlotValue = str | Empty
Lookup = Callable[[str], Match]


def resolve_slot(bracket: Bracket, current: Lookup, match: Match, slot: int) -> SlotValue:
    """Who is (or will be) in ``slot`` of ``match``, given the feeding matches' state."""
    feeder = bracket.feeder(match.id, slot)
    if feeder is None:
        player = match.player(slot)
        return Empty.BYE if player is None else player
    source = current(feeder.match_id)
    if source.status is not MatchStatus.DONE:
        return Empty.WAITING
    player = source.winner_id if feeder.feed is Feed.WINNER else source.loser_id
    return Empty.BYE if player is None else player


def reset_not_needed(bracket: Bracket, current: Lookup, match: Match) -> bool:
    """``match`` is a grand-final reset and the winners-bracket champion won the final."""
    if match.bracket is not Section.GRAND_FINAL or match.round != 2:
        return False
    feeder = bracket.feeder(match.id, 2)
    if feeder is None:
        return False
    final = current(feeder.match_id)
    return (final.status is MatchStatus.DONE and final.winner_id is not None
            and final.winner_id == final.player1_id)


def derive(bracket: Bracket, current: Lookup, match: Match) -> Match:
    """``match`` as its slots make it (module docstring)."""
    s1 = resolve_slot(bracket, current, match, 1)
    s2 = resolve_slot(bracket, current, match, 2)
    p1 = s1 if isinstance(s1, str) else None
    p2 = s2 if isinstance(s2, str) else None
    if reset_not_needed(bracket, current, match) or (s1 is Empty.BYE and s2 is Empty.BYE):
        return replace(match, player1_id=None, player2_id=None, score1=0, score2=0,
                       winner_id=None, status=MatchStatus.DONE)
    if Empty.WAITING in (s1, s2):
        return replace(match, player1_id=p1, player2_id=p2, score1=0, score2=0,
                       winner_id=None, status=MatchStatus.PENDING)
    if p1 is None or p2 is None:
        return replace(match, player1_id=p1, player2_id=p2, score1=0, score2=0,
                       winner_id=p1 if p2 is None else p2, status=MatchStatus.DONE)
    if ((match.player1_id, match.player2_id) == (p1, p2)
            and match.status in (MatchStatus.LIVE, MatchStatus.DONE)):
        return match
    return replace(match, player1_id=p1, player2_id=p2, score1=0, score2=0, winner_id=None,
                   status=MatchStatus.READY)


def settle(bracket: Bracket, starts: Iterable[str]) -> tuple[Bracket, frozenset[str]]:
    """Re-derive ``starts`` and everything downstream that changes with them.

    ``starts`` are matches that changed (a result, a link) or may have: their successors
    are always re-derived. Returns the settled bracket and the ids of the matches that
    ``settle`` itself changed.
    """
    forced = set(starts)
    work: dict[str, Match] = {}

    def current(match_id: str) -> Match:
        found = work.get(match_id)
        return bracket.match(match_id) if found is None else found

    heap = [(bracket.topo_index(mid), mid) for mid in forced]
    heapq.heapify(heap)
    seen: set[str] = set()
    while heap:
        _, mid = heapq.heappop(heap)
        if mid in seen:
            continue
        seen.add(mid)
        old = bracket.match(mid)
        new = derive(bracket, current, old)
        if new != old:
            work[mid] = new
        if new != old or mid in forced:
            for succ in bracket.successors(mid):
                if succ not in seen:
                    heapq.heappush(heap, (bracket.topo_index(succ), succ))
    if not work:
        return bracket, frozenset()
    return bracket.with_matches(work.values()), frozenset(work)


def settle_all(bracket: Bracket) -> Bracket:
    """Every match derived from the fixed slots (a freshly generated bracket)."""
    return settle(bracket, (m.id for m in bracket.matches))[0]


def played_among(bracket: Bracket, ids: Iterable[str]) -> list[Match]:
    """The matches of ``ids`` that are live or were played, in bracket order."""
    found = (bracket.get(i) for i in set(ids))
    return sorted((m for m in found if m is not None and m.is_played), key=lambda m: m.key)


def names(matches: Iterable[Match]) -> str:
    """``"winners round 2 match 1, losers round 3 match 2"``."""
    return ", ".join(describe(m) for m in matches)


def commit(before: Bracket, after: Bracket, *, touched: Collection[str], allowed: Collection[str],
           action: str, removed: Iterable[str] = ()) -> Update:
    """The update from ``before`` to ``after``.

    Args:
        touched: every id that may differ (what the operation set plus what ``settle``
            changed); the others are known to be equal.
        allowed: ids the operation is meant to change (the corrected or reset matches).
        action: what was done, for the refusal ("correcting winners round 1 match 3").
        removed: ids that no longer exist in ``after``.

    Raises:
        CorrectionRefused: a match outside ``allowed`` that was played or is live would
            change (or disappear).
    """
    gone = tuple(removed)
    differing = [i for i in touched if after.get(i) != before.get(i)]
    blocking = played_among(before, [i for i in (*differing, *gone) if i not in allowed])
    if blocking:
        raise CorrectionRefused(
            f"{action} would change {names(blocking)}, already played or live; "
            "reset those matches first", blocking)
    changed = sorted((m for m in (after.get(i) for i in differing) if m is not None),
                     key=lambda m: m.key)
    return Update(after, tuple(changed), tuple(sorted(gone)))
