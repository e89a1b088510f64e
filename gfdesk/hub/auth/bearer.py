"""Who is calling: the bearer access token of ``/user`` and ``/logout`` checked the GoTrue
way (spec 6.5). Qt-free.

Order and wording follow GoTrue: no bearer -> 401 ``no_authorization``; a token that
does not verify (signature, expiry, shape) -> 403 ``bad_jwt``; no ``sub`` (the anon or
service key) -> 403 ``bad_jwt`` "invalid claim: missing sub claim"; an unknown user ->
403 ``user_not_found``; a ``session_id`` that was logged out or revoked -> 403
``session_not_found``.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from aiohttp import web

from gfdesk.hub.auth import clock
from gfdesk.hub.auth.errors import AuthError, bad_jwt
from gfdesk.hub.auth.sessions import session_alive
from gfdesk.hub.auth.users import UserRecord, load_user
from gfdesk.hub.context import KEYS, STORE
from gfdesk.hub.keys import InvalidToken, TokenError

_BEARER = re.compile(r"^\s*bearer\s+(\S+)\s*$", re.IGNORECASE)
_UNVERIFIED = "invalid JWT: unable to parse or verify signature, "
_TOKEN_ERROR_TEXT = {
    TokenError.MALFORMED: "token is malformed: could not parse the token",
    TokenError.BAD_SIGNATURE: "token signature is invalid: signature is invalid",
    TokenError.EXPIRED: "token has invalid claims: token is expired",
    TokenError.MISSING_CLAIMS: "token has invalid claims: missing role or exp claim",
}


@dataclass(frozen=True)
class Caller:
    """The signed-in user behind a request and the session its token belongs to."""

    user: UserRecord
    session_id: str | None


def authenticate(request: web.Request) -> Caller:
    """Check the request's bearer access token.

    Raises:
        AuthError: as listed in the module docstring.
    """
    match = _BEARER.match(request.headers.get("Authorization", ""))
    if match is None:
        raise AuthError(401, "no_authorization", "This endpoint requires a valid Bearer token")
    try:
        claims = request.config_dict[KEYS].decode(match.group(1), now=clock.now())
    except InvalidToken as exc:
        raise bad_jwt(_UNVERIFIED + _TOKEN_ERROR_TEXT[exc.reason]) from None
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject:
        raise bad_jwt("invalid claim: missing sub claim")
    if not _is_uuid(subject):
        raise bad_jwt("invalid claim: sub claim must be a UUID")
    conn = request.config_dict[STORE].reader
    user = load_user(conn, user_id=subject)
    if user is None:
        raise AuthError(403, "user_not_found", "User from sub claim in JWT does not exist")
    session_id = claims.get("session_id")
    if session_id is not None and not isinstance(session_id, str):
        raise bad_jwt("invalid claim: session_id claim must be a UUID")
    if session_id and not session_alive(conn, session_id, user.id):
        raise AuthError(403, "session_not_found",
                        "Session from session_id claim in JWT does not exist")
    return Caller(user=user, session_id=session_id or None)


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True
