"""The Realtime WebSocket endpoint, ``/realtime/v1/websocket`` (spec 2.1). Qt-free.

Handshake as Realtime's ``UserSocket``: the token is the ``x-api-key`` header, else the
``apikey`` query parameter, and must be a valid JWT with ``role`` and ``exp``; ``vsn``
picks the serializer (1.0.0 when absent; anything else is a 403). Refusals are HTTP
responses with ``{"error": text}``. Then one receive loop per socket: frames are
decoded and handed to ``dispatch.handle``; a malformed frame closes the socket with
1007, silence for ``idle_timeout_s`` closes it with 1000, an oversized frame makes
aiohttp close it with 1009. Leaving, for any reason, untracks presence and ends the
socket's change subscriptions.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket

from aiohttp import WSMsgType, web

from gfdesk.hub.keys import InvalidToken
from gfdesk.hub.realtime import dispatch
from gfdesk.hub.realtime.channels import REALTIME
from gfdesk.hub.realtime.connection import CLOSE_INVALID_DATA, Connection
from gfdesk.hub.realtime.framing import (
    V1,
    FrameError,
    Version,
    decode_binary,
    decode_text,
)
from gfdesk.hub.realtime.limits import RateWindow
from gfdesk.hub.realtime.tokens import handshake_error, token_memo
from gfdesk.log import hub as log

API_KEY_MISSING = "API key is missing"
CLOSE_NORMAL = 1000
#: How long a close waits for the client's closing handshake (hub shutdown included).
CLOSE_TIMEOUT_S = 2.0
#: Each socket's kernel send buffer (see ``limit_kernel_buffer``); plenty for a LAN.
KERNEL_SEND_BUFFER_BYTES = 256 * 1024
#: Sockets of this sub-app still open, closed (1001) when the hub shuts down.
LIVE_SOCKETS: web.AppKey[set[Connection]] = web.AppKey("realtime_live_sockets")


def _error(status: int, text: str) -> web.Response:
    return web.Response(status=status, body=json.dumps({"error": text}).encode(),
                        content_type="application/json")


def limit_kernel_buffer(transport: asyncio.BaseTransport) -> None:
    """Keep the kernel's send buffer of a socket small: a consumer that does not read
    then costs the hub a cheap copy into its own (counted, bounded) buffer instead of
    an expensive one into the kernel's, which autotunes to megabytes per socket and
    which no budget of the hub sees."""
    sock = transport.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, KERNEL_SEND_BUFFER_BYTES)


def _version(vsn: str) -> Version | None:
    try:
        return Version(vsn)
    except ValueError:
        return None


async def websocket_handler(request: web.Request) -> web.StreamResponse:
    """Upgrade, authenticate and serve one Realtime socket."""
    registry = request.config_dict[REALTIME]
    version = _version(request.query.get("vsn", V1))
    if version is None:
        return _error(403, f"Unsupported vsn {request.query.get('vsn', '')[:20]!r}")
    token = request.headers.get("x-api-key") or request.query.get("apikey")
    if not token:
        return _error(401, API_KEY_MISSING)
    tokens = token_memo(registry.keys)
    try:
        tokens.decode(token)
    except InvalidToken as exc:
        return _error(401, handshake_error(exc))
    settings = registry.settings
    ws = web.WebSocketResponse(compress=False, max_msg_size=settings.max_frame_bytes,
                               autoping=True, timeout=CLOSE_TIMEOUT_S)
    if not ws.can_prepare(request).ok:
        return _error(400, "Expected a WebSocket upgrade request")
    await ws.prepare(request)
    transport = request.transport
    if transport is None:  # the client left during the upgrade
        return ws
    limit_kernel_buffer(transport)
    conn = Connection(registry, ws, transport, version, token, tokens=tokens,
                      id=registry.next_id(),
                      message_rate=RateWindow(settings.messages_per_second),
                      join_rate=RateWindow(settings.joins_per_second))
    registry.connections.add(conn)
    live = request.app[LIVE_SOCKETS]
    live.add(conn)
    log.debug("realtime: connection %d open (vsn %s)", conn.id, version.value)
    try:
        await _serve(conn, settings.idle_timeout_s)
    finally:
        conn.drop_all()
        registry.forget(conn)
        live.discard(conn)
        conn.closed = True
        log.debug("realtime: connection %d closed (%s)", conn.id, ws.close_code)
    return ws


async def _serve(conn: Connection, idle_timeout_s: float) -> None:
    ws = conn.ws
    while not conn.closed:
        try:
            msg = await ws.receive(timeout=idle_timeout_s)
        except TimeoutError:
            await conn.close(CLOSE_NORMAL, "idle timeout")
            return
        if msg.type not in (WSMsgType.TEXT, WSMsgType.BINARY):
            return  # close, error (aiohttp already answered with its close code)
        try:
            if msg.type is WSMsgType.TEXT:
                frame = decode_text(msg.data, conn.version)
            else:
                frame = decode_binary(msg.data, conn.version)
        except FrameError as exc:
            log.debug("realtime: connection %d: malformed frame: %s", conn.id, exc)
            await conn.close(CLOSE_INVALID_DATA, f"malformed frame: {exc}")
            return
        try:
            await dispatch.handle(conn, frame)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("realtime: connection %d: handler failed on %s/%s", conn.id,
                          frame.topic[:64], frame.event[:32])
            await conn.close(1011, "internal error")
            return


async def close_live_sockets(app: web.Application) -> None:
    """``on_shutdown`` of the sub-app: close sockets so the runner need not wait."""
    live: set[Connection] = app[LIVE_SOCKETS]
    conns = list(live)
    await asyncio.gather(*(c.close(1001, "server shutting down") for c in conns),
                         return_exceptions=True)
