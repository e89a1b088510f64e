"""Small PNG files made without Qt, and a loopback server that serves pictures well and
badly (not an image, too large, never answering), for the avatar tests."""

from __future__ import annotations

import asyncio
import struct
import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from aiohttp import web

SLOW_NEVER_ANSWERS = "/slow.png"


def png_bytes(width: int, height: int, rgb: tuple[int, int, int] = (200, 60, 90)) -> bytes:
    """A ``width`` x ``height`` PNG of one colour (compresses to almost nothing)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height, 9)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


@dataclass
class PictureServer:
    """What the server served, and its base URL."""

    url: str = ""
    hits: dict[str, int] = field(default_factory=dict)
    #: Set to let the slow route finish (the test's teardown does).
    release: asyncio.Event = field(default_factory=asyncio.Event)


@asynccontextmanager
async def picture_server(big_bytes: int = 3 * 1024 * 1024) -> AsyncIterator[PictureServer]:
    """Routes: /ok.png, /other.png (a second colour), /huge-pixels.png (5000x5000),
    /page (text/html), /big.png (``big_bytes`` with a length), /big-chunked.png (the
    same without one), /slow.png (headers never come), /to-ok (redirect),
    /to-ftp (redirect to ftp://), /missing.png (404)."""
    state = PictureServer()

    def count(request: web.Request) -> None:
        state.hits[request.path] = state.hits.get(request.path, 0) + 1

    async def handle(request: web.Request) -> web.StreamResponse:
        count(request)
        path = request.path
        if path == "/ok.png":
            return web.Response(body=png_bytes(64, 48), content_type="image/png")
        if path == "/other.png":
            return web.Response(body=png_bytes(40, 40, (20, 200, 90)), content_type="image/png")
        if path == "/huge-pixels.png":
            return web.Response(body=png_bytes(5000, 5000), content_type="image/png")
        if path == "/not-a-picture.png":
            return web.Response(body=b"GIF89a but not really", content_type="image/png")
        if path == "/page":
            return web.Response(text="<html>hi</html>", content_type="text/html")
        if path == "/big.png":
            return web.Response(body=b"\x89PNG" + b"\0" * big_bytes, content_type="image/png")
        if path == "/big-chunked.png":
            response = web.StreamResponse(headers={"Content-Type": "image/png"})
            response.enable_chunked_encoding()
            await response.prepare(request)
            for _ in range(big_bytes // 65536 + 2):
                await response.write(b"\0" * 65536)
            await response.write_eof()
            return response
        if path == SLOW_NEVER_ANSWERS:
            await state.release.wait()
            return web.Response(body=png_bytes(8, 8), content_type="image/png")
        if path == "/to-ok":
            raise web.HTTPFound("/ok.png")
        if path == "/to-ftp":
            raise web.HTTPFound("ftp://127.0.0.1/x.png")
        raise web.HTTPNotFound()

    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", handle)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    state.url = f"http://{host}:{port}"
    try:
        yield state
    finally:
        state.release.set()
        await runner.cleanup()
