"""Access-token claims, refresh tokens and GoTrue's timestamp format. Qt-free, pure.

Access tokens are HS256 JWTs with GoTrue's claims (spec 6.9), signed with the hub's
secret. Refresh tokens are opaque random strings; the database keeps only their
SHA-256, so a copied database yields no live token (a random 192-bit token needs no
salt or slow hash: there is nothing to guess).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

AUDIENCE = "authenticated"
ROLE = "authenticated"
AAL = "aal1"
TOKEN_TYPE = "bearer"
REFRESH_TOKEN_BYTES = 24


def rfc3339(moment: float) -> str:
    """GoTrue's timestamp text: UTC, microseconds, trailing Z (``2024-05-01T10:00:00.123456Z``)."""
    when = dt.datetime.fromtimestamp(moment, dt.UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_refresh_token() -> str:
    """A fresh opaque refresh token (URL-safe, 32 characters)."""
    return secrets.token_urlsafe(REFRESH_TOKEN_BYTES)


def refresh_token_digest(token: str) -> str:
    """What the database stores for ``token``: its SHA-256, hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AccessGrant:
    """What an access token is minted from: the user, the session and when."""

    user_id: str
    email: str
    app_metadata: dict[str, Any]
    user_metadata: dict[str, Any]
    session_id: str
    amr_method: str
    amr_at: int


def access_token_claims(grant: AccessGrant, *, issuer: str, issued_at: float,
                        ttl_s: int) -> dict[str, Any]:
    """The JWT claims GoTrue puts in an access token (spec 6.9)."""
    iat = int(issued_at)
    return {
        "iss": issuer,
        "sub": grant.user_id,
        "aud": AUDIENCE,
        "exp": iat + ttl_s,
        "iat": iat,
        "email": grant.email,
        "phone": "",
        "app_metadata": grant.app_metadata,
        "user_metadata": grant.user_metadata,
        "role": ROLE,
        "aal": AAL,
        "amr": [{"method": grant.amr_method, "timestamp": grant.amr_at}],
        "session_id": grant.session_id,
        "is_anonymous": False,
    }


def session_body(access_token: str, refresh_token: str, claims: dict[str, Any],
                 user: dict[str, Any]) -> dict[str, Any]:
    """The session JSON of spec 6.7 (``AccessTokenResponse``)."""
    return {
        "access_token": access_token,
        "token_type": TOKEN_TYPE,
        "expires_in": claims["exp"] - claims["iat"],
        "expires_at": claims["exp"],
        "refresh_token": refresh_token,
        "user": user,
    }
