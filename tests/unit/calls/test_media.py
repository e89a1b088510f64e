"""gfdesk.calls.media: the synthetic sources, pushed microphone audio, the switch track
a sender keeps for the whole call, and reading planes without leaking."""

from __future__ import annotations

import asyncio
import gc
import sys
from fractions import Fraction

import av
import pytest
from aiortc.mediastreams import MediaStreamError

from gfdesk.calls.media import (
    AUDIO_RATE,
    PushAudioTrack,
    SwitchTrack,
    SyntheticVideoTrack,
    ToneTrack,
    pcm_of,
)
from gfdesk.calls.planes import plane_view
from gfdesk.calls.testpattern import read_counter


def _counter(frame: av.VideoFrame) -> int | None:
    plane = frame.planes[0]
    return read_counter(plane_view(plane), frame.width, frame.height, plane.line_size)


async def test_the_synthetic_picture_counts_its_frames_and_remembers_when_it_made_them(
) -> None:
    track = SyntheticVideoTrack(320, 240, fps=120)
    frames = [await track.recv() for _ in range(3)]
    assert [(_counter(f), f.width, f.height, f.format.name) for f in frames] == [
        (0, 320, 240, "yuv420p"), (1, 320, 240, "yuv420p"), (2, 320, 240, "yuv420p")]
    times = [track.captured_at(n) for n in range(3)]
    assert all(t is not None for t in times) and times == sorted(times)  # type: ignore[type-var]
    assert track.frames == 3 and track.captured_at(3) is None
    track.stop()
    with pytest.raises(MediaStreamError):
        await track.recv()


async def test_the_tone_runs_on_from_frame_to_frame() -> None:
    track = ToneTrack()
    first, second = await track.recv(), await track.recv()
    assert (first.samples, first.sample_rate, first.format.name) == (960, AUDIO_RATE, "s16")
    both = pcm_of(first) + pcm_of(second)
    whole = ToneTrack()._table[:len(both)]
    assert both == whole and any(both)


def test_received_audio_is_cut_to_its_samples_not_its_padded_plane() -> None:
    encoder = av.CodecContext.create("libopus", "w")
    encoder.sample_rate, encoder.layout, encoder.format = 48000, "stereo", "s16"  # type: ignore[attr-defined]
    encoder.time_base = Fraction(1, 48000)
    decoder = av.CodecContext.create("libopus", "r")
    source = av.AudioFrame(format="s16", layout="stereo", samples=960)
    source.planes[0].update(bytes([1, 2, 3, 4]) * (source.planes[0].buffer_size // 4))
    source.sample_rate, source.pts = 48000, 0
    packets = encoder.encode(source) + encoder.encode(None)  # type: ignore[attr-defined]
    decoded = [f for p in packets for f in decoder.decode(p)]  # type: ignore[attr-defined]
    frame = decoded[0]
    assert len(pcm_of(frame)) == frame.samples * 2 * 2
    assert frame.planes[0].buffer_size > len(pcm_of(frame))  # the padding left out


async def test_pushed_audio_goes_out_in_20_ms_frames_with_silence_in_the_gaps() -> None:
    track = PushAudioTrack(rate=48000)
    track.push(bytes([7, 0]) * 1440)  # 30 ms
    first, second = await track.recv(), await track.recv()
    assert pcm_of(first) == bytes([7, 0]) * 960
    assert pcm_of(second) == bytes([7, 0]) * 480 + bytes(960)
    track.push(bytes(2) * 48000)  # a second of backlog: all but 200 ms is dropped
    assert track.dropped == 2 * (48000 - 9600)


async def test_the_switch_waits_without_a_source_and_restamps_across_sources() -> None:
    sent: list[object] = []
    switch = SwitchTrack("video", sent.append)
    waiting = asyncio.ensure_future(switch.recv())
    for _ in range(5):
        await asyncio.sleep(0)
    assert not waiting.done()  # nothing to send: the sender waits, sends nothing
    first_source = SyntheticVideoTrack(320, 240, fps=120)
    switch.set_source(first_source)
    first = await waiting
    second_source = SyntheticVideoTrack(320, 240, fps=120)
    switch.set_source(second_source)
    assert first_source.readyState == "ended"  # the camera that was replaced closes
    second = await switch.recv()
    assert _counter(second) == 0  # from the new source
    assert second.pts > first.pts and second.time_base == Fraction(1, 90000)
    assert sent == [first, second]
    switch.set_source(None)
    assert second_source.readyState == "ended"
    waiting = asyncio.ensure_future(switch.recv())
    await asyncio.sleep(0)
    switch.stop()
    with pytest.raises(MediaStreamError):
        await waiting


async def test_a_source_that_ends_by_itself_leaves_the_switch_waiting() -> None:
    switch = SwitchTrack("video")
    source = SyntheticVideoTrack(320, 240, fps=120)
    switch.set_source(source)
    await switch.recv()
    source.stop()  # unplugged
    waiting = asyncio.ensure_future(switch.recv())
    for _ in range(5):
        await asyncio.sleep(0)
    assert not waiting.done() and switch.source is None
    switch.set_source(SyntheticVideoTrack(320, 240, fps=120))
    assert _counter(await waiting) == 0


def test_plane_views_read_the_plane_without_a_reference_leak() -> None:
    frame = av.VideoFrame(64, 48, "yuv420p")
    frame.planes[0].update(bytes(range(256)) * (frame.planes[0].buffer_size // 256))
    view = plane_view(frame.planes[0])
    assert view[:256] == bytes(range(256)) and len(view) == frame.planes[0].buffer_size
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(1000):
        plane_view(frame.planes[0])
    gc.collect()
    assert sys.getrefcount(None) - before < 50
