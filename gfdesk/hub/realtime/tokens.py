"""JWT checks for Realtime, worded as the real server words them (spec 2.1, 2.10, 2.11). Qt-free.

The same failure reads differently in three places: the WebSocket handshake (HTTP
``{"error": text}``), a join reply (``{"reason": "Code: text"}``) and a live channel's
shutdown after ``access_token`` or at expiry (system message ``text``).

A socket verifies each token it uses once (``token_memo``): its key at the handshake,
and the user's token its joins carry.
"""

from __future__ import annotations

from typing import Any

from gfdesk.hub.gateway import TokenCache
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


def token_memo(keys: Keys) -> TokenCache:
    """The verified claims of the few tokens one socket uses (expiry checked on every
    use), so each is parsed once per socket, not once per join."""
    return TokenCache(keys, MEMO_SIZE)
