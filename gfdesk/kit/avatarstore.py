"""Profile pictures for every list that shows people: initials at once, the picture when
it has arrived.

``AvatarStore.pixmap(name, url, size, ratio)`` never waits: it returns the round
picture of ``url`` if it is decoded already, else the initials of ``name`` and asks
for the picture in the background; ``changed(url)`` tells the views to repaint once
it is there. One store serves the friends list, chat, notifications and the profile
card of one account, so each picture is fetched and decoded once.

What the kit does not know comes in as arguments: ``fetch(url)`` returns the bytes
(``gfdesk.core.avatarfetch`` with its size and time limits and its disk cache) and
``run(coro, name)`` runs a coroutine owned by the store (``gfdesk.bridge.spawn``).
Decoding is Qt's (``QImageReader``), on a worker thread, refused above
``MAX_PIXELS`` before any pixel is allocated, and the picture is kept cropped square
at ``SOURCE_PX``. Everything is bounded: decoded pictures and rendered pixmaps are
least-recently-used caches, pictures waiting to be fetched form a bounded stack (the
most recently painted first: rows on screen come before rows scrolled past), and a
failed URL is remembered so a broken picture is not fetched again and again.
"""

from __future__ import annotations

import asyncio
import enum
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRect, QRectF, QSize, Signal
from PySide6.QtGui import QImage, QImageReader, QPainter, QPainterPath, QPixmap

from gfdesk.kit.avatar import AvatarCache, transparent_pixmap

#: Pictures larger than this many pixels are refused before decoding.
MAX_PIXELS = 4096 * 4096
#: Qt's own allocation limit for one decode, in MiB (a second lock on the same door).
ALLOCATION_LIMIT_MB = 128
#: The side a picture is kept at (the largest avatar drawn, at 2x).
SOURCE_PX = 128
#: Decoded pictures kept.
MAX_IMAGES = 600
#: Rendered (round, sized) pixmaps kept.
MAX_PIXMAPS = 1500
#: Fetches running at once.
CONCURRENCY = 4
#: Pictures waiting for a fetch; older requests beyond this are dropped (asked again
#: when their row is painted again).
MAX_WAITING = 256
#: Failed URLs remembered.
MAX_FAILED = 2048

Fetch = Callable[[str], Awaitable[bytes]]
Runner = Callable[[Coroutine[Any, Any, None], str], object]


class AvatarState(enum.Enum):
    """Where the picture of a URL stands."""

    UNKNOWN = "unknown"
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


class AvatarDecodeError(Exception):
    """The bytes are not a picture Qt decodes within the limits."""


def decode_avatar(data: bytes, *, max_pixels: int = MAX_PIXELS,
                  side: int = SOURCE_PX) -> QImage:
    """``data`` decoded, cropped to its centre square and scaled to ``side`` (any thread).

    Raises:
        AvatarDecodeError: not an image Qt can read, or larger than ``max_pixels``.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    size = reader.size()
    if not size.isValid() or size.isEmpty():
        raise AvatarDecodeError(f"not an image ({reader.errorString()})")
    if size.width() * size.height() > max_pixels:
        raise AvatarDecodeError(f"{size.width()}x{size.height()} is too many pixels")
    square = min(size.width(), size.height())
    reader.setClipRect(QRect((size.width() - square) // 2, (size.height() - square) // 2,
                             square, square))
    reader.setScaledSize(QSize(min(side, square), min(side, square)))
    image = reader.read()
    buffer.close()
    if image.isNull():
        raise AvatarDecodeError(f"not decodable ({reader.errorString()})")
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


def round_pixmap(image: QImage, size: int, ratio: float) -> QPixmap:
    """``image`` as a ``size`` x ``size`` disc at device pixel ratio ``ratio``."""
    pixmap = transparent_pixmap(size, ratio)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    path = QPainterPath()
    path.addEllipse(QRectF(0, 0, size, size))
    painter.setClipPath(path)
    painter.drawImage(QRectF(0, 0, size, size), image)
    painter.end()
    return pixmap


class AvatarStore(QObject):
    """Pictures by URL, with initials until they arrive.

    Args:
        fetch: the bytes of a URL (raises on refusal).
        run: runs a coroutine owned by this store.
        concurrency: fetches at once.
        max_waiting: pending fetches kept.
        parent: the owner.

    Signals:
        changed(str): the picture of this URL is ready (repaint whoever shows it).
        failed(str, str): the picture of this URL was refused (initials stay), and why
            (for the owner's log; the kit logs nothing).
    """

    changed = Signal(str)
    failed = Signal(str, str)

    def __init__(self, fetch: Fetch, run: Runner, *, concurrency: int = CONCURRENCY,
                 max_waiting: int = MAX_WAITING, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._run = run
        self._concurrency = concurrency
        self._max_waiting = max_waiting
        self._initials = AvatarCache()
        self._images: OrderedDict[str, QImage] = OrderedDict()
        self._pixmaps: OrderedDict[tuple[str, int, float], QPixmap] = OrderedDict()
        #: The rendered sizes of each URL (to drop them with its picture).
        self._sizes: dict[str, set[tuple[str, int, float]]] = {}
        self._failed: OrderedDict[str, None] = OrderedDict()
        self._waiting: OrderedDict[str, None] = OrderedDict()
        self._loading: set[str] = set()
        self._closed = False

    # -- what views ask ---------------------------------------------------------------

    def pixmap(self, name: str, url: str | None, size: int, ratio: float = 1.0) -> QPixmap:
        """The picture of ``url`` as a disc, or ``name``'s initials (loading, failed or
        no URL); never waits."""
        if url:
            key = (url, size, ratio)
            cached = self._pixmaps.get(key)
            if cached is not None:
                self._pixmaps.move_to_end(key)
                return cached
            image = self._images.get(url)
            if image is not None:
                self._images.move_to_end(url)
                pixmap = self._pixmaps[key] = round_pixmap(image, size, ratio)
                self._sizes.setdefault(url, set()).add(key)
                if len(self._pixmaps) > MAX_PIXMAPS:
                    old, _ = self._pixmaps.popitem(last=False)
                    self._sizes.get(old[0], set()).discard(old)
                return pixmap
            self.request(url)
        return self._initials.get(name, size, ratio)

    def state(self, url: str) -> AvatarState:
        if url in self._images:
            return AvatarState.READY
        if url in self._failed:
            return AvatarState.FAILED
        if url in self._loading or url in self._waiting:
            return AvatarState.LOADING
        return AvatarState.UNKNOWN

    def request(self, url: str) -> None:
        """Fetch ``url``'s picture unless it is held, on its way or known broken."""
        if self._closed or url in self._images or url in self._failed or url in self._loading:
            return
        self._waiting[url] = None
        self._waiting.move_to_end(url)
        while len(self._waiting) > self._max_waiting:
            self._waiting.popitem(last=False)
        self._pump()

    def clear(self) -> None:
        """Forget every picture (sign-out): nothing of the account stays in memory."""
        self._images.clear()
        self._pixmaps.clear()
        self._sizes.clear()
        self._failed.clear()
        self._waiting.clear()

    def close(self) -> None:
        """Fetch nothing more (what is under way is dropped when it ends)."""
        self._closed = True
        self.clear()

    # -- fetching ---------------------------------------------------------------------

    def _pump(self) -> None:
        while self._waiting and len(self._loading) < self._concurrency and not self._closed:
            url, _ = self._waiting.popitem(last=True)  # the most recently asked first
            self._loading.add(url)
            self._run(self._load(url), "avatars:load")

    async def _load(self, url: str) -> None:
        try:
            data = await self._fetch(url)
            image = await asyncio.to_thread(decode_avatar, data)
        except asyncio.CancelledError:
            self._loading.discard(url)
            raise
        except Exception as exc:
            self._loading.discard(url)
            if not self._closed:
                self._remember_failed(url, exc)
                self._pump()
            return
        self._loading.discard(url)
        if self._closed:
            return
        self._images[url] = image
        if len(self._images) > MAX_IMAGES:
            dropped, _ = self._images.popitem(last=False)
            for key in self._sizes.pop(dropped, ()):
                self._pixmaps.pop(key, None)
        self.changed.emit(url)
        self._pump()

    def _remember_failed(self, url: str, exc: Exception) -> None:
        self._failed[url] = None
        if len(self._failed) > MAX_FAILED:
            self._failed.popitem(last=False)
        self.failed.emit(url, str(exc) or type(exc).__name__)
