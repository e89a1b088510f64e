"""The demo world: seeded once, complete enough for every screen, readable by the demo user."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from gfdesk.hub.context import ON_USER_CREATED, HubConfig
from gfdesk.hub.demo import BOTS, DEMO_EMAIL, DEMO_PASSWORD, seed_demo_world
from gfdesk.hub.demo.tournamentseed import EXTRA_PLAYERS
from gfdesk.hub.demo.world import TOURNAMENT_NAME
from gfdesk.hub.runner import RunningHub, start_hub
from tests.helpers.hubfixture import user_client, user_id


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub", demo=True)


async def test_demo_user_sees_a_populated_world(hub: RunningHub) -> None:
    client = await user_client(hub, DEMO_EMAIL, DEMO_PASSWORD)
    me = await user_id(client)
    profiles = (await client.table("profiles").select("username,display_name").execute()).data
    assert len(profiles) == 1 + len(BOTS) + len(EXTRA_PLAYERS)
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

    tournaments = {t["name"]: t for t in (
        await client.table("tournaments").select("*").execute()).data}
    assert {(t["format"], t["status"]) for t in tournaments.values()} == {
        ("double_elim", "live"), ("round_robin", "finished"), ("single_elim", "registration")}
    running = tournaments[TOURNAMENT_NAME]
    participants = (await client.table("tournament_participants").select("*").eq(
        "tournament_id", running["id"]).execute()).data
    assert len(participants) == running["max_participants"] == 16
    assert me in {p["user_id"] for p in participants}
    matches = (await client.table("tournament_matches").select("*").eq(
        "tournament_id", running["id"]).execute()).data
    assert len(matches) == 31  # 15 winners, 14 losers, the grand final and its reset
    assert Counter(m["status"] for m in matches)["live"] == 1
    assert {"done", "ready", "pending"} <= {m["status"] for m in matches}
    by_id = {m["id"]: m for m in matches}
    for match in matches:
        for link, slot in (("next_match_id", "next_slot"),
                           ("loser_next_match_id", "loser_next_slot")):
            assert (match[link] is None) == (match[slot] is None)
            assert match[link] is None or match[link] in by_id
        if match["status"] == "done":
            assert match["winner_id"] in (match["player1_id"], match["player2_id"])
    league = next(t for t in tournaments.values() if t["format"] == "round_robin")
    played = (await client.table("tournament_matches").select("status").eq(
        "tournament_id", league["id"]).execute()).data
    assert played and {m["status"] for m in played} == {"done"}
    upcoming = next(t for t in tournaments.values() if t["status"] == "registration")
    entrants = (await client.table("tournament_participants").select("user_id,seed").eq(
        "tournament_id", upcoming["id"]).execute()).data
    assert 0 < len(entrants) < upcoming["max_participants"]
    assert me not in {e["user_id"] for e in entrants}  # the demo user can join
    await client.table("tournament_participants").insert(
        {"tournament_id": upcoming["id"], "user_id": me}).execute()
    chat = await client.table("tournament_messages").select("*", count="exact").eq(
        "tournament_id", running["id"]).execute()
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
        assert second.store.query("SELECT count(*) FROM auth_users")[0][0] == (
            1 + len(BOTS) + len(EXTRA_PLAYERS))
    finally:
        await second.stop()
