"""Profile pictures for the demo world, drawn in code and written as PNG. Qt-free, pure.

A few bots have a picture (the others keep their initials, as many players do), so the
demo shows both. Each picture is a diagonal gradient in the bot's two colours with a
simple emblem (a ring, a diamond, a bar chevron), rendered pixel by pixel and encoded
with ``zlib``: no image library in the hub.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable

SIZE = 96

Color = tuple[int, int, int]
Emblem = Callable[[float, float], bool]


def _ring(x: float, y: float) -> bool:
    d = float(x * x + y * y) ** 0.5
    return bool(0.30 < d < 0.46)


def _diamond(x: float, y: float) -> bool:
    return abs(x) + abs(y) < 0.42


def _chevron(x: float, y: float) -> bool:
    return abs(y - abs(x) * 0.9 + 0.15) < 0.12 and abs(x) < 0.5


def _bolt(x: float, y: float) -> bool:
    return abs(x + y * 0.35) < 0.11 and abs(y) < 0.5


#: Which bots have a picture: (top-left colour, bottom-right colour, emblem).
PICTURES: dict[str, tuple[Color, Color, Emblem]] = {
    "novastrike": ((123, 97, 255), (235, 69, 158), _ring),
    "pixelpaladin": ((245, 166, 35), (208, 2, 27), _diamond),
    "frostbyte": ((14, 165, 233), (26, 188, 156), _chevron),
    "lunalag": ((88, 101, 242), (17, 24, 39), _bolt),
}


def png(width: int, height: int, pixels: bytes) -> bytes:
    """An RGB PNG of ``pixels`` (rows of ``width`` * 3 bytes)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    stride = width * 3
    raw = b"".join(b"\x00" + pixels[row * stride:(row + 1) * stride] for row in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


def picture(username: str, size: int = SIZE) -> bytes | None:
    """``username``'s demo picture as PNG bytes (None: they have none)."""
    spec = PICTURES.get(username)
    if spec is None:
        return None
    start, end, emblem = spec
    out = bytearray()
    for py in range(size):
        for px in range(size):
            t = (px + py) / (2 * (size - 1))
            color = [round(a + (b - a) * t) for a, b in zip(start, end, strict=True)]
            if emblem(px / size - 0.5, py / size - 0.5):
                color = [min(255, c + (255 - c) * 3 // 4) for c in color]
            out += bytes(color)
    return png(size, size, bytes(out))


def picture_path(username: str) -> str:
    """Where the hub serves it (relative: the app resolves it against the hub's URL)."""
    return f"/storage/v1/object/public/avatars/{username}.png"
