"""gfdesk.tournament.livebracket: rows in any order, echoes of the host's own writes,
and what asks for a reload."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from gfdesk.tournament.bracket import (
    Format,
    MatchStatus,
    Result,
    apply_result,
    generate,
    next_round,
    reset_matches,
)
from gfdesk.tournament.livebracket import LiveBracket, RowOutcome
from tests.unit.tournament.play import TID, at, players, win


def stamped(row: dict[str, Any], n: int) -> dict[str, Any]:
    return {**row, "updated_at": f"2026-01-01T00:00:{n:02d}.000000+00:00"}


def rows_of(bracket: Any, n: int = 0) -> list[dict[str, Any]]:
    return [stamped(r, n) for r in bracket.to_rows()]


def test_a_newer_row_changes_one_match_and_an_older_one_is_ignored() -> None:
    start = generate(TID, Format.DOUBLE_ELIM, players(8))
    live = LiveBracket(start, rows_of(start))
    after = win(start, "W1/1", "p1")
    match_id = at(start, "W1/1")
    result = live.apply_row(stamped(after.match(match_id).to_row(), 5))
    assert (result.outcome, result.match_id) == (RowOutcome.APPLIED, match_id)
    assert live.bracket is not None and live.bracket.match(match_id).winner_id == "p1"
    stale = live.apply_row(stamped(start.match(match_id).to_row(), 3))
    assert stale.outcome is RowOutcome.UNCHANGED
    assert live.bracket.match(match_id).winner_id == "p1"
    # The same row again (a gap fill's snapshot) shows nothing new.
    assert live.apply_row(stamped(after.match(match_id).to_row(), 5)).outcome \
        is RowOutcome.UNCHANGED


def test_a_reload_read_before_a_live_row_keeps_that_row() -> None:
    # The viewer re-reads every match (a reload); while the reads are under way a live
    # row of a later result arrives and is applied; then the older snapshot lands. It
    # must not take the match back (nothing would ever bring the result again).
    start = generate(TID, Format.DOUBLE_ELIM, players(8))
    live = LiveBracket(start, rows_of(start))
    match_id = at(start, "W1/1")
    after = win(start, "W1/1", "p1")
    assert live.apply_row(stamped(after.match(match_id).to_row(), 5)).outcome \
        is RowOutcome.APPLIED
    live.load(start, rows_of(start, 4))  # the snapshot, read before the row was written
    assert live.bracket is not None and live.bracket.match(match_id).winner_id == "p1"
    # A snapshot that has the row (or a newer one) wins as usual.
    live.load(after, rows_of(after, 6))
    assert live.bracket.match(match_id).winner_id == "p1"
    assert live.apply_row(stamped(start.match(match_id).to_row(), 5)).outcome \
        is RowOutcome.UNCHANGED


def test_unknown_matches_and_changed_links_ask_for_a_reload() -> None:
    start = generate(TID, Format.SINGLE_ELIM, players(4))
    assert LiveBracket().apply_row(stamped(start.matches[0].to_row(), 1)).outcome \
        is RowOutcome.RELOAD
    live = LiveBracket(start, rows_of(start))
    other = generate(TID, Format.SINGLE_ELIM, players(8))
    unknown = next(m for m in other.matches if start.get(m.id) is None)
    assert live.apply_row(stamped(unknown.to_row(), 1)).outcome is RowOutcome.RELOAD
    first = start.matches[0]
    relinked = replace(first, next_slot=2 if first.next_slot == 1 else 1)
    assert live.apply_row(stamped(relinked.to_row(), 1)).outcome is RowOutcome.RELOAD
    assert live.apply_row({"id": first.id, "bracket": "nowhere"}).outcome is RowOutcome.RELOAD


def test_the_hosts_echoes_never_step_its_bracket_back() -> None:
    start = generate(TID, Format.DOUBLE_ELIM, players(4))
    live = LiveBracket(start, rows_of(start))
    first = apply_result(start, Result(at(start, "W1/1"), 2, 0))
    live.apply_local(first)
    second = apply_result(first.bracket, Result(at(start, "W1/2"), 0, 2))
    live.apply_local(second)
    assert live.pending == len({m.id for m in first.changed + second.changed})
    # The first write's echo for a match the second one changed again: ignored.
    shared = {m.id for m in first.changed} & {m.id for m in second.changed}
    for match_id in shared:
        echo = next(m for m in first.changed if m.id == match_id)
        assert live.apply_row(stamped(echo.to_row(), 1)).outcome is RowOutcome.UNCHANGED
        assert live.bracket is not None and live.bracket.match(match_id) != echo
    for n, match in enumerate([*first.changed, *second.changed], start=2):
        live.apply_row(stamped(match.to_row(), n))
    assert live.pending == 0
    assert live.bracket == second.bracket


def test_a_reload_keeps_the_hosts_unsent_changes_on_top() -> None:
    start = generate(TID, Format.SINGLE_ELIM, players(4))
    live = LiveBracket(start, rows_of(start))
    update = apply_result(start, Result(at(start, "W1/1"), 2, 0))
    live.apply_local(update)
    live.load(start, rows_of(start, 9))  # the server has not got it yet
    assert live.bracket == update.bracket and live.pending
    live.load(update.bracket, rows_of(update.bracket, 10))  # now it has
    assert live.bracket == update.bracket and not live.pending
    live.apply_local(apply_result(update.bracket, Result(at(start, "W1/2"), 2, 0)))
    live.forget_pending()
    live.load(update.bracket, rows_of(update.bracket, 11))
    assert live.bracket == update.bracket


def test_a_swiss_reset_asks_for_a_reload_and_missing_rows_are_noticed() -> None:
    bracket = generate(TID, Format.SWISS, players(4))
    for m in bracket.matches:
        bracket = apply_result(bracket, Result(m.id, 1, 0)).bracket
    two_rounds = next_round(bracket).bracket
    live = LiveBracket(two_rounds, rows_of(two_rounds))
    reset = reset_matches(two_rounds, [two_rounds.matches[0].id])
    assert reset.removed
    row = stamped(reset.changed[0].to_row(), 5)
    assert row["status"] == MatchStatus.READY.value
    assert live.apply_row(row).outcome is RowOutcome.RELOAD
    assert live.missing([m.id for m in reset.bracket.matches])
    assert not live.missing([m.id for m in two_rounds.matches])


def test_new_players_in_a_first_round_slot_ask_for_a_reload() -> None:
    start = generate(TID, Format.SINGLE_ELIM, players(4))
    live = LiveBracket(start, rows_of(start))
    first = start.matches[0]
    reseeded = replace(first, player1_id=first.player2_id, player2_id=first.player1_id)
    result = live.apply_row(stamped(reseeded.to_row(), 1))
    assert result.outcome is RowOutcome.RELOAD and result.reason == "the pairing changed"
    # A slot fed by a match gets its player from it: no reload.
    live = LiveBracket(start, rows_of(start))
    after = win(start, "W1/1", "p1")
    final = after.match(at(start, "W2/1"))
    assert live.apply_row(stamped(final.to_row(), 2)).outcome is RowOutcome.APPLIED
