"""The verified-token cache: signature once, expiry on every use."""

from __future__ import annotations

import time

import pytest

from gfdesk.hub.gateway import TokenCache
from gfdesk.hub.keys import InvalidToken, Keys, TokenError, sign

SECRET = "unit-test-secret-of-at-least-32-characters"


def test_cached_token_still_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    now = 1_800_000_000.0
    monkeypatch.setattr(time, "time", lambda: now)
    cache = TokenCache(Keys.from_secret(SECRET))
    token = sign(SECRET, {"role": "authenticated", "sub": "u", "exp": int(now) + 60})
    assert cache.decode(token)["sub"] == "u"
    assert cache.decode(token)["sub"] == "u"
    now += 61
    with pytest.raises(InvalidToken) as err:
        cache.decode(token)
    assert err.value.reason is TokenError.EXPIRED


def test_refused_tokens_are_not_cached() -> None:
    cache = TokenCache(Keys.from_secret(SECRET), size=2)
    forged = sign("another-secret-of-at-least-32-characters!", {"role": "service_role",
                                                                 "exp": 4_000_000_000})
    for _ in range(2):
        with pytest.raises(InvalidToken):
            cache.decode(forged)
    assert repr(cache) == "TokenCache(0 tokens)"


def test_cache_is_bounded() -> None:
    cache = TokenCache(Keys.from_secret(SECRET), size=2)
    for i in range(5):
        cache.decode(sign(SECRET, {"role": "anon", "n": i, "exp": 4_000_000_000}))
    assert repr(cache) == "TokenCache(2 tokens)"


def test_callers_cannot_alter_cached_claims() -> None:
    cache = TokenCache(Keys.from_secret(SECRET))
    token = sign(SECRET, {"role": "anon", "exp": 4_000_000_000})
    cache.decode(token)["role"] = "service_role"
    assert cache.decode(token)["role"] == "anon"
