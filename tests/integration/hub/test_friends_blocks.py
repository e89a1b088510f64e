"""Friend requests, blocks, group creation and the message length limit on the hub,
through the official client (the same behaviour tests/integration/postgres/
test_friends_blocks_postgres.py checks on the migrations). Qt-free."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from postgrest.exceptions import APIError
from postgrest.types import ReturnMethod
from supabase import AsyncClient

from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import anon_client
from tests.integration.hub.conftest import People


async def _rows(client: AsyncClient, table: str, **match: Any) -> list[dict[str, Any]]:
    query = client.table(table).select("*")
    for column, value in match.items():
        query = query.eq(column, value)
    return list((await query.execute()).data)


async def _direct(people: People) -> str:
    conversation = str(uuid.uuid4())
    await people.service.table("conversations").insert(
        {"id": conversation, "kind": "direct"}).execute()
    await people.service.table("conversation_members").insert([
        {"conversation_id": conversation, "user_id": people.alice_id},
        {"conversation_id": conversation, "user_id": people.bob_id}]).execute()
    return conversation


async def _befriend(people: People, *others: str) -> None:
    await people.service.table("friendships").insert([
        {"user_id": people.alice_id, "friend_id": other, "status": "accepted"}
        for other in others]).execute()


async def test_a_request_notifies_its_addressee(people: People) -> None:
    await people.bob.table("profiles").update({"display_name": "Bobby"}).eq(
        "id", people.bob_id).execute()
    await people.bob.table("friendships").insert(
        {"user_id": people.bob_id, "friend_id": people.alice_id},
        returning=ReturnMethod.minimal).execute()
    notes = await _rows(people.alice, "notifications", user_id=people.alice_id)
    assert [(n["type"], n["title"], n["body"], n["data"]) for n in notes] == [
        ("friend_request", "Friend request", "Bobby wants to be your friend",
         {"friend_request_id": people.bob_id, "actor_id": people.bob_id})]
    # Accepting is an update: no second notification.
    await people.alice.table("friendships").update({"status": "accepted"}).eq(
        "user_id", people.bob_id).eq("friend_id", people.alice_id).execute()
    assert len(await _rows(people.service, "notifications")) == 1


async def test_a_blocked_players_request_is_refused_and_nothing_is_stored(
        people: People) -> None:
    await people.alice.table("blocks").insert(
        {"blocker_id": people.alice_id, "blocked_id": people.bob_id}).execute()
    with pytest.raises(APIError) as refused:
        await people.bob.table("friendships").insert(
            {"user_id": people.bob_id, "friend_id": people.alice_id},
            returning=ReturnMethod.minimal).execute()
    assert refused.value.code == "42501"
    assert await _rows(people.service, "friendships") == []
    assert await _rows(people.service, "notifications") == []
    # The block is Alice's alone: Bob does not see it.
    assert await _rows(people.bob, "blocks") == []


async def test_a_blocked_players_message_is_refused_and_nothing_is_stored(
        people: People) -> None:
    conversation = await _direct(people)
    await people.alice.table("blocks").insert(
        {"blocker_id": people.alice_id, "blocked_id": people.bob_id}).execute()
    for sender, sender_id in ((people.bob, people.bob_id), (people.alice, people.alice_id)):
        with pytest.raises(APIError) as refused:
            await sender.table("messages").insert(
                {"conversation_id": conversation, "sender_id": sender_id, "body": "hey"},
                returning=ReturnMethod.minimal).execute()
        assert refused.value.code == "42501"
    assert await _rows(people.service, "messages") == []
    await people.alice.table("blocks").delete().eq("blocked_id", people.bob_id).execute()
    await people.bob.table("messages").insert(
        {"conversation_id": conversation, "sender_id": people.bob_id, "body": "thanks"},
        returning=ReturnMethod.minimal).execute()
    assert len(await _rows(people.service, "messages")) == 1


async def test_blocking_ends_the_friendship_both_ways(people: People) -> None:
    await people.service.table("friendships").insert([
        {"user_id": people.bob_id, "friend_id": people.alice_id, "status": "accepted"},
        {"user_id": people.alice_id, "friend_id": people.carol_id, "status": "pending"},
    ]).execute()
    await people.alice.table("blocks").insert(
        {"blocker_id": people.alice_id, "blocked_id": people.bob_id}).execute()
    left = await _rows(people.service, "friendships")
    assert [(r["user_id"], r["friend_id"]) for r in left] == [
        (people.alice_id, people.carol_id)]


async def test_message_bodies_have_a_length_limit(people: People) -> None:
    conversation = await _direct(people)
    await people.alice.table("messages").insert(
        {"conversation_id": conversation, "sender_id": people.alice_id, "body": "é" * 2000},
        returning=ReturnMethod.minimal).execute()
    with pytest.raises(APIError) as refused:
        await people.alice.table("messages").insert(
            {"conversation_id": conversation, "sender_id": people.alice_id,
             "body": "x" * 2001}, returning=ReturnMethod.minimal).execute()
    assert refused.value.code == "23514"
    assert "messages_body_length_check" in refused.value.message
    assert len(await _rows(people.service, "messages")) == 1


async def test_create_conversation_of_a_group_adds_the_caller_and_friends(people: People) -> None:
    await _befriend(people, people.bob_id, people.carol_id)
    result = await people.alice.rpc("create_conversation", {
        "conversation_kind": "group", "conversation_title": "  Friday Squad ",
        "member_ids": [people.bob_id, people.carol_id, people.bob_id]}).execute()
    conversation = result.data
    assert isinstance(conversation, str) and uuid.UUID(conversation)
    rows = await _rows(people.alice, "conversations", id=conversation)
    assert [(r["kind"], r["title"]) for r in rows] == [("group", "Friday Squad")]
    members = await _rows(people.bob, "conversation_members", conversation_id=conversation)
    assert {m["user_id"] for m in members} == {people.alice_id, people.bob_id,
                                               people.carol_id}


@pytest.mark.parametrize(("title", "members", "code"), [
    ("Squad", "stranger", "42501"),
    ("Squad", "blocked", "42501"),
    ("   ", "friend", "22023"),
    ("x" * 101, "friend", "22023"),
    ("Squad", "nobody", "22023"),
    ("Squad", "not-a-uuid", "22P02"),
])
async def test_create_conversation_of_a_group_refuses(people: People, title: str, members: str,
                                                 code: str) -> None:
    await _befriend(people, people.bob_id)
    if members == "blocked":
        await people.alice.table("blocks").insert(
            {"blocker_id": people.alice_id, "blocked_id": people.bob_id}).execute()
        await _befriend(people, people.bob_id)
    ids = {"stranger": [people.carol_id], "blocked": [people.bob_id],
           "friend": [people.bob_id], "nobody": [people.alice_id],
           "not-a-uuid": ["x"]}[members]
    with pytest.raises(APIError) as refused:
        await people.alice.rpc("create_conversation", {
            "conversation_kind": "group", "conversation_title": title,
            "member_ids": ids}).execute()
    assert refused.value.code == code
    assert await _rows(people.service, "conversations") == []


async def test_create_conversation_of_a_group_needs_a_signed_in_caller_and_its_arguments(
        hub: RunningHub, people: People) -> None:
    anon = await anon_client(hub)
    with pytest.raises(APIError) as refused:
        await anon.rpc("create_conversation", {
            "conversation_kind": "group", "conversation_title": "x",
            "member_ids": [people.bob_id]}).execute()
    assert refused.value.code == "42501"
    with pytest.raises(APIError) as unknown:
        await people.alice.rpc("create_conversation", {"conversation_title": "x"}).execute()
    assert unknown.value.code == "PGRST202"
    with pytest.raises(APIError) as missing:
        await people.alice.rpc("drop_everything", {}).execute()
    assert missing.value.code == "PGRST202"
