"""gfdesk.calls.states: the calls row and how it moves."""

from __future__ import annotations

import datetime as dt

import pytest

from gfdesk.calls.states import (
    ALLOWED_FROM,
    CallKind,
    CallStatus,
    Direction,
    EndReason,
    call_from_row,
    end_reason_for,
    status_change,
)

NOW = dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC)
ROW = {"id": "c1", "caller_id": "a", "callee_id": "b", "kind": "video", "status": "ringing",
       "created_at": "2026-12-04T11:59:59.5+00:00", "answered_at": None, "ended_at": None}


def test_a_row_reads_as_a_call_seen_from_either_party() -> None:
    call = call_from_row(ROW)
    assert (call.kind, call.status) == (CallKind.VIDEO, CallStatus.RINGING)
    assert call.created_at == dt.datetime(2026, 12, 4, 11, 59, 59, 500000, tzinfo=dt.UTC)
    assert (call.other("a"), call.other("b")) == ("b", "a")
    assert (call.direction("a"), call.direction("b")) == (Direction.OUTGOING,
                                                          Direction.INCOMING)


@pytest.mark.parametrize("broken", [
    {k: v for k, v in ROW.items() if k != "caller_id"},
    {**ROW, "status": "ringing-ish"},
    {**ROW, "kind": None},
    {**ROW, "created_at": None},
    {**ROW, "created_at": "yesterday"},
])
def test_what_is_not_a_calls_row_is_refused(broken: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        call_from_row(broken)


@pytest.mark.parametrize(("status", "column"), [
    (CallStatus.ACCEPTED, "answered_at"), (CallStatus.DECLINED, "ended_at"),
    (CallStatus.MISSED, "ended_at"), (CallStatus.BUSY, "ended_at"),
    (CallStatus.ENDED, "ended_at"),
])
def test_each_move_writes_its_status_and_the_one_timestamp_it_sets(
        status: CallStatus, column: str) -> None:
    assert status_change(status, NOW) == {"status": status.value,
                                          column: "2026-12-04T12:00:00.000000+00:00"}


def test_nothing_moves_a_call_back_to_ringing_and_only_ended_leaves_accepted() -> None:
    with pytest.raises(ValueError):
        status_change(CallStatus.RINGING, NOW)
    assert [s for s, sources in ALLOWED_FROM.items() if CallStatus.ACCEPTED in sources] == [
        CallStatus.ENDED]
    assert all(CallStatus.RINGING in sources for sources in ALLOWED_FROM.values())
    assert {s for s in CallStatus if s.terminal} == set(ALLOWED_FROM) - {CallStatus.ACCEPTED}


@pytest.mark.parametrize(("status", "answered", "reason"), [
    (CallStatus.DECLINED, False, EndReason.DECLINED),
    (CallStatus.MISSED, False, EndReason.MISSED),
    (CallStatus.BUSY, False, EndReason.BUSY),
    (CallStatus.ENDED, False, EndReason.CANCELLED),
    (CallStatus.ENDED, True, EndReason.REMOTE_HUNG_UP),
])
def test_a_terminal_row_written_by_the_other_side_says_why_the_call_ended(
        status: CallStatus, answered: bool, reason: EndReason) -> None:
    assert end_reason_for(status, answered=answered) is reason


def test_a_live_status_is_no_end_reason() -> None:
    with pytest.raises(ValueError):
        end_reason_for(CallStatus.ACCEPTED, answered=True)
