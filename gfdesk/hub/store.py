"""The hub's SQLite database: one file per data dir, WAL, forward-only migrations. Qt-free.

Every write runs in a ``Transaction``; rows changed inside it are recorded as ``Change``s
and handed to the commit listeners only after COMMIT succeeds, so Realtime never
announces a row that was rolled back. WAL with ``synchronous=NORMAL`` keeps every
committed transaction across a crash of the process (only a power cut can lose the last
ones), which is what "acknowledged means stored" needs for a hub.

Each component (``auth``, ``public``) owns its migrations, the way GoTrue migrates its
own ``auth`` schema apart from the project's tables.

Row triggers (``RowTriggers``) are the hub's stand-in for PostgreSQL's AFTER ROW
triggers: a function registered for (table, change type) runs inside the writing
transaction each time such a change is recorded, and the rows it writes (and records)
commit or roll back with it.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("gfdesk.hub")

DB_FILE = "hub.sqlite3"


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


def utc_timestamp(now: dt.datetime | None = None) -> str:
    """Milliseconds, UTC, trailing Z: the commit_timestamp format of spec 5.2."""
    moment = now or dt.datetime.now(dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.") + (
        f"{moment.microsecond // 1000:03d}Z"
    )


class Store:
    """The hub database. Use from one thread (the hub's event loop)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE) so a reader never
        # upgrades to a writer half-way and hits SQLITE_BUSY.
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA busy_timeout=5000")
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " component TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL, PRIMARY KEY (component, version))"
        )
        self._listeners: list[CommitListener] = []
        #: The public schema's row triggers (``gfdesk.hub.triggers.install`` fills it).
        self.triggers = RowTriggers()

    @classmethod
    def in_dir(cls, data_dir: Path) -> Store:
        return cls(data_dir / DB_FILE)

    def close(self) -> None:
        self.conn.close()

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
            with self.transaction() as tx:
                for statement in _split_sql(migration.sql):
                    tx.conn.execute(statement)
                tx.conn.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?, ?)",
                    (component, migration.version, migration.name, utc_timestamp()),
                )
            log.info("hub db: %s migration %d (%s) applied", component, migration.version,
                     migration.name)
            applied.append(migration.version)
        return applied

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """A write transaction; commit listeners see its changes after COMMIT."""
        self.conn.execute("BEGIN IMMEDIATE")
        tx = Transaction(self.conn, triggers=self.triggers)
        try:
            yield tx
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
        if tx.changes and self._listeners:
            stamp = utc_timestamp()
            changes = [
                Change(c.table, c.type, c.record, c.old_record, stamp) for c in tx.changes
            ]
            for listener in list(self._listeners):
                try:
                    listener(changes)
                except Exception:
                    log.exception("hub db: commit listener failed")

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        """A read outside any write transaction."""
        return self.conn.execute(sql, params).fetchall()


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
