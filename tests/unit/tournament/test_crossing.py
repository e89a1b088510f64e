"""The losers bracket's crossing order: how late a rematch of a winners-bracket match can
first happen in the losers bracket, read from the generated links alone.

A player with first-round place ``a`` (0-based, in a full bracket) who drops from
winners round ``r`` lost there to someone from the other half of their round-``r``
block, and had beaten one player from each smaller block before. A losers match can
be a rematch when one slot may hold a player who lost in round ``L`` to the half
that the other slot's player may have come through while winning round ``L``.
"""

from __future__ import annotations

import pytest

from gfdesk.tournament import doubleelim
from gfdesk.tournament.bracket import Bracket, Format, Match, Section, generate

from .play import TID, players

Keys = tuple[frozenset[tuple[int, int]], frozenset[tuple[int, int]]]


def _dropping(match: Match) -> Keys:
    """(lost-to keys, won-through keys) of whoever loses winners match ``match``."""
    r, p = match.round, match.position
    lost: set[tuple[int, int]] = set()
    won: set[tuple[int, int]] = set()
    for a in range((p - 1) * 2 ** r, p * 2 ** r):
        lost.add((r, (a >> (r - 1)) ^ 1))
        won.update((level, a >> (level - 1)) for level in range(1, r))
    return frozenset(lost), frozenset(won)


def rematch_rounds(bracket: Bracket) -> dict[int, int]:
    """For each losers round, how many of its matches can be a rematch."""
    slot_keys: dict[str, Keys] = {}
    out: dict[int, int] = {}
    for m in sorted(bracket.section(Section.LOSERS), key=lambda m: bracket.topo_index(m.id)):
        sides = []
        for slot in (1, 2):
            feeder = bracket.feeder(m.id, slot)
            assert feeder is not None
            source = bracket.match(feeder.match_id)
            sides.append(_dropping(source) if source.bracket is Section.WINNERS
                         else slot_keys[source.id])
        (lost_a, won_a), (lost_b, won_b) = sides
        slot_keys[m.id] = (lost_a | lost_b, won_a | won_b)
        out[m.round] = out.get(m.round, 0) + bool(lost_a & won_b or lost_b & won_a)
    return out


def first_rematch_round(size: int) -> int:
    counts = rematch_rounds(generate(TID, Format.DOUBLE_ELIM, players(size)))
    return min(r for r, c in counts.items() if c)


@pytest.mark.parametrize(("size", "first", "losers_rounds"), [
    (4, 2, 2), (8, 3, 4), (16, 4, 6), (32, 5, 8), (64, 7, 10), (128, 8, 12), (256, 9, 14),
])
def test_an_early_rematch_is_avoided_as_long_as_possible(
        size: int, first: int, losers_rounds: int) -> None:
    bracket = generate(TID, Format.DOUBLE_ELIM, players(size))
    assert bracket.last_round(Section.LOSERS) == losers_rounds
    assert first_rematch_round(size) == first


def test_without_crossing_a_drop_can_meet_its_own_victim_at_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doubleelim, "CROSSINGS", ())
    assert first_rematch_round(8) == 2
    assert first_rematch_round(64) == 2


@pytest.mark.parametrize(("order", "items", "expected"), [
    (doubleelim.reverse, [1, 2, 3, 4], [4, 3, 2, 1]),
    (doubleelim.half_swap, [1, 2, 3, 4], [3, 4, 1, 2]),
    (doubleelim.reverse_halves, [1, 2, 3, 4], [2, 1, 4, 3]),
    (doubleelim.pair_flip, [1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5]),
    (doubleelim.natural, [1, 2], [1, 2]),
])
def test_the_orderings(order: doubleelim.Ordering, items: list[int], expected: list[int]) -> None:
    assert order(items) == expected
