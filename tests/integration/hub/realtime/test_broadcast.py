"""Broadcast over the socket and over REST (spec 3, 9.5)."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import pytest
from realtime.types import BroadcastPayload

from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import anon_client
from tests.integration.hub.realtime.rawws import raw_socket, user_token


class Inbox:
    """Broadcast callback target; ``next()`` awaits the next delivery."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[BroadcastPayload] = asyncio.Queue()

    def __call__(self, payload: BroadcastPayload) -> None:
        self.queue.put_nowait(payload)

    async def next(self) -> BroadcastPayload:
        return await asyncio.wait_for(self.queue.get(), 10)


async def _subscribed(hub: RunningHub, name: str, *, self_: bool = False,
                      ack: bool = False) -> tuple[Any, Inbox]:
    client = await anon_client(hub)
    inbox = Inbox()
    channel = client.channel(name, {"config": {
        "broadcast": {"self": self_, "ack": ack},
        "presence": {"key": "", "enabled": False}, "private": False}})
    channel.on_broadcast("*", inbox)
    await channel.subscribe()
    return channel, inbox


async def test_broadcast_reaches_others_but_not_the_sender_by_default(hub: RunningHub) -> None:
    sender, sender_inbox = await _subscribed(hub, "room1")
    _, other_inbox = await _subscribed(hub, "room1")
    await sender.send_broadcast("typing", {"user_id": "u1", "timestamp": "2026-01-01T00:00Z"})
    assert await other_inbox.next() == {
        "event": "typing", "payload": {"user_id": "u1", "timestamp": "2026-01-01T00:00Z"}}
    # A marker from the other side proves nothing was queued for the sender before it.
    _, probe = await _subscribed(hub, "room1")
    marker_sender, _ = await _subscribed(hub, "room1")
    await marker_sender.send_broadcast("marker", {})
    assert (await sender_inbox.next())["event"] == "marker"
    assert (await probe.next())["event"] == "marker"


async def test_self_broadcast_comes_back_to_the_sender(hub: RunningHub) -> None:
    sender, inbox = await _subscribed(hub, "room1", self_=True)
    await sender.send_broadcast("score_update", {"match_id": 1, "score1": 2, "score2": 0})
    assert await inbox.next() == {"event": "score_update",
                                  "payload": {"match_id": 1, "score1": 2, "score2": 0}}


async def test_ack_reply_follows_the_echo(hub: RunningHub) -> None:
    async with raw_socket(hub) as sock:
        join_ref, _ = await sock.join("realtime:room1", {"broadcast": {"self": True,
                                                                        "ack": True}})
        await sock.push("realtime:room1", "broadcast",
                        {"type": "broadcast", "event": "msg", "payload": {"hello": "world"}},
                        ref="2", join_ref=join_ref)
        assert await sock.recv() == {
            "topic": "realtime:room1", "event": "broadcast", "ref": None,
            "payload": {"type": "broadcast", "event": "msg", "payload": {"hello": "world"}}}
        assert await sock.recv() == {"topic": "realtime:room1", "event": "phx_reply",
                                     "payload": {"status": "ok", "response": {}}, "ref": "2"}


async def test_without_ack_there_is_no_reply(hub: RunningHub) -> None:
    async with raw_socket(hub) as sock:
        join_ref, _ = await sock.join("realtime:room1")
        await sock.push("realtime:room1", "broadcast", {"event": "msg", "payload": {}},
                        ref="2", join_ref=join_ref)
        await sock.push("phoenix", "heartbeat", {}, ref="hb")
        assert (await sock.recv())["ref"] == "hb"


async def test_v1_and_v2_subscribers_get_the_same_broadcast(hub: RunningHub) -> None:
    async with raw_socket(hub) as v1, raw_socket(hub, "2.0.0") as v2:
        await v2.join("realtime:mixed")
        join_ref, _ = await v1.join("realtime:mixed", {"broadcast": {"self": True}})
        await v1.push("realtime:mixed", "broadcast", {"type": "broadcast", "event": "e",
                                                      "payload": {"n": 1}},
                      ref="3", join_ref=join_ref)
        body = {"type": "broadcast", "event": "e", "payload": {"n": 1}}
        assert await v2.recv() == [None, None, "realtime:mixed", "broadcast", body]
        assert await v1.recv() == {"topic": "realtime:mixed", "event": "broadcast",
                                   "payload": body, "ref": None}


async def test_private_and_public_topics_are_separate(hub: RunningHub) -> None:
    # room1 is no topic of the app: only the service role may join it privately.
    async with raw_socket(hub) as public, \
            raw_socket(hub, apikey=hub.service_role_key) as private:
        await public.join("realtime:room1")
        join_ref, _ = await private.join("realtime:room1", {"private": True,
                                                            "broadcast": {"self": True}})
        await private.push("realtime:room1", "broadcast", {"event": "p", "payload": {}},
                           ref="2", join_ref=join_ref)
        assert (await private.recv())["payload"]["event"] == "p"
        await public.push("phoenix", "heartbeat", {}, ref="hb")
        assert (await public.recv())["ref"] == "hb"


# -- REST ----------------------------------------------------------------------------

async def test_http_send_delivers_to_subscribers(hub: RunningHub) -> None:
    channel, inbox = await _subscribed(hub, "room 1/x")
    await channel.http_send("ev 2", {"b": 2})
    assert await inbox.next() == {"event": "ev 2", "payload": {"b": 2}}


async def _post(hub: RunningHub, path: str, body: bytes, *, content_type: str,
                token: str | None = None) -> tuple[int, str]:
    headers = {"apikey": hub.anon_key, "Content-Type": content_type}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    async with aiohttp.ClientSession() as session, session.post(
            hub.url + "/realtime/v1/api/broadcast" + path, data=body,
            headers=headers) as resp:
        return resp.status, await resp.text()


async def test_batch_broadcast_is_202_and_carries_meta_id(hub: RunningHub) -> None:
    _, inbox = await _subscribed(hub, "room1")
    body = (b'{"messages":[{"topic":"room1","event":"ev","payload":{"a":1},"id":"m1"},'
            b'{"topic":"room1","event":"ev","payload":{"a":2}}]}')
    assert await _post(hub, "", body, content_type="application/json",
                       token=user_token(hub)) == (202, "")
    assert await inbox.next() == {"event": "ev", "payload": {"a": 1}, "meta": {"id": "m1"}}
    assert await inbox.next() == {"event": "ev", "payload": {"a": 2}}


async def test_batch_validation_errors_are_422_per_message(hub: RunningHub) -> None:
    body = b'{"messages":[{"topic":"r","event":"e","payload":{}},{"topic":"r","event":"e"}]}'
    status, text = await _post(hub, "", body, content_type="application/json")
    assert status == 422
    assert text == '{"errors": {"messages": [{}, {"payload": ["can\'t be blank"]}]}}'
    status, text = await _post(hub, "", b"{}", content_type="application/json")
    assert (status, text) == (422, '{"errors": {"messages": ["can\'t be blank"]}}')


async def test_rest_broadcast_with_a_bad_token_is_401(hub: RunningHub) -> None:
    status, text = await _post(hub, "", b'{"messages":[]}', content_type="application/json",
                               token=user_token(hub, exp_in_s=-10))
    assert (status, text) == (401, '{"message": "Unauthorized"}')


async def test_single_broadcast_needs_json_or_octet_stream(hub: RunningHub) -> None:
    status, _ = await _post(hub, "/room1/events/ev", b"hi", content_type="text/plain")
    assert status == 415


@pytest.mark.parametrize(("body", "expected"), [
    (b'{"k":"v"}', {"k": "v"}),
    (b"[1,2]", {"_json": [1, 2]}),
])
async def test_single_broadcast_wraps_non_objects(hub: RunningHub, body: bytes,
                                                  expected: dict[str, Any]) -> None:
    _, inbox = await _subscribed(hub, "room1")
    assert await _post(hub, "/room1/events/ev", body,
                       content_type="application/json") == (202, "")
    assert await inbox.next() == {"event": "ev", "payload": expected}


async def test_single_octet_stream_reaches_v2_as_kind_4_only(hub: RunningHub) -> None:
    async with raw_socket(hub, "2.0.0") as v2, raw_socket(hub) as v1:
        await v2.join("realtime:room1")
        await v1.join("realtime:room1")
        assert await _post(hub, "/room1/events/blob", b"\x01\x02",
                           content_type="application/octet-stream") == (202, "")
        assert await v2.recv() == bytes([4, 14, 4, 0, 0]) + b"realtime:room1blob\x01\x02"
        await v1.push("phoenix", "heartbeat", {}, ref="hb")  # V1 got nothing before this
        assert (await v1.recv())["ref"] == "hb"


async def test_rest_private_messages_reach_only_private_subscribers(hub: RunningHub) -> None:
    async with raw_socket(hub) as public, \
            raw_socket(hub, apikey=hub.service_role_key) as private:
        await public.join("realtime:room1")
        await private.join("realtime:room1", {"private": True})
        body = (b'{"messages":[{"topic":"room1","event":"p","payload":{},"private":true},'
                b'{"topic":"room1","event":"q","payload":{}}]}')
        assert await _post(hub, "", body, content_type="application/json",
                           token=hub.service_role_key) == (202, "")
        assert (await private.recv())["payload"]["event"] == "p"
        assert (await public.recv())["payload"]["event"] == "q"
