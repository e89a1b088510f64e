"""The call as the windows see it: a Qt model over the ``CallService``.

``CallModel`` turns the engine's ``CallInfo`` snapshots into Qt signals, owns what a
call shows and plays on this side (the other side's picture through a ``QVideoSink``,
our self-view as small images, the speaker and the microphone), and takes the windows'
plain calls (``place_call``, ``accept``, ``hang_up``, ``set_muted`` ...) as tasks owned
by itself. Widgets never await.

Media per call: the camera chosen in Settings (the others are what "switch camera"
cycles through), or the synthetic test pattern when no camera exists; the microphone,
or the synthetic tone when none opens. Both fallbacks are announced through
``sources_changed`` so the window labels them.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices

from gfdesk import bridge
from gfdesk.calls.audio import AudioOutput, MicInput
from gfdesk.calls.callmedia import CallMedia, TrackFactory
from gfdesk.calls.engine import CallError
from gfdesk.calls.render import Surface, VideoRenderer
from gfdesk.calls.service import CallService, CallSetup
from gfdesk.calls.states import CallInfo, CallKind, CallState
from gfdesk.calls.wording import SYNTHETIC_AUDIO, SYNTHETIC_VIDEO
from gfdesk.config import CallDevices
from gfdesk.kit.timer import NamedTimer
from gfdesk.log import call as log

if TYPE_CHECKING:
    from aiortc.mediastreams import MediaStreamTrack

    from gfdesk.calls.camera import Camera
    from gfdesk.calls.media import PushAudioTrack

#: How often the quality indicator is refreshed.
STATS_INTERVAL_MS = 1000
#: The synthetic picture sent when there is no camera.
SYNTHETIC_SIZE = (640, 360, 30.0)
#: Self-view pictures are scaled to this width before they are painted.
SELF_VIEW_WIDTH = 320


class _MicFeed:
    """Microphone audio on its way to the call's current pushed track (the track is
    made on the media thread, the microphone reads on the GUI thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._track: PushAudioTrack | None = None
        self.rate = 48000

    def make(self) -> MediaStreamTrack:
        from gfdesk.calls.media import PushAudioTrack

        track = PushAudioTrack(self.rate)
        with self._lock:
            self._track = track
        return track

    def push(self, pcm: bytes) -> None:
        with self._lock:
            track = self._track
        if track is not None:
            track.push(pcm)

    def clear(self) -> None:
        with self._lock:
            self._track = None


def audio_device(device_id: str | None, outputs: bool) -> QAudioDevice | None:
    """The QtMultimedia device with ``device_id`` (None: not found, use the default)."""
    if not device_id:
        return None
    devices = QMediaDevices.audioOutputs() if outputs else QMediaDevices.audioInputs()
    return next((d for d in devices if bytes(d.id().data()).decode("utf-8", "replace")
                 == device_id), None)


class CallModel(QObject):
    """One account's call, for the windows.

    Args:
        service: the account's call service (this model sets its media and listener).
        parent: the owner (its destruction cancels the model's tasks).

    Signals:
        call_changed(object): the call's ``CallInfo`` after every change; an ENDED one
            is the last of its call.
        name_changed(str): the other party's name, once known.
        stats_updated(object): the call's ``CallStats``, once a second while connected.
        sources_changed(str, str): what we send: the camera's name (or the synthetic
            picture's label) and the microphone's (or the tone's).
        notice(str): something the user should read (a call that could not start).
    """

    call_changed = Signal(object)
    name_changed = Signal(str)
    stats_updated = Signal(object)
    sources_changed = Signal(str, str)
    notice = Signal(str)

    def __init__(self, service: CallService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.info: CallInfo | None = None
        """The call now (None: none yet; an ENDED one stays until the next call)."""
        self.other_name = ""
        """The other party's name."""
        self.remote = VideoRenderer(Surface.VIDEO_SINK, parent=self)
        """The other side's picture (the window points it at its video widget's sink)."""
        self.local = VideoRenderer(Surface.IMAGE, parent=self, image_width=SELF_VIEW_WIDTH)
        """Our self-view, as small images."""
        self.setup: CallSetup | None = None
        self.camera_index = 0
        self.video_source = ""
        self.audio_source = ""
        self._mic_feed = _MicFeed()
        self._speaker: AudioOutput | None = None
        self._mic: MicInput | None = None
        self._stats_timer = NamedTimer(self, "calls:stats", interval_ms=STATS_INTERVAL_MS)
        self._stats_timer.timeout.connect(self._on_stats_timer_timeout)
        service.bind(self.make_media, self.on_change)

    # -- the engine's side -------------------------------------------------------------

    def make_media(self, info: CallInfo) -> CallMedia:
        """The engine's media factory: this call's sources and sinks (GUI thread)."""
        setup = self.setup
        media = CallMedia(remote_video=self.remote, local_video=self.local)
        cameras = setup.cameras if setup is not None else ()
        if info.kind is CallKind.VIDEO:
            media.video = self._video_factory(cameras[self.camera_index] if cameras else None)
        devices = setup.devices if setup is not None else CallDevices()
        self._speaker = AudioOutput(audio_device(devices.speaker, True), self)
        if self._speaker.start():
            media.remote_audio = self._speaker
        self._mic = MicInput(audio_device(devices.microphone, False), self)
        self._mic_feed.clear()
        if self._mic.start(self._mic_feed.push):
            self._mic_feed.rate = self._mic.rate
            media.audio = self._mic_feed.make
            self.audio_source = "Microphone"
        else:
            media.audio = _tone
            self.audio_source = SYNTHETIC_AUDIO
        self.video_source = (cameras[self.camera_index].description if cameras
                             else SYNTHETIC_VIDEO) if info.kind is CallKind.VIDEO else ""
        self.sources_changed.emit(self.video_source, self.audio_source)
        return media

    @staticmethod
    def _video_factory(camera: Camera | None) -> TrackFactory:
        if camera is None:
            width, height, fps = SYNTHETIC_SIZE

            def synthetic() -> MediaStreamTrack:
                from gfdesk.calls.media import SyntheticVideoTrack

                return SyntheticVideoTrack(width, height, fps)

            return synthetic

        def open_camera() -> MediaStreamTrack:
            from gfdesk.calls.camera import CameraTrack

            return CameraTrack(camera)

        return open_camera

    def on_change(self, info: CallInfo) -> None:
        """The engine's listener (on the GUI loop)."""
        new_call = self.info is None or self.info.id != info.id
        self.info = info
        if new_call:
            self.other_name = self.service.cached_name(info.other_id) or ""
            bridge.spawn(self._look_up_name(info), name="calls:name", owner=self)
        if info.state is CallState.CONNECTED:
            if not self._stats_timer.isActive():
                self._stats_timer.start()
        else:
            self._stats_timer.stop()
        if info.state is CallState.ENDED:
            self._stop_devices()
            bridge.spawn(self._clear_when_idle(), name="calls:clear", owner=self)
        self.call_changed.emit(info)

    async def _look_up_name(self, info: CallInfo) -> None:
        name = await self.service.name_of(info.other_id)
        if self.info is not None and self.info.id == info.id and name != self.other_name:
            self.other_name = name
            self.name_changed.emit(name)

    async def _clear_when_idle(self) -> None:
        # Pictures may still come while the peer closes; clear once it is closed.
        await self.service.engine.wait_idle()
        if self.busy:
            return
        self.remote.clear()
        self.local.clear()

    def _stop_devices(self) -> None:
        self._mic_feed.clear()
        mic, self._mic = self._mic, None
        if mic is not None:
            mic.stop()
            mic.deleteLater()
        speaker, self._speaker = self._speaker, None
        if speaker is not None:
            speaker.stop()
            speaker.deleteLater()

    # -- what the windows ask for ------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A call rings, connects or is connected."""
        return self.info is not None and self.info.state is not CallState.ENDED

    @property
    def cameras(self) -> tuple[Camera, ...]:
        return self.setup.cameras if self.setup is not None else ()

    def place_call(self, user_id: str, kind: CallKind = CallKind.VIDEO) -> None:
        """Call ``user_id`` (from a friend's row or a direct chat)."""
        if self.busy:
            self.notice.emit(self.tr("You are already in a call."))
            return
        bridge.spawn(self._place(user_id, kind), name="calls:place", owner=self,
                     group="action")

    async def _place(self, user_id: str, kind: CallKind) -> None:
        try:
            await self._prepare()
            await self.service.engine.place(user_id, kind)
        except CallError as exc:
            self.notice.emit(self.tr("Cannot call now: {reason}.").format(reason=exc))
        except Exception as exc:
            log.warning("call: could not be placed (%s: %s)", type(exc).__name__, exc)
            self.notice.emit(self.tr("The call could not be placed; see the log."))

    async def _prepare(self) -> None:
        self.setup = await self.service.prepare()
        self.camera_index = 0

    def accept(self) -> None:
        """Accept the incoming call that rings."""
        bridge.spawn(self._accept(), name="calls:accept", owner=self, group="action")

    async def _accept(self) -> None:
        try:
            await self._prepare()
            await self.service.engine.accept()
        except CallError:
            pass  # it stopped ringing meanwhile: its row said why
        except Exception as exc:
            log.warning("call: could not be accepted (%s: %s)", type(exc).__name__, exc)
            self.notice.emit(self.tr("The call could not be answered; see the log."))

    def decline(self) -> None:
        """Refuse the incoming call that rings."""
        bridge.spawn(self._quietly(self.service.engine.decline()), name="calls:decline",
                     owner=self)

    def hang_up(self) -> None:
        """End the call (cancel it while it rings; decline it if it rings here)."""
        bridge.spawn(self._quietly(self.service.engine.hang_up()), name="calls:hang-up",
                     owner=self)

    def set_muted(self, muted: bool) -> None:
        bridge.spawn(self._quietly(self.service.engine.set_audio(not muted)),
                     name="calls:mute", owner=self, group="mute")

    def set_camera_on(self, on: bool) -> None:
        bridge.spawn(self._quietly(self.service.engine.set_video(on)), name="calls:camera",
                     owner=self, group="camera")

    def switch_camera(self) -> None:
        """Send from the next camera (there must be more than one)."""
        cameras = self.cameras
        if len(cameras) < 2:
            return
        self.camera_index = (self.camera_index + 1) % len(cameras)
        camera = cameras[self.camera_index]
        self.video_source = camera.description
        self.sources_changed.emit(self.video_source, self.audio_source)
        bridge.spawn(self._quietly(self.service.engine.switch_video(
            self._video_factory(camera))), name="calls:switch-camera", owner=self,
            group="camera")

    @staticmethod
    async def _quietly(action: Any) -> None:
        try:
            await action
        except CallError:
            pass  # the call moved on (ended, stopped ringing) before this ran

    def _on_stats_timer_timeout(self) -> None:
        bridge.spawn(self._poll_stats(), name="calls:stats", owner=self, group="stats")

    async def _poll_stats(self) -> None:
        stats = await self.service.engine.stats()
        if stats is not None and self.busy:
            self.stats_updated.emit(stats)

    # -- lifecycle ----------------------------------------------------------------------

    async def start(self) -> None:
        await self.service.start()

    async def aclose(self) -> None:
        self._stats_timer.stop()
        await self.service.aclose()
        self._stop_devices()


def _tone() -> MediaStreamTrack:
    from gfdesk.calls.media import ToneTrack

    return ToneTrack()
