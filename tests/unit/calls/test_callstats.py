"""gfdesk.calls.callstats: quality figures from getStats() entries."""

from __future__ import annotations

import pytest

from gfdesk.calls.callstats import CallStats, Quality, Snapshot, call_stats, snapshot

REPORT = [
    {"type": "transport", "bytesSent": 50_000, "bytesReceived": 80_000},
    {"type": "inbound-rtp", "kind": "video", "packetsReceived": 900, "packetsLost": 10},
    {"type": "inbound-rtp", "kind": "audio", "packetsReceived": 100, "packetsLost": -2},
    {"type": "remote-inbound-rtp", "roundTripTime": 0.040},
    {"type": "remote-inbound-rtp", "roundTripTime": 0.050},
    {"type": "outbound-rtp", "bytesSent": 1},
]


def test_a_report_adds_up_to_one_snapshot() -> None:
    assert snapshot(REPORT, at=10.0) == Snapshot(10.0, 50_000, 80_000, 1000, 10, 0.050)


def test_figures_are_for_the_interval_between_two_snapshots() -> None:
    before = Snapshot(10.0, 50_000, 80_000, 1000, 10, 0.05)
    now = Snapshot(12.0, 300_000, 580_000, 1980, 30, 0.06)
    stats = call_stats(before, now, width=640, height=360, fps=29.5, frames_decoded=60,
                       frames_sent=61)
    assert stats.rtt_ms == pytest.approx(60.0)
    assert stats.loss == pytest.approx(20 / 1000)
    assert (stats.send_kbps, stats.recv_kbps) == (pytest.approx(1000.0), pytest.approx(2000.0))
    assert (stats.width, stats.height, stats.fps) == (640, 360, 29.5)


def test_without_an_earlier_snapshot_there_is_no_rate_yet() -> None:
    stats = call_stats(None, Snapshot(5.0, 100, 100, 10, 0, None))
    assert (stats.send_kbps, stats.recv_kbps, stats.rtt_ms) == (0.0, 0.0, None)


@pytest.mark.parametrize(("rtt", "loss", "quality"), [
    (None, 0.0, Quality.UNKNOWN), (30.0, 0.0, Quality.GOOD), (200.0, 0.0, Quality.FAIR),
    (30.0, 0.05, Quality.FAIR), (500.0, 0.0, Quality.POOR), (30.0, 0.2, Quality.POOR)])
def test_the_indicator_reads_round_trip_and_loss(rtt: float | None, loss: float,
                                                 quality: Quality) -> None:
    assert CallStats(rtt_ms=rtt, loss=loss).quality is quality
