"""A call's quality figures from WebRTC statistics. Qt-free, pure.

Statistics come as W3C ``getStats()`` entries (dicts with ``type`` and the camelCase
fields aiortc and browsers both use). ``snapshot`` adds up the totals of one report;
``call_stats`` turns two snapshots and the received picture's meter into what the
quality indicator shows: round trip, loss, bitrate both ways, resolution, frame rate.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

#: Round trip and loss up to which a call counts as good, then as fair.
GOOD_RTT_MS, FAIR_RTT_MS = 150.0, 400.0
GOOD_LOSS, FAIR_LOSS = 0.02, 0.08


class Quality(enum.Enum):
    """What the quality indicator shows."""

    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Snapshot:
    """Totals of one statistics report, taken at ``at`` (seconds, monotonic)."""

    at: float
    bytes_sent: int = 0
    bytes_received: int = 0
    packets_received: int = 0
    packets_lost: int = 0
    rtt_s: float | None = None


def snapshot(entries: Iterable[Mapping[str, Any]], at: float) -> Snapshot:
    """Add up a report's transport and inbound RTP entries."""
    sent = received = packets = lost = 0
    rtts: list[float] = []
    for entry in entries:
        kind = entry.get("type")
        if kind == "transport":
            sent += int(entry.get("bytesSent") or 0)
            received += int(entry.get("bytesReceived") or 0)
        elif kind == "inbound-rtp":
            packets += int(entry.get("packetsReceived") or 0)
            lost += max(0, int(entry.get("packetsLost") or 0))
        elif kind == "remote-inbound-rtp" and entry.get("roundTripTime") is not None:
            rtts.append(float(entry["roundTripTime"]))
    return Snapshot(at, sent, received, packets, lost, max(rtts) if rtts else None)


@dataclass(frozen=True)
class CallStats:
    """The quality of a call over the last interval.

    Attributes:
        rtt_ms: round trip to the other side (None until measured).
        loss: fraction of the packets sent to us that were lost, 0..1.
        send_kbps: what we send, all media, in kbit/s.
        recv_kbps: what we receive.
        width: the received picture's width (0: no picture).
        height: its height.
        fps: received frames per second.
        frames_decoded: received video frames so far.
        frames_sent: video frames handed to the encoder so far.
    """

    rtt_ms: float | None = None
    loss: float = 0.0
    send_kbps: float = 0.0
    recv_kbps: float = 0.0
    width: int = 0
    height: int = 0
    fps: float = 0.0
    frames_decoded: int = 0
    frames_sent: int = 0

    @property
    def quality(self) -> Quality:
        if self.rtt_ms is None:
            return Quality.UNKNOWN
        if self.rtt_ms <= GOOD_RTT_MS and self.loss <= GOOD_LOSS:
            return Quality.GOOD
        if self.rtt_ms <= FAIR_RTT_MS and self.loss <= FAIR_LOSS:
            return Quality.FAIR
        return Quality.POOR


def call_stats(before: Snapshot | None, now: Snapshot, *, width: int = 0, height: int = 0,
               fps: float = 0.0, frames_decoded: int = 0, frames_sent: int = 0) -> CallStats:
    """The figures between two snapshots (totals since the start without ``before``)."""
    base = before or Snapshot(at=now.at)
    elapsed = now.at - base.at

    def kbps(bytes_now: int, bytes_before: int) -> float:
        return (bytes_now - bytes_before) * 8 / 1000 / elapsed if elapsed > 0 else 0.0

    received = now.packets_received - base.packets_received
    lost = max(0, now.packets_lost - base.packets_lost)
    expected = received + lost
    return CallStats(
        rtt_ms=None if now.rtt_s is None else now.rtt_s * 1000.0,
        loss=lost / expected if expected > 0 else 0.0,
        send_kbps=kbps(now.bytes_sent, base.bytes_sent),
        recv_kbps=kbps(now.bytes_received, base.bytes_received),
        width=width, height=height, fps=fps, frames_decoded=frames_decoded,
        frames_sent=frames_sent)
