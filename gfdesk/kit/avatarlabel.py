"""A round avatar widget: a player's picture, or their initials until it arrives.

It paints at paint time from an ``AvatarStore`` (or initials alone without one), so it
stays sharp on any screen scale and repaints itself when its picture comes in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from gfdesk.kit.avatar import avatar_pixmap

if TYPE_CHECKING:
    # Only for annotations: the store (and the Qt image classes it loads) is needed
    # once someone signs in, not to show the window.
    from gfdesk.kit.avatarstore import AvatarStore


class AvatarLabel(QWidget):
    """A ``size`` x ``size`` avatar of one player.

    Args:
        size: the side in logical pixels.
        store: where pictures come from (None: initials only).
    """

    def __init__(self, size: int, store: AvatarStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._size = size
        self._store: AvatarStore | None = None
        self._name: str | None = None
        self._url: str | None = None
        self.setFixedSize(QSize(size, size))
        self.set_store(store)

    def set_store(self, store: AvatarStore | None) -> None:
        """Take pictures from ``store`` (None: initials only)."""
        old, self._store = self._store, store
        if old is not None and old is not store:
            try:
                old.changed.disconnect(self._on_store_changed)
                old.destroyed.disconnect(self._on_store_destroyed)
            except RuntimeError:
                pass  # the old store is being deleted (its signals go with it)
        if store is not None and store is not old:
            store.changed.connect(self._on_store_changed)
            store.destroyed.connect(self._on_store_destroyed)
        self.update()

    def _on_store_destroyed(self) -> None:
        # A signed-out account's pictures: initials until another store comes.
        self._store = None
        self.update()

    def set_player(self, name: str | None, url: str | None = None) -> None:
        """Show ``name``'s avatar (``url``: their picture); None: the signed-out glyph."""
        if (name, url) == (self._name, self._url):
            return
        self._name, self._url = name, url
        self.update()

    @property
    def player(self) -> tuple[str | None, str | None]:
        return (self._name, self._url)

    def _on_store_changed(self, url: str) -> None:
        if url == self._url:
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        ratio = self.devicePixelRatioF()
        if self._name is None:
            pixmap = avatar_pixmap(None, self._size, ratio)
        elif self._store is not None:
            pixmap = self._store.pixmap(self._name, self._url, self._size, ratio)
        else:
            pixmap = avatar_pixmap(self._name, self._size, ratio)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, pixmap)
        painter.end()
