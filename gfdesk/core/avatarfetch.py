"""Avatar image bytes from a profile's ``avatar_url``: fetched with limits, kept on disk. Qt-free.

A URL comes from another player, so fetching it is done defensively: only ``http``
and ``https`` (a relative URL is resolved against the backend's URL, where the demo
hub serves its pictures), no credentials in the URL, at most ``MAX_BYTES`` (checked
on ``Content-Length`` and again while reading), a response that says it is not an
image is refused before its body is read, and the whole fetch (redirects included)
has ``TIMEOUT_S``. Any refusal is an ``AvatarError`` with a short reason; the caller
shows initials instead.

Fetched bytes are kept in ``cache_dir`` under the SHA-256 of the URL, so the next run
shows the picture without the network. The cache is bounded (``DISK_MAX_BYTES``):
the least recently used files go first. Disk work runs in a worker thread, never on
the event loop. Decoding is not done here (the widget kit decodes with Qt).
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from gfdesk.log import rest as log

if TYPE_CHECKING:
    import aiohttp

#: The largest avatar accepted, in bytes.
MAX_BYTES = 2 * 1024 * 1024
#: The longest a fetch may take, redirects and body included, in seconds.
TIMEOUT_S = 10.0
#: Redirects followed at most.
MAX_REDIRECTS = 3
#: The longest URL accepted, in characters.
MAX_URL_CHARS = 2048
#: The disk cache's bound, in bytes (least recently used files are evicted).
DISK_MAX_BYTES = 64 * 1024 * 1024
#: Content types taken as an image (servers that do not know say octet-stream).
IMAGE_TYPES = ("image/", "application/octet-stream")
SCHEMES = ("http", "https")
READ_CHUNK = 64 * 1024
CACHE_SUFFIX = ".img"


class AvatarError(Exception):
    """An avatar could not be had; ``str()`` says why (for the log, not the user)."""


def resolve_url(url: str, base_url: str | None = None) -> str:
    """The absolute ``http(s)`` URL to fetch for ``url``.

    Raises:
        AvatarError: not http(s), no host, credentials in it, or too long.
    """
    url = url.strip()
    if not url or len(url) > MAX_URL_CHARS:
        raise AvatarError("no usable URL")
    if base_url and not urlsplit(url).scheme:
        url = urljoin(base_url.rstrip("/") + "/", url.lstrip("/"))
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise AvatarError(f"scheme {parts.scheme or '(none)'!r} is not http(s)")
    if not parts.hostname:
        raise AvatarError("no host")
    if parts.username is not None or parts.password is not None:
        raise AvatarError("credentials in the URL")
    return url


def cache_key(url: str) -> str:
    """The cache file name of ``url``."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest() + CACHE_SUFFIX


class AvatarFetcher:
    """Fetches avatar bytes, through a bounded disk cache.

    Args:
        cache_dir: where fetched images are kept (None: no disk cache).
        base_url: what relative URLs are relative to (the backend's URL).
        max_bytes: the largest image accepted.
        timeout_s: the longest one fetch may take.
        disk_max_bytes: the disk cache's bound.
    """

    def __init__(self, cache_dir: Path | None, *, base_url: str | None = None,
                 max_bytes: int = MAX_BYTES, timeout_s: float = TIMEOUT_S,
                 disk_max_bytes: int = DISK_MAX_BYTES) -> None:
        self._cache_dir = cache_dir
        self._base_url = base_url
        self._max_bytes = max_bytes
        self._timeout_s = timeout_s
        self._disk_max_bytes = disk_max_bytes
        self._http: aiohttp.ClientSession | None = None
        #: Bytes held in the disk cache (None: not counted yet).
        self._disk_bytes: int | None = None
        self._disk_lock = asyncio.Lock()
        #: How many fetches went to the network (the rest came from disk).
        self.network_fetches = 0

    async def _client(self) -> aiohttp.ClientSession:
        # aiohttp rather than httpx: a body read only up to a limit is released by the
        # response's context, where httpx leaves an async generator half-way for the
        # garbage collector (which qasync's loop cannot then finish). Imported in a
        # worker thread: its import loads the system's certificates (tens of ms), which
        # froze the window as the friends list opened.
        if self._http is None:
            http = await asyncio.to_thread(importlib.import_module, "aiohttp")
            if self._http is None:
                self._http = http.ClientSession(
                    timeout=http.ClientTimeout(total=self._timeout_s),
                    headers={"Accept": "image/png,image/jpeg,image/webp,image/gif,"
                                       "image/*;q=0.8"})
        return self._http

    async def fetch(self, url: str) -> bytes:
        """The image bytes of ``url`` (from disk when cached).

        Raises:
            AvatarError: refused (see the module docstring) or failed.
        """
        absolute = resolve_url(url, self._base_url)
        cached = await self._read_cached(absolute)
        if cached is not None:
            return cached
        try:
            async with asyncio.timeout(self._timeout_s):
                data = await self._download(absolute)
        except TimeoutError:
            raise AvatarError(f"no image within {self._timeout_s:g} s") from None
        except AvatarError:
            raise
        except Exception as exc:  # aiohttp's ClientError and the rest: a refusal all the same
            raise AvatarError(f"{type(exc).__name__}: {exc}") from None
        await self._write_cached(absolute, data)
        return data

    async def _download(self, url: str) -> bytes:
        self.network_fetches += 1
        session = await self._client()
        async with session.get(url, allow_redirects=True,
                               max_redirects=MAX_REDIRECTS) as response:
            if response.status != 200:
                raise AvatarError(f"HTTP {response.status}")
            # Redirects may lead anywhere: the final URL obeys the same rules.
            resolve_url(str(response.url))
            kind = response.content_type.lower()
            if kind and not kind.startswith(IMAGE_TYPES):
                raise AvatarError(f"not an image ({kind})")
            length = response.content_length
            if length is not None and length > self._max_bytes:
                raise AvatarError(f"too large ({length:,} bytes)")
            chunks: list[bytes] = []
            size = 0
            while chunk := await response.content.read(READ_CHUNK):
                size += len(chunk)
                if size > self._max_bytes:
                    raise AvatarError(f"too large (over {self._max_bytes:,} bytes)")
                chunks.append(chunk)
        if not size:
            raise AvatarError("empty")
        return b"".join(chunks)

    # -- the disk cache -------------------------------------------------------------

    async def _read_cached(self, url: str) -> bytes | None:
        if self._cache_dir is None:
            return None
        return await asyncio.to_thread(_read_and_touch, self._cache_dir / cache_key(url))

    async def _write_cached(self, url: str, data: bytes) -> None:
        directory = self._cache_dir
        if directory is None:
            return
        async with self._disk_lock:
            try:
                if self._disk_bytes is None:
                    self._disk_bytes = await asyncio.to_thread(_disk_usage, directory)
                added = await asyncio.to_thread(_write, directory / cache_key(url), data)
                self._disk_bytes += added
                if self._disk_bytes > self._disk_max_bytes:
                    self._disk_bytes = await asyncio.to_thread(
                        _evict, directory, self._disk_max_bytes * 3 // 4)
            except OSError as exc:
                # A full or read-only disk costs the next run a download, nothing more.
                log.info("avatars: not cached on disk: %s", exc)

    async def aclose(self) -> None:
        http, self._http = self._http, None
        if http is not None:
            await http.close()


def _read_and_touch(path: Path) -> bytes | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        os.utime(path)  # recently used: evicted last
    except OSError:
        pass
    return data


def _write(path: Path, data: bytes) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.stat().st_size if path.exists() else 0
    temporary = path.with_suffix(f".{os.getpid()}.{time.monotonic_ns()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return len(data) - old


def _cached_files(directory: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(directory) as entries:
            return [e for e in entries if e.name.endswith(CACHE_SUFFIX) and e.is_file()]
    except OSError:
        return []


def _disk_usage(directory: Path) -> int:
    return sum(e.stat().st_size for e in _cached_files(directory))


def _evict(directory: Path, target: int) -> int:
    """Remove least recently used files until at most ``target`` bytes remain."""
    files = sorted(_cached_files(directory), key=lambda e: e.stat().st_mtime)
    total = sum(e.stat().st_size for e in files)
    for entry in files:
        if total <= target:
            break
        size = entry.stat().st_size
        try:
            os.remove(entry.path)
        except OSError:
            continue
        total -= size
    return total
