"""The synthetic picture: moving colour bars with a frame counter that survives a lossy
codec. Qt-free, pure (bytes in, bytes out; no av).

The counter is drawn along the top of the picture as ``CELLS`` large black or white
cells: 24 bits of the frame number and 8 check bits. Cells are a few macroblocks wide,
so VP8 or H.264 at any usable bitrate keeps them readable; ``read_counter`` samples
the middle of each cell on the decoded luma plane and returns None when the check bits
do not match (a frame that is not the pattern, or one too damaged to trust). The
receiving side thus knows which frame it shows, and when that frame was made: that is
how glass-to-glass latency is measured, in tests and in ``bench/call.py``.

Pictures are YUV 4:2:0 planes with the row strides the caller asks for (PyAV's
``line_size``), built from one precomputed row per plane: a frame costs a few copies
of its size, cheap enough for 1080p at 30 fps.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Cells of the counter stripe: 24 counter bits, then 8 check bits.
CELLS = 32
COUNTER_BITS = 24
#: Luma of a 1 cell and a 0 cell (studio range black and white).
HIGH, LOW = 235, 16
#: Pixels the bars move per frame.
SPEED = 4
#: Width of one bar, in pixels (a power of two keeps chroma aligned).
BAR = 64
#: Luma, U and V of the bars (white, yellow, cyan, green, magenta, red, blue, black).
_BARS = ((235, 128, 128), (210, 16, 146), (170, 166, 16), (145, 54, 34),
         (106, 202, 222), (81, 90, 240), (41, 240, 110), (16, 128, 128))
#: The counter wraps here.
MODULUS = 1 << COUNTER_BITS


def check_bits(counter: int) -> int:
    """The 8 check bits of a counter value."""
    b0, b1, b2 = counter & 0xFF, (counter >> 8) & 0xFF, (counter >> 16) & 0xFF
    return (b0 ^ b1 ^ b2 ^ 0x5A) & 0xFF


def stripe_height(height: int) -> int:
    """Rows of the counter stripe (even, at least 16, a sixteenth of the picture)."""
    return max(16, (height // 16) & ~1)


@dataclass(frozen=True)
class Geometry:
    """A picture size and the row strides of its three planes."""

    width: int
    height: int
    strides: tuple[int, int, int]

    @property
    def chroma_width(self) -> int:
        return (self.width + 1) // 2

    @property
    def chroma_height(self) -> int:
        return (self.height + 1) // 2


class PatternMaker:
    """Makes the planes of frame ``n`` for one geometry.

    Args:
        geometry: the picture size and the strides to write.
    """

    def __init__(self, geometry: Geometry) -> None:
        if geometry.width < CELLS * 2 or geometry.height < 32:
            raise ValueError(f"{geometry.width}x{geometry.height} is too small for the pattern")
        self.geometry = geometry
        period = BAR * len(_BARS)
        self._period = period
        # One row per plane, long enough to cut any shifted window out of.
        span = geometry.width + period
        self._rows = [bytes(_BARS[(x // BAR) % len(_BARS)][0] for x in range(span))]
        cspan = geometry.chroma_width + period // 2
        for plane in (1, 2):
            self._rows.append(bytes(_BARS[(x // (BAR // 2)) % len(_BARS)][plane]
                                    for x in range(cspan)))
        self._stripe_rows = stripe_height(geometry.height)
        self._cell = geometry.width // CELLS

    def planes(self, n: int) -> tuple[bytes, bytes, bytes]:
        """Y, U and V of frame ``n``, each ``stride * rows`` bytes long."""
        g = self.geometry
        shift = (n * SPEED) % self._period
        y_row = self._padded(self._rows[0][self._period - shift:][:g.width], g.strides[0])
        stripe = self._padded(self._counter_row(n % MODULUS), g.strides[0])
        y = stripe * self._stripe_rows + y_row * (g.height - self._stripe_rows)
        chroma: list[bytes] = []
        for plane in (1, 2):
            half = self._period // 2
            row = self._rows[plane][half - shift // 2:][:g.chroma_width]
            chroma.append(self._padded(row, g.strides[plane]) * g.chroma_height)
        return y, chroma[0], chroma[1]

    def _counter_row(self, counter: int) -> bytes:
        bits = counter | (check_bits(counter) << COUNTER_BITS)
        cells = b"".join((bytes([HIGH]) if bits >> i & 1 else bytes([LOW])) * self._cell
                         for i in range(CELLS))
        return cells + bytes([LOW]) * (self.geometry.width - len(cells))

    @staticmethod
    def _padded(row: bytes, stride: int) -> bytes:
        return row + bytes(stride - len(row)) if stride > len(row) else row[:stride]


def read_counter(luma: memoryview | bytes, width: int, height: int, stride: int) -> int | None:
    """The frame number drawn into a (decoded) luma plane, or None if there is none.

    Args:
        luma: the Y plane, ``stride`` bytes per row.
        width: the picture width.
        height: the picture height.
        stride: bytes per row of ``luma``.
    """
    if width < CELLS * 2 or height < 32:
        return None
    cell = width // CELLS
    row = (stripe_height(height) // 2) * stride
    bits = 0
    for i in range(CELLS):
        start = row + i * cell + cell // 4
        samples = luma[start:start + cell // 2]
        if len(samples) == 0:
            return None
        if sum(samples) // len(samples) > (HIGH + LOW) // 2:
            bits |= 1 << i
    counter = bits & (MODULUS - 1)
    return counter if bits >> COUNTER_BITS == check_bits(counter) else None
