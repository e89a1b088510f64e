"""A COMMIT that SQLite refuses rolls back, so the store stays usable."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from gfdesk.hub.store import Migration, Store

LINKED = Migration(1, "linked", """
CREATE TABLE node (
  id INTEGER PRIMARY KEY,
  next_id INTEGER REFERENCES node(id) DEFERRABLE INITIALLY DEFERRED
);
""")


def test_refused_commit_rolls_back(tmp_path: Path) -> None:
    store = Store.in_dir(tmp_path)
    try:
        store.migrate("test", [LINKED])
        seen: list[object] = []
        store.add_commit_listener(seen.append)
        with pytest.raises(sqlite3.IntegrityError), store.transaction() as tx:
            tx.conn.execute("INSERT INTO node VALUES (1, 99)")
            tx.record("node", "INSERT", {"id": 1}, None)  # type: ignore[arg-type]
        assert not store.conn.in_transaction
        assert seen == []
        with store.transaction() as tx:
            tx.conn.execute("INSERT INTO node VALUES (2, NULL)")
        assert [r[0] for r in store.query("SELECT id FROM node")] == [2]
    finally:
        store.close()
