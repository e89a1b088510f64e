"""Pictures for render tests: the synthetic pattern as PyAV makes it, and the same after a
real VP8 encode and decode (decoded frames have the decoder's wider row strides)."""

from __future__ import annotations

from fractions import Fraction

import av
from av import VideoFrame

from gfdesk.calls.testpattern import Geometry, PatternMaker


def pattern_frame(width: int, height: int, counter: int) -> VideoFrame:
    """The synthetic picture number ``counter`` in a fresh PyAV frame."""
    frame = VideoFrame(width, height, "yuv420p")
    maker = PatternMaker(Geometry(width, height,
                                  tuple(p.line_size for p in frame.planes)))  # type: ignore[arg-type]
    for plane, data in zip(frame.planes, maker.planes(counter), strict=True):
        plane.update(data)
    return frame


def decoded_frames(width: int, height: int, counters: list[int],
                   bit_rate: int = 2_000_000) -> list[VideoFrame]:
    """The pattern pictures ``counters`` after a VP8 encode and decode."""
    encoder = av.CodecContext.create("libvpx", "w")
    encoder.width, encoder.height = width, height  # type: ignore[attr-defined]
    encoder.pix_fmt = "yuv420p"  # type: ignore[attr-defined]
    encoder.bit_rate = bit_rate
    encoder.time_base = Fraction(1, 30)
    decoder = av.CodecContext.create("libvpx", "r")
    out: list[VideoFrame] = []
    packets = []
    for pts, counter in enumerate(counters):
        frame = pattern_frame(width, height, counter)
        frame.pts = pts
        packets += encoder.encode(frame)  # type: ignore[attr-defined]
    packets += encoder.encode(None)  # type: ignore[attr-defined]
    for packet in packets:
        out += decoder.decode(packet)  # type: ignore[arg-type]
    return out
