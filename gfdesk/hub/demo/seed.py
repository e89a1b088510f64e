"""Writes the demo world into the hub's store, once. Qt-free.

Idempotent: if the demo account exists nothing is written, so a restarted demo hub
keeps what the user did. Everything goes in one transaction: a crash half-way leaves
no half world, and the next start seeds again.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Sequence

from gfdesk.hub.auth import hash_password, insert_user
from gfdesk.hub.context import UserCreatedHook
from gfdesk.hub.demo import world
from gfdesk.hub.demo.tournamentseed import seed_tournaments
from gfdesk.hub.schema import now_timestamp
from gfdesk.hub.store import Store, Transaction

log = logging.getLogger("gfdesk.hub")

DIRECT_SPAN_MIN = 3 * 24 * 60
GROUP_SPAN_MIN = 2 * 24 * 60


def _ago(now: dt.datetime, minutes: float) -> str:
    return now_timestamp(now - dt.timedelta(minutes=minutes))


def _spread(count: int, span_min: int) -> list[float]:
    """Minutes-ago for ``count`` messages spread over ``span_min``, oldest first."""
    step = span_min / max(count, 1)
    return [span_min - i * step for i in range(count)]


def _chat(tx: Transaction, ids: dict[str, str], table: str, owner: tuple[str, str],
          lines: Sequence[tuple[str, str]], span_min: int, now: dt.datetime) -> None:
    """``lines`` as rows of ``table`` (``messages`` or ``tournament_messages``) whose
    ``owner`` column (conversation or tournament) holds the owner's id."""
    column, owner_id = owner
    for (sender, body), ago in zip(lines, _spread(len(lines), span_min), strict=True):
        tx.conn.execute(
            f"INSERT INTO {table} (id, {column}, sender_id, body, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (str(uuid.uuid4()), owner_id, ids[sender], body, _ago(now, ago)))


def _conversation(tx: Transaction, ids: dict[str, str], kind: str, title: str | None,
                  members: Sequence[str], now: dt.datetime) -> str:
    conversation = str(uuid.uuid4())
    tx.conn.execute(
        "INSERT INTO conversations (id, kind, title, created_at) VALUES (?, ?, ?, ?)",
        (conversation, kind, title, _ago(now, DIRECT_SPAN_MIN + 60)))
    for member in members:
        tx.conn.execute(
            "INSERT INTO conversation_members (conversation_id, user_id, last_read_at)"
            " VALUES (?, ?, ?)", (conversation, ids[member], _ago(now, 30)))
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
            ids[bot.username] = insert_user(tx, bot.email, password_hash, {
                "username": bot.username, "display_name": bot.display_name}, hooks).id
        for user, friend, status in world.FRIENDSHIPS:
            tx.conn.execute(
                "INSERT INTO friendships (user_id, friend_id, status, created_at)"
                " VALUES (?, ?, ?, ?)", (ids[user], ids[friend], status, _ago(moment, 4000)))
        direct = _conversation(tx, ids, "direct", None, ("demo", world.DIRECT_WITH), moment)
        _chat(tx, ids, "messages", ("conversation_id", direct), world.DIRECT_CHAT,
              DIRECT_SPAN_MIN, moment)
        group = _conversation(tx, ids, "group", world.GROUP_TITLE, world.GROUP_MEMBERS, moment)
        _chat(tx, ids, "messages", ("conversation_id", group), world.GROUP_CHAT,
              GROUP_SPAN_MIN, moment)
        for type_, title, body, ago, read in world.NOTIFICATIONS:
            tx.conn.execute(
                "INSERT INTO notifications (id, user_id, type, title, body, data, read_at,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (str(uuid.uuid4()), ids["demo"], type_, title, body, json.dumps({}),
                 _ago(moment, ago - 1) if read else None, _ago(moment, ago)))
        seed_tournaments(tx, ids, moment, lambda username, display: insert_user(
            tx, f"{username}@{world.BOT_EMAIL_DOMAIN}", password_hash,
            {"username": username, "display_name": display}, hooks).id)
    log.info("hub: demo world seeded (%d users)", len(ids))
    return True
