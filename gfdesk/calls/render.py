"""Pictures of a call on a Qt surface: ``av.VideoFrame`` -> ``QVideoFrame`` -> ``QVideoSink``.

Decoded pictures are YUV 4:2:0, which Qt's video pipeline takes as it is (it converts
to RGB on the GPU, or in its own optimised code): ``to_video_frame`` only copies the
three planes into a new ``QVideoFrame``, with no colour conversion in Python. The copy
goes row by row when the strides differ (PyAV pads rows for its SIMD code: 1408 bytes
for a 1366-pixel row where Qt uses 1376), in one piece per plane when they match. A
``QVideoFrame`` cannot wrap PyAV's memory from Python (``QAbstractVideoBuffer``
subclasses crash), so one copy is the floor. ``to_image`` is the fallback for
surfaces that paint a ``QImage``: one conversion to 32-bit RGB by FFmpeg's swscale,
into an image that is reused from picture to picture.

``VideoRenderer`` is the sink the call's media thread hands pictures to: it keeps only
the newest (``sinks.LatestFrame``) and wakes the GUI thread with one queued signal per
burst, so a GUI slower than the frame rate skips pictures instead of queueing them.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat, QVideoSink

from gfdesk.calls.planes import plane_view
from gfdesk.calls.sinks import LatestFrame

if TYPE_CHECKING:
    from av import VideoFrame


def _copy_plane(dst: memoryview, dst_stride: int, src: memoryview, src_stride: int,
                row_bytes: int, rows: int) -> None:
    row_bytes = min(row_bytes, dst_stride, src_stride)
    # Qt gives an odd-height picture's chroma planes height // 2 rows, PyAV
    # (height + 1) // 2: copy the rows both have.
    rows = min(rows, (len(dst) - row_bytes) // dst_stride + 1,
               (len(src) - row_bytes) // src_stride + 1)
    if dst_stride == src_stride:
        size = min(src_stride * rows, len(dst), len(src))
        dst[:size] = src[:size]
        return
    for row in range(rows):
        d, s = row * dst_stride, row * src_stride
        dst[d:d + row_bytes] = src[s:s + row_bytes]


def to_video_frame(frame: VideoFrame) -> QVideoFrame:
    """A new ``QVideoFrame`` (YUV420P) holding a copy of ``frame``'s planes."""
    if frame.format.name != "yuv420p":
        frame = frame.reformat(format="yuv420p")
    width, height = frame.width, frame.height
    video = QVideoFrame(QVideoFrameFormat(QSize(width, height),
                                          QVideoFrameFormat.PixelFormat.Format_YUV420P))
    if not video.map(QVideoFrame.MapMode.WriteOnly):
        raise RuntimeError(f"cannot map a {width}x{height} video frame")
    try:
        for index, plane in enumerate(frame.planes):
            rows = height if index == 0 else (height + 1) // 2
            row_bytes = width if index == 0 else (width + 1) // 2
            _copy_plane(memoryview(video.bits(index)), video.bytesPerLine(index), plane_view(plane),
                        plane.line_size, row_bytes, rows)
    finally:
        video.unmap()
    return video


def to_image(frame: VideoFrame, into: QImage | None = None, width: int | None = None
             ) -> QImage:
    """A ``QImage`` (RGB32) of ``frame``: the fallback for surfaces that paint images.

    Args:
        frame: the picture.
        into: an image of the same size to write into (reused: a fresh 8 MB image per
            1080p picture costs more in page faults than the copy itself).
        width: scale down to this width (a self-view), in the same swscale pass.
    """
    if width is not None and 0 < width < frame.width:
        height = max(2, round(frame.height * width / frame.width) & ~1)
        # QImage's RGB32 is B, G, R, A bytes in memory
        rgb = frame.reformat(width=width, height=height, format="bgra")
    else:
        rgb = frame.reformat(format="bgra")
    image = into
    if image is None or (image.width(), image.height()) != (rgb.width, rgb.height):
        image = QImage(rgb.width, rgb.height, QImage.Format.Format_RGB32)
    plane = rgb.planes[0]
    _copy_plane(memoryview(image.bits()), image.bytesPerLine(), plane_view(plane),
                plane.line_size, rgb.width * 4, rgb.height)
    return image


class Surface(enum.Enum):
    """How a renderer hands pictures to Qt."""

    #: ``QVideoFrame`` into a ``QVideoSink`` (no colour conversion in Python).
    VIDEO_SINK = "video sink"
    #: ``QImage`` for a widget that paints it (``image``).
    IMAGE = "image"


class VideoRenderer(QObject):
    """Shows the newest picture of a call; ``deliver`` may be called from any thread.

    Args:
        surface: video sink or image.
        sink: the ``QVideoSink`` to feed (one is made if None; a ``QVideoWidget``'s
            ``videoSink()`` in a window).
        parent: the owner.
        image_width: with the image surface, scale pictures down to this width (a
            small self-view need not convert every pixel of a 720p camera).

    Signals:
        frame_shown(int): a picture reached the surface; carries how many so far.
        _arrived(): internal, queued from the media thread to wake the GUI thread.
    """

    frame_shown = Signal(int)
    _arrived = Signal()

    def __init__(self, surface: Surface = Surface.VIDEO_SINK, sink: QVideoSink | None = None,
                 parent: QObject | None = None, *, image_width: int | None = None) -> None:
        super().__init__(parent)
        self.surface = surface
        self._image_width = image_width
        self.sink = sink if sink is not None else QVideoSink(self)
        self._slot: LatestFrame[VideoFrame] = LatestFrame()
        #: The last picture shown, as a QImage (IMAGE surface only).
        self.image: QImage | None = None
        #: The last picture shown, as decoded (for tests and measurements).
        self.last_frame: VideoFrame | None = None
        #: Pictures shown so far.
        self.shown = 0
        self._arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @property
    def skipped(self) -> int:
        """Pictures replaced by a newer one before the GUI got to them."""
        return self._slot.skipped

    def deliver(self, frame: VideoFrame) -> None:
        """Take a picture (from the media thread); the GUI thread shows the newest."""
        if self._slot.put(frame):
            self._arrived.emit()

    def set_sink(self, sink: QVideoSink) -> None:
        """Show pictures on ``sink`` from now on (a pop-out window's), the last one at
        once."""
        self.sink = sink
        if self.surface is Surface.VIDEO_SINK and self.last_frame is not None:
            sink.setVideoFrame(to_video_frame(self.last_frame))

    def clear(self) -> None:
        """Show nothing (the call ended or the camera went off)."""
        self._slot.take()
        self.last_frame = None
        self.image = None
        self.sink.setVideoFrame(QVideoFrame())

    @Slot()
    def _show(self) -> None:
        frame = self._slot.take()
        if frame is None:
            return
        if self.surface is Surface.VIDEO_SINK:
            self.sink.setVideoFrame(to_video_frame(frame))
        else:
            self.image = to_image(frame, self.image, self._image_width)
        self.last_frame = frame
        self.shown += 1
        self.frame_shown.emit(self.shown)
