"""Users, sessions and refresh-token chains on a real SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from supabase_auth.types import User

from gfdesk.hub.auth import AUTH_MIGRATIONS, UserExists, hash_password, insert_user
from gfdesk.hub.auth.sessions import (
    LogoutScope,
    Rotation,
    log_out,
    open_session,
    rotate,
    session_alive,
)
from gfdesk.hub.auth.tokens import refresh_token_digest
from gfdesk.hub.auth.users import load_user
from gfdesk.hub.context import NewUser
from gfdesk.hub.store import Store, Transaction

# One hash for the module: the cost is the point of argon2, not of these tests.
PASSWORD_HASH = hash_password("secret123")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.in_dir(tmp_path)
    store.migrate("auth", AUTH_MIGRATIONS)
    yield store
    store.close()


def new_user(store: Store, email: str = "Ann@Example.com", **metadata: object) -> NewUser:
    with store.transaction() as tx:
        return insert_user(tx, email, PASSWORD_HASH, dict(metadata), [])


def test_insert_user_stores_a_confirmed_user_the_client_can_parse(store: Store) -> None:
    created = new_user(store, nick="ann")
    user = load_user(store.conn, email="ann@example.com")
    assert user is not None and user.id == created.id
    body = user.to_json()
    parsed = User.model_validate(body)
    assert parsed.email == "ann@example.com"
    assert parsed.email_confirmed_at is not None and parsed.confirmed_at is not None
    assert body["user_metadata"] == {
        "nick": "ann", "email": "ann@example.com", "email_verified": True,
        "phone_verified": False, "sub": created.id,
    }
    assert created.user_metadata == body["user_metadata"]
    [identity] = body["identities"]
    assert identity["id"] == identity["user_id"] == created.id
    assert identity["identity_id"] != created.id
    assert identity["identity_data"]["sub"] == created.id
    assert "secret123" not in repr(user) and PASSWORD_HASH not in repr(user)


def test_hooks_run_in_the_same_transaction_and_a_failure_rolls_the_user_back(
    store: Store,
) -> None:
    seen: list[tuple[str, int]] = []

    def count_users(tx: Transaction, user: NewUser) -> None:
        (count,) = tx.conn.execute("SELECT count(*) FROM auth_users").fetchone()
        seen.append((user.email, count))

    def explode(tx: Transaction, user: NewUser) -> None:
        raise RuntimeError("profile hook failed")

    with store.transaction() as tx:
        insert_user(tx, "ann@example.com", PASSWORD_HASH, {}, [count_users])
    assert seen == [("ann@example.com", 1)]
    with pytest.raises(RuntimeError), store.transaction() as tx:
        insert_user(tx, "bob@example.com", PASSWORD_HASH, {}, [explode])
    assert load_user(store.conn, email="bob@example.com") is None
    assert store.query("SELECT count(*) FROM auth_identities")[0][0] == 1


def test_a_taken_email_raises_user_exists_whatever_its_case(store: Store) -> None:
    new_user(store, "ann@example.com")
    with pytest.raises(UserExists), store.transaction() as tx:
        insert_user(tx, " ANN@example.com", PASSWORD_HASH, {}, [])


def test_rotation_chains_tokens_and_reuse_revokes_the_family(store: Store) -> None:
    user = new_user(store)
    with store.transaction() as tx:
        session, first = open_session(tx, user.id, "password", 100.0)
    with store.transaction() as tx:
        second = rotate(tx, first, 200.0)
    assert second.outcome is Rotation.ROTATED and second.refresh_token is not None
    assert second.session is not None and second.session.id == session.id
    with store.transaction() as tx:
        third = rotate(tx, second.refresh_token, 300.0)
    assert third.outcome is Rotation.ROTATED and third.refresh_token is not None
    rows = store.query("SELECT id, parent, revoked FROM auth_refresh_tokens ORDER BY id")
    assert [(r["parent"], r["revoked"]) for r in rows] == [
        (None, 1), (rows[0]["id"], 1), (rows[1]["id"], 0),
    ]

    with store.transaction() as tx:
        assert rotate(tx, first, 400.0).outcome is Rotation.REUSED
    # The newest token died with its family and the session ended.
    with store.transaction() as tx:
        assert rotate(tx, third.refresh_token, 401.0).outcome is Rotation.REUSED
    assert not session_alive(store.conn, session.id, user.id)
    with store.transaction() as tx:
        assert rotate(tx, "never-issued", 402.0).outcome is Rotation.NOT_FOUND


def test_only_digests_of_refresh_tokens_are_stored(store: Store) -> None:
    user = new_user(store)
    with store.transaction() as tx:
        _, token = open_session(tx, user.id, "password", 100.0)
    dump = "\n".join(store.conn.iterdump())
    assert token not in dump
    assert refresh_token_digest(token) in dump


@pytest.mark.parametrize(
    ("scope", "alive_after"),
    [
        (LogoutScope.GLOBAL, [False, False, True]),
        (LogoutScope.LOCAL, [False, True, True]),
        (LogoutScope.OTHERS, [True, False, True]),
    ],
)
def test_logout_scopes(store: Store, scope: LogoutScope, alive_after: list[bool]) -> None:
    ann, bob = new_user(store, "ann@example.com"), new_user(store, "bob@example.com")
    with store.transaction() as tx:
        mine, _ = open_session(tx, ann.id, "password", 1.0)
        other, other_token = open_session(tx, ann.id, "password", 2.0)
        bobs, _ = open_session(tx, bob.id, "password", 3.0)
    with store.transaction() as tx:
        log_out(tx, ann.id, mine.id, scope)
    alive = [session_alive(store.conn, s.id, s.user_id) for s in (mine, other, bobs)]
    assert alive == alive_after
    if not alive_after[1]:
        with store.transaction() as tx:
            assert rotate(tx, other_token, 5.0).outcome is Rotation.NOT_FOUND


def test_a_token_without_session_logs_out_everywhere(store: Store) -> None:
    ann = new_user(store)
    with store.transaction() as tx:
        first, _ = open_session(tx, ann.id, "password", 1.0)
        open_session(tx, ann.id, "password", 2.0)
        assert log_out(tx, ann.id, None, LogoutScope.LOCAL) == 2
    assert not session_alive(store.conn, first.id, ann.id)
