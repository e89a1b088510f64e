"""The hub's JWT secret and the keys minted from it (spec 1.2, 6.9). Qt-free.

One random HS256 secret per data dir, stored owner-only. The anon and service_role keys
are JWTs signed with it, shaped like the Supabase CLI's, so clients and Realtime accept
them unchanged. User access tokens are minted by the auth module with the same secret.
"""

from __future__ import annotations

import enum
import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jwt

SECRET_FILE = "jwt_secret"
ALGORITHM = "HS256"
ISSUER = "gfdesk-hub"
# The keys are configuration, not sessions: players paste the anon key once, so it must
# not change when the hub restarts. A fixed far expiry and no ``iat`` make the keys a
# pure function of the secret, like the Supabase CLI's published demo keys.
KEY_EXPIRY = 4102444800  # 2100-01-01T00:00:00Z
#: Longer tokens are refused unread: a user's token carries their metadata, which
#: sign-up and ``PUT /user`` cap far below this (``auth.validation``).
MAX_TOKEN_BYTES = 16 * 1024


class TokenError(enum.Enum):
    """Why a JWT was refused; each maps to the wording of the service that reports it."""

    MALFORMED = "malformed"
    BAD_SIGNATURE = "bad_signature"
    EXPIRED = "expired"
    MISSING_CLAIMS = "missing_claims"


class InvalidToken(Exception):
    """A JWT that cannot be used, with the reason and, when expired, how long ago."""

    def __init__(self, reason: TokenError, expired_ago_s: int = 0) -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.expired_ago_s = expired_ago_s


@dataclass(frozen=True)
class Keys:
    """The secret and the two project keys derived from it."""

    secret: str = field(repr=False)
    anon_key: str = field(repr=False)
    service_role_key: str = field(repr=False)

    @classmethod
    def from_secret(cls, secret: str) -> Keys:
        return cls(
            secret=secret,
            anon_key=sign(secret, _key_claims("anon")),
            service_role_key=sign(secret, _key_claims("service_role")),
        )

    def decode(self, token: str, *, now: float | None = None) -> dict[str, Any]:
        """Verify a JWT signed with this hub's secret and return its claims.

        Raises:
            InvalidToken: malformed, wrong signature, expired, or without ``role``/``exp``.
        """
        return decode(self.secret, token, now=now)


def _key_claims(role: str) -> dict[str, Any]:
    return {"iss": ISSUER, "role": role, "exp": KEY_EXPIRY}


def sign(secret: str, claims: dict[str, Any]) -> str:
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def decode(secret: str, token: str, *, now: float | None = None) -> dict[str, Any]:
    """Verify ``token`` and return its claims (see ``Keys.decode``)."""
    if len(token) > MAX_TOKEN_BYTES:
        raise InvalidToken(TokenError.MALFORMED)
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            options={"verify_exp": False, "verify_aud": False, "verify_iat": False},
        )
    except jwt.InvalidSignatureError as exc:
        raise InvalidToken(TokenError.BAD_SIGNATURE) from exc
    except jwt.PyJWTError as exc:
        raise InvalidToken(TokenError.MALFORMED) from exc
    if not isinstance(claims.get("role"), str) or not isinstance(claims.get("exp"), int | float):
        raise InvalidToken(TokenError.MISSING_CLAIMS)
    current = time.time() if now is None else now
    if claims["exp"] <= current:
        raise InvalidToken(TokenError.EXPIRED, expired_ago_s=int(current - claims["exp"]))
    return claims


def load_or_create_secret(data_dir: Path) -> str:
    """Read the data dir's secret, creating it (mode 0600) on first use."""
    path = data_dir / SECRET_FILE
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    data_dir.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(48)
    # O_EXCL: two hubs starting on one fresh data dir must not each write a secret.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(secret)
    return secret
