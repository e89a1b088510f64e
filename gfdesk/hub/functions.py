"""The public schema's functions the apps call over REST (``POST /rest/v1/rpc/<name>``). Qt-free.

Each is the hub's copy of a SQL function of supabase/migrations, with the same checks,
the same SQLSTATE codes and the same texts, so a client cannot tell them apart:

- ``create_conversation(conversation_kind, member_ids, conversation_title)``: the one
  way a signed-in user makes a conversation. It adds the caller and the chosen users,
  who must all be the caller's accepted friends with no block between them (the row
  rules let nobody insert a conversation or a member directly: no self-join, no adding
  a stranger). A direct conversation has exactly one other member and is reused when it
  exists already; a group has at most ``GROUP_MEMBERS_MAX`` members and a title (trimmed)
  of 1 to ``GROUP_TITLE_MAX`` characters. Returns the conversation's id.

A function runs in the caller's write transaction (``Store.write``) and records the
rows it writes, so Realtime publishes them after COMMIT. Errors are ``FunctionError``
with the SQLSTATE; the REST layer gives them PostgREST's status.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gfdesk.hub.channelrules import caller_uid, canonical_uuid
from gfdesk.hub.schema import TABLES
from gfdesk.hub.store import ChangeType, Transaction

KINDS = ("direct", "group")
#: The longest group title, in characters.
GROUP_TITLE_MAX = 100
#: The most members a group created at once has, the creator included.
GROUP_MEMBERS_MAX = 50


class FunctionError(Exception):
    """An error a function raises, as PostgreSQL reports it (``code`` is the SQLSTATE)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Function:
    """A callable function: its argument names (``required`` among them) and body."""

    name: str
    params: tuple[str, ...]
    required: frozenset[str]
    run: Callable[[Transaction, Mapping[str, Any], Mapping[str, Any]], Any]


def _uuid_list(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise FunctionError("22P02", f'malformed array literal: "{value}"')
    ids = []
    for item in value:
        uid = canonical_uuid(item) if isinstance(item, str) else None
        if uid is None:
            raise FunctionError("22P02", f'invalid input syntax for type uuid: "{item}"')
        ids.append(uid)
    return ids


def _are_friends(tx: Transaction, me: str, others: Sequence[str]) -> bool:
    """Whether every one of ``others`` is an accepted friend of ``me``, unblocked."""
    for other in others:
        if tx.conn.execute(
                "SELECT 1 FROM friendships WHERE status = 'accepted' AND ((user_id = ? AND"
                " friend_id = ?) OR (user_id = ? AND friend_id = ?)) AND NOT EXISTS"
                " (SELECT 1 FROM blocks WHERE (blocker_id = ? AND blocked_id = ?)"
                " OR (blocker_id = ? AND blocked_id = ?))",
                (me, other, other, me, me, other, other, me)).fetchone() is None:
            return False
    return True


def _existing_direct(tx: Transaction, me: str, other: str) -> str | None:
    row = tx.conn.execute(
        "SELECT c.id FROM conversations AS c WHERE c.kind = 'direct'"
        " AND EXISTS (SELECT 1 FROM conversation_members WHERE conversation_id = c.id"
        " AND user_id = ?) AND EXISTS (SELECT 1 FROM conversation_members"
        " WHERE conversation_id = c.id AND user_id = ?) AND (SELECT count(*) FROM"
        " conversation_members WHERE conversation_id = c.id) = 2"
        " ORDER BY c.created_at, c.id LIMIT 1", (me, other)).fetchone()
    return None if row is None else str(row[0])


def _insert(tx: Transaction, table: str, values: dict[str, Any]) -> dict[str, Any]:
    meta = TABLES[table]
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    row = tx.conn.execute(
        f"INSERT INTO {table} ({names}) VALUES ({marks}) RETURNING "
        + ", ".join(meta.column_names), list(values.values())).fetchone()
    record = meta.row_to_json(tuple(row))
    tx.record(table, ChangeType.INSERT, record, None)
    return record


def create_conversation(tx: Transaction, claims: Mapping[str, Any],
                        args: Mapping[str, Any]) -> str:
    """See the module docstring.

    Raises:
        FunctionError: 42501 without a signed-in user or with a member who is not a
            friend; 22023 for a wrong kind or member count; 22P02 for a malformed id.
    """
    me = caller_uid(claims)
    if me is None:
        raise FunctionError("42501", "create_conversation needs a signed-in user")
    kind = args.get("conversation_kind")
    if kind not in KINDS:
        raise FunctionError("22023", "conversation_kind must be direct or group")
    others = list(dict.fromkeys(m for m in _uuid_list(args.get("member_ids")) if m != me))
    if kind == "direct" and len(others) != 1:
        raise FunctionError("22023", "a direct conversation has exactly one other member")
    if kind == "group" and not others:
        raise FunctionError("22023", "a group conversation needs another member")
    if len(others) + 1 > GROUP_MEMBERS_MAX:
        raise FunctionError("22023", f"a group has at most {GROUP_MEMBERS_MAX} members")
    raw_title = args.get("conversation_title")
    title = raw_title.strip() if kind == "group" and isinstance(raw_title, str) else ""
    if kind == "group" and not title:
        raise FunctionError("22023", "a group needs a title")
    if len(title) > GROUP_TITLE_MAX:
        raise FunctionError("22023",
                            f"a group title has at most {GROUP_TITLE_MAX} characters")
    if not _are_friends(tx, me, others):
        raise FunctionError("42501", "only friends can be added to a conversation")
    if kind == "direct":
        existing = _existing_direct(tx, me, others[0])
        if existing is not None:
            return existing
    conversation = _insert(tx, "conversations", {"kind": kind, "title": title or None})
    for member in (me, *others):
        _insert(tx, "conversation_members",
                {"conversation_id": conversation["id"], "user_id": member})
    return str(conversation["id"])


#: The functions ``/rest/v1/rpc`` serves, by name.
FUNCTIONS: dict[str, Function] = {
    "create_conversation": Function(
        "create_conversation", ("conversation_kind", "member_ids", "conversation_title"),
        frozenset({"conversation_kind", "member_ids"}), create_conversation),
}
