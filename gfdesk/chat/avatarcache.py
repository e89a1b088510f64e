"""Rendered avatars, kept: a row repaints far more often than a name changes."""

from __future__ import annotations

from PySide6.QtGui import QPixmap

from gfdesk.ui.avatar import avatar_pixmap

#: Distinct (name, size, scale) avatars kept before the cache starts over.
MAX_AVATARS = 512


class AvatarCache:
    """Initials avatars by name, size and device pixel ratio."""

    def __init__(self) -> None:
        self._pixmaps: dict[tuple[str, int, float], QPixmap] = {}

    def get(self, name: str, size: int, ratio: float) -> QPixmap:
        key = (name, size, ratio)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            if len(self._pixmaps) >= MAX_AVATARS:
                self._pixmaps.clear()
            pixmap = self._pixmaps[key] = avatar_pixmap(name, size, ratio)
        return pixmap
