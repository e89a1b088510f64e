"""Media sources of a call: the synthetic picture and tone, pushed microphone audio, and
a wrapper that shows what is sent (self-view). Qt-free; imports aiortc and av, so only
the call engine imports it, when a call starts.

Sources follow aiortc's ``MediaStreamTrack.recv`` shape and run on the call's media
loop (``peerthread``). The synthetic ones are what a machine without camera or
microphone sends, what ``gfdesk call`` sends, and what tests and the benchmark measure:
``SyntheticVideoTrack`` draws ``testpattern`` frames with a readable frame counter and
remembers when it made each one; ``ToneTrack`` plays a steady tone.
"""

from __future__ import annotations

import asyncio
import collections
import fractions
import math
import threading
import time
from array import array
from collections.abc import Callable

from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from av import AudioFrame, VideoFrame

from gfdesk.calls.planes import plane_view
from gfdesk.calls.sinks import PcmBuffer
from gfdesk.calls.testpattern import MODULUS, Geometry, PatternMaker

VIDEO_CLOCK_RATE = 90000
VIDEO_TIME_BASE = fractions.Fraction(1, VIDEO_CLOCK_RATE)
#: Sample rate of the synthetic tone and of pushed microphone audio.
AUDIO_RATE = 48000
#: Audio frame length (20 ms, what Opus packs into one packet).
AUDIO_PTIME_S = 0.020
#: Frequency and level (of full scale) of the synthetic tone.
TONE_HZ = 440
TONE_LEVEL = 0.25
#: Capture times remembered per source, for glass-to-glass (about 2 minutes at 30 fps).
CAPTURE_HISTORY = 4096
#: Microphone audio held before the encoder takes it; older audio is dropped.
MAX_PUSHED_S = 0.2


class Pacer:
    """Releases ticks at a fixed rate from its first tick, without drifting.

    Args:
        rate: ticks per second.
    """

    def __init__(self, rate: float) -> None:
        self.rate = rate
        self._start: float | None = None
        self.ticks = 0

    async def next(self) -> int:
        """Wait for the next tick; returns its number (0 first)."""
        now = time.monotonic()
        if self._start is None:
            self._start = now
        else:
            due = self._start + self.ticks / self.rate
            if due > now:
                await asyncio.sleep(due - now)
            elif now - due > 1.0:
                # Far behind (a stalled machine): start over instead of bursting.
                self._start, self.ticks = now, 0
        tick = self.ticks
        self.ticks += 1
        return tick


class SyntheticVideoTrack(MediaStreamTrack):
    """Moving colour bars with a frame counter, at a fixed size and rate.

    Args:
        width: picture width.
        height: picture height.
        fps: frames per second.
    """

    kind = "video"

    def __init__(self, width: int = 640, height: int = 360, fps: float = 30.0) -> None:
        super().__init__()
        self.width, self.height, self.fps = width, height, fps
        probe = VideoFrame(width, height, "yuv420p")
        self._maker = PatternMaker(Geometry(width, height, (
            probe.planes[0].line_size, probe.planes[1].line_size, probe.planes[2].line_size)))
        self._pacer = Pacer(fps)
        self._counter = 0
        self._captured: collections.OrderedDict[int, float] = collections.OrderedDict()
        self._lock = threading.Lock()

    async def recv(self) -> VideoFrame:
        if self.readyState != "live":
            raise MediaStreamError
        tick = await self._pacer.next()
        counter = self._counter % MODULUS
        self._counter += 1
        frame = VideoFrame(self.width, self.height, "yuv420p")
        for plane, data in zip(frame.planes, self._maker.planes(counter), strict=True):
            plane.update(data)
        frame.pts = round(tick * VIDEO_CLOCK_RATE / self.fps)
        frame.time_base = VIDEO_TIME_BASE
        with self._lock:
            self._captured[counter] = time.monotonic()
            if len(self._captured) > CAPTURE_HISTORY:
                self._captured.popitem(last=False)
        return frame

    @property
    def frames(self) -> int:
        """Frames made so far."""
        return self._counter

    def captured_at(self, counter: int) -> float | None:
        """When (``time.monotonic``) frame ``counter`` was made, if still remembered."""
        with self._lock:
            return self._captured.get(counter)

    def captures(self) -> dict[int, float]:
        """Every remembered frame number and when it was made."""
        with self._lock:
            return dict(self._captured)


def _tone_table(rate: int, hz: int, level: float) -> bytes:
    # One second holds a whole number of periods for any integer frequency, so
    # slicing it round and round never clicks.
    amplitude = level * 32767
    samples = array("h", (round(amplitude * math.sin(2 * math.pi * hz * i / rate))
                          for i in range(rate)))
    return samples.tobytes()


class ToneTrack(MediaStreamTrack):
    """A steady sine tone, mono 16-bit.

    Args:
        hz: the tone's frequency.
        level: its amplitude, a fraction of full scale.
    """

    kind = "audio"

    def __init__(self, hz: int = TONE_HZ, level: float = TONE_LEVEL) -> None:
        super().__init__()
        self._table = _tone_table(AUDIO_RATE, hz, level)
        self._samples = int(AUDIO_RATE * AUDIO_PTIME_S)
        self._pacer = Pacer(1 / AUDIO_PTIME_S)

    async def recv(self) -> AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        tick = await self._pacer.next()
        start = (tick * self._samples) % AUDIO_RATE
        data = self._table[start * 2:(start + self._samples) * 2]
        return audio_frame(data, tick * self._samples)


def audio_frame(pcm: bytes, pts: int, *, rate: int = AUDIO_RATE) -> AudioFrame:
    """A mono s16 frame of ``pcm`` with ``pts`` in samples."""
    samples = len(pcm) // 2
    frame = AudioFrame(format="s16", layout="mono", samples=samples)
    plane = frame.planes[0]
    plane.update(pcm + bytes(plane.buffer_size - len(pcm)))
    frame.pts = pts
    frame.sample_rate = rate
    frame.time_base = fractions.Fraction(1, rate)
    return frame


def pcm_of(frame: AudioFrame) -> bytes:
    """The interleaved samples of a packed (s16) frame, without the plane's padding.

    ``bytes(frame.planes[0])`` is the whole allocated plane, several times longer than
    the audio in it (padding); this keeps exactly ``samples * channels`` samples.
    """
    size = frame.samples * len(frame.layout.channels) * frame.format.bytes
    return bytes(plane_view(frame.planes[0])[:size])


class PushAudioTrack(MediaStreamTrack):
    """Audio pushed from another thread (the microphone), sent as 20 ms frames.

    ``push`` takes mono s16 PCM at ``rate`` from any thread; ``recv`` paces 20 ms frames
    and sends silence when nothing came (so an idle microphone does not stall the
    encoder's clock). At most ``MAX_PUSHED_S`` waits: a stalled sender drops the oldest.

    Args:
        rate: the sample rate of pushed audio.
    """

    kind = "audio"

    def __init__(self, rate: int = AUDIO_RATE) -> None:
        super().__init__()
        self.rate = rate
        self._samples = int(rate * AUDIO_PTIME_S)
        self._buffer = PcmBuffer(int(rate * MAX_PUSHED_S) * 2, frame_bytes=2)
        self._pacer = Pacer(1 / AUDIO_PTIME_S)

    @property
    def dropped(self) -> int:
        """Bytes dropped because nobody took them in time."""
        return self._buffer.dropped

    def push(self, pcm: bytes) -> None:
        self._buffer.push(pcm)

    async def recv(self) -> AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        tick = await self._pacer.next()
        size = self._samples * 2
        data = self._buffer.take(size)
        return audio_frame(data + bytes(size - len(data)), tick * self._samples,
                           rate=self.rate)


class SwitchTrack(MediaStreamTrack):
    """The track a sender keeps for the whole call; its source can be swapped or removed.

    With no source, ``recv`` waits, so the sender sends nothing (mute, camera off)
    while it and the connection stay as they are; a new source (the camera turned back
    on) picks up where the last one left. Frames are stamped here (video on a 90 kHz
    clock from the first frame, audio by samples sent), so the stream's timestamps run
    on across source changes. Each frame is shown to ``on_frame`` (the self-view,
    counting) before the encoder gets it.

    Args:
        kind: "audio" or "video".
        on_frame: called with every frame sent, on the media loop; must be quick.
    """

    def __init__(self, kind: str,
                 on_frame: Callable[[VideoFrame | AudioFrame], None] | None = None) -> None:
        super().__init__()
        self.kind = kind
        self.source: MediaStreamTrack | None = None
        self._on_frame = on_frame
        self._changed = asyncio.Event()
        self._start: float | None = None
        self._samples = 0

    def set_source(self, source: MediaStreamTrack | None) -> None:
        """Send from ``source`` from now on (None: send nothing); the old one stops."""
        old, self.source = self.source, source
        self._changed.set()
        if old is not None and old is not source:
            old.stop()

    async def recv(self) -> VideoFrame | AudioFrame:
        while True:
            if self.readyState != "live":
                raise MediaStreamError
            source = self.source
            if source is None:
                self._changed.clear()
                await self._changed.wait()
                continue
            try:
                frame = await source.recv()
            except MediaStreamError:
                if source is self.source:  # it ended by itself (a camera unplugged)
                    self.source = None
                continue
            if source is not self.source:
                continue  # swapped while it was being read: not this source's turn now
            assert isinstance(frame, VideoFrame | AudioFrame)
            self._stamp(frame)
            if self._on_frame is not None:
                self._on_frame(frame)
            return frame

    def _stamp(self, frame: VideoFrame | AudioFrame) -> None:
        if isinstance(frame, VideoFrame):
            now = time.monotonic()
            if self._start is None:
                self._start = now
            frame.pts = round((now - self._start) * VIDEO_CLOCK_RATE)
            frame.time_base = VIDEO_TIME_BASE
        else:
            frame.pts = self._samples
            frame.time_base = fractions.Fraction(1, frame.sample_rate)
            self._samples += frame.samples

    def stop(self) -> None:
        self.set_source(None)
        super().stop()
        self._changed.set()
