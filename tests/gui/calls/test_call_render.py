"""A call between two engines through the hub, on the GUI's loop (qasync), with the
pictures going to Qt render surfaces: the other side's picture and our self-view."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from PySide6.QtMultimedia import QVideoFrame
from PySide6.QtWidgets import QApplication

from gfdesk.calls.callmedia import CallMedia, synthetic
from gfdesk.calls.engine import CallEngine
from gfdesk.calls.render import VideoRenderer
from gfdesk.calls.signaling import RealtimeSignaling
from gfdesk.calls.states import CallInfo, CallState
from gfdesk.calls.testpattern import read_counter
from gfdesk.core.connection import ConnectionSupervisor
from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import user_client, user_id
from tests.helpers.supervisors import supervisor_for

pytestmark = pytest.mark.slow

#: Pictures each surface must show.
PICTURES = 15
TIMEOUT_S = 20.0


class Side:
    """One party whose engine sends the other side's pictures and its own to renderers."""

    def __init__(self, user_id: str, connection: ConnectionSupervisor,
                 signaling: RealtimeSignaling) -> None:
        self.user_id = user_id
        self.connection = connection
        self.remote = VideoRenderer()
        self.local = VideoRenderer()
        self.changed = asyncio.Event()
        self.infos: list[CallInfo] = []
        self.engine = CallEngine(signaling, user_id, media=self.media, on_change=self.record)

    def media(self, info: CallInfo) -> CallMedia:
        made = synthetic(320, 240, 30)(info)
        made.remote_video = self.remote
        made.local_video = self.local
        return made

    def record(self, info: CallInfo) -> None:
        self.infos.append(info)
        self.changed.set()

    async def wait_state(self, state: CallState) -> None:
        async with asyncio.timeout(TIMEOUT_S):
            while not self.infos or self.infos[-1].state is not state:
                self.changed.clear()
                await self.changed.wait()


@pytest.fixture
async def sides(qapp: QApplication, hub: RunningHub) -> AsyncIterator[list[Side]]:
    made: list[Side] = []
    for name in ("ada", "bob"):
        client = await user_client(hub, f"{name}@example.com", username=name)
        uid = await user_id(client)
        connection = supervisor_for(client)
        connection.start()
        signaling = RealtimeSignaling(client, connection, uid)
        side = Side(uid, connection, signaling)
        made.append(side)
        await side.engine.start()
        await signaling.wait_live()
    yield made
    for side in made:
        await side.engine.aclose()
        await side.connection.aclose()


def _counter_on_surface(renderer: VideoRenderer) -> int | None:
    video = renderer.sink.videoFrame()
    assert video.map(QVideoFrame.MapMode.ReadOnly)
    try:
        return read_counter(memoryview(video.bits(0)), video.width(), video.height(),
                            video.bytesPerLine(0))
    finally:
        video.unmap()


async def _until_shown(renderer: VideoRenderer, count: int) -> None:
    shown = asyncio.Event()

    def check(total: int) -> None:
        if total >= count:
            shown.set()

    renderer.frame_shown.connect(check)
    try:
        async with asyncio.timeout(TIMEOUT_S):
            if renderer.shown < count:
                await shown.wait()
    finally:
        renderer.frame_shown.disconnect(check)


async def test_pictures_of_a_call_reach_the_render_surfaces_on_both_sides(
        sides: list[Side]) -> None:
    ada, bob = sides
    await ada.engine.place(bob.user_id)
    await bob.wait_state(CallState.RINGING)
    await bob.engine.accept()
    await ada.wait_state(CallState.CONNECTED)
    for side in (ada, bob):
        await _until_shown(side.remote, PICTURES)
        await _until_shown(side.local, PICTURES)
        assert _counter_on_surface(side.remote) is not None  # the other side's pattern
        assert _counter_on_surface(side.local) is not None  # our own, as sent
    await ada.engine.hang_up()
    await bob.engine.wait_idle()
