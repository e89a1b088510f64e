"""REST reads through the official client: select lists, every filter, order, ranges,
counts, single objects and read errors (spec 7.2-7.4, checklist item 9)."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from postgrest.exceptions import APIError

from gfdesk.hub.runner import RunningHub
from tests.integration.hub.conftest import People, insert

#: (round, position, score1, score2, status, winner) of the matches the tests query.
MATCHES = [
    (1, 1, 3, 1, "done", "alice"),
    (1, 2, 0, 2, "done", "bob"),
    (1, 3, 1, 1, "live", None),
    (1, 4, 0, 0, "ready", None),
    (2, 1, 0, 0, "pending", None),
    (3, 1, 0, 0, "pending", None),
]


@pytest.fixture
async def bracket(hub: RunningHub, people: People) -> str:
    tournament = await insert(people.alice, "tournaments", {
        "name": "Read Cup", "game": "Arena", "host_id": people.alice_id})
    winners = {"alice": people.alice_id, "bob": people.bob_id, None: None}
    await people.alice.table("tournament_matches").insert([
        {"tournament_id": tournament["id"], "round": r, "position": p, "score1": s1,
         "score2": s2, "status": st, "winner_id": winners[w]}
        for r, p, s1, s2, st, w in MATCHES
    ]).execute()
    return tournament["id"]


def _positions(rows: list[dict[str, Any]]) -> list[tuple[int, int]]:
    return [(r["round"], r["position"]) for r in rows]


async def test_select_list_returns_only_those_columns(people: People, bracket: str) -> None:
    result = await people.bob.table("tournament_matches").select("round, position").eq(
        "tournament_id", bracket).order("round").order("position").execute()
    assert result.data[0] == {"round": 1, "position": 1}
    assert len(result.data) == len(MATCHES)


@pytest.mark.parametrize(("apply", "expected"), [
    (lambda q: q.eq("status", "done"), [(1, 1), (1, 2)]),
    (lambda q: q.neq("status", "pending"), [(1, 1), (1, 2), (1, 3), (1, 4)]),
    (lambda q: q.gt("round", 1), [(2, 1), (3, 1)]),
    (lambda q: q.gte("score1", 1), [(1, 1), (1, 3)]),
    (lambda q: q.lt("score2", 1), [(1, 4), (2, 1), (3, 1)]),
    (lambda q: q.lte("round", 1).eq("position", 4), [(1, 4)]),
    (lambda q: q.like("status", "%on%"), [(1, 1), (1, 2)]),
    (lambda q: q.like("status", "D%"), []),
    (lambda q: q.ilike("status", "D%"), [(1, 1), (1, 2)]),
    (lambda q: q.is_("winner_id", "null").eq("round", 1), [(1, 3), (1, 4)]),
    (lambda q: q.not_.is_("winner_id", "null"), [(1, 1), (1, 2)]),
    (lambda q: q.in_("status", ["live", "ready"]), [(1, 3), (1, 4)]),
    (lambda q: q.not_.in_("status", ["done", "pending"]), [(1, 3), (1, 4)]),
    (lambda q: q.or_("round.eq.3,score1.eq.3"), [(1, 1), (3, 1)]),
    (lambda q: q.filter("score2", "not.eq", "0"), [(1, 1), (1, 2), (1, 3)]),
    (lambda q: q.match({"round": 1, "status": "ready"}), [(1, 4)]),
])
async def test_filters(people: People, bracket: str, apply: Any,
                       expected: list[tuple[int, int]]) -> None:
    """It should apply each PostgREST operator the clients emit."""
    query = people.bob.table("tournament_matches").select("*").eq("tournament_id", bracket)
    result = await apply(query).order("round").order("position").execute()
    assert _positions(result.data) == expected


async def test_order_with_nulls(people: People, bracket: str) -> None:
    table = people.alice.table("tournament_matches")
    first = await table.select("winner_id").eq("tournament_id", bracket).order(
        "winner_id", nullsfirst=True).execute()
    assert first.data[0]["winner_id"] is None and first.data[-1]["winner_id"] is not None
    last = await table.select("winner_id").eq("tournament_id", bracket).order(
        "winner_id", desc=True, nullsfirst=False).execute()
    assert last.data[0]["winner_id"] is not None and last.data[-1]["winner_id"] is None
    desc = await table.select("round,position").eq("tournament_id", bracket).order(
        "round", desc=True).order("position", desc=True).execute()
    assert _positions(desc.data) == sorted(_positions(desc.data), reverse=True)


async def test_limit_offset_and_range(people: People, bracket: str) -> None:
    base = people.alice.table("tournament_matches")
    limited = await base.select("*").eq("tournament_id", bracket).order("round").order(
        "position").limit(2).offset(1).execute()
    assert _positions(limited.data) == [(1, 2), (1, 3)]
    ranged = await base.select("*", count="exact").eq("tournament_id", bracket).order(
        "round").order("position").range(2, 4).execute()
    assert _positions(ranged.data) == [(1, 3), (1, 4), (2, 1)]
    assert ranged.count == len(MATCHES)


async def test_count_exact_and_head(people: People, bracket: str) -> None:
    table = people.bob.table("tournament_matches")
    counted = await table.select("*", count="exact").eq("status", "pending").execute()
    assert counted.count == 2 and len(counted.data) == 2
    head = await table.select("*", count="exact", head=True).eq(
        "tournament_id", bracket).execute()
    assert head.count == len(MATCHES)
    assert not head.data


async def _raw(hub: RunningHub, path: str, headers: dict[str, str]) -> tuple[int, dict, Any]:
    async with aiohttp.ClientSession() as http, http.get(
        hub.url + "/rest/v1/" + path, headers={"apikey": hub.service_role_key, **headers}
    ) as resp:
        return resp.status, dict(resp.headers), await resp.json(content_type=None)


async def test_partial_range_is_206_and_beyond_is_416(hub: RunningHub, bracket: str) -> None:
    """It should answer 206 with Content-Range for a counted partial read, 416 past the end."""
    status, headers, body = await _raw(hub, "tournament_matches?select=id&limit=2",
                                       {"Prefer": "count=exact"})
    assert (status, headers["Content-Range"], len(body)) == (206, "0-1/6", 2)
    status, headers, _ = await _raw(hub, "tournament_matches?select=id",
                                    {"Prefer": "count=exact"})
    assert (status, headers["Content-Range"]) == (200, "0-5/6")
    status, headers, _ = await _raw(hub, "tournament_matches?select=id&round=eq.9", {})
    assert (status, headers["Content-Range"]) == (200, "*/*")
    status, _, body = await _raw(hub, "tournament_matches?select=id&offset=10",
                                 {"Prefer": "count=exact"})
    assert (status, body["code"]) == (416, "PGRST103")
    status, headers, body = await _raw(hub, "tournament_matches?select=id", {"Range": "1-2"})
    assert (status, headers["Content-Range"], len(body)) == (200, "1-2/*", 2)


async def test_single_and_maybe_single(people: People, bracket: str) -> None:
    table = people.bob.table("tournament_matches")
    one = await table.select("round,position").eq("tournament_id", bracket).eq(
        "round", 3).single().execute()
    assert one.data == {"round": 3, "position": 1}
    with pytest.raises(APIError) as none:
        await table.select("*").eq("round", 99).single().execute()
    assert none.value.code == "PGRST116"
    with pytest.raises(APIError) as many:
        await table.select("*").eq("round", 1).single().execute()
    assert many.value.code == "PGRST116"
    assert await table.select("*").eq("round", 99).maybe_single().execute() is None
    maybe = await table.select("round").eq("round", 2).maybe_single().execute()
    assert maybe is not None and maybe.data == {"round": 2}


async def test_single_object_content_type(hub: RunningHub, bracket: str) -> None:
    status, headers, body = await _raw(hub, "tournament_matches?select=round&round=eq.3",
                                       {"Accept": "application/vnd.pgrst.object+json"})
    assert (status, body) == (200, {"round": 3})
    assert headers["Content-Type"].startswith("application/vnd.pgrst.object+json")


async def test_unknown_table_and_column(people: People, bracket: str) -> None:
    with pytest.raises(APIError) as table:
        await people.alice.table("nope").select("*").execute()
    assert table.value.code == "PGRST205"
    assert table.value.message == "Could not find the table 'public.nope' in the schema cache"
    with pytest.raises(APIError) as column:
        await people.alice.table("profiles").select("id,nope").execute()
    assert column.value.code == "42703"
    with pytest.raises(APIError) as filtered:
        await people.alice.table("profiles").select("*").eq("nope", 1).execute()
    assert filtered.value.code == "42703"


async def test_bad_value_is_22p02(people: People) -> None:
    with pytest.raises(APIError) as err:
        await people.alice.table("profiles").select("*").eq("id", "not-a-uuid").execute()
    assert err.value.code == "22P02"


async def test_rows_hidden_by_rules_are_not_errors(people: People) -> None:
    """It should filter rows the caller may not see, never fail (spec 7.5)."""
    await insert(people.service, "notifications", {
        "user_id": people.alice_id, "type": "t", "title": "for alice"})
    assert (await people.bob.table("notifications").select("*").execute()).data == []
    mine = await people.alice.table("notifications").select("title").execute()
    assert mine.data == [{"title": "for alice"}]


async def test_unexpected_failure_is_a_postgrest_500(hub: RunningHub, expected_logs: Any
                                                     ) -> None:
    """It should answer PostgREST JSON and log, never a traceback page, when SQLite fails."""
    expected_logs.allow("gfdesk.hub", "hub rest: GET /rest/v1/profiles failed")
    # The database is gone from under the hub (every connection closed).
    hub.store.setup_connections(lambda conn: conn.close())
    status, headers, body = await _raw(hub, "profiles?select=id", {})
    assert status == 500
    assert headers["Content-Type"].startswith("application/json")
    assert body == {"code": "XX000", "message": "internal server error", "details": None,
                    "hint": None}
