"""Writes the demo world into the hub's store, once. Qt-free.

Idempotent: if the demo account exists nothing is written, so a restarted demo hub
keeps what the user did. Everything goes in one transaction: a crash half-way leaves
no half world, and the next start seeds again.

The world tells one story (``world``): chat lines carry their own times (sessions a
minute or two apart), every notification points at what it is about (the conversation,
the tournament) and at who it is from, the pending request comes with the
notification the database's trigger would have written, and read marks leave unread
exactly what the inbox calls new.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence

from gfdesk.hub.auth import hash_password, insert_user
from gfdesk.hub.context import UserCreatedHook
from gfdesk.hub.demo import world
from gfdesk.hub.demo.pictures import PICTURES, picture_path
from gfdesk.hub.demo.tournamentseed import seed_tournaments
from gfdesk.hub.schema import now_timestamp
from gfdesk.hub.store import Store, Transaction
from gfdesk.hub.triggers import notify_friend_request
from gfdesk.log import hub as log

#: Conversations exist a while before their first line.
CONVERSATION_AGE_MIN = 3 * 24 * 60


def _ago(now: dt.datetime, minutes: float) -> str:
    return now_timestamp(now - dt.timedelta(minutes=minutes))


def _chat(tx: Transaction, ids: dict[str, str], table: str, owner: tuple[str, str],
          lines: Sequence[world.Line], now: dt.datetime) -> None:
    """``lines`` as rows of ``table`` (``messages`` or ``tournament_messages``) whose
    ``owner`` column (conversation or tournament) holds the owner's id."""
    column, owner_id = owner
    for sender, body, ago in lines:
        tx.conn.execute(
            f"INSERT INTO {table} (id, {column}, sender_id, body, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), owner_id, ids[sender], body, _ago(now, ago)))


def _conversation(tx: Transaction, ids: dict[str, str], kind: str, title: str | None,
                  members: Sequence[str], demo_read_ago: float, now: dt.datetime) -> str:
    """A conversation; the bots have read all of it, the demo user up to
    ``demo_read_ago`` minutes ago."""
    conversation = str(uuid.uuid4())
    tx.conn.execute(
        "INSERT INTO conversations (id, kind, title, created_at) VALUES (?, ?, ?, ?)",
        (conversation, kind, title, _ago(now, CONVERSATION_AGE_MIN)))
    for member in members:
        tx.conn.execute(
            "INSERT INTO conversation_members (conversation_id, user_id, last_read_at)"
            " VALUES (?, ?, ?)", (conversation, ids[member],
                                  _ago(now, demo_read_ago if member == "demo" else 0)))
    return conversation


def seed_demo_world(store: Store, hooks: Sequence[UserCreatedHook],
                    now: dt.datetime | None = None) -> bool:
    """Seed the demo world unless the demo account already exists.

    Args:
        store: the migrated hub store.
        hooks: the ``ON_USER_CREATED`` hooks (they create the profiles).
        now: the seeding moment (tests pass one); defaults to the current time.

    Returns:
        True if the world was written now, False if it was already there.
    """
    if store.query("SELECT 1 FROM auth_users WHERE email = ?", (world.DEMO_EMAIL,)):
        return False
    moment = now or dt.datetime.now(dt.UTC)
    # One hash for all demo accounts: argon2 is slow by design and they share a password.
    password_hash = hash_password(world.DEMO_PASSWORD)
    with store.transaction() as tx:
        ids = {"demo": insert_user(tx, world.DEMO_EMAIL, password_hash, {
            "username": world.DEMO_USERNAME, "display_name": world.DEMO_DISPLAY_NAME}, hooks).id}
        for bot in world.BOTS:
            meta = {"username": bot.username, "display_name": bot.display_name}
            if bot.username in PICTURES:
                meta["avatar_url"] = picture_path(bot.username)
            ids[bot.username] = insert_user(tx, bot.email, password_hash, meta, hooks).id
        for user, friend, status, ago in world.FRIENDSHIPS:
            tx.conn.execute(
                "INSERT INTO friendships (user_id, friend_id, status, created_at)"
                " VALUES (?, ?, ?, ?)", (ids[user], ids[friend], status, _ago(moment, ago)))
            if status == "pending":
                # What the database's trigger writes for a request (the seed bypasses it).
                notify_friend_request(tx, ids[user], ids[friend], _ago(moment, ago))
        about = {
            "direct": {"conversation_id": _conversation(
                tx, ids, "direct", None, ("demo", world.DIRECT_WITH), world.DIRECT_READ_AGO,
                moment)},
            "group": {"conversation_id": _conversation(
                tx, ids, "group", world.GROUP_TITLE, world.GROUP_MEMBERS, world.GROUP_READ_AGO,
                moment)},
        }
        _chat(tx, ids, "messages", ("conversation_id", about["direct"]["conversation_id"]),
              world.DIRECT_CHAT, moment)
        _chat(tx, ids, "messages", ("conversation_id", about["group"]["conversation_id"]),
              world.GROUP_CHAT, moment)
        about["cup"] = {"tournament_id": seed_tournaments(
            tx, ids, moment, lambda username, display: insert_user(
                tx, f"{username}@{world.BOT_EMAIL_DOMAIN}", password_hash,
                {"username": username, "display_name": display}, hooks).id)}
        for type_, title, body, ago, read, subject, actor in world.NOTIFICATIONS:
            data = {**about.get(subject, {}), "actor_id": ids[actor]}
            tx.conn.execute(
                "INSERT INTO notifications (id, user_id, type, title, body, data, read_at,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (str(uuid.uuid4()), ids["demo"], type_, title, body, json.dumps(data),
                 _ago(moment, ago - 1) if read else None, _ago(moment, ago)))
    log.info("hub: demo world seeded (%d users)", len(ids))
    return True
