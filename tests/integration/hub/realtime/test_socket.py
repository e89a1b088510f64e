"""Realtime socket: handshake, vsn, heartbeats, idle close, bad frames (spec 2.1-2.4, 9.2)."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Callable

import aiohttp
import pytest
from realtime.types import BroadcastPayload

from gfdesk.hub.realtime import REALTIME
from gfdesk.hub.realtime.framing import encode_user_broadcast_push
from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import anon_client
from tests.integration.hub.realtime.rawws import raw_socket, user_token, ws_url


async def test_heartbeat_is_answered_with_its_ref_in_v1(hub: RunningHub) -> None:
    async with raw_socket(hub, "1.0.0") as sock:
        await sock.push("phoenix", "heartbeat", {}, ref=None)
        assert await sock.recv() == {"topic": "phoenix", "event": "phx_reply",
                                     "payload": {"status": "ok", "response": {}}, "ref": None}
        await sock.push("phoenix", "heartbeat", {}, ref="7")
        assert (await sock.recv())["ref"] == "7"


async def test_heartbeat_is_answered_in_v2_arrays_with_null_join_ref(hub: RunningHub) -> None:
    async with raw_socket(hub, "2.0.0") as sock:
        await sock.push("phoenix", "heartbeat", {}, ref="9")
        assert await sock.recv() == [None, "9", "phoenix", "phx_reply",
                                     {"status": "ok", "response": {}}]


async def test_missing_vsn_means_v1_objects(hub: RunningHub) -> None:
    async with raw_socket(hub, None) as sock:
        await sock.push("phoenix", "heartbeat", {}, ref="1")
        frame = await sock.recv()
        assert isinstance(frame, dict) and set(frame) == {"topic", "event", "payload", "ref"}


@pytest.mark.parametrize("vsn", ["3.0.0", "1.0", "garbage"])
async def test_unsupported_vsn_is_refused_with_403(hub: RunningHub, vsn: str) -> None:
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.WSServerHandshakeError) as info:
            await session.ws_connect(ws_url(hub, vsn))
    assert info.value.status == 403


async def _handshake_error(hub: RunningHub, header_token: str) -> tuple[int, dict[str, str]]:
    # The gateway in front wants a valid project key in ``apikey``; Realtime itself reads
    # ``x-api-key`` first (the hosted gateway's header), so that is where a bad one goes.
    url = ws_url(hub).replace("ws://", "http://")
    headers = {"x-api-key": header_token, "Connection": "Upgrade", "Upgrade": "websocket",
               "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}
    async with aiohttp.ClientSession() as session, session.get(url, headers=headers) as resp:
        return resp.status, await resp.json()


@pytest.mark.parametrize(("kind", "text"), [
    ("expired", "Token has expired"),
    ("malformed", "The token provided is not a valid JWT"),
    ("bad_signature", "Failed to validate JWT signature"),
    ("no_exp", "Fields `role` and `exp` are required in JWT"),
])
async def test_handshake_refuses_bad_tokens_with_the_real_error_text(
        hub: RunningHub, kind: str, text: str) -> None:
    tokens: dict[str, Callable[[], str]] = {
        "expired": lambda: user_token(hub, exp_in_s=-60),
        "malformed": lambda: "not-a-jwt",
        "bad_signature": lambda: user_token(hub)[:-4] + "AAAA",
        "no_exp": lambda: _no_exp_token(hub),
    }
    token = tokens[kind]()
    status, body = await _handshake_error(hub, token)
    assert (status, body) == (401, {"error": text})


def _no_exp_token(hub: RunningHub) -> str:
    from gfdesk.hub import keys
    from gfdesk.hub.context import KEYS

    return keys.sign(hub.app[KEYS].secret, {"role": "anon"})


async def test_official_client_connects_and_subscribes(hub: RunningHub) -> None:
    client = await anon_client(hub)
    states: list[str] = []
    channel = client.channel("room1")
    await channel.subscribe(lambda state, err: states.append(state.value))
    assert states == ["SUBSCRIBED"]


async def test_idle_socket_is_closed(hub: RunningHub) -> None:
    registry = hub.app[REALTIME]
    registry.settings = dataclasses.replace(registry.settings, idle_timeout_s=0.2)
    async with raw_socket(hub) as sock:
        assert await sock.closed() == 1000


@pytest.mark.parametrize("text", ["{", "[1,2]", '{"topic":"a"}', "null", '"x"',
                                  '{"topic":1,"event":"e","payload":{},"ref":null}',
                                  '{"topic":"a","event":"e","payload":NaN,"ref":null}'])
async def test_malformed_v1_frame_closes_the_socket_with_1007(hub: RunningHub,
                                                              text: str) -> None:
    async with raw_socket(hub) as sock:
        await sock.ws.send_str(text)
        assert await sock.closed() == 1007


async def test_binary_frame_on_v1_closes_with_1007(hub: RunningHub) -> None:
    async with raw_socket(hub) as sock:
        await sock.ws.send_bytes(b"\x03\x00")
        assert await sock.closed() == 1007


async def test_message_for_a_topic_not_joined_gets_unmatched_topic(hub: RunningHub) -> None:
    async with raw_socket(hub) as sock:
        for topic in ("realtime:nobody", "elsewhere"):
            await sock.push(topic, "broadcast", {"event": "x", "payload": {}}, ref="3")
            assert await sock.recv() == {
                "topic": topic, "event": "phx_reply", "ref": "3",
                "payload": {"status": "error", "response": {"reason": "unmatched topic"}}}


async def test_v2_binary_push_reaches_a_v1_official_client(hub: RunningHub) -> None:
    client = await anon_client(hub)
    got: asyncio.Future[BroadcastPayload] = asyncio.get_running_loop().create_future()
    channel = client.channel("room1").on_broadcast("msg", got.set_result)
    await channel.subscribe()
    async with raw_socket(hub, "2.0.0") as sock:
        join_ref, reply = await sock.join("realtime:room1")
        assert reply[0] == join_ref and reply[4]["status"] == "ok"
        await sock.ws.send_bytes(encode_user_broadcast_push(
            join_ref, "7", "realtime:room1", "msg", json.dumps({"hello": "world"}).encode()))
        assert await asyncio.wait_for(got, 10) == {"event": "msg",
                                                   "payload": {"hello": "world"}}


async def test_v2_binary_payload_reaches_v2_as_kind_4(hub: RunningHub) -> None:
    async with raw_socket(hub, "2.0.0") as receiver, raw_socket(hub, "2.0.0") as sender:
        await receiver.join("realtime:bin")
        join_ref, _ = await sender.join("realtime:bin")
        await sender.ws.send_bytes(encode_user_broadcast_push(
            join_ref, "2", "realtime:bin", "blob", b"\x00\x01\xff", json_payload=False))
        frame = await receiver.expect(lambda f: isinstance(f, bytes))
        assert frame == bytes([4, 12, 4, 0, 0]) + b"realtime:binblob" + b"\x00\x01\xff"


async def test_hub_stops_promptly_with_sockets_open(hub: RunningHub) -> None:
    async with raw_socket(hub) as sock:
        await sock.join("realtime:room1")
        await asyncio.wait_for(hub.stop(), 5)
        assert await sock.closed() == 1001
