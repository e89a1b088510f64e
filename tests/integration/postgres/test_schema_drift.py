"""One source of truth: supabase/migrations, as applied to PostgreSQL, against the hub's schema.

The hub's ``TABLES`` (PostgreSQL types, nullability, "may be left out", primary keys) and
its SQLite ``PUBLIC_MIGRATIONS`` (foreign keys, indexes, unique and check constraints)
are compared with what the migrations created on a real PostgreSQL, read back from
pg_catalog. Any drift fails with the differing table and what differs. The publication,
replica identities and row-level security switches are checked here as well. Qt-free.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

import psycopg
import pytest

from gfdesk.hub.schema import DEFERRED_FK_COLUMNS, PUBLIC_MIGRATIONS, PUBLISHED, TABLES

#: SQLite's stand-in for jsonb; PostgreSQL's jsonb type does this check itself.
SQLITE_ONLY_CHECKS = {"notifications_data_check"}
#: Indexes only PostgreSQL has (foreign keys a user deletion cascades through; see the
#: schema migration); the hub's SQLite tables are small enough without them.
PG_ONLY_INDEXES = {
    "messages": {("messages_sender_id_idx", ("sender_id",))},
    "tournament_messages": {("tournament_messages_sender_id_idx", ("sender_id",))},
    "tournament_participants": {("tournament_participants_user_id_idx", ("user_id",))},
}
_PG_ON_DELETE = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL",
                 "d": "SET DEFAULT"}
_SQLITE_REF = {"auth_users": "auth.users"}


def _rows(pg: psycopg.Connection, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return pg.execute(sql, params).fetchall()  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def sqlite_schema() -> sqlite3.Connection:
    """The hub's public schema in an in-memory SQLite (auth_users reduced to its key)."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE auth_users (id TEXT PRIMARY KEY)")
    for migration in PUBLIC_MIGRATIONS:
        conn.executescript(migration.sql)
    return conn


def test_the_public_tables_are_the_hubs(pg: psycopg.Connection) -> None:
    found = {r[0] for r in _rows(pg, "select tablename from pg_tables where schemaname = 'public'")}
    assert found == set(TABLES)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_columns_in_order_with_types_nullability_and_defaults(
        pg: psycopg.Connection, table: str) -> None:
    found = _rows(pg, """
        select a.attname, t.typname, not a.attnotnull, a.atthasdef
        from pg_attribute a join pg_type t on t.oid = a.atttypid
        where a.attrelid = ('public.' || %s)::regclass and a.attnum > 0
          and not a.attisdropped
        order by a.attnum""", table)
    expected = [(c.name, c.pg_type, c.nullable, c.has_default) for c in TABLES[table].columns]
    assert found == expected


@pytest.mark.parametrize("table", sorted(TABLES))
def test_primary_key_in_order(pg: psycopg.Connection, table: str) -> None:
    found = _rows(pg, """
        select a.attname
        from pg_index i, unnest(i.indkey) with ordinality as k(attnum, n), pg_attribute a
        where i.indrelid = ('public.' || %s)::regclass and i.indisprimary
          and a.attrelid = i.indrelid and a.attnum = k.attnum
        order by k.n""", table)
    assert tuple(r[0] for r in found) == TABLES[table].primary_key


@pytest.mark.parametrize("table", sorted(TABLES))
def test_foreign_keys_match_the_hubs(pg: psycopg.Connection, sqlite_schema: sqlite3.Connection,
                                     table: str) -> None:
    found = {
        (src, f"{nsp}.{ref}" if nsp != "public" else ref, dst, _PG_ON_DELETE[action])
        for src, nsp, ref, dst, action in _rows(pg, """
            select a.attname, rn.nspname, rc.relname, ra.attname, c.confdeltype
            from pg_constraint c
            join pg_class rc on rc.oid = c.confrelid
            join pg_namespace rn on rn.oid = rc.relnamespace
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
            join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = c.confkey[1]
            where c.conrelid = ('public.' || %s)::regclass and c.contype = 'f'""", table)
    }
    expected = {
        (row[3], _SQLITE_REF.get(row[2], row[2]), row[4], row[6])
        for row in sqlite_schema.execute(f"PRAGMA foreign_key_list({table})")
    }
    assert found == expected


def test_deferred_foreign_keys_are_the_hubs(pg: psycopg.Connection) -> None:
    found = set(_rows(pg, """
        select c.conrelid::regclass::text, a.attname
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'f' and c.condeferrable and c.condeferred
          and c.connamespace = 'public'::regnamespace"""))
    assert found == {(t, c) for t, cols in DEFERRED_FK_COLUMNS.items() for c in cols}


def _sqlite_indexes(conn: sqlite3.Connection, table: str, origin: str
                    ) -> set[tuple[str, tuple[str, ...]]]:
    out = set()
    for _, name, _unique, index_origin, _partial in conn.execute(f"PRAGMA index_list({table})"):
        if index_origin == origin:
            cols = tuple(r[2] for r in conn.execute(f"PRAGMA index_info({name})"))
            out.add((name if origin == "c" else "", cols))
    return out


def _pg_indexes(pg: psycopg.Connection, table: str, unique_constraints: bool
                ) -> set[tuple[str, tuple[str, ...]]]:
    rows = _rows(pg, """
        select ic.relname, array_agg(a.attname order by k.n), con.contype
        from pg_index i
        join pg_class ic on ic.oid = i.indexrelid
        cross join unnest(i.indkey) with ordinality as k(attnum, n)
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        left join pg_constraint con on con.conindid = i.indexrelid
        where i.indrelid = ('public.' || %s)::regclass and not i.indisprimary
        group by ic.relname, con.contype""", table)
    if unique_constraints:
        return {("", tuple(cols)) for _, cols, contype in rows if contype == "u"}
    return {(name, tuple(cols)) for name, cols, contype in rows if contype is None}


@pytest.mark.parametrize("table", sorted(TABLES))
def test_indexes_match_the_hubs(pg: psycopg.Connection, sqlite_schema: sqlite3.Connection,
                                table: str) -> None:
    assert _pg_indexes(pg, table, False) == (
        _sqlite_indexes(sqlite_schema, table, "c") | PG_ONLY_INDEXES.get(table, set()))
    assert _pg_indexes(pg, table, True) == _sqlite_indexes(sqlite_schema, table, "u")


def _literals(expression: str) -> set[str]:
    """The quoted strings and numbers of a check expression: what it allows."""
    return {text or number for text, number in re.findall(r"'([^']*)'|\b(\d+)\b", expression)}


def _sqlite_checks(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """Check constraints of the hub's tables as created now, with their literals."""
    found: dict[str, set[str]] = {}
    for (sql,) in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table'"):
        for name, rest in re.findall(r"CONSTRAINT (\w+)\s+CHECK\s*(\(.*)", sql or ""):
            depth, length = 0, 0
            for index, char in enumerate(rest):
                depth += {"(": 1, ")": -1}.get(char, 0)
                if depth == 0:
                    length = index + 1
                    break
            found[name] = _literals(rest[:length])
    return found


def test_check_constraints_match_the_hubs(pg: psycopg.Connection,
                                          sqlite_schema: sqlite3.Connection) -> None:
    expected = {name: values for name, values in _sqlite_checks(sqlite_schema).items()
                if name not in SQLITE_ONLY_CHECKS}
    found = {name: _literals(definition) for name, definition in _rows(pg, """
        select conname, pg_get_constraintdef(oid) from pg_constraint
        where contype = 'c' and connamespace = 'public'::regnamespace""")}
    # The same names, allowing the same values (tournaments_format_check: swiss too).
    assert found == expected
    assert "swiss" in found["tournaments_format_check"]


def test_published_tables_and_replica_identity(pg: psycopg.Connection) -> None:
    published = {r[0] for r in _rows(pg, """
        select tablename from pg_publication_tables
        where pubname = 'supabase_realtime' and schemaname = 'public'""")}
    assert published == PUBLISHED
    identities = dict(_rows(pg, """
        select relname, relreplident from pg_class
        where relnamespace = 'public'::regnamespace and relkind = 'r'"""))
    assert {t: identities[t] for t in PUBLISHED} == dict.fromkeys(PUBLISHED, "d")


def test_row_level_security_is_on_everywhere(pg: psycopg.Connection) -> None:
    rls = dict(_rows(pg, """
        select relname, relrowsecurity from pg_class
        where relnamespace = 'public'::regnamespace and relkind = 'r'"""))
    assert rls == dict.fromkeys(TABLES, True)
