"""A small live world for connection tests and the reconnect benchmark: subscriptions
for messages and notifications the way features build them, a collector of delivered
rows, and writers that keep inserting (retrying the same row through outages).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from postgrest.exceptions import APIError
from supabase import AsyncClient

from gfdesk.core.gapfill import Row
from gfdesk.core.subscription import ChangeBinding, ChangeEvent, Subscription

#: Pause between a writer's retries of a row that failed (the server is away).
RETRY_PAUSE_S = 0.05


class Collector:
    """Rows a subscription delivered, in delivery order; await ``reached(n)``."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self._changed = asyncio.Event()

    def __call__(self, row: Row) -> None:
        self.rows.append(row)
        self._changed.set()

    async def reached(self, count: int) -> None:
        while len(self.rows) < count:
            self._changed.clear()
            await self._changed.wait()

    @property
    def ids(self) -> list[str]:
        return [r["id"] for r in self.rows]


def _since(query: Any, newest: Row | None) -> Any:
    if newest is not None:
        query = query.gte("created_at", newest["created_at"])
    # No library retries: the supervisor retries a failed gap fill with its backoff.
    return query.order("created_at").order("id").retry(False)


def messages_subscription(client: AsyncClient, conversation_id: str,
                          on_row: Callable[[Row], None]) -> Subscription:
    """``chat:{id}``: INSERTs on ``messages`` of one conversation, gap-filled over REST."""

    async def gap_fill(newest: Row | None) -> list[Row]:
        query = client.table("messages").select("*").eq("conversation_id", conversation_id)
        return list((await _since(query, newest).execute()).data)

    return Subscription(
        topic=f"chat:{conversation_id}",
        changes=(ChangeBinding(ChangeEvent.INSERT, "messages",
                               f"conversation_id=eq.{conversation_id}"),),
        on_row=on_row, gap_fill=gap_fill, private=True)


def notifications_subscription(client: AsyncClient, user_id: str,
                               on_row: Callable[[Row], None]) -> Subscription:
    """``notifications:{user_id}``: INSERTs on the user's notifications."""

    async def gap_fill(newest: Row | None) -> list[Row]:
        query = client.table("notifications").select("*").eq("user_id", user_id)
        return list((await _since(query, newest).execute()).data)

    return Subscription(
        topic=f"notifications:{user_id}",
        changes=(ChangeBinding(ChangeEvent.INSERT, "notifications", f"user_id=eq.{user_id}"),),
        on_row=on_row, gap_fill=gap_fill, private=True)


class Writer:
    """Inserts rows one after another until stopped; a row that fails is retried (same
    id) until stored, so every row it started ends up stored exactly once.

    Args:
        client: who writes.
        table: where.
        make_row: the row for sequence number n (id and created_at are added).
    """

    def __init__(self, client: AsyncClient, table: str,
                 make_row: Callable[[int], dict[str, Any]]) -> None:
        self._client = client
        self._table = table
        self._make_row = make_row
        self._last = datetime.now(UTC)
        self.stored = 0
        self.retries = 0

    def _timestamp(self) -> str:
        # Strictly increasing microseconds: "in order" is then unambiguous.
        now = max(datetime.now(UTC), self._last + timedelta(microseconds=1))
        self._last = now
        return now.isoformat()

    async def write_one(self, n: int) -> None:
        row = {**self._make_row(n), "id": str(uuid.uuid4()), "created_at": self._timestamp()}
        while True:
            try:
                await self._client.table(self._table).insert(row).execute()
            except APIError as exc:
                if exc.code == "23505":
                    break  # an earlier try got through; its reply was lost
                self.retries += 1
                await asyncio.sleep(RETRY_PAUSE_S)
                continue
            except httpx.HTTPError:
                self.retries += 1
                await asyncio.sleep(RETRY_PAUSE_S)
                continue
            break
        self.stored += 1

    async def run(self, stop: asyncio.Event, pause_s: float = 0.01) -> None:
        n = 0
        while not stop.is_set():
            await self.write_one(n)
            n += 1
            await asyncio.sleep(pause_s)


async def all_rows(service: AsyncClient, table: str, column: str, value: str) -> list[Row]:
    """Every row of ``table`` where ``column`` = ``value``, in (created_at, id) order."""
    result = await service.table(table).select("*").eq(column, value).order(
        "created_at").order("id").execute()
    return list(result.data)  # type: ignore[arg-type]
