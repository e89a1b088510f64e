"""The public schema's row triggers: what the database does by itself after a write. Qt-free.

The same behaviour as the triggers of the migration
supabase/migrations/20261204000100_gfdesk_friends_and_blocks.sql, run by the hub's
``RowTriggers`` inside the writing transaction (so a refused or rolled back write
leaves nothing behind, and what a trigger writes is published like any row):

- a new pending friendship notifies its addressee (``friend_request``), with the
  requester in ``data`` (``friend_request_id`` opens the requests view, ``actor_id``
  names whose avatar to show);
- a new block removes every friendship (accepted or pending) between the two players.

Notifications are written here and by the service role only, never by a client.
"""

from __future__ import annotations

import json
from typing import Any

from gfdesk.hub.schema import TABLES, now_timestamp
from gfdesk.hub.store import Change, ChangeType, RowTriggers, Transaction

FRIEND_REQUEST_TYPE = "friend_request"
FRIEND_REQUEST_TITLE = "Friend request"


def friend_request_body(name: str) -> str:
    """The notification text of a request from ``name`` (the migration's wording)."""
    return f"{name} wants to be your friend"


def _name_of(tx: Transaction, user_id: str) -> str:
    row = tx.conn.execute("SELECT display_name, username FROM profiles WHERE id = ?",
                          (user_id,)).fetchone()
    if row is None:
        return "Someone"
    return str(row[0] or row[1] or "Someone")


def notify_friend_request(tx: Transaction, requester: str, addressee: str,
                          created_at: str | None = None) -> dict[str, Any]:
    """Insert (and record) the addressee's notification of a request; the new row."""
    data = {"friend_request_id": requester, "actor_id": requester}
    names = TABLES["notifications"].column_names
    row = tx.conn.execute(
        "INSERT INTO notifications (user_id, type, title, body, data, created_at)"
        f" VALUES (?, ?, ?, ?, ?, ?) RETURNING {', '.join(names)}",
        (addressee, FRIEND_REQUEST_TYPE, FRIEND_REQUEST_TITLE,
         friend_request_body(_name_of(tx, requester)),
         json.dumps(data, separators=(",", ":")), created_at or now_timestamp()),
    ).fetchone()
    record = TABLES["notifications"].row_to_json(tuple(row))
    tx.record("notifications", ChangeType.INSERT, record, None)
    return record


def _on_friendship_inserted(tx: Transaction, change: Change) -> None:
    row = change.record
    if row is not None and row.get("status") == "pending":
        notify_friend_request(tx, str(row["user_id"]), str(row["friend_id"]))


def _on_block_inserted(tx: Transaction, change: Change) -> None:
    row = change.record
    if row is None:
        return
    a, b = str(row["blocker_id"]), str(row["blocked_id"])
    removed = tx.conn.execute(
        "DELETE FROM friendships WHERE (user_id = ? AND friend_id = ?)"
        " OR (user_id = ? AND friend_id = ?) RETURNING user_id, friend_id",
        (a, b, b, a)).fetchall()
    for user_id, friend_id in removed:
        tx.record("friendships", ChangeType.DELETE, None,
                  {"user_id": user_id, "friend_id": friend_id})


def install(triggers: RowTriggers) -> None:
    """Register the public schema's triggers (once per store)."""
    triggers.add("friendships", ChangeType.INSERT, _on_friendship_inserted)
    triggers.add("blocks", ChangeType.INSERT, _on_block_inserted)
