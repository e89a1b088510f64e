"""Reporting, correcting and resetting results; marking a match live. Qt-free, pure
(no I/O, no clock, no asyncio).

Every operation takes a bracket and returns an ``Update`` (the new bracket and the rows
that changed), or raises with a clear reason and changes nothing:

- ``apply_result`` reports the result of a ready or live match, or corrects a match that
  is done. Progression follows (``progression.settle``): the winner (and in double
  elimination the loser) moves on, byes advance. Correcting recomputes everything
  downstream, and is refused (``CorrectionRefused``, naming the matches) when a match
  it would change was already played or is live; the host resets those first.
- A forfeit advances the opponent. A disqualification does too, and the disqualified
  player leaves the tournament: their loser link (to the losers bracket, the
  third-place match or the grand-final reset) is cut, so whoever would have met them
  there advances by a bye. The table has no column for this; the cut link is the
  record, and correcting or resetting the match restores the link.
- ``reset_matches`` clears results (the host's explicit undo) and is refused when a
  played match outside the set depends on them.
- In a Swiss tournament later rounds depend on every result of earlier ones: a
  correction re-pairs them (refused if that changes a played match), a reset removes
  them (``Update.removed``).
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from dataclasses import dataclass, replace

from gfdesk.tournament import swiss
from gfdesk.tournament.doubleelim import double_elimination
from gfdesk.tournament.elimination import single_elimination
from gfdesk.tournament.graph import Bracket
from gfdesk.tournament.matches import (
    Format,
    Match,
    MatchStatus,
    Participant,
    ResultError,
    Section,
    describe,
)
from gfdesk.tournament.progression import Update, commit, names, settle


class Outcome(enum.Enum):
    """How a match was decided."""

    PLAYED = "played"
    #: The loser gave up the match (or did not show up).
    FORFEIT = "forfeit"
    #: The loser was removed from the tournament.
    DISQUALIFIED = "disqualified"


@dataclass(frozen=True, slots=True)
class Result:
    """A reported result.

    Attributes:
        match_id: the match.
        score1: player 1's score (games, rounds, points: whatever the game counts).
        score2: player 2's score.
        winner_id: who won. For a played match it may be left out when the scores
            differ; it is required on a tie outside leagues (decided by a tiebreak) and for
            a forfeit or disqualification (the player who advances). In round robin and
            Swiss, a tie without a winner is a draw.
        outcome: played, forfeit or disqualified.
    """

    match_id: str
    score1: int = 0
    score2: int = 0
    winner_id: str | None = None
    outcome: Outcome = Outcome.PLAYED


def forfeit(match: Match, player_id: str, *, disqualify: bool = False) -> Result:
    """The result of ``match`` when ``player_id`` forfeits (or is disqualified)."""
    opponent = match.opponent(player_id)
    if opponent is None:
        raise ResultError(f"{describe(match)}: {player_id} has no opponent there to advance")
    return Result(match.id, winner_id=opponent,
                  outcome=Outcome.DISQUALIFIED if disqualify else Outcome.FORFEIT)


def _winner(bracket: Bracket, match: Match, result: Result) -> str | None:
    where = describe(match)
    for score in (result.score1, result.score2):
        if isinstance(score, bool) or not isinstance(score, int) or score < 0:
            raise ResultError(f"{where}: scores must be whole numbers >= 0")
    if result.winner_id is not None and result.winner_id not in match.players:
        raise ResultError(f"{where}: {result.winner_id} does not play in it")
    if result.outcome is not Outcome.PLAYED:
        if result.winner_id is None:
            raise ResultError(f"{where}: a {result.outcome.value} result names who advances")
        return result.winner_id
    by_score = (match.player1_id if result.score1 > result.score2
                else match.player2_id if result.score2 > result.score1 else None)
    if result.winner_id is None:
        if by_score is None and not bracket.format.is_league:
            raise ResultError(f"{where}: a tied score needs the winner named")
        return by_score
    if by_score is not None and by_score != result.winner_id:
        raise ResultError(f"{where}: the score says the other player won")
    return result.winner_id


@functools.lru_cache(maxsize=4)
def _template_links(tournament_id: str, format: Format, participants: tuple[Participant, ...],
                    third_place: bool, reset: bool) -> dict[str, tuple[str | None, int | None]]:
    if format is Format.SINGLE_ELIM:
        fresh = single_elimination(tournament_id, participants, third_place=third_place)
    else:
        fresh = double_elimination(tournament_id, participants, reset=reset)
    return {m.id: (m.loser_next_match_id, m.loser_next_slot) for m in fresh.matches}


def structural_loser_link(bracket: Bracket, match: Match) -> tuple[str | None, int | None]:
    """Where ``match``'s loser goes in the bracket as generated (before any
    disqualification cut the link)."""
    last = bracket.last_round(Section.WINNERS)
    third = any(m.round == last and m.position == 2 for m in bracket.section(Section.WINNERS))
    reset = bracket.last_round(Section.GRAND_FINAL) == 2
    links = _template_links(bracket.tournament_id, bracket.format, bracket.participants,
                            third, reset)
    return links.get(match.id, (None, None))


def _relink(bracket: Bracket, old: Match, new: Match, cut: bool) -> tuple[list[Match], set[str]]:
    """``new`` with its loser link cut (a disqualification) or restored (anything else),
    plus the match whose slot the link feeds, emptied when cut; and the ids touched."""
    # Only a disqualification cuts a link, and only a done match can carry one: a ready
    # or live match (and any match with its link) needs no look at the template.
    if not cut and (old.loser_next_match_id is not None or old.status is not MatchStatus.DONE):
        return [new], {new.id}
    target_id, slot = ((None, None) if cut else structural_loser_link(bracket, old))
    if (target_id, slot) == (old.loser_next_match_id, old.loser_next_slot):
        return [new], {new.id}
    out = [replace(new, loser_next_match_id=target_id, loser_next_slot=slot)]
    touched = {new.id}
    if cut and old.loser_next_match_id is not None:
        target = bracket.match(old.loser_next_match_id)
        emptied = (replace(target, player1_id=None) if old.loser_next_slot == 1
                   else replace(target, player2_id=None))
        out.append(replace(emptied, winner_id=None, status=MatchStatus.PENDING))
        touched.add(target.id)
    elif target_id is not None:
        touched.add(target_id)
    return out, touched


def apply_result(bracket: Bracket, result: Result) -> Update:
    """Report or correct the result of one match, with its progression.

    Raises:
        ResultError: unknown match, a match without two players, or a result that does
            not fit it.
        CorrectionRefused: a correction would change a match already played or live.
    """
    match = bracket.get(result.match_id)
    if match is None:
        raise ResultError(f"no match {result.match_id} in this tournament")
    if len(match.players) != 2 or match.status is MatchStatus.PENDING:
        state = "a bye" if match.is_bye else "not needed" if match.is_void else "waiting"
        raise ResultError(f"{describe(match)} has no result to report: it is {state}")
    action = ("correcting " if match.status is MatchStatus.DONE else "reporting ") + describe(
        match)
    decided = replace(match, score1=result.score1, score2=result.score2,
                      winner_id=_winner(bracket, match, result), status=MatchStatus.DONE)
    if bracket.format.is_league:
        return _league_change(bracket, [decided], {match.id}, action, match.round)
    changed, touched = _relink(bracket, match, decided, result.outcome is Outcome.DISQUALIFIED)
    after, settled = settle(bracket.with_matches(changed), touched)
    return commit(bracket, after, touched=touched | settled, allowed={match.id}, action=action)


def reset_matches(bracket: Bracket, match_ids: Iterable[str]) -> Update:
    """Clear the results of ``match_ids`` (live matches go back to ready).

    Raises:
        ResultError: an unknown match, or one that has no result of its own (a bye).
        CorrectionRefused: a played or live match outside ``match_ids`` depends on them.
    """
    wanted = sorted({bracket.get(i) or _unknown(i) for i in match_ids}, key=lambda m: m.key)
    for m in wanted:
        if len(m.players) != 2 or m.status is MatchStatus.PENDING:
            raise ResultError(f"{describe(m)} has no result to reset")
    action = f"resetting {names(wanted)}"
    cleared = [replace(m, score1=0, score2=0, winner_id=None, status=MatchStatus.READY)
               for m in wanted]
    allowed = {m.id for m in wanted}
    if bracket.format.is_league:
        first = min((m.round for m in wanted), default=0)
        return _league_change(bracket, cleared, allowed, action, first, reset=True)
    changed: list[Match] = []
    touched: set[str] = set()
    for old, new in zip(wanted, cleared, strict=True):
        more, ids = _relink(bracket, old, new, cut=False)
        changed += more
        touched |= ids
    after, settled = settle(bracket.with_matches(changed), touched)
    return commit(bracket, after, touched=touched | settled, allowed=allowed, action=action)


def start_match(bracket: Bracket, match_id: str) -> Update:
    """Mark a ready match live (a live match stays live)."""
    match = bracket.get(match_id) or _unknown(match_id)
    if match.status is MatchStatus.LIVE:
        return Update(bracket, ())
    if match.status is not MatchStatus.READY:
        raise ResultError(f"{describe(match)} is {match.status.value}, not ready to start")
    live = replace(match, status=MatchStatus.LIVE)
    return Update(bracket.with_matches([live]), (live,))


def _league_change(bracket: Bracket, changed: list[Match], allowed: set[str], action: str,
                   round_: int, *, reset: bool = False) -> Update:
    after = bracket.with_matches(changed)
    touched = {m.id for m in changed}
    removed: list[str] = []
    if bracket.format is Format.SWISS and round_ < bracket.last_round(Section.ROUND_ROBIN):
        if reset:
            later = [m for m in after.matches if m.round > round_]
            removed = [m.id for m in later]
            after = after.with_rounds([m for m in after.matches if m.round <= round_], [])
        else:
            after, repaired = swiss.repair_after(after, round_)
            touched |= repaired
    return commit(bracket, after, touched=touched, allowed=allowed, action=action,
                  removed=removed)


def _unknown(match_id: str) -> Match:
    raise ResultError(f"no match {match_id} in this tournament")
