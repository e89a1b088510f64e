"""Row rules of the public schema: who may read and write which rows. Qt-free, pure.

These are the hub's row-level security policies (DESIGN.md "Who may read and write
what"), one block per table. Each rule is a ``Predicate`` over one row of its table,
built from the caller's JWT claims; REST filters reads and writes with them and
Realtime asks the ``select`` rule whether a subscriber may see a changed row.

Predicates name their own table's columns qualified (``"messages"."sender_id"``) so
they work in ``SELECT ... FROM t``, ``UPDATE t`` and ``DELETE FROM t`` alike, and inside
sub-queries on other tables.

Roles: ``service_role`` bypasses every rule (like Supabase's BYPASSRLS); ``anon`` sees
and writes nothing (no anonymous access to a gaming profile or chat); ``authenticated``
users get the per-table rules below. Any other role is treated like ``anon``.

Some tables also limit which columns an ``authenticated`` UPDATE may set (PostgreSQL
column privileges, ``grant update (status) on ...``; a row rule cannot compare a row
with its old self): a friendship's ``status``, a call's status and times, a member's
``last_read_at``, a conversation's ``title``. Setting another is 42501 "permission
denied for table ...". Conversations and their members are made only by the
``create_conversation`` function (``gfdesk.hub.functions``), notifications only by
the service role.

A token of role ``authenticated`` without a usable ``sub`` gets the same rules with the
user id NULL, as PostgreSQL's ``auth.uid()`` is then NULL: every comparison with it
fails, so only rules that do not look at the user (``true``) let it through. (PostgreSQL
raises 22P02 for a ``sub`` that is not a UUID where a policy calls ``auth.uid()``; the
hub refuses those rows instead.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from gfdesk.hub.tables import FALSE, TRUE, Predicate, quote_ident

SERVICE_ROLE = "service_role"
AUTHENTICATED = "authenticated"
ANON = "anon"


@dataclass(frozen=True)
class Access:
    """The five rules of one table for one caller (PostgreSQL policy clauses)."""

    #: Rows a SELECT returns (and rows returned by ``return=representation``).
    select: Predicate
    #: WITH CHECK of INSERT: every new row must pass or the statement fails (42501).
    insert_check: Predicate
    #: USING of UPDATE: rows an UPDATE may touch (others are silently skipped).
    update_using: Predicate
    #: WITH CHECK of UPDATE: every updated row must pass afterwards (else 42501).
    update_check: Predicate
    #: USING of DELETE: rows a DELETE may remove.
    delete_using: Predicate
    #: Columns an UPDATE (or an upsert's update) may set; None: any (column privileges).
    update_columns: frozenset[str] | None = None


ALL = Access(TRUE, TRUE, TRUE, TRUE, TRUE)
NONE = Access(FALSE, FALSE, FALSE, FALSE, FALSE)
#: The status in which players register and withdraw themselves.
OPEN_STATUS = "registration"


def _col(table: str, column: str) -> str:
    return f"{quote_ident(table)}.{quote_ident(column)}"


def _is_me(table: str, column: str, uid: str | None) -> Predicate:
    return Predicate(f"{_col(table, column)} = ?", (uid,))


def _either(a: Predicate, b: Predicate) -> Predicate:
    return Predicate(f"({a.sql}) OR ({b.sql})", a.params + b.params)


def _member_of(table: str, column: str, uid: str | None) -> Predicate:
    """The caller belongs to the conversation named by ``table.column``."""
    return Predicate(
        "EXISTS (SELECT 1 FROM conversation_members AS _m WHERE _m.conversation_id = "
        f"{_col(table, column)} AND _m.user_id = ?)",
        (uid,),
    )


def _hosts(table: str, column: str, uid: str | None) -> Predicate:
    """The caller hosts the tournament named by ``table.column``."""
    return Predicate(
        f"EXISTS (SELECT 1 FROM tournaments AS _t WHERE _t.id = {_col(table, column)}"
        " AND _t.host_id = ?)",
        (uid,),
    )


def _profiles(uid: str | None) -> Access:
    # Every signed-in user reads all profiles; a user creates and edits only their own.
    own = _is_me("profiles", "id", uid)
    return Access(select=TRUE, insert_check=own, update_using=own, update_check=own,
                  delete_using=FALSE)


def _friendships(uid: str | None) -> Access:
    # Both sides see the row; the requester creates it pending; the addressee accepts
    # (the status is all an update may change); either side removes it.
    either = _either(_is_me("friendships", "user_id", uid),
                     _is_me("friendships", "friend_id", uid))
    request = _is_me("friendships", "user_id", uid).and_(
        Predicate(f"{_col('friendships', 'status')} = 'pending'"))
    addressee = _is_me("friendships", "friend_id", uid)
    return Access(select=either, insert_check=request, update_using=addressee,
                  update_check=addressee, delete_using=either,
                  update_columns=frozenset({"status"}))


def _notifications(uid: str | None) -> Access:
    # Only the addressee reads, marks read and deletes; nobody signed in writes one
    # (the service role and the database's own functions do).
    own = _is_me("notifications", "user_id", uid)
    return Access(select=own, insert_check=FALSE, update_using=own, update_check=own,
                  delete_using=own)


def _conversations(uid: str | None) -> Access:
    # Members read and rename; create_conversation makes them (no direct insert).
    member = _member_of("conversations", "id", uid)
    return Access(select=member, insert_check=FALSE, update_using=member,
                  update_check=member, delete_using=FALSE,
                  update_columns=frozenset({"title"}))


def _conversation_members(uid: str | None) -> Access:
    # Members see the member list; create_conversation adds them (nobody joins a
    # conversation or adds a third user by insert); a user edits only their own read
    # mark and may leave.
    member = _member_of("conversation_members", "conversation_id", uid)
    own = _is_me("conversation_members", "user_id", uid)
    return Access(select=member, insert_check=FALSE, update_using=own,
                  update_check=own, delete_using=own,
                  update_columns=frozenset({"last_read_at"}))


def _messages(uid: str | None) -> Access:
    # Read and write only in one's conversations; send, edit and delete as oneself.
    member = _member_of("messages", "conversation_id", uid)
    mine = _is_me("messages", "sender_id", uid).and_(member)
    return Access(select=member, insert_check=mine, update_using=mine, update_check=mine,
                  delete_using=mine)


def _tournaments(uid: str | None) -> Access:
    # Everyone signed in reads; the host creates, edits and deletes.
    host = _is_me("tournaments", "host_id", uid)
    return Access(select=TRUE, insert_check=host, update_using=host, update_check=host,
                  delete_using=host)


def _open(table: str, column: str, *, with_room: bool) -> Predicate:
    """The tournament named by ``table.column`` takes registrations (and, with
    ``with_room``, has fewer participants than its maximum)."""
    room = (" AND (SELECT count(*) FROM tournament_participants AS _p"
            " WHERE _p.tournament_id = _t.id) < _t.max_participants") if with_room else ""
    return Predicate(
        f"EXISTS (SELECT 1 FROM tournaments AS _t WHERE _t.id = {_col(table, column)}"
        f" AND _t.status = '{OPEN_STATUS}'{room})")


def _tournament_participants(uid: str | None) -> Access:
    # Everyone signed in reads; a player registers only themselves, unseeded, while
    # the tournament is open and not full, and withdraws while it is open; the host
    # seeds and manages at any time.
    own = _is_me("tournament_participants", "user_id", uid)
    host = _hosts("tournament_participants", "tournament_id", uid)
    unseeded = Predicate(f"{_col('tournament_participants', 'seed')} IS NULL")
    register = own.and_(unseeded).and_(
        _open("tournament_participants", "tournament_id", with_room=True))
    withdraw = own.and_(_open("tournament_participants", "tournament_id", with_room=False))
    return Access(select=TRUE, insert_check=_either(register, host), update_using=host,
                  update_check=host, delete_using=_either(withdraw, host))


def _tournament_matches(uid: str | None) -> Access:
    # Everyone signed in reads the bracket; only the tournament's host writes it.
    host = _hosts("tournament_matches", "tournament_id", uid)
    return Access(select=TRUE, insert_check=host, update_using=host, update_check=host,
                  delete_using=host)


def _tournament_messages(uid: str | None) -> Access:
    # Everyone signed in reads the tournament chat and posts as themselves.
    mine = _is_me("tournament_messages", "sender_id", uid)
    return Access(select=TRUE, insert_check=mine, update_using=mine, update_check=mine,
                  delete_using=mine)


def _calls(uid: str | None) -> Access:
    # Caller and callee only; the caller places the call; either side updates its
    # status and times (nothing else); call rows are history, nobody deletes them.
    party = _either(_is_me("calls", "caller_id", uid), _is_me("calls", "callee_id", uid))
    return Access(select=party, insert_check=_is_me("calls", "caller_id", uid),
                  update_using=party, update_check=party, delete_using=FALSE,
                  update_columns=frozenset({"status", "answered_at", "ended_at"}))


def _blocks(uid: str | None) -> Access:
    # A user sees, makes and lifts only their own blocks; the blocked player never
    # learns of them; nothing is edited (lift and block again).
    own = _is_me("blocks", "blocker_id", uid)
    return Access(select=own, insert_check=own, update_using=FALSE, update_check=FALSE,
                  delete_using=own)


def _blocked_between(a_sql: str, b_sql: str) -> str:
    """SQL: a block exists between the users of two expressions, either way."""
    return ("EXISTS (SELECT 1 FROM blocks AS _b WHERE (_b.blocker_id = " + a_sql
            + " AND _b.blocked_id = " + b_sql + ") OR (_b.blocker_id = " + b_sql
            + " AND _b.blocked_id = " + a_sql + "))")


def _friendships_not_blocked(uid: str | None) -> Access:
    # Nobody requests a player who blocked them, nor one they blocked.
    free = Predicate("NOT " + _blocked_between(_col("friendships", "user_id"),
                                               _col("friendships", "friend_id")))
    return Access(select=TRUE, insert_check=free, update_using=TRUE, update_check=TRUE,
                  delete_using=TRUE)


def _messages_not_blocked(uid: str | None) -> Access:
    # In a direct conversation, nobody writes to a player who blocked them or whom
    # they blocked (groups are shared rooms: a block there is the reader's own filter).
    free = Predicate(
        "NOT EXISTS (SELECT 1 FROM conversations AS _c JOIN conversation_members AS _o"
        f" ON _o.conversation_id = _c.id WHERE _c.id = {_col('messages', 'conversation_id')}"
        f" AND _c.kind = 'direct' AND _o.user_id <> {_col('messages', 'sender_id')} AND "
        + _blocked_between("_o.user_id", _col("messages", "sender_id")) + ")")
    return Access(select=TRUE, insert_check=free, update_using=TRUE, update_check=TRUE,
                  delete_using=TRUE)


#: The rules of each table for a signed-in user, by table name.
AUTHENTICATED_RULES: dict[str, Callable[[str | None], Access]] = {
    "profiles": _profiles,
    "friendships": _friendships,
    "notifications": _notifications,
    "conversations": _conversations,
    "conversation_members": _conversation_members,
    "messages": _messages,
    "tournaments": _tournaments,
    "tournament_participants": _tournament_participants,
    "tournament_matches": _tournament_matches,
    "tournament_messages": _tournament_messages,
    "calls": _calls,
    "blocks": _blocks,
}

#: Restrictive rules (PostgreSQL's ``as restrictive`` policies): ANDed with the rules
#: above for a signed-in user, so they only ever take away (blocks, migration 2).
RESTRICTIVE_RULES: dict[str, Callable[[str | None], Access]] = {
    "friendships": _friendships_not_blocked,
    "messages": _messages_not_blocked,
}


def _both(a: Access, b: Access) -> Access:
    # The columns an update may set: what both allow (None allows every column).
    columns = (b.update_columns if a.update_columns is None
               else a.update_columns if b.update_columns is None
               else a.update_columns & b.update_columns)
    return Access(a.select.and_(b.select), a.insert_check.and_(b.insert_check),
                  a.update_using.and_(b.update_using), a.update_check.and_(b.update_check),
                  a.delete_using.and_(b.delete_using), update_columns=columns)


def role_of(claims: Mapping[str, Any]) -> str:
    """The database role a request runs as (the JWT's ``role`` claim)."""
    role = claims.get("role")
    return role if isinstance(role, str) else ANON


def access(table: str, claims: Mapping[str, Any]) -> Access:
    """The rules of ``table`` for the caller with these JWT claims.

    Args:
        table: a table of the public schema.
        claims: verified JWT claims (``role``, and ``sub`` for users).

    Returns:
        ``ALL`` for service_role, the table's rules for role ``authenticated`` (user id
        NULL without a non-empty string ``sub``), ``NONE`` otherwise (anon, unknown
        roles, unknown tables).
    """
    role = role_of(claims)
    if role == SERVICE_ROLE:
        return ALL
    rules = AUTHENTICATED_RULES.get(table)
    if role != AUTHENTICATED or rules is None:
        return NONE
    sub = claims.get("sub")
    uid = sub if isinstance(sub, str) and sub else None
    restrictive = RESTRICTIVE_RULES.get(table)
    return rules(uid) if restrictive is None else _both(rules(uid), restrictive(uid))
