"""The outbox: every write the user makes goes through here, online or not. Qt-free.

Sending a message, marking something read, reporting a score: the write is queued in
SQLite first (``OutboxQueue``), then sent in order by one flusher task. Online, that is
immediate; offline, the write waits and is sent on reconnect or after a restart. So a
send while offline and a send while online are one code path.

Each write carries a client-generated UUID. Inserts go out as an upsert on ``id`` that
ignores duplicates (and a 23505 on that id counts as done), so a retry after a lost
reply never stores a row twice. Outcomes:

- sent: removed from the queue, ``on_sent``;
- refused for good (row rules 42501, validation errors such as 23502, 23503, 22P02,
  PGRST204, any other 4xx): removed, ``on_rejected`` with the server's reason, never
  retried;
- transient (network errors, 5xx, 429, an expired token): kept at the head, retried
  with capped backoff; ``wake()`` (the app calls it when the connection comes back)
  retries at once.
"""

from __future__ import annotations

import asyncio
import enum
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx
from postgrest.exceptions import APIError
from postgrest.types import ReturnMethod

from gfdesk.core.backoff import Backoff
from gfdesk.core.clock import SYSTEM_CLOCK, Clock
from gfdesk.core.outboxqueue import OutboxQueue, Write, WriteOp
from gfdesk.core.status import ConnectionState, ConnectionStatus
from gfdesk.log import rest as log

if TYPE_CHECKING:
    from supabase import AsyncClient


#: Error codes worth retrying: overload, gateway and database-connection trouble, and
#: an access token that expired (the auth client refreshes it meanwhile).
TRANSIENT_CODES = frozenset({
    "408", "425", "429", "500", "502", "503", "504", "520", "521", "522", "523", "524",
    "PGRST000", "PGRST001", "PGRST002", "PGRST003", "PGRST301", "PGRST303",
    "40001", "40P01", "53300", "57P01", "57P03",
})
UNIQUE_VIOLATION = "23505"


class Outcome(enum.Enum):
    SENT = "sent"
    REJECTED = "rejected"
    RETRY = "retry"


@dataclass(frozen=True)
class Rejection:
    """A write the server refused for good, with its reason for the user."""

    write: Write
    code: str
    reason: str


def classify(exc: BaseException) -> tuple[Outcome, str, str]:
    """Whether a failed send is worth retrying, with its code and reason."""
    if isinstance(exc, APIError):
        code = str(exc.code or "")
        reason = exc.message or code or "refused"
        if code in TRANSIENT_CODES or code.startswith("08"):
            return Outcome.RETRY, code, reason
        return Outcome.REJECTED, code, reason
    if isinstance(exc, httpx.HTTPError):
        return Outcome.RETRY, "network", str(exc) or type(exc).__name__
    raise exc


class Outbox:
    """Queues writes and sends them in order, forever, until each is sent or refused.

    Args:
        client: the signed-in supabase client.
        queue: the persistent queue of this profile and account.
        on_sent: called with each write the server stored (more with ``add_listener``).
        on_rejected: called with each write refused for good.
        backoff: retry policy for transient failures.
        clock: time and randomness.
    """

    def __init__(self, client: AsyncClient, queue: OutboxQueue, *,
                 on_sent: Callable[[Write], None] | None = None,
                 on_rejected: Callable[[Rejection], None] | None = None,
                 backoff: Backoff | None = None, clock: Clock = SYSTEM_CLOCK) -> None:
        self._client = client
        self._queue = queue
        self._sent_listeners: list[Callable[[Write], None]] = (
            [on_sent] if on_sent is not None else [])
        self._rejected_listeners: list[Callable[[Rejection], None]] = (
            [on_rejected] if on_rejected is not None else [])
        self._backoff = backoff or Backoff()
        self._clock = clock
        self._wake = asyncio.Event()
        self._online = False
        self._idle = asyncio.Event()
        self._backing_off = False
        self._task: asyncio.Task[None] | None = None
        self._closed = False

    def start(self) -> None:
        """Start flushing what is queued (from an earlier run, too)."""
        if self._task is None and not self._closed:
            self._task = asyncio.create_task(self._run(), name="outbox:flush")

    async def insert(self, table: str, row: dict[str, Any], *, label: str = "") -> str:
        """Queue an insert; returns the row's id (``row["id"]``, chosen here if absent)."""
        row = {**row, "id": str(row.get("id") or uuid.uuid4())}
        await self._push(Write(row["id"], WriteOp.INSERT, table, row, {}, label))
        return str(row["id"])

    async def update(self, table: str, values: dict[str, Any], match: dict[str, Any], *,
                     label: str = "") -> str:
        """Queue an update of the rows where every ``match`` column equals its value."""
        if not match:
            raise ValueError("an outbox update needs a match filter")
        write = Write(str(uuid.uuid4()), WriteOp.UPDATE, table, dict(values), dict(match), label)
        await self._push(write)
        return write.id

    def add_listener(self, *, on_sent: Callable[[Write], None] | None = None,
                     on_rejected: Callable[[Rejection], None] | None = None
                     ) -> Callable[[], None]:
        """Hear of every write delivered or refused for good (a feature marks its own
        writes sent or failed); returns a function that stops it."""
        if on_sent is not None:
            self._sent_listeners.append(on_sent)
        if on_rejected is not None:
            self._rejected_listeners.append(on_rejected)

        def remove() -> None:
            if on_sent in self._sent_listeners:
                self._sent_listeners.remove(on_sent)
            if on_rejected in self._rejected_listeners:
                self._rejected_listeners.remove(on_rejected)

        return remove

    async def pending(self) -> int:
        """How many writes wait."""
        return await asyncio.to_thread(len, self._queue)

    def wake(self) -> None:
        """Retry now (the connection is back), skipping the rest of a backoff."""
        self._wake.set()

    def on_connection_status(self, status: ConnectionStatus) -> None:
        """Follow the connection: retry at once when it comes back online.

        Not on every ONLINE status: each heartbeat's round trip publishes one, and
        waking then would cut every retry backoff short.
        """
        online = status.state is ConnectionState.ONLINE
        if online and not self._online:
            self.wake()
        self._online = online

    async def drained(self) -> None:
        """Wait until the queue is empty."""
        while True:
            await self._idle.wait()
            if await self.pending() == 0:
                return
            self._idle.clear()

    async def aclose(self) -> None:
        """Stop flushing (queued writes stay on disk for the next run)."""
        self._closed = True
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        await asyncio.to_thread(self._queue.close)

    async def _push(self, write: Write) -> None:
        if self._closed:
            raise RuntimeError("the outbox is closed")
        await asyncio.to_thread(self._queue.push, write)
        self._idle.clear()
        if not self._backing_off:
            self._wake.set()
        self.start()

    async def _run(self) -> None:
        attempt = 0
        while True:
            write = await asyncio.to_thread(self._queue.head)
            if write is None:
                self._idle.set()
                await self._wake.wait()
                self._wake.clear()
                continue
            self._idle.clear()
            outcome, code, reason = await self._send(write)
            if outcome is Outcome.RETRY:
                delay = self._backoff.delay(attempt, self._clock.random())
                attempt += 1
                log.debug("outbox: %s %s failed (%s), retry in %.2f s",
                          write.op.value, write.table, code, delay)
                await self._pause(delay)
                continue
            attempt = 0
            await asyncio.to_thread(self._queue.remove, write.id)
            if outcome is Outcome.SENT:
                for on_sent in list(self._sent_listeners):
                    on_sent(write)
            else:
                log.info("outbox: %s on %s refused (%s): %s", write.op.value, write.table,
                         code, reason)
                rejection = Rejection(write, code, reason)
                for on_rejected in list(self._rejected_listeners):
                    on_rejected(rejection)

    async def _pause(self, delay: float) -> None:
        self._backing_off = True
        self._wake.clear()
        try:
            async with asyncio.timeout(delay):
                await self._wake.wait()
        except TimeoutError:
            pass
        finally:
            self._backing_off = False
            self._wake.clear()

    async def _send(self, write: Write) -> tuple[Outcome, str, str]:
        table = self._client.table(write.table)
        try:
            if write.op is WriteOp.INSERT:
                await table.upsert(write.values, on_conflict="id", ignore_duplicates=True,
                                   returning=ReturnMethod.minimal).execute()
            else:
                query = table.update(write.values, returning=ReturnMethod.minimal)
                for column, value in write.match.items():
                    query = query.eq(column, value)
                await query.execute()
        except (APIError, httpx.HTTPError) as exc:
            outcome, code, reason = classify(exc)
            if code == UNIQUE_VIOLATION and write.op is WriteOp.INSERT:
                return Outcome.SENT, code, "already stored"  # an earlier try got through
            return outcome, code, reason
        return Outcome.SENT, "", ""
