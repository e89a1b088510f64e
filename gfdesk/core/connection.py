"""The realtime connection supervisor: one connection that never gives up. Qt-free.

``ConnectionSupervisor`` owns the realtime client (``RealtimeClient``, installed on
the supabase client so token refreshes reach it) and every channel. Features subscribe
through it only (``subscribe(Subscription)``), never by creating channels themselves.

Lifecycle of the connection, as published ``ConnectionStatus``:
    CONNECTING -> ONLINE (with the measured heartbeat round trip) -> OFFLINE (with the
    reason and when the next attempt is due) -> CONNECTING -> ...
Each attempt is one connect; failures and losses wait a capped exponential backoff with
full jitter (0.5 s doubling up to 30 s, reset once a connection answered a heartbeat).
Before each attempt the current access token is fetched (refreshed if it is about to
expire) and set, so every rejoin carries it. After a reconnect every channel rejoins;
each subscription then gap-fills before its live rows resume (``SubscriptionHandle``).

Shutdown (``aclose``): presence untracked, every channel left, the socket closed, and
every task of the supervisor, the client and the channels ended.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING

from gfdesk.core.backoff import Backoff
from gfdesk.core.clock import SYSTEM_CLOCK, Clock
from gfdesk.core.realtimeclient import (
    DEFAULT_HEARTBEAT_INTERVAL_S,
    RealtimeClient,
    dispose_channel,
    forget_channel,
    has_joined_once,
    install_on,
)
from gfdesk.core.status import CONNECTION_LOST, NOT_STARTED, ConnectionState, ConnectionStatus
from gfdesk.core.subscription import Subscription, SubscriptionHandle
from gfdesk.log import realtime as log

if TYPE_CHECKING:
    from supabase import AsyncClient


#: Longest wait for the access token before an attempt (a refresh over a dead network).
TOKEN_TIMEOUT_S = 10.0

TokenProvider = Callable[[], Awaitable[str | None]]
StatusListener = Callable[[ConnectionStatus], None]


def _describe(exc: BaseException) -> str:
    text = str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class ConnectionSupervisor:
    """Keeps the realtime connection and every subscription alive.

    Args:
        client: the official supabase client (its ``realtime`` is replaced here).
        label: how the status bar names the backend.
        token: returns the current access token (None: use what the client has).
        heartbeat_interval_s: time between heartbeats (tests use about 1 s).
        heartbeat_timeout_s: reply deadline (default two intervals).
        backoff: retry policy.
        clock: time and randomness.
        ssl_context: the TLS trust of a pinned LAN hub (``tlspin``), None otherwise.
    """

    def __init__(self, client: AsyncClient, *, label: str = "",
                 token: TokenProvider | None = None,
                 heartbeat_interval_s: float = DEFAULT_HEARTBEAT_INTERVAL_S,
                 heartbeat_timeout_s: float | None = None,
                 backoff: Backoff | None = None, clock: Clock = SYSTEM_CLOCK,
                 ssl_context: ssl.SSLContext | None = None) -> None:
        self._client = client
        self._label = label
        self._token = token
        self._backoff = backoff or Backoff()
        self._clock = clock
        if isinstance(client.realtime, RealtimeClient):
            self.realtime = client.realtime
        else:
            self.realtime = install_on(client, heartbeat_interval_s=heartbeat_interval_s,
                                       heartbeat_timeout_s=heartbeat_timeout_s, clock=clock,
                                       ssl_context=ssl_context)
        self.realtime.on_disconnect = self._on_disconnect
        self.realtime.on_rtt = self._on_rtt
        self._handles: dict[str, SubscriptionHandle] = {}
        self._listeners: list[StatusListener] = []
        self._queues: set[asyncio.Queue[ConnectionStatus]] = set()
        self._disconnected = asyncio.Event()
        self._wake = asyncio.Event()
        self._drop_reason = ""
        self._healthy = False
        self._task: asyncio.Task[None] | None = None
        self._closed = False
        self.status = ConnectionStatus(ConnectionState.OFFLINE, NOT_STARTED, backend=label)
        #: Monotonic time of the next attempt while waiting, else None.
        self.next_attempt_at: float | None = None
        #: The backoff delay drawn for the current (or last) wait, in seconds.
        self.backoff_s = 0.0
        #: How many connections were made.
        self.connects = 0

    # -- status ---------------------------------------------------------------------

    def add_listener(self, listener: StatusListener) -> Callable[[], None]:
        """Call ``listener`` with every status change; returns a remover."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    async def statuses(self) -> AsyncIterator[ConnectionStatus]:
        """The current status, then every change (an endless stream; break out of it)."""
        queue: asyncio.Queue[ConnectionStatus] = asyncio.Queue()
        self._queues.add(queue)
        try:
            yield self.status
            while True:
                yield await queue.get()
        finally:
            self._queues.discard(queue)

    def _set(self, state: ConnectionState, reason: str = "", *,
             retry_in_s: float | None = None) -> None:
        old = self.status
        rtt = self.realtime.rtt_s if state is ConnectionState.ONLINE else None
        new = ConnectionStatus(state, reason, None if rtt is None else rtt * 1000.0,
                               self._label, retry_in_s)
        if new == old:
            return
        self.status = new
        if old.state is not state:
            log.debug("realtime: %s -> %s %s", old.state.name, state.name, reason)
        for listener in list(self._listeners):
            listener(new)
        for queue in self._queues:
            queue.put_nowait(new)

    # -- connection loop ------------------------------------------------------------

    def start(self) -> None:
        """Start connecting (and keep connected until ``aclose``)."""
        if self._task is None and not self._closed:
            self._task = asyncio.create_task(self._run(), name="realtime:supervisor")

    def wake(self) -> None:
        """Retry now instead of waiting out the backoff (the network came back)."""
        self._wake.set()

    def _on_disconnect(self, reason: str) -> None:
        self._drop_reason = reason
        self._disconnected.set()

    def _on_rtt(self, rtt_s: float) -> None:
        self._healthy = True
        if self.status.state is ConnectionState.ONLINE:
            self._set(ConnectionState.ONLINE)

    async def _run(self) -> None:
        attempt = 0
        while True:
            self._set(ConnectionState.CONNECTING, "connecting" if attempt == 0
                      else f"reconnecting (attempt {attempt + 1})")
            self._healthy = False
            self._disconnected.clear()
            try:
                await self._refresh_token()
                await self.realtime.connect()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                await self._wait(attempt, _describe(exc))
                attempt += 1
                continue
            self.connects += 1
            self._set(ConnectionState.ONLINE)
            await self._join_new()
            await self._disconnected.wait()
            if self._healthy:
                attempt = 0  # it worked for a while: start the backoff over
            await self._wait(attempt, self._drop_reason or CONNECTION_LOST)
            attempt += 1

    async def _refresh_token(self) -> None:
        if self._token is None:
            return
        async with asyncio.timeout(TOKEN_TIMEOUT_S):
            token = await self._token()
        if token and token != self.realtime.access_token:
            await self.realtime.set_auth(token)

    async def _wait(self, attempt: int, reason: str) -> None:
        delay = self._backoff.delay(attempt, self._clock.random())
        self.backoff_s = delay
        self.next_attempt_at = self._clock.monotonic() + delay
        log.debug("realtime: offline (%s); next attempt in %.2f s", reason, delay)
        self._set(ConnectionState.OFFLINE, reason, retry_in_s=delay)
        self._wake.clear()
        sleeper = asyncio.create_task(self._clock.sleep(delay), name="realtime:backoff")
        waker = asyncio.create_task(self._wake.wait(), name="realtime:wake")
        try:
            await asyncio.wait({sleeper, waker}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (sleeper, waker):
                task.cancel()
            await asyncio.gather(sleeper, waker, return_exceptions=True)
            self.next_attempt_at = None

    # -- subscriptions --------------------------------------------------------------

    async def subscribe(self, subscription: Subscription) -> SubscriptionHandle:
        """Join a channel for a feature; returns once joined (or queued while offline).

        Await ``handle.live.wait()`` to know the first gap fill is done.

        Raises:
            ValueError: the topic is already subscribed.
        """
        if self._closed:
            raise RuntimeError("the connection supervisor is closed")
        if subscription.topic in self._handles:
            raise ValueError(f"{subscription.topic!r} is already subscribed")
        channel = self.realtime.channel(subscription.topic, subscription.channel_params())
        handle = SubscriptionHandle(subscription, channel, backoff=self._backoff,
                                    clock=self._clock, on_closed=self._remove)
        self._handles[subscription.topic] = handle
        if self.realtime.is_connected and self.status.state is ConnectionState.ONLINE:
            await self._join(handle)
        return handle

    @property
    def subscriptions(self) -> list[SubscriptionHandle]:
        return list(self._handles.values())

    async def _join(self, handle: SubscriptionHandle) -> None:
        # The library joins a channel object once (subscribe) and rejoins it itself
        # after each reconnect. Checked and set with no await in between, so two
        # callers never both subscribe.
        if has_joined_once(handle.channel) or handle.closed:
            return
        await handle.channel.subscribe(handle.on_subscribe_state)

    async def _join_new(self) -> None:
        await asyncio.gather(*(self._join(h) for h in list(self._handles.values())))

    async def _remove(self, handle: SubscriptionHandle) -> None:
        self._handles.pop(handle.topic, None)
        channel = handle.channel
        # Not realtime.remove_channel: it closes the socket when the last channel goes,
        # which would look like a lost connection to nobody.
        if has_joined_once(channel) and self.realtime.is_connected:
            with contextlib.suppress(Exception):
                await channel.unsubscribe()
        forget_channel(self.realtime, channel)
        await asyncio.gather(*dispose_channel(channel), return_exceptions=True)
        await handle.drain()

    async def aclose(self) -> None:
        """Untrack presence, leave every channel, close the socket, end every task."""
        if self._closed:
            return
        self._closed = True
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        for handle in list(self._handles.values()):
            await handle.close()
        await self.realtime.close()
        leftovers: list[asyncio.Task[None]] = []
        for channel in list(self.realtime.channels.values()):
            leftovers += dispose_channel(channel)
            forget_channel(self.realtime, channel)
        await asyncio.gather(*leftovers, return_exceptions=True)
        self._set(ConnectionState.OFFLINE, "closed")
