"""The row rule comes before the constraints, as in PostgreSQL (spec 7.4, 7.5). Qt-free.

PostgreSQL evaluates a policy's WITH CHECK on the new row before the row's unique, check,
not-null and foreign-key constraints, so a write the rules refuse is 42501 (403 for a
user, 401 for anon) whatever else is wrong with it, while a write the rules allow still
gets the constraint's own error. The rules matrix (test_rules_hub.py) holds the refused
cases both backends share; here are the allowed ones, anon, and the upsert's proposed
row, through the official client.
"""

from __future__ import annotations

import uuid

import pytest
from postgrest.exceptions import APIError
from postgrest.types import ReturnMethod

from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import anon_client
from tests.integration.hub.conftest import People, insert


async def _chat(people: People, *members: str) -> str:
    chat = str(uuid.uuid4())
    await people.service.table("conversations").insert(
        {"id": chat, "kind": "group"}, returning=ReturnMethod.minimal).execute()
    await people.service.table("conversation_members").insert(
        [{"conversation_id": chat, "user_id": m} for m in members],
        returning=ReturnMethod.minimal).execute()
    return chat


async def test_allowed_writes_keep_their_constraint_errors(people: People) -> None:
    alice = people.alice
    with pytest.raises(APIError) as check:
        await alice.table("calls").insert(
            {"caller_id": people.alice_id, "callee_id": people.alice_id}).execute()
    assert check.value.code == "23514"
    cup = await insert(alice, "tournaments", {"name": "Cup", "game": "chess",
                                              "host_id": people.alice_id})
    with pytest.raises(APIError) as fk:
        await alice.table("tournament_matches").insert(
            {"tournament_id": cup["id"], "round": 1, "position": 1,
             "player1_id": str(uuid.uuid4())}, returning=ReturnMethod.minimal).execute()
    assert fk.value.code == "23503"
    with pytest.raises(APIError) as not_null:
        await alice.table("tournaments").insert(
            {"name": None, "game": "chess", "host_id": people.alice_id}).execute()
    assert not_null.value.code == "23502"


async def test_allowed_update_onto_an_existing_row_is_a_duplicate(people: People) -> None:
    chat = await _chat(people, people.alice_id)
    first, second = [await insert(people.alice, "messages", {
        "conversation_id": chat, "sender_id": people.alice_id, "body": body})
        for body in ("one", "two")]
    with pytest.raises(APIError) as err:
        await people.alice.table("messages").update({"id": second["id"]}).eq(
            "id", first["id"]).execute()
    assert err.value.code == "23505"


async def test_refused_duplicate_is_42501_for_users_and_anon(hub: RunningHub,
                                                             people: People) -> None:
    # Bob's and Carol's chat exists; neither Alice nor anon may learn that from the answer.
    chat = await _chat(people, people.bob_id, people.carol_id)
    row = {"conversation_id": chat, "user_id": people.carol_id}
    anon = await anon_client(hub)
    answers = []
    for client in (people.alice, anon):
        with pytest.raises(APIError) as err:
            await client.table("conversation_members").insert(
                row, returning=ReturnMethod.minimal).execute()
        answers.append(err.value.code)
    assert answers == ["42501", "42501"]


async def test_upsert_checks_the_proposed_row_even_when_it_updates(people: People) -> None:
    # Bob may accept Alice's request (UPDATE rule), but an upsert proposes a row for the
    # INSERT rule first, and Bob may not request in Alice's name.
    await people.service.table("friendships").insert(
        {"user_id": people.alice_id, "friend_id": people.bob_id},
        returning=ReturnMethod.minimal).execute()
    with pytest.raises(APIError) as err:
        await people.bob.table("friendships").upsert(
            {"user_id": people.alice_id, "friend_id": people.bob_id, "status": "accepted"},
            on_conflict="user_id,friend_id").execute()
    assert err.value.code == "42501"
    accepted = await people.bob.table("friendships").update({"status": "accepted"}).eq(
        "user_id", people.alice_id).eq("friend_id", people.bob_id).execute()
    assert [r["status"] for r in accepted.data] == ["accepted"]


async def test_the_check_reads_the_body_whatever_its_key_order(people: People) -> None:
    # The candidate row takes the body's values by column name, not by position.
    chat = await _chat(people, people.alice_id)
    row = {"body": "hi", "sender_id": people.alice_id, "conversation_id": chat}
    sent = await insert(people.alice, "messages", row)
    assert (sent["sender_id"], sent["conversation_id"]) == (people.alice_id, chat)
    with pytest.raises(APIError) as err:
        await people.bob.table("messages").insert(
            {"body": "hi", "sender_id": people.bob_id, "conversation_id": chat}).execute()
    assert err.value.code == "42501"


async def test_the_check_sees_column_defaults(people: People) -> None:
    # The INSERT rule of friendships wants status 'pending', the column's default.
    await people.alice.table("friendships").insert(
        {"user_id": people.alice_id, "friend_id": people.bob_id},
        returning=ReturnMethod.minimal).execute()
    row = await people.bob.table("friendships").select("status").eq(
        "user_id", people.alice_id).single().execute()
    assert row.data == {"status": "pending"}
