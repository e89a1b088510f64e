"""gfdesk.hub.realtime.rowmatch: filters checked against a table and evaluated on records.

Semantics follow PostgreSQL as ``realtime.is_visible_through_filters`` applies them
(spec 5.4): typed comparison, SQL NULL fails, ``not.`` negates, commas AND.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gfdesk.hub.realtime.changefilter import BindingError, parse_filter
from gfdesk.hub.realtime.rowmatch import (
    FilterCheckError,
    compile_filter,
    parse_array_literal,
)
from gfdesk.hub.schema import TABLES
from gfdesk.hub.tables import Column, Table

U1 = "0c5c2b7e-1d7e-4d2b-9d0e-3b2f7a1c9e11"
U2 = "7f3a9c1e-2b4d-4e6f-8a0b-1c2d3e4f5a6b"

#: One column of each type the matcher distinguishes.
KINDS = Table("kinds", (
    Column("id", "uuid", nullable=False), Column("n", "int4"), Column("big", "int8"),
    Column("name", "text"), Column("flag", "bool"), Column("at", "timestamptz"),
    Column("doc", "jsonb"), Column("ratio", "float8"),
), ("id",))

ROW: dict[str, Any] = {
    "id": U1, "n": 5, "big": 2**40, "name": "Ana Bee", "flag": True,
    "at": "2024-05-01T10:00:00.123000+00:00", "doc": {"k": [1, 2]}, "ratio": 0.5,
}


def matches(filter_text: str, row: dict[str, Any] | None = None,
            table: Table = KINDS) -> bool:
    return compile_filter(table, parse_filter(filter_text))(ROW if row is None else row)


@pytest.mark.parametrize(("text", "hit"), [
    ("n=eq.5", True), ("n=eq.05", True), ("n=eq. 5 ", True), ("n=eq.+5", True),
    ("n=eq.6", False), ("n=neq.6", True), ("n=neq.5", False),
    ("n=lt.10", True), ("n=lt.5", False), ("n=lte.5", True), ("n=gt.4", True),
    ("n=gt.10", False), ("n=gte.5", True), ("n=gte.6", False),
    ("n=in.(1,5,9)", True), ("n=in.(1,2)", False), ("n=in.( 1 , 5 )", True),
    ("n=not.in.(1,2)", True), ("n=not.in.(5)", False), ("n=not.eq.5", False),
    ("n=gt.9", False), ("n=lt.40", True),
    ("big=eq.1099511627776", True), ("big=gt.2147483648", True),
    ("name=eq.Ana Bee", True), ('name=eq."Ana Bee"', True), ("name=eq.ana bee", False),
    ("name=lt.B", True), ("name=gt.Ana", True), ("name=in.(x,\"Ana Bee\")", True),
    ("flag=eq.true", True), ("flag=eq.t", True), ("flag=eq.yes", True), ("flag=eq.f", False),
    ("flag=neq.false", True),
    (f"id=eq.{U1}", True), (f"id=eq.{U1.upper()}", True), (f"id=eq.{U2}", False),
    (f"id=in.({U2},{U1})", True), (f"id=neq.{U2}", True),
    ("at=eq.2024-05-01T10:00:00.123Z", True), ("at=gt.2024-05-01", True),
    ("at=lt.2024-05-01T12:00:01+02:00", True), ("at=lt.2024-05-01T12:00:00+02:00", False),
    ("at=gte.2024-05-02", False),
    ('doc=eq."{\\"k\\":[1, 2]}"', True), ('doc=eq.{"k":[2]}', False),
    ('doc=neq.{"k":[2]}', True),
    ("ratio=lt.1", True), ("ratio=eq.0.5", True),
    ("n=gt.1,n=lt.10", True), ("n=gt.1,n=lt.3", False), ("n=gt.1,name=lt.B", True),
])
def test_a_filter_passes_the_rows_postgres_would_pass(text: str, hit: bool) -> None:
    assert matches(text) is hit


NULLS = {**ROW, "n": None, "name": None, "flag": None}


@pytest.mark.parametrize(("text", "hit"), [
    ("n=eq.5", False), ("n=neq.5", False), ("n=not.eq.5", False), ("n=lt.10", False),
    ("n=in.(5)", False), ("n=not.in.(5)", False), ("name=eq.x", False),
    ("name=not.eq.x", False), ("flag=eq.true", False), ("flag=not.eq.true", False),
])
def test_null_fails_every_operator(text: str, hit: bool) -> None:
    assert matches(text, NULLS) is hit


@pytest.mark.parametrize("text", [
    "n=eq.5", "n=not.eq.5", "n=neq.1", "n=not.in.(1)", "n=in.(5)",
])
def test_a_column_missing_from_the_change_fails(text: str) -> None:
    assert matches(text, {"id": U1}) is False


def test_in_with_a_null_element_is_null_when_nothing_matches() -> None:
    assert matches("n=in.(5,NULL)") is True
    assert matches("n=in.(1,null)") is False
    assert matches("n=not.in.(1,NULL)") is False  # NOT NULL is NULL
    assert matches("n=not.in.(1,2)") is True


def test_no_filter_passes_everything() -> None:
    assert compile_filter(KINDS, ())({}) is True


def test_notifications_filter_of_the_app() -> None:
    notifications = TABLES["notifications"]
    match = compile_filter(notifications, parse_filter(f"user_id=eq.{U1}"))
    assert match({"id": U2, "user_id": U1, "type": "x"})
    assert not match({"id": U2, "user_id": U2, "type": "x"})
    assert not match({"id": U2})  # a DELETE's old identity has only the key


@pytest.mark.parametrize(("text", "detail"), [
    ("nope=eq.1", "ERROR P0001 (raise_exception) invalid column for filter nope"),
    ("=eq.1", "ERROR P0001 (raise_exception) invalid column for filter "),
    ("n=eq.abc", 'ERROR 22P02 (invalid_text_representation) invalid input syntax for type '
                 'integer: "abc"'),
    ("n=eq.1.5", 'ERROR 22P02 (invalid_text_representation) invalid input syntax for type '
                 'integer: "1.5"'),
    ("n=eq.99999999999", 'ERROR 22P02 (invalid_text_representation) invalid input syntax '
                         'for type integer: "99999999999"'),
    ("n=in.(1,x)", 'ERROR 22P02 (invalid_text_representation) invalid input syntax for '
                   'type integer: "x"'),
    ("id=eq.42", 'ERROR 22P02 (invalid_text_representation) invalid input syntax for type '
                 'uuid: "42"'),
    ("flag=eq.maybe", 'ERROR 22P02 (invalid_text_representation) invalid input syntax for '
                      'type boolean: "maybe"'),
    ("at=gt.soon", 'ERROR 22P02 (invalid_text_representation) invalid input syntax for '
                   'type timestamp with time zone: "soon"'),
    ("doc=eq.{x", 'ERROR 22P02 (invalid_text_representation) invalid input syntax for '
                  'type jsonb: "{x"'),
    ("n=in.(" + ",".join(map(str, range(101))) + ")",
     "ERROR P0001 (raise_exception) too many values for `in` filter. Maximum 100"),
    ("n=in.(1,\"2)", 'ERROR 22P02 (invalid_text_representation) malformed array literal: '
                     '"{1,"2}"'),
])
def test_filters_the_subscription_trigger_refuses(text: str, detail: str) -> None:
    with pytest.raises(FilterCheckError) as info:
        compile_filter(KINDS, parse_filter(text))
    assert str(info.value) == detail


@pytest.mark.parametrize(("literal", "items"), [
    ("{}", []), ("{ }", []), ("{a}", ["a"]), ("{a,b}", ["a", "b"]), ("{ a , b }", ["a", "b"]),
    ('{"a,b",c}', ["a,b", "c"]), ('{"x\\"y"}', ['x"y']), ("{NULL,null,x}", [None, None, "x"]),
    ('{"NULL"}', ["NULL"]), ('{""}', [""]),
])
def test_array_literals(literal: str, items: list[str | None]) -> None:
    assert parse_array_literal(literal) == items


@pytest.mark.parametrize("literal", ["", "{", "a", "{a,}", "{,a}", '{"a}', '{"a"b}', "{{a}}"])
def test_malformed_array_literals(literal: str) -> None:
    with pytest.raises(ValueError):
        parse_array_literal(literal)


_FILTERS = st.builds(
    lambda col, neg, op, val: f"{col}={neg}{op}.{val}",
    st.sampled_from([c.name for c in KINDS.columns] + ["zz"]),
    st.sampled_from(["", "not."]),
    st.sampled_from(["eq", "neq", "lt", "lte", "gt", "gte", "in", "like", "ilike", "is",
                     "match", "imatch", "isdistinct"]),  # the last six are refused
    st.text(st.sampled_from(list('0123456789abtrue.-:"(),{} %_\\null')), max_size=12)
    | st.sampled_from(["(1,2)", "null", "true", U1, "2024-05-01", '{"a":1}', "(a,NULL)"]),
)
_VALUES = st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.floats(
    allow_nan=False) | st.lists(st.integers(), max_size=2) | st.sampled_from([U1, ROW["at"]])


@given(_FILTERS, st.dictionaries(st.sampled_from(list(ROW)), _VALUES))
def test_any_filter_and_row_never_raise_beyond_the_refusals(text: str,
                                                            row: dict[str, Any]) -> None:
    try:
        match = compile_filter(KINDS, parse_filter(text))
    except (BindingError, FilterCheckError):
        return
    assert match(row) in (True, False)
