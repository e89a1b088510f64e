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
import logging
import uuid
from collections.abc import Sequence

from gfdesk.hub.auth import hash_password, insert_user
from gfdesk.hub.context import UserCreatedHook
from gfdesk.hub.demo import world
from gfdesk.hub.demo.pictures import PICTURES, picture_path
from gfdesk.hub.schema import now_timestamp
from gfdesk.hub.store import Store, Transaction
from gfdesk.hub.triggers import notify_friend_request

log = logging.getLogger("gfdesk.hub")

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


def _tournament(tx: Transaction, ids: dict[str, str], now: dt.datetime) -> str:
    tournament = str(uuid.uuid4())
    tx.conn.execute(
        "INSERT INTO tournaments (id, name, game, format, host_id, status, max_participants,"
        " starts_at, created_at) VALUES (?, ?, ?, 'single_elim', ?, 'live', 8, ?, ?)",
        (tournament, world.TOURNAMENT_NAME, world.TOURNAMENT_GAME, ids[world.TOURNAMENT_HOST],
         _ago(now, world.TOURNAMENT_STARTED_MIN), _ago(now, 3 * 24 * 60)))
    players = [ids[p] for p in world.TOURNAMENT_PLAYERS]
    for seed, player in enumerate(players, start=1):
        tx.conn.execute(
            "INSERT INTO tournament_participants (tournament_id, user_id, seed) VALUES (?, ?, ?)",
            (tournament, player, seed))
    final = str(uuid.uuid4())
    semis = [str(uuid.uuid4()) for _ in range(2)]
    _match(tx, final, tournament, 3, 1, None, None, (0, 0, "pending"), None, None, now)
    firsts = world.FIRST_ROUND_SEEDS
    for position, (seed1, seed2), result in zip(range(1, 5), firsts, world.FIRST_ROUND,
                                                strict=True):
        semi = semis[(position - 1) // 2]
        _match(tx, str(uuid.uuid4()), tournament, 1, position, players[seed1 - 1],
               players[seed2 - 1], result, semi, 1 if position % 2 else 2, now)
    # Semi-final 1 is fed by the two finished first-round matches.
    done = [r for r in tx.conn.execute(
        "SELECT winner_id FROM tournament_matches WHERE tournament_id = ? AND round = 1"
        " AND position IN (1, 2) ORDER BY position", (tournament,))]
    _match(tx, semis[0], tournament, 2, 1, done[0][0], done[1][0], (0, 0, "ready"), final, 1,
           now)
    _match(tx, semis[1], tournament, 2, 2, None, None, (0, 0, "pending"), final, 2, now)
    _chat(tx, ids, "tournament_messages", ("tournament_id", tournament), world.TOURNAMENT_CHAT,
          now)
    return tournament


def _match(tx: Transaction, match_id: str, tournament: str, round_: int, position: int,
           player1: str | None, player2: str | None, result: tuple[int, int, str],
           next_match: str | None, next_slot: int | None, now: dt.datetime) -> None:
    score1, score2, status = result
    winner = None
    if status == "done":
        winner = player1 if score1 > score2 else player2
    tx.conn.execute(
        "INSERT INTO tournament_matches (id, tournament_id, bracket, round, position,"
        " player1_id, player2_id, score1, score2, winner_id, status, next_match_id, next_slot,"
        " updated_at) VALUES (?, ?, 'winners', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (match_id, tournament, round_, position, player1, player2, score1, score2, winner,
         status, next_match, next_slot, _ago(now, 10 * position)))


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
        about["cup"] = {"tournament_id": _tournament(tx, ids, moment)}
        for type_, title, body, ago, read, subject, actor in world.NOTIFICATIONS:
            data = {**about.get(subject, {}), "actor_id": ids[actor]}
            tx.conn.execute(
                "INSERT INTO notifications (id, user_id, type, title, body, data, read_at,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (str(uuid.uuid4()), ids["demo"], type_, title, body, json.dumps(data),
                 _ago(moment, ago - 1) if read else None, _ago(moment, ago)))
    log.info("hub: demo world seeded (%d users)", len(ids))
    return True
