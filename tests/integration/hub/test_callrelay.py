"""The hub's call relay (``/socket.io``) through python-socketio's own client: who gets
in, who may join a call's room, what is relayed and what is refused, and what a
client that stops reading costs the hub."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import time
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
import socketio
from supabase import AsyncClient

from gfdesk.calls.sioclient import RelayRefused, SignallingServer, SocketIOLink
from gfdesk.calls.siosignaling import SocketIOCallChannel
from gfdesk.hub.callrelay import CALL_RELAY
from gfdesk.hub.context import KEYS
from gfdesk.hub.keys import sign
from gfdesk.hub.runner import RunningHub
from gfdesk.timestamps import format_utc
from tests.helpers.hubfixture import user_client
from tests.helpers.silentsio import SilentSocketIO

OFFER = {"type": "offer", "sdp": "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"}


@dataclass
class Person:
    client: AsyncClient
    user_id: str
    access_token: str
    heard: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)


@dataclass
class Relay:
    hub: RunningHub
    people: dict[str, Person]
    clients: list[socketio.AsyncClient] = field(default_factory=list)

    async def connect(self, name: str, **auth: str) -> socketio.AsyncClient:
        """A python-socketio client connected as ``name`` (``auth`` overrides)."""
        person = self.people[name]
        client = socketio.AsyncClient(reconnection=False, handle_sigint=False)
        for event in ("offer", "answer", "ice", "media", "hangup"):
            client.on(event, _recorder(person, event))
        self.clients.append(client)
        await client.connect(self.hub.url, transports=["websocket"], auth={
            "token": self.hub.anon_key, "access_token": person.access_token, **auth})
        return client

    async def refusal(self, **auth: Any) -> Any:
        """What the relay's connect_error says to a handshake with ``auth``."""
        client = socketio.AsyncClient(reconnection=False, handle_sigint=False)
        said: list[Any] = []
        client.on("connect_error", said.append)
        with pytest.raises(socketio.exceptions.ConnectionError):
            await client.connect(self.hub.url, transports=["websocket"], auth=auth)
        return said[0]

    async def call(self, caller: str, callee: str) -> str:
        call_id = str(uuid.uuid4())
        await self.people[caller].client.table("calls").insert({
            "id": call_id, "caller_id": self.people[caller].user_id,
            "callee_id": self.people[callee].user_id, "kind": "video"}).execute()
        return call_id


def _recorder(person: Person, event: str) -> Callable[[dict[str, Any]], None]:
    def heard(data: dict[str, Any]) -> None:
        person.heard.append((event, data))
        person.arrived.set()
    return heard


@pytest.fixture
async def relay(hub: RunningHub) -> AsyncIterator[Relay]:
    people = {}
    for name in ("ada", "bob", "eve"):
        client = await user_client(hub, f"{name}@example.com", username=name)
        session = await client.auth.get_session()
        assert session is not None
        people[name] = Person(client, session.user.id, session.access_token)
    made = Relay(hub, people)
    try:
        yield made
    finally:
        for client in made.clients:
            await client.disconnect()


async def test_the_two_parties_join_and_hear_each_other_with_the_sender_stamped(
        relay: Relay) -> None:
    call_id = await relay.call("ada", "bob")
    ada, bob = await relay.connect("ada"), await relay.connect("bob")
    assert await ada.call("join", {"call_id": call_id}) == {
        "ok": True, "call_id": call_id, "others": 0}
    assert (await bob.call("join", {"call_id": call_id.upper()}))["others"] == 1
    ack = await ada.call("offer", {"call_id": call_id, "id": "m1", "payload": OFFER})
    assert ack == {"ok": True, "delivered": 1}
    await bob.emit("ice", {"call_id": call_id, "payload": {"candidate": ""}})
    async with asyncio.timeout(5):
        await relay.people["bob"].arrived.wait()
        await relay.people["ada"].arrived.wait()
    assert relay.people["bob"].heard == [("offer", {
        "call_id": call_id, "id": "m1", "from": relay.people["ada"].user_id, "payload": OFFER})]
    assert relay.people["ada"].heard == [("ice", {
        "call_id": call_id, "id": None, "from": relay.people["bob"].user_id,
        "payload": {"candidate": ""}})]


async def test_a_third_user_who_knows_the_call_id_is_refused_and_hears_nothing(
        relay: Relay) -> None:
    call_id = await relay.call("ada", "bob")
    ada, eve = await relay.connect("ada"), await relay.connect("eve")
    await ada.call("join", {"call_id": call_id})
    assert await eve.call("join", {"call_id": call_id}) == {
        "ok": False, "code": "forbidden", "message": "not a party of this call"}
    # A call that does not exist gets the same answer: ids cannot be probed.
    assert (await eve.call("join", {"call_id": str(uuid.uuid4())}))["code"] == "forbidden"
    assert (await eve.call("offer", {"call_id": call_id, "payload": OFFER}))["code"] == \
        "not_joined"
    assert (await ada.call("media", {"call_id": call_id, "payload": {"audio": True}})) == {
        "ok": True, "delivered": 0}
    assert relay.people["eve"].heard == [] and relay.people["ada"].heard == []
    assert relay.hub.app[CALL_RELAY].rooms[call_id].__len__() == 1


async def test_the_app_channel_of_a_third_user_fails_to_connect_with_the_reason(
        relay: Relay) -> None:
    call_id = await relay.call("ada", "bob")
    eve = relay.people["eve"]

    async def token() -> str:
        return eve.access_token

    link = SocketIOLink(SignallingServer(relay.hub.url, relay.hub.anon_key), token)
    try:
        link.start()
        channel = SocketIOCallChannel(link, call_id)
        with pytest.raises(RelayRefused, match="forbidden: not a party of this call"):
            await channel.connect()
    finally:
        await link.aclose()


async def test_handshakes_without_a_valid_api_key_or_user_token_are_refused(
        relay: Relay) -> None:
    hub, ada = relay.hub, relay.people["ada"]
    expired = sign(hub.app[KEYS].secret, {"role": "authenticated", "sub": ada.user_id,
                                          "exp": int(time.time()) - 10})
    cases = [
        ({}, "token_invalid"),
        ({"token": "nonsense", "access_token": ada.access_token}, "token_invalid"),
        ({"token": ada.access_token, "access_token": ada.access_token}, "token_invalid"),
        ({"token": hub.anon_key}, "access_token_invalid"),
        ({"token": hub.anon_key, "access_token": "x.y.z"}, "access_token_invalid"),
        ({"token": hub.anon_key, "access_token": expired}, "access_token_expired"),
        ({"token": hub.anon_key, "access_token": hub.anon_key}, "not_signed_in"),
    ]
    for auth, code in cases:
        said = await relay.refusal(**auth)
        assert said["data"] == {"code": code}, (auth.keys(), said)
        assert ada.access_token not in str(said)


async def test_a_call_that_is_over_cannot_be_joined(relay: Relay) -> None:
    call_id = await relay.call("ada", "bob")
    await relay.people["ada"].client.table("calls").update({
        "status": "ended", "ended_at": format_utc(dt.datetime.now(dt.UTC))}).eq(
        "id", call_id).execute()
    ada = await relay.connect("ada")
    ack = await ada.call("join", {"call_id": call_id})
    assert ack == {"ok": False, "code": "call_over", "message": "the call is ended"}


@pytest.mark.parametrize(("event", "data", "code"), [
    ("offer", {"call_id": "not-a-uuid", "payload": OFFER}, "bad_request"),
    ("offer", {"call_id": "{call}", "payload": "v=0"}, "bad_request"),
    ("offer", {"call_id": "{call}", "payload": OFFER, "extra": 1}, "bad_request"),
    ("offer", {"call_id": "{call}", "id": "x" * 65, "payload": OFFER}, "bad_request"),
    ("offer", {"call_id": "{call}", "payload": {"sdp": "x" * 200_000}}, "too_large"),
    ("hello", {"call_id": "{call}"}, "unknown_event"),
    ("join", "{call}", "bad_request"),
])
async def test_malformed_messages_are_refused_with_a_code_and_relay_nothing(
        relay: Relay, event: str, data: Any, code: str) -> None:
    call_id = await relay.call("ada", "bob")
    ada, bob = await relay.connect("ada"), await relay.connect("bob")
    for client in (ada, bob):
        await client.call("join", {"call_id": call_id})
    if isinstance(data, dict):
        data = {k: v.replace("{call}", call_id) if isinstance(v, str) else v
                for k, v in data.items()}
    ack = await ada.call(event, data)
    assert ack["ok"] is False and ack["code"] == code
    # The connection is still good and the next message goes through.
    assert (await ada.call("hangup", {"call_id": call_id, "payload": {}}))["delivered"] == 1
    async with asyncio.timeout(5):
        await relay.people["bob"].arrived.wait()
    assert [event for event, _ in relay.people["bob"].heard] == ["hangup"]


async def test_messages_over_the_rate_limit_are_refused(relay: Relay) -> None:
    call_id = await relay.call("ada", "bob")
    ada = await relay.connect("ada")
    await ada.call("join", {"call_id": call_id})
    limit = relay.hub.app[CALL_RELAY].settings.messages_per_second
    acks = [await ada.call("ice", {"call_id": call_id, "payload": {"candidate": ""}})
            for _ in range(limit + 5)]
    refused = [a for a in acks if not a["ok"]]
    assert refused and {a["code"] for a in refused} == {"rate_limited"}


async def test_a_party_that_stops_reading_is_cut_off_and_its_backlog_freed(
        relay: Relay, expected_logs: Any) -> None:
    hub = relay.hub
    call_id = await relay.call("ada", "bob")
    silent = await SilentSocketIO.join(hub.url, {
        "token": hub.anon_key, "access_token": relay.people["bob"].access_token}, call_id)
    try:
        assert silent.join_ack["ok"] is True
        ada = await relay.connect("ada")
        await ada.call("join", {"call_id": call_id})
        server = hub.app[CALL_RELAY]
        big = {"type": "offer", "sdp": "v=0\r\nm=video 9\r\n" + "a=x\r\n" * 20_000}
        delivered = []
        async with asyncio.timeout(30):
            while not delivered or delivered[-1] == 1:
                ack = await ada.call("answer", {"call_id": call_id, "payload": big})
                assert ack["ok"], ack
                delivered.append(ack["delivered"])
        # Cut off once its unsent output passed its cap; what it held no longer counts.
        sent = (len(delivered) - 1) * len(json.dumps(big))
        assert sent > server.settings.max_socket_backlog_bytes
        assert server.meter.total < 64 * 1024
        assert call_id in server.rooms and len(server.rooms[call_id]) >= 1
    finally:
        silent.close()
