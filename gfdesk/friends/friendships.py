"""The user's friendships, live on ``friends:{user_id}``; requests, answers and blocks. Qt-free.

The ``friendships`` table is published (migration 20261204000100): the channel has two
bindings, ``user_id=eq.<me>`` (rows the user made) and ``friend_id=eq.<me>`` (rows made
to them), like ``calls:{user_id}``, for every event, so a request sent from the phone,
an acceptance, a decline and a removal all arrive as they happen. After every
(re)join the whole list is read again (the "gap fill" of this channel: a list is a
state, not a stream); a deletion that arrives while that read is on its way is applied
after it, so a stale snapshot cannot bring a removed friend back.

Writes go straight to REST (the user waits for them and sees a refusal): a request is
a pending row of ours, accepting updates the addressee's status, declining,
cancelling and removing delete the row, blocking inserts into ``blocks`` (the server
then ends the friendship, and refuses the blocked player's requests and messages).
Player search reads ``profiles`` by username or display name.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from gfdesk.core.gapfill import Row
from gfdesk.core.profile import PlayerProfile, profile_from_row
from gfdesk.core.subscription import (
    ChangeBinding,
    ChangeEvent,
    Subscription,
    SubscriptionHandle,
)
from gfdesk.friends.relations import (
    ACCEPTED,
    PENDING,
    Friendship,
    FriendshipBook,
    Relation,
    friendship_from_row,
)
from gfdesk.log import rest as log

if TYPE_CHECKING:
    from supabase import AsyncClient

    from gfdesk.core.connection import ConnectionSupervisor

#: The channel of one user's friendships.
FRIENDS_TOPIC = "friends:{user_id}"
#: Players a search returns at most.
SEARCH_LIMIT = 20
#: Shortest and longest search text sent.
SEARCH_MIN_CHARS = 2
SEARCH_MAX_CHARS = 32
#: The largest ``in.(...)`` list sent in one request.
IN_CHUNK = 100
PROFILE_COLUMNS = "id,username,display_name,avatar_url"
# Characters PostgREST's filter syntax reserves (and like wildcards): never sent.
_SEARCH_JUNK = re.compile(r"[^\w\- ]", re.UNICODE)


#: A player as the friends feature holds them (their ``profiles`` row).
Friend = PlayerProfile
friend_from_row = profile_from_row


def search_text(query: str) -> str:
    """What is searched for ``query`` ("" when too short to search)."""
    text = " ".join(_SEARCH_JUNK.sub("", query).split())[:SEARCH_MAX_CHARS]
    return text if len(text) >= SEARCH_MIN_CHARS else ""


def rank_matches(players: Iterable[Friend], text: str) -> list[Friend]:
    """Exact username first, then names that start with ``text``, then the rest."""
    wanted = text.casefold()

    def key(p: Friend) -> tuple[int, str]:
        names = (p.username.casefold(), p.display_name.casefold())
        exact = 0 if wanted in names else 1 if any(n.startswith(wanted) for n in names) else 2
        return (exact, p.name.casefold())

    return sorted(players, key=key)


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), IN_CHUNK):
        yield values[start:start + IN_CHUNK]


class FriendshipsService:
    """One user's friendships, requests and blocks.

    Args:
        client: the signed-in official client.
        connection: the realtime supervisor.
        user_id: the signed-in user.
    """

    def __init__(self, client: AsyncClient, connection: ConnectionSupervisor,
                 user_id: str) -> None:
        self._client = client
        self._connection = connection
        self.user_id = user_id
        self.book = FriendshipBook(user_id)
        """Every friendship row of the user."""
        self.players: dict[str, Friend] = {}
        """Profiles of everyone in the book (and of search results)."""
        self.blocked: set[str] = set()
        """Players the user blocked."""
        self.on_changed: Callable[[set[str]], None] | None = None
        """Called with the players whose relation (or profile) changed."""
        self._handle: SubscriptionHandle | None = None
        self._reloading = False
        self._deleted_meanwhile: list[tuple[str, str]] = []
        self._tasks: set[asyncio.Task[None]] = set()

    # -- reading ----------------------------------------------------------------------

    async def load(self) -> None:
        """Read the friendships, the profiles of those players and the user's blocks."""
        blocks = cast(list[dict[str, Any]], (await self._client.table("blocks").select(
            "blocked_id").eq("blocker_id", self.user_id).execute()).data)
        self.blocked = {str(b["blocked_id"]) for b in blocks}
        await self.reload(refresh_profiles=True)

    async def reload(self, *, refresh_profiles: bool = False) -> None:
        """Read every friendship of the user again (after a (re)join, or asked)."""
        self._reloading = True
        self._deleted_meanwhile = []
        try:
            rows = cast(list[dict[str, Any]], (
                await self._client.table("friendships").select(
                    "user_id,friend_id,status,created_at")
                .or_(f"user_id.eq.{self.user_id},friend_id.eq.{self.user_id}")
                .retry(False).execute()).data)
            friendships = [f for f in map(friendship_from_row, rows) if f is not None]
            others = {f.other(self.user_id) for f in friendships}
            await self.load_profiles(others if refresh_profiles else others - set(self.players))
        finally:
            self._reloading = False
        changed = self.book.replace(friendships)
        for key in self._deleted_meanwhile:
            changed |= self.book.remove(*key)
        self._deleted_meanwhile = []
        self._notify(changed | (others if refresh_profiles else set()))

    async def load_profiles(self, user_ids: Iterable[str]) -> None:
        """Fetch the profiles of ``user_ids`` (in chunks)."""
        for chunk in _chunks(sorted(set(user_ids) - {self.user_id})):
            rows = cast(list[dict[str, Any]], (await self._client.table("profiles").select(
                PROFILE_COLUMNS).in_("id", chunk).execute()).data)
            for row in rows:
                friend = friend_from_row(row)
                self.players[friend.user_id] = friend

    async def search(self, query: str) -> list[Friend]:
        """Players whose username or display name contains ``query`` (not the user)."""
        text = search_text(query)
        if not text:
            return []
        rows = cast(list[dict[str, Any]], (
            await self._client.table("profiles").select(PROFILE_COLUMNS)
            .or_(f"username.ilike.*{text}*,display_name.ilike.*{text}*")
            .neq("id", self.user_id).limit(SEARCH_LIMIT).execute()).data)
        found = [friend_from_row(r) for r in rows]
        for friend in found:
            self.players[friend.user_id] = friend
        return rank_matches(found, text)

    def relation(self, other: str) -> Relation:
        return self.book.relation(other)

    # -- live -------------------------------------------------------------------------

    async def start(self) -> None:
        """Load, then follow ``friends:{user_id}``."""
        await self.load()
        me = self.user_id
        self._handle = await self._connection.subscribe(Subscription(
            topic=FRIENDS_TOPIC.format(user_id=me),
            changes=(ChangeBinding(ChangeEvent.ALL, "friendships", f"user_id=eq.{me}"),
                     ChangeBinding(ChangeEvent.ALL, "friendships", f"friend_id=eq.{me}")),
            on_row=self._on_row, on_delete=self._on_delete, gap_fill=self._gap_fill,
            key=lambda r: (r["user_id"], r["friend_id"], r.get("status"), r.get("created_at")),
            order=lambda r: (str(r.get("created_at") or ""), r["user_id"], r["friend_id"]),
            private=True))

    @property
    def handle(self) -> SubscriptionHandle | None:
        return self._handle

    async def _gap_fill(self, _newest: Row | None) -> list[Row]:
        await self.reload()
        return []

    def _on_row(self, row: Row) -> None:
        friendship = friendship_from_row(row)
        if friendship is None or self.user_id not in friendship.key:
            return  # never someone else's (the server filters; this is a second lock)
        changed = self.book.upsert(friendship)
        other = friendship.other(self.user_id)
        if other not in self.players:
            # A request from someone new: their profile first, then the news.
            self._fetch_then_notify(other)
            return
        self._notify(changed)

    def _fetch_then_notify(self, other: str) -> None:
        async def fetch() -> None:
            try:
                await self.load_profiles([other])
            except Exception as exc:
                log.info("friends: profile of %s not loaded: %s", other, exc)
            # Shown now, named or not (a profile that could not be read shows "?").
            self.players.setdefault(other, Friend(other, "", ""))
            self._notify({other})

        # Held here and cancelled by ``aclose``: a short read, dropped if it fails.
        task = asyncio.get_running_loop().create_task(fetch(), name="friends:profile")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _on_delete(self, old: Row) -> None:
        user_id, friend_id = old.get("user_id"), old.get("friend_id")
        if not isinstance(user_id, str) or not isinstance(friend_id, str):
            return
        if self._reloading:
            self._deleted_meanwhile.append((user_id, friend_id))
        self._notify(self.book.remove(user_id, friend_id))

    def _notify(self, others: set[str]) -> None:
        if others and self.on_changed is not None:
            self.on_changed(others)

    # -- writes -----------------------------------------------------------------------

    def _now(self) -> str:
        return datetime.now(UTC).isoformat()

    async def request(self, other: str) -> None:
        """Ask ``other`` to be friends (accepts at once if they asked first)."""
        if self.book.relation(other) is Relation.INCOMING:
            await self.accept(other)
            return
        await self._client.table("friendships").insert(
            {"user_id": self.user_id, "friend_id": other}, returning=_minimal()).execute()
        self._notify(self.book.upsert(Friendship(self.user_id, other, PENDING, self._now())))

    async def accept(self, other: str) -> None:
        """Accept ``other``'s request."""
        await self._client.table("friendships").update({"status": ACCEPTED}).eq(
            "user_id", other).eq("friend_id", self.user_id).execute()
        self._notify(self.book.upsert(Friendship(other, self.user_id, ACCEPTED,
                                                 self.book.since(other))))

    async def decline(self, other: str) -> None:
        """Decline ``other``'s request."""
        await self._delete(other, self.user_id)

    async def cancel(self, other: str) -> None:
        """Take back the user's request to ``other``."""
        await self._delete(self.user_id, other)

    async def remove(self, other: str) -> None:
        """End the friendship with ``other`` (whoever asked first)."""
        await self._delete(self.user_id, other)
        await self._delete(other, self.user_id)

    async def _delete(self, user_id: str, friend_id: str) -> None:
        await self._client.table("friendships").delete(returning=_minimal()).eq(
            "user_id", user_id).eq("friend_id", friend_id).execute()
        self._notify(self.book.remove(user_id, friend_id))

    async def block(self, other: str) -> None:
        """Block ``other``: no requests or direct messages either way; the friendship
        (if any) ends on the server."""
        await self._client.table("blocks").insert(
            {"blocker_id": self.user_id, "blocked_id": other}, returning=_minimal()).execute()
        self.blocked.add(other)
        changed = self.book.remove(self.user_id, other) | self.book.remove(other, self.user_id)
        self._notify(changed | {other})

    async def unblock(self, other: str) -> None:
        """Lift the block on ``other``."""
        await self._client.table("blocks").delete(returning=_minimal()).eq(
            "blocker_id", self.user_id).eq("blocked_id", other).execute()
        self.blocked.discard(other)
        self._notify({other})

    async def aclose(self) -> None:
        """Leave the channel and stop reading profiles."""
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        handle, self._handle = self._handle, None
        if handle is not None:
            await handle.close()


def _minimal() -> Any:
    from postgrest.types import ReturnMethod

    return ReturnMethod.minimal
