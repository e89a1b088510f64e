"""What Supabase's API gateway does in front of the services: CORS and the API key. Qt-free.

- CORS (DESIGN.md, last paragraph): a preflight ``OPTIONS`` from any origin is answered
  here with the headers the official clients send; every other response gets
  ``Access-Control-Allow-Origin`` and the exposed headers the clients read.
- API key (spec 1.2): every request carries the project key in the ``apikey`` header
  (any case) or query parameter; it must be a JWT of this hub with role ``anon`` or
  ``service_role``, else 401 with the gateway's JSON.
- ``rest_claims`` resolves the JWT a REST request runs as (spec 1.3, 7.4): the Bearer
  token, else the API key; invalid or expired tokens are PostgREST 401s.
- A request body must arrive within ``HubConfig.body_timeout_s`` (``body_in_time``;
  408 and the connection closed otherwise), so a half-sent request holds nothing for
  long. Its headers are bounded by the runner's keep-alive timer.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from gfdesk.hub.context import CONFIG
from gfdesk.hub.keys import InvalidToken, Keys, TokenError
from gfdesk.log import hub as log

ALLOWED_HEADERS = (
    "apikey, authorization, content-type, x-client-info, prefer, range, accept-profile, "
    "content-profile, x-supabase-api-version, x-retry-count, accept, accept-encoding, "
    "x-upsert, cache-control"
)
ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"
EXPOSED_HEADERS = (
    "Content-Range, Content-Location, Content-Profile, Preference-Applied, Range-Unit, "
    "X-Supabase-Api-Version, X-Total-Count, Location, WWW-Authenticate"
)
PREFLIGHT_MAX_AGE_S = "3600"
API_KEY_ROLES = frozenset({"anon", "service_role"})
NO_KEY_BODY = {"message": "No API key found in request"}
BAD_KEY_BODY = {
    "message": "Invalid API key",
    "hint": "Double check your Supabase `anon` or `service_role` API key.",
}
JSON_CONTENT_TYPE = "application/json; charset=utf-8"
#: Verified tokens remembered (a hub has few live tokens; each is re-used per request).
TOKEN_CACHE_SIZE = 4096

#: The API key's verified claims, stored on the request by the key middleware.
API_KEY_CLAIMS = web.RequestKey("gfdesk_api_key_claims", dict[str, Any])

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class TokenCache:
    """Verified JWT claims by token, so a token's signature is checked once, not per
    request; expiry is still checked on every use. Holds only tokens that verified."""

    def __init__(self, keys: Keys, size: int = TOKEN_CACHE_SIZE) -> None:
        self._keys = keys
        self._size = size
        self._claims: OrderedDict[str, dict[str, Any]] = OrderedDict()

    def __repr__(self) -> str:
        return f"TokenCache({len(self._claims)} tokens)"

    def decode(self, token: str) -> dict[str, Any]:
        """Like ``Keys.decode``.

        Raises:
            InvalidToken: as ``Keys.decode``.
        """
        claims = self._claims.get(token)
        if claims is None:
            claims = self._keys.decode(token)
            self._claims[token] = claims
            if len(self._claims) > self._size:
                self._claims.popitem(last=False)
        elif claims["exp"] <= time.time():
            del self._claims[token]
            return self._keys.decode(token)  # raises the precise expiry
        return dict(claims)


TOKENS = web.AppKey("tokens", TokenCache)


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> web.Response:
    """A JSON response with the charset PostgREST and the gateway declare."""
    return web.Response(status=status, body=json.dumps(body).encode(),
                        headers={"Content-Type": JSON_CONTENT_TYPE, **(headers or {})})


def api_key_of(request: web.Request) -> str | None:
    """The API key of a request: the ``apikey`` header (any case), else the query."""
    return request.headers.get("apikey") or request.query.get("apikey") or None


@web.middleware
async def cors_preflight(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Answer CORS preflights before the key check, as the gateway's CORS plugin does."""
    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
        return web.Response(status=200, headers={
            "Access-Control-Allow-Origin": "*",
            "Access-Control-Allow-Methods": ALLOWED_METHODS,
            "Access-Control-Allow-Headers": ALLOWED_HEADERS,
            "Access-Control-Max-Age": PREFLIGHT_MAX_AGE_S,
        })
    return await handler(request)


async def add_cors_headers(request: web.Request, response: web.StreamResponse) -> None:
    """``on_response_prepare`` hook: every response, errors and WebSockets included."""
    if "Access-Control-Allow-Origin" not in response.headers:
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS


#: Public bucket objects (``gfdesk.hub.storage``): no API key needed to read them.
PUBLIC_STORAGE_PREFIX = "/storage/v1/object/public/"
#: The call relay (``gfdesk.hub.callrelay``) takes the API key in its Socket.IO
#: handshake (``auth.token``): a browser cannot put a header on a WebSocket.
SOCKETIO_PREFIX = "/socket.io/"


@web.middleware
async def api_key_check(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Refuse requests without a valid project API key (spec 1.2); public storage
    objects are read without one, as on Supabase, and the call relay checks its own."""
    if request.method in ("GET", "HEAD") and request.path.startswith(PUBLIC_STORAGE_PREFIX):
        return await handler(request)
    if request.path.startswith(SOCKETIO_PREFIX):
        return await handler(request)
    key = api_key_of(request)
    if key is None:
        return json_response(401, NO_KEY_BODY)
    try:
        claims = request.config_dict[TOKENS].decode(key)
    except InvalidToken:
        return json_response(401, BAD_KEY_BODY)
    if claims.get("role") not in API_KEY_ROLES:
        return json_response(401, BAD_KEY_BODY)
    request[API_KEY_CLAIMS] = claims
    return await handler(request)


@web.middleware
async def body_in_time(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Read the whole body before the handler, within the body time limit.

    The handler's own ``request.read()`` then returns what was read here.
    """
    if request.body_exists:
        try:
            async with asyncio.timeout(request.config_dict[CONFIG].body_timeout_s):
                await request.read()
        except TimeoutError:
            log.info("hub: %s %s: body not sent in time; closing", request.method,
                     request.path)
            response = json_response(408, {"message": "Request body not received in time"})
            response.force_close()
            return response
        except ConnectionResetError:
            # The client went away mid-body: nothing to answer, nothing went wrong here.
            log.debug("hub: %s %s: client disconnected", request.method, request.path)
            return json_response(400, {"message": "Client disconnected"})
        except web.HTTPRequestEntityTooLarge:
            if request.path.startswith("/rest/"):
                body = {"code": "PGRST102", "details": None, "hint": None,
                        "message": "Request body too large"}
            else:
                body = {"message": "Request body too large"}
            response = json_response(413, body)
            response.force_close()
            return response
    return await handler(request)


def _pgrst_401(code: str, message: str, headers: dict[str, str] | None = None) -> web.HTTPException:
    body = json.dumps({"code": code, "details": None, "hint": None, "message": message})
    return web.HTTPUnauthorized(text=body, content_type="application/json",
                                headers=headers)


def rest_claims(request: web.Request) -> dict[str, Any]:
    """The JWT claims a REST request runs as: Bearer token, else the API key.

    Raises:
        web.HTTPUnauthorized: PGRST301 (invalid JWT) or PGRST303 (expired, with
            ``WWW-Authenticate``), as PostgREST answers.
    """
    auth = request.headers.get("Authorization", "")
    scheme, _, token = auth.partition(" ")
    if auth and (scheme.lower() != "bearer" or not token.strip()):
        raise _pgrst_401("PGRST301", "No suitable key or wrong key type")
    api_key = api_key_of(request) or ""
    token = token.strip() if auth else api_key
    key_claims = request.get(API_KEY_CLAIMS)
    if key_claims is not None and token == api_key:
        # No session, or the clients' habit of sending the API key as the Bearer token
        # too: the key middleware has verified this very token.
        return dict(key_claims)
    try:
        return request.config_dict[TOKENS].decode(token)
    except InvalidToken as exc:
        if exc.reason is TokenError.EXPIRED:
            raise _pgrst_401("PGRST303", "JWT expired", {
                "WWW-Authenticate":
                    'Bearer error="invalid_token", error_description="JWT expired"',
            }) from None
        parts = token.count(".") + 1
        if exc.reason is TokenError.MALFORMED and parts != 3:
            message = f"Expected 3 parts in JWT; got {parts}"
        elif exc.reason is TokenError.MISSING_CLAIMS:
            message = "JWT claims are missing role or exp"
        else:
            message = "No suitable key or wrong key type"
        raise _pgrst_401("PGRST301", message) from None
