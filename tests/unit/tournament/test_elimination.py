"""Single and double elimination: known small brackets, byes, third place, the grand
final and its reset."""

from __future__ import annotations

import pytest

from gfdesk.tournament.bracket import (
    Bracket,
    Format,
    MatchStatus,
    Result,
    Section,
    apply_result,
    champion,
    final,
    generate,
    is_third_place,
)

from .play import TID, at, players, render, win

GENERATED = [
    (Format.SINGLE_ELIM, 2, {}, ["W1/1 p1:p2 ready"]),
    (Format.SINGLE_ELIM, 3, {"third_place": True}, [
        "W1/1 p1:- done won:p1 >W2/1.1",
        "W1/2 p2:p3 ready >W2/1.2 L>W2/2.2",
        "W2/1 p1:- pending",
        "W2/2 -:- pending",
    ]),
    (Format.SINGLE_ELIM, 5, {"third_place": True}, [
        "W1/1 p1:- done won:p1 >W2/1.1",
        "W1/2 p4:p5 ready >W2/1.2",
        "W1/3 p2:- done won:p2 >W2/2.1",
        "W1/4 p3:- done won:p3 >W2/2.2",
        "W2/1 p1:- pending >W3/1.1 L>W3/2.1",
        "W2/2 p2:p3 ready >W3/1.2 L>W3/2.2",
        "W3/1 -:- pending",
        "W3/2 -:- pending",
    ]),
    (Format.DOUBLE_ELIM, 2, {}, [
        "W1/1 p1:p2 ready >G1/1.1 L>G1/1.2",
        "G1/1 -:- pending >G2/1.2 L>G2/1.1",
        "G2/1 -:- pending",
    ]),
    (Format.DOUBLE_ELIM, 4, {}, [
        "W1/1 p1:p4 ready >W2/1.1 L>L1/1.1",
        "W1/2 p2:p3 ready >W2/1.2 L>L1/1.2",
        "W2/1 -:- pending >G1/1.1 L>L2/1.2",
        "L1/1 -:- pending >L2/1.1",
        "L2/1 -:- pending >G1/1.2",
        "G1/1 -:- pending >G2/1.2 L>G2/1.1",
        "G2/1 -:- pending",
    ]),
    # Two neighbouring byes (seeds 2 and 3): losers round 1 match 2 is not created, so
    # the player dropping into losers round 2 match 2 advances without a game.
    (Format.DOUBLE_ELIM, 5, {"grand_final_reset": False}, [
        "W1/1 p1:- done won:p1 >W2/1.1",
        "W1/2 p4:p5 ready >W2/1.2 L>L1/1.2",
        "W1/3 p2:- done won:p2 >W2/2.1",
        "W1/4 p3:- done won:p3 >W2/2.2",
        "W2/1 p1:- pending >W3/1.1 L>L2/2.2",
        "W2/2 p2:p3 ready >W3/1.2 L>L2/1.2",
        "W3/1 -:- pending >G1/1.1 L>L4/1.2",
        "L1/1 -:- pending >L2/1.1",
        "L2/1 -:- pending >L3/1.1",
        "L2/2 -:- pending >L3/1.2",
        "L3/1 -:- pending >L4/1.1",
        "L4/1 -:- pending >G1/1.2",
        "G1/1 -:- pending",
    ]),
]


@pytest.mark.parametrize(("fmt", "count", "options", "expected"), GENERATED)
def test_small_brackets_are_generated_as_tabled(
        fmt: Format, count: int, options: dict[str, bool], expected: list[str]) -> None:
    assert render(generate(TID, fmt, players(count), **options)) == expected


@pytest.mark.parametrize(("count", "matches"), [(2, 1), (3, 3), (8, 7), (9, 15), (256, 255)])
def test_single_elimination_has_a_full_tree(count: int, matches: int) -> None:
    assert len(generate(TID, Format.SINGLE_ELIM, players(count)).matches) == matches


@pytest.mark.parametrize(("count", "matches"), [
    # 2 * size - 2 without the reset: the winners tree, size - 2 losers matches, the final.
    (2, 2), (4, 6), (8, 14), (16, 30), (256, 510), (12, 30),
    # Minus one per pair of neighbouring first-round byes: 1 with 5 players (of 8), 3
    # with 9 (of 16), 7 with 17 (of 32).
    (5, 13), (9, 27), (17, 55),
])
def test_double_elimination_omits_losers_matches_of_two_byes(count: int, matches: int) -> None:
    bracket = generate(TID, Format.DOUBLE_ELIM, players(count), grand_final_reset=False)
    assert len(bracket.matches) == matches


def test_a_two_player_bracket_ignores_the_third_place_option() -> None:
    assert len(generate(TID, Format.SINGLE_ELIM, players(2), third_place=True).matches) == 1


@pytest.mark.parametrize("count", range(2, 41))
@pytest.mark.parametrize("fmt", [Format.SINGLE_ELIM, Format.DOUBLE_ELIM])
def test_seeds_one_and_two_meet_only_in_the_final(fmt: Format, count: int) -> None:
    bracket = generate(TID, fmt, players(count))
    met_before_final = False
    while ready := [m for m in bracket.matches if m.status is MatchStatus.READY]:
        m = ready[0]
        met_before_final |= set(m.players) == {"p1", "p2"} and m.bracket is Section.WINNERS \
            and m.round < bracket.last_round(Section.WINNERS)
        better = min(m.players, key=lambda p: int(p[1:]))
        bracket = apply_result(bracket, Result(m.id, 1, 0) if better == m.player1_id
                               else Result(m.id, 0, 1)).bracket
    assert not met_before_final
    decider = final(bracket)
    assert decider is not None and set(decider.players) == {"p1", "p2"}
    assert champion(bracket) == "p1"


def test_the_third_place_match_takes_the_semi_final_losers() -> None:
    b = generate(TID, Format.SINGLE_ELIM, players(4), third_place=True)
    b = win(win(b, "W1/1", "p4"), "W1/2", "p2")
    third = b.match(at(b, "W2/2"))
    assert is_third_place(third, 2) and third.players == ("p1", "p3")
    assert third.status is MatchStatus.READY
    b = win(win(b, "W2/2", "p3"), "W2/1", "p2")
    assert champion(b) == "p2"


def test_with_three_players_third_place_goes_without_a_game() -> None:
    b = generate(TID, Format.SINGLE_ELIM, players(3), third_place=True)
    b = win(b, "W1/2", "p3")
    third = b.match(at(b, "W2/2"))
    assert (third.players, third.status, third.winner_id) == (("p2",), MatchStatus.DONE, "p2")


def test_a_drop_against_a_missing_losers_match_advances_at_once() -> None:
    b = generate(TID, Format.DOUBLE_ELIM, players(5))
    b = win(b, "W1/2", "p5")
    b = win(b, "W2/1", "p5")
    dropped = b.match(at(b, "L2/2"))
    assert (dropped.player2_id, dropped.status, dropped.winner_id) == (
        "p1", MatchStatus.DONE, "p1")
    assert b.match(at(b, "L3/1")).player2_id == "p1"


def _to_grand_final(reset: bool) -> Bracket:
    b = generate(TID, Format.DOUBLE_ELIM, players(4), grand_final_reset=reset)
    for tag, winner in [("W1/1", "p1"), ("W1/2", "p2"), ("W2/1", "p1"), ("L1/1", "p3"),
                        ("L2/1", "p2")]:
        b = win(b, tag, winner)
    assert b.match(at(b, "G1/1")).players == ("p1", "p2")
    return b


def test_the_reset_is_void_when_the_winners_champion_wins_the_grand_final() -> None:
    b = win(_to_grand_final(True), "G1/1", "p1")
    reset = b.match(at(b, "G2/1"))
    assert reset.is_void and reset.status is MatchStatus.DONE
    assert champion(b) == "p1"


def test_the_reset_is_played_when_the_losers_champion_wins_the_grand_final() -> None:
    b = win(_to_grand_final(True), "G1/1", "p2")
    reset = b.match(at(b, "G2/1"))
    assert (reset.player1_id, reset.player2_id, reset.status) == ("p1", "p2", MatchStatus.READY)
    assert champion(b) is None
    assert champion(win(b, "G2/1", "p1")) == "p1"
    assert champion(win(b, "G2/1", "p2")) == "p2"


def test_without_a_reset_the_grand_final_decides() -> None:
    assert champion(win(_to_grand_final(False), "G1/1", "p2")) == "p2"
