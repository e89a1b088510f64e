"""A Socket.IO client that joins a call's room and then never reads: the slow consumer
of the call relay. Plain asyncio streams with a tiny receive buffer; the Engine.IO
WebSocket handshake and the Socket.IO packets (connect with auth, join) are written by
hand, the answers up to the join's acknowledgement read, then the socket is left alone
until ``close``. Qt-free.
"""

from __future__ import annotations

import asyncio
import json
import struct
from typing import Any

from tests.helpers.silentws import client_frame, open_websocket


async def _read_frame(reader: asyncio.StreamReader) -> str:
    head = await reader.readexactly(2)
    length = head[1] & 0x7F
    if length == 126:
        length = struct.unpack("!H", await reader.readexactly(2))[0]
    elif length == 127:
        length = struct.unpack("!Q", await reader.readexactly(8))[0]
    return (await reader.readexactly(length)).decode()


class SilentSocketIO:
    """A socket in a call's room that reads nothing after it joined."""

    def __init__(self, writer: asyncio.StreamWriter, join_ack: dict[str, Any]) -> None:
        self._writer = writer
        self.join_ack = join_ack

    @classmethod
    async def join(cls, url: str, auth: dict[str, str], call_id: str) -> SilentSocketIO:
        """Connect to the relay at ``url`` (a hub's http URL), join the call, go quiet."""
        reader, writer = await open_websocket(url, "/socket.io/?EIO=4&transport=websocket")
        assert (await _read_frame(reader)).startswith("0{")  # Engine.IO open
        writer.write(client_frame("40" + json.dumps(auth)))  # Socket.IO connect
        connected = await _read_frame(reader)
        if not connected.startswith("40"):
            writer.close()
            raise ConnectionError(connected)
        writer.write(client_frame('421["join",' + json.dumps({"call_id": call_id}) + "]"))
        await writer.drain()
        ack = await _read_frame(reader)
        while not ack.startswith("431"):  # skip pings and the like until the join's ack
            ack = await _read_frame(reader)
        return cls(writer, json.loads(ack[3:])[0])

    def close(self) -> None:
        self._writer.close()
