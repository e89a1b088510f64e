"""Properties of every format for 2 to 256 players (hypothesis, derandomized, no example
database, so CI runs the same cases every time): every player plays the right number
of matches, exactly one champion, nobody is in two matches at once, byes never meet
byes, and applying then correcting (or resetting) a result gives the same bracket as
applying the right one directly."""

from __future__ import annotations

import random
from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gfdesk.tournament.bracket import (
    Bracket,
    CorrectionRefused,
    Format,
    Match,
    MatchStatus,
    PairingError,
    Result,
    Section,
    apply_result,
    champion,
    forfeit,
    generate,
    next_round,
    recommended_rounds,
    reset_matches,
    standings,
)
from gfdesk.tournament.standings import records

from .play import TID, check_state, losses, open_matches, players, random_result

#: How often a result is a disqualification in the disqualification property.
DISQUALIFY_CHANCE = 0.12

PROPERTIES = settings(max_examples=12, deadline=None, derandomize=True, database=None,
                      suppress_health_check=[HealthCheck.too_slow])
counts = st.integers(min_value=2, max_value=256)
seeds = st.integers(min_value=0, max_value=2**32 - 1)
#: How often a step also checks apply-then-correct and apply-then-reset.
ROUND_TRIP_CHANCE = 0.1


def other_result(match: Match, result: Result, league: bool) -> Result:
    """A different result for the same match: the other winner (or, in a league, a draw
    turned into a win)."""
    decided = apply_result_winner(match, result)
    if decided is None:
        return Result(match.id, 1, 0)
    loser = match.opponent(decided)
    if league and loser is not None and match.player1_id == decided:
        return Result(match.id, 2, 2)
    return Result(match.id, *((1, 3) if decided == match.player1_id else (3, 1)))


def apply_result_winner(match: Match, result: Result) -> str | None:
    if result.winner_id is not None:
        return result.winner_id
    if result.score1 == result.score2:
        return None
    return match.player1_id if result.score1 > result.score2 else match.player2_id


def check_round_trip(bracket: Bracket, match: Match, result: Result) -> None:
    """Apply ``result``, then correct it to another one: the same as applying the other
    one at once; apply then reset: the bracket before."""
    league = bracket.format.is_league
    applied = apply_result(bracket, result).bracket
    other = other_result(match, result, league)
    assert apply_result(applied, other).bracket == apply_result(bracket, other).bracket
    assert reset_matches(applied, [match.id]).bracket == bracket


def check_late_corrections(bracket: Bracket, rnd: random.Random, tries: int = 4) -> None:
    """Correcting a played match either is refused, naming only played or live matches
    downstream, or goes through; corrected back, the bracket is what it was."""
    played = [m for m in bracket.matches if m.is_played and m.status is MatchStatus.DONE]
    for match in rnd.sample(played, min(tries, len(played))):
        flipped = other_result(match, Result(match.id, match.score1, match.score2,
                                             winner_id=match.winner_id), bracket.format.is_league)
        try:
            changed = apply_result(bracket, flipped).bracket
        except CorrectionRefused as refused:
            assert refused.blocking and all(m.is_played for m in refused.blocking)
            assert match.id not in {m.id for m in refused.blocking}
            continue
        original = Result(match.id, match.score1, match.score2, winner_id=match.winner_id)
        assert apply_result(changed, original).bracket == bracket


def play_elimination(bracket: Bracket, rnd: random.Random) -> Bracket:
    count = len(bracket.participants)
    check_every = 1 if count <= 64 else 16
    check_state(bracket)
    step = 0
    while ready := open_matches(bracket):
        match = rnd.choice(ready)
        result = random_result(match, rnd, league=False)
        if rnd.random() < ROUND_TRIP_CHANCE:
            check_round_trip(bracket, match, result)
        bracket = apply_result(bracket, result).bracket
        step += 1
        if step % check_every == 0:
            check_state(bracket)
    check_state(bracket)
    assert all(m.status is MatchStatus.DONE for m in bracket.matches)
    assert Bracket.from_rows(TID, bracket.format, bracket.participants,
                             bracket.to_rows()) == bracket
    return bracket


def played_counts(bracket: Bracket) -> Counter[str]:
    return Counter(p for m in bracket.matches if m.is_played for p in m.players)


@PROPERTIES
@given(count=counts, third_place=st.booleans(), seed=seeds)
@example(count=256, third_place=True, seed=1)
@example(count=2, third_place=True, seed=1)
@example(count=3, third_place=True, seed=2)
def test_single_elimination_properties(count: int, third_place: bool, seed: int) -> None:
    rnd = random.Random(seed)
    bracket = generate(TID, Format.SINGLE_ELIM, players(count), third_place=third_place)
    bracket = play_elimination(bracket, rnd)
    winner = champion(bracket)
    lost = losses(bracket)
    assert winner is not None and lost[winner] == 0
    assert all(lost[p.id] == 1 for p in bracket.participants if p.id != winner)
    # n - 1 games decide the title, plus a played third-place match from 4 players on.
    third = 1 if third_place and count >= 4 else 0
    assert sum(played_counts(bracket).values()) == 2 * (count - 1 + third)
    assert set(played_counts(bracket)) == {p.id for p in bracket.participants}
    check_late_corrections(bracket, rnd)


@PROPERTIES
@given(count=counts, reset=st.booleans(), seed=seeds)
@example(count=256, reset=True, seed=1)
@example(count=2, reset=True, seed=3)
@example(count=5, reset=False, seed=4)
def test_double_elimination_properties(count: int, reset: bool, seed: int) -> None:
    rnd = random.Random(seed)
    bracket = generate(TID, Format.DOUBLE_ELIM, players(count), grand_final_reset=reset)
    bracket = play_elimination(bracket, rnd)
    winner = champion(bracket)
    lost = losses(bracket)
    assert winner is not None and lost[winner] <= 1
    others = {p.id: lost[p.id] for p in bracket.participants if p.id != winner}
    once = [p for p, n in others.items() if n == 1]
    # Everybody else is out after two losses; without the reset the winners-bracket
    # champion who loses the grand final is out after one.
    assert all(n in (1, 2) for n in others.values())
    assert len(once) == (0 if reset else int(lost[winner] == 1))
    assert set(played_counts(bracket)) == {p.id for p in bracket.participants}
    assert all(n >= 2 for n in played_counts(bracket).values())
    check_late_corrections(bracket, rnd)


@PROPERTIES
@given(count=counts, seed=seeds)
@example(count=256, seed=1)
@example(count=2, seed=1)
@example(count=3, seed=1)
def test_round_robin_properties(count: int, seed: int) -> None:
    rnd = random.Random(seed)
    bracket = generate(TID, Format.ROUND_ROBIN, players(count))
    check_state(bracket)
    assert all(n == 2 * (count - 1) for n in Counter(
        p for m in bracket.matches for p in (*m.players, *m.players)).values())
    # Play everything for small leagues; a sample of a big one (32640 matches at 256).
    todo = list(bracket.matches) if count <= 24 else rnd.sample(bracket.matches, 60)
    rnd.shuffle(todo)
    for match in todo:
        result = random_result(match, rnd, league=True)
        if rnd.random() < ROUND_TRIP_CHANCE:
            check_round_trip(bracket, match, result)
        bracket = apply_result(bracket, result).bracket
    check_state(bracket)
    table = standings(bracket)
    assert [s.rank for s in table] == list(range(1, count + 1))
    assert {s.participant_id for s in table} == {p.id for p in bracket.participants}
    assert sum(s.wins for s in table) == sum(s.losses for s in table)
    if count <= 24:
        assert all(s.played == count - 1 for s in table)
        assert champion(bracket) == table[0].participant_id
    else:
        assert champion(bracket) is None
    check_late_corrections(bracket, rnd)


@PROPERTIES
@given(count=counts, seed=seeds)
@example(count=256, seed=1)
@example(count=2, seed=1)
@example(count=3, seed=1)
@example(count=9, seed=5)
def test_swiss_properties(count: int, seed: int) -> None:
    rnd = random.Random(seed)
    bracket = generate(TID, Format.SWISS, players(count))
    seeds_of = {p.id: p.seed for p in bracket.participants}
    rounds = recommended_rounds(count)
    while True:
        r = bracket.last_round(Section.ROUND_ROBIN)
        this_round = [m for m in bracket.matches if m.round == r]
        _check_swiss_round(bracket, r, seeds_of)
        for match in [m for m in this_round if m.status is MatchStatus.READY]:
            result = random_result(match, rnd, league=True)
            if rnd.random() < ROUND_TRIP_CHANCE:
                check_round_trip(bracket, match, result)
            bracket = apply_result(bracket, result).bracket
        if r == rounds:
            break
        before = bracket
        bracket = next_round(bracket).bracket
        # A correction of the previous round re-pairs this one as if it came first.
        played = [m for m in before.matches if m.round == r and m.is_played]
        if played and rnd.random() < 0.5:
            match = rnd.choice(played)
            other = other_result(match, Result(match.id, match.score1, match.score2,
                                               winner_id=match.winner_id), True)
            try:
                direct = next_round(apply_result(before, other).bracket).bracket
            except PairingError:
                continue
            assert apply_result(bracket, other).bracket == direct
    assert all(m.status is MatchStatus.DONE for m in bracket.matches)
    table = standings(bracket)
    assert all(s.played + s.byes == rounds for s in table)
    assert champion(bracket) == table[0].participant_id
    check_late_corrections(bracket, rnd)


def _check_swiss_round(bracket: Bracket, round_: int, seeds_of: dict[str, int]) -> None:
    """Everyone once in the round, no rematch, and the bye (if any) to the lowest-ranked
    player without one."""
    this_round = [m for m in bracket.matches if m.round == round_]
    seen = [p for m in this_round for p in m.players]
    assert sorted(seen) == sorted(seeds_of)
    earlier = [m for m in bracket.matches if m.round < round_]
    met = {frozenset(m.players) for m in earlier if len(m.players) == 2}
    assert not any(frozenset(m.players) in met for m in this_round if len(m.players) == 2)
    byes = [m.players[0] for m in this_round if m.is_bye]
    assert len(byes) == len(seeds_of) % 2
    if byes:
        recs = records(earlier, seeds_of)
        assert recs[byes[0]].byes == 0
        ranked = sorted(seeds_of, key=lambda p: (-recs[p].half_points, seeds_of[p]))
        below = ranked[ranked.index(byes[0]) + 1:]
        assert all(recs[p].byes for p in below)


@PROPERTIES
@given(fmt=st.sampled_from([Format.SINGLE_ELIM, Format.DOUBLE_ELIM]),
       count=st.integers(min_value=2, max_value=96), extra=st.booleans(), seed=seeds)
@example(fmt=Format.DOUBLE_ELIM, count=96, extra=True, seed=1)
def test_disqualified_players_leave_and_the_bracket_still_finishes(
        fmt: Format, count: int, extra: bool, seed: int) -> None:
    rnd = random.Random(seed)
    bracket = generate(TID, fmt, players(count), third_place=extra, grand_final_reset=extra)
    out: set[str] = set()
    while ready := open_matches(bracket):
        match = rnd.choice(ready)
        assert not out & set(match.players), "a disqualified player is in a new match"
        if rnd.random() < DISQUALIFY_CHANCE:
            loser = rnd.choice(match.players)
            out.add(loser)
            bracket = apply_result(bracket, forfeit(match, loser, disqualify=True)).bracket
            assert bracket.match(match.id).winner_id == match.opponent(loser)
            # Gone at once: not waiting in any later match either.
            assert not any(loser in m.players for m in bracket.matches
                           if m.status is not MatchStatus.DONE)
        else:
            bracket = apply_result(bracket, random_result(match, rnd, league=False)).bracket
        check_state(bracket, disqualified=True)
    assert all(m.status is MatchStatus.DONE for m in bracket.matches)
    winner = champion(bracket)
    assert winner is not None and winner not in out
