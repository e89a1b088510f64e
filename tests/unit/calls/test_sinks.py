"""gfdesk.calls.sinks: the newest-frame slot, the bounded PCM buffer, the frame meter."""

from __future__ import annotations

import threading

from gfdesk.calls.sinks import FrameMeter, LatestFrame, PcmBuffer


def test_the_slot_keeps_the_newest_and_asks_for_one_wake_per_burst() -> None:
    slot: LatestFrame[int] = LatestFrame()
    assert [slot.put(n) for n in range(4)] == [True, False, False, False]
    assert (slot.take(), slot.take(), slot.skipped) == (3, None, 3)
    assert slot.put(9) is True


def test_the_slot_loses_nothing_but_skipped_frames_across_threads() -> None:
    slot: LatestFrame[int] = LatestFrame()
    taken: list[int] = []
    done = threading.Event()

    def consume() -> None:
        while True:
            item = slot.take()
            if item is not None:
                taken.append(item)
            elif done.is_set():
                return  # what the producer put last is still there, or was taken

    consumer = threading.Thread(target=consume)
    consumer.start()
    for n in range(20_000):
        slot.put(n)
    done.set()
    consumer.join()
    leftover = slot.take()
    seen = taken + ([leftover] if leftover is not None else [])
    assert seen == sorted(seen) and seen[-1] == 19_999
    assert len(seen) + slot.skipped == 20_000


def test_pcm_beyond_the_limit_drops_the_oldest_whole_samples() -> None:
    buffer = PcmBuffer(limit=8, frame_bytes=4)
    assert buffer.push(b"aaaabbbb") is True
    assert buffer.push(b"cc") is False
    assert (len(buffer), buffer.dropped) == (6, 4)  # "aaaa" went: whole frames only
    assert buffer.take(5) == b"bbbb"  # whole frames out as well
    assert buffer.take(100) == b"cc"


def test_the_meter_counts_and_measures_the_rate() -> None:
    meter = FrameMeter(window_s=0.0)
    for _ in range(3):
        meter.count(640, 360)
    assert (meter.frames, meter.width, meter.height) == (3, 640, 360)
    assert meter.fps > 0
