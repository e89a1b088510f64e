"""One Realtime WebSocket client: its channels, its output, its limits. Qt-free.

Output bypasses aiohttp's per-message coroutine: every frame is a complete WebSocket
frame (``framing.ws_frame``) queued per socket and written straight to the transport
at the end of the loop iteration (``Registry.mark_pending``, in slices), so a fan-out
hands the same bytes to many sockets without awaiting each, and a burst costs one
syscall per socket.
Compression is never negotiated (``socket.py``), so these frames are valid as they
are. A client whose unsent output passes ``max_send_buffer_bytes`` is cut off instead
of buffered without bound.
"""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from gfdesk.hub.gateway import TokenCache
from gfdesk.hub.realtime.channels import Channel, Registry
from gfdesk.hub.realtime.framing import Version, dumps, encode, ws_frame
from gfdesk.hub.realtime.limits import RateWindow
from gfdesk.log import hub as log

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
#: The transport gets more frames only once its own buffer is below this.
TRANSPORT_LOW_WATER_BYTES = 64 * 1024
#: The largest piece handed to the transport at once (a kernel buffer's worth).
WRITE_CHUNK_BYTES = 256 * 1024


@dataclass(eq=False)
class Connection:
    """A connected client socket and the channels it joined."""

    registry: Registry
    ws: web.WebSocketResponse
    transport: asyncio.Transport
    version: Version
    token: str = field(repr=False)
    #: The claims of the tokens this socket used, each verified once.
    tokens: TokenCache = field(repr=False, kw_only=True)
    id: int = 0
    channels: dict[str, Channel] = field(default_factory=dict)
    message_rate: RateWindow = field(default_factory=lambda: RateWindow(0))
    join_rate: RateWindow = field(default_factory=lambda: RateWindow(0))
    closed: bool = False
    _pending: deque[bytes | memoryview] = field(default_factory=deque, repr=False)
    _pending_bytes: int = field(default=0, repr=False)
    #: The largest frame queued since the queue was last empty (see ``keeping_up``).
    _largest_pending: int = field(default=0, repr=False)

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
        self._pending_bytes += len(frame)
        self._largest_pending = max(self._largest_pending, len(frame))

    def flush(self, limit: int | None = None) -> int:
        """Hand queued frames to the transport; cut off a client that cannot keep up.

        Frames are shared by every subscriber of a fan-out and stay shared while they
        wait here. The transport gets them in pieces of at most ``WRITE_CHUNK_BYTES``
        and only while it has sent most of what it had (``TRANSPORT_LOW_WATER_BYTES``),
        so a piece usually goes straight to the kernel and a client that does not read
        costs the hub references, not copies, until it is cut off.

        Args:
            limit: hand over about this many bytes at most (at least one piece); the
                rest stays queued for the registry's next slice.

        Returns:
            How many bytes were handed over.
        """
        pending = self._pending
        if not pending:
            return 0
        transport = self.transport
        if self.closed or transport.is_closing():
            pending.clear()
            self._pending_bytes = self._largest_pending = 0
            return 0
        if not self.keeping_up():
            return 0
        handed = 0
        while pending and self.ready_for_more() and (limit is None or handed < limit
                                                     or not handed):
            pieces: list[bytes | memoryview] = []
            size = 0
            while pending and size < WRITE_CHUNK_BYTES:
                head, room = pending[0], WRITE_CHUNK_BYTES - size
                if len(head) <= room:
                    pieces.append(pending.popleft())
                    size += len(head)
                else:
                    view = memoryview(head)
                    pieces.append(view[:room])
                    pending[0] = view[room:]
                    size += room
            self._pending_bytes -= size
            transport.write(pieces[0] if len(pieces) == 1 else b"".join(pieces))
            handed += size
        return handed

    def keeping_up(self) -> bool:
        """Cut the client off (and say False) if its backlog passed its own cap."""
        if self.closed:
            return False
        if not self._pending:
            self._largest_pending = 0
            return True
        # One large message (a 100,000-member presence state is about 25 MB, with the
        # replies queued behind it) is not a slow client; output piling up is.
        backlog = (self.transport.get_write_buffer_size() + self._pending_bytes
                   - self._largest_pending)
        if backlog > self.registry.settings.max_send_buffer_bytes:
            self.drop(f"too slow: {backlog} bytes unsent")
            return False
        return True

    def ready_for_more(self) -> bool:
        """Whether the transport has sent most of what it had (see ``flush``)."""
        return self.transport.get_write_buffer_size() <= TRANSPORT_LOW_WATER_BYTES

    def has_pending(self) -> bool:
        """Whether frames wait for a flush."""
        return bool(self._pending) and not self.closed

    def unsent_bytes(self) -> int:
        """Output the network has not taken yet (0 once closed); queued frames count
        in full though a fan-out shares them, as they are what the client lags by."""
        if self.closed:
            return 0
        return self.transport.get_write_buffer_size() + self._pending_bytes

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
        self._pending.clear()
        self._pending_bytes = self._largest_pending = 0
        self.transport.abort()
