"""The delivery gate: gap rows and buffered live rows merged in order, each key once."""

from __future__ import annotations

from typing import Any

import pytest

from gfdesk.core.gapfill import DeliveryGate, GateState, RecentKeys, merge_rows


def row(n: int, ts: str | None = None) -> dict[str, Any]:
    return {"id": f"id-{n:03d}", "created_at": ts or f"2026-01-01T00:00:{n:02d}"}


def key(r: Any) -> Any:
    return r["id"]


def order(r: Any) -> Any:
    return (r["created_at"], r["id"])


def ids(rows: list[Any]) -> list[int]:
    return [int(r["id"][3:]) for r in rows]


def test_recent_keys_forgets_the_oldest_beyond_capacity() -> None:
    keys = RecentKeys(3)
    assert [keys.add(k) for k in "abca"] == [True, True, True, False]
    keys.add("d")  # "b" is now the oldest and goes
    assert "b" not in keys and "a" in keys and len(keys) == 3


def test_merge_orders_and_drops_duplicates_and_seen_keys() -> None:
    seen = RecentKeys()
    seen.add("id-001")
    gap = [row(1), row(2), row(4)]
    buffered = [row(3), row(4), row(5)]
    assert ids(merge_rows(gap, buffered, key=key, order=order, seen=seen)) == [2, 3, 4, 5]


def test_gate_buffers_until_the_first_gap_fill_then_passes_live_rows() -> None:
    gate = DeliveryGate(key=key, order=order)
    assert gate.state is GateState.BUFFERING
    assert gate.live(row(3)) == [] and gate.buffered == 1
    assert ids(gate.complete_gap_fill([row(1), row(2), row(3)])) == [1, 2, 3]
    assert gate.state.name == GateState.LIVE.name  # (mypy keeps the narrowing above)
    assert ids(gate.live(row(4))) == [4]
    assert gate.live(row(4)) == []
    assert gate.newest == row(4)


def test_gate_after_a_reconnect_delivers_missed_rows_before_new_ones_once() -> None:
    gate = DeliveryGate(key=key, order=order, newest=row(2))
    gate.complete_gap_fill([row(2)])
    gate.begin_gap_fill()
    gate.live(row(6))
    gate.live(row(5))
    # the gap fill overlaps what was delivered and what is buffered
    delivered = gate.complete_gap_fill([row(2), row(3), row(4), row(5)])
    assert ids(delivered) == [3, 4, 5, 6]
    assert gate.newest == row(6)


def test_newest_never_goes_back_for_a_late_older_row() -> None:
    gate = DeliveryGate(key=key, order=order)
    gate.complete_gap_fill([row(5)])
    assert ids(gate.live(row(4))) == [4]  # late commit with an older timestamp: still shown once
    assert gate.newest == row(5)


@pytest.mark.parametrize("seed", range(20))
def test_any_interleaving_yields_every_row_once_in_order(seed: int) -> None:
    import random

    rnd = random.Random(seed)
    rows = [row(n) for n in range(60)]
    gate = DeliveryGate(key=key, order=order)
    out: list[Any] = []
    position = 0
    while position < len(rows):
        # an outage: some rows arrive live while buffering, the gap fill returns an
        # overlapping window from the newest delivered row onward
        gate.begin_gap_fill()
        end = min(len(rows), position + rnd.randint(1, 10))
        live = [r for r in rows[position:end] if rnd.random() < 0.5]
        for r in live:
            out += gate.live(r)
        start = max(0, position - rnd.randint(0, 3))
        out += gate.complete_gap_fill(rows[start:end])
        position = end
        for r in rows[position:position + rnd.randint(0, 5)]:
            out += gate.live(r)
            out += gate.live(r)
            position += 1
    assert ids(out) == list(range(60))
