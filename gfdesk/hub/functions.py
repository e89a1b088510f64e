"""The public schema's callable functions (PostgREST's ``/rpc/{name}``). Qt-free.

Each is the hub's twin of a ``security definer`` function of supabase/migrations, with
the same arguments, checks, error codes and result:

- ``create_group_conversation(title text, member_ids uuid[]) returns uuid``: a group
  conversation with the caller and the chosen friends as members, created in one
  transaction (clients never insert conversations or members themselves).

A function runs with the caller's user id (None for the service role or a token
without ``sub``) inside one write transaction and raises ``FunctionError`` with a
PostgreSQL SQLSTATE for what PostgreSQL would refuse.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from gfdesk.hub.schema import TABLES
from gfdesk.hub.store import ChangeType, Transaction

#: The longest group title, in characters.
GROUP_TITLE_MAX = 100
#: The most members a group created at once has, the creator included.
GROUP_MEMBERS_MAX = 50


class FunctionError(Exception):
    """What PostgreSQL raises: a SQLSTATE and its message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Function:
    """A callable function: its argument names and its body."""

    name: str
    params: tuple[str, ...]
    run: Callable[[Transaction, str | None, Mapping[str, Any]], Any]


def _uuid(value: Any) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise FunctionError("22P02", f'invalid input syntax for type uuid: "{value}"') from None


def _accepted_friends(tx: Transaction, me: str, others: list[str]) -> bool:
    marks = ", ".join("?" * len(others))
    found = {r[0] for r in tx.conn.execute(
        "SELECT CASE WHEN f.user_id = ? THEN f.friend_id ELSE f.user_id END FROM friendships f"
        f" WHERE f.status = 'accepted' AND ((f.user_id = ? AND f.friend_id IN ({marks}))"
        f" OR (f.friend_id = ? AND f.user_id IN ({marks})))"
        " AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = f.user_id AND"
        " b.blocked_id = f.friend_id) OR (b.blocker_id = f.friend_id AND"
        " b.blocked_id = f.user_id))",
        (me, me, *others, me, *others))}
    return found == set(others)


def create_group_conversation(tx: Transaction, me: str | None,
                              args: Mapping[str, Any]) -> str:
    """The new group's id (see the module docstring)."""
    if me is None:
        raise FunctionError("42501", "only a signed-in user creates a conversation")
    title = args.get("title")
    if not isinstance(title, str) or not title.strip():
        raise FunctionError("22023", "a group needs a title")
    title = title.strip()
    if len(title) > GROUP_TITLE_MAX:
        raise FunctionError("22023", f"a group title has at most {GROUP_TITLE_MAX} characters")
    raw = args.get("member_ids")
    if not isinstance(raw, list):
        raise FunctionError("22023", "a group needs at least one friend besides you")
    others = list(dict.fromkeys(_uuid(v) for v in raw if v is not None))
    others = [m for m in others if m != me]
    if not others:
        raise FunctionError("22023", "a group needs at least one friend besides you")
    if len(others) + 1 > GROUP_MEMBERS_MAX:
        raise FunctionError("22023", f"a group has at most {GROUP_MEMBERS_MAX} members")
    if not _accepted_friends(tx, me, others):
        raise FunctionError("42501", "only your friends can be added to a group")
    conversations = TABLES["conversations"]
    row = tx.conn.execute(
        "INSERT INTO conversations (kind, title) VALUES ('group', ?)"
        f" RETURNING {', '.join(conversations.column_names)}", (title,)).fetchone()
    record = conversations.row_to_json(tuple(row))
    tx.record("conversations", ChangeType.INSERT, record, None)
    members = TABLES["conversation_members"]
    for member in (me, *others):
        added = tx.conn.execute(
            "INSERT INTO conversation_members (conversation_id, user_id) VALUES (?, ?)"
            f" RETURNING {', '.join(members.column_names)}",
            (record["id"], member)).fetchone()
        tx.record("conversation_members", ChangeType.INSERT,
                  members.row_to_json(tuple(added)), None)
    return str(record["id"])


#: The callable functions, by name.
FUNCTIONS: dict[str, Function] = {
    f.name: f for f in (
        Function("create_group_conversation", ("title", "member_ids"),
                 create_group_conversation),
    )
}
