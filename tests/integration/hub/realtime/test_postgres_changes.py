"""postgres_changes through the official Python client against a running hub (spec 5).

Writers use REST through their own official clients; subscribers use
``channel.on_postgres_changes``. "Receives nothing" is proven without sleeping: a later
change the subscriber must receive arrives first, and changes keep commit order.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
from postgrest.types import ReturnMethod
from realtime import AsyncRealtimeChannel, RealtimeSubscribeStates
from supabase import AsyncClient

from gfdesk.hub.channelrules import app_topic
from gfdesk.hub.realtime.changefilter import binding_id
from gfdesk.hub.runner import RunningHub
from gfdesk.hub.schema import TABLES
from tests.helpers.hubfixture import user_client
from tests.integration.hub.conftest import People, insert
from tests.integration.hub.realtime.rawws import raw_socket, user_token

WAIT_S = 10.0


async def token_of(client: AsyncClient) -> str:
    session = await client.auth.get_session()
    assert session is not None
    return session.access_token


class Feed:
    """Payloads one binding's callback received, awaitable in order."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    def __call__(self, payload: dict[str, Any]) -> None:
        self.queue.put_nowait(payload)

    async def next(self) -> dict[str, Any]:
        return await asyncio.wait_for(self.queue.get(), WAIT_S)


async def subscribe(client: AsyncClient, topic: str,
                    *bindings: tuple[str, str, str | None, Feed],
                    on_system: Feed | None = None) -> AsyncRealtimeChannel:
    """Join ``topic`` with (event, table, filter, feed) bindings as the signed-in user."""
    # The client hands the session token to Realtime in a background task; do it now so
    # the join carries the user's token, not the anon key.
    await client.realtime.set_auth(await token_of(client))
    # The app's topics are private channels (a public join of one is refused).
    private = app_topic(topic) is not None
    channel = client.channel(topic, {"config": {"private": private}})
    for event, table, filter_, feed in bindings:
        channel.on_postgres_changes(event, callback=feed, schema="public", table=table,
                                    filter=filter_)
    if on_system is not None:
        channel.on_system(lambda payload: on_system(payload.model_dump()))
    states: list[RealtimeSubscribeStates] = []
    await channel.subscribe(lambda state, _err: states.append(state))
    assert states == [RealtimeSubscribeStates.SUBSCRIBED]
    return channel


def expected_id(event: str, table: str, filter_: str | None) -> int:
    binding: dict[str, Any] = {"event": event, "schema": "public", "table": table}
    if filter_ is not None:
        binding["filter"] = filter_
    return binding_id(binding)


async def notify(writer: AsyncClient, uid: str, title: str) -> None:
    await writer.table("notifications").insert(
        {"user_id": uid, "type": "friend_request", "title": title},
        returning=ReturnMethod.minimal).execute()


async def test_an_insert_reaches_the_owner_with_the_raw_payload(people: People) -> None:
    feed = Feed()
    filt = f"user_id=eq.{people.alice_id}"
    await subscribe(people.alice, f"notifications:{people.alice_id}",
                    ("INSERT", "notifications", filt, feed))
    await notify(people.service, people.alice_id, "Bob wants to be friends")
    payload = await feed.next()
    assert payload["ids"] == [expected_id("INSERT", "notifications", filt)]
    data = payload["data"]
    assert set(data) == {"schema", "table", "commit_timestamp", "type", "columns", "record",
                         "errors"}
    assert (data["schema"], data["table"], data["type"]) == ("public", "notifications",
                                                             "INSERT")
    assert data["errors"] is None
    assert data["columns"] == [{"name": c.name, "type": c.pg_type}
                               for c in TABLES["notifications"].columns]
    record = data["record"]
    assert (record["user_id"], record["title"], record["data"]) == (
        people.alice_id, "Bob wants to be friends", {})
    stored = await people.alice.table("notifications").select("*").eq(
        "id", record["id"]).execute()
    assert stored.data == [record]


async def test_nobody_receives_another_users_notifications(people: People) -> None:
    spy, own = Feed(), Feed()
    await subscribe(people.bob, "spy",
                    ("INSERT", "notifications", f"user_id=eq.{people.alice_id}", spy),
                    ("INSERT", "notifications", None, own))
    await notify(people.service, people.alice_id, "for alice")
    await notify(people.service, people.bob_id, "for bob")
    payload = await own.next()
    # Changes keep commit order: had Alice's row reached Bob it would have come first.
    assert payload["data"]["record"]["title"] == "for bob"
    assert spy.queue.empty() and own.queue.empty()


async def test_an_update_carries_the_new_row_and_the_old_key(people: People) -> None:
    row = await insert(people.service, "notifications",
                       {"user_id": people.alice_id, "type": "x", "title": "t"})
    feed = Feed()
    await subscribe(people.alice, "updates",
                    ("UPDATE", "notifications", f"user_id=eq.{people.alice_id}", feed))
    await people.alice.table("notifications").update(
        {"read_at": "2024-05-01T10:00:00+00:00"}).eq("id", row["id"]).execute()
    data = (await feed.next())["data"]
    assert data["type"] == "UPDATE"
    assert data["old_record"] == {"id": row["id"]}
    assert data["record"]["id"] == row["id"] and data["record"]["read_at"] is not None


async def test_a_delete_matches_key_filters_only(people: People) -> None:
    row = await insert(people.service, "notifications",
                       {"user_id": people.alice_id, "type": "x", "title": "old"})
    by_key, by_owner = Feed(), Feed()
    await subscribe(people.bob, "deletes",
                    ("DELETE", "notifications", f"id=eq.{row['id']}", by_key))
    await subscribe(people.alice, "owner",
                    ("*", "notifications", f"user_id=eq.{people.alice_id}", by_owner))
    await people.alice.table("notifications").delete().eq("id", row["id"]).execute()
    data = (await by_key.next())["data"]
    # DELETE skips the row check (Bob could not read the row) and carries the key only.
    assert (data["type"], data["old_record"]) == ("DELETE", {"id": row["id"]})
    assert "record" not in data
    await notify(people.service, people.alice_id, "after")
    later = await by_owner.next()
    assert later["data"]["type"] == "INSERT"  # the user_id filter did not match the DELETE


async def test_event_star_receives_insert_update_delete_in_order(people: People) -> None:
    feed = Feed()
    await subscribe(people.alice, "all", ("*", "notifications", None, feed))
    row = await insert(people.service, "notifications",
                       {"user_id": people.alice_id, "type": "x", "title": "a"})
    await people.alice.table("notifications").update({"title": "b"}).eq(
        "id", row["id"]).execute()
    await people.alice.table("notifications").delete().eq("id", row["id"]).execute()
    kinds = [(await feed.next())["data"]["type"] for _ in range(3)]
    assert kinds == ["INSERT", "UPDATE", "DELETE"]


FILTERS = {
    "round=eq.2": [2], "round=neq.2": [1, 3, 4], "round=lt.3": [1, 2],
    "round=lte.3": [1, 2, 3], "round=gt.3": [4], "round=gte.3": [3, 4],
    "round=in.(1,4)": [1, 4],
}


async def test_filters_eq_neq_lt_lte_gt_gte_in(people: People) -> None:
    tournament = await insert(people.alice, "tournaments",
                              {"name": "Cup", "game": "chess", "host_id": people.alice_id})
    await people.alice.table("tournament_matches").insert(
        [{"tournament_id": tournament["id"], "round": r, "position": 1} for r in range(1, 5)]
    ).execute()
    feeds = {f: Feed() for f in FILTERS}
    every = Feed()
    await subscribe(people.bob, f"tournament:{tournament['id']}",
                    *[("UPDATE", "tournament_matches", f, feed) for f, feed in feeds.items()],
                    ("UPDATE", "tournament_matches", f"tournament_id=eq.{tournament['id']}",
                     every))
    for round_ in range(1, 5):
        await people.alice.table("tournament_matches").update({"score1": round_}).eq(
            "tournament_id", tournament["id"]).eq("round", round_).execute()
    for _ in range(4):
        await every.next()  # the last binding's callback runs after the others
    got = {f: sorted(feed.queue.get_nowait()["data"]["record"]["round"]
                     for _ in range(feed.queue.qsize())) for f, feed in feeds.items()}
    assert got == FILTERS


async def test_several_matching_bindings_share_one_message(people: People) -> None:
    first, second, other = Feed(), Feed(), Feed()
    filt = f"user_id=eq.{people.alice_id}"
    channel = await subscribe(people.alice, "multi",
                              ("INSERT", "notifications", filt, first),
                              ("*", "notifications", None, second),
                              ("INSERT", "messages", None, other))
    await notify(people.service, people.alice_id, "x")
    a, b = await first.next(), await second.next()
    assert a is b  # one message, dispatched to both bindings
    ids = [cb.id for cb in channel.postgres_changes_callbacks]
    assert sorted(a["ids"]) == sorted(ids[:2])
    assert other.queue.empty()


async def test_commit_order_holds_across_200_rapid_inserts(people: People) -> None:
    feed = Feed()
    await subscribe(people.alice, "flood",
                    ("INSERT", "notifications", f"user_id=eq.{people.alice_id}", feed))
    titles = [f"n{i:03d}" for i in range(200)]
    for title in titles:
        await notify(people.service, people.alice_id, title)
    received = [(await feed.next())["data"]["record"]["title"] for _ in titles]
    assert received == titles


async def test_a_new_access_token_re_evaluates_delivery(people: People) -> None:
    spy, system = Feed(), Feed()
    await subscribe(people.bob, "swap",
                    ("INSERT", "notifications", f"user_id=eq.{people.alice_id}", spy),
                    on_system=system)
    joined = await system.next()
    assert (joined["status"], joined["message"]) == ("ok", "Subscribed to PostgreSQL")
    await notify(people.service, people.alice_id, "hidden")
    # Bob's socket now speaks with Alice's token (as after a sign-in switch on a device);
    # the server re-subscribes and says so before it judges the next change.
    await people.bob.realtime.set_auth(await token_of(people.alice))
    refreshed = await system.next()
    assert (refreshed["status"], refreshed["message"]) == ("ok", "Subscribed to PostgreSQL")
    await notify(people.service, people.alice_id, "shown")
    assert (await spy.next())["data"]["record"]["title"] == "shown"


# -- raw frames: what the clients' parsers see (spec 2.7, 2.8, 2.13) ------------------


@pytest.mark.parametrize("vsn", ["1.0.0", "2.0.0"])
async def test_join_reply_ids_system_push_and_change_frames(hub: RunningHub, people: People,
                                                            vsn: str) -> None:
    binding = {"event": "INSERT", "schema": "public", "table": "notifications",
               "filter": f"user_id=eq.{people.alice_id}"}
    async with raw_socket(hub, vsn) as sock:
        _, reply = await sock.join("realtime:room", {"postgres_changes": [binding, None]},
                                   access_token=user_token(hub, sub=people.alice_id))
        assert sock.payload(reply) == {"status": "ok", "response": {
            "postgres_changes": [{**binding, "id": binding_id(binding)}]}}
        system = await sock.expect(lambda f: sock.event(f) == "system")
        assert sock.payload(system) == {"message": "Subscribed to PostgreSQL", "status": "ok",
                                        "extension": "postgres_changes", "channel": "room"}
        await notify(people.service, people.alice_id, "raw")
        frame = await sock.expect(lambda f: sock.event(f) == "postgres_changes")
    if vsn == "2.0.0":
        assert frame[:4] == [None, None, "realtime:room", "postgres_changes"]
    else:
        assert (frame["topic"], frame["ref"]) == ("realtime:room", None)
    payload = sock.payload(frame)
    assert payload["ids"] == [binding_id(binding)]
    assert payload["data"]["record"]["title"] == "raw"


@pytest.mark.parametrize(("binding", "message"), [
    ({"event": "*", "schema": "public", "table": "notifications", "filter": "user_id=foo.1"},
     'Error parsing `filter` params: ["foo", "1"]'),
    ({"event": "*", "schema": "public", "table": "notifications", "filter": "user_id=in.1"},
     "Error parsing `filter` params: `in` filter value must be wrapped by parentheses"),
    ({"event": "*", "schema": "public", "table": "todos"},
     "Unable to subscribe to changes with given parameters. Please check Realtime is "
     "enabled for the given connect parameters: [event: *, schema: public, table: todos, "
     "filters: [], select: nil]"),
    # In the schema but not in the supabase_realtime publication.
    ({"event": "UPDATE", "schema": "public", "table": "profiles"},
     "Unable to subscribe to changes with given parameters. Please check Realtime is "
     "enabled for the given connect parameters: [event: UPDATE, schema: public, table: "
     "profiles, filters: [], select: nil]"),
])
async def test_a_refused_binding_joins_and_reports_a_system_error(
        hub: RunningHub, people: People, binding: dict[str, Any], message: str) -> None:
    async with raw_socket(hub) as sock:
        _, reply = await sock.join("realtime:bad", {"postgres_changes": [binding]},
                                   access_token=user_token(hub, sub=people.alice_id))
        assert sock.payload(reply)["status"] == "ok"
        assert sock.payload(reply)["response"]["postgres_changes"][0]["id"] == binding_id(
            binding)
        system = await sock.expect(lambda f: sock.event(f) == "system")
        assert system["payload"] == {"message": message, "status": "error",
                                     "extension": "postgres_changes", "channel": "bad"}
        assert system["ref"] is None


# -- the app's channels (DESIGN.md) ------------------------------------------------------


async def test_calls_channel_two_bindings_ring_the_callee_and_tell_the_caller(
        people: People) -> None:
    rings, bob_own, alice_rings, alice_own = Feed(), Feed(), Feed(), Feed()
    await subscribe(people.bob, f"calls:{people.bob_id}",
                    ("*", "calls", f"callee_id=eq.{people.bob_id}", rings),
                    ("*", "calls", f"caller_id=eq.{people.bob_id}", bob_own))
    await subscribe(people.alice, f"calls:{people.alice_id}",
                    ("*", "calls", f"callee_id=eq.{people.alice_id}", alice_rings),
                    ("*", "calls", f"caller_id=eq.{people.alice_id}", alice_own))
    call = await insert(people.alice, "calls", {"caller_id": people.alice_id,
                                                 "callee_id": people.bob_id, "kind": "video"})
    ring = await rings.next()
    assert (ring["data"]["type"], ring["data"]["record"]["status"]) == ("INSERT", "ringing")
    assert (await alice_own.next())["data"]["record"]["id"] == call["id"]
    await people.bob.table("calls").update({"status": "accepted"}).eq(
        "id", call["id"]).execute()
    accepted = await alice_own.next()
    assert (accepted["data"]["type"], accepted["data"]["record"]["status"]) == (
        "UPDATE", "accepted")
    assert (await rings.next())["data"]["record"]["status"] == "accepted"
    assert bob_own.queue.empty() and alice_rings.queue.empty()


async def test_chat_messages_reach_members_only(hub: RunningHub, people: People) -> None:
    carol = await user_client(hub, "carol@example.com")
    chat_id = str(uuid.uuid4())
    await people.service.table("conversations").insert(
        {"id": chat_id, "kind": "direct"}, returning=ReturnMethod.minimal).execute()
    await people.service.table("conversation_members").insert(
        [{"conversation_id": chat_id, "user_id": member}
         for member in (people.alice_id, people.bob_id)],
        returning=ReturnMethod.minimal).execute()
    bob_feed, carol_feed, carol_own = Feed(), Feed(), Feed()
    filt = f"conversation_id=eq.{chat_id}"
    await subscribe(people.bob, f"chat:{chat_id}", ("INSERT", "messages", filt, bob_feed))
    # Carol may not join chat:{id} (test_authorization); on a channel of her own, the
    # row rules still keep the conversation's messages from her.
    await subscribe(carol, f"notifications:{people.carol_id}",
                    ("INSERT", "messages", filt, carol_feed),
                    ("INSERT", "notifications", f"user_id=eq.{people.carol_id}", carol_own))
    await insert(people.alice, "messages", {"id": str(uuid.uuid4()),
                                            "conversation_id": chat_id,
                                            "sender_id": people.alice_id, "body": "gg"})
    assert (await bob_feed.next())["data"]["record"]["body"] == "gg"
    await notify(people.service, people.carol_id, "barrier")
    assert (await carol_own.next())["data"]["record"]["title"] == "barrier"
    assert carol_feed.queue.empty()

