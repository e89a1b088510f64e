"""gfdesk.hub.store: migrations, transactions and commit listeners on a real SQLite file."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from gfdesk.hub.store import Change, ChangeType, Migration, Store, utc_timestamp

V1 = Migration(1, "items", "CREATE TABLE items (id TEXT PRIMARY KEY, note TEXT);\n"
               "CREATE TRIGGER items_note AFTER INSERT ON items WHEN new.note IS NULL\n"
               "BEGIN UPDATE items SET note = 'a;b' WHERE id = new.id; END;")
V2 = Migration(2, "index", "CREATE INDEX items_note ON items (note);")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.in_dir(tmp_path)
    yield store
    store.close()


def test_migrations_apply_once_in_order(store: Store) -> None:
    assert store.migrate("public", [V2, V1]) == [1, 2]
    assert store.migrate("public", [V1, V2]) == []
    # Components keep separate version lines (auth's 1 is not public's 1).
    assert store.migrate("auth", [Migration(1, "a", "CREATE TABLE a (x);")]) == [1]
    with store.transaction() as tx:
        tx.conn.execute("INSERT INTO items (id) VALUES ('x')")
    assert store.query("SELECT note FROM items")[0][0] == "a;b"


def test_a_newer_database_is_refused(store: Store) -> None:
    store.migrate("public", [V1, V2])
    with pytest.raises(RuntimeError, match="newer than this gfdesk knows"):
        store.migrate("public", [V1])


def test_a_failed_migration_leaves_nothing_behind(store: Store) -> None:
    broken = Migration(1, "broken", "CREATE TABLE t (x);\nSELECT * FROM nowhere;")
    with pytest.raises(Exception, match="no such table"):
        store.migrate("public", [broken])
    assert store.query("SELECT name FROM sqlite_master WHERE name = 't'") == []
    assert store.migrate("public", [V1]) == [1]


def test_listeners_see_changes_only_after_commit(store: Store) -> None:
    store.migrate("public", [V1])
    seen: list[Sequence[Change]] = []
    store.add_commit_listener(seen.append)
    with pytest.raises(ValueError), store.transaction() as tx:
        tx.conn.execute("INSERT INTO items VALUES ('rolled', 'back')")
        tx.record("items", ChangeType.INSERT, {"id": "rolled"}, None)
        raise ValueError("abort")
    assert seen == []
    assert store.query("SELECT count(*) FROM items")[0][0] == 0
    with store.transaction() as tx:
        tx.conn.execute("INSERT INTO items VALUES ('kept', 'yes')")
        tx.record("items", ChangeType.INSERT, {"id": "kept"}, None)
    assert len(seen) == 1
    (change,) = seen[0]
    assert (change.table, change.type, change.record) == ("items", ChangeType.INSERT,
                                                          {"id": "kept"})
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", change.commit_timestamp)


def test_database_is_in_wal_mode(store: Store) -> None:
    assert store.query("PRAGMA journal_mode")[0][0] == "wal"
    assert re.fullmatch(r".*\.\d{3}Z", utc_timestamp())
