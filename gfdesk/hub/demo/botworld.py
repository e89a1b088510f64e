"""The demo world's bots: a small framework to let bot friends act inside the hub. Qt-free.

A ``BotWorld`` gives bots what a hub-side actor needs and nothing else: writes through
the ``Store`` (so postgres_changes fire exactly as for a client's write), broadcasts and
presence through the realtime ``Registry`` (as a client's would look to subscribers),
a listener on committed row changes, a scheduler with seeded randomness and an
injectable clock, and owned tasks that ``aclose`` cancels. Behaviours (chat replies,
presence changes, notifications) are ``Bot`` subclasses that ``start`` on a world.

The behaviours import this module; ``demo.bots`` starts them with the hub.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, Generic, TypeVar

from gfdesk.hub.realtime.channels import TOPIC_PREFIX, Registry
from gfdesk.hub.schema import TABLES, now_timestamp
from gfdesk.hub.store import Change, ChangeType, Store, Transaction
from gfdesk.log import hub as log

ChangeListener = Callable[[Change], None]
T = TypeVar("T")


class BotClock:
    """Time and randomness of the bots; tests pass a fast one and a fixed seed.

    Args:
        seed: seeds the random source (None: from the OS).
        speed: how much faster than real time the bots act (tests use 100 or more).
    """

    def __init__(self, seed: int | None = None, speed: float = 1.0) -> None:
        self.random = random.Random(seed)
        self.speed = speed

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds / self.speed)

    def between(self, low: float, high: float) -> float:
        """A random duration in [low, high] seconds."""
        return self.random.uniform(low, high)

    async def pause(self, span: tuple[float, float]) -> None:
        """Sleep a random duration within ``span`` seconds (before the speed-up)."""
        await self.sleep(self.between(*span))

    def pick(self, items: Sequence[T]) -> T:
        """One of ``items`` (not empty), at random."""
        return items[int(self.random.random() * len(items))]

    def deck(self, items: Sequence[T]) -> LineDeck[T]:
        """A deck of ``items`` dealt with this clock's randomness (see ``LineDeck``)."""
        return LineDeck(items, self.random)


class LineDeck(Generic[T]):
    """Items dealt in a shuffled order, each once per round: a bot never says the same
    line twice in a row, nor again before it has said all the others.

    Args:
        items: what to deal (not empty).
        random_source: the shuffling randomness.
    """

    def __init__(self, items: Sequence[T], random_source: random.Random) -> None:
        if not items:
            raise ValueError("a deck needs items")
        self._items = list(items)
        self._random = random_source
        self._left: list[T] = []
        self._last: T | None = None

    def deal(self) -> T:
        if not self._left:
            self._left = list(self._items)
            self._random.shuffle(self._left)
            if len(self._left) > 1 and self._left[-1] == self._last:
                # The new round must not open with the line the last one ended on.
                self._left[0], self._left[-1] = self._left[-1], self._left[0]
        self._last = self._left.pop()
        return self._last


class BotWorld:
    """What bots may touch in a running hub.

    Args:
        store: the hub's store.
        registry: the realtime registry.
        clock: time and randomness.
    """

    def __init__(self, store: Store, registry: Registry, clock: BotClock | None = None) -> None:
        self.store = store
        self.registry = registry
        self.clock = clock or BotClock()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._listeners: list[ChangeListener] = []
        self._closed = False
        store.add_commit_listener(self._on_commit)

    # -- people -----------------------------------------------------------------------

    def user_id(self, username: str) -> str | None:
        """The id of the profile with ``username``."""
        rows = self.store.query("SELECT id FROM profiles WHERE username = ?", (username,))
        return str(rows[0][0]) if rows else None

    def display_name(self, user_id: str) -> str:
        rows = self.store.query("SELECT display_name, username FROM profiles WHERE id = ?",
                                (user_id,))
        return str(rows[0][0] or rows[0][1]) if rows else "someone"

    # -- acting -----------------------------------------------------------------------

    async def insert(self, table: str, values: dict[str, Any]) -> dict[str, Any]:
        """Insert a row (``id`` and ``created_at`` chosen here when the table has them)
        in one transaction on the store's writer; subscribers see it as they see a
        client's insert."""
        meta = TABLES[table]
        names = meta.column_names
        row = dict(values)
        if "created_at" in names:
            row.setdefault("created_at", now_timestamp())
        columns = list(row)
        returning_id = "id" in names and "id" not in row
        sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
               f"({', '.join('?' for _ in columns)})" + (" RETURNING id" if returning_id else ""))

        def write(tx: Transaction) -> dict[str, Any]:
            cursor = tx.conn.execute(sql, [row[c] for c in columns])
            if returning_id:
                row["id"] = cursor.fetchone()[0]
            key = meta.primary_key
            where = " AND ".join(f"{k} = ?" for k in key)
            stored = tx.conn.execute(f"SELECT {', '.join(names)} FROM {table} WHERE {where}",
                                     [row[k] for k in key]).fetchone()
            record = meta.row_to_json(tuple(stored))
            tx.record(table, ChangeType.INSERT, record, None)
            return record

        return await self.store.write(write)

    def broadcast(self, topic: str, event: str, payload: dict[str, Any]) -> int:
        """Broadcast ``event`` on the private ``topic`` (without ``realtime:``; the app's
        topics are private channels) to its subscribers."""
        message = {"type": "broadcast", "event": event, "payload": payload}
        return self.registry.broadcast(TOPIC_PREFIX + topic, True,
                                       json.dumps(message, separators=(",", ":")))

    def on_change(self, listener: ChangeListener) -> None:
        """Call ``listener`` with every committed row change (from the hub's loop; it
        must not block: schedule work with ``spawn``)."""
        self._listeners.append(listener)

    def _on_commit(self, changes: Sequence[Change]) -> None:
        if self._closed:
            return
        for change in changes:
            for listener in list(self._listeners):
                try:
                    listener(change)
                except Exception:
                    log.exception("hub bots: a change listener failed")

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        """Run ``coro`` as a task the world owns (cancelled by ``aclose``)."""
        task = asyncio.get_running_loop().create_task(coro, name=f"bots:{name}")
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("hub bots: task %s failed", task.get_name(), exc_info=task.exception())

    # -- lifecycle --------------------------------------------------------------------

    def start(self, *bots: Bot) -> None:
        """Wire each of ``bots`` to this world (``aclose`` stops what they spawn)."""
        for bot in bots:
            bot.start(self)

    async def aclose(self) -> None:
        """Stop every bot and task; listen to nothing more."""
        self._closed = True
        self.store.remove_commit_listener(self._on_commit)
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


class Bot:
    """One behaviour of the demo world; ``start`` wires it to a world."""

    def start(self, world: BotWorld) -> None:
        raise NotImplementedError
