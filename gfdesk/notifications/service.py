"""Live notifications of the signed-in user: ``notifications:{user_id}``. Qt-free.

The recent notifications are loaded over REST; INSERTs arrive through the connection
supervisor with gap fill (rows newer than the newest one held, ordered by
``(created_at, id)``), so notifications written while the app was offline appear
exactly once after reconnect. Marking read writes ``read_at`` through the outbox,
so it survives being offline too.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from gfdesk.core.clock import SYSTEM_CLOCK, Clock
from gfdesk.core.gapfill import Row
from gfdesk.core.subscription import (
    ChangeBinding,
    ChangeEvent,
    Subscription,
    SubscriptionHandle,
)
from gfdesk.log import rest as log
from gfdesk.targets import Target, TargetKind

if TYPE_CHECKING:
    from supabase import AsyncClient

    from gfdesk.core.connection import ConnectionSupervisor
    from gfdesk.core.outbox import Outbox


#: How many recent notifications the centre loads at start.
RECENT_LIMIT = 100
#: Actors' profiles kept (name and picture of who a notification is from).
MAX_ACTORS = 1000


@dataclass(frozen=True)
class Actor:
    """Who a notification is from (remote text)."""

    name: str
    avatar_url: str | None = None


@dataclass(frozen=True)
class Notification:
    """One notification (title and body are remote text: show them as plain text)."""

    id: str
    type: str
    title: str
    body: str
    created_at: str
    read_at: str | None = None
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def unread(self) -> bool:
        return self.read_at is None

    @property
    def target(self) -> Target | None:
        """What it is about (its data's ``conversation_id``, ``tournament_id``,
        ``friend_request_id``)."""
        for kind in TargetKind:
            value = self.data.get(f"{kind.value}_id")
            if isinstance(value, str) and value:
                return Target(kind, value)
        return None

    @property
    def actor_id(self) -> str | None:
        """Who it is from (its data's ``actor_id``), when it says."""
        value = self.data.get("actor_id")
        return value if isinstance(value, str) and value else None


def _data(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, dict) else {}


def from_row(row: Row) -> Notification:
    """A notification from its table row (REST or realtime)."""
    return Notification(str(row["id"]), str(row.get("type") or ""),
                        str(row.get("title") or ""), str(row.get("body") or ""),
                        str(row.get("created_at") or ""), row.get("read_at"),
                        _data(row.get("data")))


def _order(row: Row) -> tuple[str, str]:
    return (str(row["created_at"]), str(row["id"]))


class NotificationsService:
    """The notifications of one user.

    Args:
        client: the signed-in supabase client.
        connection: the realtime supervisor.
        outbox: where ``read_at`` writes go.
        user_id: the signed-in user.
        clock: time (``read_at``).
    """

    def __init__(self, client: AsyncClient, connection: ConnectionSupervisor,
                 outbox: Outbox | None, user_id: str, *, clock: Clock = SYSTEM_CLOCK) -> None:
        self._client = client
        self._connection = connection
        self._outbox = outbox
        self.user_id = user_id
        self._clock = clock
        self._handle: SubscriptionHandle | None = None
        self.on_loaded: Callable[[list[Notification]], None] | None = None
        """Called with the recent notifications, newest first, at start."""
        self.on_new: Callable[[Notification], None] | None = None
        """Called with each new notification (live or gap-filled), once each."""
        self.actors: dict[str, Actor] = {}
        """Who notifications are from, by user id (loaded as they are needed)."""
        self.on_actors: Callable[[], None] | None = None
        """Called when more actors' profiles are known."""

    async def load_recent(self) -> list[Notification]:
        """The newest ``RECENT_LIMIT`` notifications, newest first."""
        rows: list[Row] = cast(Any, (
            await self._client.table("notifications").select("*")
            .eq("user_id", self.user_id).order("created_at", desc=True)
            .order("id", desc=True).limit(RECENT_LIMIT).execute()).data)
        return [from_row(r) for r in rows]

    async def load_actors(self, user_ids: Iterable[str]) -> None:
        """Fetch the profiles of actors not known yet (one request)."""
        missing = sorted({u for u in user_ids if u and u not in self.actors})[:100]
        if not missing:
            return
        rows: list[Row] = cast(Any, (
            await self._client.table("profiles").select("id,username,display_name,avatar_url")
            .in_("id", missing).execute()).data)
        if len(self.actors) + len(rows) > MAX_ACTORS:
            self.actors.clear()
        for row in rows:
            url = row.get("avatar_url")
            self.actors[str(row["id"])] = Actor(
                str(row.get("display_name") or row.get("username") or ""),
                url if isinstance(url, str) and url else None)
        if rows and self.on_actors is not None:
            self.on_actors()

    async def start(self) -> None:
        """Load the recent ones, then subscribe (the gap fill starts after the newest)."""
        recent = await self.load_recent()
        if self.on_loaded is not None:
            self.on_loaded(recent)
        try:
            await self.load_actors(n.actor_id for n in recent if n.actor_id)
        except Exception as exc:  # pictures are a nicety: initials and badges remain
            log.info("notifications: actors not loaded: %s", exc)
        newest = max((r for r in recent), key=lambda n: (n.created_at, n.id), default=None)
        newest_row = None if newest is None else {"id": newest.id,
                                                   "created_at": newest.created_at}
        self._handle = await self._connection.subscribe(Subscription(
            topic=f"notifications:{self.user_id}",
            changes=(ChangeBinding(ChangeEvent.INSERT, "notifications",
                                   f"user_id=eq.{self.user_id}"),),
            on_row=self._on_row, gap_fill=self._gap_fill, order=_order,
            newest=newest_row, private=True))

    @property
    def handle(self) -> SubscriptionHandle | None:
        return self._handle

    async def _gap_fill(self, newest: Row | None) -> list[Row]:
        query = self._client.table("notifications").select("*").eq("user_id", self.user_id)
        if newest is not None:
            query = query.gte("created_at", newest["created_at"])
        # No library retries: the supervisor retries a failed gap fill with its backoff.
        rows: list[Row] = cast(Any, (await query.order("created_at").order("id")
                                     .limit(1000).retry(False).execute()).data)
        return rows

    def _on_row(self, row: Row) -> None:
        if row.get("user_id") not in (None, self.user_id):
            return  # never someone else's (the server filters; this is a second lock)
        if self.on_new is not None:
            self.on_new(from_row(row))

    def now_iso(self) -> str:
        return datetime.fromtimestamp(self._clock.wall(), UTC).isoformat()

    async def mark_read(self, notification_id: str, read_at: str) -> None:
        """Write ``read_at`` of one notification (through the outbox)."""
        await self._write({"read_at": read_at}, {"id": notification_id, "user_id": self.user_id},
                          "mark a notification read")

    async def mark_all_read(self, ids: list[str], read_at: str) -> None:
        """Write ``read_at`` of several notifications."""
        for notification_id in ids:
            await self.mark_read(notification_id, read_at)

    async def _write(self, values: dict[str, Any], match: dict[str, Any], label: str) -> None:
        if self._outbox is not None:
            await self._outbox.update("notifications", values, match, label=label)
            return
        query = self._client.table("notifications").update(values)
        for column, value in match.items():
            query = query.eq(column, value)
        await query.execute()

    async def aclose(self) -> None:
        """Leave the channel."""
        handle, self._handle = self._handle, None
        if handle is not None:
            await handle.close()
