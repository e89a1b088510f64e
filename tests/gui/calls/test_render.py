"""av.VideoFrame -> Qt: the QVideoFrame copy (odd sizes, decoder strides), the newest-only
renderer, the QImage fallback, and a 10,000-frame soak of the chosen path."""

from __future__ import annotations

import asyncio
import gc
import queue
import sys
import threading
import time

import psutil
import pytest
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat
from PySide6.QtWidgets import QApplication

from gfdesk.bridge import next_emit
from gfdesk.calls.render import Surface, VideoRenderer, to_image, to_video_frame
from gfdesk.calls.testpattern import read_counter
from tests.helpers.videoframes import decoded_frames, pattern_frame

#: Frames of the soak, and what it may grow by after its warm-up.
SOAK_FRAMES = 10_000
WARMUP_FRAMES = 1_000
MAX_RSS_GROWTH_MB = 16.0
#: The soak is counted in this many slices, each against an idle spell as long: in a
#: full run, what earlier tests left behind moved None's references by -320 to -2,072
#: per slice (and -5,429 over a whole soak), busy or not; a reference gained or dropped
#: per frame (PySide6 6.12's bug on 3.11) moves a busy slice by 2,250 more.
SOAK_SLICES = 4


def _planes_equal(video: QVideoFrame, frame: object) -> None:
    assert video.map(QVideoFrame.MapMode.ReadOnly)
    try:
        width, height = video.width(), video.height()
        for index, plane in enumerate(frame.planes):  # type: ignore[attr-defined]
            rows = height if index == 0 else height // 2
            row_bytes = width if index == 0 else (width + 1) // 2
            dst, src = memoryview(video.bits(index)), memoryview(plane)
            dst_stride, src_stride = video.bytesPerLine(index), plane.line_size
            for row in range(rows):
                assert dst[row * dst_stride:row * dst_stride + row_bytes] == \
                    src[row * src_stride:row * src_stride + row_bytes], (index, row)
    finally:
        video.unmap()


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (641, 481), (1920, 1080)])
def test_a_decoded_picture_is_copied_whole_into_a_yuv_video_frame(
        qapp: QApplication, width: int, height: int) -> None:
    (frame,) = decoded_frames(width, height, [77])
    video = to_video_frame(frame)
    assert video.pixelFormat() is QVideoFrameFormat.PixelFormat.Format_YUV420P
    assert (video.width(), video.height()) == (width, height)
    _planes_equal(video, frame)


def test_the_frame_counter_is_readable_from_what_the_sink_holds(qapp: QApplication) -> None:
    renderer = VideoRenderer()
    (frame,) = decoded_frames(1366, 768, [123456])
    renderer.deliver(frame)
    qapp.processEvents()
    video = renderer.sink.videoFrame()
    assert video.map(QVideoFrame.MapMode.ReadOnly)
    try:
        counter = read_counter(memoryview(video.bits(0)), video.width(), video.height(),
                               video.bytesPerLine(0))
    finally:
        video.unmap()
    assert counter == 123456


async def test_a_busy_gui_sees_only_the_newest_picture(qapp: QApplication) -> None:
    renderer = VideoRenderer()
    frames = [pattern_frame(320, 240, n) for n in range(5)]

    def produce() -> None:  # the media thread, while the GUI thread is busy
        for frame in frames:
            renderer.deliver(frame)

    producer = threading.Thread(target=produce)
    producer.start()
    producer.join()
    await next_emit(renderer.frame_shown)
    qapp.processEvents()
    assert (renderer.shown, renderer.skipped) == (1, 4)
    assert renderer.last_frame is frames[-1]


def test_the_image_fallback_shows_the_picture(qapp: QApplication) -> None:
    image = to_image(pattern_frame(640, 360, 1))  # counter 1: only cell 0 is white
    assert (image.width(), image.height()) == (640, 360)
    bright = image.pixelColor(10, 5).lightness()
    dark = image.pixelColor(640 // 32 * 3 + 10, 5).lightness()  # cell 3
    assert bright > 200 > 60 > dark


@pytest.mark.slow
async def test_10000_pictures_through_the_video_sink_leave_memory_and_refs_flat(
        qapp: QApplication) -> None:
    renderer = VideoRenderer(Surface.VIDEO_SINK)
    frames = decoded_frames(1366, 768, list(range(8)))  # the row-by-row copy path
    process = psutil.Process()

    requests: queue.Queue[int | None] = queue.Queue()

    def media_thread() -> None:  # one long-lived producer, as in a call
        while (n := requests.get()) is not None:
            renderer.deliver(frames[n % len(frames)])

    producer = threading.Thread(target=media_thread, name="soak-media")
    producer.start()

    shown = asyncio.Event()
    renderer.frame_shown.connect(shown.set)

    async def run(count: int) -> None:
        # An event, not next_emit: its timeout would leave a cancelled timer per frame
        # on qasync's loop until it is due, and each one holds references to None.
        for n in range(count):
            shown.clear()
            requests.put(n)
            await shown.wait()

    await run(WARMUP_FRAMES)
    gc.collect()
    rss_before = process.memory_info().rss
    # The soak in slices, None's references counted over each and over an idle spell
    # of the same length right after it: a reference lost or gained per frame moves a
    # slice by its frame count more than its idle spell, while what earlier tests of a
    # full run left behind (timers falling due, objects freed late) moves both alike.
    slice_frames = (SOAK_FRAMES - WARMUP_FRAMES) // SOAK_SLICES
    drifts = []
    for _ in range(SOAK_SLICES):
        none_before = sys.getrefcount(None)
        started = time.monotonic()
        await run(slice_frames)
        gc.collect()
        busy = sys.getrefcount(None) - none_before
        none_before = sys.getrefcount(None)
        await asyncio.sleep(time.monotonic() - started)
        gc.collect()
        idle = sys.getrefcount(None) - none_before
        drifts.append(busy - idle)
    growth_mb = (process.memory_info().rss - rss_before) / 2**20
    requests.put(None)
    producer.join()
    assert renderer.shown == WARMUP_FRAMES + SOAK_SLICES * slice_frames
    assert growth_mb < MAX_RSS_GROWTH_MB, growth_mb
    # The fault moves each slice by at least its frame count (2,250).
    assert min(abs(d) for d in drifts) < slice_frames // 2, drifts


async def test_the_image_surface_reuses_one_image_for_every_picture(
        qapp: QApplication) -> None:
    renderer = VideoRenderer(Surface.IMAGE)
    renderer.deliver(pattern_frame(640, 360, 1))
    await next_emit(renderer.frame_shown)
    first = renderer.image
    renderer.deliver(pattern_frame(640, 360, 2))  # counter 2: cell 1 white, cell 0 dark
    await next_emit(renderer.frame_shown)
    assert renderer.image is first and first is not None
    assert first.pixelColor(10, 5).lightness() < 60 < 200 < first.pixelColor(30, 5).lightness()
    renderer.clear()
    assert renderer.image is None and renderer.last_frame is None
