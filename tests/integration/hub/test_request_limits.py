"""Requests that cannot be read cost the hub nothing (issue 13, finding 6): a body that
is not JSON or nests too deep is a 400 on every endpoint (sign-up answered 500 with a
RecursionError), and half-sent requests are closed at the header and body limits."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
import pytest

from gfdesk.hub.context import HubConfig
from gfdesk.hub.runner import RunningHub

#: JSON nested 100,000 deep: valid to a streaming parser, too deep for a recursive one.
DEEP = b"[" * 100_000 + b"]" * 100_000
ENDPOINTS = [
    "/auth/v1/signup",
    "/auth/v1/token?grant_type=password",
    "/auth/v1/token?grant_type=refresh_token",
    "/rest/v1/messages",
    "/rest/v1/rpc/create_conversation",
    "/realtime/v1/api/broadcast",
    "/realtime/v1/api/broadcast/room1/events/e",
]


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub", header_timeout_s=0.5, body_timeout_s=0.5)


@pytest.mark.parametrize("body", [DEEP, b"{not json", b"\xff\xfe"], ids=["deep", "bad", "bytes"])
@pytest.mark.parametrize("path", ENDPOINTS)
async def test_an_unreadable_body_is_a_400(hub: RunningHub, path: str, body: bytes) -> None:
    async with aiohttp.ClientSession() as http, http.post(
            hub.url + path, data=body,
            headers={"apikey": hub.anon_key, "Content-Type": "application/json"}) as resp:
        assert resp.status == 400, await resp.text()


async def _raw(hub: RunningHub, data: bytes) -> tuple[asyncio.StreamReader,
                                                      asyncio.StreamWriter]:
    host, port = hub.url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(data)
    await writer.drain()
    return reader, writer


async def test_headers_that_never_end_are_cut_off(hub: RunningHub) -> None:
    reader, writer = await _raw(hub, b"GET /auth/v1/health HTTP/1.1\r\nHost: hub\r\n")
    try:
        assert await reader.read() == b""  # closed by the hub, no answer
    finally:
        writer.close()


async def test_a_body_that_never_ends_is_a_408(hub: RunningHub) -> None:
    reader, writer = await _raw(hub, (
        f"POST /auth/v1/signup HTTP/1.1\r\nHost: hub\r\napikey: {hub.anon_key}\r\n"
        "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"email\":").encode())
    try:
        answer = await reader.read()
        assert answer.startswith(b"HTTP/1.1 408 ")
    finally:
        writer.close()
