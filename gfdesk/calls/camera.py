"""Cameras through PyAV's capture devices: v4l2 on Linux, AVFoundation on macOS,
DirectShow on Windows. Qt-free; imports av, so only a call (or the device list of the
settings) imports it.

``list_cameras`` asks FFmpeg for the platform's video inputs (it blocks: run it in an
executor). ``CameraTrack`` is a call's video source: the device is opened in an
executor (``av.open`` of a device blocks, for seconds on some drivers), and a reader
thread decodes frames and keeps only the newest, which ``recv`` hands to the encoder,
so a camera faster than the encoder never builds a queue. Stopping the track ends the
reader within one frame (or one read timeout, for a camera that stopped delivering),
and the reader closes the device: turning the camera off in a call turns its light off.
"""

from __future__ import annotations

import asyncio
import contextlib
import glob
import sys
import threading
from dataclasses import dataclass
from typing import Any

import av
import av.device
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from av import VideoFrame

from gfdesk.calls.sinks import LatestFrame
from gfdesk.log import call as log

#: FFmpeg's capture format per platform (``sys.platform`` prefixes).
CAPTURE_FORMATS = {"linux": "v4l2", "darwin": "avfoundation", "win32": "dshow"}
#: Seconds ``av.open`` may take, and one read may wait for a frame.
OPEN_TIMEOUT_S, READ_TIMEOUT_S = 10.0, 1.0


@dataclass(frozen=True)
class Camera:
    """A capture device.

    Attributes:
        name: what FFmpeg opens (``/dev/video0``, ``0``, ``video=Integrated Camera``).
        description: what the settings show.
        format: FFmpeg's input format for it (``v4l2``, ``avfoundation``, ``dshow``).
    """

    name: str
    description: str
    format: str


def capture_format(platform: str = sys.platform) -> str | None:
    """FFmpeg's camera input format on ``platform`` (None: none known)."""
    return next((fmt for prefix, fmt in CAPTURE_FORMATS.items()
                 if platform.startswith(prefix)), None)


def list_cameras(platform: str = sys.platform) -> list[Camera]:
    """The cameras FFmpeg can open here (blocking: call it in an executor)."""
    fmt = capture_format(platform)
    if fmt is None:
        return []
    try:
        devices = av.device.enumerate_input_devices(fmt)
    except (av.FFmpegError, NotImplementedError, ValueError) as exc:
        log.info("call: %s cannot list its devices (%s)", fmt, exc)
        devices = []
    cameras = []
    for device in devices:
        if device.media_types and "video" not in device.media_types:
            continue
        name = f"video={device.name}" if fmt == "dshow" else device.name
        cameras.append(Camera(name, device.description or device.name, fmt))
    if not cameras and fmt == "v4l2":
        # Some builds list nothing; the device nodes are there all the same.
        cameras = [Camera(path, path, fmt) for path in sorted(glob.glob("/dev/video*"))]
    if not cameras and fmt == "avfoundation":
        # AVFoundation cannot enumerate through FFmpeg; index 0 is the default camera.
        cameras = [Camera("0", "Default camera", fmt)]
    return cameras


def _options(camera: Camera, width: int, height: int, fps: float) -> dict[str, str]:
    if camera.format in ("v4l2", "avfoundation", "dshow"):
        return {"video_size": f"{width}x{height}", "framerate": f"{fps:g}"}
    return {}


class CameraTrack(MediaStreamTrack):
    """Frames from a camera, newest first; opened on first ``recv``.

    Args:
        camera: the device.
        width: the size asked for (the device may give another).
        height: see width.
        fps: the rate asked for.
    """

    kind = "video"

    def __init__(self, camera: Camera, width: int = 1280, height: int = 720,
                 fps: float = 30.0) -> None:
        super().__init__()
        self.camera = camera
        self._size = (width, height, fps)
        self._latest: LatestFrame[VideoFrame] = LatestFrame()
        self._arrived = asyncio.Event()
        self._closed = asyncio.Event()
        self._stopping = threading.Event()
        self._reader: threading.Thread | None = None
        self._opening: asyncio.Future[Any] | None = None
        self._failed: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _open(self) -> Any:
        width, height, fps = self._size
        timeout = (OPEN_TIMEOUT_S, READ_TIMEOUT_S)
        options = _options(self.camera, width, height, fps)
        try:
            return av.open(self.camera.name, format=self.camera.format, options=options,
                           timeout=timeout)
        except av.FFmpegError:
            if not options:
                raise
            # The device refused the size or rate: take what it offers.
            return av.open(self.camera.name, format=self.camera.format, timeout=timeout)

    async def _start(self) -> None:
        self._loop = asyncio.get_running_loop()
        container = await self._loop.run_in_executor(None, self._open)
        if self._stopping.is_set():
            container.close()
            raise MediaStreamError
        log.info("call: camera %s open", self.camera.description)
        self._reader = threading.Thread(target=self._read, args=(container,),
                                        name="call-camera", daemon=True)
        self._reader.start()

    def _read(self, container: Any) -> None:
        loop = self._loop
        assert loop is not None
        try:
            while not self._stopping.is_set():
                try:
                    for frame in container.decode(video=0):
                        if frame.format.name != "yuv420p":
                            # Once, here, for the encoder and the self-view alike (and
                            # off the GUI thread and the media loop).
                            frame = frame.reformat(format="yuv420p")
                        if self._latest.put(frame):
                            loop.call_soon_threadsafe(self._arrived.set)
                        if self._stopping.is_set():
                            break
                    else:
                        break  # the device ended (unplugged)
                except av.error.TimeoutError:
                    continue  # no frame within the read timeout: check for stop
        except Exception as exc:
            log.warning("call: camera %s failed: %s", self.camera.description, exc)
            self._failed = exc
        finally:
            container.close()
            self._stopping.set()
            with contextlib.suppress(RuntimeError):  # the media loop already closed
                loop.call_soon_threadsafe(self._arrived.set)
                loop.call_soon_threadsafe(self._closed.set)

    async def recv(self) -> VideoFrame:
        if self.readyState != "live":
            raise MediaStreamError
        if self._opening is None:
            self._opening = asyncio.ensure_future(self._start())
            # Read even when nobody awaits it any more (the call ended while opening).
            self._opening.add_done_callback(lambda f: f.cancelled() or f.exception())
        try:
            await self._opening
        except (av.FFmpegError, OSError) as exc:
            log.warning("call: camera %s did not open: %s", self.camera.description, exc)
            self._stopping.set()
            raise MediaStreamError from exc
        while True:
            frame = self._latest.take()
            if frame is not None:
                return frame
            if self._stopping.is_set():
                raise MediaStreamError
            self._arrived.clear()
            await self._arrived.wait()

    def stop(self) -> None:
        self._stopping.set()
        self._arrived.set()
        super().stop()

    async def wait_closed(self) -> None:
        """Wait until the reader thread has ended and closed the device."""
        reader = self._reader
        if reader is not None:
            await self._closed.wait()
            reader.join()
