"""Two call engines whose call messages go through the hub's Socket.IO call relay (rows
still through REST and ``calls:{user_id}``): a whole call, and a Socket.IO server that
restarts while a call rings."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from gfdesk.calls.states import CallState, EndReason
from gfdesk.hub.callrelay import CALL_RELAY
from gfdesk.hub.context import CONFIG
from gfdesk.hub.runner import RunningHub, start_hub
from tests.helpers.callworld import CallWorld
from tests.helpers.hubfixture import service_client
from tests.helpers.leftovers import Leftovers

pytestmark = pytest.mark.slow


async def _row(hub: RunningHub, call_id: str) -> dict[str, Any]:
    service = await service_client(hub)
    rows = (await service.table("calls").select("*").eq("id", call_id).execute()).data
    assert len(rows) == 1
    return dict(rows[0])


def _increasing(counters: list[int]) -> bool:
    return all(b > a for a, b in zip(counters, counters[1:], strict=False))


@pytest.fixture
async def sio_world(hub: RunningHub) -> AsyncIterator[CallWorld]:
    world = CallWorld(hub, socketio_url=hub.url)
    try:
        yield world
    finally:
        await world.aclose()


class RelayHub:
    """A second hub on the first one's data dir, serving its call relay: a Socket.IO
    server apart from the REST and Realtime server, that can be stopped and started
    again on the same port."""

    def __init__(self, main: RunningHub) -> None:
        self._config = dataclasses.replace(main.app[CONFIG], issuer="gfdesk-hub")
        self.running: RunningHub | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self.running = await start_hub(self._config, port=self.port)
        self.port = int(self.running.url.rsplit(":", 1)[1])

    async def stop(self) -> None:
        running, self.running = self.running, None
        if running is not None:
            await running.stop()


@pytest.fixture
async def relay_hub(hub: RunningHub) -> AsyncIterator[RelayHub]:
    relay = RelayHub(hub)
    await relay.start()
    try:
        yield relay
    finally:
        await relay.stop()


async def test_a_video_call_signalled_over_socketio_connects_and_pictures_flow_both_ways(
        sio_world: CallWorld, hub: RunningHub) -> None:
    ada = await sio_world.party("ada")
    bob = await sio_world.party("bob")
    before = Leftovers.take()
    info = await ada.engine.place(bob.user_id)
    await bob.wait_state(CallState.RINGING)
    await bob.engine.accept()
    await bob.wait_state(CallState.CONNECTED)
    await ada.wait_state(CallState.CONNECTED)
    since = time.monotonic()
    for pictures in (await bob.wait_pictures(30, after=since),
                     await ada.wait_pictures(30, after=since)):
        assert _increasing([p.counter for p in pictures if p.counter is not None])
        assert (pictures[-1].width, pictures[-1].height) == (320, 240)
    assert ada.info is not None and ada.info.video_codec == "VP8"
    # media messages went through the relay too
    await ada.engine.set_video(False)
    await bob.wait_for(lambda: bob.info is not None and not bob.info.remote_video)
    await bob.engine.hang_up()
    ended = await ada.wait_state(CallState.ENDED)
    assert ended.end_reason is EndReason.REMOTE_HUNG_UP
    await ada.engine.wait_idle()
    row = await _row(hub, info.id)
    assert row["status"] == "ended" and row["answered_at"] and row["ended_at"]
    relay = hub.app[CALL_RELAY]
    assert relay.rooms == {}  # both left the call's room
    assert Leftovers.take().new_since(before) == {}


async def test_a_relay_restart_while_it_rings_is_survived(
        hub: RunningHub, relay_hub: RelayHub, expected_logs: Any) -> None:
    world = CallWorld(hub, socketio_url=relay_hub.url)
    try:
        ada = await world.party("ada")
        bob = await world.party("bob")
        info = await ada.engine.place(bob.user_id)
        await bob.wait_state(CallState.RINGING)
        links = [p.signaling.link for p in (ada, bob)]  # type: ignore[attr-defined]
        assert [link.connections for link in links] == [1, 1]
        await relay_hub.stop()
        await relay_hub.start()
        async with asyncio.timeout(10):
            for link in links:
                await link.wait_connections(2)  # connected again, ada's call joined again
        assert ada.info is not None and ada.info.state is CallState.RINGING
        await bob.engine.accept()
        await ada.wait_state(CallState.CONNECTED)
        await bob.wait_state(CallState.CONNECTED)
        assert len(await bob.wait_pictures(10, after=time.monotonic())) >= 10
        assert len(await ada.wait_pictures(10, after=time.monotonic())) >= 10
        assert ada.states == [CallState.RINGING, CallState.CONNECTING, CallState.CONNECTED]
        await ada.engine.hang_up()
        assert (await bob.wait_state(CallState.ENDED)).end_reason is EndReason.REMOTE_HUNG_UP
        assert (await _row(hub, info.id))["status"] == "ended"
    finally:
        await world.aclose()


async def test_a_relay_that_stays_away_ends_the_ringing_call_with_its_reason(
        hub: RunningHub, relay_hub: RelayHub, expected_logs: Any) -> None:
    expected_logs.allow("gfdesk.call", "no connection to the signalling server")
    world = CallWorld(hub, socketio_url=relay_hub.url, lost_after_s=1.0)
    try:
        ada = await world.party("ada")
        bob = await world.party("bob")
        info = await ada.engine.place(bob.user_id)
        await bob.wait_state(CallState.RINGING)
        await relay_hub.stop()
        ended = await ada.wait_state(CallState.ENDED)
        assert ended.end_reason is EndReason.SIGNALLING_LOST
        # The row says so, and bob's phone stops ringing.
        assert (await bob.wait_state(CallState.ENDED)).end_reason is EndReason.CANCELLED
        await ada.engine.wait_idle()
        assert (await _row(hub, info.id))["status"] == "ended"
    finally:
        await world.aclose()
