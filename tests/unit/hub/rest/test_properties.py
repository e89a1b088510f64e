"""Properties of the REST layer for arbitrary input: parsing and building either succeed or
raise RestError (never another exception), and whatever SQL is built runs on SQLite."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from multidict import CIMultiDict
from postgrest.utils import sanitize_param
from yarl import URL

from gfdesk.hub.rest import likematch, sqlbuild
from gfdesk.hub.rest.errors import RestError
from gfdesk.hub.rest.grammar import Filter, RestQuery, parse_body, parse_query
from gfdesk.hub.tables import TRUE, Predicate

from .test_sqlbuild import PLAYERS, fill_players

PROPERTY_SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
COLUMNS = [c.name for c in PLAYERS.columns] + ["nope", 'we"ird', "a,b"]
OPERATORS = ["eq", "neq", "gt", "gte", "lt", "lte", "like", "ilike", "is", "in", "isdistinct",
             "cs", "eq(any)", "xx", ""]
INTERESTING = ["null", "NULL", "true", "f", "unknown", "not_null", "1", "-5", "2147483648",
               "99999999999999999999999", "1.5", "2024-01-01T00:00:00Z", "2024-13-01",
               "0b5e6f1c-8d4a-4c3b-9a2e-7f1d2c3b4a59", '{"a":1}', "[1,2]", "%", "*", "_",
               "\\", "'", '"', ",", "(", ")", ".", "'; DROP TABLE players; --", "\x00",
               "Zoë", "\ud800", ""]

text_value = st.one_of(st.sampled_from(INTERESTING), st.text(max_size=12))
quoted_value = text_value.map(lambda v: sanitize_param(v))
in_list = st.lists(quoted_value, max_size=4).map(lambda xs: "(" + ",".join(xs) + ")")


@st.composite
def op_expr(draw: st.DrawFn) -> str:
    op = draw(st.sampled_from(OPERATORS))
    value = draw(in_list) if op == "in" else draw(st.one_of(quoted_value, text_value))
    return ("not." if draw(st.booleans()) else "") + f"{op}.{value}"


column_ref = st.sampled_from(COLUMNS).map(sanitize_param)
logic_filter = st.builds(lambda c, e: f"{c}.{e}", column_ref, op_expr())
logic_tree = st.recursive(
    logic_filter,
    lambda inner: st.builds(
        lambda neg, op, items: ("not." if neg else "") + f"{op}({','.join(items)})",
        st.booleans(), st.sampled_from(["and", "or"]), st.lists(inner, min_size=1, max_size=3),
    ),
    max_leaves=8,
)
order_term = st.builds(
    lambda c, d, n: c + d + n,
    column_ref,
    st.sampled_from(["", ".asc", ".desc", ".up"]),
    st.sampled_from(["", ".nullsfirst", ".nullslast"]),
)
params = st.one_of(
    st.tuples(st.sampled_from(COLUMNS), op_expr()),
    st.tuples(st.sampled_from(["or", "and", "not.or", "not.and"]),
              logic_tree.map(lambda t: t[t.index("("):] if "(" in t else t)),
    st.tuples(st.just("order"), st.lists(order_term, min_size=1, max_size=3).map(",".join)),
    st.tuples(st.just("select"), st.lists(st.one_of(column_ref, st.just("*")), min_size=1,
                                          max_size=3).map(",".join)),
    st.tuples(st.sampled_from(["limit", "offset"]),
              st.one_of(st.integers(-3, 20).map(str), text_value)),
    st.tuples(st.sampled_from(["columns", "on_conflict"]),
              st.lists(column_ref, min_size=1, max_size=3).map(",".join)),
    st.tuples(text_value, text_value),
)
headers = st.fixed_dictionaries(
    {},
    optional={
        "Prefer": st.one_of(
            st.lists(st.sampled_from([
                "return=representation", "return=minimal", "count=exact", "missing=default",
                "resolution=merge-duplicates", "resolution=ignore-duplicates",
                "handling=strict", "max-affected=3", "tx=rollback", "bogus",
            ]), max_size=4).map(", ".join),
            text_value,
        ),
        "Accept": st.sampled_from([
            "*/*", "application/json", "application/vnd.pgrst.object+json", "text/csv",
            "application/vnd.pgrst.array+json;nulls=stripped", ";;", "x;q=abc",
        ]),
        "Range": st.one_of(st.sampled_from(["0-9", "5-", "9-0", "a-b"]), text_value),
    },
)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(tmp_path / "props.db", isolation_level=None)
    fill_players(conn)
    yield conn
    conn.close()


def execute_rolled_back(conn: sqlite3.Connection, stmts: list[sqlbuild.Statement]) -> None:
    """Run statements and undo them; only constraint violations may fail."""
    conn.execute("BEGIN")
    try:
        for stmt in stmts:
            try:
                conn.execute(stmt.sql, stmt.params).fetchall()
            except sqlite3.IntegrityError:
                pass
    finally:
        conn.execute("ROLLBACK")


def build_all(q: RestQuery, rows: list[dict[str, Any]]) -> list[sqlbuild.Statement]:
    """Every statement the request could turn into; RestError where the request is bad."""
    rule = Predicate('"score" IS NOT ? OR "name" = ?', (7, "x"))
    builders: list[Callable[[], list[sqlbuild.Statement]]] = [
        lambda: [sqlbuild.select(PLAYERS, q, rule), sqlbuild.count(PLAYERS, q, rule)],
        lambda: [sqlbuild.delete(PLAYERS, q, rule)],
        lambda: [sqlbuild.update(PLAYERS, q, rows[0] if rows else {"name": "n"}, TRUE)],
        lambda: sqlbuild.insert(PLAYERS, q, rows),
    ]
    stmts: list[sqlbuild.Statement] = []
    for build in builders:
        try:
            stmts.extend(build())
        except RestError:
            pass
    return stmts


raw_query = st.text(alphabet=st.sampled_from(list("ab=&.,()\"*%20-:;!{}\\ ")) | st.characters(),
                    max_size=40).map(lambda qs: list(URL("http://hub/?" + qs).query.items()))


@PROPERTY_SETTINGS
@given(query=st.one_of(st.lists(params, max_size=6), raw_query), header_map=headers,
       method=st.sampled_from(["GET", "HEAD", "POST", "PATCH", "DELETE"]))
def test_any_query_parses_or_is_a_rest_error_and_its_sql_runs(
    db: sqlite3.Connection, query: list[tuple[str, str]], header_map: dict[str, str],
    method: str,
) -> None:
    try:
        q = parse_query("players", method, query, CIMultiDict(header_map))
    except RestError as err:
        assert isinstance(err.code, str) and 400 <= err.status < 500
        event(f"query refused: {err.code}")
        return
    stmts = build_all(q, [])
    event(f"query parsed: {min(len(stmts), 4)} statements built")
    execute_rolled_back(db, stmts)


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-(2**70), 2**70),
              st.floats(allow_nan=False, allow_infinity=False), text_value),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(max_size=4), inner, max_size=3)),
    max_leaves=6,
)
body_rows = st.dictionaries(st.sampled_from(COLUMNS), json_values, max_size=5)
bodies = st.one_of(
    st.builds(lambda v: json.dumps(v).encode(), st.one_of(body_rows,
                                                          st.lists(body_rows, max_size=3))),
    st.builds(lambda v: json.dumps(v).encode(), json_values),
    st.binary(max_size=30),
)


@PROPERTY_SETTINGS
@given(raw=bodies, method=st.sampled_from(["POST", "PATCH", "DELETE"]),
       query=st.lists(st.sampled_from([
           ("columns", '"name","score","active"'), ("on_conflict", "id"),
           ("on_conflict", "uid"), ("id", "eq.1"), ("limit", "2"), ("order", "score.desc"),
       ]), max_size=3),
       prefer=st.sampled_from(["", "missing=default", "resolution=merge-duplicates",
                               "resolution=ignore-duplicates"]))
def test_any_body_parses_or_is_a_rest_error_and_its_sql_runs(
    db: sqlite3.Connection, raw: bytes, method: str, query: list[tuple[str, str]],
    prefer: str,
) -> None:
    q = parse_query("players", method, query, {"Prefer": prefer})
    try:
        rows = parse_body(raw, method, q)
    except RestError as err:
        assert err.code == "PGRST102"
        event("body refused")
        return
    assert all(isinstance(row, dict) for row in rows)
    stmts = build_all(q, rows)
    event(f"body parsed: {len(rows)} rows, {min(len(stmts), 5)} statements built")
    execute_rolled_back(db, stmts)


LIKE_ALPHABET = "aAbBéÉ%_\\ "


@PROPERTY_SETTINGS
@given(names=st.lists(st.one_of(st.none(), st.text(alphabet=LIKE_ALPHABET, max_size=6)),
                      max_size=8),
       pattern=st.text(alphabet=LIKE_ALPHABET + "*", max_size=5),
       op=st.sampled_from(["like", "ilike"]), negated=st.booleans())
def test_like_in_sql_matches_postgresql_semantics(
    db: sqlite3.Connection, names: list[str | None], pattern: str, op: str, negated: bool
) -> None:
    q = RestQuery("players", where=(Filter("name", op, negated, pattern),))
    try:
        stmt = sqlbuild.select(PLAYERS, q, Predicate('"id" > ?', (100,)))
    except RestError as err:
        assert err.code == "22025" and pattern.endswith("\\")
        return
    db.execute("BEGIN")
    try:
        db.executemany("INSERT INTO players (id, name) VALUES (?, ?)",
                       [(101 + i, name) for i, name in enumerate(names)])
        got = {row[0] for row in db.execute(stmt.sql, stmt.params)}
    finally:
        db.execute("ROLLBACK")
    wanted = pattern.replace("*", "%")
    if op == "ilike":
        wanted = wanted.lower()
    expected = {
        101 + i for i, name in enumerate(names)
        if name is not None
        and likematch.like(name.lower() if op == "ilike" else name, wanted) != negated
    }
    assert got == expected
