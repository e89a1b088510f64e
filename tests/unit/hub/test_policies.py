"""Who the row rules apply to: service_role bypasses, anon and unknown roles get nothing,
signed-in users get their table's rules (with a NULL user id when the token has no
``sub``, as ``auth.uid()`` on PostgreSQL), evaluated as SQL on a real schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from gfdesk.hub import policies
from gfdesk.hub.auth import AUTH_MIGRATIONS
from gfdesk.hub.schema import PUBLIC_MIGRATIONS, TABLES
from gfdesk.hub.store import Store
from gfdesk.hub.tables import FALSE, TRUE

ALICE = "00000000-0000-4000-8000-00000000000a"
BOB = "00000000-0000-4000-8000-00000000000b"


@pytest.mark.parametrize("table", sorted(TABLES))
def test_roles(table: str) -> None:
    assert policies.access(table, {"role": "service_role"}) == policies.ALL
    assert policies.access(table, {"role": "anon"}) == policies.NONE
    assert policies.access(table, {"role": "postgres", "sub": ALICE}) == policies.NONE
    assert policies.access(table, {}) == policies.NONE
    assert policies.access(table, {"role": "authenticated", "sub": ALICE}) != policies.NONE


def test_unknown_table_gets_nothing() -> None:
    assert policies.access("auth_users", {"role": "authenticated", "sub": ALICE}) == policies.NONE


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.in_dir(tmp_path)
    store.migrate("auth", AUTH_MIGRATIONS)
    store.migrate("public", PUBLIC_MIGRATIONS)
    for uid, name in ((ALICE, "alice"), (BOB, "bob")):
        store.conn.execute("INSERT INTO auth_users (id, email, encrypted_password, created_at,"
                           " updated_at) VALUES (?, ?, 'x', 'n', 'n')", (uid, f"{name}@x.io"))
        store.conn.execute("INSERT INTO profiles (id, username) VALUES (?, ?)", (uid, name))
    yield store
    store.close()


def _visible(store: Store, table: str, uid: str, claims: dict[str, object] | None = None
             ) -> int:
    rule = policies.access(table, claims or {"role": "authenticated", "sub": uid}).select
    sql = f'SELECT count(*) FROM "{table}" WHERE {rule.sql}'
    return int(store.query(sql, rule.params)[0][0])


def test_rules_are_sql_over_their_own_table(store: Store) -> None:
    """It should evaluate membership through a sub-query naming the outer table."""
    store.conn.execute("INSERT INTO conversations (id) VALUES ('c1')")
    store.conn.execute("INSERT INTO conversation_members VALUES ('c1', ?, NULL)", (ALICE,))
    store.conn.execute("INSERT INTO messages (conversation_id, sender_id, body)"
                       " VALUES ('c1', ?, 'hi')", (ALICE,))
    assert (_visible(store, "messages", ALICE), _visible(store, "messages", BOB)) == (1, 0)
    assert _visible(store, "conversation_members", BOB) == 0
    assert _visible(store, "profiles", BOB) == 2


def test_constant_rules_are_the_shared_constants() -> None:
    """It should use TRUE/FALSE objects, so writers can skip checks that cannot fail."""
    rules = policies.access("tournaments", {"role": "authenticated", "sub": ALICE})
    assert rules.select is TRUE
    assert policies.access("profiles", {"role": "authenticated", "sub": ALICE}).delete_using \
        is FALSE


@pytest.mark.parametrize("sub", [None, "", 7])
def test_a_token_without_a_usable_sub_is_a_user_nobody_is(store: Store, sub: object) -> None:
    """It should keep the role's rules with a NULL user id: ``true`` rules pass, rules
    about the user match no row (PostgreSQL: ``auth.uid()`` is NULL)."""
    store.conn.execute("INSERT INTO friendships (user_id, friend_id) VALUES (?, ?)",
                       (ALICE, BOB))
    claims = {"role": "authenticated"} if sub is None else {"role": "authenticated",
                                                            "sub": sub}
    rules = {t: policies.access(t, claims) for t in TABLES}
    assert rules["profiles"].select is TRUE and rules["tournaments"].select is TRUE
    assert rules["tournament_messages"].select is TRUE
    assert rules["profiles"].insert_check.params == (None,)
    assert (_visible(store, "profiles", "", claims),
            _visible(store, "friendships", "", claims)) == (2, 0)
    assert _visible(store, "friendships", ALICE) == 1
