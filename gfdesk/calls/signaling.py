"""Call signalling: a small base class and its Realtime implementation. Qt-free.

The shape is aiortc's ``contrib/signaling.py`` (``BaseSignaling``: connect, send,
receive, close), split in two because a call has two conversations:

- ``CallSignaling``, one per account: the ``calls`` rows that ring (place a call,
  move its row through its statuses, hear every row of ours change);
- ``CallChannel``, one per call: ``offer``, ``answer``, ``ice``, ``media``, ``hangup``.

``RealtimeSignaling`` does both over the app's connection supervisor, as DESIGN.md
says: rows through REST and ``calls:{user_id}`` (postgres_changes, one binding on
``callee_id`` and one on ``caller_id``), messages as broadcasts on ``call:{call_id}``;
every topic is joined as a private channel (the server lets only the user, or the
call's two parties, in). ``siosignaling`` carries the channels over Socket.IO instead.

A channel (``QueuedChannel``) validates each message as it arrives
(``signals.parse_signal``) and queues it (bounded), so an offer that arrives before the
engine asks for it is kept. A message that is not valid signalling, or a flood that
overflows the queue, is queued as its ``SignalError``: ``receive`` raises it, in order,
and the engine ends the call. A channel whose server is gone for good queues
``SignallingLost`` the same way.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from gfdesk.calls.signals import Signal, SignalError, SignalKind, parse_signal, signal_payload
from gfdesk.calls.states import (
    ALLOWED_FROM,
    CallKind,
    CallRow,
    CallStatus,
    call_from_row,
    status_change,
)
from gfdesk.core.gapfill import Row
from gfdesk.core.subscription import ChangeBinding, ChangeEvent, Subscription
from gfdesk.log import call as log
from gfdesk.timestamps import format_utc

if TYPE_CHECKING:
    from supabase import AsyncClient

    from gfdesk.core.connection import ConnectionSupervisor
    from gfdesk.core.subscription import SubscriptionHandle

#: Messages a call's channel holds before the engine reads them; more is a flood.
MAX_QUEUED = 256
#: Longest wait for a channel to be joined (and caught up) before it counts as failed.
JOIN_TIMEOUT_S = 10.0
#: Pause before sending again while the channel is caught up but not joined yet.
RESEND_PAUSE_S = 0.05
#: A gap fill brings back rows still ringing that were placed this recently (the
#: caller's app writes missed after 30 s; older ones are history, not calls).
RINGING_WINDOW = dt.timedelta(seconds=45)

RowListener = Callable[[CallRow], None]


class ChannelClosed(Exception):
    """The call's channel was closed (``receive`` after ``close``)."""


class SignallingLost(Exception):
    """The call's channel lost its server and did not get it back in time (or the
    server no longer lets it in); ``str()`` says what happened. The call cannot go on."""


class CallChannel(ABC):
    """One call's messages (aiortc's ``BaseSignaling`` shape)."""

    @abstractmethod
    async def connect(self) -> None:
        """Join; returns once messages can be sent and received.

        Raises:
            TimeoutError: not joined in time.
        """

    @abstractmethod
    async def send(self, signal: Signal) -> None:
        """Send one message to the other side."""

    @abstractmethod
    async def receive(self) -> Signal:
        """The next message, in arrival order (kept from before the call asked).

        Raises:
            SignalError: the next message was not valid signalling.
            SignallingLost: the channel's server is gone for good.
            ChannelClosed: the channel is closed.
        """

    @abstractmethod
    async def close(self) -> None:
        """Leave; a pending ``receive`` raises ``ChannelClosed``."""


class CallSignaling(ABC):
    """One account's ringing: ``calls`` rows and the channels of its calls."""

    @abstractmethod
    async def connect(self, on_row: RowListener) -> None:
        """Hear every change of a call row of ours (either party), from now on."""

    @abstractmethod
    async def place(self, call_id: str, callee_id: str, kind: CallKind) -> CallRow:
        """Insert a ringing row."""

    @abstractmethod
    async def move(self, call_id: str, status: CallStatus) -> CallRow | None:
        """Move a row to ``status`` (with its timestamp) if it is still where that move
        may start (``ALLOWED_FROM``); None when it had moved on already."""

    @abstractmethod
    def channel(self, call_id: str) -> CallChannel:
        """The message channel of a call (not joined yet)."""

    @abstractmethod
    async def close(self) -> None:
        """Stop hearing rows."""


def _rows(result: Any) -> list[dict[str, Any]]:
    return list(result.data)


def _call_key(row: Row) -> Any:
    # An UPDATE stream: each status of a call is its own event.
    return (row.get("id"), row.get("status"))


def _call_order(row: Row) -> Any:
    try:
        rank = CallStatus(row.get("status")).rank
    except ValueError:
        rank = 0
    return (str(row.get("created_at") or ""), str(row.get("id") or ""), rank)


class RealtimeSignaling(CallSignaling):
    """Call signalling over the connection supervisor, REST and private channels.

    Args:
        client: the signed-in official client.
        connection: the realtime supervisor.
        user_id: who we are.
    """

    def __init__(self, client: AsyncClient, connection: ConnectionSupervisor,
                 user_id: str) -> None:
        self._client = client
        self._connection = connection
        self.user_id = user_id
        self._handle: SubscriptionHandle | None = None

    async def connect(self, on_row: RowListener) -> None:
        def deliver(row: Row) -> None:
            try:
                call = call_from_row(row)
            except ValueError as exc:
                log.warning("call: ignored a calls row that is not one (%s)", exc)
                return
            on_row(call)

        async def gap_fill(_newest: Row | None) -> list[Row]:
            # After a (re)join: calls that rang while we were away and still ring. The
            # row rules show us only rows where we are a party.
            since = format_utc(dt.datetime.now(dt.UTC) - RINGING_WINDOW)
            result = await self._client.table("calls").select("*").eq(
                "status", CallStatus.RINGING.value).gte("created_at", since).order(
                "created_at").order("id").retry(False).execute()
            return list(_rows(result))

        me = self.user_id
        self._handle = await self._connection.subscribe(Subscription(
            topic=f"calls:{me}",
            changes=(ChangeBinding(ChangeEvent.ALL, "calls", f"callee_id=eq.{me}"),
                     ChangeBinding(ChangeEvent.ALL, "calls", f"caller_id=eq.{me}")),
            on_row=deliver, gap_fill=gap_fill, key=_call_key, order=_call_order,
            private=True))

    async def wait_live(self) -> None:
        """Wait until rows flow (joined, first gap fill done)."""
        if self._handle is None:
            raise RuntimeError("not connected")
        async with asyncio.timeout(JOIN_TIMEOUT_S):
            await self._handle.live.wait()

    async def place(self, call_id: str, callee_id: str, kind: CallKind) -> CallRow:
        result = await self._client.table("calls").insert({
            "id": call_id, "caller_id": self.user_id, "callee_id": callee_id,
            "kind": kind.value, "status": CallStatus.RINGING.value}).execute()
        return call_from_row(_rows(result)[0])

    async def move(self, call_id: str, status: CallStatus) -> CallRow | None:
        change = status_change(status, dt.datetime.now(dt.UTC))
        result = await self._client.table("calls").update(change).eq("id", call_id).in_(
            "status", [s.value for s in ALLOWED_FROM[status]]).execute()
        rows = _rows(result)
        return call_from_row(rows[0]) if rows else None

    def channel(self, call_id: str) -> CallChannel:
        return RealtimeCallChannel(self._connection, call_id)

    async def close(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            await handle.close()


class QueuedChannel(CallChannel):
    """A call channel that validates and queues what arrives (bounded) until
    ``receive`` reads it; an implementation calls ``_arrived`` for each message, and
    ``_lost`` when its transport is gone for good.

    Args:
        call_id: the call.
        max_queued: messages held before ``receive`` (more is a flood).
    """

    def __init__(self, call_id: str, *, max_queued: int = MAX_QUEUED) -> None:
        self.call_id = call_id
        self._queue: asyncio.Queue[Signal | Exception | None] = asyncio.Queue(max_queued + 2)
        self._max_queued = max_queued
        self._flooded = False
        self._closed = False
        self._arrival = asyncio.Event()

    @property
    def topic(self) -> str:
        return f"call:{self.call_id}"

    def _arrived(self, event: str, payload: object) -> None:
        if self._closed or self._flooded:
            return
        item: Signal | SignalError
        if self._queue.qsize() >= self._max_queued:
            self._flooded = True
            item = SignalError(f"more than {self._max_queued} messages waiting")
        else:
            try:
                item = parse_signal(event, payload)
            except SignalError as exc:
                item = exc
        self._queue.put_nowait(item)
        self._arrival.set()

    def _lost(self, reason: str) -> None:
        """The channel cannot carry messages any more: ``receive`` raises
        ``SignallingLost`` after what is queued (once; nothing is queued after it)."""
        if self._closed or self._flooded:
            return
        self._flooded = True
        self._queue.put_nowait(SignallingLost(f"{self.topic}: {reason}"))
        self._arrival.set()

    @property
    def waiting(self) -> int:
        """Messages (and refusals) waiting to be received."""
        return self._queue.qsize()

    async def wait_waiting(self, count: int) -> None:
        """Wait until at least ``count`` messages wait to be received."""
        while self._queue.qsize() < count:
            self._arrival.clear()
            await self._arrival.wait()

    async def receive(self) -> Signal:
        if self._closed and self._queue.empty():
            raise ChannelClosed(self.topic)
        item = await self._queue.get()
        if item is None:
            raise ChannelClosed(self.topic)
        if isinstance(item, Exception):
            raise item
        return item

    def _close_queue(self) -> bool:
        """Mark closed (a pending ``receive`` raises ``ChannelClosed``); False if it
        already was."""
        if self._closed:
            return False
        self._closed = True
        self._queue.put_nowait(None)
        return True


class RealtimeCallChannel(QueuedChannel):
    """``call:{call_id}`` as a private Realtime channel of broadcasts.

    Args:
        connection: the realtime supervisor.
        call_id: the call.
        max_queued: messages held before ``receive`` (more is a flood).
    """

    def __init__(self, connection: ConnectionSupervisor, call_id: str, *,
                 max_queued: int = MAX_QUEUED) -> None:
        super().__init__(call_id, max_queued=max_queued)
        self._connection = connection
        self._handle: SubscriptionHandle | None = None

    def _handler(self, event: SignalKind) -> Callable[[dict[str, Any]], None]:
        def on_broadcast(payload: Mapping[str, Any]) -> None:
            self._arrived(event.value, payload)
        return on_broadcast

    async def connect(self) -> None:
        for stale in self._connection.subscriptions:
            if stale.topic == self.topic:  # left by a call of ours that ended half-way
                await stale.close()
        self._handle = await self._connection.subscribe(Subscription(
            topic=self.topic, broadcasts={kind.value: self._handler(kind) for kind in SignalKind},
            private=True))
        async with asyncio.timeout(JOIN_TIMEOUT_S):
            await self._handle.live.wait()

    async def send(self, signal: Signal) -> None:
        if self._handle is None or self._closed:
            raise ChannelClosed(self.topic)
        event, payload = signal_payload(signal)
        # Broadcasts are not stored: wait out a reconnect rather than drop an offer.
        async with asyncio.timeout(JOIN_TIMEOUT_S):
            while not await self._handle.send_broadcast(event.value, payload):
                if self._handle.live.is_set():  # joined again, the library not yet
                    await asyncio.sleep(RESEND_PAUSE_S)
                else:
                    await self._handle.live.wait()

    async def close(self) -> None:
        if not self._close_queue():
            return
        handle, self._handle = self._handle, None
        if handle is not None:
            await handle.close()
