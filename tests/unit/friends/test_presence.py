"""The presence index (``gfdesk.friends.presence``): identity from the meta's user_id,
status priority across devices, O(diff) updates, states loaded in steps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from gfdesk.friends.presence import (
    PresenceIndex,
    Status,
    last_seen_text,
    parse_status,
    read_meta,
    summarize,
    tracked_meta,
)
from gfdesk.timestamps import parse_or_none as parse_time

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def meta(user: str, ref: str, status: str = "online", **extra: Any) -> dict[str, Any]:
    return {"user_id": user, "status": status, "phx_ref": ref, **extra}


def diff(joins: dict[str, list[dict[str, Any]]] | None = None,
         leaves: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    wrap = lambda side: {k: {"metas": v} for k, v in (side or {}).items()}  # noqa: E731
    return {"joins": wrap(joins), "leaves": wrap(leaves)}


def load(index: PresenceIndex, state: dict[str, Any]) -> int:
    return sum(1 for _ in index.load_state(state))


def test_identity_comes_from_the_meta_not_the_key() -> None:
    index = PresenceIndex()
    # A phone joins with a random key; the desktop with the user id.
    touched = index.apply_diff(diff({"6f1c-random": [meta("ada", "r1", "busy")],
                                     "ada": [meta("ada", "r2", "in_game", game="Arena")]}))
    assert touched == {"ada"}
    assert len(index) == 1 and index.metas == 2
    presence = index.presence("ada")
    assert (presence.status, presence.game, presence.devices) == (Status.IN_GAME, "Arena", 2)
    assert index.presence("6f1c-random").status is Status.OFFLINE


def test_online_while_any_meta_is_present() -> None:
    index = PresenceIndex()
    index.apply_diff(diff({"k1": [meta("ada", "r1", "away")], "k2": [meta("ada", "r2")]}))
    index.apply_diff(diff(leaves={"k2": [meta("ada", "r2")]}))
    assert index.presence("ada").status is Status.AWAY
    assert index.apply_diff(diff(leaves={"k1": [meta("ada", "r1", "away")]})) == {"ada"}
    assert not index.presence("ada").online and len(index) == 0


@pytest.mark.parametrize(("statuses", "expected"), [
    (["away", "online"], Status.ONLINE),
    (["online", "busy"], Status.BUSY),
    (["busy", "in_game"], Status.IN_GAME),
    (["away", "away"], Status.AWAY),
    (["weird"], Status.ONLINE),
    (["offline"], Status.ONLINE),  # present means online, whatever the meta says
])
def test_status_priority_across_devices(statuses: list[str], expected: Status) -> None:
    metas = [read_meta(meta("ada", f"r{i}", s)) for i, s in enumerate(statuses)]
    assert summarize("ada", [m for m in metas if m is not None]).status is expected


def test_an_update_is_a_leave_of_the_old_meta_and_a_join_of_the_new() -> None:
    index = PresenceIndex()
    index.apply_diff(diff({"ada": [meta("ada", "r1")]}))
    index.apply_diff(diff({"ada": [meta("ada", "r2", "away", phx_ref_prev="r1")]},
                          {"ada": [meta("ada", "r1")]}))
    assert index.presence("ada").status is Status.AWAY and index.metas == 1


def test_metas_without_a_user_or_ref_are_nobody() -> None:
    index = PresenceIndex()
    touched = index.apply_diff({"joins": {"k": {"metas": [{"status": "online", "phx_ref": "x"},
                                                          {"user_id": "ada"}, "junk"]}},
                                "leaves": "junk"})
    assert touched == set() and len(index) == 0


def test_a_state_is_loaded_in_steps_and_swapped_in_at_the_end() -> None:
    index = PresenceIndex()
    index.apply_diff(diff({"old": [meta("old", "r0")]}))
    state = {f"k{i}": {"metas": [meta(f"u{i}", f"r{i}")]} for i in range(2000)}
    steps = index.load_state(state)
    next(steps)
    assert index.presence("old").online  # still the old index mid-way
    for _ in steps:
        pass
    assert len(index) == 2000 and not index.presence("old").online
    assert state == {}  # consumed as it was indexed
    assert load(PresenceIndex(), {f"k{i}": {"metas": []} for i in range(5000)}) >= 5000 // 512


def test_the_tracked_meta_is_the_seed_payload_plus_device_and_game() -> None:
    assert tracked_meta("ada", Status.ONLINE, "ignored", NOW) == {
        "user_id": "ada", "status": "online", "last_seen": "2026-05-01T12:00:00+00:00",
        "device": "desktop"}
    assert tracked_meta("ada", Status.IN_GAME, "Arena", NOW)["game"] == "Arena"


@pytest.mark.parametrize(("ago", "text"), [
    (None, "Offline"), (timedelta(seconds=30), "last seen just now"),
    (timedelta(minutes=5), "last seen 5 min ago"), (timedelta(hours=3), "last seen 3 h ago"),
    (timedelta(days=1, hours=2), "last seen yesterday"),
    (timedelta(days=4), "last seen 4 days ago"),
])
def test_last_seen_text(ago: timedelta | None, text: str) -> None:
    assert last_seen_text(None if ago is None else NOW - ago, NOW) == text


def test_parsing_is_forgiving() -> None:
    assert parse_status(None) is Status.ONLINE
    assert parse_time("2026-01-01T10:00:00.000") == datetime(2026, 1, 1, 10, tzinfo=UTC)
    assert parse_time("2026-01-01T10:00:00Z") == datetime(2026, 1, 1, 10, tzinfo=UTC)
    assert parse_time("yesterday") is None and parse_time(5) is None
    long_game = read_meta(meta("ada", "r", "in_game", game="x" * 500))
    assert long_game is not None and long_game.game is not None and len(long_game.game) == 80
