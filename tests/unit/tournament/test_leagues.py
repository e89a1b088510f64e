"""Round robin and Swiss: pairings, byes, standings and their tie-breaks."""

from __future__ import annotations

import itertools

import pytest

from gfdesk.tournament.bracket import (
    Bracket,
    BracketError,
    CorrectionRefused,
    Format,
    PairingError,
    Result,
    Section,
    apply_result,
    champion,
    generate,
    next_round,
    recommended_rounds,
    reset_matches,
    standings,
)

from .play import TID, players, render


def play(bracket: Bracket, *scores: tuple[str, str, int, int]) -> Bracket:
    """Report ``(player1, player2, score1, score2)`` on the unfinished match of those two."""
    for a, b, s1, s2 in scores:
        match = next(m for m in bracket.matches if {a, b} == set(m.players)
                     and m.winner_id is None and m.score1 == m.score2 == 0)
        if match.player1_id != a:
            s1, s2 = s2, s1
        bracket = apply_result(bracket, Result(match.id, s1, s2)).bracket
    return bracket


def table(bracket: Bracket) -> list[tuple[str, float, int]]:
    return [(s.participant_id, s.points, s.tiebreak) for s in standings(bracket)]


def test_round_robin_by_the_circle_method() -> None:
    assert render(generate(TID, Format.ROUND_ROBIN, players(4))) == [
        "R1/1 p1:p4 ready", "R1/2 p2:p3 ready",
        "R2/1 p3:p1 ready", "R2/2 p4:p2 ready",
        "R3/1 p1:p2 ready", "R3/2 p3:p4 ready",
    ]


@pytest.mark.parametrize("count", [*range(2, 26), 64, 101])
def test_round_robin_meets_everyone_once_and_nobody_twice_a_round(count: int) -> None:
    bracket = generate(TID, Format.ROUND_ROBIN, players(count))
    pairs = [frozenset(m.players) for m in bracket.matches]
    assert sorted(pairs, key=sorted) == sorted(
        (frozenset(p) for p in itertools.combinations([f"p{i}" for i in range(1, count + 1)],
                                                      2)), key=sorted)
    assert bracket.last_round(Section.ROUND_ROBIN) == (count - 1 if count % 2 == 0 else count)
    for r in range(1, bracket.last_round(Section.ROUND_ROBIN) + 1):
        seen = [p for m in bracket.matches if m.round == r for p in m.players]
        assert len(seen) == len(set(seen)) == count - count % 2
        positions = [m.position for m in bracket.matches if m.round == r]
        assert positions == list(range(1, count // 2 + 1))


def test_round_robin_ranks_by_wins_then_head_to_head_then_score_difference() -> None:
    b = generate(TID, Format.ROUND_ROBIN, players(4))
    b = play(b, ("p1", "p2", 0, 1), ("p1", "p3", 5, 0), ("p1", "p4", 5, 0),
             ("p2", "p3", 0, 1), ("p2", "p4", 1, 0), ("p3", "p4", 0, 1))
    # p1 and p2 have two wins, p3 and p4 one: head-to-head orders each pair (tie-break
    # in half points), although p1's score difference is far better.
    assert table(b) == [("p2", 2.0, 2), ("p1", 2.0, 0), ("p4", 1.0, 2), ("p3", 1.0, 0)]
    assert champion(b) == "p2"


def test_a_three_way_tie_goes_to_the_mini_league_then_score_difference() -> None:
    b = generate(TID, Format.ROUND_ROBIN, players(4))
    # p1, p2, p3 beat each other in a circle and all beat p4, p3 by the most.
    b = play(b, ("p1", "p2", 1, 0), ("p2", "p3", 1, 0), ("p3", "p1", 1, 0),
             ("p1", "p4", 1, 0), ("p2", "p4", 2, 0), ("p3", "p4", 9, 0))
    assert [s.participant_id for s in standings(b)] == ["p3", "p2", "p1", "p4"]
    assert [s.score_difference for s in standings(b)] == [9, 2, 1, -12]


def test_draws_count_half_and_equal_records_fall_back_to_seed() -> None:
    b = generate(TID, Format.ROUND_ROBIN, players(2))
    b = play(b, ("p1", "p2", 2, 2))
    assert [(s.participant_id, s.points, s.draws) for s in standings(b)] == [
        ("p1", 0.5, 1), ("p2", 0.5, 1)]
    assert champion(b) == "p1"


def test_no_champion_and_no_standings_where_they_do_not_apply() -> None:
    b = generate(TID, Format.ROUND_ROBIN, players(3))
    assert champion(b) is None
    with pytest.raises(BracketError, match="no standings"):
        standings(generate(TID, Format.SINGLE_ELIM, players(3)))


@pytest.mark.parametrize(("count", "rounds"), [(2, 1), (3, 2), (4, 2), (5, 3), (8, 3), (9, 4),
                                               (200, 8), (256, 8), (257, 9)])
def test_recommended_swiss_rounds_are_ceil_log2(count: int, rounds: int) -> None:
    assert recommended_rounds(count) == rounds


def test_swiss_round_one_is_top_half_against_bottom_half() -> None:
    assert render(generate(TID, Format.SWISS, players(8))) == [
        "R1/1 p1:p5 ready", "R1/2 p2:p6 ready", "R1/3 p3:p7 ready", "R1/4 p4:p8 ready"]


def test_swiss_pairs_score_groups_and_floats_the_odd_one_down() -> None:
    b = generate(TID, Format.SWISS, players(8))
    b = play(b, ("p1", "p5", 1, 0), ("p2", "p6", 1, 0), ("p7", "p3", 1, 0), ("p8", "p4", 1, 0))
    b = next_round(b).bracket
    # Winners p1 p2 p7 p8: p1-p7, p2-p8; losers p3 p4 p5 p6: p3-p5, p4-p6.
    assert render(b)[4:] == ["R2/1 p1:p7 ready", "R2/2 p2:p8 ready", "R2/3 p3:p5 ready",
                             "R2/4 p4:p6 ready"]


def test_the_bye_goes_to_the_lowest_ranked_player_without_one() -> None:
    b = generate(TID, Format.SWISS, players(5))
    assert render(b)[-1] == "R1/3 p5:- done won:p5"
    b = play(b, ("p1", "p3", 1, 0), ("p2", "p4", 1, 0))
    b = next_round(b).bracket
    # p5 (2 points from the bye) is not the lowest; p4 is, and has had no bye.
    assert render(b)[3:] == ["R2/1 p1:p2 ready", "R2/2 p5:p3 ready", "R2/3 p4:- done won:p4"]


def test_swiss_avoids_a_rematch_by_taking_the_next_partner() -> None:
    b = generate(TID, Format.SWISS, players(4))
    b = play(b, ("p1", "p3", 1, 0), ("p2", "p4", 1, 0))
    b = next_round(b).bracket
    b = play(b, ("p1", "p2", 1, 0), ("p3", "p4", 1, 0))
    b = next_round(b).bracket
    # p1 (4) has met p2 and p3 (2 each): p4 it is, and p2 meets p3.
    assert render(b)[4:] == ["R3/1 p1:p4 ready", "R3/2 p2:p3 ready"]


def test_swiss_gives_up_when_every_pairing_repeats_a_match() -> None:
    b = play(generate(TID, Format.SWISS, players(2)), ("p1", "p2", 1, 0))
    with pytest.raises(PairingError, match="repeats a match"):
        next_round(b)


def test_swiss_next_round_needs_the_round_done_and_two_players() -> None:
    b = generate(TID, Format.SWISS, players(4))
    with pytest.raises(BracketError, match="finish round 1 match 1, round 1 match 2"):
        next_round(b)
    b = play(b, ("p1", "p3", 1, 0), ("p2", "p4", 1, 0))
    with pytest.raises(BracketError, match="fewer than two"):
        next_round(b, withdrawn={"p1", "p2", "p3"})
    with pytest.raises(BracketError, match="no next round"):
        next_round(generate(TID, Format.ROUND_ROBIN, players(4)))


def test_withdrawn_players_are_left_out_of_later_rounds() -> None:
    b = generate(TID, Format.SWISS, players(4))
    b = play(b, ("p1", "p3", 1, 0), ("p2", "p4", 1, 0))
    b = next_round(b, withdrawn={"p4"}).bracket
    assert render(b)[2:] == ["R2/1 p1:p2 ready", "R2/2 p3:- done won:p3"]


def test_buchholz_breaks_ties_between_equal_points() -> None:
    b = generate(TID, Format.SWISS, players(6))
    b = play(b, ("p1", "p4", 1, 0), ("p2", "p5", 1, 0), ("p6", "p3", 1, 0))
    b = next_round(b).bracket
    assert render(b)[3:6] == ["R2/1 p1:p2 ready", "R2/2 p6:p4 ready", "R2/3 p3:p5 ready"]
    b = play(b, ("p1", "p2", 1, 0), ("p4", "p6", 1, 0), ("p3", "p5", 1, 0))
    # Four players on one point; Buchholz (in half points) puts p4, who met p1 and p6,
    # first; p2 and p6 tie on it and on score difference, so seed decides; p3 met the
    # weakest.
    assert table(b) == [("p1", 2.0, 4), ("p4", 1.0, 6), ("p2", 1.0, 4), ("p6", 1.0, 4),
                        ("p3", 1.0, 2), ("p5", 0.0, 4)]


def test_correcting_a_swiss_result_re_pairs_the_next_round() -> None:
    b = generate(TID, Format.SWISS, players(4))
    b = play(b, ("p1", "p3", 1, 0), ("p2", "p4", 1, 0))
    paired = next_round(b).bracket
    first = paired.matches[0]
    corrected = apply_result(paired, Result(first.id, 0, 1))
    assert corrected.bracket == next_round(apply_result(b, Result(first.id, 0, 1)).bracket).bracket
    assert render(corrected.bracket)[2:] == ["R2/1 p2:p3 ready", "R2/2 p1:p4 ready"]
    changed = [m.id for m in corrected.changed]
    assert changed == [first.id] + [m.id for m in corrected.bracket.matches if m.round == 2]


def test_a_swiss_correction_that_re_pairs_a_played_match_is_refused() -> None:
    b = generate(TID, Format.SWISS, players(4))
    b = play(b, ("p1", "p3", 1, 0), ("p2", "p4", 1, 0))
    b = play(next_round(b).bracket, ("p1", "p2", 1, 0))
    with pytest.raises(CorrectionRefused, match="round 2 match 1"):
        apply_result(b, Result(b.matches[0].id, 0, 1))


def test_resetting_a_swiss_result_removes_the_rounds_paired_on_it() -> None:
    b = generate(TID, Format.SWISS, players(4))
    b = play(b, ("p1", "p3", 1, 0), ("p2", "p4", 1, 0))
    paired = next_round(b).bracket
    update = reset_matches(paired, [b.matches[0].id])
    assert update.removed == tuple(sorted(m.id for m in paired.matches if m.round == 2))
    assert update.bracket == reset_matches(b, [b.matches[0].id]).bracket
    played = play(paired, ("p1", "p2", 1, 0))
    with pytest.raises(CorrectionRefused, match="round 2 match 1"):
        reset_matches(played, [b.matches[0].id])
