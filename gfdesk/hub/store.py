"""The hub's SQLite database: one file per data dir, WAL, forward-only migrations. Qt-free.

Every write runs in a ``Transaction``; rows changed inside it are recorded as ``Change``s
and handed to the commit listeners only after COMMIT succeeds, so Realtime never
announces a row that was rolled back. WAL with ``synchronous=NORMAL`` keeps every
committed transaction across a crash of the process (only a power cut can lose the last
ones), which is what "acknowledged means stored" needs for a hub.

Nothing a request controls runs on the event loop. ``await store.write(fn)`` runs
``fn(tx)`` in a transaction on the one writer thread (the writer connection is used by
nobody else while the hub serves); ``await store.read(fn)`` runs ``fn(conn)`` on one
of a few reader threads, each with its own connection (WAL readers never wait for the
writer). Both take a time limit (``timelimit``). Commit listeners are always called on
the loop, in commit order. ``query()`` reads on the loop's own connection, for the
hub's small fixed lookups (row rules of a change, a user by id). The synchronous
``transaction()`` is for start-up (migrations, the demo seed) and tests.

Each component (``auth``, ``public``) owns its migrations, the way GoTrue migrates its
own ``auth`` schema apart from the project's tables.

Row triggers (``RowTriggers``) are the hub's stand-in for PostgreSQL's AFTER ROW
triggers: a function registered for (table, change type) runs inside the writing
transaction each time such a change is recorded, and the rows it writes (and records)
commit or roll back with it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import enum
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from gfdesk.hub.timelimit import limited
from gfdesk.log import hub as log

DB_FILE = "hub.sqlite3"
#: Reader threads (and connections) for requests: a slow read holds one of them.
READERS = 2
T = TypeVar("T")


class ChangeType(enum.Enum):
    INSERT = "INSERT"
    UPDATE = "UPDATE"
    DELETE = "DELETE"


@dataclass(frozen=True)
class Change:
    """One committed row change, as postgres_changes reports it (spec 5.2)."""

    table: str
    type: ChangeType
    record: dict[str, Any] | None
    old_record: dict[str, Any] | None
    commit_timestamp: str = ""


@dataclass(frozen=True)
class Migration:
    """One forward-only schema step of a component."""

    version: int
    name: str
    sql: str
    #: Run with foreign keys off (a table made again), checked before COMMIT.
    foreign_keys_off: bool = False


@dataclass
class Transaction:
    """An open write transaction and the row changes recorded in it."""

    conn: sqlite3.Connection
    changes: list[Change] = field(default_factory=list)
    #: Run for each recorded change (None: no triggers, e.g. a bare test store).
    triggers: RowTriggers | None = None

    def record(self, table: str, type_: ChangeType, record: dict[str, Any] | None,
               old_record: dict[str, Any] | None) -> None:
        change = Change(table, type_, record, old_record)
        self.changes.append(change)
        if self.triggers is not None:
            self.triggers.fire(self, change)


#: An AFTER ROW trigger: may write (and record) more rows in the same transaction.
RowTrigger = Callable[[Transaction, Change], None]


class RowTriggers:
    """Row triggers by table and change type, in registration order."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, ChangeType], list[RowTrigger]] = {}

    def add(self, table: str, type_: ChangeType, trigger: RowTrigger) -> None:
        self._by_key.setdefault((table, type_), []).append(trigger)

    def fire(self, tx: Transaction, change: Change) -> None:
        for trigger in self._by_key.get((change.table, change.type), ()):
            trigger(tx, change)


CommitListener = Callable[[Sequence[Change]], None]
#: Run on every connection the store opens (SQL functions the statements call).
ConnectionSetup = Callable[[sqlite3.Connection], None]


def utc_timestamp(now: dt.datetime | None = None) -> str:
    """Milliseconds, UTC, trailing Z: the commit_timestamp format of spec 5.2."""
    moment = now or dt.datetime.now(dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.") + (
        f"{moment.microsecond // 1000:03d}Z"
    )


class Store:
    """The hub database: a writer connection, the loop's reader, a pool of readers."""

    def __init__(self, path: Path, *, readers: int = READERS) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = _connect(path)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " component TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL, PRIMARY KEY (component, version))"
        )
        #: The loop's own connection for ``query()``: never waits for the writer.
        self.reader = _connect(path, query_only=True)
        self._pool_conns = [_connect(path, query_only=True) for _ in range(readers)]
        self._idle: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()
        for conn in self._pool_conns:
            self._idle.put(conn)
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="hub-db-write")
        self._readers = ThreadPoolExecutor(readers, thread_name_prefix="hub-db-read")
        # Held by the writer thread for each job and by ``transaction()``, so the two
        # never share the writer connection at once.
        self._write_lock = threading.Lock()
        self._listeners: list[CommitListener] = []
        #: The public schema's row triggers (``gfdesk.hub.triggers.install`` fills it).
        self.triggers = RowTriggers()
        self._last_loop: asyncio.AbstractEventLoop | None = None

    @classmethod
    def in_dir(cls, data_dir: Path) -> Store:
        return cls(data_dir / DB_FILE)

    def close(self) -> None:
        """Finish the jobs under way (each is time-limited), then close every connection."""
        self._writer.shutdown(wait=True)
        self._readers.shutdown(wait=True)
        for conn in (self.conn, self.reader, *self._pool_conns):
            conn.close()

    def setup_connections(self, setup: ConnectionSetup) -> None:
        """Run ``setup`` on every connection (before any job uses them)."""
        for conn in (self.conn, self.reader, *self._pool_conns):
            setup(conn)

    def add_commit_listener(self, listener: CommitListener) -> None:
        self._listeners.append(listener)

    def remove_commit_listener(self, listener: CommitListener) -> None:
        self._listeners.remove(listener)

    def migrate(self, component: str, migrations: Sequence[Migration]) -> list[int]:
        """Apply the component's migrations not applied yet, in version order.

        Returns:
            The versions applied now.

        Raises:
            RuntimeError: the database is newer than this code (a downgrade).
        """
        done = {
            row[0]
            for row in self.conn.execute(
                "SELECT version FROM schema_migrations WHERE component = ?", (component,)
            )
        }
        known = {m.version for m in migrations}
        if done - known:
            raise RuntimeError(
                f"{self.path}: {component} schema is at version {max(done)}, newer than this "
                f"gfdesk knows ({max(known, default=0)}); refusing to run an older hub on it"
            )
        applied = []
        for migration in sorted(migrations, key=lambda m: m.version):
            if migration.version in done:
                continue
            if migration.foreign_keys_off:
                self.conn.execute("PRAGMA foreign_keys=OFF")  # a no-op inside a transaction
            try:
                with self.transaction() as tx:
                    for statement in _split_sql(migration.sql):
                        tx.conn.execute(statement)
                    if migration.foreign_keys_off and tx.conn.execute(
                            "PRAGMA foreign_key_check").fetchone() is not None:
                        raise RuntimeError(f"{self.path}: {component} migration "
                                           f"{migration.version} breaks a foreign key")
                    tx.conn.execute(
                        "INSERT INTO schema_migrations VALUES (?, ?, ?, ?)",
                        (component, migration.version, migration.name, utc_timestamp()),
                    )
            finally:
                if migration.foreign_keys_off:
                    self.conn.execute("PRAGMA foreign_keys=ON")
            log.info("hub db: %s migration %d (%s) applied", component, migration.version,
                     migration.name)
            applied.append(migration.version)
        return applied

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """A write transaction on the calling thread; commit listeners see its changes
        after COMMIT. For start-up and tests: the hub's own writes use ``write``."""
        with self._write_lock:
            with self._open() as (tx, committed):
                yield tx
            changes = committed
        self._announce(changes)

    @contextmanager
    def _open(self) -> Iterator[tuple[Transaction, list[Change]]]:
        """BEGIN IMMEDIATE ... COMMIT; the second item is filled with the stamped
        changes once COMMIT succeeded."""
        self.conn.execute("BEGIN IMMEDIATE")
        tx = Transaction(self.conn, triggers=self.triggers)
        committed: list[Change] = []
        try:
            yield tx, committed
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            # A refused COMMIT (a deferred foreign key) leaves the transaction open.
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if tx.changes:
            stamp = utc_timestamp()
            committed += [
                Change(c.table, c.type, c.record, c.old_record, stamp) for c in tx.changes
            ]

    def _announce(self, changes: Sequence[Change]) -> None:
        if not changes:
            return
        for listener in list(self._listeners):
            try:
                listener(changes)
            except Exception:
                log.exception("hub db: commit listener failed")

    async def write(self, fn: Callable[[Transaction], T], *,
                    time_limit: float | None = None) -> T:
        """Run ``fn(tx)`` in one write transaction on the writer thread.

        The commit listeners are called on this loop, in commit order, before this
        returns, and even when the caller is cancelled meanwhile (what was committed
        is announced).

        Raises:
            StatementTimeout: the transaction ran past ``time_limit`` and rolled back.
            Exception: whatever ``fn`` or COMMIT raised (the transaction rolled back).
        """
        loop = self._loop()

        def job() -> T:
            with self._write_lock, limited(self.conn, time_limit):
                with self._open() as (tx, committed):
                    result = fn(tx)
            if committed:
                loop.call_soon_threadsafe(self._announce, committed)
            return result

        return await loop.run_in_executor(self._writer, job)

    async def read(self, fn: Callable[[sqlite3.Connection], T], *,
                   time_limit: float | None = None) -> T:
        """Run ``fn(conn)`` on a reader thread, in one read transaction (one snapshot).

        Raises:
            StatementTimeout: the reads ran past ``time_limit``.
            Exception: whatever ``fn`` raised.
        """
        def job() -> T:
            conn = self._idle.get()
            try:
                with limited(conn, time_limit):
                    conn.execute("BEGIN")
                    try:
                        return fn(conn)
                    finally:
                        conn.execute("COMMIT")
            finally:
                self._idle.put(conn)

        return await self._loop().run_in_executor(self._readers, job)

    def _loop(self) -> asyncio.AbstractEventLoop:
        try:
            self._last_loop = asyncio.get_running_loop()
        except RuntimeError:
            # qasync steps tasks from Qt callbacks outside run_forever (Qt processing
            # events while the app shuts down), where asyncio knows no running loop:
            # it is still the loop this store has served on.
            if self._last_loop is None:
                raise
        return self._last_loop

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        """A small read on the loop's connection (what is committed)."""
        return self.reader.execute(sql, params).fetchall()


def _connect(path: Path, *, query_only: bool = False) -> sqlite3.Connection:
    # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE) so a reader never
    # upgrades to a writer half-way and hits SQLITE_BUSY.
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=5000")
    if query_only:
        conn.execute("PRAGMA query_only=ON")
    return conn


def _split_sql(script: str) -> list[str]:
    """Statements of a migration script; ``sqlite3.complete_statement`` finds the ends,
    so semicolons inside strings and trigger bodies do not split."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
