"""A Realtime client that joins and then never reads: the slow consumer a hostile or
stalled player is. Plain asyncio streams (their reader stops after 64 KiB it was not
asked for), with a tiny receive buffer; an HTTP client library would keep draining the
socket. The handshake and one masked join frame are written by hand, then the socket
is left alone until ``close``. Qt-free.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import struct
from typing import Any
from urllib.parse import urlsplit

#: Bytes the kernel keeps for a socket that is never read: small, so the backlog piles
#: up in the server's process, where a real slow consumer leaves it.
RECEIVE_BUFFER_BYTES = 4096


def client_frame(text: str) -> bytes:
    """One masked WebSocket text frame, as clients must send (RFC 6455 5.3)."""
    data = text.encode()
    mask = os.urandom(4)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
    length = len(data)
    if length < 126:
        head = struct.pack("!BB", 0x81, 0x80 | length)
    elif length < 65536:
        head = struct.pack("!BBH", 0x81, 0x80 | 126, length)
    else:
        head = struct.pack("!BBQ", 0x81, 0x80 | 127, length)
    return head + mask + masked


async def open_websocket(url: str, target: str
                         ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A WebSocket upgrade of ``target`` (path and query) on the server at ``url`` (http
    or https), on a socket with a tiny receive buffer; the stream after the 101.

    Raises:
        ConnectionError: the server did not switch protocols (its status line).
    """
    parts = urlsplit(url)
    reader, writer = await asyncio.open_connection(
        parts.hostname, parts.port, ssl=False if parts.scheme == "http" else None)
    sock = writer.get_extra_info("socket")
    if sock is not None:
        import socket as socketlib
        sock.setsockopt(socketlib.SOL_SOCKET, socketlib.SO_RCVBUF, RECEIVE_BUFFER_BYTES)
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write((f"GET {target} HTTP/1.1\r\n"
                  f"Host: {parts.netloc}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
                 .encode())
    head = await reader.readuntil(b"\r\n\r\n")
    if b" 101 " not in head.split(b"\r\n", 1)[0]:
        writer.close()
        raise ConnectionError(head.split(b"\r\n", 1)[0].decode(errors="replace"))
    return reader, writer


class SilentSocket:
    """A joined socket that reads nothing after its handshake."""

    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self._writer = writer

    @classmethod
    async def join(cls, url: str, apikey: str, topic: str,
                   payload: dict[str, Any] | None = None) -> SilentSocket:
        """Connect to ``url`` (the hub's http or https URL), join ``topic``, go quiet."""
        _, writer = await open_websocket(url, f"/realtime/v1/websocket?apikey={apikey}&vsn=1.0.0")
        writer.write(client_frame(json.dumps({
            "topic": f"realtime:{topic}", "event": "phx_join", "ref": "1", "join_ref": "1",
            "payload": payload or {"config": {}}})))
        await writer.drain()
        return cls(writer)

    def close(self) -> None:
        self._writer.close()
