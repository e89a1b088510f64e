"""JWT checks for Realtime, worded as the real server words them (spec 2.1, 2.10, 2.11). Qt-free.

The same failure reads differently in three places: the WebSocket handshake (HTTP
``{"error": text}``), a join reply (``{"reason": "Code: text"}``) and a live channel's
shutdown after ``access_token`` or at expiry (system message ``text``).

A socket verifies each token it uses once (``TokenMemo``): its key at the handshake,
and the user's token its joins carry, every channel sharing the same claims.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Any

from gfdesk.hub.keys import InvalidToken, Keys, TokenError

#: Tokens Realtime ignores in ``access_token`` (new-style API keys, spec 1.2).
IGNORED_TOKEN_PREFIX = "sb_"

_TEXTS = {
    TokenError.MISSING_CLAIMS: "Fields `role` and `exp` are required in JWT",
    TokenError.MALFORMED: "The token provided is not a valid JWT",
    TokenError.BAD_SIGNATURE: "Failed to validate JWT signature",
}
_CODES = {
    TokenError.EXPIRED: "InvalidJWTToken",
    TokenError.MISSING_CLAIMS: "InvalidJWTToken",
    TokenError.MALFORMED: "MalformedJWT",
    TokenError.BAD_SIGNATURE: "JwtSignatureError",
}


def token_text(exc: InvalidToken, *, with_age: bool) -> str:
    """The message text of a refused token (``with_age``: "… <n> seconds ago")."""
    if exc.reason is TokenError.EXPIRED:
        return f"Token has expired {exc.expired_ago_s} seconds ago" if with_age \
            else "Token has expired"
    return _TEXTS[exc.reason]


def handshake_error(exc: InvalidToken) -> str:
    """The ``error`` text of a refused WebSocket handshake (spec 2.1 table)."""
    return token_text(exc, with_age=False)


def join_reason(exc: InvalidToken) -> str:
    """The join reply ``reason`` (spec 2.11)."""
    return f"{_CODES[exc.reason]}: {token_text(exc, with_age=True)}"


def check(keys: Keys, token: str) -> dict[str, Any]:
    """Claims of a valid token.

    Raises:
        InvalidToken: the reason the real server would give.
    """
    return keys.decode(token)


#: Tokens one socket remembers (its key, the user's token and the one before it).
MEMO_SIZE = 4


class TokenMemo:
    """Verified claims of the few tokens one socket uses; expiry is still checked on
    every use. The claims returned are shared: callers must not change them."""

    def __init__(self, keys: Keys, size: int = MEMO_SIZE) -> None:
        self._keys = keys
        self._size = size
        self._claims: OrderedDict[str, dict[str, Any]] = OrderedDict()

    def __repr__(self) -> str:
        return f"TokenMemo({len(self._claims)} tokens)"

    def claims(self, token: str) -> dict[str, Any]:
        """Like ``check``, verifying the signature only the first time.

        Raises:
            InvalidToken: the reason the real server would give.
        """
        claims = self._claims.get(token)
        if claims is not None:
            if claims["exp"] > time.time():
                self._claims.move_to_end(token)
                return claims
            del self._claims[token]
        claims = self._keys.decode(token)  # raises, with the precise expiry
        self._claims[token] = claims
        while len(self._claims) > self._size:
            self._claims.popitem(last=False)
        return claims
