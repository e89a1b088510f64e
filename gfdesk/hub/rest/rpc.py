"""PostgREST's function endpoint, ``POST /rest/v1/rpc/{function}`` (spec 7). Qt-free.

The body is a JSON object of named arguments; the function (``gfdesk.hub.functions``)
runs on the store's writer under the statement time limit, and its result is the
response body as JSON. As PostgREST answers: an unknown function or argument set is a
404 PGRST202; the anon role may execute none of them (42501, 401); a function's own
error is its SQLSTATE with the status PostgREST gives it.
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from gfdesk.hub import policies
from gfdesk.hub.context import CONFIG, STORE
from gfdesk.hub.functions import FUNCTIONS, FunctionError
from gfdesk.hub.gateway import JSON_CONTENT_TYPE, rest_claims
from gfdesk.hub.rest.errors import RestError
from gfdesk.hub.rest.grammar import parse_json
from gfdesk.hub.store import Transaction
from gfdesk.hub.timelimit import StatementTimeout

#: HTTP status of a function's error by SQLSTATE (PostgREST's table; others are 400).
STATUS_BY_CODE = {"42501": 403, "23503": 409, "23505": 409}


def _not_found(name: str, args: list[str]) -> RestError:
    listed = f"({', '.join(sorted(args))})" if args else " without parameters"
    return RestError(404, "PGRST202",
                     f"Could not find the function public.{name}{listed} in the schema cache")


def _error_response(error: RestError) -> web.Response:
    return web.Response(status=error.status, body=json.dumps(error.body()).encode(),
                        headers={"Content-Type": JSON_CONTENT_TYPE})


async def handle_rpc(request: web.Request) -> web.StreamResponse:
    """Call one function of the public schema."""
    name = request.match_info["function"]
    try:
        claims = rest_claims(request)
        function = FUNCTIONS.get(name)
        if request.method != "POST":
            raise RestError.unsupported_method(request.method)
        raw = await request.read()
        args = parse_json(raw) if raw.strip() else {}
        if not isinstance(args, dict):
            raise RestError.invalid_body()
        if function is None or set(args) - set(function.params) \
                or function.required - set(args):
            raise _not_found(name, list(args))
        anon = policies.role_of(claims) == policies.ANON
        if anon:
            raise RestError(401, "42501", f"permission denied for function {name}")

        def run(tx: Transaction) -> Any:
            return function.run(tx, claims, args)

        try:
            result = await request.config_dict[STORE].write(
                run, time_limit=request.config_dict[CONFIG].statement_timeout_s)
        except FunctionError as exc:
            raise RestError(STATUS_BY_CODE.get(exc.code, 400), exc.code, exc.message) from None
    except StatementTimeout:
        return _error_response(RestError.statement_timeout())
    except RestError as exc:
        return _error_response(exc)
    return web.Response(status=200, body=json.dumps(result).encode(),
                        headers={"Content-Type": JSON_CONTENT_TYPE})
