"""The GoTrue endpoints the official clients use: sign-up, the password and refresh
grants, the user, logout, settings and health (spec 6). Qt-free.

``/signup`` and ``/token`` never look at ``Authorization``: after a sign-in the Python
client sends its (possibly expired) access token there on every auth call (spec 6.1),
and the gateway has already checked the API key. Password work runs in a thread
executor; writes run on the store's writer thread (``store.write``), small reads on the
loop's reader connection.
"""

from __future__ import annotations

import json
import math
from typing import Any

from aiohttp import web

from gfdesk import __version__
from gfdesk.hub.auth import clock, passwords
from gfdesk.hub.auth.bearer import authenticate
from gfdesk.hub.auth.errors import (
    AuthError,
    OAuthError,
    bad_json,
    invalid_credentials,
    validation_failed,
    weak_password,
)
from gfdesk.hub.auth.keylocks import KeyedLocks
from gfdesk.hub.auth.sessions import (
    LogoutScope,
    Rotation,
    SessionRecord,
    log_out,
    open_session,
    rotate,
)
from gfdesk.hub.auth.throttle import SignInGuard
from gfdesk.hub.auth.tokens import access_token_claims, session_body
from gfdesk.hub.auth.users import (
    UserExists,
    UserRecord,
    insert_user,
    load_user,
    normalize_email,
    record_sign_in,
    update_user,
)
from gfdesk.hub.auth.validation import validate_email, validate_user_metadata
from gfdesk.hub.context import CONFIG, KEYS, ON_USER_CREATED, STORE, NewUser
from gfdesk.hub.keys import sign
from gfdesk.hub.store import Transaction
from gfdesk.log import hub as log

THROTTLE = web.AppKey("auth_throttle", SignInGuard)
SIGN_IN_LOCKS = web.AppKey("auth_sign_in_locks", KeyedLocks)
AMR_PASSWORD = "password"
GOTRUE_NAME = "GoTrue"
GOTRUE_DESCRIPTION = "GoTrue is a user registration and authentication API"


async def signup(request: web.Request) -> web.Response:
    """``POST /signup``: create a confirmed user and sign it in (autoconfirm)."""
    body = await _json_object(request)
    email, phone = _text(body, "email"), _text(body, "phone")
    password = _text(body, "password")
    data = body.get("data") or {}
    if not isinstance(data, dict):
        raise bad_json("data must be a JSON object")
    validate_user_metadata(data)
    if not email and not phone:
        if not password:
            raise AuthError(422, "anonymous_provider_disabled", "Anonymous sign-ins are disabled")
        raise validation_failed("To signup, please provide your email")
    if not password:
        raise validation_failed("Signup requires a valid password")
    if reasons := passwords.weak_password_reasons(password):
        raise weak_password(list(reasons), passwords.MIN_PASSWORD_LENGTH)
    if email and phone:
        raise validation_failed(
            "Only an email address or phone number should be provided on signup."
        )
    if not email:
        raise AuthError(400, "phone_provider_disabled", "Phone signups are disabled")
    address = validate_email(email)
    store = request.config_dict[STORE]
    if load_user(store.reader, email=address) is not None:
        raise _user_exists()
    hooks = request.config_dict[ON_USER_CREATED]
    password_hash = await passwords.hash_in_executor(password)
    moment = clock.now()

    def create(tx: Transaction) -> tuple[NewUser, SessionRecord, str]:
        new_user = insert_user(tx, address, password_hash, data, hooks)
        record_sign_in(tx, new_user.id, moment)
        return (new_user, *open_session(tx, new_user.id, AMR_PASSWORD, moment))

    try:
        new_user, session, refresh_token = await store.write(create)
    except UserExists:
        raise _user_exists() from None
    except Exception:
        # A failing ON_USER_CREATED hook rolls the user back, as a failing trigger does.
        log.exception("auth: sign-up rolled back")
        raise AuthError(500, "unexpected_failure", "Database error saving new user") from None
    # Failed sign-ins before the account existed were not guesses at its password.
    request.config_dict[THROTTLE].succeeded(client_address(request), address)
    log.info("auth: user %s signed up", new_user.id)
    return _session_response(request, session, refresh_token, moment)


async def token(request: web.Request) -> web.Response:
    """``POST /token?grant_type=password|refresh_token``."""
    grant_type = request.query.get("grant_type", "")
    if grant_type == "password":
        return await _password_grant(request)
    if grant_type == "refresh_token":
        return await _refresh_grant(request)
    raise AuthError(400, "invalid_credentials", "unsupported_grant_type")


async def _password_grant(request: web.Request) -> web.Response:
    body = await _json_object(request)
    email, phone = _text(body, "email"), _text(body, "phone")
    password = _text(body, "password")
    if not email and not phone:
        raise validation_failed("missing email or phone")
    # Phone accounts do not exist here; such sign-ins fail like a wrong password.
    account = normalize_email(email) if email else "phone:" + phone.strip()
    client = client_address(request)
    throttle = request.config_dict[THROTTLE]
    store = request.config_dict[STORE]
    async with request.config_dict[SIGN_IN_LOCKS].hold(f"{client} {account}"):
        wait = throttle.retry_after(client, account, clock.now())
        if wait > 0:
            log.info("auth: sign-in refused, too many recent failures from one client")
            raise AuthError(429, "over_request_rate_limit", "Request rate limit reached",
                            headers={"Retry-After": str(math.ceil(wait))})
        user = load_user(store.reader, email=email) if email else None
        verified = await passwords.verify_in_executor(
            user.password_hash if user else None, password
        )
        if user is None or not verified:
            throttle.record_failure(client, account, clock.now())
            raise invalid_credentials()
        throttle.succeeded(client, account)
    new_hash = None
    if passwords.needs_rehash(user.password_hash):
        new_hash = await passwords.hash_in_executor(password)
    moment = clock.now()

    def sign_in(tx: Transaction) -> tuple[SessionRecord, str]:
        if load_user(tx.conn, user_id=user.id) is None:
            raise invalid_credentials()
        if new_hash is not None:
            update_user(tx, user.id, password_hash=new_hash)
        record_sign_in(tx, user.id, moment)
        return open_session(tx, user.id, AMR_PASSWORD, moment)

    session, refresh_token = await store.write(sign_in)
    return _session_response(request, session, refresh_token, moment)


async def _refresh_grant(request: web.Request) -> web.Response:
    body = await _json_object(request)
    presented = _text(body, "refresh_token")
    if not presented:
        raise OAuthError("invalid_request", "refresh_token required")
    moment = clock.now()
    result = await request.config_dict[STORE].write(lambda tx: rotate(tx, presented, moment))
    if result.outcome is Rotation.NOT_FOUND:
        raise AuthError(400, "refresh_token_not_found",
                        "Invalid Refresh Token: Refresh Token Not Found")
    if result.outcome is Rotation.REUSED:
        # A copy of a consumed token was presented: possibly a stolen one.
        log.warning("auth: refresh token reuse; session %s revoked", result.session_id)
        raise AuthError(400, "refresh_token_already_used", "Invalid Refresh Token: Already Used")
    if result.session is None or result.refresh_token is None:
        raise AuthError(400, "session_not_found", "Invalid Refresh Token: No Valid Session Found")
    return _session_response(request, result.session, result.refresh_token, moment)


async def get_user(request: web.Request) -> web.Response:
    """``GET /user``: the caller's user object."""
    return web.json_response(authenticate(request).user.to_json())


async def put_user(request: web.Request) -> web.Response:
    """``PUT /user``: change ``user_metadata`` (``data``) and/or the password."""
    caller = authenticate(request)
    body = await _json_object(request)
    data = body.get("data")
    if data is not None and not isinstance(data, dict):
        raise bad_json("data must be a JSON object")
    email, phone = _text(body, "email"), _text(body, "phone")
    if email and normalize_email(email) != caller.user.email:
        raise validation_failed("Changing the email address is not supported")
    if phone:
        raise AuthError(400, "phone_provider_disabled", "Phone logins are disabled")
    new_hash = None
    if "password" in body and body["password"] is not None:
        password = _text(body, "password")
        if not password or passwords.weak_password_reasons(password):
            raise weak_password(["length"], passwords.MIN_PASSWORD_LENGTH)
        if await passwords.verify_in_executor(caller.user.password_hash, password):
            raise AuthError(422, "same_password",
                            "New password should be different from the old password.")
        new_hash = await passwords.hash_in_executor(password)
    if data is not None:
        merged = {**caller.user.user_metadata, **data}
        validate_user_metadata({k: v for k, v in merged.items() if v is not None})

    def update(tx: Transaction) -> UserRecord | None:
        update_user(tx, caller.user.id, data=data, password_hash=new_hash)
        if new_hash is not None:
            # As GoTrue does: a new password signs out every other session, which may be
            # the one that learned the old password.
            log_out(tx, caller.user.id, caller.session_id, LogoutScope.OTHERS)
        return load_user(tx.conn, user_id=caller.user.id)

    user = await request.config_dict[STORE].write(update)
    if user is None:
        raise AuthError(403, "user_not_found", "User from sub claim in JWT does not exist")
    return web.json_response(user.to_json())


async def logout(request: web.Request) -> web.Response:
    """``POST /logout?scope=global|local|others``: end sessions, answer 204."""
    caller = authenticate(request)
    raw_scope = request.query.get("scope", "") or LogoutScope.GLOBAL.value
    try:
        scope = LogoutScope(raw_scope)
    except ValueError:
        raise validation_failed(f'Unsupported logout scope "{raw_scope}"') from None
    ended = await request.config_dict[STORE].write(
        lambda tx: log_out(tx, caller.user.id, caller.session_id, scope))
    log.info("auth: user %s logged out (%s, %d sessions)", caller.user.id, scope.value, ended)
    return web.Response(status=204)


async def settings(request: web.Request) -> web.Response:
    """``GET /settings``: what this auth server offers (email sign-up, autoconfirmed)."""
    return web.json_response({
        "external": {"anonymous_users": False, "email": True, "phone": False},
        "disable_signup": False,
        "mailer_autoconfirm": True,
        "phone_autoconfirm": False,
        "sms_provider": "",
        "saml_enabled": False,
    })


async def health(request: web.Request) -> web.Response:
    """``GET /health``: GoTrue's liveness answer."""
    return web.json_response(
        {"version": __version__, "name": GOTRUE_NAME, "description": GOTRUE_DESCRIPTION}
    )


def _session_response(request: web.Request, session: SessionRecord, refresh_token: str,
                      moment: float) -> web.Response:
    user = load_user(request.config_dict[STORE].reader, user_id=session.user_id)
    if user is None:
        raise invalid_credentials()
    return web.json_response(_session_json(request, user, session, refresh_token, moment))


def _session_json(request: web.Request, user: UserRecord, session: SessionRecord,
                  refresh_token: str, moment: float) -> dict[str, Any]:
    config = request.config_dict[CONFIG]
    claims = access_token_claims(
        user.grant(session.id, session.amr_method, session.amr_at),
        issuer=config.issuer, issued_at=moment, ttl_s=config.access_token_ttl_s,
    )
    access_token = sign(request.config_dict[KEYS].secret, claims)
    return session_body(access_token, refresh_token, claims, user.to_json())


async def _json_object(request: web.Request) -> dict[str, Any]:
    raw = await request.read()
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise bad_json(f"Could not parse request body as JSON: {exc.__class__.__name__}") from None
    if not isinstance(body, dict):
        raise bad_json("Could not parse request body as JSON: expected an object")
    return body


def client_address(request: web.Request) -> str:
    """The address sign-ins are counted under: the peer of the connection (a proxy in
    front of the hub makes every player one client, so put none in front of a LAN hub)."""
    return request.remote or "unknown"


def _text(body: dict[str, Any], name: str) -> str:
    value = body.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise bad_json(f"Could not read {name}: expected a string")
    return value


def _user_exists() -> AuthError:
    return AuthError(422, "user_already_exists", "User already registered")
