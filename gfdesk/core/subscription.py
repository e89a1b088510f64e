"""What a feature asks the connection supervisor for, and what it gets back. Qt-free.

A feature describes a channel as a ``Subscription`` (topic; postgres_changes bindings;
broadcast and presence handlers; a gap-fill coroutine with the row's primary key and
ordering key) and receives a ``SubscriptionHandle``. The handle owns the library
channel's callbacks and the ``DeliveryGate``: after every (re)join it runs the gap fill
while live rows are held back, then delivers gap and held rows merged in order, each
exactly once, and only then lets live rows through.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from realtime.types import (
    BroadcastPayload,
    RealtimeChannelOptions,
    RealtimePostgresChangesListenEvent,
    RealtimePresenceState,
    RealtimeSubscribeStates,
)

from gfdesk.core.backoff import Backoff
from gfdesk.core.clock import Clock
from gfdesk.core.gapfill import DeliveryGate, KeyFn, OrderFn, Row
from gfdesk.core.realtimeclient import route_presence
from gfdesk.core.retry import retry
from gfdesk.log import realtime as log

if TYPE_CHECKING:
    from realtime import AsyncRealtimeChannel


#: The gap fill of a subscription: rows newer than the newest one it has (None: none yet).
GapFill = Callable[[Row | None], Awaitable[list[Row]]]


def by_id(row: Row) -> Any:
    """The usual primary key."""
    return row["id"]


def by_created(row: Row) -> Any:
    """The usual ordering key: ``(created_at, id)``."""
    return (row["created_at"], row["id"])


class ChangeEvent(enum.Enum):
    """Which row changes a binding receives."""

    INSERT = "INSERT"
    UPDATE = "UPDATE"
    DELETE = "DELETE"
    ALL = "*"


@dataclass(frozen=True)
class ChangeBinding:
    """One postgres_changes binding, e.g. INSERT on ``messages`` with
    ``conversation_id=eq.<id>``."""

    event: ChangeEvent
    table: str
    filter: str | None = None
    schema: str = "public"


class PresenceSink(Protocol):
    """Takes a channel's raw presence payloads (``{key: {"metas": [...]}}``, metas with
    ``phx_ref``) in place of the library's presence state, which rebuilds whole-state
    structures on every event; a sink can keep its own index and spend O(diff)."""

    def on_state(self, state: dict[str, Any]) -> None: ...

    def on_diff(self, diff: dict[str, Any]) -> None: ...


@dataclass(frozen=True)
class Subscription:
    """A channel a feature wants, with everything the supervisor needs to keep it whole.

    Attributes:
        topic: the channel name without ``realtime:`` (``chat:<id>``).
        changes: postgres_changes bindings; their rows go to ``on_row``.
        on_row: called with each row (gap-filled or live), in order, exactly once.
        gap_fill: fetches rows newer than the given one over REST (None: nothing to
            fill, rows are only live).
        key: a row's identity for deduplication (include a version for UPDATE streams).
        order: a row's ordering key.
        newest: the newest row the feature already holds (from its initial load).
        on_delete: called with the old record of DELETE events (not gap-filled).
        broadcasts: event name -> handler of the broadcast payload.
        presence_key: join with presence under this key (the user id); None: no presence.
        on_presence: called with the whole presence state after each change.
        private: a private channel (authorised by the server's policies).
        presence_sink: receives the raw presence state and diffs instead of
            ``on_presence`` (for large presence topics).
    """

    topic: str
    changes: tuple[ChangeBinding, ...] = ()
    on_row: Callable[[Row], None] | None = None
    gap_fill: GapFill | None = None
    key: KeyFn = by_id
    order: OrderFn = by_created
    newest: Row | None = None
    on_delete: Callable[[Row], None] | None = None
    broadcasts: Mapping[str, Callable[[dict[str, Any]], None]] = field(default_factory=dict)
    presence_key: str | None = None
    on_presence: Callable[[RealtimePresenceState], None] | None = None
    private: bool = False
    presence_sink: PresenceSink | None = None

    def channel_params(self) -> RealtimeChannelOptions:
        """The library's channel options for this subscription."""
        return {"config": {
            "broadcast": {"ack": False, "self": False},
            "presence": {"key": self.presence_key or "", "enabled": self.presence_key is not None},
            "private": self.private,
        }}


class SubscriptionHandle:
    """A live subscription: delivery, gap fills, presence tracking, broadcasting.

    Created by ``ConnectionSupervisor.subscribe``; never by a feature.
    """

    def __init__(self, subscription: Subscription, channel: AsyncRealtimeChannel, *,
                 backoff: Backoff, clock: Clock,
                 on_closed: Callable[[SubscriptionHandle], Awaitable[None]]) -> None:
        self.subscription = subscription
        self.channel = channel
        self._backoff = backoff
        self._clock = clock
        self._on_closed = on_closed
        self._gate = DeliveryGate(key=subscription.key, order=subscription.order,
                                  newest=subscription.newest)
        self._fill: asyncio.Task[None] | None = None
        self._tracked: dict[str, Any] | None = None
        self._background: set[asyncio.Task[None]] = set()
        self._filled = asyncio.Event()
        #: Set while joined and caught up (gap filled, live rows flowing).
        self.live = asyncio.Event()
        #: How many gap fills completed (the first join counts).
        self.fills = 0
        #: Rows delivered by the last gap fill (gap rows plus held live rows).
        self.last_fill_rows = 0
        self.closed = False
        self._wire()

    def __repr__(self) -> str:
        return f"SubscriptionHandle({self.subscription.topic!r}, live={self.live.is_set()})"

    @property
    def topic(self) -> str:
        return self.subscription.topic

    @property
    def newest(self) -> Row | None:
        """The newest row delivered so far."""
        return self._gate.newest

    def _wire(self) -> None:
        sub = self.subscription
        for binding in sub.changes:
            self.channel.on_postgres_changes(
                RealtimePostgresChangesListenEvent(binding.event.value), self._on_change,
                table=binding.table, schema=binding.schema, filter=binding.filter)
        for event, handler in sub.broadcasts.items():
            self.channel.on_broadcast(event, self._broadcast_handler(handler))
        if sub.presence_sink is not None:
            route_presence(self.channel, sub.presence_sink.on_state,
                           sub.presence_sink.on_diff)
        elif sub.presence_key is not None:
            self.channel.on_presence_sync(self._on_presence_sync)

    @staticmethod
    def _broadcast_handler(handler: Callable[[dict[str, Any]], None]
                           ) -> Callable[[BroadcastPayload], None]:
        def on_broadcast(message: BroadcastPayload) -> None:
            handler(message.get("payload") or {})
        return on_broadcast

    def _on_presence_sync(self) -> None:
        if self.subscription.on_presence is not None:
            self.subscription.on_presence(self.channel.presence_state())

    def on_subscribe_state(self, state: RealtimeSubscribeStates,
                           error: Exception | None) -> None:
        """The library's subscribe callback: runs on every (re)join outcome."""
        if self.closed:
            return
        if state is RealtimeSubscribeStates.SUBSCRIBED:
            log.debug("realtime: %s joined, gap fill %d starts", self.topic, self.fills + 1)
            self._start_fill()
            if self._tracked is not None:
                self._spawn_track()  # the server forgot it with the old connection
            return
        log.debug("realtime: %s %s (%s)", self.topic, state.value, error)
        self._hold()

    def _hold(self) -> None:
        self.live.clear()
        self._gate.begin_gap_fill()
        self._cancel_fill()

    def _on_change(self, payload: Any) -> None:
        data = payload["data"]
        kind = data.get("type")
        if kind == "DELETE":
            if self.subscription.on_delete is not None:
                self.subscription.on_delete(data.get("old_record") or {})
            return
        record = data.get("record")
        if record:
            self._deliver(self._gate.live(record))

    def _deliver(self, rows: list[Row]) -> None:
        on_row = self.subscription.on_row
        if on_row is None:
            return
        for row in rows:
            on_row(row)

    def _start_fill(self) -> None:
        self._hold()
        self._fill = asyncio.create_task(self._run_fill(), name=f"realtime:gapfill:{self.topic}")

    def _cancel_fill(self) -> None:
        if self._fill is not None and not self._fill.done():
            self._fill.cancel()
        self._fill = None

    async def _run_fill(self) -> None:
        gap_fill = self.subscription.gap_fill
        rows: list[Row] = []
        if gap_fill is not None:
            # A REST blip right after a reconnect: keep holding live rows and retry;
            # a new join cancels this and starts over.
            rows = await retry(lambda: gap_fill(self._gate.newest),
                               what=f"realtime: gap fill of {self.topic}", log=log,
                               backoff=self._backoff, clock=self._clock)
        delivered = self._gate.complete_gap_fill(rows)
        self.fills += 1
        self.last_fill_rows = len(delivered)
        self._deliver(delivered)
        self.live.set()
        self._filled.set()

    async def wait_filled(self, count: int) -> None:
        """Wait until ``count`` gap fills have completed and live rows flow."""
        while self.fills < count or not self.live.is_set():
            self._filled.clear()
            await self._filled.wait()

    async def track(self, state: dict[str, Any]) -> None:
        """Track this client's presence (re-sent after every rejoin)."""
        if self.subscription.presence_key is None:
            raise ValueError(f"{self.topic} was subscribed without a presence key")
        self._tracked = dict(state)
        if self.channel.is_joined:
            await self.channel.track(self._tracked)

    async def untrack(self) -> None:
        """Stop tracking presence."""
        was_tracked, self._tracked = self._tracked is not None, None
        if was_tracked and self.channel.is_joined:
            await self.channel.untrack()

    def _spawn_track(self) -> None:
        tracked = self._tracked
        if tracked is None:
            return
        task = asyncio.create_task(self.channel.track(tracked), name=f"realtime:track:{self.topic}")
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def send_broadcast(self, event: str, payload: dict[str, Any]) -> bool:
        """Broadcast on this channel; False (dropped) while not joined: broadcasts are
        ephemeral (typing, live scores) and stale ones must not arrive later."""
        if not self.channel.is_joined:
            return False
        await self.channel.send_broadcast(event, payload)
        return True

    async def close(self) -> None:
        """Untrack, leave the channel and forget it."""
        if self.closed:
            return
        with contextlib.suppress(Exception):
            await self.untrack()
        self.closed = True
        self._cancel_fill()
        await self._on_closed(self)

    async def drain(self) -> None:
        """Wait for this handle's own tasks to end (after ``close``)."""
        tasks = [t for t in (self._fill, *self._background) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
