"""Statements from sqlbuild, executed on a real SQLite file laid out the way the hub stores
rows (STRICT tables, booleans 0/1, jsonb text, timestamptz UTC text), checked by the rows
they return."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from yarl import URL

from gfdesk.hub.rest import sqlbuild
from gfdesk.hub.rest.errors import RestError
from gfdesk.hub.rest.grammar import RestQuery, parse_body, parse_query
from gfdesk.hub.tables import TRUE, Column, Predicate, Table

PLAYERS = Table(
    "players",
    (
        Column("id", "int8", nullable=False, has_default=True),
        Column("name", "text"),
        Column("score", "int4"),
        Column("active", "bool"),
        Column("uid", "uuid"),
        Column("joined", "timestamptz"),
        Column("meta", "jsonb"),
        Column("rank", "int2", nullable=False, has_default=True),
    ),
    ("id",),
)
PLAYERS_DDL = """
CREATE TABLE players (
    id INTEGER PRIMARY KEY,
    name TEXT,
    score INTEGER,
    active INTEGER,
    uid TEXT UNIQUE,
    joined TEXT,
    meta TEXT,
    rank INTEGER NOT NULL DEFAULT 7
) STRICT
"""
UID = "0b5e6f1c-8d4a-4c3b-9a2e-7f1d2c3b4a59"
ROWS: list[dict[str, Any]] = [
    {"id": 1, "name": "Alice", "score": 10, "active": True, "uid": UID,
     "joined": "2024-01-01T10:00:00Z", "meta": {"lvl": 1, "tags": ["a"]}},
    {"id": 2, "name": "alice", "score": 20, "active": False,
     "joined": "2024-01-01T12:30:00.5+00:00", "meta": {"lvl": 2}},
    {"id": 3, "name": "Bob", "score": None, "active": None, "joined": None, "meta": None},
    {"id": 4, "name": "Zoë", "score": 30, "active": True, "joined": "2023-12-31T23:00:00-02:00"},
    {"id": 5, "name": "O'Brien", "score": 5, "active": False},
    {"id": 6, "name": "100%_sure", "score": 10},
    {"id": 7, "name": "back\\slash", "score": -3},
    {"id": 8, "name": None, "score": 1},
    {"id": 9, "name": "ZOË", "score": 2},
]
ALL = {r["id"] for r in ROWS}


def fill_players(conn: sqlite3.Connection) -> None:
    """Give a fresh connection the hub's SQL functions and the players table with ROWS."""
    sqlbuild.install_functions(conn)
    conn.execute(PLAYERS_DDL)
    q = parse_query("players", "POST", [], {})
    for stmt in sqlbuild.insert(PLAYERS, q, ROWS):
        conn.execute(stmt.sql, stmt.params)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(tmp_path / "hub.db")
    fill_players(conn)
    yield conn
    conn.close()


def query(qs: str = "", method: str = "GET", prefer: str = "") -> RestQuery:
    pairs = list(URL("http://hub/?" + qs).query.items())
    return parse_query("players", method, pairs, {"Prefer": prefer} if prefer else {})


def run(conn: sqlite3.Connection, stmt: sqlbuild.Statement) -> list[tuple[Any, ...]]:
    return conn.execute(stmt.sql, stmt.params).fetchall()


def ids(conn: sqlite3.Connection, qs: str, visible: Predicate = TRUE) -> list[int]:
    return [row[0] for row in run(conn, sqlbuild.select(PLAYERS, query(qs), visible))]


FILTERS: list[tuple[str, set[int]]] = [
    ("name=eq.Alice", {1}),
    ("name=neq.Alice", ALL - {1, 8}),
    ("name=gt.a", {2, 7}),
    ("name=like.A*", {1}),
    ("name=like.A%25", {1}),
    ("name=ilike.a*", {1, 2}),
    ("name=ilike.zoë", {4, 9}),
    ("name=like.Zo*", {4}),
    ("name=like.*\\%*", {6}),
    ("name=like.100\\%\\_sure", {6}),
    ("name=like.100__sure", {6}),
    ("name=like.___", {3, 4, 9}),
    ("name=like.*\\\\*", {7}),
    ("name=not.like.*i*", {3, 4, 6, 7, 9}),
    ("name=is.null", {8}),
    ("name=not.is.null", ALL - {8}),
    ("name=is.not_null", ALL - {8}),
    ("name=isdistinct.Alice", ALL - {1}),
    ("name=eq.O'Brien", {5}),
    ("name=eq.'; DROP TABLE players; --", set()),
    ('name=in.("O\'Brien",Bob,"x,y")', {3, 5}),
    ("score=gt.10", {2, 4}),
    ("score=not.gt.10", {1, 5, 6, 7, 8, 9}),
    ("score=gte.-3&score=lt.2", {7, 8}),
    ("score=eq.+10", {1, 6}),
    ("score=in.(10,30)", {1, 4, 6}),
    ("score=not.in.(10,30)", {2, 5, 7, 8, 9}),
    ("score=in.()", set()),
    ("score=not.in.()", ALL),
    ("score=is.null", {3}),
    ("active=is.true", {1, 4}),
    ("active=is.false", {2, 5}),
    ("active=is.unknown", {3, 6, 7, 8, 9}),
    ("active=not.is.true", ALL - {1, 4}),
    ("active=eq.true", {1, 4}),
    ("active=eq.f", {2, 5}),
    ("active=eq.YES", {1, 4}),
    ("active=neq.1", {2, 5}),
    (f"uid=eq.{UID.upper().replace('-', '')}", {1}),
    (f"uid=eq.{{{UID}}}", {1}),
    ("joined=gt.2024-01-01T11:00:00%2B02:00", {1, 2}),
    ("joined=lt.2024-01-01T02:00:00Z", {4}),
    ("joined=eq.2024-01-01 01:00:00%2B00", {4}),
    ("joined=gte.2024-01-01T12:30:00.5Z", {2}),
    ("joined=gt.2024-01-01T12:30:00.49Z", {2}),
    ('meta=eq.{"tags":["a"],"lvl":1}', {1}),
    ('meta=neq.{"lvl":2}', {1}),
    ('meta=in.({"lvl":2},3)', {2}),
    ("meta=is.null", ALL - {1, 2}),
    ("or=(score.gt.25,name.eq.Bob)", {3, 4}),
    ("or=(score.gt.25,name.eq.Bob)&active=is.true", {4}),
    ("and=(score.gte.10,or(active.is.false,name.like.Z*))", {2, 4}),
    ("not.or=(score.is.null,score.lt.15)", {2, 4}),
    ("not.and=(score.gte.10,active.is.true)", ALL - {1, 4}),
    ("or=(name.eq.Alice,and(name.eq.alice,not.or(score.lt.5,active.is.true)))", {1, 2}),
    ('or=(name.eq."O\'Brien",name.in.("back\\\\slash",x))', {5, 7}),
]


@pytest.mark.parametrize(("qs", "expected"), FILTERS, ids=[c[0] for c in FILTERS])
def test_filters_select_the_rows_postgresql_would(
    db: sqlite3.Connection, qs: str, expected: set[int]
) -> None:
    assert set(ids(db, qs)) == expected


def test_the_injection_attempt_left_the_table_alone(db: sqlite3.Connection) -> None:
    ids(db, "name=eq.'; DROP TABLE players; --")
    with pytest.raises(RestError) as caught:
        ids(db, '"name\\"; DROP TABLE players; --"=eq.1')
    assert caught.value.message == 'column players.name"; DROP TABLE players; -- does not exist'
    assert db.execute("SELECT count(*) FROM players").fetchone() == (len(ROWS),)


ORDERS: list[tuple[str, list[int]]] = [
    ("order=score.asc,id", [7, 8, 9, 5, 1, 6, 2, 4, 3]),
    ("order=score.desc,id", [3, 4, 2, 1, 6, 5, 9, 8, 7]),
    ("order=score.asc.nullsfirst,id", [3, 7, 8, 9, 5, 1, 6, 2, 4]),
    ("order=score.desc.nullslast,id.desc", [4, 2, 6, 1, 5, 9, 8, 7, 3]),
    ("order=name&name=not.is.null", [6, 1, 3, 5, 9, 4, 2, 7]),
    ("order=active.desc,id", [3, 6, 7, 8, 9, 1, 4, 2, 5]),
    ("order=joined.desc.nullslast,id&joined=not.is.null", [2, 1, 4]),
    ("order=id&limit=3", [1, 2, 3]),
    ("order=id&limit=3&offset=7", [8, 9]),
    ("order=id&offset=6", [7, 8, 9]),
    ("order=id&limit=0", []),
]


@pytest.mark.parametrize(("qs", "expected"), ORDERS, ids=[c[0] for c in ORDERS])
def test_order_limit_offset(db: sqlite3.Connection, qs: str, expected: list[int]) -> None:
    assert ids(db, qs) == expected


def test_visible_predicate_is_anded_after_the_filters(db: sqlite3.Connection) -> None:
    visible = Predicate('"score" > ?', (5,))
    assert set(ids(db, "or=(name.like.A*,name.like.a*)", visible)) == {1, 2}
    assert set(ids(db, "name=like.A*", Predicate('"score" > ?', (10,)))) == set()
    count = sqlbuild.count(PLAYERS, query("order=id&limit=1"), visible)
    assert run(db, count) == [(4,)]


def test_select_returns_all_columns_in_table_order(db: sqlite3.Connection) -> None:
    rows = run(db, sqlbuild.select(PLAYERS, query("select=name,id&id=eq.1"), TRUE))
    assert PLAYERS.row_to_json(rows[0]) == {
        "id": 1, "name": "Alice", "score": 10, "active": True, "uid": UID,
        "joined": "2024-01-01T10:00:00.000000+00:00", "meta": {"lvl": 1, "tags": ["a"]},
        "rank": 7,
    }


BAD_FILTERS: list[tuple[str, int, str, str]] = [
    ("nope=eq.1", 400, "42703", "column players.nope does not exist"),
    ("select=id,nope", 400, "42703", "column players.nope does not exist"),
    ("order=nope.desc", 400, "42703", "column players.nope does not exist"),
    ("or=(id.eq.1,nope.eq.2)", 400, "42703", "column players.nope does not exist"),
    ("score=eq.abc", 400, "22P02", 'invalid input syntax for type integer: "abc"'),
    ("id=eq.1.5", 400, "22P02", 'invalid input syntax for type bigint: "1.5"'),
    ("rank=gt.40000", 400, "22003", 'value "40000" is out of range for type smallint'),
    ("score=in.(1,x)", 400, "22P02", 'invalid input syntax for type integer: "x"'),
    ("active=eq.maybe", 400, "22P02", 'invalid input syntax for type boolean: "maybe"'),
    ("uid=eq.x", 400, "22P02", 'invalid input syntax for type uuid: "x"'),
    ("joined=gt.yesterday", 400, "22007",
     'invalid input syntax for type timestamp with time zone: "yesterday"'),
    ("meta=eq.{bad", 400, "22P02", 'invalid input syntax for type jsonb: "{bad"'),
    ("score=like.1*", 404, "42883", "operator does not exist: integer ~~ unknown"),
    ("uid=ilike.*", 404, "42883", "operator does not exist: uuid ~~* unknown"),
    ("name=is.true", 400, "42804", "argument of IS TRUE must be type boolean, not type text"),
    ("name=like.abc\\", 400, "22025", "LIKE pattern must not end with escape character"),
    ("name=eq.a%00b", 400, "22021", 'invalid byte sequence for encoding "UTF8": 0x00'),
]


@pytest.mark.parametrize(("qs", "status", "code", "message"), BAD_FILTERS,
                         ids=[c[0] for c in BAD_FILTERS])
def test_bad_filters_are_postgresql_errors(qs: str, status: int, code: str, message: str) -> None:
    with pytest.raises(RestError) as caught:
        sqlbuild.select(PLAYERS, query(qs), TRUE)
    assert (caught.value.status, caught.value.code, caught.value.message) == (
        status, code, message)


def insert_rows(conn: sqlite3.Connection, body: bytes, qs: str = "",
                prefer: str = "") -> list[dict[str, Any]]:
    q = query(qs, "POST", prefer)
    out: list[dict[str, Any]] = []
    for stmt in sqlbuild.insert(PLAYERS, q, parse_body(body, "POST", q)):
        out.extend(PLAYERS.row_to_json(r) for r in run(conn, stmt))
    return out


def test_insert_leaves_absent_columns_to_their_defaults(db: sqlite3.Connection) -> None:
    [row] = insert_rows(db, b'{"name": "New", "active": "t", "score": "42"}')
    assert row == {"id": 10, "name": "New", "score": 42, "active": True, "uid": None,
                   "joined": None, "meta": None, "rank": 7}
    [empty] = insert_rows(db, b"{}")
    assert empty["id"] == 11 and empty["rank"] == 7


def test_bulk_insert_with_columns_fills_missing_keys_with_null(db: sqlite3.Connection) -> None:
    rows = insert_rows(db, b'[{"name": "a"}, {"rank": 1}]', 'columns="name","rank"',
                       "missing=default")
    assert [(r["name"], r["rank"]) for r in rows] == [("a", 7), (None, 1)]
    with pytest.raises(sqlite3.IntegrityError):
        insert_rows(db, b'[{"name": "a"}, {"rank": 1}]', 'columns="name","rank"')


def test_insert_keeps_text_exactly(db: sqlite3.Connection) -> None:
    text = "Robert'); DROP TABLE players;-- \"quoted\" Zoë 🎮 \\"
    [row] = insert_rows(db, json.dumps({"name": text}).encode())
    assert row["name"] == text
    assert set(ids(db, "name=eq." + text.replace("%", "%25").replace("&", "%26")
                   .replace("+", "%2B").replace("#", "%23"))) == {row["id"]}


BAD_BODIES: list[tuple[bytes, str, str]] = [
    (b'{"nope": 1}', "PGRST204",
     "Could not find the 'nope' column of 'players' in the schema cache"),
    (b'{"score": "abc"}', "22P02", 'invalid input syntax for type integer: "abc"'),
    (b'{"score": 1.5}', "22P02", 'invalid input syntax for type integer: "1.5"'),
    (b'{"score": true}', "22P02", 'invalid input syntax for type integer: "true"'),
    (b'{"score": 3000000000}', "22003", 'value "3000000000" is out of range for type integer'),
    (b'{"active": "perhaps"}', "22P02", 'invalid input syntax for type boolean: "perhaps"'),
    (b'{"uid": 5}', "22P02", 'invalid input syntax for type uuid: "5"'),
    (b'{"joined": "soon"}', "22007",
     'invalid input syntax for type timestamp with time zone: "soon"'),
    (b'{"name": "a\\u0000b"}', "22021", 'invalid byte sequence for encoding "UTF8": 0x00'),
]


@pytest.mark.parametrize(("body", "code", "message"), BAD_BODIES, ids=[c[1] for c in BAD_BODIES])
def test_bad_body_values(db: sqlite3.Connection, body: bytes, code: str, message: str) -> None:
    with pytest.raises(RestError) as caught:
        insert_rows(db, body)
    assert (caught.value.status, caught.value.code, caught.value.message) == (400, code, message)


def test_upsert_merges_the_given_columns_on_the_primary_key(db: sqlite3.Connection) -> None:
    rows = insert_rows(db, b'[{"id": 1, "score": 99}, {"id": 50, "score": 1}]', "",
                       "resolution=merge-duplicates")
    assert [(r["id"], r["name"], r["score"]) for r in rows] == [(1, "Alice", 99), (50, None, 1)]


def test_upsert_on_another_unique_column(db: sqlite3.Connection) -> None:
    body = json.dumps({"uid": UID.upper(), "name": "Alicia"}).encode()
    [row] = insert_rows(db, body, "on_conflict=uid", "resolution=merge-duplicates")
    assert (row["id"], row["name"], row["score"]) == (1, "Alicia", 10)


def test_upsert_ignoring_duplicates_returns_only_new_rows(db: sqlite3.Connection) -> None:
    rows = insert_rows(db, b'[{"id": 1, "name": "x"}, {"id": 60, "name": "y"}]', "",
                       "resolution=ignore-duplicates")
    assert [r["id"] for r in rows] == [60]
    assert ids(db, "name=eq.Alice") == [1]


def test_upsert_of_only_key_columns_returns_the_row(db: sqlite3.Connection) -> None:
    [row] = insert_rows(db, b'{"id": 2}', "", "resolution=merge-duplicates")
    assert row["name"] == "alice"


def test_unknown_on_conflict_column_is_42703() -> None:
    q = query("on_conflict=nope", "POST", "resolution=merge-duplicates")
    with pytest.raises(RestError) as caught:
        sqlbuild.insert(PLAYERS, q, [{"id": 1}])
    assert caught.value.code == "42703"


def test_plain_insert_conflict_is_an_integrity_error(db: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        insert_rows(db, b'{"id": 1}', "on_conflict=id")


def test_update_applies_filters_and_the_using_rule(db: sqlite3.Connection) -> None:
    q = query("score=gte.10", "PATCH")
    stmt = sqlbuild.update(PLAYERS, q, {"active": True, "meta": [1, 2]},
                           Predicate('"name" <> ?', ("Zoë",)))
    changed = [PLAYERS.row_to_json(r) for r in run(db, stmt)]
    assert sorted(r["id"] for r in changed) == [1, 2, 6]
    assert all(r["active"] is True and r["meta"] == [1, 2] for r in changed)
    assert set(ids(db, "active=is.true")) == {1, 2, 4, 6}


def test_update_with_order_and_limit_changes_only_those_rows(db: sqlite3.Connection) -> None:
    stmt = sqlbuild.update(PLAYERS, query("order=score.desc.nullslast&limit=2", "PATCH"),
                           {"name": "top"}, TRUE)
    assert sorted(r[0] for r in run(db, stmt)) == [2, 4]


def test_update_with_nothing_to_set_selects_nothing(db: sqlite3.Connection) -> None:
    assert run(db, sqlbuild.update(PLAYERS, query("", "PATCH"), {}, TRUE)) == []


@pytest.mark.parametrize("method", ["POST", "PATCH", "DELETE"])
def test_writes_check_the_select_list_too(method: str) -> None:
    q = query("select=id,nope", method)
    with pytest.raises(RestError) as caught:
        if method == "POST":
            sqlbuild.insert(PLAYERS, q, [])
        elif method == "PATCH":
            sqlbuild.update(PLAYERS, q, {"name": "x"}, TRUE)
        else:
            sqlbuild.delete(PLAYERS, q, TRUE)
    assert caught.value.message == "column players.nope does not exist"


def test_update_rejects_unknown_columns() -> None:
    with pytest.raises(RestError) as caught:
        sqlbuild.update(PLAYERS, query("", "PATCH"), {"nope": 1}, TRUE)
    assert caught.value.code == "PGRST204"


def test_delete_returns_what_it_removed(db: sqlite3.Connection) -> None:
    stmt = sqlbuild.delete(PLAYERS, query("name=ilike.*a*", "DELETE"),
                           Predicate('"score" < ?', (15,)))
    assert sorted(r[0] for r in run(db, stmt)) == [1, 7]
    assert set(ids(db, "")) == ALL - {1, 7}


def test_delete_without_filters_is_bounded_by_the_rule(db: sqlite3.Connection) -> None:
    stmt = sqlbuild.delete(PLAYERS, query("", "DELETE"), Predicate("0"))
    assert run(db, stmt) == []
    assert len(ids(db, "")) == len(ROWS)


def test_identifiers_with_quotes_are_quoted(tmp_path: Path) -> None:
    table = Table('we"ird', (Column('i"d', "int8", False, True), Column("a b", "text")), ('i"d',))
    conn = sqlite3.connect(tmp_path / "odd.db")
    sqlbuild.install_functions(conn)
    conn.execute('CREATE TABLE "we""ird" ("i""d" INTEGER PRIMARY KEY, "a b" TEXT) STRICT')
    q = parse_query('we"ird', "POST", [], {})
    for stmt in sqlbuild.insert(table, q, [{"a b": "x"}, {"a b": "y"}]):
        conn.execute(stmt.sql, stmt.params)
    pairs = list(URL('http://hub/?"i\\"d"=gt.1&order="a b".desc').query.items())
    stmt = sqlbuild.select(table, parse_query('we"ird', "GET", pairs, {}), TRUE)
    assert conn.execute(stmt.sql, stmt.params).fetchall() == [(2, "y")]


def test_many_anded_filters_stay_within_sqlite_limits(db: sqlite3.Connection) -> None:
    qs = "&".join(["score=gte.-100"] * 3000)
    assert set(ids(db, qs)) == ALL - {3}
