"""Reporting, correcting, resetting, forfeits and disqualifications."""

from __future__ import annotations

import pytest

from gfdesk.tournament.bracket import (
    Bracket,
    CorrectionRefused,
    Format,
    MatchStatus,
    Outcome,
    Result,
    ResultError,
    apply_result,
    champion,
    forfeit,
    generate,
    reset_matches,
    start_match,
)

from .play import TID, at, players, render, win


def de4() -> Bracket:
    return generate(TID, Format.DOUBLE_ELIM, players(4))


def result(bracket: Bracket, tag: str, s1: int, s2: int, **kw: object) -> Result:
    return Result(at(bracket, tag), s1, s2, **kw)  # type: ignore[arg-type]


def test_reporting_moves_the_winner_on_and_the_loser_down() -> None:
    b = de4()
    update = apply_result(b, result(b, "W1/1", 0, 2))
    assert [render(update.bracket)[i] for i in (0, 2, 3)] == [
        "W1/1 p1:p4 done won:p4 >W2/1.1 L>L1/1.1",
        "W2/1 p4:- pending >G1/1.1 L>L2/1.2",
        "L1/1 p1:- pending >L2/1.1",
    ]
    # Exactly the rows that changed, in bracket order.
    assert [at(b, t) for t in ("W1/1", "W2/1", "L1/1")] == [m.id for m in update.changed]


def test_reporting_the_same_result_again_changes_nothing() -> None:
    b = de4()
    once = apply_result(b, result(b, "W1/1", 2, 1)).bracket
    again = apply_result(once, result(b, "W1/1", 2, 1))
    assert again.bracket == once and again.changed == ()


def test_correcting_a_score_with_the_same_winner_touches_only_that_match() -> None:
    b = de4()
    for tag, winner in [("W1/1", "p1"), ("W1/2", "p2"), ("W2/1", "p1"), ("L1/1", "p3")]:
        b = win(b, tag, winner)
    update = apply_result(b, result(b, "W1/1", 3, 2))
    assert [m.id for m in update.changed] == [at(b, "W1/1")]
    assert update.bracket.match(at(b, "W1/1")).score1 == 3


def test_correcting_the_winner_recomputes_what_was_not_played_yet() -> None:
    b = de4()
    reported = apply_result(b, result(b, "W1/1", 2, 0)).bracket
    reported = win(reported, "W1/2", "p2")
    corrected = apply_result(reported, result(b, "W1/1", 0, 2)).bracket
    direct = win(apply_result(b, result(b, "W1/1", 0, 2)).bracket, "W1/2", "p2")
    assert corrected == direct
    assert corrected.match(at(b, "W2/1")).players == ("p4", "p2")
    assert corrected.match(at(b, "L1/1")).players == ("p1", "p3")


def test_a_correction_that_would_change_a_played_match_is_refused_with_names() -> None:
    b = de4()
    for tag, winner in [("W1/1", "p1"), ("W1/2", "p2"), ("W2/1", "p1")]:
        b = win(b, tag, winner)
    with pytest.raises(CorrectionRefused) as refused:
        apply_result(b, result(b, "W1/1", 0, 2))
    assert str(refused.value) == (
        "correcting winners round 1 match 1 would change winners round 2 match 1, already "
        "played or live; reset those matches first")
    assert [m.id for m in refused.value.blocking] == [at(b, "W2/1")]


def test_after_resetting_the_blocking_matches_the_correction_goes_through() -> None:
    b = de4()
    for tag, winner in [("W1/1", "p1"), ("W1/2", "p2"), ("W2/1", "p1"), ("L1/1", "p4")]:
        b = win(b, tag, winner)
    with pytest.raises(CorrectionRefused) as refused:
        apply_result(b, result(b, "W1/1", 0, 2))
    assert {m.id for m in refused.value.blocking} == {at(b, "W2/1"), at(b, "L1/1")}
    cleared = reset_matches(b, [m.id for m in refused.value.blocking]).bracket
    corrected = apply_result(cleared, result(b, "W1/1", 0, 2)).bracket
    expected = win(generate(TID, Format.DOUBLE_ELIM, players(4)), "W1/1", "p4")
    assert corrected == win(expected, "W1/2", "p2")


def test_a_reset_is_refused_while_a_played_match_depends_on_it() -> None:
    b = de4()
    for tag, winner in [("W1/1", "p1"), ("W1/2", "p2"), ("W2/1", "p1")]:
        b = win(b, tag, winner)
    with pytest.raises(CorrectionRefused, match="resetting winners round 1 match 1 would "
                       "change winners round 2 match 1"):
        reset_matches(b, [at(b, "W1/1")])


def test_reset_undoes_a_result_and_its_progression() -> None:
    b = de4()
    after = apply_result(b, result(b, "W1/1", 2, 0)).bracket
    assert reset_matches(after, [at(b, "W1/1")]).bracket == b


def test_a_live_match_goes_live_then_back_to_ready_on_reset() -> None:
    b = de4()
    live = start_match(b, at(b, "W1/1"))
    assert [m.status for m in live.changed] == [MatchStatus.LIVE]
    assert start_match(live.bracket, at(b, "W1/1")).changed == ()
    assert reset_matches(live.bracket, [at(b, "W1/1")]).bracket == b
    done = apply_result(live.bracket, result(b, "W1/1", 1, 0)).bracket
    assert done.match(at(b, "W1/1")).status is MatchStatus.DONE


def test_a_live_downstream_match_blocks_a_correction() -> None:
    b = de4()
    for tag, winner in [("W1/1", "p1"), ("W1/2", "p2")]:
        b = win(b, tag, winner)
    b = start_match(b, at(b, "W2/1")).bracket
    with pytest.raises(CorrectionRefused, match="winners round 2 match 1"):
        apply_result(b, result(b, "W1/2", 0, 1))


@pytest.mark.parametrize(("tag", "problem"), [
    ("W2/1", "waiting"),
    ("W1/1", "a bye"),
])
def test_a_match_without_two_players_takes_no_result(tag: str, problem: str) -> None:
    b = generate(TID, Format.SINGLE_ELIM, players(3))
    with pytest.raises(ResultError, match=problem):
        apply_result(b, Result(at(b, tag), 1, 0))
    with pytest.raises(ResultError, match="no result to reset"):
        reset_matches(b, [at(b, tag)])
    with pytest.raises(ResultError, match="not ready"):
        start_match(b, at(b, tag))


def test_a_reset_not_needed_takes_no_result() -> None:
    b = de4()
    for tag, winner in [("W1/1", "p1"), ("W1/2", "p2"), ("W2/1", "p1"), ("L1/1", "p3"),
                        ("L2/1", "p2"), ("G1/1", "p1")]:
        b = win(b, tag, winner)
    with pytest.raises(ResultError, match="not needed"):
        apply_result(b, Result(at(b, "G2/1"), 1, 0))


@pytest.mark.parametrize(("res", "problem"), [
    (dict(s1=1, s2=1), "tied score needs the winner"),
    (dict(s1=2, s2=1, winner_id="p4"), "the score says the other player won"),
    (dict(s1=-1, s2=0), "whole numbers"),
    (dict(s1=True, s2=0), "whole numbers"),
    (dict(s1=1, s2=0, winner_id="p2"), "does not play in it"),
    (dict(s1=0, s2=0, outcome=Outcome.FORFEIT), "names who advances"),
])
def test_a_result_that_does_not_fit_is_refused(res: dict[str, object], problem: str) -> None:
    b = de4()
    with pytest.raises(ResultError, match=problem):
        apply_result(b, result(b, "W1/1", **res))  # type: ignore[arg-type]
    with pytest.raises(ResultError, match="no match"):
        apply_result(b, Result("nope", 1, 0))


def test_a_tie_decided_by_a_named_winner_is_accepted() -> None:
    b = de4()
    done = apply_result(b, result(b, "W1/1", 1, 1, winner_id="p4")).bracket
    assert done.match(at(b, "W1/1")).winner_id == "p4"


def test_a_forfeit_advances_the_opponent_and_the_forfeiter_still_drops() -> None:
    b = de4()
    b = apply_result(b, forfeit(b.match(at(b, "W1/1")), "p1")).bracket
    assert b.match(at(b, "W2/1")).player1_id == "p4"
    assert b.match(at(b, "L1/1")).player1_id == "p1"
    with pytest.raises(ResultError, match="no opponent"):
        forfeit(b.match(at(b, "W1/2")), "p1")


def test_a_disqualified_player_leaves_and_their_losers_opponent_advances() -> None:
    b = win(de4(), "W1/2", "p2")
    dq = apply_result(b, forfeit(b.match(at(b, "W1/1")), "p1", disqualify=True)).bracket
    w11, l11 = dq.match(at(b, "W1/1")), dq.match(at(b, "L1/1"))
    assert (w11.winner_id, w11.loser_next_match_id) == ("p4", None)
    assert (l11.players, l11.status, l11.winner_id) == (("p3",), MatchStatus.DONE, "p3")
    # The cut link is the record: the rows carry it, and correcting restores it.
    assert Bracket.from_rows(TID, Format.DOUBLE_ELIM, players(4), dq.to_rows()) == dq
    undone = apply_result(dq, result(b, "W1/1", 0, 2))
    assert undone.bracket == apply_result(b, result(b, "W1/1", 0, 2)).bracket
    assert reset_matches(dq, [at(b, "W1/1")]).bracket == b


def test_disqualifying_after_the_drop_was_played_is_refused() -> None:
    b = de4()
    for tag, winner in [("W1/1", "p4"), ("W1/2", "p2"), ("L1/1", "p1")]:
        b = win(b, tag, winner)
    with pytest.raises(CorrectionRefused, match="losers round 1 match 1"):
        apply_result(b, forfeit(b.match(at(b, "W1/1")), "p1", disqualify=True))


def test_a_winners_champion_disqualified_in_the_grand_final_hands_over_the_title() -> None:
    b = de4()
    for tag, winner in [("W1/1", "p1"), ("W1/2", "p2"), ("W2/1", "p1"), ("L1/1", "p3"),
                        ("L2/1", "p2")]:
        b = win(b, tag, winner)
    b = apply_result(b, forfeit(b.match(at(b, "G1/1")), "p1", disqualify=True)).bracket
    reset = b.match(at(b, "G2/1"))
    assert (reset.players, reset.status) == (("p2",), MatchStatus.DONE)
    assert champion(b) == "p2"


def test_a_disqualified_semi_finalist_gives_third_place_away() -> None:
    b = generate(TID, Format.SINGLE_ELIM, players(4), third_place=True)
    b = win(b, "W1/1", "p1")
    b = apply_result(b, forfeit(b.match(at(b, "W1/2")), "p3", disqualify=True)).bracket
    b = win(b, "W2/1", "p1")
    third = b.match(at(b, "W2/2"))
    assert (third.players, third.winner_id) == (("p4",), "p4")


def test_league_matches_allow_draws_and_independent_corrections() -> None:
    b = generate(TID, Format.ROUND_ROBIN, players(4))
    first = b.matches[0]
    drawn = apply_result(b, Result(first.id, 1, 1)).bracket
    m = drawn.match(first.id)
    assert (m.status, m.winner_id) == (MatchStatus.DONE, None)
    b2 = apply_result(drawn, Result(b.matches[1].id, 2, 0)).bracket
    corrected = apply_result(b2, Result(first.id, 3, 0))
    assert [x.id for x in corrected.changed] == [first.id]
    assert reset_matches(corrected.bracket, [first.id]).bracket == apply_result(
        b, Result(b.matches[1].id, 2, 0)).bracket
