"""gfdesk.calls.camera: a capture device through PyAV, here FFmpeg's lavfi test source
(this machine has no camera): opened in an executor, newest frame only, closed on stop."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from aiortc.mediastreams import MediaStreamError

from gfdesk.calls.camera import Camera, CameraTrack, capture_format, list_cameras

TEST_SOURCE = Camera("testsrc=size=320x240:rate=30", "FFmpeg test source", "lavfi")


@pytest.mark.parametrize(("platform", "fmt"), [
    ("linux", "v4l2"), ("darwin", "avfoundation"), ("win32", "dshow"), ("sunos5", None)])
def test_each_os_has_its_capture_format(platform: str, fmt: str | None) -> None:
    assert capture_format(platform) == fmt


def test_the_device_list_is_cameras_of_this_os() -> None:
    assert list_cameras("sunos5") == []
    assert all(c.format == "v4l2" for c in list_cameras("linux"))


async def test_a_camera_delivers_frames_and_its_reader_ends_when_it_stops() -> None:
    track = CameraTrack(TEST_SOURCE)
    frames = [await track.recv() for _ in range(5)]
    assert {(f.width, f.height, f.format.name) for f in frames} == {(320, 240, "yuv420p")}
    assert [t.name for t in threading.enumerate()].count("call-camera") == 1
    track.stop()
    await track.wait_closed()
    assert "call-camera" not in [t.name for t in threading.enumerate()]
    with pytest.raises(MediaStreamError):
        await track.recv()


async def test_a_camera_that_does_not_open_ends_its_track(expected_logs: Any) -> None:
    expected_logs.allow("gfdesk.call", "did not open")
    track = CameraTrack(Camera("/nonexistent/video9", "gone", "video4linux2"))
    with pytest.raises(MediaStreamError):
        await track.recv()
