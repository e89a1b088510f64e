"""The outbox's persistent queue: pending writes in a SQLite file. Qt-free.

One file per profile and account in the data dir, so a write made offline survives a
restart and is never sent under another account. Writes keep their insertion order
(``seq``) and their client-generated UUID, which is the row's primary key for inserts:
sending one twice can never store it twice.
"""

from __future__ import annotations

import enum
import json
import re
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

OUTBOX_DIR = "outbox"
_SAFE = re.compile(r"[^A-Za-z0-9_.-]")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS writes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  op TEXT NOT NULL,
  target TEXT NOT NULL,
  payload TEXT NOT NULL,
  match TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT ''
)
"""


class WriteOp(enum.Enum):
    """What a queued write does."""

    #: Insert a row whose ``id`` the client chose (a duplicate is ignored).
    INSERT = "insert"
    #: Update the rows matching ``match`` (equality on each column) with ``values``.
    UPDATE = "update"


@dataclass(frozen=True)
class Write:
    """One queued write.

    Attributes:
        id: client-generated UUID (for inserts, the row's primary key).
        op: insert or update.
        table: the public table written.
        values: the row (insert) or the new column values (update).
        match: column -> value equality filter of an update.
        label: what the user would call it ("message to Neo"), for error reports.
    """

    id: str
    op: WriteOp
    table: str
    values: dict[str, Any] = field(repr=False)
    match: dict[str, Any] = field(default_factory=dict, repr=False)
    label: str = ""


def outbox_path(data_dir: Path, profile: str, account_id: str) -> Path:
    """The queue file of ``account_id`` on ``profile``."""
    return data_dir / OUTBOX_DIR / f"{_SAFE.sub('_', profile)}.{_SAFE.sub('_', account_id)}.sqlite3"


class OutboxQueue:
    """A FIFO of ``Write`` in SQLite (thread-safe: the outbox calls it from workers).

    Args:
        path: the database file (created with its folder).
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)

    def push(self, write: Write) -> None:
        """Append ``write`` (a second push of the same id is ignored)."""
        with self._lock:
            self._db.execute(
                "INSERT OR IGNORE INTO writes (id, op, target, payload, match, label)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (write.id, write.op.value, write.table, json.dumps(write.values),
                 json.dumps(write.match), write.label))

    def head(self) -> Write | None:
        """The oldest write, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT id, op, target, payload, match, label FROM writes"
                " ORDER BY seq LIMIT 1").fetchone()
        if row is None:
            return None
        return Write(row[0], WriteOp(row[1]), row[2], json.loads(row[3]), json.loads(row[4]),
                     row[5])

    def remove(self, write_id: str) -> None:
        """Drop a write (sent, or refused for good)."""
        with self._lock:
            self._db.execute("DELETE FROM writes WHERE id = ?", (write_id,))

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM writes").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()
