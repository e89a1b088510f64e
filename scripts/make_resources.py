"""Make the generated assets in ``resources/``: the app icon set and the two sounds.

    python scripts/make_resources.py [--out DIR]

From ``resources/icons/gfdesk.svg`` (the one source of the app icon) it renders
``appicon/gfdesk-<N>.png`` for N in 16..512, ``appicon/gfdesk.ico`` (PNG images, the sizes
Windows asks for) and ``appicon/gfdesk.icns`` (written here: the format is a header
and a list of typed PNG chunks). The sounds are synthesised, nothing is downloaded:
``sounds/ringtone.wav`` (one cycle of the incoming-call chime, looped by
``gfdesk.calls.ringer``) and ``sounds/notification.wav`` (a short two-note pop).
The outputs are committed; run this again after changing the SVG or the tones.
``--out`` writes elsewhere (the tests use it to check the script itself).
"""

from __future__ import annotations

import argparse
import math
import struct
import sys
import wave
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
SOURCE_SVG = "icons/gfdesk.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: .icns chunk types holding PNG data, and the pixel size each holds (Apple's
#: "@2x" types are the same pixels as the next size up).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)

RATE = 24000
#: The ringtone: two chimes of two mixed tones (a major third: friendly, not an
#: alarm), with soft edges, then silence to the cycle's end so it loops without a click.
RING_TONES_HZ = (660.0, 830.0)
RING_CHIME_S, RING_GAP_S, RING_CYCLE_S = 0.35, 0.15, 2.5
RING_LEVEL = 0.22
#: The notification: two short rising notes, decaying like a plucked string.
NOTE_TONES_HZ = (880.0, 1320.0)
NOTE_S, NOTE_GAP_S = 0.09, 0.02
NOTE_LEVEL = 0.25
EDGE_S = 0.02


def ring_pcm(rate: int = RATE) -> bytes:
    """One cycle of the ringtone, 16-bit mono little-endian PCM at ``rate``."""
    total = int(RING_CYCLE_S * rate)
    chime = int(RING_CHIME_S * rate)
    edge = int(EDGE_S * rate)
    samples = array("h", bytes(2 * total))
    for start in (0, int((RING_CHIME_S + RING_GAP_S) * rate)):
        for i in range(chime):
            envelope = min(1.0, i / edge, (chime - 1 - i) / edge)
            t = i / rate
            value = sum(math.sin(2 * math.pi * hz * t) for hz in RING_TONES_HZ) / len(
                RING_TONES_HZ)
            samples[start + i] = round(32767 * RING_LEVEL * envelope * value)
    return _little_endian(samples)


def notification_pcm(rate: int = RATE) -> bytes:
    """The notification sound, 16-bit mono little-endian PCM at ``rate``."""
    note = int(NOTE_S * rate)
    gap = int(NOTE_GAP_S * rate)
    attack = int(0.004 * rate)
    samples = array("h", bytes(2 * (len(NOTE_TONES_HZ) * (note + gap) + int(0.05 * rate))))
    for n, hz in enumerate(NOTE_TONES_HZ):
        start = n * (note + gap)
        for i in range(note):
            t = i / rate
            # A fast attack, an exponential decay, and a fade to zero at the end.
            envelope = min(1.0, i / attack) * math.exp(-t / 0.035) * min(1.0, (note - 1 - i)
                                                                          / attack)
            value = 0.8 * math.sin(2 * math.pi * hz * t) + 0.2 * math.sin(4 * math.pi * hz * t)
            samples[start + i] = round(32767 * NOTE_LEVEL * envelope * value)
    return _little_endian(samples)


def _little_endian(samples: array[int]) -> bytes:
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


def write_wav(path: Path, pcm: bytes, rate: int = RATE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm)


def icns(pngs: dict[int, bytes]) -> bytes:
    """An Apple icon file of PNG chunks: ``icns``, the file's length, then per chunk its
    type, its length (header included) and the PNG bytes; all lengths big-endian."""
    chunks = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon file of PNG images (read by Windows Vista and later): a 6-byte
    header, a 16-byte directory entry per image, then the images; little-endian.

    Written here rather than by Qt's ICO plugin, which writes one complete file per
    image when asked for several, and those concatenated are not one icon.
    """
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in the directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def render_icons(svg: Path, out: Path) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(["make_resources", "-platform",
                                                         "offscreen"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")

    def image(size: int) -> QImage:
        result = QImage(size, size, QImage.Format.Format_ARGB32)
        result.fill(Qt.GlobalColor.transparent)
        painter = QPainter(result)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        return result

    def png(img: QImage) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not img.save(buffer, "PNG"):
            raise SystemExit("Qt could not write a PNG")
        return bytes(data.data())

    folder = out / "appicon"
    folder.mkdir(parents=True, exist_ok=True)
    pngs = {size: png(image(size)) for size in sorted({*PNG_SIZES, *ICO_SIZES})}
    for size in PNG_SIZES:
        (folder / f"gfdesk-{size}.png").write_bytes(pngs[size])
    (folder / "gfdesk.icns").write_bytes(icns(pngs))

    (folder / "gfdesk.ico").write_bytes(ico({size: pngs[size] for size in ICO_SIZES}))
    del app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=RESOURCES,
                        help="the folder to write into (default: resources/)")
    args = parser.parse_args(argv)
    render_icons(RESOURCES / SOURCE_SVG, args.out)
    write_wav(args.out / "sounds" / "ringtone.wav", ring_pcm())
    write_wav(args.out / "sounds" / "notification.wav", notification_pcm())
    print(f"wrote the app icon set and sounds into {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
