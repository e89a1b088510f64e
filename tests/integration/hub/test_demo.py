"""The demo world: seeded once, complete enough for every screen, readable by the demo user."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from gfdesk.hub.context import ON_USER_CREATED, HubConfig
from gfdesk.hub.demo import BOTS, DEMO_EMAIL, DEMO_PASSWORD, seed_demo_world
from gfdesk.hub.runner import RunningHub, start_hub
from tests.helpers.hubfixture import user_client, user_id


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub", demo=True)


async def test_demo_user_sees_a_populated_world(hub: RunningHub) -> None:
    client = await user_client(hub, DEMO_EMAIL, DEMO_PASSWORD)
    me = await user_id(client)
    profiles = (await client.table("profiles").select("username,display_name").execute()).data
    assert len(profiles) == 1 + len(BOTS)
    assert {"username": "demo", "display_name": "Demo Player"} in profiles

    friendships = (await client.table("friendships").select("*").execute()).data
    statuses = Counter(f["status"] for f in friendships)
    assert statuses["accepted"] >= 3 and statuses["pending"] >= 2
    assert any(f["friend_id"] == me and f["status"] == "pending" for f in friendships)

    conversations = (await client.table("conversations").select("*").execute()).data
    assert sorted(c["kind"] for c in conversations) == ["direct", "group"]
    messages = (await client.table("messages").select("*").order("created_at").execute()).data
    assert len(messages) >= 30
    assert messages[0]["created_at"] < messages[-1]["created_at"]

    notifications = (await client.table("notifications").select("*").execute()).data
    assert sum(n["read_at"] is None for n in notifications) >= 2

    tournament = (await client.table("tournaments").select("*").single().execute()).data
    assert (tournament["format"], tournament["max_participants"]) == ("single_elim", 8)
    participants = await client.table("tournament_participants").select(
        "*", count="exact", head=True).eq("tournament_id", tournament["id"]).execute()
    assert participants.count == 8
    matches = (await client.table("tournament_matches").select("*").eq(
        "tournament_id", tournament["id"]).execute()).data
    by_id = {m["id"]: m for m in matches}
    assert Counter(m["round"] for m in matches) == {1: 4, 2: 2, 3: 1}
    assert {m["status"] for m in matches if m["round"] == 1} >= {"done", "live", "ready"}
    for match in matches:
        if match["round"] < 3:
            target = by_id[match["next_match_id"]]
            assert target["round"] == match["round"] + 1
            assert match["next_slot"] == (1 if match["position"] % 2 else 2)
        if match["status"] == "done":
            assert match["winner_id"] in (match["player1_id"], match["player2_id"])
    chat = await client.table("tournament_messages").select("*", count="exact").execute()
    assert chat.count and chat.count >= 3


async def test_bots_can_sign_in(hub: RunningHub) -> None:
    client = await user_client(hub, BOTS[0].email, DEMO_PASSWORD)
    assert await user_id(client)


async def test_seeding_is_idempotent(hub_config: HubConfig) -> None:
    """It should not seed twice, across a restart on the same data dir."""
    first = await start_hub(hub_config)
    try:
        assert not seed_demo_world(first.store, first.app[ON_USER_CREATED])
        counts = first.store.query("SELECT count(*) FROM messages")[0][0]
    finally:
        await first.stop()
    second = await start_hub(hub_config)
    try:
        assert second.store.query("SELECT count(*) FROM messages")[0][0] == counts
        assert second.store.query("SELECT count(*) FROM auth_users")[0][0] == 1 + len(BOTS)
    finally:
        await second.stop()
