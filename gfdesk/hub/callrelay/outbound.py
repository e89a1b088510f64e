"""What the call relay's sockets have not sent yet, counted in bytes. Qt-free.

python-socketio queues every packet for a client in its Engine.IO socket's queue, which
a writer task empties onto the WebSocket; a client that does not read stalls that
writer (aiohttp waits for the transport to drain) and the queue grows without bound.
The relay cannot let it: like the Realtime service's connections, each socket's
backlog is counted here, so the relay can cut off a client over its own cap and keep
the hub's total (Realtime and relay together) within the hub-wide outbound budget.

``MeteredQueue`` is the queue each Engine.IO socket gets (``MeteredEngineServer``
makes them, through the ``create_queue`` hook Engine.IO gives servers), and
``OutboundMeter`` holds the relay-wide total.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any

import engineio
import socketio

#: What a packet without text costs the count (a ping, a noop, the end marker).
SMALL_PACKET_BYTES = 16


class OutboundMeter:
    """Bytes queued to all of the relay's sockets and not yet taken by a writer."""

    def __init__(self) -> None:
        self.total = 0

    def __repr__(self) -> str:
        return f"OutboundMeter({self.total} bytes)"

    def current(self) -> int:
        """The total now."""
        return self.total


def packet_bytes(item: Any) -> int:
    """About what ``item`` (an Engine.IO packet, or the end marker) takes on the wire."""
    data = getattr(item, "data", None)
    if isinstance(data, str | bytes):
        return len(data) + SMALL_PACKET_BYTES
    return SMALL_PACKET_BYTES if item is not None else 0


class MeteredQueue(asyncio.Queue[Any]):
    """An Engine.IO socket's outgoing queue that counts the bytes it holds."""

    def __init__(self, meter: OutboundMeter) -> None:
        super().__init__()
        self._meter = meter
        self._sizes: deque[int] = deque()
        self._detached = False
        #: Bytes waiting in this queue.
        self.bytes = 0

    def _put(self, item: Any) -> None:
        size = packet_bytes(item)
        self._sizes.append(size)
        self.bytes += size
        if not self._detached:
            self._meter.total += size
        super()._put(item)

    def _get(self) -> Any:
        item = super()._get()
        size = self._sizes.popleft()
        self.bytes -= size
        if not self._detached:
            self._meter.total -= size
        return item

    def detach(self) -> None:
        """The socket is gone: what waits (and whatever still comes) no longer counts
        towards the relay's total."""
        if not self._detached:
            self._detached = True
            self._meter.total -= self.bytes


class MeteredEngineServer(engineio.AsyncServer):  # type: ignore[misc]
    """An Engine.IO server whose sockets' queues are ``MeteredQueue``s.

    Args:
        meter: where the relay-wide total is kept.
        **options: Engine.IO server options.
    """

    def __init__(self, *, meter: OutboundMeter, **options: Any) -> None:
        self.meter = meter
        super().__init__(**options)

    def create_queue(self, *args: Any, **kwargs: Any) -> MeteredQueue:
        # Engine.IO makes one queue per socket with this, and nothing else.
        return MeteredQueue(self.meter)


class MeteredServer(socketio.AsyncServer):  # type: ignore[misc]
    """python-socketio's server over a ``MeteredEngineServer`` (pass ``meter=``)."""

    def _engineio_server_class(self) -> type[MeteredEngineServer]:
        return MeteredEngineServer
