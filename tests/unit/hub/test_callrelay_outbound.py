"""The call relay's count of unsent bytes, and the Engine.IO hook it relies on."""

from __future__ import annotations

import engineio
from engineio.async_socket import AsyncSocket

from gfdesk.hub.callrelay.outbound import (
    SMALL_PACKET_BYTES,
    MeteredQueue,
    MeteredServer,
    OutboundMeter,
)


async def test_a_queue_counts_what_it_holds_in_itself_and_in_the_relay_total() -> None:
    meter = OutboundMeter()
    first, second = MeteredQueue(meter), MeteredQueue(meter)
    first.put_nowait(engineio.packet.Packet(engineio.packet.MESSAGE, data="x" * 1000))
    second.put_nowait(engineio.packet.Packet(engineio.packet.PING))
    assert first.bytes == 1000 + SMALL_PACKET_BYTES
    assert meter.total == 1000 + 2 * SMALL_PACKET_BYTES
    await first.get()
    assert first.bytes == 0 and meter.total == SMALL_PACKET_BYTES


def test_a_detached_queue_no_longer_counts_towards_the_total() -> None:
    meter = OutboundMeter()
    queue = MeteredQueue(meter)
    queue.put_nowait(engineio.packet.Packet(engineio.packet.MESSAGE, data="y" * 500))
    queue.detach()
    assert meter.total == 0
    queue.put_nowait(None)  # Engine.IO's end marker after the socket went away
    queue.get_nowait()
    queue.get_nowait()
    assert meter.total == 0 and queue.bytes == 0


def test_engineio_sockets_take_their_queue_from_the_servers_create_queue() -> None:
    # The relay meters every socket through this hook: if Engine.IO stops using it,
    # the relay's backlogs would go unseen.
    meter = OutboundMeter()
    server = MeteredServer(meter=meter, async_mode="aiohttp")
    socket = AsyncSocket(server.eio, "sid")
    assert isinstance(socket.queue, MeteredQueue)
