"""gfdesk.hub.realtime.changes: ChangeFeed on a real SQLite store with the hub schema.

Transactions are real (``store.transaction`` + ``tx.record``, as the REST handlers
write), so the feed runs as the hub's commit listener, RLS queries included.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gfdesk.hub.realtime.changefilter import binding_id
from gfdesk.hub.realtime.changes import (
    SUBSCRIBED,
    ChangeFeed,
    ChangeSubscription,
    system_message,
)
from gfdesk.hub.realtime.rowmatch import compile_filter
from gfdesk.hub.schema import PUBLIC_MIGRATIONS, PUBLISHED, TABLES
from gfdesk.hub.store import ChangeType, Migration, Store

# The feed needs only the public schema; profiles reference auth_users by id.
AUTH_STUB = Migration(1, "auth users stub", "CREATE TABLE auth_users (id TEXT PRIMARY KEY);")
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.in_dir(tmp_path)
    store.migrate("auth", [AUTH_STUB])
    store.migrate("public", PUBLIC_MIGRATIONS)
    yield store
    store.close()


@pytest.fixture
def feed(store: Store) -> Iterator[ChangeFeed]:
    feed = ChangeFeed(store)
    yield feed
    feed.close()


class Inbox:
    """A subscriber's deliveries, raw and parsed."""

    def __init__(self) -> None:
        self.raw: list[bytes] = []

    def __call__(self, payload: bytes) -> None:
        self.raw.append(payload)

    @property
    def messages(self) -> list[dict[str, Any]]:
        return [json.loads(r) for r in self.raw]


def insert(store: Store, table: str, **values: Any) -> dict[str, Any]:
    t = TABLES[table]
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    with store.transaction() as tx:
        row = tx.conn.execute(
            f"INSERT INTO {table} ({names}) VALUES ({marks}) RETURNING "
            + ", ".join(t.column_names),
            [t.column(k).to_db(v) for k, v in values.items()]).fetchone()
        record = t.row_to_json(tuple(row))
        tx.record(table, ChangeType.INSERT, record, None)
    return record


def update(store: Store, table: str, key: dict[str, Any], **values: Any) -> dict[str, Any]:
    t = TABLES[table]
    sets = ", ".join(f"{k} = ?" for k in values)
    where = " AND ".join(f"{k} = ?" for k in key)
    with store.transaction() as tx:
        row = tx.conn.execute(
            f"UPDATE {table} SET {sets} WHERE {where} RETURNING " + ", ".join(t.column_names),
            [*values.values(), *key.values()]).fetchone()
        record = t.row_to_json(tuple(row))
        tx.record(table, ChangeType.UPDATE, record, dict(key))
    return record


def delete(store: Store, table: str, key: dict[str, Any]) -> None:
    where = " AND ".join(f"{k} = ?" for k in key)
    with store.transaction() as tx:
        tx.conn.execute(f"DELETE FROM {table} WHERE {where}", list(key.values()))
        tx.record(table, ChangeType.DELETE, None, dict(key))


def new_user(store: Store, name: str) -> str:
    uid = str(uuid.uuid4())
    with store.transaction() as tx:
        tx.conn.execute("INSERT INTO auth_users (id) VALUES (?)", (uid,))
    insert(store, "profiles", id=uid, username=name)
    return uid


def user(uid: str) -> dict[str, Any]:
    return {"role": "authenticated", "sub": uid, "exp": 2**40}


def notify(store: Store, uid: str, title: str = "hi") -> dict[str, Any]:
    return insert(store, "notifications", user_id=uid, type="friend_request", title=title)


@pytest.fixture
def alice(store: Store) -> str:
    return new_user(store, "alice")


@pytest.fixture
def bob(store: Store) -> str:
    return new_user(store, "bob")


def join(feed: ChangeFeed, claims: dict[str, Any], *bindings: dict[str, Any] | None,
         key: object | None = None) -> tuple[Inbox, Any]:
    inbox = Inbox()
    result = feed.subscribe(ChangeSubscription(key if key is not None else object(),
                                               list(bindings), claims, inbox))
    return inbox, result


def notifications_of(uid: str, event: str = "INSERT") -> dict[str, Any]:
    return {"event": event, "schema": "public", "table": "notifications",
            "filter": f"user_id=eq.{uid}"}


# -- join reply and system messages ---------------------------------------------------


def test_reply_echoes_bindings_in_order_with_ids_and_drops_nulls(feed: ChangeFeed,
                                                                  alice: str) -> None:
    first = notifications_of(alice)
    second = {"event": "*", "schema": "public", "table": "messages", "select": ["body"]}
    _, result = join(feed, user(alice), first, None, second, dict(first))
    assert result.reply_bindings == [{**first, "id": binding_id(first)},
                                     {**second, "id": binding_id(second)},
                                     {**first, "id": binding_id(first)}]
    assert all(0 < b["id"] < 2**27 for b in result.reply_bindings)
    assert result.system_messages == [{"message": "Subscribed to PostgreSQL", "status": "ok",
                                       "extension": "postgres_changes", "channel": ""}]


def test_a_join_without_bindings_gets_no_system_message(feed: ChangeFeed, alice: str) -> None:
    _, result = join(feed, user(alice))
    assert (result.reply_bindings, result.system_messages) == ([], [])
    _, result = join(feed, user(alice), None)
    assert (result.reply_bindings, result.system_messages) == ([], [])
    assert feed.subscription_count == 0


@pytest.mark.parametrize(("binding", "message"), [
    ({"event": "*", "schema": "public", "table": "notifications", "filter": "user_id=foo.1"},
     'Error parsing `filter` params: ["foo", "1"]'),
    ({"event": "*", "schema": "public", "table": "todos"},
     "Unable to subscribe to changes with given parameters. Please check Realtime is "
     "enabled for the given connect parameters: [event: *, schema: public, table: todos, "
     "filters: [], select: nil]"),
    # A table of the schema that is not in the supabase_realtime publication.
    ({"event": "*", "schema": "public", "table": "profiles"},
     "Unable to subscribe to changes with given parameters. Please check Realtime is "
     "enabled for the given connect parameters: [event: *, schema: public, table: profiles, "
     "filters: [], select: nil]"),
    ({"event": "INSERT", "schema": "private", "table": "notifications"},
     "Unable to subscribe to changes with given parameters. Please check Realtime is "
     "enabled for the given connect parameters: [event: INSERT, schema: private, "
     "table: notifications, filters: [], select: nil]"),
    ({"event": "*", "schema": "public", "table": "notifications", "filter": "uid=eq.1"},
     "Unable to subscribe to changes with given parameters. An exception happened so "
     "please check your connect parameters: [event: *, schema: public, table: "
     'notifications, filters: [{"uid", "eq", "1", false}], select: nil]. Exception: ERROR '
     "P0001 (raise_exception) invalid column for filter uid"),
    ({"event": "*", "schema": "public", "filter": "user_id=eq.x"},
     "No subscription params provided. Please provide at least a `schema` or `table` to "
     'subscribe to: %{"event" => "*", "filter" => "user_id=eq.x", "schema" => "public"}'),
    ({"event": "*", "schema": "public", "table": "messages", "select": ["nope"]},
     "Unable to subscribe to changes with given parameters. An exception happened so "
     "please check your connect parameters: [event: *, schema: public, table: messages, "
     'filters: [], select: ["nope"]]. Exception: ERROR P0001 (raise_exception) invalid '
     "column for select nope"),
])
def test_a_refused_binding_fails_the_whole_join_with_the_server_text(
        feed: ChangeFeed, store: Store, alice: str, binding: dict[str, Any],
        message: str) -> None:
    good = notifications_of(alice)
    inbox, result = join(feed, user(alice), good, binding)
    assert [b["id"] for b in result.reply_bindings] == [binding_id(good), binding_id(binding)]
    assert result.system_messages == [system_message(message, ok=False)]
    assert result.system_messages[0]["status"] == "error"
    notify(store, alice)
    assert inbox.raw == []  # the server subscribes a join's bindings all or nothing


def test_only_published_tables_stream_changes(feed: ChangeFeed, store: Store,
                                              alice: str) -> None:
    assert set(PUBLISHED) < set(TABLES)
    every, result = join(feed, user(alice), {"event": "*", "schema": "public", "table": "*"})
    like, _ = join(feed, user(alice), {"event": "*", "schema": "public",
                                       "table": "tournament%"})
    assert result.system_messages == [system_message(SUBSCRIBED, ok=True)]
    tournament = insert(store, "tournaments", name="Cup", game="chess", host_id=alice)
    insert(store, "tournament_participants", tournament_id=tournament["id"], user_id=alice)
    insert(store, "tournament_matches", tournament_id=tournament["id"], round=1, position=1)
    update(store, "profiles", {"id": alice}, display_name="Alice")
    notify(store, alice)
    assert [m["data"]["table"] for m in every.messages] == [
        "tournament_matches", "notifications"]
    assert [m["data"]["table"] for m in like.messages] == ["tournament_matches"]


def test_a_token_without_sub_sees_what_true_rules_show(feed: ChangeFeed, store: Store,
                                                       alice: str) -> None:
    # auth.uid() is NULL: rules about the user hide every row, ``true`` rules do not.
    nobody, _ = join(feed, {"role": "authenticated", "exp": 2**40},
                     {"event": "*", "schema": "public", "table": "*"})
    tournament = insert(store, "tournaments", name="Cup", game="chess", host_id=alice)
    insert(store, "tournament_matches", tournament_id=tournament["id"], round=1, position=1)
    notify(store, alice)
    assert [m["data"]["table"] for m in nobody.messages] == ["tournament_matches"]


def test_a_wildcard_filter_on_a_column_some_table_lacks_is_refused(feed: ChangeFeed,
                                                                  alice: str) -> None:
    # A valid uuid: notifications (published first) takes it, messages has no user_id.
    _, result = join(feed, user(alice), {"event": "*", "schema": "public", "table": "*",
                                         "filter": f"user_id=eq.{alice}"})
    assert "invalid column for filter user_id" in result.system_messages[0]["message"]


# -- delivery ------------------------------------------------------------------------


def test_an_insert_reaches_its_subscriber_in_the_spec_shape(feed: ChangeFeed, store: Store,
                                                            alice: str) -> None:
    binding = notifications_of(alice)
    inbox, _ = join(feed, user(alice), binding)
    row = notify(store, alice, "Bob wants to be friends")
    [message] = inbox.messages
    assert message["ids"] == [binding_id(binding)]
    data = message["data"]
    assert list(data) == ["schema", "table", "commit_timestamp", "type", "columns", "record",
                          "errors"]
    assert (data["schema"], data["table"], data["type"]) == ("public", "notifications",
                                                             "INSERT")
    assert TIMESTAMP.fullmatch(data["commit_timestamp"])
    assert data["columns"] == [{"name": c.name, "type": c.pg_type}
                               for c in TABLES["notifications"].columns]
    assert data["columns"][0] == {"name": "id", "type": "uuid"}
    assert {"name": "data", "type": "jsonb"} in data["columns"]
    assert data["record"] == row and row["data"] == {} and row["read_at"] is None
    assert data["errors"] is None


def test_nobody_receives_rows_their_select_rule_hides(feed: ChangeFeed, store: Store,
                                                      alice: str, bob: str) -> None:
    spy, _ = join(feed, user(bob), notifications_of(alice))
    everything, _ = join(feed, user(bob), {"event": "*", "schema": "public",
                                           "table": "notifications"})
    anon, _ = join(feed, {"role": "anon"}, {"event": "*", "schema": "public", "table": "*"})
    notify(store, alice)
    own = notify(store, bob)
    assert spy.raw == [] and anon.raw == []
    assert [m["data"]["record"] for m in everything.messages] == [own]


def test_service_role_sees_every_row(feed: ChangeFeed, store: Store, alice: str,
                                     bob: str) -> None:
    inbox, _ = join(feed, {"role": "service_role"}, {"event": "INSERT", "schema": "public",
                                                     "table": "notifications"})
    notify(store, alice)
    notify(store, bob)
    assert len(inbox.raw) == 2


def test_an_update_carries_the_new_row_and_only_the_old_key(feed: ChangeFeed, store: Store,
                                                           alice: str) -> None:
    row = notify(store, alice)
    inbox, _ = join(feed, user(alice), notifications_of(alice, "UPDATE"))
    new = update(store, "notifications", {"id": row["id"]},
                 read_at="2024-05-01T10:00:00.000000+00:00")
    [message] = inbox.messages
    data = message["data"]
    assert data["type"] == "UPDATE"
    assert data["record"] == new and new["read_at"] is not None
    assert data["old_record"] == {"id": row["id"]}
    assert list(data) == ["schema", "table", "commit_timestamp", "type", "columns", "record",
                          "old_record", "errors"]


def test_a_delete_goes_to_key_filters_without_a_row_check(feed: ChangeFeed, store: Store,
                                                          alice: str, bob: str) -> None:
    row = notify(store, alice)
    by_key = {"event": "DELETE", "schema": "public", "table": "notifications",
              "filter": f"id=eq.{row['id']}"}
    bob_by_key, _ = join(feed, user(bob), by_key)
    by_owner, _ = join(feed, user(alice), notifications_of(alice, "DELETE"))
    unfiltered, _ = join(feed, {"role": "anon"}, {"event": "DELETE", "schema": "public",
                                                  "table": "notifications"})
    delete(store, "notifications", {"id": row["id"]})
    [message] = bob_by_key.messages
    assert message["data"]["type"] == "DELETE"
    assert message["data"]["old_record"] == {"id": row["id"]}
    assert "record" not in message["data"]
    # The old identity is the key only, so a filter on user_id cannot match a DELETE.
    assert by_owner.raw == []
    assert len(unfiltered.raw) == 1


def test_event_star_gets_all_three_and_events_filter_by_type(feed: ChangeFeed, store: Store,
                                                             alice: str) -> None:
    inboxes = {event: join(feed, user(alice), notifications_of(alice, event))[0]
               for event in ("*", "INSERT", "update", "DELETE", "bogus")}
    row = notify(store, alice)
    update(store, "notifications", {"id": row["id"]}, title="edited")
    delete(store, "notifications", {"id": row["id"]})
    types = {event: [m["data"]["type"] for m in inbox.messages]
             for event, inbox in inboxes.items()}
    # The DELETE's old identity lacks user_id, so these user_id filters miss it.
    assert types == {"*": ["INSERT", "UPDATE"], "INSERT": ["INSERT"], "update": ["UPDATE"],
                     "DELETE": [], "bogus": ["INSERT", "UPDATE"]}
    star, _ = join(feed, user(alice), {"event": "*", "schema": "public",
                                       "table": "notifications"})
    row = notify(store, alice)
    update(store, "notifications", {"id": row["id"]}, title="edited")
    delete(store, "notifications", {"id": row["id"]})
    assert [m["data"]["type"] for m in star.messages] == ["INSERT", "UPDATE", "DELETE"]


@pytest.fixture
def bracket(store: Store, alice: str) -> str:
    tournament = insert(store, "tournaments", name="Cup", game="chess", host_id=alice)
    for round_ in range(1, 5):
        insert(store, "tournament_matches", tournament_id=tournament["id"], round=round_,
               position=1)
    return str(tournament["id"])


@pytest.mark.parametrize(("filter_text", "rounds"), [
    ("round=eq.2", [2]), ("round=neq.2", [1, 3, 4]), ("round=lt.3", [1, 2]),
    ("round=lte.3", [1, 2, 3]), ("round=gt.3", [4]), ("round=gte.3", [3, 4]),
    ("round=in.(1,4)", [1, 4]), ("round=not.in.(1,4)", [2, 3]),
    ("round=gt.1,round=lt.4", [2, 3]), ("score1=eq.7", [1, 2, 3, 4]),
])
def test_filters_on_integer_columns(feed: ChangeFeed, store: Store, alice: str, bob: str,
                                    bracket: str, filter_text: str, rounds: list[int]) -> None:
    inbox, _ = join(feed, user(bob), {"event": "UPDATE", "schema": "public",
                                      "table": "tournament_matches", "filter": filter_text})
    with store.transaction() as tx:
        rows = tx.conn.execute("UPDATE tournament_matches SET score1 = 7 WHERE tournament_id = ?"
                               " RETURNING " + ", ".join(TABLES["tournament_matches"]
                                                        .column_names), (bracket,)).fetchall()
        for row in rows:
            record = TABLES["tournament_matches"].row_to_json(tuple(row))
            tx.record("tournament_matches", ChangeType.UPDATE, record, {"id": record["id"]})
    assert sorted(m["data"]["record"]["round"] for m in inbox.messages) == rounds


def test_indexed_eq_filters_find_rows_however_the_value_is_spelled(
        feed: ChangeFeed, store: Store, alice: str, bob: str) -> None:
    upper, _ = join(feed, user(alice), {"event": "INSERT", "schema": "public",
                                        "table": "notifications",
                                        "filter": f"user_id=eq.{alice.upper()}"})
    both, _ = join(feed, user(alice), notifications_of(alice), notifications_of(bob))
    notify(store, bob)
    notify(store, alice)
    assert len(upper.raw) == 1 and len(both.raw) == 1


def test_one_message_lists_every_matching_binding_id(feed: ChangeFeed, store: Store,
                                                     alice: str) -> None:
    bindings = [notifications_of(alice), notifications_of(alice, "*"),
                {"event": "*", "schema": "public", "table": "*"},
                {"event": "UPDATE", "schema": "public", "table": "notifications"},
                {"event": "INSERT", "schema": "public", "table": "messages"}]
    inbox, result = join(feed, user(alice), *bindings)
    notify(store, alice)
    [message] = inbox.messages
    assert message["ids"] == [b["id"] for b in result.reply_bindings[:3]]


def test_each_join_gets_its_own_message_with_the_same_data(feed: ChangeFeed, store: Store,
                                                           alice: str) -> None:
    first, _ = join(feed, user(alice), notifications_of(alice))
    second, _ = join(feed, user(alice), notifications_of(alice, "*"))
    notify(store, alice)
    [a], [b] = first.raw, second.raw
    assert a != b
    assert a[a.index(b'"data":'):] == b[b.index(b'"data":'):]


def test_commit_order_holds_across_many_rapid_inserts(feed: ChangeFeed, store: Store,
                                                      alice: str) -> None:
    inbox, _ = join(feed, user(alice), notifications_of(alice))
    titles = [f"n{i}" for i in range(200)]
    for title in titles:
        notify(store, alice, title)
    assert [m["data"]["record"]["title"] for m in inbox.messages] == titles


def test_changes_of_one_transaction_arrive_in_order(feed: ChangeFeed, store: Store,
                                                    alice: str) -> None:
    inbox, _ = join(feed, user(alice), {"event": "*", "schema": "public",
                                        "table": "notifications"})
    t = TABLES["notifications"]
    with store.transaction() as tx:
        for title in ("a", "b", "c"):
            row = tx.conn.execute(
                "INSERT INTO notifications (user_id, type, title) VALUES (?, 'x', ?) RETURNING "
                + ", ".join(t.column_names), (alice, title)).fetchone()
            tx.record("notifications", ChangeType.INSERT, t.row_to_json(tuple(row)), None)
    assert [m["data"]["record"]["title"] for m in inbox.messages] == ["a", "b", "c"]


def test_a_new_access_token_re_evaluates_who_sees_what(feed: ChangeFeed, store: Store,
                                                        alice: str, bob: str) -> None:
    key = object()
    inbox, _ = join(feed, user(bob), notifications_of(alice), key=key)
    notify(store, alice, "hidden")
    feed.update_claims(key, user(alice))
    notify(store, alice, "shown")
    feed.update_claims(key, {"role": "anon"})
    notify(store, alice, "hidden again")
    feed.update_claims(object(), user(alice))  # an unknown key is ignored
    assert [m["data"]["record"]["title"] for m in inbox.messages] == ["shown"]


def test_membership_rules_decide_chat_delivery(feed: ChangeFeed, store: Store, alice: str,
                                               bob: str) -> None:
    carol = new_user(store, "carol")
    chat = insert(store, "conversations", kind="direct")
    for member in (alice, bob):
        insert(store, "conversation_members", conversation_id=chat["id"], user_id=member)
    binding = {"event": "INSERT", "schema": "public", "table": "messages",
               "filter": f"conversation_id=eq.{chat['id']}"}
    inboxes = {who: join(feed, user(uid), binding)[0]
               for who, uid in (("alice", alice), ("bob", bob), ("carol", carol))}
    insert(store, "messages", conversation_id=chat["id"], sender_id=alice, body="gg")
    assert {who: len(inbox.raw) for who, inbox in inboxes.items()} == {
        "alice": 1, "bob": 1, "carol": 0}


def test_row_rules_cost_one_query_per_change_however_many_subscribers(
        feed: ChangeFeed, store: Store, alice: str) -> None:
    others = [new_user(store, f"user{i}") for i in range(30)]
    inboxes = [join(feed, user(uid), {"event": "*", "schema": "public",
                                      "table": "notifications"})[0]
               for uid in [alice, alice, *others]]
    statements: list[str] = []
    store.reader.set_trace_callback(statements.append)
    try:
        notify(store, alice)
    finally:
        store.reader.set_trace_callback(None)
    assert sum(s.startswith("SELECT (") for s in statements) == 1
    assert [len(i.raw) for i in inboxes] == [1, 1] + [0] * 30


def test_always_true_rules_need_no_query(feed: ChangeFeed, store: Store, alice: str,
                                         bob: str, bracket: str) -> None:
    inbox, _ = join(feed, user(bob), {"event": "INSERT", "schema": "public",
                                      "table": "tournament_messages"})
    statements: list[str] = []
    store.reader.set_trace_callback(statements.append)
    try:
        insert(store, "tournament_messages", tournament_id=bracket, sender_id=alice, body="gl")
    finally:
        store.reader.set_trace_callback(None)
    assert not any(s.startswith("SELECT (") for s in statements)
    assert len(inbox.raw) == 1


def test_select_sends_only_those_columns_plus_the_key(feed: ChangeFeed, store: Store,
                                                      alice: str) -> None:
    narrow = {"event": "INSERT", "schema": "public", "table": "notifications",
              "select": ["title"]}
    inbox, result = join(feed, user(alice), narrow, notifications_of(alice))
    row = notify(store, alice, "t")
    narrow_msg, full_msg = inbox.messages
    assert narrow_msg["ids"] == [result.reply_bindings[0]["id"]]
    assert narrow_msg["data"]["record"] == {"id": row["id"], "title": "t"}
    assert narrow_msg["data"]["columns"] == [{"name": "id", "type": "uuid"},
                                             {"name": "title", "type": "text"}]
    assert full_msg["data"]["record"] == row


def test_a_huge_row_is_sent_without_its_large_values(feed: ChangeFeed, store: Store,
                                                      alice: str) -> None:
    inbox, _ = join(feed, user(alice), notifications_of(alice, "*"))
    row = insert(store, "notifications", user_id=alice, type="x", title="big",
                 body="x" * (1024 * 1024 + 1))
    small = update(store, "notifications", {"id": row["id"]}, body="small again")
    big_msg, small_msg = inbox.messages
    assert big_msg["data"]["errors"] == ["Error 413: Payload Too Large"]
    assert big_msg["data"]["record"] == {k: v for k, v in row.items() if k != "body"}
    assert small_msg["data"]["errors"] is None
    assert small_msg["data"]["record"] == small


def test_unsubscribe_and_close_stop_deliveries(store: Store, alice: str) -> None:
    feed = ChangeFeed(store)
    key = object()
    gone, _ = join(feed, user(alice), notifications_of(alice), key=key)
    kept, _ = join(feed, user(alice), notifications_of(alice))
    feed.unsubscribe(key)
    feed.unsubscribe(key)
    notify(store, alice)
    assert (len(gone.raw), len(kept.raw)) == (0, 1)
    feed.close()
    feed.close()
    notify(store, alice)
    assert len(kept.raw) == 1


def test_a_rejoin_with_the_same_key_replaces_the_bindings(feed: ChangeFeed, store: Store,
                                                          alice: str) -> None:
    key = object()
    old, _ = join(feed, user(alice), notifications_of(alice), key=key)
    new, _ = join(feed, user(alice), notifications_of(alice), key=key)
    notify(store, alice)
    assert (len(old.raw), len(new.raw)) == (0, 1)
    assert feed.subscription_count == 1


def test_a_failing_deliver_does_not_stop_the_others(feed: ChangeFeed, store: Store,
                                                    alice: str, expected_logs: Any) -> None:
    expected_logs.allow("gfdesk.hub", "delivery failed")

    def broken(payload: bytes) -> None:
        raise ConnectionResetError("gone")

    feed.subscribe(ChangeSubscription(object(), [notifications_of(alice)], user(alice), broken))
    inbox, _ = join(feed, user(alice), notifications_of(alice))
    notify(store, alice)
    assert len(inbox.raw) == 1


def test_system_message_shape() -> None:
    assert system_message(SUBSCRIBED, ok=True)["status"] == "ok"
    assert system_message("x", ok=False) == {"message": "x", "status": "error",
                                              "extension": "postgres_changes", "channel": ""}


def test_a_filter_never_looks_at_a_row_its_subscriber_may_not_read(
        store: Store, alice: str, bob: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Issue 13, finding 4: the filter ran before the row rule, so the time a costly
    # filter took on someone else's row told the subscriber about that row.
    looked_at: list[dict[str, Any]] = []

    def counting(table: Any, conditions: Any) -> Any:
        matcher = compile_filter(table, conditions)

        def watched(row: Any) -> bool:
            looked_at.append(dict(row))
            return matcher(row)
        return watched

    monkeypatch.setattr("gfdesk.hub.realtime.changes.compile_filter", counting)
    feed = ChangeFeed(store)
    try:
        inbox, _ = join(feed, user(bob), {"event": "INSERT", "schema": "public",
                                          "table": "notifications",
                                          "filter": "title=neq.nothing"})
        notify(store, alice, "for alice only")
        notify(store, bob, "for bob")
    finally:
        feed.close()
    assert [r["title"] for r in looked_at] == ["for bob"]
    assert [m["data"]["record"]["title"] for m in inbox.messages] == ["for bob"]
