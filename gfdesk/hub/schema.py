"""The public schema of the hub: table metadata, SQLite migrations, the profile hook. Qt-free.

``TABLES`` is what REST, the row rules and Realtime know of each table (PostgreSQL
types, as a real Supabase project has them); ``PUBLIC_MIGRATIONS`` creates the same
tables in SQLite. ``tests/unit/hub/test_schema.py`` checks that the two never drift.

SQLite side: STRICT tables (``TEXT``/``INTEGER``), booleans as 0/1, jsonb as validated
JSON text, ids as UUID v4 text made in SQL, timestamps as UTC ISO 8601 text in the shape
PostgREST returns for ``timestamptz`` (``2024-05-01T10:00:00.123000+00:00``), so that
text order is time order. The SQL default has millisecond resolution; ``now_timestamp``
(used by the handlers for ``updated_at``) has microseconds, in the same shape.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from gfdesk.hub.context import NewUser
from gfdesk.hub.store import ChangeType, Migration, Transaction
from gfdesk.hub.tables import Column, Table
from gfdesk.log import hub as log

#: SQL expression for a new UUID v4 (random, version nibble 4, variant 8..b).
UUID_SQL = (
    "(lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||"
    " substr(hex(randomblob(2)), 2) || '-' ||"
    " substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' ||"
    " hex(randomblob(6))))"
)
#: SQL expression for "now" as timestamptz text (SQLite's clock has milliseconds).
NOW_SQL = "(strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now'))"

#: Columns the hub keeps current on every UPDATE unless the client sets them.
AUTO_UPDATED: dict[str, str] = {"tournament_matches": "updated_at"}

#: Columns whose foreign keys are checked at the end of the statement (self references in
#: a bracket inserted in one request), as PostgreSQL checks them; by table.
DEFERRED_FK_COLUMNS: dict[str, frozenset[str]] = {
    "tournament_matches": frozenset({"next_match_id", "loser_next_match_id"}),
}

USERNAME_MAX = 32
#: The longest message body the database stores (``messages_body_length_check``), in
#: characters; the client's composer stops at the same number.
MESSAGE_BODY_MAX = 2000


def _uuid(name: str, *, pk: bool = False, nullable: bool = False) -> Column:
    return Column(name, "uuid", nullable=nullable, has_default=pk)


def _created(name: str = "created_at") -> Column:
    return Column(name, "timestamptz", nullable=False, has_default=True)


def _ts(name: str) -> Column:
    return Column(name, "timestamptz")


def _text(name: str, *, nullable: bool = True, default: bool = False) -> Column:
    return Column(name, "text", nullable=nullable, has_default=default)


def _int(name: str, *, nullable: bool = True, default: bool = False) -> Column:
    return Column(name, "int4", nullable=nullable, has_default=default)


_TABLE_LIST = [
    Table("profiles", (
        Column("id", "uuid", nullable=False), _text("username", nullable=False),
        _text("display_name"), _text("avatar_url"), _created(),
    ), ("id",)),
    Table("friendships", (
        _uuid("user_id"), _uuid("friend_id"), _text("status", nullable=False, default=True),
        _created(),
    ), ("user_id", "friend_id")),
    Table("notifications", (
        _uuid("id", pk=True), _uuid("user_id"), _text("type", nullable=False),
        _text("title", nullable=False), _text("body"),
        Column("data", "jsonb", nullable=False, has_default=True), _ts("read_at"), _created(),
    ), ("id",)),
    Table("conversations", (
        _uuid("id", pk=True), _text("kind", nullable=False, default=True), _text("title"),
        _created(),
    ), ("id",)),
    Table("conversation_members", (
        _uuid("conversation_id"), _uuid("user_id"), _ts("last_read_at"),
    ), ("conversation_id", "user_id")),
    Table("messages", (
        _uuid("id", pk=True), _uuid("conversation_id"), _uuid("sender_id"),
        _text("body", nullable=False), _created(), _ts("edited_at"), _ts("deleted_at"),
    ), ("id",)),
    Table("tournaments", (
        _uuid("id", pk=True), _text("name", nullable=False), _text("game", nullable=False),
        _text("format", nullable=False, default=True), _uuid("host_id"),
        _text("status", nullable=False, default=True),
        _int("max_participants", nullable=False, default=True), _ts("starts_at"), _created(),
    ), ("id",)),
    Table("tournament_participants", (
        _uuid("tournament_id"), _uuid("user_id"), _int("seed"),
    ), ("tournament_id", "user_id")),
    Table("tournament_matches", (
        _uuid("id", pk=True), _uuid("tournament_id"),
        _text("bracket", nullable=False, default=True), _int("round", nullable=False),
        _int("position", nullable=False), _uuid("player1_id", nullable=True),
        _uuid("player2_id", nullable=True), _int("score1", nullable=False, default=True),
        _int("score2", nullable=False, default=True), _uuid("winner_id", nullable=True),
        _text("status", nullable=False, default=True), _uuid("next_match_id", nullable=True),
        _int("next_slot"), _uuid("loser_next_match_id", nullable=True),
        _int("loser_next_slot"), _created("updated_at"),
    ), ("id",)),
    Table("tournament_messages", (
        _uuid("id", pk=True), _uuid("tournament_id"), _uuid("sender_id"),
        _text("body", nullable=False), _created(),
    ), ("id",)),
    Table("calls", (
        _uuid("id", pk=True), _uuid("caller_id"), _uuid("callee_id"),
        _text("kind", nullable=False, default=True), _text("status", nullable=False, default=True),
        _created(), _ts("answered_at"), _ts("ended_at"),
    ), ("id",)),
    # Migration 2 (friends and blocks).
    Table("blocks", (_uuid("blocker_id"), _uuid("blocked_id"), _created()),
          ("blocker_id", "blocked_id")),
]

#: Every table of the public schema, by name.
TABLES: dict[str, Table] = {t.name: t for t in _TABLE_LIST}

#: The tables in Supabase's ``supabase_realtime`` publication (the realtime migration of
#: supabase/migrations): only their changes reach postgres_changes subscribers (spec
#: 5.5). What the apps listen to (DESIGN.md, channels).
PUBLISHED: frozenset[str] = frozenset(
    {"notifications", "messages", "tournament_matches", "tournament_messages", "calls",
     "friendships"})

#: The bracket formats a tournament may have (``tournaments_format_check``).
FORMATS = ("single_elim", "double_elim", "round_robin", "swiss")


def _tournaments_table(name: str, formats: Sequence[str]) -> str:
    allowed = ", ".join(f"'{f}'" for f in formats)
    return f"""CREATE TABLE {name} (
  id TEXT NOT NULL PRIMARY KEY DEFAULT {UUID_SQL},
  name TEXT NOT NULL,
  game TEXT NOT NULL,
  format TEXT NOT NULL DEFAULT 'single_elim' CONSTRAINT tournaments_format_check
    CHECK (format IN ({allowed})),
  host_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'registration',
  max_participants INTEGER NOT NULL DEFAULT 16,
  starts_at TEXT,
  created_at TEXT NOT NULL DEFAULT {NOW_SQL}
) STRICT;"""


#: A call's statuses (``calls_status_check``): ``busy`` is the answer of a callee who is
#: in another call already.
CALL_STATUSES = ("ringing", "accepted", "declined", "missed", "busy", "ended")


def _calls_table(name: str, statuses: Sequence[str]) -> str:
    allowed = ", ".join(f"'{s}'" for s in statuses)
    return f"""CREATE TABLE {name} (
  id TEXT NOT NULL PRIMARY KEY DEFAULT {UUID_SQL},
  caller_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  callee_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  kind TEXT NOT NULL DEFAULT 'audio'
    CONSTRAINT calls_kind_check CHECK (kind IN ('audio', 'video')),
  status TEXT NOT NULL DEFAULT 'ringing' CONSTRAINT calls_status_check
    CHECK (status IN ({allowed})),
  created_at TEXT NOT NULL DEFAULT {NOW_SQL},
  answered_at TEXT,
  ended_at TEXT,
  CONSTRAINT calls_not_self_check CHECK (caller_id <> callee_id)
) STRICT;"""


_V1 = f"""
CREATE TABLE profiles (
  id TEXT NOT NULL PRIMARY KEY REFERENCES auth_users(id) ON DELETE CASCADE,
  username TEXT NOT NULL,
  display_name TEXT,
  avatar_url TEXT,
  created_at TEXT NOT NULL DEFAULT {NOW_SQL},
  CONSTRAINT profiles_username_key UNIQUE (username)
) STRICT;

CREATE TABLE friendships (
  user_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  friend_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'pending'
    CONSTRAINT friendships_status_check CHECK (status IN ('pending', 'accepted')),
  created_at TEXT NOT NULL DEFAULT {NOW_SQL},
  PRIMARY KEY (user_id, friend_id),
  CONSTRAINT friendships_not_self_check CHECK (user_id <> friend_id)
) STRICT;
CREATE INDEX friendships_friend_id_idx ON friendships (friend_id);

CREATE TABLE notifications (
  id TEXT NOT NULL PRIMARY KEY DEFAULT {UUID_SQL},
  user_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT,
  data TEXT NOT NULL DEFAULT '{{}}' CONSTRAINT notifications_data_check CHECK (json_valid(data)),
  read_at TEXT,
  created_at TEXT NOT NULL DEFAULT {NOW_SQL}
) STRICT;
CREATE INDEX notifications_user_id_created_at_idx ON notifications (user_id, created_at);

CREATE TABLE conversations (
  id TEXT NOT NULL PRIMARY KEY DEFAULT {UUID_SQL},
  kind TEXT NOT NULL DEFAULT 'direct'
    CONSTRAINT conversations_kind_check CHECK (kind IN ('direct', 'group')),
  title TEXT,
  created_at TEXT NOT NULL DEFAULT {NOW_SQL}
) STRICT;

CREATE TABLE conversation_members (
  conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  last_read_at TEXT,
  PRIMARY KEY (conversation_id, user_id)
) STRICT;
CREATE INDEX conversation_members_user_id_idx ON conversation_members (user_id);

CREATE TABLE messages (
  id TEXT NOT NULL PRIMARY KEY DEFAULT {UUID_SQL},
  conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  sender_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT {NOW_SQL},
  edited_at TEXT,
  deleted_at TEXT
) STRICT;
CREATE INDEX messages_conversation_id_created_at_idx ON messages (conversation_id, created_at);

{_tournaments_table("tournaments", ("single_elim", "double_elim", "round_robin"))}
CREATE INDEX tournaments_host_id_idx ON tournaments (host_id);

CREATE TABLE tournament_participants (
  tournament_id TEXT NOT NULL REFERENCES tournaments(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  seed INTEGER,
  PRIMARY KEY (tournament_id, user_id)
) STRICT;

CREATE TABLE tournament_matches (
  id TEXT NOT NULL PRIMARY KEY DEFAULT {UUID_SQL},
  tournament_id TEXT NOT NULL REFERENCES tournaments(id) ON DELETE CASCADE,
  bracket TEXT NOT NULL DEFAULT 'winners' CONSTRAINT tournament_matches_bracket_check
    CHECK (bracket IN ('winners', 'losers', 'grand_final', 'round_robin')),
  round INTEGER NOT NULL,
  position INTEGER NOT NULL,
  player1_id TEXT REFERENCES profiles(id) ON DELETE SET NULL,
  player2_id TEXT REFERENCES profiles(id) ON DELETE SET NULL,
  score1 INTEGER NOT NULL DEFAULT 0,
  score2 INTEGER NOT NULL DEFAULT 0,
  winner_id TEXT REFERENCES profiles(id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'pending' CONSTRAINT tournament_matches_status_check
    CHECK (status IN ('pending', 'ready', 'live', 'done')),
  next_match_id TEXT REFERENCES tournament_matches(id) ON DELETE SET NULL
    DEFERRABLE INITIALLY DEFERRED,
  next_slot INTEGER CONSTRAINT tournament_matches_next_slot_check CHECK (next_slot IN (1, 2)),
  loser_next_match_id TEXT REFERENCES tournament_matches(id) ON DELETE SET NULL
    DEFERRABLE INITIALLY DEFERRED,
  loser_next_slot INTEGER
    CONSTRAINT tournament_matches_loser_next_slot_check CHECK (loser_next_slot IN (1, 2)),
  updated_at TEXT NOT NULL DEFAULT {NOW_SQL},
  CONSTRAINT tournament_matches_tournament_id_bracket_round_position_key
    UNIQUE (tournament_id, bracket, round, position)
) STRICT;
CREATE INDEX tournament_matches_tournament_id_idx ON tournament_matches (tournament_id);

CREATE TABLE tournament_messages (
  id TEXT NOT NULL PRIMARY KEY DEFAULT {UUID_SQL},
  tournament_id TEXT NOT NULL REFERENCES tournaments(id) ON DELETE CASCADE,
  sender_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT {NOW_SQL}
) STRICT;
CREATE INDEX tournament_messages_tournament_id_created_at_idx
  ON tournament_messages (tournament_id, created_at);

{_calls_table("calls", ("ringing", "accepted", "declined", "missed", "ended"))}
CREATE INDEX calls_caller_id_idx ON calls (caller_id);
CREATE INDEX calls_callee_id_idx ON calls (callee_id);
"""

# SQLite cannot change a CHECK constraint: the table is made again (its rows copied,
# with foreign keys off so that nothing cascades), the way SQLite's documentation
# describes a general ALTER TABLE.
_V2 = f"""
{_tournaments_table("tournaments_new", FORMATS)}
INSERT INTO tournaments_new SELECT * FROM tournaments;
DROP TABLE tournaments;
ALTER TABLE tournaments_new RENAME TO tournaments;
CREATE INDEX tournaments_host_id_idx ON tournaments (host_id);
"""

# Friends and blocks (supabase/migrations/20261204000100_gfdesk_friends_and_blocks.sql):
# who blocked whom, and a length limit on message bodies. SQLite cannot add a CHECK to
# an existing table, so messages is rebuilt with it, in the same column order; bodies
# stored before the limit are cut to it, as the PostgreSQL migration does.
_V3 = f"""
CREATE TABLE blocks (
  blocker_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  blocked_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL DEFAULT {NOW_SQL},
  PRIMARY KEY (blocker_id, blocked_id),
  CONSTRAINT blocks_not_self_check CHECK (blocker_id <> blocked_id)
) STRICT;
CREATE INDEX blocks_blocked_id_idx ON blocks (blocked_id);

CREATE TABLE messages_v2 (
  id TEXT NOT NULL PRIMARY KEY DEFAULT {UUID_SQL},
  conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  sender_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  body TEXT NOT NULL
    CONSTRAINT messages_body_length_check CHECK (length(body) <= {MESSAGE_BODY_MAX}),
  created_at TEXT NOT NULL DEFAULT {NOW_SQL},
  edited_at TEXT,
  deleted_at TEXT
) STRICT;
INSERT INTO messages_v2 (id, conversation_id, sender_id, body, created_at, edited_at, deleted_at)
  SELECT id, conversation_id, sender_id, substr(body, 1, {MESSAGE_BODY_MAX}), created_at,
         edited_at, deleted_at FROM messages;
DROP TABLE messages;
ALTER TABLE messages_v2 RENAME TO messages;
CREATE INDEX messages_conversation_id_created_at_idx ON messages (conversation_id, created_at);
"""

# calls.status gains 'busy' (supabase/migrations/20261204000200_gfdesk_calls_busy.sql);
# the table is made again, as for tournaments in _V2.
_V4 = f"""
{_calls_table("calls_new", CALL_STATUSES)}
INSERT INTO calls_new SELECT * FROM calls;
DROP TABLE calls;
ALTER TABLE calls_new RENAME TO calls;
CREATE INDEX calls_caller_id_idx ON calls (caller_id);
CREATE INDEX calls_callee_id_idx ON calls (callee_id);
"""

#: Migrations of the ``public`` component; apply after the auth component's.
PUBLIC_MIGRATIONS: list[Migration] = [
    Migration(1, "public schema", _V1),
    Migration(2, "tournaments.format: swiss", _V2, foreign_keys_off=True),
    Migration(3, "friends and blocks", _V3),
    Migration(4, "calls.status: busy", _V4, foreign_keys_off=True),
]

_USERNAME_JUNK = re.compile(r"[^A-Za-z0-9_.-]+")


def now_timestamp(now: dt.datetime | None = None) -> str:
    """The current time as the hub stores ``timestamptz`` (microseconds, ``+00:00``)."""
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def _unique_username(tx: Transaction, wanted: str) -> str:
    base = _USERNAME_JUNK.sub("", wanted)[:USERNAME_MAX] or "player"
    candidate, n = base, 1
    while tx.conn.execute(
        "SELECT 1 FROM profiles WHERE username = ?", (candidate,)
    ).fetchone():
        n += 1
        candidate = f"{base[: USERNAME_MAX - len(str(n))]}{n}"
    return candidate


def on_user_created(tx: Transaction, user: NewUser) -> None:
    """Create the ``profiles`` row of a new auth user, in the sign-up transaction.

    The username comes from the metadata ``username``, else the email's local part,
    made unique by appending digits; the display name from ``display_name``, else the
    username. Like Supabase's ``on_auth_user_created`` trigger, the change is published.
    """
    meta = user.user_metadata or {}
    wanted = meta.get("username") if isinstance(meta.get("username"), str) else None
    username = _unique_username(tx, wanted or user.email.split("@", 1)[0])
    display = meta.get("display_name")
    display_name = display if isinstance(display, str) and display.strip() else username
    avatar = meta.get("avatar_url") if isinstance(meta.get("avatar_url"), str) else None
    row = tx.conn.execute(
        "INSERT INTO profiles (id, username, display_name, avatar_url) VALUES (?, ?, ?, ?)"
        " RETURNING id, username, display_name, avatar_url, created_at",
        (user.id, username, display_name, avatar),
    ).fetchone()
    record = TABLES["profiles"].row_to_json(tuple(row))
    tx.record("profiles", ChangeType.INSERT, record, None)
    log.debug("hub: profile %s created for user %s", username, user.id)
