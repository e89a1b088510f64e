"""Where a call's frames go: the consumer protocols and the newest-frame slot. Qt-free.

The media loop hands every decoded frame to a ``FrameSink`` on its own thread, right
away, so nothing queues inside aiortc. A sink must return quickly; one that shows
pictures keeps only the newest (``LatestFrame``): if the GUI is slower than the frame
rate, it skips frames instead of falling behind.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")
F = TypeVar("F", contravariant=True)


class FrameSink(Protocol[F]):
    """Takes frames on the media thread (``av.VideoFrame`` or ``av.AudioFrame``)."""

    def deliver(self, frame: F) -> None: ...


class LatestFrame(Generic[T]):
    """A one-slot mailbox between threads: ``put`` replaces, ``take`` empties.

    ``put`` returns True when the slot was empty, i.e. when the consumer has to be woken
    (one wake per burst of frames, however many arrive before it runs).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._item: T | None = None
        #: Frames replaced before anyone took them.
        self.skipped = 0

    def put(self, item: T) -> bool:
        with self._lock:
            was_empty = self._item is None
            if not was_empty:
                self.skipped += 1
            self._item = item
        return was_empty

    def take(self) -> T | None:
        with self._lock:
            item, self._item = self._item, None
        return item


class FrameMeter:
    """Counts frames and keeps the last one's size, thread-safely (the quality
    indicator's resolution and frame rate, and the CLI's totals).

    Args:
        window_s: the frame rate is measured over this many seconds.
    """

    def __init__(self, window_s: float = 1.0) -> None:
        self._lock = threading.Lock()
        self._window_s = window_s
        self._window_start = time.monotonic()
        self._window_frames = 0
        #: Frames counted.
        self.frames = 0
        #: The last frame's size.
        self.width = 0
        self.height = 0
        self._fps = 0.0
        self._last_at = 0.0

    @property
    def fps(self) -> float:
        """Frames per second over the last full window (0 once frames stopped coming)."""
        with self._lock:
            if time.monotonic() - self._last_at > 2 * max(self._window_s, 0.5):
                return 0.0
            return self._fps

    def count(self, width: int = 0, height: int = 0) -> None:
        now = time.monotonic()
        with self._lock:
            self._last_at = now
            self.frames += 1
            self.width, self.height = width, height
            self._window_frames += 1
            elapsed = now - self._window_start
            if elapsed >= self._window_s:
                self._fps = self._window_frames / elapsed if elapsed > 0 else 0.0
                self._window_start, self._window_frames = now, 0


class CallbackSink(Generic[T]):
    """A sink that calls a function (tests, the CLI)."""

    def __init__(self, callback: Callable[[T], None]) -> None:
        self._callback = callback

    def deliver(self, frame: T) -> None:
        self._callback(frame)


class PcmBuffer:
    """Bounded bytes between threads (received audio on its way to the speaker).

    ``push`` appends and drops the oldest beyond ``limit`` bytes (a speaker that stalled
    must not play old audio late); ``take`` removes up to n bytes from the front.

    Args:
        limit: the most bytes held.
        frame_bytes: drops keep this alignment (one sample of every channel).
    """

    def __init__(self, limit: int, frame_bytes: int = 4) -> None:
        self._limit = limit - limit % frame_bytes
        self._frame_bytes = frame_bytes
        self._data = bytearray()
        self._lock = threading.Lock()
        #: Bytes dropped because the consumer fell behind.
        self.dropped = 0

    def __len__(self) -> int:
        with self._lock:
            return len(self._data)

    def push(self, data: bytes) -> bool:
        """Append ``data``; True when the buffer was empty (wake the consumer)."""
        with self._lock:
            was_empty = not self._data
            self._data += data
            excess = len(self._data) - self._limit
            if excess > 0:
                excess += -excess % self._frame_bytes
                del self._data[:excess]
                self.dropped += excess
        return was_empty

    def take(self, size: int) -> bytes:
        """Remove and return up to ``size`` bytes (whole frames)."""
        size -= size % self._frame_bytes
        with self._lock:
            data = bytes(self._data[:size])
            del self._data[:size]
        return data
