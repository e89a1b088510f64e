"""Friend requests, blocks, group creation and the message length limit in
supabase/migrations, on a real PostgreSQL: the same behaviour as the hub's
(tests/integration/hub/test_friends_blocks.py). Each test runs as PostgREST would
(``set local role authenticated`` with the JWT claims) and is rolled back. Qt-free."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest
from psycopg.types.json import Jsonb


@contextmanager
def _as(pg: psycopg.Connection, user_id: str | None) -> Iterator[None]:
    """Run the block as ``user_id`` (None: anon) in a savepoint (a failure rolls the
    savepoint back, and the role with it)."""
    with pg.transaction():
        pg.execute("set local role " + ("authenticated" if user_id else "anon"))
        claims = {"sub": user_id, "role": "authenticated"} if user_id else {"role": "anon"}
        pg.execute("select set_config('request.jwt.claims', %s, true)", (json.dumps(claims),))
        yield
        pg.execute("reset role")


def _error(pg: psycopg.Connection, user_id: str | None, sql: str,
           params: tuple[Any, ...] = ()) -> str:
    try:
        with _as(pg, user_id):
            pg.execute(sql, params)  # type: ignore[arg-type]
    except psycopg.Error as exc:
        return str(exc.sqlstate)
    return "ok"


@pytest.fixture
def people(pg: psycopg.Connection) -> Iterator[dict[str, str]]:
    """Alice, Bob and Carol, in a transaction rolled back after the test."""
    ids = {name: str(uuid.uuid4()) for name in ("alice", "bob", "carol")}
    with pg.transaction(force_rollback=True):
        for name, uid in ids.items():
            pg.execute("insert into auth.users (id, email, raw_user_meta_data) values"
                       " (%s, %s, %s)", (uid, f"{name}@social.test", Jsonb({"username": name})))
        yield ids


def _count(pg: psycopg.Connection, table: str) -> int:
    row = pg.execute(f"select count(*) from public.{table}").fetchone()  # type: ignore[arg-type]
    assert row is not None
    return int(row[0])


def _direct(pg: psycopg.Connection, a: str, b: str) -> str:
    conversation = str(uuid.uuid4())
    pg.execute("insert into public.conversations (id, kind) values (%s, 'direct')",
               (conversation,))
    pg.execute("insert into public.conversation_members (conversation_id, user_id)"
               " values (%s, %s), (%s, %s)", (conversation, a, conversation, b))
    return conversation


def test_a_request_notifies_its_addressee(pg: psycopg.Connection,
                                          people: dict[str, str]) -> None:
    alice, bob = people["alice"], people["bob"]
    pg.execute("update public.profiles set display_name = 'Bobby' where id = %s", (bob,))
    assert _error(pg, bob, "insert into public.friendships (user_id, friend_id)"
                  " values (%s, %s)", (bob, alice)) == "ok"
    notes = pg.execute("select type, title, body, data from public.notifications"
                       " where user_id = %s", (alice,)).fetchall()
    assert notes == [("friend_request", "Friend request", "Bobby wants to be your friend",
                      {"friend_request_id": bob, "actor_id": bob})]
    assert _error(pg, alice, "update public.friendships set status = 'accepted'"
                  " where user_id = %s", (bob,)) == "ok"
    assert _count(pg, "notifications") == 1


def test_a_blocked_players_request_is_refused_and_nothing_is_stored(
        pg: psycopg.Connection, people: dict[str, str]) -> None:
    alice, bob = people["alice"], people["bob"]
    assert _error(pg, alice, "insert into public.blocks (blocker_id, blocked_id)"
                  " values (%s, %s)", (alice, bob)) == "ok"
    assert _error(pg, bob, "insert into public.friendships (user_id, friend_id)"
                  " values (%s, %s)", (bob, alice)) == "42501"
    assert (_count(pg, "friendships"), _count(pg, "notifications")) == (0, 0)


def test_a_blocked_players_message_is_refused_and_nothing_is_stored(
        pg: psycopg.Connection, people: dict[str, str]) -> None:
    alice, bob = people["alice"], people["bob"]
    conversation = _direct(pg, alice, bob)
    pg.execute("insert into public.blocks (blocker_id, blocked_id) values (%s, %s)",
               (alice, bob))
    for sender in (bob, alice):
        assert _error(pg, sender, "insert into public.messages (conversation_id, sender_id,"
                      " body) values (%s, %s, 'hey')", (conversation, sender)) == "42501"
    assert _count(pg, "messages") == 0


def test_blocking_ends_the_friendship_both_ways(pg: psycopg.Connection,
                                                people: dict[str, str]) -> None:
    alice, bob, carol = people["alice"], people["bob"], people["carol"]
    pg.execute("insert into public.friendships (user_id, friend_id, status) values"
               " (%s, %s, 'accepted'), (%s, %s, 'pending')", (bob, alice, alice, carol))
    assert _error(pg, alice, "insert into public.blocks (blocker_id, blocked_id)"
                  " values (%s, %s)", (alice, bob)) == "ok"
    assert pg.execute("select user_id, friend_id from public.friendships").fetchall() == [
        (uuid.UUID(alice), uuid.UUID(carol))]


def test_message_bodies_have_a_length_limit(pg: psycopg.Connection,
                                            people: dict[str, str]) -> None:
    alice, bob = people["alice"], people["bob"]
    conversation = _direct(pg, alice, bob)
    insert = ("insert into public.messages (conversation_id, sender_id, body)"
              " values (%s, %s, %s)")
    assert _error(pg, alice, insert, (conversation, alice, "é" * 2000)) == "ok"
    assert _error(pg, alice, insert, (conversation, alice, "x" * 2001)) == "23514"


def test_create_conversation_of_a_group_adds_the_caller_and_friends(
        pg: psycopg.Connection, people: dict[str, str]) -> None:
    alice, bob, carol = people["alice"], people["bob"], people["carol"]
    pg.execute("insert into public.friendships (user_id, friend_id, status) values"
               " (%s, %s, 'accepted'), (%s, %s, 'accepted')", (alice, bob, carol, alice))
    with _as(pg, alice):
        row = pg.execute("select public.create_conversation('group', %s, %s)",
                         ([bob, carol, bob], "  Friday Squad ")).fetchone()
    assert row is not None
    conversation = row[0]
    assert pg.execute("select kind, title from public.conversations where id = %s",
                      (conversation,)).fetchall() == [("group", "Friday Squad")]
    members = {r[0] for r in pg.execute(
        "select user_id::text from public.conversation_members where conversation_id = %s",
        (conversation,)).fetchall()}
    assert members == {alice, bob, carol}


@pytest.mark.parametrize(("title", "members", "code"), [
    ("Squad", "stranger", "42501"),
    ("Squad", "blocked", "42501"),
    ("   ", "friend", "22023"),
    ("x" * 101, "friend", "22023"),
    ("Squad", "nobody", "22023"),
    ("Squad", "not-a-uuid", "22P02"),
])
def test_create_conversation_of_a_group_refuses(pg: psycopg.Connection, people: dict[str, str],
                                           title: str, members: str, code: str) -> None:
    alice, bob, carol = people["alice"], people["bob"], people["carol"]
    pg.execute("insert into public.friendships (user_id, friend_id, status)"
               " values (%s, %s, 'accepted')", (alice, bob))
    if members == "blocked":
        pg.execute("insert into public.blocks (blocker_id, blocked_id) values (%s, %s)",
                   (alice, bob))
        pg.execute("insert into public.friendships (user_id, friend_id, status)"
                   " values (%s, %s, 'accepted')", (alice, bob))
    ids = {"stranger": [carol], "blocked": [bob], "friend": [bob], "nobody": [alice],
           "not-a-uuid": ["x"]}[members]
    cast = "%s::text[]::uuid[]"
    assert _error(pg, alice, f"select public.create_conversation('group', {cast}, %s)",
                  (ids, title)) == code
    assert _count(pg, "conversations") == 0


def test_create_conversation_of_a_group_needs_a_signed_in_caller(
        pg: psycopg.Connection, people: dict[str, str]) -> None:
    assert _error(pg, None, "select public.create_conversation('group', %s::uuid[], 'x')",
                  ([people["bob"]],)) == "42501"
