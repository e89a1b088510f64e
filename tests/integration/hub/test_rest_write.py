"""REST writes through the official client: insert, bulk insert, upsert, update, delete with
both return modes, constraint errors and row-rule refusals (spec 7.3-7.5)."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

import aiohttp
import pytest
from postgrest.exceptions import APIError
from postgrest.types import ReturnMethod

from gfdesk.hub.runner import RunningHub
from gfdesk.hub.store import Change, ChangeType
from tests.helpers.hubfixture import close_client, user_client, user_id
from tests.integration.hub.conftest import People, insert

UUID_LEN = 36


@pytest.fixture
async def chat(people: People) -> str:
    await people.service.table("friendships").insert({
        "user_id": people.alice_id, "friend_id": people.bob_id, "status": "accepted"}).execute()
    made = await people.alice.rpc("create_conversation", {
        "conversation_kind": "direct", "member_ids": [people.bob_id]}).execute()
    return str(made.data)


async def test_insert_returns_the_stored_row(people: People, chat: str) -> None:
    """It should fill defaults and return the row (return=representation)."""
    row = await insert(people.alice, "messages", {
        "conversation_id": chat, "sender_id": people.alice_id, "body": "hello"})
    assert len(row["id"]) == UUID_LEN
    assert row["created_at"].endswith("+00:00")
    assert (row["body"], row["edited_at"], row["deleted_at"]) == ("hello", None, None)


async def test_insert_minimal_and_client_chosen_id(people: People, chat: str) -> None:
    """It should keep a client-chosen id, so a retried send is refused, not duplicated."""
    message_id = str(uuid.uuid4())
    row = {"id": message_id, "conversation_id": chat, "sender_id": people.alice_id,
           "body": "once"}
    result = await people.alice.table("messages").insert(
        row, returning=ReturnMethod.minimal).execute()
    assert result.data == []
    with pytest.raises(APIError) as err:
        await people.alice.table("messages").insert(row).execute()
    assert err.value.code == "23505"
    assert err.value.message == 'duplicate key value violates unique constraint "messages_pkey"'
    assert err.value.details == f"Key (id)=({message_id}) already exists."
    stored = await people.bob.table("messages").select("id").eq("conversation_id", chat).execute()
    assert stored.data == [{"id": message_id}]


async def test_bulk_insert(people: People, chat: str) -> None:
    rows = [{"conversation_id": chat, "sender_id": people.bob_id, "body": f"m{i}"}
            for i in range(5)]
    result = await people.bob.table("messages").insert(rows).execute()
    assert [r["body"] for r in result.data] == [f"m{i}" for i in range(5)]


async def test_upsert_merge_and_ignore(people: People, chat: str) -> None:
    """It should update on conflict with merge-duplicates and skip with ignore-duplicates."""
    table = people.alice.table("messages")
    key = {"id": str(uuid.uuid4()), "conversation_id": chat, "sender_id": people.alice_id}
    await table.insert({**key, "body": "first"}).execute()
    merged = await table.upsert({**key, "body": "edited"}).execute()
    assert merged.data[0]["body"] == "edited"
    ignored = await table.upsert({**key, "body": "ignored"}, ignore_duplicates=True).execute()
    assert ignored.data == []
    now = await table.select("body").eq("id", key["id"]).single().execute()
    assert now.data["body"] == "edited"


async def test_an_upsert_needs_update_on_the_columns_it_sets(people: People, chat: str
                                                             ) -> None:
    """It should refuse (42501) an upsert setting a column no UPDATE may set, as
    PostgreSQL's column privileges do, conflict or not."""
    with pytest.raises(APIError) as err:
        await people.bob.table("friendships").upsert({
            "user_id": people.alice_id, "friend_id": people.bob_id, "status": "accepted",
            "created_at": "2001-01-01T00:00:00+00:00"}).execute()
    assert (err.value.code, err.value.message) == ("42501",
                                                   "permission denied for table friendships")


async def test_upsert_cannot_take_over_another_users_row(people: People, chat: str) -> None:
    """It should refuse an upsert that would overwrite a row the caller may not update."""
    row = await insert(people.alice, "messages", {
        "conversation_id": chat, "sender_id": people.alice_id, "body": "mine"})
    with pytest.raises(APIError) as err:
        await people.bob.table("messages").upsert(
            {"id": row["id"], "conversation_id": chat, "sender_id": people.bob_id,
             "body": "stolen"}).execute()
    assert err.value.code == "42501"
    again = await people.alice.table("messages").select("body").eq("id", row["id"]).execute()
    assert again.data == [{"body": "mine"}]


async def test_update_and_delete_both_return_modes(people: People, chat: str) -> None:
    row = await insert(people.alice, "messages", {
        "conversation_id": chat, "sender_id": people.alice_id, "body": "draft"})
    table = people.alice.table("messages")
    updated = await table.update({"body": "final", "edited_at": "2024-05-01T10:00:00Z"}).eq(
        "id", row["id"]).execute()
    assert updated.data[0]["body"] == "final"
    minimal = await table.update({"body": "final!"}, returning=ReturnMethod.minimal).eq(
        "id", row["id"]).execute()
    assert minimal.data == []
    nothing = await table.update({"body": "x"}).eq("id", str(uuid.uuid4())).execute()
    assert nothing.data == []
    deleted = await table.delete().eq("id", row["id"]).execute()
    assert [r["body"] for r in deleted.data] == ["final!"]
    again = await table.delete(returning=ReturnMethod.minimal).eq("id", row["id"]).execute()
    assert again.data == []


async def test_not_null_fk_check_and_unknown_body_column(people: People) -> None:
    service = people.service.table("tournaments")
    with pytest.raises(APIError) as not_null:
        await service.insert({"game": "x", "host_id": people.alice_id, "name": None}).execute()
    assert not_null.value.code == "23502"
    with pytest.raises(APIError) as fk:
        await people.service.table("notifications").insert({
            "user_id": str(uuid.uuid4()), "type": "t", "title": "x"}).execute()
    assert fk.value.code == "23503"
    with pytest.raises(APIError) as check:
        await service.insert({"name": "n", "game": "g", "host_id": people.alice_id,
                              "format": "ladder"}).execute()
    assert check.value.code == "23514"
    with pytest.raises(APIError) as column:
        await service.insert({"name": "n", "game": "g", "host_id": people.alice_id,
                              "colour": "red"}).execute()
    assert column.value.code == "PGRST204"


async def test_row_rule_refusal_rolls_back_the_whole_statement(people: People, chat: str
                                                               ) -> None:
    """It should refuse 42501 when one row of a bulk insert fails the check, storing none."""
    rows = [{"conversation_id": chat, "sender_id": people.bob_id, "body": "ok"},
            {"conversation_id": chat, "sender_id": people.alice_id, "body": "forged"}]
    with pytest.raises(APIError) as err:
        await people.bob.table("messages").insert(rows).execute()
    assert err.value.code == "42501"
    assert err.value.message == (
        'new row violates row-level security policy for table "messages"')
    assert (await people.bob.table("messages").select("*").execute()).data == []


async def test_nobody_signed_in_writes_a_notification(people: People) -> None:
    """It should refuse (42501) a user's notification for anyone (issue 13, finding 3:
    anyone sent any notification to anyone); the service role writes them."""
    row = {"user_id": people.alice_id, "type": "poke", "title": "Bob poked you"}
    for returning in (ReturnMethod.minimal, ReturnMethod.representation):
        with pytest.raises(APIError) as err:
            await people.bob.table("notifications").insert(row, returning=returning).execute()
        assert err.value.code == "42501"
    await people.service.table("notifications").insert(row).execute()
    got = await people.alice.table("notifications").select("title").execute()
    assert got.data == [{"title": "Bob poked you"}]


async def test_addressee_accepts_friend_request(people: People) -> None:
    """It should let the addressee, not the requester, accept a pending request."""
    await insert(people.alice, "friendships", {"user_id": people.alice_id,
                                               "friend_id": people.bob_id})
    by_requester = await people.alice.table("friendships").update({"status": "accepted"}).eq(
        "friend_id", people.bob_id).execute()
    assert by_requester.data == []
    by_addressee = await people.bob.table("friendships").update({"status": "accepted"}).eq(
        "user_id", people.alice_id).execute()
    assert by_addressee.data[0]["status"] == "accepted"
    with pytest.raises(APIError) as err:
        await people.alice.table("friendships").insert({
            "user_id": people.alice_id, "friend_id": people.carol_id,
            "status": "accepted"}).execute()
    assert err.value.code == "42501"


async def test_match_updates_keep_updated_at_current(people: People) -> None:
    tournament = await insert(people.alice, "tournaments", {
        "name": "Cup", "game": "g", "host_id": people.alice_id})
    match = await insert(people.alice, "tournament_matches", {
        "tournament_id": tournament["id"], "round": 1, "position": 1})
    updated = await people.alice.table("tournament_matches").update({"score1": 1}).eq(
        "id", match["id"]).execute()
    assert updated.data[0]["updated_at"] > match["updated_at"]
    with pytest.raises(APIError) as err:
        await people.bob.table("tournament_matches").insert({
            "tournament_id": tournament["id"], "round": 1, "position": 2}).execute()
    assert err.value.code == "42501"


async def test_bracket_links_inserted_in_one_request(people: People) -> None:
    """It should accept next_match_id pointing at a later row of the same bulk insert."""
    tournament = await insert(people.alice, "tournaments", {
        "name": "Cup", "game": "g", "host_id": people.alice_id})
    final = str(uuid.uuid4())
    rows = [{"id": str(uuid.uuid4()), "tournament_id": tournament["id"], "round": 1,
             "position": 1, "next_match_id": final, "next_slot": 1},
            {"id": final, "tournament_id": tournament["id"], "round": 2, "position": 1,
             "next_match_id": None, "next_slot": None}]
    result = await people.alice.table("tournament_matches").insert(rows).execute()
    assert len(result.data) == 2
    dangling = {**rows[0], "id": str(uuid.uuid4()), "position": 2,
                "next_match_id": str(uuid.uuid4())}
    with pytest.raises(APIError) as err:
        await people.alice.table("tournament_matches").insert(dangling).execute()
    assert err.value.code == "23503"


async def test_writes_are_recorded_for_realtime(hub: RunningHub, people: People,
                                                chat: str) -> None:
    """It should hand committed row changes to the store's listeners, PK-only old rows."""
    seen: list[Change] = []
    hub.store.add_commit_listener(seen.extend)
    row = await insert(people.alice, "messages", {
        "conversation_id": chat, "sender_id": people.alice_id, "body": "hi"})
    await people.alice.table("messages").update({"body": "hi!"}).eq("id", row["id"]).execute()
    await people.alice.table("messages").delete().eq("id", row["id"]).execute()
    with pytest.raises(APIError):
        await people.bob.table("messages").insert({
            "conversation_id": chat, "sender_id": people.alice_id, "body": "no"}).execute()
    hub.store.remove_commit_listener(seen.extend)
    assert [(c.table, c.type) for c in seen] == [
        ("messages", ChangeType.INSERT), ("messages", ChangeType.UPDATE),
        ("messages", ChangeType.DELETE)]
    assert seen[0].record == row
    assert seen[1].record["body"] == "hi!" and seen[1].old_record == {"id": row["id"]}
    assert seen[2].record is None and seen[2].old_record == {"id": row["id"]}


async def _raw(hub: RunningHub, method: str, path: str, headers: dict[str, str],
               body: Any = None) -> tuple[int, dict[str, str], Any]:
    data = None if body is None else json.dumps(body)
    async with aiohttp.ClientSession() as http, http.request(
        method, hub.url + "/rest/v1/" + path, data=data,
        headers={"apikey": hub.anon_key, "Content-Type": "application/json", **headers},
    ) as resp:
        text = await resp.text()
        return resp.status, dict(resp.headers), json.loads(text) if text else None


async def test_statuses_headers_and_prefer_separators(hub: RunningHub, people: People) -> None:
    """It should answer 201/200/204 with PostgREST's Content-Range, either Prefer separator."""
    auth = {"apikey": hub.service_role_key}
    row = {"user_id": people.alice_id, "type": "t", "title": "x"}
    status, headers, body = await _raw(hub, "POST", "notifications", {
        **auth, "Prefer": "return=representation, count=exact"}, row)
    assert (status, headers["Content-Range"], len(body)) == (201, "*/1", 1)
    status, _, body = await _raw(hub, "POST", "notifications", {**auth}, row)
    assert (status, body) == (201, None)
    status, headers, body = await _raw(hub, "PATCH", "notifications?type=eq.t", {
        **auth, "Prefer": "return=representation"}, {"title": "y"})
    assert (status, headers["Content-Range"], len(body)) == (200, "0-1/*", 2)
    status, _, body = await _raw(hub, "DELETE", "notifications?type=eq.t",
                                 {**auth, "Prefer": "return=minimal"}, {})
    assert (status, body) == (204, None)


async def test_anon_refusal_is_401_user_refusal_is_403(hub: RunningHub, people: People) -> None:
    row = {"name": "x", "game": "g", "host_id": people.alice_id}
    status, _, body = await _raw(hub, "POST", "tournaments", {}, row)
    assert (status, body["code"]) == (401, "42501")
    token = (await people.bob.auth.get_session()).access_token
    status, _, body = await _raw(hub, "POST", "tournaments",
                                 {"Authorization": f"Bearer {token}"}, row)
    assert (status, body["code"]) == (403, "42501")


async def test_invalid_bodies(hub: RunningHub) -> None:
    auth = {"apikey": hub.service_role_key}
    async with aiohttp.ClientSession() as http:
        for data in (b"", b"{", b"[1, 2]", b'"text"'):
            async with http.post(hub.url + "/rest/v1/notifications", data=data, headers={
                    **auth, "Content-Type": "application/json"}) as resp:
                body = await resp.json(content_type=None) if resp.status != 201 else None
                assert resp.status in (400, 201), data
                if resp.status == 400:
                    assert body["code"] == "PGRST102"
        async with http.patch(hub.url + "/rest/v1/notifications", data=b"[]", headers={
                **auth, "Content-Type": "application/json"}) as resp:
            assert (resp.status, (await resp.json())["code"]) == (400, "PGRST102")


async def test_upsert_of_a_match_refreshes_updated_at(people: People) -> None:
    tournament = await insert(people.alice, "tournaments", {
        "name": "Cup", "game": "g", "host_id": people.alice_id})
    match = await insert(people.alice, "tournament_matches", {
        "tournament_id": tournament["id"], "round": 1, "position": 1})
    row = {k: v for k, v in match.items() if k != "updated_at"} | {"score2": 3}
    upserted = await people.alice.table("tournament_matches").upsert(row).execute()
    assert upserted.data[0]["score2"] == 3
    assert upserted.data[0]["updated_at"] > match["updated_at"]


async def test_upsert_on_a_non_unique_target_is_42p10(people: People) -> None:
    with pytest.raises(APIError) as err:
        await people.service.table("conversations").upsert(
            {"kind": "group", "title": "t"}, on_conflict="title").execute()
    assert err.value.code == "42P10"


async def test_concurrent_writes_and_reads(people: People, chat: str) -> None:
    """It should serve interleaved requests from several clients without losing a row."""
    import asyncio

    async def send(client: Any, sender: str, n: int) -> None:
        await client.table("messages").insert({
            "conversation_id": chat, "sender_id": sender, "body": f"{sender[:4]}-{n}"}).execute()
        await client.table("messages").select("id").eq("conversation_id", chat).execute()

    await asyncio.gather(*(send(c, uid, n) for n in range(15)
                           for c, uid in ((people.alice, people.alice_id),
                                          (people.bob, people.bob_id))))
    counted = await people.bob.table("messages").select("*", count="exact", head=True).eq(
        "conversation_id", chat).execute()
    assert counted.count == 30


async def test_created_at_has_microseconds_so_quick_inserts_do_not_tie(hub: RunningHub) -> None:
    client = await user_client(hub, "stamps@example.com")
    uid = await user_id(client)
    try:
        stamps = []
        for n in range(20):
            # Tournament chat: the rules let a user post and read it back.
            if n == 0:
                cup = await client.table("tournaments").insert(
                    {"name": "Cup", "game": "chess", "host_id": uid}).execute()
            response = await client.table("tournament_messages").insert(
                {"tournament_id": cup.data[0]["id"], "sender_id": uid,
                 "body": f"n{n}"}).execute()
            stamps.append(response.data[0]["created_at"])
        fractions = [s.split(".")[1].split("+")[0] for s in stamps]
        assert all(len(f) == 6 for f in fractions)
        # Real microseconds, not milliseconds padded with zeros (SQLite's strftime).
        assert any(not f.endswith("000") for f in fractions)
        assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    finally:
        await close_client(client)


async def test_a_client_leaving_mid_body_is_not_an_error(hub: RunningHub) -> None:
    """A body cut short by a disconnect is the client's business: no error log."""
    host, port = hub.url.removeprefix("http://").split(":")
    for _ in range(3):
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(
            f"POST /rest/v1/notifications HTTP/1.1\r\nHost: {host}\r\napikey: {hub.anon_key}\r\n"
            "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"title\":".encode())
        await writer.drain()
        writer.close()
        await writer.wait_closed()
    # The hub still answers, and the log-check fixture fails the test on any error record.
    client = await user_client(hub, "after-disconnect@example.com")
    try:
        assert (await client.table("profiles").select("id").execute()).data
    finally:
        await close_client(client)
