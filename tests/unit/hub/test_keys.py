"""gfdesk.hub.keys: the secret on disk and the JWTs it signs."""

from __future__ import annotations

import stat
import time
from pathlib import Path

import jwt
import pytest

from gfdesk.hub.keys import InvalidToken, Keys, TokenError, load_or_create_secret, sign


def test_secret_is_created_owner_only_and_reused(tmp_path: Path) -> None:
    secret = load_or_create_secret(tmp_path / "hub")
    mode = stat.S_IMODE((tmp_path / "hub" / "jwt_secret").stat().st_mode)
    assert mode == 0o600
    assert load_or_create_secret(tmp_path / "hub") == secret
    assert len(secret) >= 32


def test_keys_are_stable_jwts_with_role_and_exp() -> None:
    keys = Keys.from_secret("s" * 48)
    assert Keys.from_secret("s" * 48).anon_key == keys.anon_key
    assert keys.decode(keys.anon_key)["role"] == "anon"
    assert keys.decode(keys.service_role_key)["role"] == "service_role"
    assert "s" * 48 not in repr(keys) and keys.anon_key not in repr(keys)


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        ("not-a-jwt", TokenError.MALFORMED),
        (jwt.encode({"role": "anon", "exp": 2**40}, "other-secret" * 4, "HS256"),
         TokenError.BAD_SIGNATURE),
        (jwt.encode({"role": "anon"}, "s" * 48, "HS256"), TokenError.MISSING_CLAIMS),
        (jwt.encode({"exp": 2**40}, "s" * 48, "HS256"), TokenError.MISSING_CLAIMS),
    ],
)
def test_unusable_tokens_say_why(token: str, reason: TokenError) -> None:
    with pytest.raises(InvalidToken) as info:
        Keys.from_secret("s" * 48).decode(token)
    assert info.value.reason is reason


def test_expired_token_reports_how_long_ago() -> None:
    token = sign("s" * 48, {"role": "authenticated", "exp": 1000})
    with pytest.raises(InvalidToken) as info:
        Keys.from_secret("s" * 48).decode(token, now=1012)
    assert info.value.reason is TokenError.EXPIRED
    assert info.value.expired_ago_s == 12
    assert Keys.from_secret("s" * 48).decode(token, now=999)["exp"] == 1000
    assert time.time() > 1000
