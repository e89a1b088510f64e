"""The auth component's tables (GoTrue's ``auth`` schema, cut down). Qt-free.

Applied with ``store.migrate("auth", AUTH_MIGRATIONS)`` before the public schema, whose
``profiles.id`` references ``auth_users.id``. Times are GoTrue's RFC 3339 text
(``tokens.rfc3339``); JSON columns hold compact JSON objects. Refresh tokens are stored
only as SHA-256 digests. Deleting a user or a session cascades to what hangs off it.
"""

from __future__ import annotations

from gfdesk.hub.store import Migration

_V1_SQL = """
CREATE TABLE auth_users (
    id TEXT PRIMARY KEY,
    aud TEXT NOT NULL DEFAULT 'authenticated',
    role TEXT NOT NULL DEFAULT 'authenticated',
    email TEXT NOT NULL UNIQUE,
    encrypted_password TEXT NOT NULL,
    email_confirmed_at TEXT,
    last_sign_in_at TEXT,
    raw_app_meta_data TEXT NOT NULL DEFAULT '{}',
    raw_user_meta_data TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE auth_identities (
    id TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES auth_users (id) ON DELETE CASCADE,
    identity_data TEXT NOT NULL,
    provider TEXT NOT NULL,
    last_sign_in_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (provider_id, provider)
);
CREATE INDEX auth_identities_user_id ON auth_identities (user_id);

CREATE TABLE auth_sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES auth_users (id) ON DELETE CASCADE,
    aal TEXT NOT NULL DEFAULT 'aal1',
    amr_method TEXT NOT NULL,
    amr_at INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    refreshed_at TEXT,
    -- Set when reuse of a rotated refresh token revoked the session's whole family.
    ended_at TEXT
);
CREATE INDEX auth_sessions_user_id ON auth_sessions (user_id);

CREATE TABLE auth_refresh_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    session_id TEXT NOT NULL REFERENCES auth_sessions (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    -- The token this one replaced (NULL for the first of a session); no foreign key,
    -- so a session's tokens can be deleted in any order.
    parent INTEGER,
    revoked INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX auth_refresh_tokens_session_id ON auth_refresh_tokens (session_id);
"""

AUTH_MIGRATIONS: list[Migration] = [
    Migration(1, "users, identities, sessions, refresh tokens", _V1_SQL),
]
