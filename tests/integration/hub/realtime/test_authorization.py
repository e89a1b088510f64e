"""Realtime Authorization on the hub's sockets and REST broadcast (issue 13, findings 1
and 2): private channels, sends dropped without write permission, presence metas that
name someone else refused. The rule table itself is tests/helpers/channelcases.py."""

from __future__ import annotations

from typing import Any

import aiohttp

from gfdesk.hub.runner import RunningHub
from tests.integration.hub.conftest import People, insert
from tests.integration.hub.realtime.rawws import RawSocket, raw_socket, user_token

PRIVATE = {"private": True, "broadcast": {"self": False}}


async def _settled(*socks: RawSocket) -> None:
    """Each socket's heartbeat reply: everything the hub queued for it came before."""
    for sock in socks:
        ref = sock.ref()
        await sock.push("phoenix", "heartbeat", {}, ref=ref)
        frame = await sock.recv()
        assert sock.ref_of(frame) == ref, f"unexpected frame before the barrier: {frame}"


async def _join(sock: RawSocket, topic: str, token: str, **config: Any) -> str:
    join_ref, reply = await sock.join(f"realtime:{topic}", {**PRIVATE, **config},
                                      access_token=token)
    assert reply["payload"]["status"] == "ok", reply
    return join_ref


async def test_the_anon_key_joins_none_of_the_apps_topics(hub: RunningHub,
                                                          people: People) -> None:
    call = await insert(people.service, "calls", {"caller_id": people.alice_id,
                                                  "callee_id": people.bob_id})
    async with raw_socket(hub) as sock:
        for topic in (f"call:{call['id']}", f"notifications:{people.alice_id}",
                      "presence:online"):
            _, reply = await sock.join(f"realtime:{topic}", {"private": True})
            assert reply["payload"] == {"status": "error", "response": {"reason": (
                "Unauthorized: You do not have permissions to read from this Channel "
                f"topic: {topic}")}}
            # The public namespace of an app topic is closed too (a private-only project).
            _, reply = await sock.join(f"realtime:{topic}", {"private": False})
            assert reply["payload"]["response"] == {
                "reason": "PrivateOnly: This project only allows private channels"}


async def test_call_signaling_reaches_the_two_parties_only(hub: RunningHub,
                                                           people: People) -> None:
    call = await insert(people.service, "calls", {"caller_id": people.alice_id,
                                                  "callee_id": people.bob_id})
    topic = f"call:{call['id']}"
    async with raw_socket(hub) as alice, raw_socket(hub) as bob, raw_socket(hub) as carol:
        alice_ref = await _join(alice, topic, user_token(hub, sub=people.alice_id))
        await _join(bob, topic, user_token(hub, sub=people.bob_id))
        _, refused = await carol.join(f"realtime:{topic}", PRIVATE,
                                      access_token=user_token(hub, sub=people.carol_id))
        assert refused["payload"]["status"] == "error"
        offer = {"type": "offer", "sdp": "v=0 with alice's addresses"}
        await alice.push(f"realtime:{topic}", "broadcast", {"event": "offer", "payload": offer},
                         ref=alice.ref(), join_ref=alice_ref)
        got = await bob.expect(lambda f: f["event"] == "broadcast")
        assert got["payload"]["payload"] == offer


async def test_only_the_host_sends_on_a_tournament(hub: RunningHub, people: People) -> None:
    cup = await insert(people.alice, "tournaments", {"name": "Cup", "game": "chess",
                                                     "host_id": people.alice_id})
    topic = f"tournament:{cup['id']}"
    async with raw_socket(hub) as host, raw_socket(hub) as viewer:
        host_ref = await _join(host, topic, user_token(hub, sub=people.alice_id))
        viewer_ref = await _join(viewer, topic, user_token(hub, sub=people.bob_id),
                                 broadcast={"ack": True})
        fake = {"match_id": "m1", "score1": 0, "score2": 9}
        await viewer.push(f"realtime:{topic}", "broadcast",
                          {"event": "score_update", "payload": fake},
                          ref=viewer.ref(), join_ref=viewer_ref)
        # Dropped without a reply, as the real server drops a send it may not write.
        await _settled(viewer, host)
        real = {"match_id": "m1", "score1": 2, "score2": 1}
        await host.push(f"realtime:{topic}", "broadcast",
                        {"event": "score_update", "payload": real},
                        ref=host.ref(), join_ref=host_ref)
        got = await viewer.expect(lambda f: f["event"] == "broadcast")
        assert got["payload"]["payload"] == real


async def test_a_presence_meta_must_name_its_sender(hub: RunningHub, people: People) -> None:
    async with raw_socket(hub) as watcher, raw_socket(hub) as bob:
        await _join(watcher, "presence:online", user_token(hub, sub=people.carol_id),
                    presence={"enabled": True, "key": people.carol_id})
        await watcher.expect(lambda f: f["event"] == "presence_state")
        bob_ref = await _join(bob, "presence:online", user_token(hub, sub=people.bob_id),
                              presence={"enabled": True, "key": people.alice_id})
        await bob.expect(lambda f: f["event"] == "presence_state")
        spoof = {"user_id": people.alice_id, "status": "in_game"}
        await bob.push("realtime:presence:online", "presence",
                       {"event": "track", "payload": spoof}, ref="t1", join_ref=bob_ref)
        reply = await bob.expect(lambda f: f["ref"] == "t1")
        assert reply["payload"] == {"status": "error", "response": {
            "reason": "Presence meta user_id must be your own user id"}}
        await _settled(watcher)  # nobody saw Alice in game
        own = {"user_id": people.bob_id, "status": "online"}
        await bob.push("realtime:presence:online", "presence",
                       {"event": "track", "payload": own}, ref="t2", join_ref=bob_ref)
        diff = await watcher.expect(lambda f: f["event"] == "presence_diff")
        assert [m["user_id"] for m in diff["payload"]["joins"][people.alice_id]["metas"]] \
            == [people.bob_id]


async def test_rest_broadcast_applies_the_write_rule(hub: RunningHub, people: People) -> None:
    conversation = await insert(people.service, "conversations", {"kind": "direct"})
    await people.service.table("conversation_members").insert([
        {"conversation_id": conversation["id"], "user_id": people.alice_id}]).execute()
    topic = f"chat:{conversation['id']}"
    async with raw_socket(hub) as alice, aiohttp.ClientSession() as http:
        await _join(alice, topic, user_token(hub, sub=people.alice_id))
        anon = {"apikey": hub.anon_key}
        async with http.post(f"{hub.url}/realtime/v1/api/broadcast/{topic}/events/typing"
                             "?private=true", json={"user_id": "x"}, headers=anon) as resp:
            assert (resp.status, await resp.json()) == (403, {"message": "Unauthorized"})
        batch = {"messages": [{"topic": topic, "event": "typing", "payload": {"n": 1},
                               "private": True}]}
        async with http.post(f"{hub.url}/realtime/v1/api/broadcast", json=batch,
                             headers=anon) as resp:
            assert resp.status == 202  # skipped silently, as the real server does
        await _settled(alice)
        member = {**anon, "Authorization": f"Bearer {user_token(hub, sub=people.alice_id)}"}
        async with http.post(f"{hub.url}/realtime/v1/api/broadcast", json=batch,
                             headers=member) as resp:
            assert resp.status == 202
        assert (await alice.expect(lambda f: f["event"] == "broadcast"))["payload"][
            "payload"] == {"n": 1}


async def test_a_refreshed_token_that_may_not_read_ends_the_channel(
        hub: RunningHub, people: People) -> None:
    topic = f"notifications:{people.alice_id}"
    async with raw_socket(hub) as sock:
        join_ref = await _join(sock, topic, user_token(hub, sub=people.alice_id))
        await sock.push(f"realtime:{topic}", "access_token",
                        {"access_token": user_token(hub, sub=people.bob_id)},
                        ref=sock.ref(), join_ref=join_ref)
        system = await sock.expect(lambda f: f["event"] == "system")
        assert system["payload"]["message"] == (
            f"You no longer have permission to read from this Channel topic: {topic}")
        assert (await sock.recv())["event"] == "phx_close"
