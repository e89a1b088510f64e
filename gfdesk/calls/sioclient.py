"""One account's connection to a Socket.IO signalling server (python-socketio). Qt-free.

``SocketIOLink`` holds one python-socketio ``AsyncClient`` for all of an account's
call rooms (``docs/socketio-signalling.md`` is the contract it speaks):

- it connects with ``auth = {token, access_token}``, the access token fetched afresh
  for every attempt, and reconnects on its own after any loss (the library's
  reconnection stops at a server-side disconnect; this one does not), waiting the
  shared ``Backoff`` between attempts;
- after each connect it joins every room a channel asked for again (the server forgot
  them), and tells each room whether it is back (``RoomListener.up``) or refused;
- a room that stays down for ``lost_after_s`` is told it is lost;
- it sends ``{call_id, id, payload}`` with or without an acknowledgement and hands
  each arriving ``{call_id, id, from, payload}`` to its room's listener, in order.

The libraries' own lines stay out of the app's log but for errors: their INFO lines
carry payloads and the handshake, and their warnings are about connections dropping,
which the link handles and logs itself (``gfdesk.call.socketio``, ERROR and above).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import aiohttp
import socketio

from gfdesk.calls.signals import SignalKind
from gfdesk.core.backoff import Backoff
from gfdesk.core.clock import SYSTEM_CLOCK, Clock
from gfdesk.log import call as log

#: Longest wait for an acknowledgement before the message counts as not delivered.
ACK_TIMEOUT_S = 5.0
#: A room whose connection is down this long is lost (its call cannot go on).
LOST_AFTER_S = 15.0
#: Reconnection waits: short at first (a restart takes seconds), at most this.
RECONNECT_BACKOFF = Backoff(base_s=0.25, cap_s=4.0)
#: How long one connection attempt may take (handshake, namespace, joins).
CONNECT_TIMEOUT_S = 5.0
LIBRARY_LOGGER = "gfdesk.call.socketio"
SIGNAL_EVENTS = tuple(kind.value for kind in SignalKind)

AccessToken = Callable[[], Awaitable[str]]
#: The server's auth token, or how to read it (the app reads the keyring on first use,
#: so building the signalling never waits for the keyring).
ServerToken = str | Callable[[], Awaitable[str]]


@dataclass(frozen=True)
class SignallingServer:
    """A Socket.IO server that carries call signalling.

    Attributes:
        url: its http(s) URL (the Socket.IO path is appended).
        token: its auth token (a secret from the keyring; a gfdesk hub takes its anon key),
            or a coroutine function that reads it, called before each connection.
        path: the Socket.IO path.
    """

    url: str
    token: ServerToken = field(repr=False)
    path: str = "socket.io"


class RelayRefused(Exception):
    """The signalling server refused a connection, a join or a message.

    Attributes:
        code: its reason code (``docs/socketio-signalling.md``).
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code


class RoomListener(Protocol):
    """What a call's channel hears from the link."""

    def message(self, event: str, envelope: Mapping[str, Any]) -> None:
        """A signalling event of this call arrived."""

    def up(self) -> None:
        """The room is joined (again)."""

    def lost(self, reason: str, refusal: RelayRefused | None = None) -> None:
        """The room cannot be joined (again): ``refusal`` when the server refused it,
        None when it stayed down too long."""


def _refusal(ack: object) -> RelayRefused | None:
    if isinstance(ack, Mapping) and ack.get("ok") is True:
        return None
    if isinstance(ack, Mapping):
        return RelayRefused(str(ack.get("code", "refused"))[:40],
                            str(ack.get("message", ""))[:200])
    return RelayRefused("bad_ack", "the server's acknowledgement is not an object")


class SocketIOLink:
    """An account's Socket.IO connection, shared by its call channels.

    Args:
        server: where to connect.
        access_token: the user's current access token (called for every attempt).
        lost_after_s: how long a room may stay down before it is lost.
        backoff: waits between connection attempts.
        clock: time and randomness.
    """

    def __init__(self, server: SignallingServer, access_token: AccessToken, *,
                 lost_after_s: float = LOST_AFTER_S, backoff: Backoff = RECONNECT_BACKOFF,
                 clock: Clock = SYSTEM_CLOCK) -> None:
        self.server = server
        self._access_token = access_token
        self.lost_after_s = lost_after_s
        self._backoff = backoff
        self._clock = clock
        self._client: socketio.AsyncClient | None = None
        self._http: aiohttp.ClientSession | None = None
        self._rooms: dict[str, RoomListener] = {}
        #: Rooms joined on the current connection.
        self._joined: set[str] = set()
        #: When each room that is not joined is given up (while the link is down).
        self._lost_timers: dict[str, asyncio.TimerHandle] = {}
        #: Set while connected with every wanted room joined (or refused).
        self.ready = asyncio.Event()
        self._down = asyncio.Event()
        self._send_lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._closed = False
        #: Why the last connection attempt failed (for messages); empty while connected.
        self.last_error = ""
        #: Connections made so far (with every room joined again).
        self.connections = 0
        self._connected = asyncio.Event()

    def __repr__(self) -> str:
        return f"SocketIOLink({self.server.url!r}, {len(self._rooms)} rooms)"

    # -- lifecycle ------------------------------------------------------------------

    def start(self) -> None:
        """Connect in the background (and stay connected until ``aclose``); call it on
        the loop the link runs on."""
        if self._task is not None or self._closed:
            return
        library_log = logging.getLogger(LIBRARY_LOGGER)
        if library_log.level == logging.NOTSET:
            library_log.setLevel(logging.ERROR)
        # One HTTP session for every attempt, closed by aclose (the library would open
        # and close one per connection).
        self._http = aiohttp.ClientSession()
        client = socketio.AsyncClient(reconnection=False, handle_sigint=False,
                                      logger=library_log, engineio_logger=library_log,
                                      http_session=self._http)
        client.on("connect", self._on_connect)
        client.on("disconnect", self._on_disconnect)
        client.on("connect_error", self._on_connect_error)
        for event in SIGNAL_EVENTS:
            client.on(event, self._handler(event))
        self._client = client
        self._task = asyncio.create_task(self._run(), name="call:socketio")

    async def aclose(self) -> None:
        """Disconnect and stop reconnecting; rooms hear nothing more."""
        self._closed = True
        self._rooms.clear()
        for call_id in list(self._lost_timers):
            self._cancel_lost_timer(call_id)
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        if self._client is not None:
            with contextlib.suppress(Exception):
                await self._client.disconnect()
        if self._http is not None:
            await self._http.close()

    async def _run(self) -> None:
        assert self._client is not None
        attempt = 0
        while not self._closed:
            try:
                async with asyncio.timeout(CONNECT_TIMEOUT_S):
                    await self._connect(self._client)
                    await self._rejoin()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self.last_error = self.last_error or f"{type(exc).__name__}: {exc}"
                log.info("socketio %s: connection failed (%s)", self.server.url,
                         self.last_error)
                with contextlib.suppress(Exception):
                    await self._client.disconnect()
                await self._clock.sleep(self._backoff.delay(attempt, self._clock.random()))
                attempt += 1
                continue
            attempt = 0
            self.connections += 1
            self._connected.set()
            self.ready.set()
            await self._down.wait()
            self.ready.clear()
            for call_id in self._rooms:
                self._start_lost_timer(call_id)
            log.info("socketio %s: connection lost; reconnecting", self.server.url)

    async def _connect(self, client: socketio.AsyncClient) -> None:
        self._down.clear()
        self._joined.clear()
        self.last_error = ""
        await client.connect(self.server.url, auth=self._auth, transports=["websocket"],
                             socketio_path=self.server.path, wait_timeout=CONNECT_TIMEOUT_S)

    async def _auth(self) -> dict[str, str]:
        token = self.server.token if isinstance(self.server.token, str) \
            else await self.server.token()
        return {"token": token, "access_token": await self._access_token()}

    async def _rejoin(self) -> None:
        # A channel may ask for a room while this runs: go on until none is left.
        while pending := [c for c in self._rooms if c not in self._joined]:
            for call_id in pending:
                await self._join_room(call_id)

    async def _join_room(self, call_id: str) -> None:
        listener = self._rooms.get(call_id)
        if listener is None:
            return
        refusal = _refusal(await self._call("join", {"call_id": call_id}))
        if self._rooms.get(call_id) is not listener:
            return  # left meanwhile
        if refusal is not None:
            log.info("socketio %s: call %s refused: %s", self.server.url, call_id[:8],
                     refusal)
            self._forget(call_id)
            listener.lost(f"the signalling server refused the call ({refusal})", refusal)
            return
        self._joined.add(call_id)
        self._cancel_lost_timer(call_id)
        listener.up()

    # -- the library's events -------------------------------------------------------

    def _on_connect(self) -> None:
        log.debug("socketio %s: connected", self.server.url)

    def _on_disconnect(self, reason: object = None) -> None:
        self._joined.clear()
        self._down.set()

    def _on_connect_error(self, data: object = None) -> None:
        message, code = str(data)[:200], "refused"
        if isinstance(data, Mapping):
            message = str(data.get("message", ""))[:200]
            extra = data.get("data")
            if isinstance(extra, Mapping) and isinstance(extra.get("code"), str):
                code = extra["code"][:40]
        self.last_error = f"{code}: {message}"

    def _handler(self, event: str) -> Callable[[object], None]:
        def deliver(envelope: object = None) -> None:
            if not isinstance(envelope, Mapping):
                return
            call_id = envelope.get("call_id")
            listener = self._rooms.get(call_id) if isinstance(call_id, str) else None
            if listener is not None:
                listener.message(event, envelope)
        return deliver

    # -- lost rooms -----------------------------------------------------------------

    def _start_lost_timer(self, call_id: str) -> None:
        if call_id not in self._lost_timers and not self._closed:
            self._lost_timers[call_id] = asyncio.get_running_loop().call_later(
                self.lost_after_s, self._lose, call_id)

    def _cancel_lost_timer(self, call_id: str) -> None:
        timer = self._lost_timers.pop(call_id, None)
        if timer is not None:
            timer.cancel()

    def _forget(self, call_id: str) -> None:
        self._rooms.pop(call_id, None)
        self._joined.discard(call_id)
        self._cancel_lost_timer(call_id)

    def _lose(self, call_id: str) -> None:
        self._lost_timers.pop(call_id, None)
        listener = self._rooms.get(call_id)
        if listener is None or self.joined(call_id):
            return
        self._forget(call_id)
        listener.lost(f"no connection to the signalling server {self.server.url} for "
                      f"{self.lost_after_s:.0f} s ({self.last_error or 'connection lost'})")

    # -- rooms and messages ---------------------------------------------------------

    async def join(self, call_id: str, listener: RoomListener) -> None:
        """Ask for a call's room, and keep it joined across reconnects. The listener
        hears ``up`` once it is joined (now, if connected, or after the next
        connect) and ``lost`` if it is refused or stays down too long.

        Raises:
            RelayRefused: connected, and the server refused it.
        """
        self._rooms[call_id] = listener
        self.start()
        if not self.ready.is_set():
            self._start_lost_timer(call_id)
            return
        refusal = _refusal(await self._call("join", {"call_id": call_id}))
        if refusal is not None:
            self._forget(call_id)
            raise refusal
        self._joined.add(call_id)
        listener.up()

    async def wait_connections(self, count: int) -> None:
        """Wait until ``count`` connections were made (rooms joined again)."""
        while self.connections < count:
            self._connected.clear()
            await self._connected.wait()

    def joined(self, call_id: str) -> bool:
        """Whether the room is joined on the current connection."""
        return call_id in self._joined and self.ready.is_set()

    async def leave(self, call_id: str) -> None:
        """Stop hearing a call (and tell the server, if connected)."""
        was_joined = self.joined(call_id)
        self._forget(call_id)
        if was_joined:
            with contextlib.suppress(Exception):
                await self._call("leave", {"call_id": call_id})

    async def emit(self, event: str, data: dict[str, Any]) -> None:
        """Send without an acknowledgement.

        Raises:
            socketio.exceptions.SocketIOError: not connected.
        """
        if self._client is None:
            raise socketio.exceptions.BadNamespaceError("not connected")
        async with self._send_lock:
            await self._client.emit(event, data)

    async def call(self, event: str, data: dict[str, Any]) -> object:
        """Send and wait for the acknowledgement (what the server answered).

        Raises:
            TimeoutError: no acknowledgement in time (or the connection dropped).
            socketio.exceptions.SocketIOError: not connected.
        """
        return await self._call(event, data)

    async def _call(self, event: str, data: dict[str, Any]) -> object:
        if self._client is None:
            raise socketio.exceptions.BadNamespaceError("not connected")
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[object] = loop.create_future()

        def acknowledged(*args: object) -> None:
            if not answer.done():
                answer.set_result(args[0] if args else None)

        async with self._send_lock:
            await self._client.emit(event, data, callback=acknowledged)
        down: asyncio.Future[Any] = asyncio.ensure_future(self._down.wait())
        waiting: set[asyncio.Future[Any]] = {answer, down}
        try:
            done, _ = await asyncio.wait(waiting, timeout=ACK_TIMEOUT_S,
                                         return_when=asyncio.FIRST_COMPLETED)
        finally:
            down.cancel()
        if answer not in done:
            answer.cancel()
            raise TimeoutError(f"no acknowledgement of {event}")
        return answer.result()
