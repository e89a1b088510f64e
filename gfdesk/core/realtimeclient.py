"""The official realtime client with what a long-running desktop app needs. Qt-free.

``RealtimeClient`` subclasses realtime-py's ``AsyncRealtimeClient`` and overrides only
what must change; the channel, push and presence machinery is the library's. The
connection supervisor (``connection.py``) owns retrying and state; this class makes
one connection at a time and says when it is gone.

Install it on the supabase client right after creating that (``install_on``), so the
client's auth listener (which calls ``realtime.set_auth`` on every auth event) reaches
it and every live channel gets each refreshed token.

This module is the one adapter for the official clients' private parts: every reach
into an underscored name of realtime-py or supabase-py (the overrides here, and the
helpers at the bottom: channel disposal, join state, presence routing, the supabase
client's refresh timer) lives here, each checked by a canary in
``tests/unit/core/test_official_internals.py`` that fails loudly when an upgrade moves
it. ``pyproject.toml`` pins both packages to the minor version those canaries passed on.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import websockets
from pydantic import ValidationError
from realtime import AsyncRealtimeChannel, AsyncRealtimeClient
from realtime._async.presence import AsyncRealtimePresence
from realtime.message import (
    Message,
    PresenceDiffMessage,
    PresenceStateMessage,
    ReplyMessage,
    ServerMessage,
    ServerMessageAdapter,
)
from realtime.types import PHOENIX_CHANNEL, ChannelEvents

from gfdesk.core import collector
from gfdesk.core.chunkedjson import ChunkedJsonError, aloads_object
from gfdesk.core.clock import SYSTEM_CLOCK, Clock
from gfdesk.core.status import CONNECTION_LOST_DETAIL, NO_CLOSE_FRAME
from gfdesk.log import realtime as log

if TYPE_CHECKING:
    from supabase import AsyncClient
    from websockets.asyncio.client import ClientConnection


#: Largest frame accepted. The library's (websockets') default of 1 MiB drops the whole
#: connection on a presence state of about 7,900 members.
MAX_FRAME_BYTES = 64 * 1024 * 1024
#: Frames larger than this are parsed in steps so the loop (and the GUI on it) keeps
#: running (``_parse_large``); awaited in place, so messages stay in order. Validating a
#: presence state in one pydantic call costs about 0.1 ms per KB: a 200 KB state (1,000
#: members) was a 22 ms call, the worst stall of the presence benchmark's smaller runs.
LARGE_FRAME_BYTES = 32 * 1024
DEFAULT_HEARTBEAT_INTERVAL_S = 25.0
#: A connection that answers no heartbeat within this many intervals is dead.
HEARTBEAT_TIMEOUT_INTERVALS = 2.0
OPEN_TIMEOUT_S = 10
#: A close handshake with a server that vanished must not hold up quitting.
CLOSE_TIMEOUT_S = 2.0

#: Presence frames by event name: built without pydantic's validation (``_parse_large``).
_PRESENCE_MODELS: dict[str, type[PresenceStateMessage] | type[PresenceDiffMessage]] = {
    ChannelEvents.presence_state.value: PresenceStateMessage,
    ChannelEvents.presence_diff.value: PresenceDiffMessage,
}

DisconnectListener = Callable[[str], None]
RttListener = Callable[[float], None]


def _parse(raw: str | bytes) -> ServerMessage | None:
    try:
        return ServerMessageAdapter.validate_json(raw)
    except ValidationError as exc:
        # Not the frame itself: it can hold private rows and tokens.
        log.warning("realtime: dropped a malformed frame (%d bytes, %d errors)",
                    len(raw), exc.error_count())
        return None


def _validate(obj: dict[str, object]) -> ServerMessage | None:
    try:
        return ServerMessageAdapter.validate_python(obj)
    except ValidationError as exc:
        log.warning("realtime: dropped a malformed frame (%d errors)", exc.error_count())
        return None


async def _parse_large(raw: str | bytes) -> ServerMessage | None:
    """Parse a large frame without blocking the loop (and the GUI on it) for long.

    The JSON is walked in steps on the loop (``chunkedjson``): a parse on a worker
    thread would still hold the GIL through one long C call. Presence states and diffs
    (the frames that grow with the number of members) are built without pydantic's
    validation pass, another single long call; their shape is what the channel's
    presence handler reads. The collector is paused while the objects are created and
    they are frozen afterwards, so no collection rescans a 100,000-member state.

    Freezing is process-wide: cyclic garbage pending at that moment would never be
    collected. The young generations are collected first (cheap, where such garbage
    lives), so what can leak is limited to old-generation cycles, once per large frame.
    """
    with collector.paused(collect_young_first=True):
        try:
            obj = await aloads_object(raw)
        except ChunkedJsonError:
            return await asyncio.to_thread(_parse, raw)
    event, topic, payload = obj.get("event"), obj.get("topic"), obj.get("payload")
    model = _PRESENCE_MODELS.get(event) if isinstance(event, str) else None
    if model is not None and isinstance(topic, str) and isinstance(payload, dict) \
            and obj.get("ref") is None:
        message: ServerMessage = model.model_construct(
            event=ChannelEvents(event), topic=topic, payload=payload, ref=None)
        return message
    return await asyncio.to_thread(_validate, obj)


class RealtimeClient(AsyncRealtimeClient):
    """One realtime connection at a time, with measured, enforced heartbeats.

    Args:
        url: the realtime URL (``ws://host/realtime/v1`` or the http form).
        token: the anon key (the socket's ``apikey``).
        heartbeat_interval_s: time between heartbeats.
        heartbeat_timeout_s: how long a reply may take before the connection counts as
            dead (default: two intervals).
        clock: time for RTT measurement and heartbeat pacing.
        ssl_context: the TLS trust of a ``wss`` URL (a pinned LAN hub); None for the
            system's verification.
    """

    def __init__(self, url: str, token: str, *,
                 heartbeat_interval_s: float = DEFAULT_HEARTBEAT_INTERVAL_S,
                 heartbeat_timeout_s: float | None = None,
                 clock: Clock = SYSTEM_CLOCK,
                 ssl_context: ssl.SSLContext | None = None) -> None:
        # auto_reconnect off: the library's reconnect gives up after max_retries and
        # would race the supervisor's own.
        super().__init__(url, token=token, auto_reconnect=False, max_retries=1,
                         timeout=OPEN_TIMEOUT_S)
        self.heartbeat_interval_s = heartbeat_interval_s
        self.heartbeat_timeout_s = (heartbeat_timeout_s if heartbeat_timeout_s is not None
                                    else HEARTBEAT_TIMEOUT_INTERVALS * heartbeat_interval_s)
        self._clock = clock
        self._ssl_context = ssl_context
        self._heartbeats: dict[str, asyncio.Future[None]] = {}
        self._drop_reason = ""
        #: Called once per lost connection (not after ``close()``) with the reason.
        self.on_disconnect: DisconnectListener | None = None
        #: Called with each measured heartbeat round trip, in seconds.
        self.on_rtt: RttListener | None = None
        #: The last measured round trip, in seconds.
        self.rtt_s: float | None = None

    def __repr__(self) -> str:  # the URL carries the apikey
        return f"RealtimeClient(connected={self.is_connected}, channels={len(self.channels)})"

    # Override: ONE attempt. The library retries 5 times with its own backoff and then
    # raises; the supervisor retries forever with jitter and reports each failure. Also
    # sets the frame size cap, a short close timeout, and no websockets keepalive pings
    # (the heartbeat below detects dead connections and measures the round trip).
    async def connect(self) -> None:
        if self.is_connected:
            return
        generation = self._close_generation
        endpoint = self.endpoint_url()
        # wss: the pinned hub's context, or True for the system's; ws takes none.
        tls: ssl.SSLContext | bool | None = None
        if endpoint.startswith("wss:"):
            tls = self._ssl_context if self._ssl_context is not None else True
        ws = await websockets.connect(
            endpoint, open_timeout=self.timeout, max_size=MAX_FRAME_BYTES,
            ping_interval=None, close_timeout=CLOSE_TIMEOUT_S, ssl=tls)
        if generation != self._close_generation:  # close() was called meanwhile
            await ws.close()
            raise ConnectionError("the realtime client was closed while connecting")
        self._ws_connection = ws
        self._drop_reason = ""
        await self._on_connect()

    # Override: named tasks, and no flush of the send buffer. Frames buffered while
    # offline belong to the old connection (old join refs, stale heartbeats); channels
    # are rejoined from their stored join payloads, which carry the current token.
    async def _on_connect(self) -> None:
        self.send_buffer = []
        await self._stop_tasks()
        self._listen_task = asyncio.create_task(self._listen(), name="realtime:listen")
        self._heartbeat_task = asyncio.create_task(self._heartbeat(),
                                                   name="realtime:heartbeat")
        await self._rejoin_errored_channels()

    # Override: no eagerly formatted debug strings per frame (the library builds
    # f"receive: {msg!r}" even with logging off), large frames parsed off the loop,
    # heartbeat replies consumed here, a failing handler does not kill the connection,
    # and a lost connection is reported to the supervisor instead of reconnecting.
    async def _listen(self) -> None:
        ws = self._ws_connection
        if ws is None:
            return
        reason = "the server closed the connection"
        try:
            while True:
                # Undecoded: a large frame is decoded from UTF-8 in steps with its parse
                # (``_parse_large``), not in one call that holds the loop.
                raw = await ws.recv(decode=False)
                if len(raw) > LARGE_FRAME_BYTES:
                    message = await _parse_large(raw)
                else:
                    message = _parse(raw)
                if message is None:
                    continue
                if message.topic == PHOENIX_CHANNEL:
                    self._on_phoenix(message)
                    continue
                channel = self.channels.get(message.topic)
                if channel is None:
                    continue
                try:
                    if isinstance(message, PresenceStateMessage):
                        # What _handle_message does, minus its eager f"{message!r}"
                        # debug line: ~120 ms for the repr of a 100,000-member state.
                        channel.presence._on_state_event(message.payload)
                    elif isinstance(message, PresenceDiffMessage):
                        channel.presence._on_diff_event(message.payload)
                    else:
                        channel._handle_message(message)
                except Exception:
                    log.exception("realtime: a handler on %s failed", message.topic)
        except websockets.ConnectionClosed as exc:
            reason = CONNECTION_LOST_DETAIL.format(
                detail=exc.rcvd.code if exc.rcvd else NO_CLOSE_FRAME)
        if self._ws_connection is not ws:
            return  # close() or a newer connection: nobody to tell
        reason = self._drop_reason or reason
        self._ws_connection = None
        self._fail_heartbeats()
        self._set_channels_errored(ConnectionError(reason))
        log.debug("realtime: disconnected: %s", reason)
        if self.on_disconnect is not None:
            self.on_disconnect(reason)

    def _on_phoenix(self, message: ServerMessage) -> None:
        if isinstance(message, ReplyMessage) and message.ref is not None:
            waiter = self._heartbeats.pop(message.ref, None)
            if waiter is not None and not waiter.done():
                waiter.set_result(None)

    # Override: heartbeats carry a ref and their reply is awaited (the library sends
    # ref null and never checks). The round trip is measured; no reply within the
    # timeout means the connection is dead even if TCP says nothing (a suspended
    # laptop, a Wi-Fi change, a blackholed route): the transport is aborted, because
    # a close handshake would never complete, and the listener reports the loss.
    async def _heartbeat(self) -> None:
        ws = self._ws_connection
        loop = asyncio.get_running_loop()
        while ws is not None and self._ws_connection is ws:
            ref = self._make_ref()
            waiter: asyncio.Future[None] = loop.create_future()
            self._heartbeats[ref] = waiter
            started = self._clock.monotonic()
            frame = Message(topic=PHOENIX_CHANNEL, event=ChannelEvents.heartbeat,
                            payload={}, ref=ref)
            try:
                await ws.send(frame.model_dump_json())
                async with asyncio.timeout(self.heartbeat_timeout_s):
                    await waiter
            except TimeoutError:
                self._heartbeats.pop(ref, None)
                self._abort(ws, f"no heartbeat reply in {self.heartbeat_timeout_s:g} s")
                return
            except (websockets.ConnectionClosed, ConnectionError):
                return  # the listener reports it
            rtt = self._clock.monotonic() - started
            self.rtt_s = rtt
            if self.on_rtt is not None:
                self.on_rtt(rtt)
            await self._clock.sleep(max(0.0, self.heartbeat_interval_s - rtt))

    def _abort(self, ws: ClientConnection, reason: str) -> None:
        log.debug("realtime: aborting the connection: %s", reason)
        self._drop_reason = reason
        ws.transport.abort()

    def _fail_heartbeats(self) -> None:
        waiters, self._heartbeats = self._heartbeats, {}
        for waiter in waiters.values():
            if not waiter.done():
                waiter.set_exception(ConnectionError("disconnected"))
                waiter.exception()  # retrieved: nobody may be waiting any more

    # Override: also wait for the listener and heartbeat tasks to end, so nothing of
    # this client runs after close() returns.
    async def close(self) -> None:
        tasks = [self._listen_task, self._heartbeat_task]  # super() forgets them
        await super().close()
        self._fail_heartbeats()
        await self._stop_tasks(tasks)

    async def _stop_tasks(self, tasks: list[asyncio.Task[None] | None] | None = None
                          ) -> None:
        current = asyncio.current_task()
        if tasks is None:
            tasks = [self._listen_task, self._heartbeat_task]
        self._listen_task = self._heartbeat_task = None
        running = [t for t in tasks if t is not None and t is not current]
        for task in running:
            task.cancel()
        for task in running:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    def abort(self, reason: str) -> None:
        """Drop the connection as if the network failed (the listener reports it)."""
        ws = self._ws_connection
        if ws is not None:
            self._abort(ws, reason)


def install_on(client: AsyncClient, **options: object) -> RealtimeClient:
    """Replace ``client.realtime`` with a ``RealtimeClient`` (same URL and anon key).

    Call it right after creating the client, before any channel exists: the client's
    auth listener then calls ``set_auth`` on this instance with every new token.
    """
    realtime = RealtimeClient(str(client.realtime_url), client.supabase_key,
                              **options)  # type: ignore[arg-type]
    client.realtime = realtime
    return realtime


# -- the other reaches into the official clients' private parts ---------------------

PresenceHandler = Callable[[Any], None]


class _ForwardingPresence(AsyncRealtimePresence):
    """A channel's presence handler that hands the raw payloads on instead of
    rebuilding the library's whole-state structures on every event."""

    def __init__(self, on_state: PresenceHandler, on_diff: PresenceHandler) -> None:
        super().__init__()
        self._forward_state = on_state
        self._forward_diff = on_diff

    def _on_state_event(self, payload: Any) -> None:
        self._forward_state(payload)

    def _on_diff_event(self, payload: Any) -> None:
        self._forward_diff(payload)


def route_presence(channel: AsyncRealtimeChannel, on_state: PresenceHandler,
                   on_diff: PresenceHandler) -> None:
    """Send ``channel``'s raw ``presence_state`` / ``presence_diff`` payloads to the two
    handlers (before it joins)."""
    channel.presence = _ForwardingPresence(on_state, on_diff)


def has_joined_once(channel: AsyncRealtimeChannel) -> bool:
    """Whether ``channel.subscribe`` ran: the library rejoins such a channel itself
    after each reconnect, and subscribing it again would double its bindings."""
    return bool(channel._joined_once)


def forget_channel(realtime: AsyncRealtimeClient, channel: AsyncRealtimeChannel) -> None:
    """Drop ``channel`` from the client's list without the library's
    ``remove_channel``, which closes the socket when the last channel goes."""
    realtime._remove_channel(channel)


def dispose_channel(channel: AsyncRealtimeChannel) -> list[asyncio.Task[None]]:
    """Stop every timer and pending push of a left channel; returns its background
    tasks (cancelled) to await."""
    channel.rejoin_timer.reset()
    channel.join_push.destroy()
    for push in [*channel.messages_waiting_for_ack.values(), *channel._push_buffer]:
        push.destroy()
    channel.messages_waiting_for_ack.clear()
    channel._push_buffer = []
    tasks = list(channel._background_tasks)
    for task in tasks:
        task.cancel()
    return tasks


def stop_client_tasks(client: AsyncClient) -> list[asyncio.Task[Any]]:
    """Stop the supabase client's token refresh timer; returns its background tasks
    (auth listeners still running) to await before closing its connections."""
    timer = getattr(client.auth, "_refresh_token_timer", None)
    if timer is not None:
        timer.cancel()
        client.auth._refresh_token_timer = None
    return list(client._background_tasks)
