"""Fuzz the REST endpoint over raw HTTP: whatever the query string, headers and body, the
hub answers with a status below 500 and, for errors, PostgREST's JSON with a string code."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import aiohttp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yarl import URL

from gfdesk.hub.runner import RunningHub
from gfdesk.hub.schema import TABLES

COLUMNS = sorted({c for t in TABLES.values() for c in t.column_names})
OPS = ["eq", "neq", "gt", "gte", "lt", "lte", "like", "ilike", "is", "in", "isdistinct",
       "cs", "fts", "not.eq", "not.in", "not.is", "nope"]
ATOMS = st.one_of(
    st.sampled_from(["null", "true", "false", "1", "-1", "0", "2147483648", "1.5", "abc",
                     "00000000-0000-4000-8000-000000000000", "2024-05-01T10:00:00Z", "",
                     "%", "*", "(a,b)", '"q,t"', "()", "\\", "{}", "[1]"]),
    st.text(max_size=12),
)
VALUES = st.one_of(ATOMS, st.builds(lambda o, v: f"{o}.{v}", st.sampled_from(OPS), ATOMS))
KEYS = st.one_of(st.sampled_from(COLUMNS), st.sampled_from(
    ["select", "order", "limit", "offset", "or", "and", "not.or", "columns", "on_conflict"]),
    st.text(max_size=8))
SPECIAL = {
    "select": st.one_of(st.just("*"), st.lists(st.sampled_from(COLUMNS + ["x", "a:b", "c::t"]),
                                               max_size=4).map(",".join)),
    "order": st.lists(st.builds(lambda c, d: f"{c}.{d}", st.sampled_from(COLUMNS + ["x"]),
                                st.sampled_from(["asc", "desc", "desc.nullsfirst",
                                                 "asc.nullslast", "sideways"])),
                      max_size=3).map(",".join),
    "limit": st.one_of(st.integers(-5, 5000).map(str), ATOMS),
    "offset": st.one_of(st.integers(-5, 50).map(str), ATOMS),
    "on_conflict": st.lists(st.sampled_from(COLUMNS + ["x"]), min_size=1, max_size=3).map(
        ",".join),
    "columns": st.lists(st.sampled_from(COLUMNS + ["x"]), max_size=4).map(
        lambda cs: ",".join(f'"{c}"' for c in cs)),
    "or": st.lists(st.builds(lambda c, v: f"{c}.{v}", st.sampled_from(COLUMNS), VALUES),
                   max_size=3).map(lambda xs: "(" + ",".join(xs) + ")"),
}
PAIRS = st.lists(st.one_of(
    st.tuples(KEYS, VALUES),
    st.sampled_from(sorted(SPECIAL)).flatmap(lambda k: st.tuples(st.just(k), SPECIAL[k])),
), max_size=6)
JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2**40, 2**40), st.text(max_size=10),
              st.floats(allow_nan=False, allow_infinity=False)),
    lambda children: st.one_of(st.lists(children, max_size=3),
                               st.dictionaries(st.one_of(st.sampled_from(COLUMNS),
                                                         st.text(max_size=6)),
                                               children, max_size=4)),
    max_leaves=8,
)
ROWS = st.one_of(
    st.dictionaries(st.sampled_from(COLUMNS), JSON, max_size=5),
    st.lists(st.dictionaries(st.sampled_from(COLUMNS), JSON, max_size=3), max_size=3),
    JSON,
)
BODIES = st.one_of(ROWS.map(lambda v: json.dumps(v).encode()), st.binary(max_size=20))
HEADERS = st.fixed_dictionaries({}, optional={
    "Prefer": st.lists(st.sampled_from([
        "return=representation", "return=minimal", "count=exact", "count=weird",
        "resolution=merge-duplicates", "resolution=ignore-duplicates", "missing=default",
        "handling=strict", "max-affected=1", "tx=rollback", "junk"]), max_size=3).map(", ".join),
    "Range": st.sampled_from(["0-9", "5-", "9-1", "a-b", "-3"]),
    "Accept": st.sampled_from(["application/vnd.pgrst.object+json", "text/csv", "*/*",
                               "application/json"]),
    "Accept-Profile": st.sampled_from(["public", "auth"]),
})


def _check(method: str, status: int, body: bytes) -> None:
    assert status < 500, body
    if status >= 400 and method != "HEAD":
        error: Any = json.loads(body)
        assert isinstance(error, dict), body
        assert isinstance(error.get("code"), str), body
        assert isinstance(error.get("message"), str), body


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    table=st.one_of(st.sampled_from(sorted(TABLES)), st.text(min_size=1, max_size=8)),
    method=st.sampled_from(["GET", "HEAD", "POST", "PATCH", "DELETE", "PUT"]),
    pairs=PAIRS,
    headers=HEADERS,
    body=BODIES,
    service=st.booleans(),
)
async def test_rest_never_fails_with_500(hub: RunningHub, table: str, method: str,
                                         pairs: list[tuple[str, str]], headers: dict[str, str],
                                         body: bytes, service: bool) -> None:
    key = hub.service_role_key if service else hub.anon_key
    path = "/rest/v1/" + quote(table, safe="")
    url = URL(hub.url + path, encoded=True).with_query(pairs)
    async with aiohttp.ClientSession() as http, http.request(
        method, url, data=body, headers={"apikey": key, "Content-Type": "application/json",
                                         **headers},
    ) as resp:
        _check(method, resp.status, await resp.read())
