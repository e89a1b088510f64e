"""Auth users and their email identities: rows in, GoTrue's user JSON out. Qt-free.

``insert_user`` is the one way a user comes to exist (sign-up and the demo seeder): a
confirmed user with its email identity, and the ``ON_USER_CREATED`` hooks run in the
same transaction, like Supabase's ``on_auth_user_created`` trigger, so a failing hook
leaves no user without a profile.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gfdesk.hub.auth import clock
from gfdesk.hub.auth.tokens import AUDIENCE, ROLE, AccessGrant, rfc3339
from gfdesk.hub.context import NewUser, UserCreatedHook
from gfdesk.hub.store import Transaction

PROVIDER = "email"


class UserExists(Exception):
    """An account with this email exists already."""


@dataclass(frozen=True)
class UserRecord:
    """One ``auth_users`` row with its identities, as the handlers need it."""

    id: str
    email: str
    password_hash: str = field(repr=False)
    app_metadata: dict[str, Any]
    user_metadata: dict[str, Any]
    email_confirmed_at: str | None
    last_sign_in_at: str | None
    created_at: str
    updated_at: str
    identities: tuple[dict[str, Any], ...]

    def grant(self, session_id: str, amr_method: str, amr_at: int) -> AccessGrant:
        """What an access token for this user in ``session_id`` is minted from."""
        return AccessGrant(self.id, self.email, self.app_metadata, self.user_metadata,
                           session_id, amr_method, amr_at)

    def to_json(self) -> dict[str, Any]:
        """GoTrue's user object (spec 6.7)."""
        return {
            "id": self.id,
            "aud": AUDIENCE,
            "role": ROLE,
            "email": self.email,
            "email_confirmed_at": self.email_confirmed_at,
            "phone": "",
            "confirmed_at": self.email_confirmed_at,
            "last_sign_in_at": self.last_sign_in_at,
            "app_metadata": self.app_metadata,
            "user_metadata": self.user_metadata,
            "identities": list(self.identities),
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "is_anonymous": False,
        }


def normalize_email(email: str) -> str:
    """The stored form of an address: trimmed, lower case (GoTrue lower-cases too)."""
    return email.strip().lower()


def identity_data(user_id: str, email: str) -> dict[str, Any]:
    """The email identity's claims, which GoTrue also merges into ``user_metadata``."""
    return {"email": email, "email_verified": True, "phone_verified": False, "sub": user_id}


def insert_user(tx: Transaction, email: str, password_hash: str,
                user_metadata: dict[str, Any], hooks: Sequence[UserCreatedHook]) -> NewUser:
    """Create a confirmed user with an email identity, then run the hooks in ``tx``.

    Args:
        tx: The open transaction; the caller commits it.
        email: The address (normalised here).
        password_hash: From ``hash_password``.
        user_metadata: The sign-up ``data``; the identity's claims are merged over it.
        hooks: Run in order with the new user (they create the profile row).

    Returns:
        The new user as the hooks saw it.

    Raises:
        UserExists: the email is taken.
    """
    user_id = str(uuid.uuid4())
    address = normalize_email(email)
    claims = identity_data(user_id, address)
    metadata = {**user_metadata, **claims}
    stamp = rfc3339(clock.now())
    app_metadata = {"provider": PROVIDER, "providers": [PROVIDER]}
    try:
        tx.conn.execute(
            "INSERT INTO auth_users (id, email, encrypted_password, email_confirmed_at,"
            " raw_app_meta_data, raw_user_meta_data, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (user_id, address, password_hash, stamp, _dump(app_metadata), _dump(metadata),
             stamp, stamp),
        )
    except sqlite3.IntegrityError as exc:
        raise UserExists(address) from exc
    tx.conn.execute(
        "INSERT INTO auth_identities (id, provider_id, user_id, identity_data, provider,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (str(uuid.uuid4()), user_id, user_id, _dump(claims), PROVIDER, stamp, stamp),
    )
    new_user = NewUser(id=user_id, email=address, user_metadata=metadata)
    for hook in hooks:
        hook(tx, new_user)
    return new_user


def load_user(conn: sqlite3.Connection, *, user_id: str | None = None,
              email: str | None = None) -> UserRecord | None:
    """The user with this id or (normalised) email, or None.

    Args:
        conn: ``store.conn`` for a plain read, or ``tx.conn`` inside a transaction.
    """
    if user_id is not None:
        where, key = "id = ?", user_id
    elif email is not None:
        where, key = "email = ?", normalize_email(email)
    else:
        raise ValueError("load_user needs user_id or email")
    rows = conn.execute(f"SELECT * FROM auth_users WHERE {where}", (key,)).fetchall()
    if not rows:
        return None
    row = rows[0]
    identities = tuple(
        _identity_json(i, row["email"])
        for i in conn.execute(
            "SELECT * FROM auth_identities WHERE user_id = ? ORDER BY created_at", (row["id"],)
        )
    )
    return UserRecord(
        id=row["id"],
        email=row["email"],
        password_hash=row["encrypted_password"],
        app_metadata=json.loads(row["raw_app_meta_data"]),
        user_metadata=json.loads(row["raw_user_meta_data"]),
        email_confirmed_at=row["email_confirmed_at"],
        last_sign_in_at=row["last_sign_in_at"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        identities=identities,
    )


def record_sign_in(tx: Transaction, user_id: str, moment: float) -> None:
    """Stamp ``last_sign_in_at`` on the user and its email identity."""
    stamp = rfc3339(moment)
    tx.conn.execute("UPDATE auth_users SET last_sign_in_at = ? WHERE id = ?", (stamp, user_id))
    tx.conn.execute(
        "UPDATE auth_identities SET last_sign_in_at = ?, updated_at = ?"
        " WHERE user_id = ? AND provider = ?",
        (stamp, stamp, user_id, PROVIDER),
    )


def update_user(tx: Transaction, user_id: str, *, data: dict[str, Any] | None = None,
                password_hash: str | None = None) -> None:
    """Merge ``data`` into ``user_metadata`` (a null value removes the key, as GoTrue
    does) and/or replace the password hash."""
    stamp = rfc3339(clock.now())
    if data is not None:
        row = tx.conn.execute(
            "SELECT raw_user_meta_data FROM auth_users WHERE id = ?", (user_id,)
        ).fetchone()
        metadata = json.loads(row[0]) if row else {}
        for key, value in data.items():
            if value is None:
                metadata.pop(key, None)
            else:
                metadata[key] = value
        tx.conn.execute(
            "UPDATE auth_users SET raw_user_meta_data = ?, updated_at = ? WHERE id = ?",
            (_dump(metadata), stamp, user_id),
        )
    if password_hash is not None:
        tx.conn.execute(
            "UPDATE auth_users SET encrypted_password = ?, updated_at = ? WHERE id = ?",
            (password_hash, stamp, user_id),
        )


def _identity_json(row: sqlite3.Row, email: str) -> dict[str, Any]:
    return {
        "identity_id": row["id"],
        "id": row["provider_id"],
        "user_id": row["user_id"],
        "identity_data": json.loads(row["identity_data"]),
        "provider": row["provider"],
        "last_sign_in_at": row["last_sign_in_at"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "email": email,
    }


def _dump(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))
