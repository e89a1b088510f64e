"""Two call engines signalling through the real hub: the call flows of DESIGN.md's call
signalling sequence, with real aiortc peers on synthetic media."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from gfdesk.calls.signaling import CallChannel, RealtimeSignaling
from gfdesk.calls.states import CallInfo, CallRow, CallState, CallStatus, EndReason
from gfdesk.core.subscription import Subscription
from gfdesk.hub.runner import RunningHub
from tests.helpers.callworld import CallWorld, Party
from tests.helpers.hubfixture import close_client, service_client, user_client
from tests.helpers.leftovers import Leftovers
from tests.helpers.supervisors import supervisor_for

pytestmark = pytest.mark.slow

#: Time for media sent before a change to drain (jitter buffers, decoder, a few
#: packets in flight) before the change must show on the other side.
SETTLE_S = 0.3


async def _row(hub: RunningHub, call_id: str) -> dict[str, Any]:
    service = await service_client(hub)
    rows = (await service.table("calls").select("*").eq("id", call_id).execute()).data
    assert len(rows) == 1
    return dict(rows[0])


async def _ringing(world: CallWorld, **caller_options: Any) -> tuple[Party, Party, CallInfo]:
    """Ada calls bob; returns once bob's engine rings."""
    ada = await world.party("ada", **caller_options)
    bob = await world.party("bob")
    info = await ada.engine.place(bob.user_id)
    await bob.wait_state(CallState.RINGING)
    return ada, bob, info


async def _connect(ada: Party, bob: Party) -> CallInfo:
    """Ada calls bob, bob accepts; returns once both are connected."""
    await ada.engine.place(bob.user_id)
    await bob.wait_state(CallState.RINGING)
    await bob.engine.accept()
    await bob.wait_state(CallState.CONNECTED)
    return await ada.wait_state(CallState.CONNECTED)


async def _connected(world: CallWorld) -> tuple[Party, Party]:
    ada = await world.party("ada")
    bob = await world.party("bob")
    await _connect(ada, bob)
    return ada, bob


def _increasing(counters: list[int]) -> bool:
    return all(b > a for a, b in zip(counters, counters[1:], strict=False))


async def test_a_video_call_connects_and_pictures_flow_both_ways(
        call_world: CallWorld, hub: RunningHub) -> None:
    ada, bob = await _connected(call_world)
    since = time.monotonic()
    at_bob = await bob.wait_pictures(30, after=since)
    at_ada = await ada.wait_pictures(30, after=since)
    for pictures in (at_bob, at_ada):
        counters = [p.counter for p in pictures if p.counter is not None]
        assert _increasing(counters)  # newest first, never an old picture late
        assert (pictures[-1].width, pictures[-1].height) == (320, 240)
    assert ada.states == [CallState.RINGING, CallState.CONNECTING, CallState.CONNECTED]
    assert bob.states == [CallState.RINGING, CallState.CONNECTING, CallState.CONNECTED]
    assert ada.info is not None and ada.info.video_codec == "VP8"
    assert ada.info.audio_codec == "opus"
    row = await _row(hub, ada.info.id)
    assert row["status"] == "accepted" and row["answered_at"] and not row["ended_at"]
    stats = await ada.engine.stats()
    assert stats is not None and stats.frames_decoded >= 30 and stats.frames_sent >= 30
    assert stats.rtt_ms is None or stats.rtt_ms < 1000


@pytest.mark.parametrize("who", ["caller", "callee"])
async def test_hang_up_from_either_side_ends_both_and_leaves_nothing_behind(
        call_world: CallWorld, hub: RunningHub, who: str) -> None:
    ada = await call_world.party("ada")
    bob = await call_world.party("bob")
    before = Leftovers.take()
    await _connect(ada, bob)
    await bob.wait_pictures(5)
    hanger, other = (ada, bob) if who == "caller" else (bob, ada)
    await hanger.engine.hang_up()
    assert hanger.info is not None and hanger.info.end_reason is EndReason.HUNG_UP
    ended = await other.wait_state(CallState.ENDED)
    assert ended.end_reason is EndReason.REMOTE_HUNG_UP
    await other.engine.wait_idle()
    assert hanger.engine.call is None
    row = await _row(hub, ended.id)
    assert row["status"] == "ended" and row["answered_at"] and row["ended_at"]
    assert Leftovers.take().new_since(before) == {}


async def test_mute_and_camera_off_take_effect_on_the_other_side(
        call_world: CallWorld) -> None:
    ada, bob = await _connected(call_world)
    await bob.wait_for(lambda: len(bob.audio_frames) >= 10)

    await ada.engine.set_audio(False)
    await bob.wait_for(lambda: bob.info is not None and not bob.info.remote_audio)
    muted_at = time.monotonic() + SETTLE_S
    await bob.wait_pictures(20, after=muted_at)  # pictures still come...
    assert [t for t, _ in bob.audio_frames if t > muted_at] == []  # ...sound does not

    await ada.engine.set_audio(True)
    await bob.wait_for(lambda: bob.info is not None and bob.info.remote_audio)
    back = time.monotonic()
    await bob.wait_for(lambda: sum(1 for t, _ in bob.audio_frames if t > back) >= 10)
    assert any(any(pcm) for t, pcm in bob.audio_frames if t > back)  # the tone, not silence

    await ada.engine.set_video(False)
    await bob.wait_for(lambda: bob.info is not None and not bob.info.remote_video)
    off_at = time.monotonic() + SETTLE_S
    await bob.wait_for(lambda: sum(1 for t, _ in bob.audio_frames if t > off_at) >= 25)
    assert [p for p in bob.pictures if p.at > off_at] == []

    await ada.engine.set_video(True)
    await bob.wait_for(lambda: bob.info is not None and bob.info.remote_video)
    assert len(await bob.wait_pictures(10, after=time.monotonic())) >= 10


async def test_closing_the_engine_while_a_hang_up_runs_waits_until_the_call_is_closed(
        call_world: CallWorld) -> None:
    import asyncio
    import threading

    ada = await call_world.party("ada")
    bob = await call_world.party("bob")
    info = await ada.engine.place(bob.user_id)
    # Ada's media thread starts with her call, before Bob's (which has the same name).
    ada_thread = next(t for t in threading.enumerate() if t.name == f"call-media-{info.id[:8]}")
    await bob.wait_state(CallState.RINGING)
    await bob.engine.accept()
    await ada.wait_state(CallState.CONNECTED)
    hanging_up = asyncio.ensure_future(ada.engine.hang_up())
    await ada.wait_state(CallState.ENDED)  # the hang-up has begun closing
    await ada.engine.aclose()
    # Closed for good: no call, and the call's media thread is gone (a window that
    # closes next may delete the sinks that thread was feeding).
    assert ada.engine.call is None
    assert not ada_thread.is_alive()
    await hanging_up


async def test_switching_the_camera_sends_the_new_source_without_renegotiating(
        call_world: CallWorld) -> None:
    from gfdesk.calls.media import SyntheticVideoTrack

    ada, bob = await _connected(call_world)
    await bob.wait_pictures(5)
    await ada.engine.switch_video(lambda: SyntheticVideoTrack(160, 120, 30))
    switched = await bob.wait_for_size(160, 120)
    assert switched.counter is not None  # the new source's pattern, decoded
    await ada.engine.set_video(False)
    await ada.engine.set_video(True)  # back on: still the new source
    back = time.monotonic()
    pictures = await bob.wait_pictures(5, after=back)
    assert {(p.width, p.height) for p in pictures} == {(160, 120)}
    assert bob.info is not None and bob.info.state is CallState.CONNECTED


async def test_a_camera_turned_off_while_it_rings_stays_off_when_the_call_starts(
        call_world: CallWorld) -> None:
    ada, bob, _ = await _ringing(call_world)
    await bob.engine.set_video(False)  # before accepting: there is no peer yet
    await bob.engine.accept()
    await ada.wait_for(lambda: ada.info is not None and not ada.info.remote_video)
    await ada.wait_for(lambda: len(ada.audio_frames) >= 25)  # half a second of sound...
    assert not ada.pictures  # ...and not one picture
    assert len(await bob.wait_pictures(10)) >= 10  # ada's camera is on


async def test_a_declined_call_ends_on_both_sides_and_the_row_says_declined(
        call_world: CallWorld, hub: RunningHub) -> None:
    ada, bob, info = await _ringing(call_world)
    await bob.engine.decline()
    assert (await ada.wait_state(CallState.ENDED)).end_reason is EndReason.DECLINED
    assert bob.info is not None and bob.info.end_reason is EndReason.DECLINED
    row = await _row(hub, info.id)
    assert row["status"] == "declined" and row["ended_at"] and not row["answered_at"]
    assert ada.states == [CallState.RINGING, CallState.ENDED]


async def test_an_unanswered_call_is_missed_by_the_callers_timer(
        call_world: CallWorld, hub: RunningHub) -> None:
    ada, bob, info = await _ringing(call_world, missed_after_s=1.0)
    assert (await ada.wait_state(CallState.ENDED)).end_reason is EndReason.MISSED
    assert (await bob.wait_state(CallState.ENDED)).end_reason is EndReason.MISSED
    row = await _row(hub, info.id)
    assert row["status"] == "missed" and row["ended_at"] and not row["answered_at"]


async def test_a_caller_who_gives_up_while_it_rings_cancels_the_call(
        call_world: CallWorld, hub: RunningHub) -> None:
    ada, bob, info = await _ringing(call_world)
    await ada.engine.hang_up()
    assert (await bob.wait_state(CallState.ENDED)).end_reason is EndReason.CANCELLED
    row = await _row(hub, info.id)
    assert row["status"] == "ended" and row["ended_at"] and not row["answered_at"]


async def test_a_call_to_someone_in_a_call_is_answered_busy(
        call_world: CallWorld, hub: RunningHub, expected_logs: Any) -> None:
    ada, bob = await _connected(call_world)
    carl = await call_world.party("carl")
    info = await carl.engine.place(bob.user_id)
    assert (await carl.wait_state(CallState.ENDED, timeout=10)).end_reason is EndReason.BUSY
    row = await _row(hub, info.id)
    assert row["status"] == "busy" and row["ended_at"]
    assert bob.info is not None and bob.info.state is CallState.CONNECTED
    assert ada.info is not None and ada.info.state is CallState.CONNECTED


async def _send_as(world: CallWorld, who: Party, call_id: str, event: str,
                   payloads: list[Any]) -> None:
    """Broadcast ``payloads`` on ``call:{call_id}`` from a second session of ``who``.

    The channel lets only the call's two parties in, so garbage comes from one of them;
    the second session is closed again before this returns.
    """
    client = await user_client(world.hub, f"{who.name}@example.com")
    connection = supervisor_for(client)
    connection.start()
    try:
        handle = await connection.subscribe(Subscription(topic=f"call:{call_id}",
                                                         private=True))
        await handle.live.wait()
        for payload in payloads:
            await handle.channel.send_broadcast(event, payload)
    finally:
        await connection.aclose()
        await close_client(client)  # its token refresh timer too


@pytest.mark.parametrize(("event", "payload"), [
    ("offer", {"type": "offer", "sdp": "v=0\r\n" + "a=x\r\n" * 20000 + "m=video 9\r\n"}),
    ("offer", {"type": "offer", "sdp": "not a session description"}),
    ("answer", {"type": "offer", "sdp": "v=0\r\nm=audio 9\r\n"}),
    ("ice", {"candidate": "candidate:1 1 udp 1 10.0.0.1 99999 typ host", "sdpMid": "0"}),
    ("ice", {"candidate": "x" * 5000, "sdpMid": "0"}),
    ("media", {"audio": "yes", "video": 1}),
    ("hangup", {"reason": 12}),
])
async def test_garbage_signalling_ends_the_call_cleanly(
        call_world: CallWorld, hub: RunningHub, expected_logs: Any, event: str,
        payload: Any) -> None:
    expected_logs.allow("gfdesk.call", "rejected a message")
    ada = await call_world.party("ada")
    bob = await call_world.party("bob")
    before = Leftovers.take()
    info = await _connect(ada, bob)
    await _send_as(call_world, ada, info.id, event, [payload])
    assert (await bob.wait_state(CallState.ENDED)).end_reason is EndReason.BAD_SIGNAL
    # Ada's own session hears the broadcast too and refuses it as well, unless bob's
    # hangup came first.
    assert (await ada.wait_state(CallState.ENDED)).end_reason in (
        EndReason.BAD_SIGNAL, EndReason.REMOTE_HUNG_UP)
    # ENDED shows first; the row is written on the way down to idle.
    await bob.engine.wait_idle()
    await ada.engine.wait_idle()
    row = await _row(hub, info.id)
    assert row["status"] == "ended" and row["ended_at"]
    assert Leftovers.take().new_since(before) == {}


class _SlowJoin(CallWorld):
    """A world where ``slow`` joins a call's channel only once ``release`` is set, and
    ``accepted`` is set when a caller hears its call accepted: the callee's accept then
    arrives while the caller's ``place`` is still joining (a slow network; the demo
    bot's callee accepts at once)."""

    def __init__(self, hub: RunningHub) -> None:
        super().__init__(hub)
        self.release = asyncio.Event()
        self.accepted = asyncio.Event()
        self.slow = ""

    def _signaling(self, client: Any, connection: Any, uid: str) -> RealtimeSignaling:
        world = self

        class Gated(RealtimeSignaling):
            async def connect(self, on_row: Any) -> None:
                def heard(row: CallRow) -> None:
                    on_row(row)
                    if row.caller_id == uid and row.status is CallStatus.ACCEPTED:
                        world.accepted.set()
                await super().connect(heard)

            def channel(self, call_id: str) -> CallChannel:
                channel = super().channel(call_id)
                if uid != world.slow:
                    return channel
                join = channel.connect

                async def late_join() -> None:
                    await world.release.wait()
                    await join()
                channel.connect = late_join  # type: ignore[method-assign]
                return channel

        return Gated(client, connection, uid)


async def test_a_call_accepted_before_the_caller_joined_its_channel_still_connects(
        hub: RunningHub) -> None:
    world = _SlowJoin(hub)
    try:
        ada = await world.party("ada")
        bob = await world.party("bob")
        world.slow = ada.user_id
        placing = asyncio.create_task(ada.engine.place(bob.user_id))
        await bob.wait_state(CallState.RINGING)
        await bob.engine.accept()
        async with asyncio.timeout(10):
            await world.accepted.wait()
        world.release.set()
        await placing
        await ada.wait_state(CallState.CONNECTED)
        await bob.wait_state(CallState.CONNECTED)
    finally:
        world.release.set()
        await world.aclose()
