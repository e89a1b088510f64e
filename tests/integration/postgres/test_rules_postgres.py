"""The row-rules matrix (tests/helpers/rulescases.py) against the migrations' policies.

Each case runs in a transaction that is rolled back at the end: set-up rows as the
superuser, then the actor's statement as PostgREST runs it (``set local role``, the JWT
claims in ``request.jwt.claims``, RETURNING where PostgREST returns rows), then a check,
again as the superuser, that the database changed exactly when the outcome says so.
The world (users, two conversations, two tournaments) is committed once per module.
Also here: the profile trigger on auth.users and the updated_at trigger. Qt-free.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Mapping
from typing import Any

import psycopg
import pytest
from psycopg import sql
from psycopg.types.json import Jsonb

from gfdesk.hub.schema import TABLES
from tests.helpers.channelcases import CHANNEL_CASES, RECEIVE, ChannelCase
from tests.helpers.profilecases import SIGNUPS
from tests.helpers.rulescases import (
    ALLOWED,
    CASES,
    DENIED,
    FILTERED,
    HUB_DIVERGENCES,
    INVALID,
    NO_PROFILE,
    RPC_CASES,
    USERS,
    WORLD,
    Case,
    Names,
    Row,
    RpcCase,
    claims_for,
    new_world_ids,
    primary_key,
)

_ROLES = {"anon": "anon", "service": "service_role"}


def _adapt(value: Any) -> Any:
    return Jsonb(value) if isinstance(value, dict | list) else value


def _where(values: Mapping[str, Any]) -> tuple[sql.Composable, list[Any]]:
    parts = [sql.SQL("{} = %s").format(sql.Identifier(k)) for k in values]
    return sql.SQL(" and ").join(parts), [_adapt(v) for v in values.values()]


def _insert(pg: psycopg.Connection, table: str, rows: tuple[Mapping[str, Any], ...],
            returning: bool = False) -> int:
    # The union of the rows' keys, a missing one NULL: postgrest-py's default_to_null.
    columns = list(dict.fromkeys(c for row in rows for c in row))
    placeholders = sql.SQL("({})").format(sql.SQL(", ").join(sql.Placeholder() * len(columns)))
    stmt = sql.SQL("insert into public.{} ({}) values {}{}").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns)),
        sql.SQL(", ").join([placeholders] * len(rows)),
        sql.SQL(" returning *") if returning else sql.SQL(""))
    params = [_adapt(row.get(c)) for row in rows for c in columns]
    return pg.execute(stmt, params).rowcount


def _fetch(pg: psycopg.Connection, table: str, match: Mapping[str, Any]
           ) -> list[dict[str, Any]]:
    where, params = _where(match)
    stmt = sql.SQL("select to_jsonb(t) from public.{} t where {}").format(
        sql.Identifier(table), where)
    return [r[0] for r in pg.execute(stmt, params).fetchall()]


@pytest.fixture(scope="module")
def world(pg: psycopg.Connection) -> Iterator[Names]:
    """The users (through the sign-up trigger) and the world rows, committed."""
    ids = {handle: str(uuid.uuid4()) for handle in USERS}
    with pg.transaction():
        for handle, (email, username) in USERS.items():
            pg.execute("insert into auth.users (id, email, raw_user_meta_data)"
                       " values (%s, %s, %s)", (ids[handle], email, Jsonb({"username": username})))
        pg.execute("delete from public.profiles where id = %s", (ids[NO_PROFILE],))
        names = Names({**ids, **new_world_ids()})
        for row in WORLD:
            _insert(pg, row.table, (names.resolve(row.values),))
    yield names
    with pg.transaction():
        pg.execute("delete from auth.users where id = any(%s)", (list(ids.values()),))
        for row in reversed(WORLD):
            pg.execute(sql.SQL("delete from public.{}").format(sql.Identifier(row.table)))


def _act(pg: psycopg.Connection, case: Case, names: Names, user_ids: Mapping[str, str]
         ) -> str:
    """The actor's statement in a savepoint; its outcome."""
    role = _ROLES.get(case.actor, "authenticated")
    claims = claims_for(case.actor, user_ids)
    try:
        with pg.transaction():
            pg.execute(sql.SQL("set local role {}").format(sql.Identifier(role)))
            pg.execute("select set_config('request.jwt.claims', %s, true)",
                       (json.dumps(claims),))
            table = sql.Identifier(case.table)
            if case.op == "insert":
                rows = tuple(names.resolve(v) for v in case.values)
                _insert(pg, case.table, rows, returning=case.returning)
                return ALLOWED
            where, params = _where(names.resolve(case.match))
            if case.op == "select":
                stmt = sql.SQL("select * from public.{} where {}").format(table, where)
            elif case.op == "update":
                patch = names.resolve(case.patch)
                sets = sql.SQL(", ").join(
                    sql.SQL("{} = %s").format(sql.Identifier(k)) for k in patch)
                stmt = sql.SQL("update public.{} set {} where {}{}").format(
                    table, sets, where,
                    sql.SQL("") if case.minimal else sql.SQL(" returning *"))
                params = [_adapt(v) for v in patch.values()] + params
            else:
                stmt = sql.SQL("delete from public.{} where {} returning *").format(
                    table, where)
            cursor = pg.execute(stmt, params)
            count = cursor.rowcount if case.minimal else len(cursor.fetchall())
            return ALLOWED if count == 1 else FILTERED if count == 0 else f"{count} rows"
    except psycopg.errors.InsufficientPrivilege:
        return DENIED
    except psycopg.Error as exc:
        return f"error {exc.sqlstate}: {exc}"
    finally:
        pg.execute("reset role")


def _run(pg: psycopg.Connection, world: Names, case: Case) -> tuple[str, bool]:
    """Outcome of the case and whether the database changed; rolled back afterwards."""
    names = world.fresh()
    user_ids = {h: names.id(h) for h in USERS}
    pk = TABLES[case.table].primary_key
    with pg.transaction(force_rollback=True):
        for row in case.setup:
            _insert(pg, row.table, (names.resolve(row.values),))
        if case.op == "insert":
            keys = [primary_key(pk, names.resolve(v)) for v in case.values]
        else:
            targets = _fetch(pg, case.table, names.resolve(case.match))
            assert len(targets) == 1, f"set-up of {case.id} should give one target row"
            keys = [primary_key(pk, targets[0])]
        before = [_fetch(pg, case.table, k) for k in keys]
        outcome = _act(pg, case, names, user_ids)
        changed = [_fetch(pg, case.table, k) for k in keys] != before
    return outcome, changed


@pytest.mark.parametrize("case", CASES + HUB_DIVERGENCES, ids=lambda c: c.id)
def test_rules_case(pg: psycopg.Connection, world: Names, case: Case) -> None:
    outcome, changed = _run(pg, world, case)
    assert outcome == case.expect
    should_change = case.op != "select" and case.expect == ALLOWED
    assert changed == should_change, "the database changed" if changed else "nothing changed"


def test_updated_at_follows_every_update_unless_set(pg: psycopg.Connection,
                                                    world: Names) -> None:
    names = world.fresh()
    match = Row("tournament_matches", {"id": "@m", "tournament_id": "@t_a", "round": 1,
                                       "position": 1})
    with pg.transaction(force_rollback=True):
        _insert(pg, match.table, (names.resolve(match.values),))
        pg.execute("update public.tournament_matches set updated_at = '2001-01-01Z'"
                   " where id = %s", (names.id("m"),))
        first = pg.execute("select updated_at from public.tournament_matches where id = %s",
                           (names.id("m"),)).fetchone()
        assert first is not None and first[0].year == 2001
        with pg.transaction():
            pg.execute("set local role authenticated")
            pg.execute("select set_config('request.jwt.claims', %s, true)",
                       (json.dumps(claims_for("a", {"a": names.id("a")})),))
            pg.execute("update public.tournament_matches set score1 = 1 where id = %s",
                       (names.id("m"),))
        pg.execute("reset role")
        row = pg.execute("select updated_at > now() - interval '1 hour'"
                         " from public.tournament_matches where id = %s",
                         (names.id("m"),)).fetchone()
        assert row == (True,)


def test_sign_up_trigger_makes_the_profile_the_hub_makes(pg: psycopg.Connection) -> None:
    with pg.transaction(force_rollback=True):
        # As on Supabase, GoTrue's own role inserts the users; the trigger does the rest.
        pg.execute("set local role supabase_auth_admin")
        ids = [pg.execute("insert into auth.users (id, email, raw_user_meta_data)"
                          " values (gen_random_uuid(), %s, %s) returning id",
                          (email, Jsonb(meta))).fetchone() for email, meta, _ in SIGNUPS]
        pg.execute("reset role")
        got = [pg.execute("select username, display_name, avatar_url from public.profiles"
                          " where id = %s", row).fetchone() for row in ids]
    assert got == [expected for _, _, expected in SIGNUPS]


def _channel_outcome(pg: psycopg.Connection, case: ChannelCase, names: Names) -> str:
    """Ask the policies of realtime.messages as Supabase Realtime does for a join
    (select a message of the topic) or a send (insert one), as the actor."""
    topic = case.resolve(names)
    claims = claims_for(case.actor, {h: names.id(h) for h in USERS})
    with pg.transaction(force_rollback=True):
        message = pg.execute("insert into realtime.messages (topic, extension)"
                             " values (%s, 'broadcast') returning id", (topic,)).fetchone()
        try:
            with pg.transaction():
                pg.execute(sql.SQL("set local role {}").format(
                    sql.Identifier(_ROLES.get(case.actor, "authenticated"))))
                pg.execute("select set_config('request.jwt.claims', %s, true),"
                           " set_config('realtime.topic', %s, true)",
                           (json.dumps(claims), topic))
                if case.op == RECEIVE:
                    seen = pg.execute("select count(*) from realtime.messages where id = %s",
                                      message).fetchone()
                    return ALLOWED if seen == (1,) else DENIED
                pg.execute("insert into realtime.messages (topic, extension, event)"
                           " values (%s, 'broadcast', 'score_update')", (topic,))
                return ALLOWED
        except psycopg.errors.InsufficientPrivilege:
            return DENIED
        finally:
            pg.execute("reset role")


@pytest.mark.parametrize("case", CHANNEL_CASES, ids=lambda c: c.id)
def test_channel_rules_case(pg: psycopg.Connection, world: Names, case: ChannelCase) -> None:
    assert _channel_outcome(pg, case, world.fresh()) == case.expect


def _rpc_outcome(pg: psycopg.Connection, case: RpcCase, names: Names
                 ) -> tuple[str, str | None, set[str]]:
    """The outcome of a create_conversation call, its result and the members it has."""
    args = case.resolved_args(names)
    claims = claims_for(case.actor, {h: names.id(h) for h in USERS})
    with pg.transaction(force_rollback=True):
        for row in case.setup:
            _insert(pg, row.table, (names.resolve(row.values),))
        try:
            with pg.transaction():
                pg.execute(sql.SQL("set local role {}").format(
                    sql.Identifier(_ROLES.get(case.actor, "authenticated"))))
                pg.execute("select set_config('request.jwt.claims', %s, true)",
                           (json.dumps(claims),))
                row = pg.execute("select public.create_conversation(%s, %s::uuid[], %s)",
                                 (args["conversation_kind"], args["member_ids"],
                                  args.get("conversation_title"))).fetchone()
        except psycopg.errors.InsufficientPrivilege:
            return DENIED, None, set()
        except psycopg.errors.InvalidParameterValue:
            return INVALID, None, set()
        finally:
            pg.execute("reset role")
        assert row is not None
        conversation = str(row[0])
        members = {str(r[0]) for r in pg.execute(
            "select user_id from public.conversation_members where conversation_id = %s",
            (conversation,)).fetchall()}
    return ALLOWED, conversation, members


@pytest.mark.parametrize("case", RPC_CASES, ids=lambda c: c.id)
def test_create_conversation_case(pg: psycopg.Connection, world: Names, case: RpcCase) -> None:
    names = world.fresh()
    outcome, conversation, members = _rpc_outcome(pg, case, names)
    assert outcome == case.expect
    if outcome == ALLOWED:
        assert members == {names.id(m) for m in case.members}
        if case.returns is not None:
            assert conversation == names.id(case.returns)
