"""The REST grammar against what the official Python client really emits, spec 7.2's
captured request, and tables of hand-written query strings, headers and bodies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from multidict import CIMultiDict
from postgrest import AsyncPostgrestClient
from yarl import URL

from gfdesk.hub.rest.errors import RestError
from gfdesk.hub.rest.grammar import (
    BoolGroup,
    Filter,
    Order,
    Prefer,
    RestQuery,
    parse_body,
    parse_query,
)

Builder = Callable[[Any], Any]

SPEC_CAPTURED = (
    "select=id%2Ctitle&done=eq.false&x=neq.a%2Cb&n=gt.1&n=gte.2&n=lt.9&n=lte.8"
    "&t=like.%25a%25&t=ilike.%25B%25&id=in.%281%2C2%2C%22c%2Cd%22%29&deleted_at=is.null"
    "&order=id.desc%2Ct.asc&limit=10&offset=5"
)


def decoded(query_string: str) -> list[tuple[str, str]]:
    """The pairs aiohttp hands a handler (``request.query.items()``), via yarl like it."""
    return list(URL("http://hub/rest/v1/t?" + query_string).query.items())


def emitted(build: Builder) -> RestQuery:
    """Parse exactly what postgrest-py's request builder would send for ``build``."""
    client = AsyncPostgrestClient("http://hub/rest/v1")
    builder = build(client.from_("todos"))
    request = builder.request
    headers = CIMultiDict(request.headers)
    return parse_query("todos", request.http_method, decoded(str(request.params)), headers)


def f(column: str, op: str, value: Any, negated: bool = False) -> Filter:
    return Filter(column, op, negated, value)


def test_the_captured_request_of_spec_7_2_parses_completely() -> None:
    q = parse_query("todos", "GET", decoded(SPEC_CAPTURED), {"Prefer": "count=exact"})
    assert q.select == ("id", "title")
    assert q.where == (
        f("done", "eq", "false"),
        f("x", "neq", "a,b"),
        f("n", "gt", "1"),
        f("n", "gte", "2"),
        f("n", "lt", "9"),
        f("n", "lte", "8"),
        f("t", "like", "%a%"),
        f("t", "ilike", "%B%"),
        f("id", "in", ("1", "2", "c,d")),
        f("deleted_at", "is", "null"),
    )
    assert q.order == (Order("id", True, None), Order("t", False, None))
    assert (q.limit, q.offset) == (10, 5)
    assert q.prefer == Prefer(count="exact")
    assert not q.single_object


CLIENT_CASES: list[tuple[str, Builder, dict[str, Any]]] = [
    (
        "select with every simple filter",
        lambda t: t.select("id, title", count="exact")
        .eq("done", False).neq("x", "a,b").gt("n", 1).gte("n", 2).lt("n", 9).lte("n", 8)
        .like("t", "%a%").ilike("t", "*B*").is_("deleted_at", None),
        {
            "select": ("id", "title"),
            "where": (
                f("done", "eq", "false"), f("x", "neq", "a,b"), f("n", "gt", "1"),
                f("n", "gte", "2"), f("n", "lt", "9"), f("n", "lte", "8"),
                f("t", "like", "%a%"), f("t", "ilike", "*B*"),
                f("deleted_at", "is", "null"),
            ),
            "prefer": Prefer(count="exact"),
        },
    ),
    (
        "in with reserved characters, quotes and backslashes",
        lambda t: t.select("*").in_("id", [1, "c,d", 'say "hi"', "a\\b", "(x)", None, True]),
        {"select": None,
         "where": (f("id", "in", ("1", "c,d", 'say "hi"', "a\\b", "(x)", "null", "true")),)},
    ),
    (
        "select strips whitespace outside quotes",
        lambda t: t.select('id, "my col" , title'),
        {"select": ("id", "my col", "title")},
    ),
    (
        "in with no values",
        lambda t: t.select("*").in_("id", []),
        {"where": (f("id", "in", ()),)},
    ),
    (
        "negations",
        lambda t: t.select("*").not_.eq("n", 5).not_.is_("x", None).not_.in_("id", [1]),
        {"where": (f("n", "eq", "5", True), f("x", "is", "null", True),
                   f("id", "in", ("1",), True))},
    ),
    (
        "or, and not.or",
        lambda t: t.select("*").or_("a.eq.1,b.gt.2").not_.or_("c.is.null,and(d.eq.x,e.lt.3)"),
        {"where": (
            BoolGroup("or", False, (f("a", "eq", "1"), f("b", "gt", "2"))),
            BoolGroup("or", True, (
                f("c", "is", "null"),
                BoolGroup("and", False, (f("d", "eq", "x"), f("e", "lt", "3"))),
            )),
        )},
    ),
    (
        "order terms accumulate with nulls placement",
        lambda t: t.select("*").order("a").order("b", desc=True, nullsfirst=False)
        .order("c", nullsfirst=True),
        {"order": (Order("a", False, None), Order("b", True, False), Order("c", False, True))},
    ),
    (
        "range",
        lambda t: t.select("*").range(20, 29),
        {"limit": 10, "offset": 20},
    ),
    (
        "limit alone",
        lambda t: t.select("*").limit(3),
        {"limit": 3, "offset": 0},
    ),
    (
        "single",
        lambda t: t.select("*").eq("id", 1).single(),
        {"single_object": True},
    ),
    (
        "values with quotes, dots and unicode stay whole",
        lambda t: t.select("*").eq("name", 'O\'Brien "x".y; DROP TABLE todos; --').eq("u", "Zoë"),
        {"where": (f("name", "eq", 'O\'Brien "x".y; DROP TABLE todos; --'),
                   f("u", "eq", "Zoë"))},
    ),
    (
        "column names with reserved characters are quoted by the client",
        lambda t: t.select("*").eq("a,b", 1).eq("my col", 2),
        {"where": (f("a,b", "eq", "1"), f("my col", "eq", "2"))},
    ),
    (
        "insert",
        lambda t: t.insert({"title": "x"}),
        {"prefer": Prefer(return_="representation"), "columns": None},
    ),
    (
        "upsert with on_conflict",
        lambda t: t.upsert({"id": 1}, on_conflict="id,user_id"),
        {"prefer": Prefer(return_="representation", resolution="merge-duplicates"),
         "on_conflict": ("id", "user_id")},
    ),
    (
        "upsert ignoring duplicates without default_to_null",
        lambda t: t.upsert([{"id": 1}], ignore_duplicates=True, default_to_null=False,
                           returning="minimal"),
        {"prefer": Prefer(return_="minimal", resolution="ignore-duplicates",
                          missing_default=True),
         "columns": ("id",)},
    ),
    (
        "update",
        lambda t: t.update({"done": True}).eq("id", 3),
        {"prefer": Prefer(return_="representation"), "where": (f("id", "eq", "3"),)},
    ),
    (
        "delete with max_affected",
        lambda t: t.delete(count="exact").eq("id", 3).max_affected(5),
        {"prefer": Prefer(return_="representation", count="exact", handling="strict",
                          max_affected=5)},
    ),
]


@pytest.mark.parametrize(
    ("build", "expected"), [c[1:] for c in CLIENT_CASES], ids=[c[0] for c in CLIENT_CASES]
)
def test_what_the_python_client_emits_parses(build: Builder, expected: dict[str, Any]) -> None:
    q = emitted(build)
    for name, value in expected.items():
        assert getattr(q, name) == value, name


def test_bulk_insert_columns_are_the_union_of_keys_in_any_order() -> None:
    q = emitted(lambda t: t.insert([{"title": "a", "done": True}, {"title": "b", "x": 1}]))
    assert q.columns is not None and sorted(q.columns) == ["done", "title", "x"]


QUERY_CASES: list[tuple[str, dict[str, Any]]] = [
    ("", {"select": None, "where": (), "order": (), "limit": None, "offset": 0}),
    ("select=*", {"select": None}),
    ("select=id,*", {"select": None}),
    ("select= id , title ", {"select": ("id", "title")}),
    ('select="a,b",c', {"select": ("a,b", "c")}),
    ("select=first-name", {"select": ("first-name",)}),
    ("a=eq.", {"where": (f("a", "eq", ""),)}),
    ("a=eq.x.y.z", {"where": (f("a", "eq", "x.y.z"),)}),
    ("a=eq.(1,2)", {"where": (f("a", "eq", "(1,2)"),)}),
    ("a=isdistinct.3", {"where": (f("a", "isdistinct", "3"),)}),
    ("a=is.NULL", {"where": (f("a", "is", "null"),)}),
    ("a=is.not_null", {"where": (f("a", "is", "not_null"),)}),
    ("a=is.Unknown", {"where": (f("a", "is", "unknown"),)}),
    ("a=not.is.true", {"where": (f("a", "is", "true", True),)}),
    ("a=in.()", {"where": (f("a", "in", ()),)}),
    ('a=in.("")', {"where": (f("a", "in", ("",)),)}),
    ("a=in.( 1 ,2 )", {"where": (f("a", "in", ("1 ", "2 ")),)}),
    ('a=in.("a\\"b","c\\\\d",e"f)', {"where": (f("a", "in", ('a"b', "c\\d", 'e"f')),)}),
    ("or=(a.eq.1)", {"where": (BoolGroup("or", False, (f("a", "eq", "1"),)),)}),
    ("and=(a.eq.1,b.eq.2)",
     {"where": (BoolGroup("and", False, (f("a", "eq", "1"), f("b", "eq", "2"))),)}),
    ("not.and=(a.eq.1,b.eq.2)",
     {"where": (BoolGroup("and", True, (f("a", "eq", "1"), f("b", "eq", "2"))),)}),
    ('or=(a.eq."x,y)",b.like.*z*)',
     {"where": (BoolGroup("or", False, (f("a", "eq", "x,y)"), f("b", "like", "*z*"))),)}),
    ("or=( a.eq.1 , b.in.(1,2) , not.and(c.gt.1,or(d.is.null)) )",
     {"where": (BoolGroup("or", False, (
         f("a", "eq", "1 "), f("b", "in", ("1", "2")),
         BoolGroup("and", True, (
             f("c", "gt", "1"), BoolGroup("or", False, (f("d", "is", "null"),)))),
     )),)}),
    ("or=(or.eq.1,and.eq.2,not.eq.3)",
     {"where": (BoolGroup("or", False, (
         f("or", "eq", "1"), f("and", "eq", "2"), f("not", "eq", "3"))),)}),
    ("or=(tags.eq.{a,b})", {"where": (BoolGroup("or", False, (f("tags", "eq", "{a,b}"),)),)}),
    ("order=a", {"order": (Order("a"),)}),
    ("order=a.nullsfirst", {"order": (Order("a", False, True),)}),
    ("order=a.desc.nullslast, b.asc", {"order": (Order("a", True, False), Order("b"))}),
    ("order=a&order=b.desc", {"order": (Order("a"),)}),
    ("select=a&select=b", {"select": ("a",)}),
    ("on_conflict=a&on_conflict=b", {"on_conflict": ("a",)}),
    ("limit=0", {"limit": 0}),
    ("limit=5&offset=0", {"limit": 5, "offset": 0}),
    ("offset=7", {"limit": None, "offset": 7}),
    ("limit=1&limit=2", {"limit": 2}),
    ("columns=a,b", {"columns": ("a", "b")}),
    ('columns="a","b c"', {"columns": ("a", "b c")}),
    ("on_conflict=id", {"on_conflict": ("id",)}),
    ("apikey=whatever&a=eq.1", {"where": (f("a", "eq", "1"),)}),
    ("a=gt.1&a=lt.5", {"where": (f("a", "gt", "1"), f("a", "lt", "5"))}),
]


@pytest.mark.parametrize(
    ("qs", "expected"), QUERY_CASES, ids=[c[0] or "empty" for c in QUERY_CASES]
)
def test_query_strings_parse(qs: str, expected: dict[str, Any]) -> None:
    q = parse_query("t", "GET", decoded(qs), {})
    for name, value in expected.items():
        assert getattr(q, name) == value, name


ERROR_CASES: list[tuple[str, int, str, str | None, str | None]] = [
    ("foo=bar.1", 400, "PGRST100", '"failed to parse filter (bar.1)" (line 1, column 1)',
     'unexpected "b" expecting "not" or operator (eq, gt, ...)'),
    ("id=1", 400, "PGRST100", '"failed to parse filter (1)" (line 1, column 1)', None),
    ("id=eq", 400, "PGRST100", '"failed to parse filter (eq)" (line 1, column 3)',
     "unexpected end of input expecting delimiter (.)"),
    ("id=not.eq", 400, "PGRST100", '"failed to parse filter (not.eq)" (line 1, column 7)',
     None),
    ("id=is.nothing", 400, "PGRST100", '"failed to parse filter (is.nothing)" (line 1, column 4)',
     None),
    ("id=is.nullx", 400, "PGRST100", '"failed to parse filter (is.nullx)" (line 1, column 4)',
     None),
    ("id=in.1,2", 400, "PGRST100", '"failed to parse filter (in.1,2)" (line 1, column 4)', None),
    ("id=in.(1,2", 400, "PGRST100", '"failed to parse filter (in.(1,2)" (line 1, column 8)',
     None),
    ("id=in.(1)x", 400, "PGRST100", '"failed to parse filter (in.(1)x)" (line 1, column 7)',
     'unexpected "x" expecting end of input'),
    ("id=cs.{1}", 400, "PGRST100", '"failed to parse filter (cs.{1})" (line 1, column 1)',
     "operator cs is not supported by this server"),
    ("id=eq(any).{1,2}", 400, "PGRST100", None, None),
    ("a.b=eq.1", 400, "PGRST100", '"failed to parse tree path (a.b)" (line 1, column 2)', None),
    ("data->>x=eq.1", 400, "PGRST100", None, None),
    ("rel.order=id", 400, "PGRST100", None, None),
    ("or=a.eq.1", 400, "PGRST100", '"failed to parse logic tree (a.eq.1)" (line 1, column 1)',
     None),
    ("or=()", 400, "PGRST100", '"failed to parse logic tree (())" (line 1, column 2)', None),
    ("or=(a.eq.1", 400, "PGRST100", None, 'unexpected end of input expecting "," or ")"'),
    ("or=(a.eq.1))", 400, "PGRST100", None, 'unexpected ")" expecting end of input'),
    ("or=(a.xx.1)", 400, "PGRST100", None, None),
    ("or=(a)", 400, "PGRST100", None, None),
    ("order=id.ac", 400, "PGRST100", '"failed to parse order (id.ac)" (line 1, column 4)',
     None),
    ("order=id.asc.nlsfst", 400, "PGRST100", None, None),
    ("order=id.descc", 400, "PGRST100", None, None),
    ("order=", 400, "PGRST100", None, None),
    ("order=rel(col)", 400, "PGRST100", None, None),
    ("select=", 400, "PGRST100", None, None),
    ("select=a(b)", 400, "PGRST100", None, None),
    ("select=count()", 400, "PGRST100", None, None),
    ("select=x:a", 400, "PGRST100", None, None),
    ("select=a::text", 400, "PGRST100", None, None),
    ("select=..rel(*)", 400, "PGRST100", None, None),
    ("select=a,,b", 400, "PGRST100", None, None),
    ('select="a', 400, "PGRST100", None, None),
    ("columns=", 400, "PGRST100", None, None),
    ("on_conflict=a;b", 400, "PGRST100", None, None),
    ("limit=ten", 400, "PGRST100", None, None),
    ("limit=1.5", 400, "PGRST100", None, None),
    ("offset=", 400, "PGRST100", None, None),
    ("limit=-1", 416, "PGRST103", "Requested range not satisfiable",
     "Limit should be greater than or equal to zero."),
    ("offset=-2", 400, "2201X", "OFFSET must not be negative", None),
]


@pytest.mark.parametrize(
    ("qs", "status", "code", "message", "details"), ERROR_CASES, ids=[c[0] for c in ERROR_CASES]
)
def test_malformed_queries_are_postgrest_errors(
    qs: str, status: int, code: str, message: str | None, details: str | None
) -> None:
    with pytest.raises(RestError) as caught:
        parse_query("t", "GET", decoded(qs), {})
    err = caught.value
    assert (err.status, err.code) == (status, code)
    if message is not None:
        assert err.message == message
    if details is not None:
        assert err.details == details
    assert set(err.body()) == {"code", "message", "details", "hint"}


PREFER_CASES: list[tuple[list[str], Prefer]] = [
    ([], Prefer()),
    (["return=representation,count=exact"], Prefer(return_="representation", count="exact")),
    (["resolution=merge-duplicates, return=representation"],
     Prefer(return_="representation", resolution="merge-duplicates")),
    (["return=minimal", "return=representation"], Prefer(return_="minimal")),
    (["count=planned,count=exact"], Prefer(count="planned")),
    (["missing=default"], Prefer(missing_default=True)),
    (["missing=null"], Prefer()),
    (["return=headers-only"], Prefer(return_="headers-only")),
    (["handling=strict,max-affected=10"], Prefer(handling="strict", max_affected=10)),
    (["max-affected=ten"], Prefer()),
    (["tx=rollback, timezone=UTC, whatever, return=bogus"], Prefer()),
    (["handling=lenient, nonsense"], Prefer(handling="lenient")),
]


@pytest.mark.parametrize(("values", "expected"), PREFER_CASES)
def test_prefer_tokens(values: list[str], expected: Prefer) -> None:
    headers: CIMultiDict[str] = CIMultiDict()
    for value in values:
        headers.add("prefer", value)
    assert parse_query("t", "GET", [], headers).prefer == expected


def test_unknown_preferences_fail_under_strict_handling() -> None:
    with pytest.raises(RestError) as caught:
        parse_query("t", "GET", [], {"Prefer": "handling=strict, bogus, return=nope"})
    assert caught.value.code == "PGRST122"
    assert caught.value.details == "Invalid preferences: bogus, return=nope"


def test_a_plain_dict_of_headers_is_read_case_insensitively() -> None:
    headers = {"prefer": "count=exact", "accept": "application/vnd.pgrst.object+json"}
    q = parse_query("t", "GET", [], headers)
    assert q.prefer.count == "exact" and q.single_object


ACCEPT_CASES: list[tuple[str, bool, bool]] = [
    ("*/*", False, False),
    ("application/json", False, False),
    ("application/vnd.pgrst.object+json", True, False),
    ("application/vnd.pgrst.object", True, False),
    ("application/vnd.pgrst.object+json;nulls=stripped", True, True),
    ("application/vnd.pgrst.array+json;nulls=stripped", False, True),
    ("text/html, application/xhtml+xml, */*;q=0.8", False, False),
    ("application/json;q=0.5, application/vnd.pgrst.object+json", True, False),
]


@pytest.mark.parametrize(("accept", "single", "strip"), ACCEPT_CASES)
def test_accept(accept: str, single: bool, strip: bool) -> None:
    q = parse_query("t", "GET", [], {"Accept": accept})
    assert (q.single_object, q.strip_nulls) == (single, strip)


def test_an_accept_the_hub_cannot_produce_is_406() -> None:
    with pytest.raises(RestError) as caught:
        parse_query("t", "GET", [], {"Accept": "text/csv"})
    assert (caught.value.status, caught.value.code) == (406, "PGRST107")


RANGE_CASES: list[tuple[str, str, str | None, int | None, int]] = [
    ("GET", "", "0-9", 10, 0),
    ("GET", "", "5-", None, 5),
    ("GET", "limit=3", "0-9", 3, 0),
    ("GET", "offset=2&limit=20", "0-9", 8, 2),
    ("GET", "", "nonsense", None, 0),
    ("HEAD", "", "0-9", None, 0),
    ("DELETE", "limit=2", "0-0", 2, 0),
]


@pytest.mark.parametrize(("method", "qs", "range_", "limit", "offset"), RANGE_CASES)
def test_range_header_combines_with_limit_and_offset(
    method: str, qs: str, range_: str | None, limit: int | None, offset: int
) -> None:
    q = parse_query("t", method, decoded(qs), {"Range": range_} if range_ else {})
    assert (q.limit, q.offset) == (limit, offset)


@pytest.mark.parametrize("range_", ["9-0", "3-2"])
def test_a_backwards_range_is_416(range_: str) -> None:
    with pytest.raises(RestError) as caught:
        parse_query("t", "GET", [], {"Range": range_, "Range-Unit": "items"})
    assert (caught.value.status, caught.value.code) == (416, "PGRST103")


def _query(qs: str = "", prefer: str = "") -> RestQuery:
    return parse_query("t", "POST", decoded(qs), {"Prefer": prefer} if prefer else {})


BODY_CASES: list[tuple[str, bytes, RestQuery, list[dict[str, Any]]]] = [
    ("POST", b'{"a": 1}', _query(), [{"a": 1}]),
    ("POST", b'[{"a": 1, "b": 2}, {"b": 3, "a": 4}]', _query(), [{"a": 1, "b": 2},
                                                                {"b": 3, "a": 4}]),
    ("POST", b"[]", _query(), []),
    ("POST", b"5", _query(), []),
    ("POST", b"null", _query(), []),
    ("POST", b'[{"a": 1}, {"b": 2}]', _query('columns="a","b"'),
     [{"a": 1, "b": None}, {"a": None, "b": 2}]),
    ("POST", b'[{"a": 1}, {"b": 2}]', _query('columns="a","b"', "missing=default"),
     [{"a": 1}, {"b": 2}]),
    ("POST", b'{"a": 1, "zzz": 2}', _query("columns=a"), [{"a": 1}]),
    ("PATCH", b'{"a": "x", "b": null}', _query(), [{"a": "x", "b": None}]),
    ("PATCH", b'{"a": "x", "b": null}', _query("columns=b"), [{"b": None}]),
    ("PATCH", b"{}", _query(), [{}]),
    ("DELETE", b"{}", _query(), []),
    ("DELETE", b"not json at all", _query(), []),
    ("GET", b"", _query(), []),
    ("POST", '{"name": "Zoë 🎮"}'.encode(), _query(), [{"name": "Zoë 🎮"}]),
]


@pytest.mark.parametrize(("method", "raw", "query", "rows"), BODY_CASES)
def test_bodies(method: str, raw: bytes, query: RestQuery, rows: list[dict[str, Any]]) -> None:
    assert parse_body(raw, method, query) == rows


BAD_BODIES: list[tuple[str, bytes, str]] = [
    ("POST", b"", "Empty or invalid json"),
    ("POST", b"{", "Empty or invalid json"),
    ("POST", b'{"a": NaN}', "Empty or invalid json"),
    ("POST", b"\xff\xfe", "Empty or invalid json"),
    ("POST", b'[{"a": 1}, {"b": 2}]', "All object keys must match"),
    ("POST", b'[{"a": 1}, 2]', "All object keys must match"),
    ("POST", b"[1, 2]", "All object keys must match"),
    ("PATCH", b"[]", "Empty or invalid json"),
    ("PATCH", b'"x"', "Empty or invalid json"),
    ("PATCH", b"", "Empty or invalid json"),
]


@pytest.mark.parametrize(("method", "raw", "message"), BAD_BODIES)
def test_bad_bodies_are_pgrst102(method: str, raw: bytes, message: str) -> None:
    with pytest.raises(RestError) as caught:
        parse_body(raw, method, _query())
    assert (caught.value.status, caught.value.code, caught.value.message) == (
        400, "PGRST102", message)
