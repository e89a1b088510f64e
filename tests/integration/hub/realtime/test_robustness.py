"""Hostile input on one socket never hurts the hub or the other clients (issue 4, "Robustness").

One hub serves every example. Per example a fresh raw connection (vsn 1.0.0 or 2.0.0)
sends hypothesis-made garbage: random text and bytes, JSON of the wrong shape,
truncated frames, frames with random topics/events/payloads, oversized payloads and
frames, and floods. Then it sends a heartbeat. The connection must end in one of two
ways: the heartbeat is answered (every frame before it was answered or ignored), or the
hub closed it with a protocol close code. Meanwhile a well-behaved official client on
the same channel must receive every probe broadcast another official client sends, in
order, and no error may be logged (the autouse log check fails the test otherwise).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from typing import Any

import aiohttp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from realtime.types import BroadcastPayload

from gfdesk.hub.realtime import REALTIME
from gfdesk.hub.realtime.framing import encode_user_broadcast_push
from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import anon_client
from tests.integration.hub.realtime.rawws import ws_url

TOPIC = "realtime:room1"
MAX_PAYLOAD = 2048
MAX_FRAME = 16 * 1024
RATE = 200
#: Close codes the hub may end a hostile connection with.
PROTOCOL_CLOSES = {1000, 1007, 1008, 1009}
EVENTS = ["phx_join", "phx_leave", "heartbeat", "broadcast", "presence", "access_token",
          "phx_reply", "system", "postgres_changes", "presence_state"]

json_leaf = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False,
                                                                   allow_infinity=False) \
    | st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=20)
json_value = st.recursive(json_leaf, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.text(max_size=8), inner, max_size=4), max_leaves=12)
ref = st.none() | st.text(max_size=4) | st.integers(0, 99)
topic = st.sampled_from([TOPIC, "realtime:", "phoenix", "realtime:other"]) | st.text(max_size=12)
event = st.sampled_from(EVENTS) | st.text(max_size=12)
payload = json_value | st.fixed_dictionaries({
    "event": st.sampled_from(["track", "untrack", "x", "TRACK"]) | st.text(max_size=6),
    "type": st.just("broadcast"), "payload": json_value,
    "config": st.dictionaries(st.sampled_from(["broadcast", "presence", "private",
                                               "postgres_changes"]), json_value),
    "access_token": st.text(max_size=30)})


@st.composite
def hostile_frames(draw: st.DrawFn, v2: bool) -> list[tuple[str, Any]]:
    kinds = st.sampled_from(["text", "bytes", "json", "frame", "truncated", "big", "huge",
                             "flood", "kind3"])
    frames: list[tuple[str, Any]] = []
    for kind in draw(st.lists(kinds, min_size=1, max_size=6)):
        if kind == "text":
            frames.append(("str", draw(st.text(alphabet=st.characters(
                blacklist_categories=["Cs"]), max_size=40))))
        elif kind == "bytes":
            frames.append(("bytes", draw(st.binary(max_size=40))))
        elif kind == "json":
            frames.append(("str", json.dumps(draw(json_value))))
        elif kind in ("frame", "truncated", "flood"):
            fields = [draw(ref), draw(ref), draw(topic), draw(event), draw(payload)]
            text = json.dumps(fields) if v2 else json.dumps(dict(zip(
                ("join_ref", "ref", "topic", "event", "payload"), fields, strict=True)))
            if kind == "truncated":
                text = text[:draw(st.integers(0, max(0, len(text) - 1)))]
            frames.extend([("str", text)] * (RATE * 2 if kind == "flood" else 1))
        elif kind == "big":
            body = {"type": "broadcast", "event": "big", "payload": {"x": "y" * MAX_PAYLOAD}}
            fields = [None, "1", TOPIC, "broadcast", body]
            frames.append(("str", json.dumps(fields) if v2 else json.dumps(dict(zip(
                ("join_ref", "ref", "topic", "event", "payload"), fields, strict=True)))))
        elif kind == "huge":
            frames.append(("str", "z" * (MAX_FRAME + 1)))
        else:
            frames.append(("bytes", encode_user_broadcast_push(
                draw(st.text(max_size=3)), "1", draw(topic.filter(lambda t: len(t) < 200)),
                draw(st.text(max_size=8)), draw(st.binary(max_size=30)),
                json_payload=draw(st.booleans()))))
    return frames


async def _hostile_session(hub: RunningHub, v2: bool, join_first: bool,
                           frames: list[tuple[str, Any]]) -> None:
    async with aiohttp.ClientSession() as session, \
            session.ws_connect(ws_url(hub, "2.0.0" if v2 else "1.0.0")) as ws:
        if join_first:
            join = ["1", "1", TOPIC, "phx_join", {"config": {"presence": {"enabled": True}}}]
            await ws.send_str(json.dumps(join) if v2 else json.dumps(
                {"topic": TOPIC, "event": "phx_join", "payload": join[4], "ref": "1",
                 "join_ref": "1"}))
        try:
            for kind, data in frames:
                await (ws.send_str(data) if kind == "str" else ws.send_bytes(data))
            sentinel: list[Any] = [None, "sentinel", "phoenix", "heartbeat", {}]
            await ws.send_str(json.dumps(sentinel) if v2 else json.dumps(
                {"topic": "phoenix", "event": "heartbeat", "payload": {}, "ref": "sentinel"}))
        except (ConnectionResetError, aiohttp.ClientConnectionResetError):
            pass  # the hub closed it mid-way; the close code is checked below
        while True:
            msg = await ws.receive(timeout=10)
            if msg.type is aiohttp.WSMsgType.TEXT:
                frame = json.loads(msg.data)
                got_ref = frame[1] if v2 else frame["ref"]
                if got_ref == "sentinel":
                    return
            elif msg.type is aiohttp.WSMsgType.BINARY:
                assert v2 and msg.data[0] == 4  # only kind-4 user broadcasts are binary
            else:
                assert msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
                code = msg.data if msg.type is aiohttp.WSMsgType.CLOSE else ws.close_code
                assert code in PROTOCOL_CLOSES, (code, msg)
                return


class Probe:
    """The well-behaved listener: probe numbers in arrival order."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[int] = asyncio.Queue()

    def __call__(self, message: BroadcastPayload) -> None:
        self.queue.put_nowait(message["payload"]["n"])


@dataclasses.dataclass
class Bystanders:
    """The well-behaved pair on the hostile channel, set up once per hub."""

    speaker: Any
    probe: Probe
    sent: int = 0


_BYSTANDERS: dict[int, Bystanders] = {}


async def _bystanders(hub: RunningHub) -> Bystanders:
    found = _BYSTANDERS.get(id(hub.app))
    if found is not None:
        return found
    registry = hub.app[REALTIME]
    registry.settings = dataclasses.replace(
        registry.settings, max_payload_bytes=MAX_PAYLOAD, max_frame_bytes=MAX_FRAME,
        messages_per_second=RATE)
    listener_client, speaker_client = await anon_client(hub), await anon_client(hub)
    probe = Probe()
    await listener_client.channel("room1").on_broadcast("probe-7f3a", probe).subscribe()
    speaker = await speaker_client.channel("room1").subscribe()
    _BYSTANDERS.clear()  # entries of earlier hubs
    found = _BYSTANDERS[id(hub.app)] = Bystanders(speaker, probe)
    return found


# The hub fixture is shared by all examples on purpose: one hub must survive them all.
@settings(max_examples=80, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
async def test_hostile_connections_do_not_disturb_others(hub: RunningHub,
                                                         data: st.DataObject) -> None:
    bystanders = await _bystanders(hub)
    v2 = data.draw(st.booleans(), label="v2")
    join_first = data.draw(st.booleans(), label="join_first")
    frames = data.draw(hostile_frames(v2), label="frames")
    await _hostile_session(hub, v2, join_first, frames)
    bystanders.sent += 1
    await bystanders.speaker.send_broadcast("probe-7f3a", {"n": bystanders.sent})
    assert await asyncio.wait_for(bystanders.probe.queue.get(), 10) == bystanders.sent
