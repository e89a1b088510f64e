"""No REST request freezes the hub (issue 13, finding 4): a request's SQL runs off the
event loop under a statement time limit, and one that runs past it ends with
PostgreSQL's 57014 while everyone else is served meanwhile."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import aiohttp
import pytest
from postgrest.exceptions import APIError

from gfdesk.hub import timelimit
from gfdesk.hub.context import HubConfig
from gfdesk.hub.rest import likematch
from gfdesk.hub.runner import RunningHub
from gfdesk.hub.schema import MESSAGE_BODY_MAX
from tests.integration.hub.conftest import People, insert

#: A LIKE pattern whose match against a long run of one letter fails only at its last
#: character, at every position: text length x pattern length steps (1e8 over the
#: messages below), far past any time limit of these tests.
WORST_PATTERN = "%" + "a" * 1000 + "b"
#: Messages of the longest body allowed (messages_body_length_check), 100,000 letters.
LONG_MESSAGES = 50


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub", statement_timeout_s=1.0)


async def _long_messages(people: People) -> None:
    conversation = await insert(people.service, "conversations", {"kind": "direct"})
    await people.service.table("conversation_members").insert(
        [{"conversation_id": conversation["id"], "user_id": people.alice_id}]).execute()
    await people.service.table("messages").insert([{
        "conversation_id": conversation["id"], "sender_id": people.alice_id,
        "body": "a" * MESSAGE_BODY_MAX} for _ in range(LONG_MESSAGES)]).execute()


async def test_a_worst_case_ilike_stops_with_57014(people: People) -> None:
    await _long_messages(people)
    with pytest.raises(APIError) as caught:
        await people.alice.table("messages").select("id").ilike("body", WORST_PATTERN).execute()
    assert caught.value.code == "57014"
    assert caught.value.message == "canceling statement due to statement timeout"
    # The hub goes on: the same table answers at once afterwards.
    assert (await people.alice.table("messages").select("id").execute()).data


async def test_others_are_served_while_a_worst_case_request_runs(hub: RunningHub,
                                                                 people: People) -> None:
    await _long_messages(people)
    slow = asyncio.create_task(
        people.alice.table("messages").select("id").ilike("body", WORST_PATTERN).execute())
    order: list[str] = []
    slow.add_done_callback(lambda _: order.append("slow"))
    async with aiohttp.ClientSession() as http:
        for _ in range(3):
            async with http.get(f"{hub.url}/auth/v1/health",
                                headers={"apikey": hub.anon_key}) as response:
                assert response.status == 200
            bob_read = await people.bob.table("profiles").select("id").execute()
            assert len(bob_read.data) == 3
            order.append("served")
    with pytest.raises(APIError):
        await slow
    # The first round was served while the worst case still ran (before, the loop
    # ran it: every request waited until it was done).
    assert order[0] == "served"


def test_like_matching_looks_at_the_deadline(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.sqlite3")
    try:
        with pytest.raises(timelimit.StatementTimeout), timelimit.limited(conn, 0.05):
            likematch.like("a" * 100_000, WORST_PATTERN)
    finally:
        conn.close()
