"""gfdesk.calls.receivehold: a received picture is released at its marked last packet,
where aiortc's own buffer waits for the next picture's first packet."""

from __future__ import annotations

import pytest
from aiortc import RTCPeerConnection
from aiortc.jitterbuffer import JitterBuffer
from aiortc.rtp import RtpPacket

from gfdesk.calls.receivehold import MarkerJitterBuffer, release_on_marker


def _packet(seq: int, timestamp: int, data: bytes, *, marker: bool = False) -> RtpPacket:
    packet = RtpPacket(payload_type=96, sequence_number=seq, timestamp=timestamp)
    packet.marker = int(marker)
    packet._data = data  # type: ignore[attr-defined]  # what aiortc's depayloader sets
    return packet


def _picture(first_seq: int, timestamp: int, parts: int) -> list[RtpPacket]:
    return [_packet(first_seq + i, timestamp, bytes([timestamp % 256, i]) * 3,
                    marker=i == parts - 1) for i in range(parts)]


def _feed(buffer: JitterBuffer, packets: list[RtpPacket]) -> list[object]:
    """What ``add`` returned for each packet (a frame's data, or None)."""
    out: list[object] = []
    for packet in packets:
        _, frame = buffer.add(packet)
        out.append(None if frame is None else (frame.timestamp, frame.data))
    return out


def test_a_picture_comes_out_with_its_last_packet_not_with_the_next_picture() -> None:
    first, second = _picture(100, 3000, 3), _picture(103, 6000, 2)
    whole = (3000, b"".join(p._data for p in first))  # type: ignore[attr-defined]
    ours = _feed(MarkerJitterBuffer(capacity=128, is_video=True), first + second)
    theirs = _feed(JitterBuffer(capacity=128, is_video=True), first + second)
    assert ours[:3] == [None, None, whole]
    # aiortc's buffer holds it until the next picture begins: one frame interval late.
    assert theirs[:4] == [None, None, None, whole]
    assert ours[4] == (6000, b"".join(p._data for p in second))  # type: ignore[attr-defined]


def test_a_picture_from_a_sender_that_sets_no_marker_ends_where_the_next_begins() -> None:
    first = _picture(10, 90, 3)
    first[-1].marker = 0
    second = _picture(13, 180, 2)
    out = _feed(MarkerJitterBuffer(capacity=128, is_video=True), first + second)
    assert out[:3] == [None, None, None]
    assert out[3] == (90, b"".join(p._data for p in first))  # type: ignore[attr-defined]


def test_a_hole_holds_the_picture_until_the_packet_is_retransmitted() -> None:
    packets = _picture(500, 42, 4)
    buffer = MarkerJitterBuffer(capacity=128, is_video=True)
    assert _feed(buffer, [packets[0], packets[2], packets[3]]) == [None, None, None]
    (late,) = _feed(buffer, [packets[1]])
    assert late == (42, b"".join(p._data for p in packets))  # type: ignore[attr-defined]


def test_sequence_numbers_wrap_around() -> None:
    packets = _picture(65534, 7, 3)  # 65534, 65535, 0
    for p, seq in zip(packets, (65534, 65535, 0), strict=True):
        p.sequence_number = seq
    out = _feed(MarkerJitterBuffer(capacity=128, is_video=True), packets)
    assert out[2] == (7, b"".join(p._data for p in packets))  # type: ignore[attr-defined]


@pytest.mark.parametrize(("kind", "swapped"), [("video", True), ("audio", False)])
async def test_only_a_video_receiver_gets_the_marker_aware_buffer(kind: str,
                                                                  swapped: bool) -> None:
    pc = RTCPeerConnection()
    try:
        receiver = pc.addTransceiver(kind).receiver
        assert release_on_marker(receiver) is swapped
        buffer = receiver._RTCRtpReceiver__jitter_buffer  # type: ignore[attr-defined]
        assert isinstance(buffer, MarkerJitterBuffer) is swapped
    finally:
        await pc.close()
