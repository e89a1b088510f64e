"""The avatar store with the real fetcher against a loopback picture server: initials
at once, the picture when it arrives, and initials for good when the URL is not an
image, too large (bytes or pixels), or too slow."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from gfdesk import bridge
from gfdesk.core.avatarfetch import AvatarFetcher
from gfdesk.kit.avatar import avatar_pixmap
from gfdesk.kit.avatarstore import AvatarState, AvatarStore, decode_avatar
from tests.helpers.pictures import SLOW_NEVER_ANSWERS, picture_server, png_bytes


def _image(pixmap: Any) -> QImage:
    return pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)


def _store(fetcher: AvatarFetcher) -> AvatarStore:
    store: AvatarStore | None = None

    def run(coro: Coroutine[Any, Any, None], name: str) -> object:
        return bridge.spawn(coro, name=name, owner=store)

    store = AvatarStore(fetcher.fetch, run)
    return store


async def test_initials_until_the_picture_arrives(qapp: QApplication, tmp_path: Path) -> None:
    async with picture_server() as server:
        fetcher = AvatarFetcher(tmp_path)
        store = _store(fetcher)
        url = server.url + "/ok.png"
        try:
            changed = bridge.next_emit(store.changed, timeout=10)
            first = store.pixmap("Nova Strike", url, 40)
            assert _image(first) == _image(avatar_pixmap("Nova Strike", 40))
            assert store.state(url) is AvatarState.LOADING
            assert await changed == (url,)
            picture = _image(store.pixmap("Nova Strike", url, 40))
        finally:
            await fetcher.aclose()
    assert store.state(url) is AvatarState.READY
    assert picture.pixelColor(20, 20) == QColor(200, 60, 90)
    assert picture.pixelColor(0, 0).alpha() == 0  # a disc, corners transparent


@pytest.mark.parametrize("path", ["/page", "/big.png", "/big-chunked.png",
                                  "/huge-pixels.png", "/not-a-picture.png",
                                  SLOW_NEVER_ANSWERS])
async def test_a_refused_picture_stays_initials_and_is_not_fetched_again(
        qapp: QApplication, tmp_path: Path, path: str) -> None:
    async with picture_server() as server:
        fetcher = AvatarFetcher(tmp_path, timeout_s=0.5)
        store = _store(fetcher)
        url = server.url + path
        try:
            failed = bridge.next_emit(store.failed, timeout=10)
            store.pixmap("Luna Lag", url, 34)
            (failed_url, reason) = await failed
            assert failed_url == url and reason
            store.pixmap("Luna Lag", url, 34)
            store.request(url)
            await asyncio.sleep(0)
            hits = server.hits.get(path, 0)
        finally:
            await fetcher.aclose()
    assert store.state(url) is AvatarState.FAILED
    assert _image(store.pixmap("Luna Lag", url, 34)) == _image(avatar_pixmap("Luna Lag", 34))
    assert hits == 1


def test_decoding_refuses_too_many_pixels_before_reading_them(qapp: QApplication) -> None:
    with pytest.raises(Exception, match="too many pixels"):
        decode_avatar(png_bytes(5000, 5000))
    assert decode_avatar(png_bytes(300, 100)).size().width() == 100  # centre square


async def test_waiting_requests_are_bounded_newest_first(qapp: QApplication) -> None:
    started: list[str] = []
    gate = asyncio.Event()

    async def fetch(url: str) -> bytes:
        started.append(url)
        await gate.wait()
        return png_bytes(4, 4)

    store: AvatarStore | None = None

    def run(coro: Coroutine[Any, Any, None], name: str) -> object:
        return bridge.spawn(coro, name=name, owner=store)

    store = AvatarStore(fetch, run, concurrency=2, max_waiting=5)
    for n in range(20):
        store.request(f"http://pictures.test/{n}.png")
    await asyncio.sleep(0)
    assert started == ["http://pictures.test/0.png", "http://pictures.test/1.png"]
    loaded = 0

    def count(_url: str) -> None:
        nonlocal loaded
        loaded += 1

    store.changed.connect(count)
    gate.set()
    async with asyncio.timeout(10):
        while loaded < 7:
            await bridge.next_emit(store.changed)
    # Two running, then the five most recent requests, newest first; the rest dropped.
    assert started[2:] == [f"http://pictures.test/{n}.png" for n in (19, 18, 17, 16, 15)]
    store.close()
