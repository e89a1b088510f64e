"""gfdesk.calls.testpattern: the frame counter survives a real VP8 encode and decode."""

from __future__ import annotations

import pytest

from gfdesk.calls.planes import plane_view
from gfdesk.calls.testpattern import (
    MODULUS,
    Geometry,
    PatternMaker,
    check_bits,
    read_counter,
)
from tests.helpers.videoframes import decoded_frames, pattern_frame


@pytest.mark.parametrize(("width", "height", "bit_rate"), [
    (320, 240, 150_000), (641, 481, 300_000), (1280, 720, 500_000), (1366, 768, 1_000_000)])
def test_the_counter_reads_back_from_decoded_pictures(width: int, height: int,
                                                      bit_rate: int) -> None:
    counters = [0, 1, 2, 0x5A5A5A, MODULUS - 1, 123456]
    frames = decoded_frames(width, height, counters, bit_rate=bit_rate)
    read = [read_counter(plane_view(f.planes[0]), f.width, f.height, f.planes[0].line_size)
            for f in frames]
    assert read == counters


def test_a_picture_without_the_pattern_has_no_counter() -> None:
    flat = bytes([128]) * (640 * 360)
    assert read_counter(flat, 640, 360, 640) is None
    black = bytes(640 * 360)
    assert read_counter(black, 640, 360, 640) is None  # all-zero bits fail the check


def test_a_damaged_cell_fails_the_check_instead_of_giving_a_wrong_number() -> None:
    frame = pattern_frame(640, 360, 1000)
    luma = bytearray(plane_view(frame.planes[0]))
    stride, cell = frame.planes[0].line_size, 640 // 32
    for row in range(22):  # flip bit 5 (of the counter) in the whole stripe
        start = row * stride + 5 * cell
        luma[start:start + cell] = bytes(255 - b for b in luma[start:start + cell])
    assert read_counter(bytes(luma), 640, 360, stride) is None
    assert check_bits(1000) != check_bits(1000 ^ (1 << 5))


def test_the_bars_move_and_the_planes_have_the_requested_strides() -> None:
    maker = PatternMaker(Geometry(100, 64, (128, 64, 64)))
    y0, u0, v0 = maker.planes(0)
    y1, _, _ = maker.planes(1)
    assert (len(y0), len(u0), len(v0)) == (128 * 64, 64 * 32, 64 * 32)
    stripe = 16
    assert y0[stripe * 128:stripe * 128 + 100] != y1[stripe * 128:stripe * 128 + 100]


def test_a_picture_too_small_for_the_cells_is_refused() -> None:
    with pytest.raises(ValueError):
        PatternMaker(Geometry(48, 48, (48, 24, 24)))
    assert read_counter(bytes(48 * 48), 48, 48, 48) is None
