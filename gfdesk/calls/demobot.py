"""The demo world's calling friend: answers calls with the synthetic picture, echoes the
caller's sound back, and calls the demo user once, a while after start. Qt-free.

It is a client, not a hub bot: the hub must import no client code (the import
contracts), and the call engine is client code through and through (the connection
supervisor, the official clients). So the composition root starts it beside the
embedded demo hub, for the demo profile only, signed in as one of the demo's bot
friends exactly as a phone would be: its calls go through the hub's REST, realtime
and row rules like everyone's.

``DemoCallBot.start_in_thread`` runs it on a thread and loop of its own (its media on
the call's media thread as always), so nothing of it runs on the GUI thread; ``stop``
hangs up, signs out and joins the thread.
"""

from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING, Any

import keyring.backends.null

from gfdesk.calls.callmedia import CallMedia
from gfdesk.calls.engine import CallEngine, CallError
from gfdesk.calls.signaling import RealtimeSignaling
from gfdesk.calls.states import CallInfo, CallKind, CallState, Direction
from gfdesk.core.backend import BackendService
from gfdesk.log import call as log

if TYPE_CHECKING:
    from av import AudioFrame
    from av.audio.resampler import AudioResampler

    from gfdesk.calls.media import PushAudioTrack
    from gfdesk.core.backend import Credentials

#: The bot calls the demo user this long after it started.
CALL_AFTER_S = 40.0
#: It "picks up" this long after a call starts ringing.
ANSWER_AFTER_S = 1.5
#: The synthetic picture it sends.
SIZE = (640, 360, 30.0)
#: How long ``stop`` waits for the bot's thread.
STOP_TIMEOUT_S = 15.0


class _Echo:
    """Received sound, sent back: the sink of the call's audio and the source of the
    audio it sends (both on the media thread)."""

    def __init__(self) -> None:
        self._track: PushAudioTrack | None = None
        self._resampler: AudioResampler | None = None
        #: Frames echoed.
        self.frames = 0

    def make(self) -> Any:
        from gfdesk.calls.media import PushAudioTrack

        self._track = PushAudioTrack()
        return self._track

    def deliver(self, frame: AudioFrame) -> None:
        from av.audio.resampler import AudioResampler

        from gfdesk.calls.media import AUDIO_RATE, pcm_of

        track = self._track
        if track is None:
            return
        if self._resampler is None:
            self._resampler = AudioResampler(format="s16", layout="mono", rate=AUDIO_RATE)
        for mono in self._resampler.resample(frame):
            track.push(pcm_of(mono))
        self.frames += 1


class DemoCallBot:
    """A bot friend who takes and makes video calls.

    Args:
        url: the hub's API URL.
        anon_key: its anon key.
        credentials: the bot friend's login.
        callee_username: whom it calls once (the demo user).
        call_after_s: when it calls, after start (None: never).
        answer_after_s: how long it lets a call ring before it answers.
    """

    def __init__(self, url: str, anon_key: str, credentials: Credentials, *,
                 callee_username: str, call_after_s: float | None = CALL_AFTER_S,
                 answer_after_s: float = ANSWER_AFTER_S) -> None:
        self._url = url
        self._anon_key = anon_key
        self._credentials = credentials
        self._callee_username = callee_username
        self._call_after_s = call_after_s
        self._answer_after_s = answer_after_s
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()
        self._engine: CallEngine | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self.echo = _Echo()
        """The echo of the current call (for tests: frames echoed)."""
        self.user_id = ""
        """The bot's user id, once signed in."""
        self.states: list[CallState] = []
        """Every state its calls went through."""

    def start_in_thread(self, *, wait: bool = True) -> None:
        """Start on a thread of its own; with ``wait``, return once it listens for calls
        (or failed)."""
        self._thread = threading.Thread(target=self._main, name="demo-call-bot", daemon=True)
        self._thread.start()
        if wait:
            self._ready.wait(STOP_TIMEOUT_S)

    def _main(self) -> None:
        asyncio.run(self.run())

    async def run(self) -> None:
        """Sign in, answer calls and call once, until ``stop``."""
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        backend = BackendService(self._url, self._anon_key, label="demo call bot",
                                 on_status=lambda _status: None,
                                 keyring_backend=keyring.backends.null.Keyring())  # type: ignore[no-untyped-call]
        try:
            await self._serve(backend)
        except Exception as exc:  # the demo goes on without its calling friend
            log.warning("demo call bot stopped: %s: %s", type(exc).__name__, exc)
        finally:
            self._ready.set()
            for task in list(self._tasks):
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)
            if self._engine is not None:
                await self._engine.aclose()
            await backend.aclose()

    async def _serve(self, backend: BackendService) -> None:
        account = await backend.start(self._credentials)
        if account is None or backend.connection is None:
            raise RuntimeError(f"could not sign in ({backend.status.reason})")
        self.user_id = account.user_id
        signaling = RealtimeSignaling(backend.client, backend.connection, account.user_id)
        self._engine = CallEngine(signaling, account.user_id, media=self._media,
                                  on_change=self._on_change)
        await self._engine.start()
        await signaling.wait_live()
        log.info("demo call bot %s listens for calls", account.display_name)
        self._ready.set()
        if self._call_after_s is not None:
            self._spawn(self._call_once(backend), "call-once")
        assert self._stop is not None
        await self._stop.wait()

    def _spawn(self, coro: Any, purpose: str) -> None:
        task = asyncio.create_task(coro, name=f"demo-bot:{purpose}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _media(self, info: CallInfo) -> CallMedia:
        width, height, fps = SIZE

        def video() -> Any:
            from gfdesk.calls.media import SyntheticVideoTrack

            return SyntheticVideoTrack(width, height, fps)

        self.echo = _Echo()
        return CallMedia(audio=self.echo.make, video=video, remote_audio=self.echo)

    def _on_change(self, info: CallInfo) -> None:
        if not self.states or self.states[-1] is not info.state:
            self.states.append(info.state)
        if info.direction is Direction.INCOMING and info.state is CallState.RINGING:
            self._spawn(self._answer(info), "answer")

    async def _answer(self, info: CallInfo) -> None:
        await asyncio.sleep(self._answer_after_s)
        engine = self._engine
        if engine is None or engine.call is None or engine.call.id != info.id:
            return
        try:
            await engine.accept()
        except CallError:
            pass  # it stopped ringing meanwhile

    async def _call_once(self, backend: BackendService) -> None:
        assert self._call_after_s is not None
        await asyncio.sleep(self._call_after_s)
        rows = (await backend.client.table("profiles").select("id").eq(
            "username", self._callee_username).execute()).data
        engine = self._engine
        if not rows or engine is None or engine.call is not None:
            return
        row: Any = rows[0]
        try:
            await engine.place(str(row["id"]), CallKind.VIDEO)
        except CallError:
            pass  # busy with a call of its own

    def stop(self) -> None:
        """Hang up, sign out and end the thread (from any thread)."""
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(stop.set)
            except RuntimeError:
                pass  # its loop already ended
        if self._thread is not None:
            self._thread.join(STOP_TIMEOUT_S)
