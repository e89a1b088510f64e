"""Double elimination: the winners bracket, a losers bracket fed in crossing order, and
the grand final with its optional reset. Qt-free, pure (no I/O, no clock, no asyncio).

With a winners bracket of ``k`` rounds (``size = 2**k`` slots), the losers bracket has
``2(k - 1)`` rounds:

- round 1: the losers of winners round 1, two adjacent matches per match;
- round ``2j`` (a "drop" round): the survivors of losers round ``2j - 1`` (slot 1)
  against the losers of winners round ``j + 1`` (slot 2), crossed (below);
- round ``2j + 1``: the survivors of round ``2j`` play each other, adjacent pairs.

The losers-bracket final's winner meets the winners-bracket champion in the grand
final (``grand_final`` round 1, the champion in slot 1). With ``reset`` a second grand
final (round 2) is stored too; it is played only if the losers-bracket champion wins
round 1 (both then have one loss), else it is void. With two players there is no
losers bracket: the loser of the only winners match goes straight to the grand final.

Crossing. A player dropping from winners round ``j + 1`` has beaten players from their
own part of the winners bracket; meeting the survivors of that same part in the losers
bracket would be an early rematch. So each drop is reordered before it meets the
losers bracket (``CROSSINGS``): reversed first (the top of the winners bracket lands
at the bottom of the losers bracket), then halves swapped, then each half reversed,
then neighbours swapped. That sequence came out of an exhaustive search over these
five usual orderings (natural, reversed, halves swapped, halves reversed, pairs
flipped) for every size up to 64 and the later drops up to 256: it makes the first
possible rematch as late as it can be and then the fewest.
``tests/unit/tournament/test_crossing.py`` pins, for every size, the first losers round
where a rematch can happen.

Byes: a first-round match against a bye has no loser, so its losers-round-1 slot is a
bye. Two such neighbours would make a losers match of two byes; that match is not
created at all, and its winner's slot in round 2 is a bye (the dropping player advances
without a game). Since byes go to the top seeds, this happens only in losers round 1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from gfdesk.tournament.elimination import (
    Draft,
    Key,
    freeze,
    has_loser,
    link_loser,
    link_winner,
    new_match,
    winners_bracket,
)
from gfdesk.tournament.graph import Bracket
from gfdesk.tournament.matches import Format, Participant, Section

Ordering = Callable[[list[int]], list[int]]


def natural(items: list[int]) -> list[int]:
    return list(items)


def reverse(items: list[int]) -> list[int]:
    return items[::-1]


def half_swap(items: list[int]) -> list[int]:
    half = len(items) // 2
    return items[half:] + items[:half]


def reverse_halves(items: list[int]) -> list[int]:
    half = len(items) // 2
    return items[:half][::-1] + items[half:][::-1]


def pair_flip(items: list[int]) -> list[int]:
    out: list[int] = []
    for i in range(0, len(items) - 1, 2):
        out += [items[i + 1], items[i]]
    return out + items[len(out):]


#: The ordering of each drop (winners round ``j + 1`` into losers round ``2j``), by ``j``;
#: later drops (two matches or fewer up to 256 players) keep their natural order.
CROSSINGS: tuple[Ordering, ...] = (reverse, half_swap, reverse_halves, pair_flip)


def crossing(drop: int) -> Ordering:
    """The ordering of the ``drop``-th drop (1 = the losers of winners round 2)."""
    return CROSSINGS[drop - 1] if drop <= len(CROSSINGS) else natural


def drop_order(drop: int, count: int) -> list[int]:
    """For each losers match of drop round ``drop`` (``count`` matches), the winners
    position whose loser it receives."""
    return crossing(drop)(list(range(1, count + 1)))


def double_elimination(tournament_id: str, participants: Sequence[Participant], *,
                       reset: bool = True) -> Bracket:
    """A double-elimination bracket; ``reset`` adds the grand-final reset match.

    Raises:
        BracketError: bad participants or tournament id.
    """
    draft, rounds = winners_bracket(tournament_id, participants)
    size = 2 ** rounds
    wb_final: Key = (Section.WINNERS, rounds, 1)
    gf: Key = (Section.GRAND_FINAL, 1, 1)
    draft[gf] = new_match(tournament_id, Section.GRAND_FINAL, 1, 1)
    link_winner(draft, wb_final, gf, 1)
    if rounds == 1:
        link_loser(draft, wb_final, gf, 2)
    else:
        lb_final = _losers_bracket(tournament_id, draft, size, rounds)
        link_winner(draft, lb_final, gf, 2)
    if reset:
        gf2: Key = (Section.GRAND_FINAL, 2, 1)
        draft[gf2] = new_match(tournament_id, Section.GRAND_FINAL, 2, 1)
        # The winners champion stays in slot 1: the final's loser is them when it matters.
        link_winner(draft, gf, gf2, 2)
        link_loser(draft, gf, gf2, 1)
    return freeze(tournament_id, Format.DOUBLE_ELIM, participants, draft)


def _losers_bracket(tournament_id: str, draft: Draft, size: int, rounds: int) -> Key:
    """Adds the losers bracket to ``draft``; returns the key of its final."""
    lose = Section.LOSERS
    # Round 1: losers of adjacent winners round-1 matches; none for two byes.
    for q in range(1, size // 4 + 1):
        feeders = [(Section.WINNERS, 1, p) for p in (2 * q - 1, 2 * q)]
        if not any(has_loser(draft, f) for f in feeders):
            continue
        draft[(lose, 1, q)] = new_match(tournament_id, lose, 1, q)
        for slot, f in enumerate(feeders, start=1):
            if has_loser(draft, f):
                link_loser(draft, f, (lose, 1, q), slot)
    last: Key = (lose, 1, 1)
    for j in range(1, rounds):
        count = size // 2 ** (j + 1)
        drop_round = 2 * j
        for q, p in enumerate(drop_order(j, count), start=1):
            target: Key = (lose, drop_round, q)
            draft[target] = new_match(tournament_id, lose, drop_round, q)
            survivor: Key = (lose, drop_round - 1, q)
            if survivor in draft:
                link_winner(draft, survivor, target, 1)
            link_loser(draft, (Section.WINNERS, j + 1, p), target, 2)
        last = (lose, drop_round, 1)
        if j == rounds - 1:
            break
        for q in range(1, count // 2 + 1):
            target = (lose, drop_round + 1, q)
            draft[target] = new_match(tournament_id, lose, drop_round + 1, q)
            link_winner(draft, (lose, drop_round, 2 * q - 1), target, 1)
            link_winner(draft, (lose, drop_round, 2 * q), target, 2)
    return last
