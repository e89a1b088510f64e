"""One Realtime WebSocket client: its channels, its output, its limits. Qt-free.

Output bypasses aiohttp's per-message coroutine: every frame is a complete WebSocket
frame (``framing.ws_frame``) queued per socket and written straight to the transport
once per loop iteration (``Registry.mark_pending``), so a fan-out hands the same bytes
to many sockets without awaiting each, and a burst costs one syscall per socket.
Compression is never negotiated (``socket.py``), so these frames are valid as they
are. A client whose unsent output passes ``max_send_buffer_bytes`` is cut off instead
of buffered without bound.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from gfdesk.hub.realtime.channels import Channel, Registry
from gfdesk.hub.realtime.framing import Version, dumps, encode, ws_frame
from gfdesk.hub.realtime.limits import RateWindow
from gfdesk.hub.realtime.tokens import TokenMemo

log = logging.getLogger("gfdesk.hub")

EVENT_REPLY = "phx_reply"
EVENT_CLOSE = "phx_close"
EVENT_SYSTEM = "system"
EXTENSION_SYSTEM = "system"
#: Close codes (RFC 6455): going away, invalid payload, policy violation, too big.
CLOSE_GOING_AWAY = 1001
CLOSE_INVALID_DATA = 1007
CLOSE_POLICY = 1008
CLOSE_TOO_BIG = 1009
MAX_CLOSE_REASON = 120


@dataclass(eq=False)
class Connection:
    """A connected client socket and the channels it joined."""

    registry: Registry
    ws: web.WebSocketResponse
    transport: asyncio.Transport
    version: Version
    token: str = field(repr=False)
    #: The claims of the tokens this socket used, each verified once.
    tokens: TokenMemo = field(repr=False, kw_only=True)
    id: int = 0
    channels: dict[str, Channel] = field(default_factory=dict)
    message_rate: RateWindow = field(default_factory=lambda: RateWindow(0))
    join_rate: RateWindow = field(default_factory=lambda: RateWindow(0))
    closed: bool = False
    _pending: list[bytes] = field(default_factory=list, repr=False)

    # -- output --------------------------------------------------------------------

    def write(self, frame: bytes) -> None:
        """Queue one complete WebSocket frame; it goes out when the loop iteration ends.

        Frames for one socket within one loop iteration (a burst of broadcasts, a reply
        after its echo) leave in one ``transport.write``, one syscall instead of many.
        """
        if self.closed:
            return
        pending = self._pending
        if not pending:
            self.registry.mark_pending(self)
        pending.append(frame)

    def flush(self) -> None:
        """Hand the queued frames to the transport; cut off a client that cannot keep up."""
        pending = self._pending
        if not pending:
            return
        self._pending = []
        transport = self.transport
        if self.closed or transport.is_closing():
            return
        data = pending[0] if len(pending) == 1 else b"".join(pending)
        transport.write(data)
        # What was just queued does not count: one large message (a 100,000-member
        # presence state is about 25 MB) is not a slow client; output piling up is.
        backlog = transport.get_write_buffer_size() - len(data)
        if backlog > self.registry.settings.max_send_buffer_bytes:
            self.drop(f"too slow: {transport.get_write_buffer_size()} bytes unsent")

    def unsent_bytes(self) -> int:
        """Output the network has not taken yet (0 once closed)."""
        if self.closed:
            return 0
        return self.transport.get_write_buffer_size() + sum(len(f) for f in self._pending)

    def drop(self, reason: str) -> None:
        """Cut off a client that cannot keep up (its backlog is thrown away)."""
        if self.closed:
            return
        log.info("realtime: connection %d dropped: %s", self.id, reason)
        self.abort()

    def send(self, join_ref: str | None, ref: str | None, topic: str, event: str,
             payload: Any) -> None:
        """Serialize and send one message to this client only."""
        text = encode(self.version, join_ref, ref, topic, event, dumps(payload))
        self.write(ws_frame(text.encode()))

    def reply(self, join_ref: str | None, ref: str | None, topic: str, status: str,
              response: Any) -> None:
        """A ``phx_reply`` to the push with ``ref``."""
        self.send(join_ref, ref, topic, EVENT_REPLY, {"status": status, "response": response})

    def send_close(self, topic: str, join_ref: str | None) -> None:
        """``phx_close`` for one channel instance; ``ref`` is the join_ref (spec 2.9)."""
        self.send(join_ref, join_ref, topic, EVENT_CLOSE, {})

    def system(self, channel: Channel, message: str, *, ok: bool,
               extension: str = EXTENSION_SYSTEM) -> None:
        """A ``system`` push on ``channel`` (spec 2.8)."""
        self.send(channel.join_ref, None, channel.topic, EVENT_SYSTEM, {
            "message": message, "status": "ok" if ok else "error",
            "extension": extension, "channel": channel.sub_topic,
        })

    # -- channel lifecycle ---------------------------------------------------------

    def drop_channel(self, channel: Channel) -> None:
        """Forget ``channel`` here and in the registry (no frames sent)."""
        if self.channels.get(channel.topic) is channel:
            del self.channels[channel.topic]
        self.registry.remove(channel)

    def shutdown_channel(self, channel: Channel, message: str) -> None:
        """Server-initiated end: system error, then ``phx_close`` (spec 2.9)."""
        if self.channels.get(channel.topic) is not channel:
            return
        log.info("realtime: connection %d: %s shut down: %s", self.id, channel.topic, message)
        self.system(channel, message, ok=False)
        self.send_close(channel.topic, channel.join_ref)
        self.drop_channel(channel)

    def drop_all(self) -> None:
        """The socket is gone: every channel leaves (presence untracked, feeds ended)."""
        for channel in list(self.channels.values()):
            self.drop_channel(channel)

    async def close(self, code: int, reason: str) -> None:
        """Close the socket with ``code`` after the frames already queued."""
        if self.closed:
            return
        self.flush()  # aiohttp writes the close frame itself: queued frames go first
        self.closed = True
        try:
            await self.ws.close(code=code, message=reason[:MAX_CLOSE_REASON].encode())
        except Exception:  # the peer may be gone already; closing is best effort
            log.debug("realtime: connection %d: close failed", self.id, exc_info=True)

    def abort(self) -> None:
        """Drop the TCP connection at once (slow consumer, hub shutting down)."""
        self.closed = True
        self._pending = []
        self.transport.abort()
