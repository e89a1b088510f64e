"""Access-token claims, refresh-token digests and timestamps, judged by the client's parsers."""

from __future__ import annotations

import datetime as dt
import hashlib

from supabase_auth.types import Session, User

from gfdesk.hub.auth.tokens import (
    AccessGrant,
    access_token_claims,
    new_refresh_token,
    refresh_token_digest,
    rfc3339,
    session_body,
)

USER_ID = "6f1c2f0e-3c1d-4d6a-9a43-0d2d1f1b7a11"
SESSION_ID = "1b8e0f53-5e2a-4d6c-8f65-2f4f1c0d9b22"
GRANT = AccessGrant(
    user_id=USER_ID,
    email="ann@example.com",
    app_metadata={"provider": "email", "providers": ["email"]},
    user_metadata={"nick": "ann", "sub": USER_ID},
    session_id=SESSION_ID,
    amr_method="password",
    amr_at=1_714_557_000,
)
#: The claim names of spec 6.9.
SPEC_CLAIMS = {
    "iss", "sub", "aud", "exp", "iat", "email", "phone", "app_metadata", "user_metadata",
    "role", "aal", "amr", "session_id", "is_anonymous",
}


def test_rfc3339_has_microseconds_and_z() -> None:
    assert rfc3339(1_714_557_600.123456) == "2024-05-01T10:00:00.123456Z"
    assert rfc3339(0) == "1970-01-01T00:00:00.000000Z"
    assert dt.datetime.fromisoformat(rfc3339(1_714_557_600.5)).tzinfo == dt.UTC


def test_refresh_tokens_are_random_and_stored_only_as_sha256() -> None:
    tokens = {new_refresh_token() for _ in range(50)}
    assert len(tokens) == 50
    token = tokens.pop()
    assert len(token) == 32
    digest = refresh_token_digest(token)
    assert digest == hashlib.sha256(token.encode()).hexdigest()
    assert token not in digest


def test_claims_have_exactly_the_spec_keys_and_values() -> None:
    claims = access_token_claims(GRANT, issuer="http://127.0.0.1:1/auth/v1",
                                 issued_at=1_714_557_600.9, ttl_s=3600)
    assert set(claims) == SPEC_CLAIMS
    assert claims["iss"] == "http://127.0.0.1:1/auth/v1"
    assert (claims["iat"], claims["exp"]) == (1_714_557_600, 1_714_561_200)
    assert (claims["aud"], claims["role"], claims["aal"]) == (
        "authenticated", "authenticated", "aal1",
    )
    assert claims["amr"] == [{"method": "password", "timestamp": 1_714_557_000}]
    assert (claims["sub"], claims["session_id"], claims["phone"]) == (USER_ID, SESSION_ID, "")
    assert claims["is_anonymous"] is False


def test_session_body_parses_as_the_python_client_session() -> None:
    claims = access_token_claims(GRANT, issuer="hub", issued_at=1_714_557_600, ttl_s=60)
    stamp = rfc3339(1_714_557_600)
    user = {"id": USER_ID, "aud": "authenticated", "app_metadata": GRANT.app_metadata,
            "user_metadata": GRANT.user_metadata, "created_at": stamp}
    body = session_body("a.b.c", "r" * 32, claims, user)
    session = Session.model_validate(body)
    assert (session.expires_in, session.expires_at, session.token_type) == (
        60, 1_714_557_660, "bearer",
    )
    assert isinstance(session.user, User)
