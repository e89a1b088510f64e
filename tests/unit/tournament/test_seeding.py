"""Seeding, participants, deterministic ids and the row shape."""

from __future__ import annotations

import uuid

import pytest

from gfdesk.tournament.bracket import (
    MAX_PARTICIPANTS,
    Bracket,
    BracketError,
    Format,
    Match,
    MatchStatus,
    Participant,
    Section,
    generate,
    match_id,
)
from gfdesk.tournament.seeding import bracket_size, first_round, seed_order

from .play import TID, finished, players


@pytest.mark.parametrize(("size", "order"), [
    (2, (1, 2)),
    (4, (1, 4, 2, 3)),
    (8, (1, 8, 4, 5, 2, 7, 3, 6)),
    (16, (1, 16, 8, 9, 4, 13, 5, 12, 2, 15, 7, 10, 3, 14, 6, 11)),
])
def test_seed_order_is_the_standard_one(size: int, order: tuple[int, ...]) -> None:
    assert seed_order(size) == order


@pytest.mark.parametrize("size", [2, 4, 8, 16, 32, 64, 128, 256, 512])
def test_top_seeds_meet_only_as_late_as_their_rank_allows(size: int) -> None:
    order = seed_order(size)
    assert sorted(order) == list(range(1, size + 1))
    # Seeds 1..2^k sit in different blocks of size/2^k: they cannot meet before the
    # round with 2^k players left.
    k = 1
    while 2 ** k <= size:
        block = size // 2 ** k
        blocks = [order.index(s) // block for s in range(1, 2 ** k + 1)]
        assert len(set(blocks)) == 2 ** k
        k += 1


@pytest.mark.parametrize(("count", "size"), [(2, 2), (3, 4), (4, 4), (5, 8), (9, 16),
                                             (129, 256), (256, 256)])
def test_bracket_size_is_the_next_power_of_two(count: int, size: int) -> None:
    assert bracket_size(count) == size


@pytest.mark.parametrize("count", [3, 5, 6, 7, 12, 100, 129, 255])
def test_byes_go_to_the_top_seeds_and_never_meet(count: int) -> None:
    pairs = first_round(players(count))
    byes = bracket_size(count) - count
    with_bye = sorted(a.seed for a, b in pairs if a is not None and b is None)
    assert with_bye == list(range(1, byes + 1))
    assert all(a is not None or b is not None for a, b in pairs)


def test_seeds_need_not_be_contiguous() -> None:
    pairs = first_round([Participant("x", 40), Participant("y", 7), Participant("z", 12)])
    assert [(a and a.id, b and b.id) for a, b in pairs] == [("y", None), ("z", "x")]


@pytest.mark.parametrize(("participants", "problem"), [
    ([Participant("a", 1)], "2 to"),
    ([Participant(f"p{i}", i) for i in range(MAX_PARTICIPANTS + 1)], "2 to"),
    ([Participant("a", 1), Participant("a", 2)], "distinct"),
    ([Participant("", 1), Participant("b", 2)], "distinct"),
    ([Participant("a", 1), Participant("b", 1)], "same seed"),
    ([Participant("a", 0), Participant("b", 1)], "positive"),
    ([Participant("a", True), Participant("b", 2)], "positive"),
])
@pytest.mark.parametrize("fmt", list(Format))
def test_bad_participants_are_refused_with_a_reason(
        participants: list[Participant], problem: str, fmt: Format) -> None:
    with pytest.raises(BracketError, match=problem):
        generate(TID, fmt, participants)


def test_a_tournament_id_must_be_a_uuid() -> None:
    with pytest.raises(BracketError, match="not a UUID"):
        generate("cup-2026", Format.SINGLE_ELIM, players(4))


def test_match_ids_are_uuid5_of_the_tournament_and_place() -> None:
    expected = str(uuid.uuid5(uuid.UUID(TID), "losers/3/2"))
    assert match_id(TID, Section.LOSERS, 3, 2) == expected
    assert match_id(TID, Section.LOSERS, 3, 1) != expected
    other = str(uuid.UUID(int=5))
    assert match_id(other, Section.LOSERS, 3, 2) != expected


@pytest.mark.parametrize("fmt", list(Format))
def test_two_clients_generate_the_same_bracket(fmt: Format) -> None:
    a = generate(TID, fmt, players(11), third_place=True)
    b = generate(TID, fmt, list(reversed(players(11))), third_place=True)
    assert a == b
    assert a.to_rows() == b.to_rows()


@pytest.mark.parametrize("fmt", list(Format))
def test_rows_round_trip_through_the_table_shape(fmt: Format) -> None:
    done = finished(fmt, 9, seed=3)
    rows = done.to_rows()
    assert set(rows[0]) == {
        "id", "tournament_id", "bracket", "round", "position", "player1_id", "player2_id",
        "score1", "score2", "winner_id", "status", "next_match_id", "next_slot",
        "loser_next_match_id", "loser_next_slot"}
    assert {r["bracket"] for r in rows} <= {"winners", "losers", "grand_final", "round_robin"}
    assert {r["status"] for r in rows} <= {"pending", "ready", "live", "done"}
    back = Bracket.from_rows(TID, fmt, reversed(done.participants), reversed(rows))
    assert back == done


def _row(**changes: object) -> dict[str, object]:
    base = Match(match_id(TID, Section.WINNERS, 1, 1), TID, Section.WINNERS, 1, 1, "p1", "p2",
                 status=MatchStatus.READY).to_row()
    base.update(changes)
    return base


@pytest.mark.parametrize(("changes", "problem"), [
    ({"bracket": "third_place"}, "unusable"),
    ({"status": "finished"}, "unusable"),
    ({"round": "1"}, "unusable"),
    ({"next_slot": 3, "next_match_id": "x"}, "unusable"),
    ({"round": 0}, "start at 1"),
    ({"score1": -1}, "negative"),
    ({"player2_id": "p1"}, "themselves"),
    ({"winner_id": "p9", "status": "done"}, "not one of its players"),
    ({"winner_id": "p1"}, "not done"),
    ({"next_match_id": "x"}, "without its slot"),
    ({"player2_id": None}, "without both players"),
])
def test_a_row_that_does_not_fit_is_refused(changes: dict[str, object], problem: str) -> None:
    with pytest.raises(BracketError, match=problem):
        Match.from_row(_row(**changes))


def test_rows_of_another_tournament_or_stranger_are_refused() -> None:
    rows = generate(TID, Format.SINGLE_ELIM, players(4)).to_rows()
    with pytest.raises(BracketError, match="another tournament"):
        Bracket.from_rows(str(uuid.UUID(int=9)), Format.SINGLE_ELIM, players(4), rows)
    with pytest.raises(BracketError, match="not a participant"):
        Bracket.from_rows(TID, Format.SINGLE_ELIM, players(4)[:3] + [Participant("q", 4)],
                          rows)
    rows[1]["next_match_id"] = rows[1]["id"]
    rows[1]["next_slot"] = 1
    with pytest.raises(BracketError, match="cycle|fed twice"):
        Bracket.from_rows(TID, Format.SINGLE_ELIM, players(4), rows)
