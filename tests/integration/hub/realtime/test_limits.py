"""Limits with the real server's texts: the offender is told, the others carry on (spec 2.12)."""

from __future__ import annotations

import dataclasses
from typing import Any

from gfdesk.hub.realtime import REALTIME
from gfdesk.hub.runner import RunningHub
from tests.helpers.silentws import SilentSocket
from tests.integration.hub.realtime.rawws import RawSocket, raw_socket


def _limit(hub: RunningHub, **changes: Any) -> None:
    registry = hub.app[REALTIME]
    registry.settings = dataclasses.replace(registry.settings, **changes)


async def _broadcast(sock: RawSocket, join_ref: str, ref: str, payload: Any) -> None:
    await sock.push("realtime:room1", "broadcast",
                    {"type": "broadcast", "event": "e", "payload": payload},
                    ref=ref, join_ref=join_ref)


async def _still_receives(bystander: RawSocket, speaker: RawSocket, join_ref: str) -> None:
    """A fresh broadcast from ``speaker`` reaches ``bystander``."""
    await _broadcast(speaker, join_ref, "proof", {"proof": True})
    frame = await bystander.expect(lambda f: f.get("event") == "broadcast")
    assert frame["payload"]["payload"] == {"proof": True}


async def test_too_many_channels_on_one_connection(hub: RunningHub) -> None:
    _limit(hub, channels_per_connection=2)
    async with raw_socket(hub) as sock:
        for name in ("a", "b"):
            assert (await sock.join(f"realtime:{name}"))[1]["payload"]["status"] == "ok"
        _, reply = await sock.join("realtime:c")
        assert reply["payload"] == {"status": "error", "response": {
            "reason": "ChannelRateLimitReached: Too many channels"}}


async def test_too_many_messages_shuts_the_offenders_channel_only(hub: RunningHub) -> None:
    _limit(hub, messages_per_second=5)
    async with raw_socket(hub) as loud, raw_socket(hub) as quiet, \
            raw_socket(hub) as speaker:
        loud_ref, _ = await loud.join("realtime:room1")
        await quiet.join("realtime:room1")
        speaker_ref, _ = await speaker.join("realtime:room1")
        for n in range(8):  # the join counted too: message 5 is the last allowed
            await _broadcast(loud, loud_ref, str(n), {"n": n})
        system = await loud.expect(lambda f: f["event"] == "system")
        assert system["payload"] == {"message": "Too many messages per second",
                                     "status": "error", "extension": "system",
                                     "channel": "room1"}
        assert (await loud.recv())["event"] == "phx_close"
        received: list[Any] = []
        while len(received) < 4:
            received.append((await quiet.expect(
                lambda f: f.get("event") == "broadcast"))["payload"]["payload"])
        assert received == [{"n": n} for n in range(4)]
        await _still_receives(quiet, speaker, speaker_ref)


async def test_a_flood_closes_the_socket(hub: RunningHub) -> None:
    _limit(hub, messages_per_second=5)
    async with raw_socket(hub) as flood:
        for n in range(60):
            await flood.push("realtime:nowhere", "broadcast", {}, ref=str(n))
        assert await flood.closed() == 1008


async def test_too_many_joins_refuses_and_disconnects(hub: RunningHub) -> None:
    _limit(hub, joins_per_second=3)
    async with raw_socket(hub) as sock:
        for name in ("a", "b", "c"):
            assert (await sock.join(f"realtime:{name}"))[1]["payload"]["status"] == "ok"
        _, reply = await sock.join("realtime:d")
        assert reply["payload"] == {"status": "error", "response": {
            "reason": "ClientJoinRateLimitReached: Too many joins per second"}}
        assert await sock.closed() == 1008


async def test_oversized_broadcast_is_dropped_and_an_ack_says_so(hub: RunningHub) -> None:
    _limit(hub, max_payload_bytes=200)
    async with raw_socket(hub) as sender, raw_socket(hub) as receiver:
        join_ref, _ = await sender.join("realtime:room1", {"broadcast": {"ack": True}})
        await receiver.join("realtime:room1")
        await _broadcast(sender, join_ref, "2", {"big": "x" * 500})
        assert await sender.recv() == {"topic": "realtime:room1", "event": "phx_reply",
                                       "payload": {"status": "error",
                                                   "response": "payload_size_exceeded"},
                                       "ref": "2"}
        await _still_receives(receiver, sender, join_ref)


async def test_oversized_track_shuts_the_channel_down(hub: RunningHub) -> None:
    _limit(hub, max_payload_bytes=200)
    async with raw_socket(hub) as sock:
        join_ref, _ = await sock.join("realtime:room1")
        await sock.push("realtime:room1", "presence",
                        {"event": "track", "payload": {"big": "x" * 500}}, ref="2",
                        join_ref=join_ref)
        system = await sock.recv()
        assert system["payload"]["message"] == "Track message size exceeded"
        assert (await sock.recv())["event"] == "phx_close"


async def test_frame_over_the_size_limit_closes_with_1009(hub: RunningHub) -> None:
    _limit(hub, max_frame_bytes=1000)
    async with raw_socket(hub) as sock:
        await sock.ws.send_str("x" * 2000)
        assert await sock.closed() == 1009


async def test_a_client_that_stops_reading_is_cut_off_and_others_carry_on(
        hub: RunningHub) -> None:
    _limit(hub, max_send_buffer_bytes=1)
    chunk = {"blob": "x" * 600_000}
    async with raw_socket(hub) as stalled, raw_socket(hub) as reader, \
            raw_socket(hub) as sender:
        await stalled.join("realtime:room1")
        await reader.join("realtime:room1")
        join_ref, _ = await sender.join("realtime:room1")
        # Loopback socket buffers take a few MB; 24 MB unread must back up in the hub.
        for n in range(40):
            await _broadcast(sender, join_ref, str(n), chunk)
            await reader.expect(lambda f: f.get("event") == "broadcast")
        await _still_receives(reader, sender, join_ref)
        # Reading now drains what the kernel held, then finds the connection dropped
        # (no closing handshake: the hub aborted it).
        assert await stalled.closed() in (None, 1006)


async def test_the_payload_limit_counts_bytes_not_characters(hub: RunningHub) -> None:
    # Known from before issue 13: 150 characters of é are 300 bytes, over a 200 limit.
    _limit(hub, max_payload_bytes=200)
    async with raw_socket(hub) as sender:
        join_ref, _ = await sender.join("realtime:room1", {"broadcast": {"ack": True}})
        await _broadcast(sender, join_ref, "2", {"e": "é" * 150})
        reply = await sender.expect(lambda f: f.get("ref") == "2")
        assert reply["payload"] == {"status": "error", "response": "payload_size_exceeded"}


async def test_the_hub_wide_budget_cuts_off_the_slowest_first(hub: RunningHub) -> None:
    # Issue 13, finding 5: sockets that never read held the hub's memory without bound.
    # Each stays under its own cap; together they pass the hub's budget.
    _limit(hub, max_send_buffer_bytes=64 * 1024 * 1024, max_outbound_bytes=6 * 1024 * 1024)
    registry = hub.app[REALTIME]
    silent = [await SilentSocket.join(hub.url, hub.anon_key, "room1") for _ in range(6)]
    try:
        open_before = len(registry.connections)
        async with raw_socket(hub) as reader, raw_socket(hub) as sender:
            await reader.join("realtime:room1")
            join_ref, _ = await sender.join("realtime:room1")
            chunk = {"blob": "x" * 400_000}
            # 16 MB each: more than loopback's kernel buffers hold for a silent socket.
            for n in range(40):
                await _broadcast(sender, join_ref, str(n), chunk)
                await reader.expect(lambda f: f.get("event") == "broadcast")
                assert registry.unsent_bytes <= 6 * 1024 * 1024 + 2 * 400_100
            await _still_receives(reader, sender, join_ref)
            # Silent sockets were cut off; the two that read were not.
            assert len(registry.connections) < open_before + 2
        assert registry.unsent_bytes <= 6 * 1024 * 1024
    finally:
        for sock in silent:
            sock.close()
