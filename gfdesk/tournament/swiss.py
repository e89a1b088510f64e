"""Swiss: rounds paired by score group, without rematches. Qt-free, pure (no I/O, no
clock, no asyncio).

Rounds are paired one at a time from the results so far (``first_round``, then
``next_round`` once a round is done); ``recommended_rounds`` is ``ceil(log2 n)``, enough
for a single unbeaten player to remain. The host decides when to stop.

Pairing a round (a simplified Dutch system, deterministic):

1. Rank the players by points, then seed.
2. With an odd count, the lowest-ranked player who has not had a bye gets it (a done
   ``round_robin`` match with ``player2_id`` null, worth a win; the next one up if the
   rest cannot be paired without a rematch). Once everyone has had one, the
   lowest-ranked gets another.
3. Take the highest-ranked unpaired player and pair them with an unpaired player they
   have not met: first from their own score group, the top half against the bottom
   half (the first of a group of ``m`` prefers the player ``m // 2`` places below it,
   then the ones after, then the ones above), then from the lower groups in rank order
   (an odd player out of a group floats down). Backtrack when someone is left without
   a partner; give up after ``MAX_PAIRING_STEPS`` with ``PairingError``.

Positions follow the pairs' better rank (board 1 first); the bye is last. Slot 1 holds
the better-ranked player. Swiss matches are stored in the ``round_robin`` section.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from gfdesk.tournament.graph import Bracket
from gfdesk.tournament.matches import (
    BracketError,
    Format,
    Match,
    MatchStatus,
    Participant,
    Section,
)
from gfdesk.tournament.progression import Update, names
from gfdesk.tournament.roundrobin import league_match
from gfdesk.tournament.seeding import by_seed
from gfdesk.tournament.standings import Record, records

#: How many partner choices a pairing may try before it gives up.
MAX_PAIRING_STEPS = 200_000


class PairingError(BracketError):
    """No pairing without a rematch was found."""


def recommended_rounds(count: int) -> int:
    """``ceil(log2 count)``: the rounds after which one player can be the only unbeaten."""
    return max(1, (count - 1).bit_length())


def _ranked(players: Iterable[str], recs: dict[str, Record], seeds: dict[str, int]
            ) -> list[str]:
    return sorted(players, key=lambda p: (-recs[p].half_points, seeds[p]))


def _met(recs: dict[str, Record]) -> set[frozenset[str]]:
    return {frozenset((p, o)) for p, r in recs.items() for o in r.opponents}


def _preferences(first: str, rest: Sequence[str], points: dict[str, int],
                 met: set[frozenset[str]]) -> list[str]:
    same = [q for q in rest if points[q] == points[first]]
    half = (len(same) + 1) // 2
    # ``first`` is index 0 of its group (first + same); index ``half`` is same[half - 1].
    order = same[half - 1:] + same[:half - 1][::-1] if same else []
    order += [q for q in rest if points[q] != points[first]]
    return [q for q in order if frozenset((first, q)) not in met]


def _match_up(ranked: list[str], points: dict[str, int], met: set[frozenset[str]]
              ) -> list[tuple[str, str]] | None:
    pairs: list[tuple[str, str]] = []
    steps = 0

    def place(rest: list[str]) -> bool:
        nonlocal steps
        if not rest:
            return True
        first, others = rest[0], rest[1:]
        for partner in _preferences(first, others, points, met):
            steps += 1
            if steps > MAX_PAIRING_STEPS:
                raise PairingError(
                    f"no pairing without a rematch found in {MAX_PAIRING_STEPS} tries")
            pairs.append((first, partner))
            if place([p for p in others if p != partner]):
                return True
            pairs.pop()
        return False

    return pairs if place(ranked) else None


def pair(ranked: list[str], recs: dict[str, Record]) -> tuple[list[tuple[str, str]], str | None]:
    """The pairs (better rank first, in rank order) and the bye of one round.

    Raises:
        PairingError: every pairing would repeat a match.
    """
    points = {p: recs[p].half_points for p in ranked}
    met = _met(recs)
    if len(ranked) % 2 == 0:
        pairs = _match_up(ranked, points, met)
        if pairs is None:
            raise PairingError("every pairing of this round repeats a match")
        return pairs, None
    lowest_first = ranked[::-1]
    candidates = [p for p in lowest_first if recs[p].byes == 0] or lowest_first
    for bye in candidates:
        pairs = _match_up([p for p in ranked if p != bye], points, met)
        if pairs is not None:
            return pairs, bye
    raise PairingError("every pairing of this round repeats a match")


def _round(tournament_id: str, round_: int, players: Collection[str], history: Iterable[Match],
           seeds: dict[str, int]) -> list[Match]:
    recs = records(history, seeds)
    pairs, bye = pair(_ranked(players, recs, seeds), recs)
    matches = [league_match(tournament_id, round_, pos, a, b)
               for pos, (a, b) in enumerate(pairs, start=1)]
    if bye is not None:
        matches.append(league_match(tournament_id, round_, len(pairs) + 1, bye, None))
    return matches


def first_round(tournament_id: str, participants: Sequence[Participant]) -> Bracket:
    """A Swiss bracket holding its first round (top half of the seeds against the bottom
    half).

    Raises:
        BracketError: bad participants or tournament id.
    """
    ranked = by_seed(participants)
    seeds = {p.id: p.seed for p in ranked}
    matches = _round(tournament_id, 1, list(seeds), (), seeds)
    return Bracket(tournament_id, Format.SWISS, ranked, tuple(matches))


def next_round(bracket: Bracket, *, withdrawn: Collection[str] = ()) -> Update:
    """Pair the next round of a Swiss bracket whose rounds are all done.

    Args:
        withdrawn: players to leave out (disqualified or gone; the table has no column
            for this, so the caller keeps it).

    Raises:
        BracketError: not a Swiss bracket, a round is unfinished, or fewer than two
            players remain.
        PairingError: every pairing would repeat a match.
    """
    if bracket.format is not Format.SWISS:
        raise BracketError(f"a {bracket.format.value} bracket has no next round to pair")
    unfinished = [m for m in bracket.matches if m.status is not MatchStatus.DONE]
    if unfinished:
        raise BracketError(f"finish {names(unfinished)} before pairing the next round")
    seeds = {p.id: p.seed for p in bracket.participants}
    active = [p for p in seeds if p not in set(withdrawn)]
    if len(active) < 2:
        raise BracketError("fewer than two players remain")
    added = _round(bracket.tournament_id, bracket.last_round(Section.ROUND_ROBIN) + 1, active,
                   bracket.matches, seeds)
    return Update(bracket.with_rounds(bracket.matches, added), tuple(added))


def repair_after(bracket: Bracket, round_: int) -> tuple[Bracket, set[str]]:
    """Re-pair every round after ``round_`` from the results before it (each with the
    players it had), keeping a match (and its result) whose pair is unchanged. Returns
    the bracket and the ids of the matches re-paired."""
    seeds = {p.id: p.seed for p in bracket.participants}
    kept = [m for m in bracket.matches if m.round <= round_]
    touched: set[str] = set()
    for r in range(round_ + 1, bracket.last_round(Section.ROUND_ROBIN) + 1):
        old = {m.position: m for m in bracket.matches if m.round == r}
        players = {p for m in old.values() for p in m.players}
        fresh = _round(bracket.tournament_id, r, players, kept, seeds)
        for m in fresh:
            before = old.get(m.position)
            same = before is not None and (before.player1_id, before.player2_id) == (
                m.player1_id, m.player2_id)
            kept.append(before if same and before is not None else m)
            if not same:
                touched.add(m.id)
    return bracket.with_rounds(kept, []), touched
