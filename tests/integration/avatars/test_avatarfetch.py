"""Avatar bytes from a real HTTP server on loopback: what is accepted, what is refused
and how fast, and the bounded disk cache. Qt-free."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from gfdesk.core.avatarfetch import AvatarError, AvatarFetcher, cache_key, resolve_url
from tests.helpers.pictures import SLOW_NEVER_ANSWERS, picture_server, png_bytes


@pytest.mark.parametrize("url", [
    "ftp://example.com/a.png", "file:///etc/passwd", "javascript:alert(1)",
    "data:image/png;base64,AAAA", "http://user:secret@example.com/a.png", "http:///a.png",
    "", "   ", "https://example.com/" + "a" * 3000,
])
def test_only_plain_http_urls_are_fetched(url: str) -> None:
    with pytest.raises(AvatarError):
        resolve_url(url)


def test_a_relative_url_is_the_backends() -> None:
    assert resolve_url("/storage/v1/object/public/avatars/nova.png",
                       "http://127.0.0.1:54321") == (
        "http://127.0.0.1:54321/storage/v1/object/public/avatars/nova.png")
    with pytest.raises(AvatarError):
        resolve_url("/a.png")  # no backend to be relative to


async def test_a_picture_is_fetched_once_then_read_from_disk(tmp_path: Path) -> None:
    async with picture_server() as server:
        fetcher = AvatarFetcher(tmp_path / "avatars")
        try:
            first = await fetcher.fetch(server.url + "/ok.png")
            again = await AvatarFetcher(tmp_path / "avatars").fetch(server.url + "/ok.png")
            redirected = await fetcher.fetch(server.url + "/to-ok")
        finally:
            await fetcher.aclose()
    assert first == again == redirected == png_bytes(64, 48)
    assert server.hits["/ok.png"] == 2  # the second fetcher read the disk
    assert (tmp_path / "avatars" / cache_key(server.url + "/ok.png")).is_file()


@pytest.mark.parametrize(("path", "reason"), [
    ("/page", "not an image"),
    ("/big.png", "too large"),
    ("/big-chunked.png", "too large"),
    ("/missing.png", "HTTP 404"),
    ("/to-ftp", "Redirect"),
])
async def test_what_is_not_a_small_picture_is_refused(tmp_path: Path, path: str,
                                                      reason: str) -> None:
    async with picture_server() as server:
        fetcher = AvatarFetcher(tmp_path / "avatars")
        try:
            with pytest.raises(AvatarError, match=reason):
                await fetcher.fetch(server.url + path)
        finally:
            await fetcher.aclose()
    assert not list((tmp_path / "avatars").glob("*")), "nothing refused is cached"


async def test_a_server_that_never_answers_is_given_up_on_time(tmp_path: Path) -> None:
    async with picture_server() as server:
        fetcher = AvatarFetcher(tmp_path / "avatars", timeout_s=0.5)
        started = time.monotonic()
        try:
            with pytest.raises(AvatarError, match="no image within"):
                await fetcher.fetch(server.url + SLOW_NEVER_ANSWERS)
        finally:
            await fetcher.aclose()
        waited = time.monotonic() - started
    assert 0.4 < waited < 5


async def test_the_disk_cache_stays_within_its_bound(tmp_path: Path) -> None:
    directory = tmp_path / "avatars"
    async with picture_server() as server:
        one = len(png_bytes(64, 48))
        fetcher = AvatarFetcher(directory, disk_max_bytes=one * 3)
        try:
            for n in range(8):
                # Distinct URLs of the same picture: eight files' worth, room for three.
                await fetcher.fetch(f"{server.url}/ok.png?n={n}")
        finally:
            await fetcher.aclose()
    files = list(directory.glob("*.img"))
    assert sum(f.stat().st_size for f in files) <= one * 3
    assert files and (directory / cache_key(f"{server.url}/ok.png?n=7")).exists()
