"""Sessions and their refresh-token chains: issue, rotate, revoke. Qt-free.

Every sign-in opens a session with one live refresh token. Each refresh consumes the
live token and issues its child, so a session's tokens form a chain (``parent``) of
which only the newest is unrevoked. Presenting a revoked token means a copy of it is in
someone else's hands: the whole family is revoked and the session ended, so neither
the thief nor the victim can refresh again (GoTrue's refresh-token reuse detection,
without its grace interval). Logging out deletes sessions; their tokens go with them.
"""

from __future__ import annotations

import enum
import sqlite3
import uuid
from dataclasses import dataclass, field

from gfdesk.hub.auth.tokens import new_refresh_token, refresh_token_digest, rfc3339
from gfdesk.hub.store import Transaction


class LogoutScope(enum.Enum):
    """Which sessions ``POST /logout`` ends (spec 6.6)."""

    GLOBAL = "global"
    LOCAL = "local"
    OTHERS = "others"


class Rotation(enum.Enum):
    """How a refresh attempt ended."""

    ROTATED = "rotated"
    NOT_FOUND = "not_found"
    REUSED = "reused"
    SESSION_ENDED = "session_ended"


@dataclass(frozen=True)
class SessionRecord:
    """The parts of an ``auth_sessions`` row an access token needs."""

    id: str
    user_id: str
    amr_method: str
    amr_at: int


@dataclass(frozen=True)
class RotationResult:
    """The outcome of ``rotate``; ``session`` and ``refresh_token`` only when ROTATED."""

    outcome: Rotation
    session: SessionRecord | None = None
    refresh_token: str | None = field(default=None, repr=False)
    #: The session the presented token belonged to (None when NOT_FOUND).
    session_id: str | None = None


def open_session(tx: Transaction, user_id: str, amr_method: str,
                 moment: float) -> tuple[SessionRecord, str]:
    """Start a session for ``user_id`` and issue its first refresh token.

    Returns:
        The session and the refresh token (the only time it exists in clear text).
    """
    session = SessionRecord(str(uuid.uuid4()), user_id, amr_method, int(moment))
    stamp = rfc3339(moment)
    tx.conn.execute(
        "INSERT INTO auth_sessions (id, user_id, amr_method, amr_at, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (session.id, user_id, amr_method, session.amr_at, stamp, stamp),
    )
    return session, _issue(tx, session, parent=None, stamp=stamp)


def rotate(tx: Transaction, refresh_token: str, moment: float) -> RotationResult:
    """Consume ``refresh_token`` and issue its successor.

    A token that was already consumed revokes its whole session family and ends the
    session; that change must be committed even though the caller then answers with an
    error, so the caller raises only after leaving the transaction.
    """
    row = tx.conn.execute(
        "SELECT t.id, t.revoked, s.id AS session_id, s.user_id, s.amr_method, s.amr_at,"
        " s.ended_at FROM auth_refresh_tokens AS t JOIN auth_sessions AS s"
        " ON s.id = t.session_id WHERE t.token_hash = ?",
        (refresh_token_digest(refresh_token),),
    ).fetchone()
    if row is None:
        return RotationResult(Rotation.NOT_FOUND)
    stamp = rfc3339(moment)
    if row["revoked"]:
        _revoke_family(tx, row["session_id"], stamp)
        return RotationResult(Rotation.REUSED, session_id=row["session_id"])
    if row["ended_at"] is not None:
        return RotationResult(Rotation.SESSION_ENDED, session_id=row["session_id"])
    session = SessionRecord(row["session_id"], row["user_id"], row["amr_method"],
                            row["amr_at"])
    tx.conn.execute(
        "UPDATE auth_refresh_tokens SET revoked = 1, updated_at = ? WHERE id = ?",
        (stamp, row["id"]),
    )
    tx.conn.execute(
        "UPDATE auth_sessions SET refreshed_at = ?, updated_at = ? WHERE id = ?",
        (stamp, stamp, session.id),
    )
    return RotationResult(Rotation.ROTATED, session,
                          _issue(tx, session, parent=row["id"], stamp=stamp), session.id)


def session_alive(conn: sqlite3.Connection, session_id: str, user_id: str) -> bool:
    """Whether ``session_id`` exists for ``user_id`` and has not been ended."""
    row = conn.execute(
        "SELECT 1 FROM auth_sessions WHERE id = ? AND user_id = ? AND ended_at IS NULL",
        (session_id, user_id),
    ).fetchone()
    return row is not None


def log_out(tx: Transaction, user_id: str, session_id: str | None,
            scope: LogoutScope) -> int:
    """End sessions of ``user_id`` per ``scope`` (GoTrue's logout).

    A token without a session (``session_id`` None) ends all of the user's sessions,
    whatever the scope, as GoTrue does.

    Returns:
        How many sessions were ended.
    """
    if session_id is None or scope is LogoutScope.GLOBAL:
        cursor = tx.conn.execute("DELETE FROM auth_sessions WHERE user_id = ?", (user_id,))
    elif scope is LogoutScope.LOCAL:
        cursor = tx.conn.execute(
            "DELETE FROM auth_sessions WHERE id = ? AND user_id = ?", (session_id, user_id)
        )
    else:
        cursor = tx.conn.execute(
            "DELETE FROM auth_sessions WHERE user_id = ? AND id != ?", (user_id, session_id)
        )
    return cursor.rowcount


def _issue(tx: Transaction, session: SessionRecord, *, parent: int | None,
           stamp: str) -> str:
    token = new_refresh_token()
    tx.conn.execute(
        "INSERT INTO auth_refresh_tokens (token_hash, session_id, user_id, parent,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        (refresh_token_digest(token), session.id, session.user_id, parent, stamp, stamp),
    )
    return token


def _revoke_family(tx: Transaction, session_id: str, stamp: str) -> None:
    tx.conn.execute(
        "UPDATE auth_refresh_tokens SET revoked = 1, updated_at = ?"
        " WHERE session_id = ? AND revoked = 0",
        (stamp, session_id),
    )
    tx.conn.execute(
        "UPDATE auth_sessions SET ended_at = COALESCE(ended_at, ?), updated_at = ?"
        " WHERE id = ?",
        (stamp, stamp, session_id),
    )
