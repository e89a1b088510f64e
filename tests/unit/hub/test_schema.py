"""The SQLite public schema matches ``TABLES``; defaults, checks and the profile hook."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from gfdesk.hub.auth import AUTH_MIGRATIONS
from gfdesk.hub.context import NewUser
from gfdesk.hub.schema import PUBLIC_MIGRATIONS, TABLES, now_timestamp, on_user_created
from gfdesk.hub.store import ChangeType, Store

SQLITE_TYPES = {"uuid": "TEXT", "text": "TEXT", "timestamptz": "TEXT", "jsonb": "TEXT",
                "int4": "INTEGER", "bool": "INTEGER"}
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$")
UUID4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.in_dir(tmp_path)
    store.migrate("auth", AUTH_MIGRATIONS)
    store.migrate("public", PUBLIC_MIGRATIONS)
    yield store
    store.close()


def _user(store: Store, email: str) -> str:
    count = len(store.conn.execute("SELECT id FROM auth_users").fetchall())
    uid = f"00000000-0000-4000-8000-{count:012d}"
    store.conn.execute(
        "INSERT INTO auth_users (id, email, encrypted_password, created_at, updated_at)"
        " VALUES (?, ?, 'x', 'now', 'now')", (uid, email))
    return uid


@pytest.mark.parametrize("name", sorted(TABLES))
def test_sqlite_table_matches_metadata(store: Store, name: str) -> None:
    """It should have the same columns, order, types, nullability, defaults and key."""
    table = TABLES[name]
    info = store.query(f"PRAGMA table_info({name})")
    assert [r["name"] for r in info] == list(table.column_names)
    for row, column in zip(info, table.columns, strict=True):
        assert row["type"] == SQLITE_TYPES[column.pg_type], column.name
        assert bool(row["notnull"]) == (not column.nullable), column.name
        assert (row["dflt_value"] is not None) == column.has_default, column.name
    pk = sorted((r["pk"], r["name"]) for r in info if r["pk"])
    assert tuple(n for _, n in pk) == table.primary_key


def test_no_table_outside_metadata(store: Store) -> None:
    """It should create exactly the tables of TABLES in the public component."""
    names = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    public = {n for n in names if not n.startswith(("auth_", "sqlite_", "schema_"))}
    assert public == set(TABLES)


def test_defaults_make_uuid_and_timestamps(store: Store) -> None:
    """It should fill ids with UUID v4 and created_at in PostgREST's timestamptz shape."""
    with store.transaction() as tx:
        row = tx.conn.execute("INSERT INTO conversations (kind) VALUES ('group')"
                              " RETURNING id, created_at").fetchone()
    assert UUID4.match(row["id"])
    assert TIMESTAMP.match(row["created_at"])
    assert TIMESTAMP.match(now_timestamp())


def test_enum_checks_refuse_unknown_values(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="conversations_kind_check"):
        store.conn.execute("INSERT INTO conversations (kind) VALUES ('party')")


def test_profile_hook_makes_unique_usernames(store: Store) -> None:
    """It should take the metadata username, else the email's local part, deduplicated."""
    with store.transaction() as tx:
        a = _user(store, "ace@x.io")
        on_user_created(tx, NewUser(a, "ace@x.io", {}))
        b = _user(store, "ace@y.io")
        on_user_created(tx, NewUser(b, "ace@y.io", {"display_name": "Ace Two"}))
        c = _user(store, "c@y.io")
        on_user_created(tx, NewUser(c, "c@y.io", {"username": "ace"}))
        assert [ch.type for ch in tx.changes] == [ChangeType.INSERT] * 3
    rows = {r["id"]: r for r in store.query("SELECT * FROM profiles")}
    assert (rows[a]["username"], rows[a]["display_name"]) == ("ace", "ace")
    assert (rows[b]["username"], rows[b]["display_name"]) == ("ace2", "Ace Two")
    assert rows[c]["username"] == "ace3"


def test_swiss_arrives_on_a_database_made_before_it(tmp_path: Path) -> None:
    """It should remake tournaments with the new check, losing and cascading nothing."""
    old = Store.in_dir(tmp_path / "old")
    try:
        old.migrate("auth", AUTH_MIGRATIONS)
        old.migrate("public", PUBLIC_MIGRATIONS[:1])
        host = _user(old, "host@x.io")
        with old.transaction() as tx:
            on_user_created(tx, NewUser(host, "host@x.io", {}))
            cup = tx.conn.execute("INSERT INTO tournaments (name, game, host_id) VALUES"
                                  " ('Cup', 'chess', ?) RETURNING id", (host,)).fetchone()[0]
            tx.conn.execute("INSERT INTO tournament_participants (tournament_id, user_id)"
                            " VALUES (?, ?)", (cup, host))
            with pytest.raises(sqlite3.IntegrityError, match="tournaments_format_check"):
                tx.conn.execute("UPDATE tournaments SET format = 'swiss'")
        assert old.migrate("public", PUBLIC_MIGRATIONS[:2]) == [2]
        with old.transaction() as tx:
            tx.conn.execute("UPDATE tournaments SET format = 'swiss'")
        assert [tuple(r) for r in old.query("SELECT id, format FROM tournaments")] == [
            (cup, "swiss")]
        assert old.query("SELECT count(*) FROM tournament_participants")[0][0] == 1
        assert old.query("PRAGMA foreign_key_check") == []
        assert old.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        # The participants' foreign key still points at the (new) tournaments table.
        with pytest.raises(sqlite3.IntegrityError), old.transaction() as tx:
            tx.conn.execute("INSERT INTO tournament_participants (tournament_id, user_id)"
                            " VALUES ('nowhere', ?)", (host,))
    finally:
        old.close()


def test_busy_arrives_on_a_database_made_before_it(tmp_path: Path) -> None:
    """It should remake calls with the new check, keeping every call."""
    old = Store.in_dir(tmp_path / "old")
    try:
        old.migrate("auth", AUTH_MIGRATIONS)
        old.migrate("public", PUBLIC_MIGRATIONS[:3])
        ada, bob = _user(old, "ada@x.io"), _user(old, "bob@x.io")
        with old.transaction() as tx:
            on_user_created(tx, NewUser(ada, "ada@x.io", {}))
            on_user_created(tx, NewUser(bob, "bob@x.io", {}))
            call = tx.conn.execute("INSERT INTO calls (caller_id, callee_id) VALUES (?, ?)"
                                   " RETURNING id", (ada, bob)).fetchone()[0]
            with pytest.raises(sqlite3.IntegrityError, match="calls_status_check"):
                tx.conn.execute("UPDATE calls SET status = 'busy'")
        assert old.migrate("public", PUBLIC_MIGRATIONS) == [4]
        with old.transaction() as tx:
            tx.conn.execute("UPDATE calls SET status = 'busy'")
        assert [tuple(r) for r in old.query("SELECT id, status FROM calls")] == [
            (call, "busy")]
        assert old.query("PRAGMA foreign_key_check") == []
        with pytest.raises(sqlite3.IntegrityError, match="calls_status_check"), \
                old.transaction() as tx:
            tx.conn.execute("UPDATE calls SET status = 'on hold'")
    finally:
        old.close()
