"""postgres_changes matching benchmark: the hub's ChangeFeed against a bare fan-out, in-process.

Method: a real SQLite store with the hub schema in a temp dir; 500 signed-in users.
Each scenario commits N single-row transactions (as REST does) while the feed is
subscribed, and counts the payloads handed to ``deliver`` (a no-op sink, so the socket
side, measured by ``bench/hub_realtime.py``, is left out). The bare baseline does the
least any fan-out must do for the same changes: the same transactions, then one
``json.dumps`` of the row per change and, per delivery the feed made, one bytes
concatenation and one call of the same sink.

Scenarios:
  fanout   one tournament chat, 500 subscribers with ``tournament_id=eq.<id>`` (rule
           always true: no query) - the shape of scenario (d) of issue 4;
  rls      ``notifications`` with 500 distinct users subscribed to the whole table
           (500 distinct row rules, evaluated in one query per change, 1 delivery);
  filtered the app's shape: each of 500 users on ``user_id=eq.<own id>``.

Usage: python bench/hub_changes.py [--quick] [--changes N]
Last line: one JSON object with every figure and ratio.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gfdesk.hub.realtime.changes import ChangeFeed, ChangeSubscription
from gfdesk.hub.schema import PUBLIC_MIGRATIONS, TABLES
from gfdesk.hub.store import ChangeType, Migration, Store

SUBSCRIBERS = 500
AUTH_STUB = Migration(1, "auth users stub", "CREATE TABLE auth_users (id TEXT PRIMARY KEY);")


class World:
    """A store with users and a tournament, and a way to commit rows like REST does."""

    def __init__(self, data_dir: Path) -> None:
        self.store = Store.in_dir(data_dir)
        self.store.migrate("auth", [AUTH_STUB])
        self.store.migrate("public", PUBLIC_MIGRATIONS)
        self.users = [self._user(f"u{i}") for i in range(SUBSCRIBERS)]
        with self.store.transaction() as tx:
            self.tournament = tx.conn.execute(
                "INSERT INTO tournaments (name, game, host_id) VALUES ('Cup', 'chess', ?)"
                " RETURNING id", (self.users[0],)).fetchone()[0]

    def _user(self, name: str) -> str:
        uid = str(uuid.uuid4())
        with self.store.transaction() as tx:
            tx.conn.execute("INSERT INTO auth_users (id) VALUES (?)", (uid,))
            tx.conn.execute("INSERT INTO profiles (id, username) VALUES (?, ?)", (uid, name))
        return uid

    def insert(self, table: str, values: dict[str, Any]) -> dict[str, Any]:
        t = TABLES[table]
        with self.store.transaction() as tx:
            row = tx.conn.execute(
                f"INSERT INTO {table} ({', '.join(values)}) VALUES "
                f"({', '.join('?' for _ in values)}) RETURNING {', '.join(t.column_names)}",
                list(values.values())).fetchone()
            record = t.row_to_json(tuple(row))
            tx.record(table, ChangeType.INSERT, record, None)
        return record


def claims(uid: str) -> dict[str, Any]:
    return {"role": "authenticated", "sub": uid}


def run(label: str, world: World, bindings: Callable[[str], dict[str, Any]],
        write: Callable[[int], dict[str, Any]], changes: int) -> dict[str, float]:
    delivered = [0]

    def sink(payload: bytes) -> None:
        delivered[0] += 1

    feed = ChangeFeed(world.store)
    for uid in world.users:
        feed.subscribe(ChangeSubscription(object(), [bindings(uid)], claims(uid), sink))
    start = time.perf_counter()
    for i in range(changes):
        write(i)
    feed_s = time.perf_counter() - start
    feed.close()
    made = delivered[0]

    per_change = made // changes
    start = time.perf_counter()
    for i in range(changes):
        record = write(i)
        data = json.dumps(record, separators=(",", ":")).encode()
        for _ in range(per_change):
            sink(b'{"ids":[1],"data":' + data + b"}")
    bare_s = time.perf_counter() - start
    result = {
        f"{label}_changes_per_s": changes / feed_s,
        f"{label}_deliveries_per_s": made / feed_s,
        f"{label}_ms_per_change": feed_s / changes * 1e3,
        f"{label}_bare_ms_per_change": bare_s / changes * 1e3,
        f"{label}_ratio": bare_s / feed_s,
    }
    print(f"{label:9s} {changes / feed_s:8.0f} changes/s  {made / feed_s:9.0f} "
          f"deliveries/s  {feed_s / changes * 1e3:6.2f} ms/change  "
          f"(bare {bare_s / changes * 1e3:.2f} ms, ratio {bare_s / feed_s:.2f})")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=300)
    parser.add_argument("--quick", action="store_true", help="100 changes per scenario")
    args = parser.parse_args()
    if args.quick:
        args.changes = min(args.changes, 100)
    figures: dict[str, float] = {"subscribers": SUBSCRIBERS, "changes": args.changes}
    with tempfile.TemporaryDirectory() as tmp:
        world = World(Path(tmp))
        host, tid = world.users[0], world.tournament
        figures |= run(
            "fanout", world,
            lambda uid: {"event": "INSERT", "schema": "public", "table": "tournament_messages",
                         "filter": f"tournament_id=eq.{tid}"},
            lambda i: world.insert("tournament_messages",
                                   {"tournament_id": tid, "sender_id": host, "body": f"m{i}"}),
            args.changes)
        figures |= run(
            "rls", world,
            lambda uid: {"event": "*", "schema": "public", "table": "notifications"},
            lambda i: world.insert("notifications", {"user_id": world.users[i % SUBSCRIBERS],
                                                     "type": "x", "title": f"n{i}"}),
            args.changes)
        figures |= run(
            "filtered", world,
            lambda uid: {"event": "INSERT", "schema": "public", "table": "notifications",
                         "filter": f"user_id=eq.{uid}"},
            lambda i: world.insert("notifications", {"user_id": world.users[i % SUBSCRIBERS],
                                                     "type": "x", "title": f"n{i}"}),
            args.changes)
        world.store.close()
    print(json.dumps({k: round(v, 3) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
