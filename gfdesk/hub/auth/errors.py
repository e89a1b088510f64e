"""GoTrue's error answers: the exception handlers raise and how it goes on the wire. Qt-free.

A request that carries ``X-Supabase-Api-Version`` of 2024-01-01 or later gets
``{"code": "<error_code>", "message": ...}`` and the header echoed back; others get the
legacy ``{"code": <status>, "error_code": ..., "msg": ...}`` (spec 6.8). Both get
``x-sb-error-code``. OAuth-style errors (a refresh grant without a token) are
``{"error", "error_description"}``. The middleware turns anything unexpected into a
500 ``unexpected_failure`` without a traceback on the wire.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from aiohttp import web

from gfdesk.log import hub as log

API_VERSION_HEADER = "X-Supabase-Api-Version"
API_VERSION_2024_01_01 = "2024-01-01"
ERROR_CODE_HEADER = "x-sb-error-code"
_API_VERSION_2024 = dt.date(2024, 1, 1)


class AuthError(Exception):
    """An error answer with GoTrue's status, error code and message.

    Attributes:
        status: HTTP status.
        code: GoTrue error code (``invalid_credentials``, ...).
        message: Human-readable text, as GoTrue words it.
        extra: Additional top-level keys (``weak_password``).
    """

    def __init__(self, status: int, code: str, message: str,
                 extra: Mapping[str, Any] | None = None,
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.extra = dict(extra or {})
        #: Response headers beyond the error code's (``Retry-After``).
        self.headers = dict(headers or {})


class OAuthError(Exception):
    """An OAuth-style 400 answer (``{"error", "error_description"}``)."""

    def __init__(self, error: str, description: str) -> None:
        super().__init__(f"{error}: {description}")
        self.error = error
        self.description = description


def validation_failed(message: str) -> AuthError:
    return AuthError(400, "validation_failed", message)


def bad_json(message: str) -> AuthError:
    return AuthError(400, "bad_json", message)


def bad_jwt(detail: str) -> AuthError:
    return AuthError(403, "bad_jwt", detail)


def invalid_credentials() -> AuthError:
    return AuthError(400, "invalid_credentials", "Invalid login credentials")


def weak_password(reasons: list[str], min_length: int) -> AuthError:
    return AuthError(422, "weak_password",
                     f"Password should be at least {min_length} characters.",
                     {"weak_password": {"reasons": reasons}})


def wants_2024_format(request: web.Request) -> bool:
    """Whether the request asked for the 2024-01-01 error format."""
    raw = request.headers.get(API_VERSION_HEADER, "")
    try:
        return dt.date.fromisoformat(raw.strip()) >= _API_VERSION_2024
    except ValueError:
        return False


def error_response(request: web.Request, error: AuthError) -> web.Response:
    """``error`` in the format the request asked for (spec 6.8)."""
    headers = {**error.headers, ERROR_CODE_HEADER: error.code}
    if wants_2024_format(request):
        headers[API_VERSION_HEADER] = API_VERSION_2024_01_01
        body: dict[str, Any] = {"code": error.code, "message": error.message}
    else:
        body = {"code": error.status, "error_code": error.code, "msg": error.message}
    body.update(error.extra)
    return web.json_response(body, status=error.status, headers=headers)


def oauth_error_response(error: OAuthError) -> web.Response:
    return web.json_response(
        {"error": error.error, "error_description": error.description}, status=400
    )


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Render ``AuthError``/``OAuthError`` and unknown routes the GoTrue way; hide crashes."""
    try:
        return await handler(request)
    except AuthError as error:
        return error_response(request, error)
    except OAuthError as error:
        return oauth_error_response(error)
    except web.HTTPNotFound:
        return error_response(request, AuthError(404, "not_found", "Not found"))
    except web.HTTPMethodNotAllowed as exc:
        response = error_response(
            request, AuthError(405, "method_not_allowed", "Method not allowed")
        )
        response.headers["Allow"] = exc.headers.get("Allow", "")
        return response
    except web.HTTPException:
        raise
    except Exception:
        # The method and path only: bodies and headers may hold passwords and tokens.
        log.exception("auth: %s %s failed", request.method, request.path)
        return error_response(
            request,
            AuthError(500, "unexpected_failure",
                      "Unexpected failure, please check server logs for more information"),
        )
