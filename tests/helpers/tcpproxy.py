"""A loopback TCP proxy that can go silent: the network failure a close never reports.

``freeze()`` stops forwarding in both directions without closing anything (bytes read
meanwhile are held, as a dead route holds retransmissions), so neither end sees an
error: only an application-level heartbeat notices. ``thaw()`` resumes and delivers
what was held. ``drop()`` resets every open connection (a network that reset);
``go_down()``/``come_up()`` also stop and resume accepting on the same port (a server
or route that is away, then back).
"""

from __future__ import annotations

import asyncio
import contextlib


class TcpProxy:
    """Forwards 127.0.0.1:<port> to 127.0.0.1:<target_port>.

    Args:
        target_port: where to forward.
    """

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = 0
        self._server: asyncio.Server | None = None
        self._flowing = asyncio.Event()
        self._flowing.set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> TcpProxy:
        self._server = await asyncio.start_server(self._on_client, "127.0.0.1", self.port,
                                                  reuse_address=True)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def go_down(self) -> None:
        """Reset every connection and refuse new ones (the port stays reserved for us)."""
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        self.drop()

    async def come_up(self) -> None:
        """Accept connections again on the same port."""
        if self._server is None:
            await self.start()

    def freeze(self) -> None:
        """Stop forwarding; keep every connection open."""
        self._flowing.clear()

    def thaw(self) -> None:
        """Resume forwarding (held bytes go out first)."""
        self._flowing.set()

    def drop(self) -> None:
        """Reset every open connection."""
        for writer in list(self._writers):
            writer.transport.abort()

    async def aclose(self) -> None:
        if self._server is not None:
            self._server.close()
        self.thaw()
        self.drop()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()

    async def _on_client(self, reader: asyncio.StreamReader,
                         writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._writers.add(writer)
        upstream_writer: asyncio.StreamWriter | None = None
        try:
            try:
                up_reader, upstream_writer = await asyncio.open_connection(
                    "127.0.0.1", self.target_port)
            except OSError:
                return  # the server is down: the client sees its connection close
            self._writers.add(upstream_writer)
            await asyncio.gather(self._pump(reader, upstream_writer),
                                 self._pump(up_reader, writer), return_exceptions=True)
        except asyncio.CancelledError:
            # aclose() cancels connection handlers; asyncio's server would log a
            # cancelled handler as an error.
            pass
        finally:
            for w in (writer, upstream_writer):
                if w is not None:
                    self._writers.discard(w)
                    w.transport.abort()
            self._tasks.discard(task)

    async def _pump(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                data = await reader.read(65536)
                await self._flowing.wait()
                if not data:
                    break
                writer.write(data)
                await writer.drain()
        finally:
            with contextlib.suppress(Exception):
                writer.transport.abort()
