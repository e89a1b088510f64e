"""Initials avatars: a coloured disc with one or two letters, for anyone without a picture.

The colour comes from a stable hash of the name, so a friend keeps the same colour
on every machine and every run. Names come from remote users: they are painted as
text, never interpreted.
"""

from __future__ import annotations

import zlib

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from gfdesk.kit import icons

#: Saturated colours that keep white initials readable: each reaches WCAG AA 4.5:1 under
#: white (tests/unit/test_contrast.py); the same in both themes.
AVATAR_COLORS = (
    "#5865f2", "#6e55ff", "#dc1884", "#e6161d", "#c84c0a",
    "#946f10", "#2e8247", "#12846d", "#0a7dae", "#9b59b6",
)
SIGNED_OUT_COLOR = "#4e5058"
#: Distinct (name, size, scale) avatars an ``AvatarCache`` keeps before it starts over.
MAX_CACHED_AVATARS = 512


def initials(name: str) -> str:
    """Up to two letters for ``name``: the first of its first two words, upper-cased.

    >>> initials("ada lovelace"), initials("Zed"), initials("  ")
    ('AL', 'Z', '?')
    """
    words = [w for w in name.split() if w]
    letters = [next((c for c in w if c.isalnum()), w[0]) for w in words[:2]]
    return "".join(letters).upper() or "?"


def color_for(name: str) -> str:
    """The avatar colour for ``name``, the same on every run (unlike ``hash``)."""
    return AVATAR_COLORS[zlib.crc32(name.casefold().encode("utf-8")) % len(AVATAR_COLORS)]


def transparent_pixmap(size: int, device_pixel_ratio: float = 1.0) -> QPixmap:
    """An empty ``size`` x ``size`` pixmap at ``device_pixel_ratio``, to paint an avatar on."""
    pixmap = QPixmap(round(size * device_pixel_ratio), round(size * device_pixel_ratio))
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    return pixmap


def avatar_pixmap(name: str | None, size: int, device_pixel_ratio: float = 1.0) -> QPixmap:
    """A round avatar for ``name``; ``None`` (signed out) gets a neutral person glyph."""
    pixmap = transparent_pixmap(size, device_pixel_ratio)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color_for(name) if name else SIGNED_OUT_COLOR))
    painter.drawEllipse(QRectF(0, 0, size, size))
    if name is None:
        inset = size * 0.22
        glyph = icons.pixmap("user", round(size - 2 * inset), "#dbdee1", device_pixel_ratio)
        painter.drawPixmap(round(inset), round(inset), glyph)
    else:
        text = initials(name)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(max(6, round(size * (0.42 if len(text) < 2 else 0.36))))
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


def avatar_icon(name: str | None, size: int) -> QIcon:
    """``avatar_pixmap`` as a QIcon, drawn at whatever size and scale it is painted."""
    return icons.lazy_icon(
        lambda wanted, scale, _mode: avatar_pixmap(name, min(wanted.width(), wanted.height()),
                                                   scale))


class AvatarCache:
    """Rendered avatars by name, size and device pixel ratio, for delegates: a row
    repaints far more often than a name changes."""

    def __init__(self) -> None:
        self._pixmaps: dict[tuple[str, int, float], QPixmap] = {}

    def get(self, name: str, size: int, ratio: float) -> QPixmap:
        key = (name, size, ratio)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            if len(self._pixmaps) >= MAX_CACHED_AVATARS:
                self._pixmaps.clear()
            pixmap = self._pixmaps[key] = avatar_pixmap(name, size, ratio)
        return pixmap
