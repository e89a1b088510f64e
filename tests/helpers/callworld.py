"""Two (or more) call engines on the real hub, with recorders (``call_world`` fixture;
import it into a conftest).

Each ``Party`` is a signed-in user with its own client, connection supervisor,
``RealtimeSignaling`` (or ``SocketIOSignaling``, with ``socketio_url``) and
``CallEngine`` on synthetic media. What its engine reports is
recorded (``infos``; await ``wait_state``), and every received picture's frame counter
is read on the media thread (``pictures``; await ``wait_pictures``), so a test can
tell which of the other side's frames arrived and when.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from supabase import AsyncClient

from gfdesk.calls.callmedia import CallMedia, synthetic
from gfdesk.calls.engine import CallEngine
from gfdesk.calls.planes import plane_view
from gfdesk.calls.signaling import RealtimeSignaling
from gfdesk.calls.sinks import CallbackSink
from gfdesk.calls.sioclient import SignallingServer
from gfdesk.calls.siosignaling import SocketIOSignaling
from gfdesk.calls.states import CallInfo, CallState
from gfdesk.calls.testpattern import read_counter
from gfdesk.core.connection import ConnectionSupervisor
from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import user_client, user_id
from tests.helpers.supervisors import supervisor_for

HEARTBEAT_S = 0.5
#: Synthetic picture of the tests: small, so two peers in one process stay light.
WIDTH, HEIGHT, FPS = 320, 240, 30.0
#: Pictures remembered per party.
MAX_PICTURES = 2048


@dataclass(frozen=True)
class Picture:
    """A received picture: its frame counter (None: unreadable) and when it came."""

    counter: int | None
    at: float
    width: int
    height: int


@dataclass
class Party:
    """One user of the call world."""

    name: str
    client: AsyncClient
    user_id: str
    connection: ConnectionSupervisor
    signaling: RealtimeSignaling
    engine: CallEngine
    infos: list[CallInfo] = field(default_factory=list)
    media: list[CallMedia] = field(default_factory=list)
    pictures: deque[Picture] = field(default_factory=lambda: deque(maxlen=MAX_PICTURES))
    audio_frames: list[tuple[float, bytes]] = field(default_factory=list)
    _changed: asyncio.Event = field(default_factory=asyncio.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def info(self) -> CallInfo | None:
        return self.infos[-1] if self.infos else None

    @property
    def states(self) -> list[CallState]:
        seen: list[CallState] = []
        for info in self.infos:
            if not seen or seen[-1] is not info.state:
                seen.append(info.state)
        return seen

    def _record(self, info: CallInfo) -> None:
        self.infos.append(info)
        self._changed.set()

    async def wait_for(self, check: Callable[[], bool], timeout: float = 20.0) -> None:
        """Wait until ``check()`` holds (re-checked on every change)."""
        async with asyncio.timeout(timeout):
            while not check():
                self._changed.clear()
                await self._changed.wait()

    async def wait_state(self, state: CallState, timeout: float = 20.0) -> CallInfo:
        await self.wait_for(lambda: self.info is not None and self.info.state is state,
                            timeout)
        assert self.info is not None
        return self.info

    async def wait_pictures(self, count: int, *, after: float = 0.0,
                            timeout: float = 20.0) -> list[Picture]:
        """Wait for ``count`` readable pictures received after ``after``."""
        def fresh() -> list[Picture]:
            with self._lock:
                return [p for p in self.pictures if p.at > after and p.counter is not None]
        await self.wait_for(lambda: len(fresh()) >= count, timeout)
        return fresh()


    async def wait_for_size(self, width: int, height: int, *, readable: bool = True,
                            timeout: float = 20.0) -> Picture:
        """Wait for a picture of ``width`` x ``height`` (with a readable frame counter
        unless not ``readable``: a camera's picture has none); returns the first."""
        def first() -> Picture | None:
            with self._lock:
                return next((p for p in self.pictures if (p.width, p.height)
                             == (width, height) and (p.counter is not None or not readable)),
                            None)
        await self.wait_for(lambda: first() is not None, timeout)
        found = first()
        assert found is not None
        return found


class CallWorld:
    """Makes parties; closes their engines and supervisors at the end.

    Args:
        hub: the running hub.
        size: the synthetic picture (width, height, fps).
        socketio_url: carry each call's messages through the Socket.IO server at this
            URL (the hub's own call relay, or another hub's) instead of Realtime.
        lost_after_s: with ``socketio_url``: how long a call survives without it.
    """

    def __init__(self, hub: RunningHub, size: tuple[int, int, float] = (WIDTH, HEIGHT, FPS),
                 *, socketio_url: str | None = None, lost_after_s: float | None = None
                 ) -> None:
        self.hub = hub
        self.size = size
        self.socketio_url = socketio_url
        self.lost_after_s = lost_after_s
        self.parties: list[Party] = []

    def _signaling(self, client: AsyncClient, connection: ConnectionSupervisor,
                   uid: str) -> RealtimeSignaling:
        if self.socketio_url is None:
            return RealtimeSignaling(client, connection, uid)
        signaling = SocketIOSignaling(client, connection, uid,
                                      SignallingServer(self.socketio_url, self.hub.anon_key))
        if self.lost_after_s is not None:
            signaling.link.lost_after_s = self.lost_after_s
        return signaling

    async def party(self, name: str, *, email: str | None = None,
                    password: str | None = None, **engine_options: Any) -> Party:
        """A user (``name@example.com`` unless ``email`` and ``password`` sign in an
        existing one) with a started engine whose rows are live."""
        extra = {} if password is None else {"password": password}
        client = await user_client(self.hub, email or f"{name}@example.com", username=name,
                                   display_name=name.capitalize(), **extra)
        uid = await user_id(client)
        connection = supervisor_for(client, heartbeat_s=HEARTBEAT_S)
        connection.start()
        signaling = self._signaling(client, connection, uid)
        loop = asyncio.get_running_loop()
        base = synthetic(*self.size)
        holder: list[Party] = []

        def on_picture(frame: Any) -> None:  # on the media thread
            party = holder[0]
            plane = frame.planes[0]
            picture = Picture(read_counter(plane_view(plane), frame.width, frame.height,
                                           plane.line_size),
                              time.monotonic(), frame.width, frame.height)
            with party._lock:
                party.pictures.append(picture)
            loop.call_soon_threadsafe(party._changed.set)

        def on_audio(frame: Any) -> None:
            from gfdesk.calls.media import pcm_of

            party = holder[0]
            with party._lock:
                party.audio_frames.append((time.monotonic(), pcm_of(frame)))
                del party.audio_frames[:-500]
            loop.call_soon_threadsafe(party._changed.set)

        def media(info: CallInfo) -> CallMedia:
            made = base(info)
            made.remote_video = CallbackSink(on_picture)
            made.remote_audio = CallbackSink(on_audio)
            holder[0].media.append(made)
            return made

        engine = CallEngine(signaling, uid, media=media, **engine_options)
        party = Party(name, client, uid, connection, signaling, engine)
        holder.append(party)
        engine.add_listener(party._record)
        self.parties.append(party)
        await engine.start()
        await signaling.wait_live()
        return party

    async def aclose(self) -> None:
        for party in self.parties:
            await party.engine.aclose()
            await party.connection.aclose()


@pytest.fixture
async def call_world(hub: RunningHub, tmp_path: Path) -> AsyncIterator[CallWorld]:
    world = CallWorld(hub)
    try:
        yield world
    finally:
        await world.aclose()
