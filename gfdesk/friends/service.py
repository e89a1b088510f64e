"""Friends and who of them is online: ``friends:{user_id}`` for the list,
``presence:online`` for the rest. Qt-free.

``FriendsService`` follows the user's friendships live (``FriendshipsService``: a
friend accepted on the phone appears at once, a removed one goes), joins
``presence:online`` through the connection supervisor with the user id as presence
key, tracks the user's own meta (``{user_id, status, game?, last_seen, device:
"desktop"}``) and re-tracks it on every status change. "Invisible" is the one status
never tracked: the user stays joined (they see everyone, receive everything) and
untracks, so others see them offline. Presence arrives raw
(``Subscription.presence_sink``) into a ``PresenceIndex``: a diff costs O(size of the
diff), and a full state is indexed in steps of a few milliseconds on the loop (diffs
that arrive meanwhile wait and follow in order), so 100,000 members online never
freeze the window. Only friends' changes are passed on (``on_presence``).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from gfdesk.core import collector
from gfdesk.core.clock import SYSTEM_CLOCK, Clock
from gfdesk.core.subscription import Subscription, SubscriptionHandle
from gfdesk.friends.friendships import Friend, FriendshipsService
from gfdesk.friends.presence import Presence, PresenceIndex, Status, tracked_meta
from gfdesk.friends.relations import Relation
from gfdesk.log import realtime as log

if TYPE_CHECKING:
    from supabase import AsyncClient

    from gfdesk.core.connection import ConnectionSupervisor

__all__ = ["PRESENCE_TOPIC", "Friend", "FriendsService"]


PRESENCE_TOPIC = "presence:online"
#: Longest a step of indexing a presence state keeps the loop, in seconds.
STEP_BUDGET_S = 0.004


FriendsListener = Callable[[list[Friend]], None]
ChangesListener = Callable[[list[Friend], list[str]], None]
PresenceListener = Callable[[list[Presence]], None]


class FriendsService:
    """The friends list and presence of one signed-in user.

    Args:
        client: the signed-in supabase client (REST).
        connection: the connection supervisor (realtime).
        user_id: the signed-in user.
        clock: time (``last_seen`` of the tracked meta).
    """

    def __init__(self, client: AsyncClient, connection: ConnectionSupervisor, user_id: str,
                 *, clock: Clock = SYSTEM_CLOCK) -> None:
        self._client = client
        self._connection = connection
        self.user_id = user_id
        self._clock = clock
        self.index = PresenceIndex()
        """Everyone online on ``presence:online``."""
        self.friendships = FriendshipsService(client, connection, user_id)
        """Friends, requests and blocks, live."""
        self.friendships.on_changed = self._on_relations_changed
        self.friends: dict[str, Friend] = {}
        self.on_friends: FriendsListener | None = None
        """Called with the whole friends list after the first load."""
        self.on_friend_changes: ChangesListener | None = None
        """Called with friends added (or whose profile changed) and ids removed."""
        self.on_relations: Callable[[set[str]], None] | None = None
        """Called with every player whose relation changed (requests, blocks)."""
        self.on_presence: PresenceListener | None = None
        """Called with the presence of the friends whose presence changed."""
        self.on_state_loaded: Callable[[], None] | None = None
        """Called each time a full presence state has been indexed."""
        self._handle: SubscriptionHandle | None = None
        self._loader: asyncio.Task[None] | None = None
        self._pending: list[dict[str, Any]] = []
        self.status = Status.ONLINE
        self.game: str | None = None
        self._started = False
        #: How many full presence states were indexed.
        self.states_loaded = 0

    @property
    def loading(self) -> bool:
        """Whether a presence state is being indexed."""
        return self._loader is not None and not self._loader.done()

    async def start(self, status: Status = Status.ONLINE, game: str | None = None) -> None:
        """Load the friends and follow them, join ``presence:online`` and track the
        user's status (unless invisible)."""
        self.status, self.game = status, game
        await self.friendships.start()
        self._started = True
        friends = self._friends_now()
        self.friends = {f.user_id: f for f in friends}
        if self.on_friends is not None:
            self.on_friends(friends)
        self._handle = await self._connection.subscribe(Subscription(
            topic=PRESENCE_TOPIC, presence_key=self.user_id, presence_sink=self, private=True))
        await self._track()

    def _friends_now(self) -> list[Friend]:
        players = self.friendships.players
        return [players.get(u) or Friend(u, "", "")
                for u in self.friendships.book.others(Relation.FRIEND)]

    def _on_relations_changed(self, others: set[str]) -> None:
        if self.on_relations is not None:
            self.on_relations(others)
        if not self._started:
            return  # the first load is announced whole, by start()
        book, players = self.friendships.book, self.friendships.players
        added: list[Friend] = []
        removed: list[str] = []
        for other in others:
            if book.relation(other) is Relation.FRIEND:
                friend = players.get(other) or Friend(other, "", "")
                self.friends[other] = friend
                added.append(friend)
            elif self.friends.pop(other, None) is not None:
                removed.append(other)
        if (added or removed) and self.on_friend_changes is not None:
            self.on_friend_changes(added, removed)
        self._publish([f.user_id for f in added])

    async def reload_friends(self) -> None:
        """Read the friendships again (the channel does this after every rejoin)."""
        await self.friendships.reload(refresh_profiles=True)

    async def set_status(self, status: Status, game: str | None = None) -> None:
        """Track ``status`` (and the game while in game) for this user; invisible
        untracks (others see the user offline)."""
        if status is Status.OFFLINE:
            raise ValueError("offline is not tracked: close the subscription instead")
        self.status, self.game = status, game if status is Status.IN_GAME else None
        await self._track()

    async def _track(self) -> None:
        if self._handle is None:
            return
        if self.status is Status.INVISIBLE:
            await self._handle.untrack()
            return
        now = datetime.fromtimestamp(self._clock.wall(), UTC)
        await self._handle.track(tracked_meta(self.user_id, self.status, self.game, now))

    def presence(self, user_id: str) -> Presence:
        return self.index.presence(user_id)

    # -- PresenceSink ---------------------------------------------------------------------

    def on_state(self, state: dict[str, Any]) -> None:
        """A full state (after each join): indexed in steps by a task."""
        if self._loader is not None:
            self._loader.cancel()
        self._pending = []
        self._loader = asyncio.get_running_loop().create_task(
            self._load(state), name="friends:presence-state")

    def on_diff(self, diff: dict[str, Any]) -> None:
        """A diff: applied at once, or after the state being indexed."""
        if self.loading:
            self._pending.append(diff)
            return
        self._publish(self.index.apply_diff(diff))

    async def _load(self, state: dict[str, Any]) -> None:
        started = time.perf_counter()
        steps = self.index.load_state(state)
        # The collector would rescan the growing index over and over: paused, and the
        # finished index frozen (out of every later collection's way).
        with collector.paused():
            deadline = time.perf_counter() + STEP_BUDGET_S
            for _ in steps:
                if time.perf_counter() >= deadline:
                    await asyncio.sleep(0)
                    deadline = time.perf_counter() + STEP_BUDGET_S
        touched: set[str] = set()
        pending, self._pending = self._pending, []
        for diff in pending:
            touched |= self.index.apply_diff(diff)
        self.states_loaded += 1
        log.debug("friends: presence state of %d users indexed in %.0f ms", len(self.index),
                  (time.perf_counter() - started) * 1000)
        self._publish(self.friends.keys())
        if self.on_state_loaded is not None:
            self.on_state_loaded()

    def _publish(self, user_ids: Any) -> None:
        if self.on_presence is None:
            return
        changed = [self.index.presence(u) for u in user_ids if u in self.friends]
        if changed:
            self.on_presence(changed)

    async def aclose(self) -> None:
        """Untrack, leave ``presence:online`` and ``friends:``, and stop indexing."""
        await self.friendships.aclose()
        loader, self._loader = self._loader, None
        if loader is not None:
            loader.cancel()
            await asyncio.gather(loader, return_exceptions=True)
        handle, self._handle = self._handle, None
        if handle is not None:
            await handle.close()
