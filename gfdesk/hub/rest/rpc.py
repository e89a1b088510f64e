"""PostgREST's function calls, ``POST /rest/v1/rpc/{name}`` with named arguments. Qt-free.

Only the functions of ``gfdesk.hub.functions`` exist, each ``volatile`` as the
migrations declare them: they are called with POST and a JSON object of exactly their
argument names (PostgREST finds a function by name and argument names, else 404
PGRST202). Only signed-in users may execute them (``grant execute ... to
authenticated``): the anon role gets PostgreSQL's 42501. The result is the function's
value as JSON; a ``FunctionError`` becomes the PostgreSQL error PostgREST forwards.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from aiohttp import web

from gfdesk.hub import policies
from gfdesk.hub.context import STORE
from gfdesk.hub.functions import FUNCTIONS, FunctionError
from gfdesk.hub.gateway import JSON_CONTENT_TYPE, rest_claims
from gfdesk.hub.rest.errors import RestError

log = logging.getLogger("gfdesk.hub")

#: PostgREST's HTTP status for a SQLSTATE a function raises (class 42 for 42501 below).
_STATUS = {"22023": 400, "22P02": 400, "P0001": 400}


def _error(error: RestError) -> web.Response:
    return web.Response(status=error.status, headers={"Content-Type": JSON_CONTENT_TYPE},
                        body=json.dumps(error.body()).encode())


def _not_found(name: str, args: list[str]) -> RestError:
    listed = ", ".join(sorted(args))
    return RestError(404, "PGRST202",
                     f"Could not find the function public.{name}({listed}) in the schema cache",
                     f"Searched for the function public.{name} with parameters {listed} or"
                     " with a single unnamed json/jsonb parameter, but no matches were found"
                     " in the schema cache.")


def _denied(claims: dict[str, Any], message: str) -> RestError:
    anon = policies.role_of(claims) == policies.ANON
    return RestError(401 if anon else 403, "42501", message)


async def handle_rpc(request: web.Request) -> web.StreamResponse:
    """``/rest/v1/rpc/{function}``."""
    name = request.match_info["function"]
    try:
        claims = rest_claims(request)
        if request.method not in ("POST",):
            raise RestError(405, "PGRST101",
                            "Cannot use the GET method on RPC to call a volatile function")
        try:
            raw = await request.read()
            args = json.loads(raw or b"{}")
        except web.HTTPRequestEntityTooLarge:
            raise RestError(413, "PGRST102", "Request body too large") from None
        except ValueError:
            raise RestError.invalid_body() from None
        if not isinstance(args, dict):
            raise RestError.invalid_body()
        function = FUNCTIONS.get(name)
        if function is None or set(args) != set(function.params):
            raise _not_found(name, list(args))
        role = policies.role_of(claims)
        if role not in (policies.AUTHENTICATED, policies.SERVICE_ROLE):
            raise _denied(claims, f"permission denied for function {name}")
        sub = claims.get("sub")
        me = sub if role == policies.AUTHENTICATED and isinstance(sub, str) and sub else None
        try:
            with request.config_dict[STORE].transaction() as tx:
                result = function.run(tx, me, args)
        except FunctionError as exc:
            if exc.code == "42501":
                raise _denied(claims, exc.message) from None
            raise RestError(_STATUS.get(exc.code, 400), exc.code, exc.message) from None
        return web.Response(status=200, headers={"Content-Type": JSON_CONTENT_TYPE},
                            body=json.dumps(result).encode())
    except RestError as exc:
        return _error(exc)
    except web.HTTPException:
        raise
    except Exception:
        log.exception("hub rest: rpc %s failed", name)
        return _error(RestError(500, "XX000", "internal server error"))
