"""Every auth error path: status, GoTrue code and message, and the wire format (spec 6.8)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from supabase_auth.errors import AuthApiError, AuthWeakPasswordError

from gfdesk.hub.context import KEYS, ON_USER_CREATED, NewUser
from gfdesk.hub.keys import sign
from gfdesk.hub.runner import RunningHub
from gfdesk.hub.store import Transaction
from tests.helpers.hubfixture import DEFAULT_PASSWORD, anon_client, user_client
from tests.helpers.logfail import ExpectedLogs
from tests.integration.hub.authraw import auth_request

GOLDEN = json.loads(
    (Path(__file__).parents[2] / "data" / "gotrue_shapes.json").read_text(encoding="utf-8")
)


def keys_of(value: Any) -> Any:
    """The nested key structure of a JSON value (lists by their first element)."""
    if isinstance(value, dict):
        return {key: keys_of(item) for key, item in value.items()}
    if isinstance(value, list):
        return [keys_of(value[0])] if value else []
    return None


async def sign_up_error(hub: RunningHub, email: str, password: str) -> AuthApiError:
    client = await anon_client(hub)
    with pytest.raises(AuthApiError) as caught:
        await client.auth.sign_up({"email": email, "password": password})
    return caught.value


async def test_signing_up_twice_is_user_already_exists(hub: RunningHub) -> None:
    await user_client(hub, "ann@example.com")
    error = await sign_up_error(hub, "ANN@example.com", DEFAULT_PASSWORD)
    assert (error.status, error.code, error.message) == (
        422, "user_already_exists", "User already registered",
    )


async def test_a_short_password_is_weak_password_with_reasons(hub: RunningHub) -> None:
    client = await anon_client(hub)
    with pytest.raises(AuthWeakPasswordError) as caught:
        await client.auth.sign_up({"email": "bob@example.com", "password": "12345"})
    assert (caught.value.status, caught.value.code, caught.value.reasons) == (
        422, "weak_password", ["length"],
    )
    assert caught.value.message == "Password should be at least 6 characters."
    raw = await auth_request(hub, "POST", "signup",
                             json={"email": "bob@example.com", "password": "12345"})
    assert raw.body == {"code": "weak_password",
                        "message": "Password should be at least 6 characters.",
                        "weak_password": {"reasons": ["length"]}}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"email": "not-an-email", "password": DEFAULT_PASSWORD},
         "Unable to validate email address: invalid format"),
        ({"email": "cat@example.com", "password": ""}, "Signup requires a valid password"),
        ({"email": "cat@example.com"}, "Signup requires a valid password"),
        ({"password": DEFAULT_PASSWORD}, "To signup, please provide your email"),
    ],
)
async def test_bad_sign_up_input_is_validation_failed(hub: RunningHub, body: dict[str, Any],
                                                      message: str) -> None:
    raw = await auth_request(hub, "POST", "signup", json=body)
    assert (raw.status, raw.body) == (400, {"code": "validation_failed", "message": message})
    assert hub.store.query("SELECT count(*) FROM auth_users")[0][0] == 0


async def test_anonymous_sign_ins_are_disabled(hub: RunningHub) -> None:
    client = await anon_client(hub)
    with pytest.raises(AuthApiError) as caught:
        await client.auth.sign_in_anonymously()
    assert (caught.value.status, caught.value.code) == (422, "anonymous_provider_disabled")


async def test_a_bad_email_through_the_client(hub: RunningHub) -> None:
    error = await sign_up_error(hub, "nope@", DEFAULT_PASSWORD)
    assert (error.status, error.code) == (400, "validation_failed")


async def test_a_body_that_is_not_a_json_object_is_bad_json(hub: RunningHub) -> None:
    raw = await auth_request(hub, "POST", "signup", json=["a@b.co"])
    assert (raw.status, raw.body["code"]) == (400, "bad_json")


@pytest.mark.parametrize("email", ["dan@example.com", "nobody@example.com"])
async def test_wrong_password_or_unknown_email_is_invalid_credentials(
    hub: RunningHub, email: str
) -> None:
    await user_client(hub, "dan@example.com")
    client = await anon_client(hub)
    with pytest.raises(AuthApiError) as caught:
        await client.auth.sign_in_with_password({"email": email, "password": "wrong-password"})
    assert (caught.value.status, caught.value.code, caught.value.message) == (
        400, "invalid_credentials", "Invalid login credentials",
    )


async def test_password_grant_without_email_or_phone(hub: RunningHub) -> None:
    raw = await auth_request(hub, "POST", "token?grant_type=password",
                             json={"password": DEFAULT_PASSWORD})
    assert (raw.status, raw.body) == (
        400, {"code": "validation_failed", "message": "missing email or phone"},
    )


@pytest.mark.parametrize("grant", ["token?grant_type=magic", "token"])
async def test_an_unsupported_grant_type(hub: RunningHub, grant: str) -> None:
    raw = await auth_request(hub, "POST", grant, json={})
    assert (raw.status, raw.body) == (
        400, {"code": "invalid_credentials", "message": "unsupported_grant_type"},
    )


async def test_refresh_errors(hub: RunningHub) -> None:
    client = await anon_client(hub)
    with pytest.raises(AuthApiError) as unknown:
        await client.auth.refresh_session("never-issued-token")
    assert (unknown.value.status, unknown.value.code, unknown.value.message) == (
        400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found",
    )
    missing = await auth_request(hub, "POST", "token?grant_type=refresh_token", json={})
    assert (missing.status, missing.body) == (400, GOLDEN["oauth_error"])


async def test_user_without_bearer_is_no_authorization(hub: RunningHub) -> None:
    raw = await auth_request(hub, "GET", "user")
    assert (raw.status, raw.body) == (
        401, {"code": "no_authorization",
              "message": "This endpoint requires a valid Bearer token"},
    )


@pytest.mark.parametrize(
    ("token_kind", "message_part"),
    [
        ("anon", "invalid claim: missing sub claim"),
        ("garbage", "invalid JWT: unable to parse or verify signature"),
        ("foreign", "signature is invalid"),
    ],
)
async def test_unusable_tokens_are_bad_jwt(hub: RunningHub, token_kind: str,
                                           message_part: str) -> None:
    tokens = {
        "anon": hub.anon_key,
        "garbage": "not.a.jwt",
        "foreign": sign("some-other-secret-of-at-least-32-chars!",
                        {"sub": str(uuid.uuid4()), "role": "authenticated", "exp": 2**31}),
    }
    client = await anon_client(hub)
    with pytest.raises(AuthApiError) as caught:
        await client.auth.get_user(tokens[token_kind])
    assert (caught.value.status, caught.value.code) == (403, "bad_jwt")
    assert message_part in caught.value.message


async def test_a_token_for_a_user_that_does_not_exist(hub: RunningHub) -> None:
    token = sign(hub.app[KEYS].secret, {"sub": str(uuid.uuid4()), "role": "authenticated",
                                        "exp": 2**31, "aud": "authenticated"})
    client = await anon_client(hub)
    with pytest.raises(AuthApiError) as caught:
        await client.auth.get_user(token)
    assert (caught.value.status, caught.value.code, caught.value.message) == (
        403, "user_not_found", "User from sub claim in JWT does not exist",
    )


async def test_an_invalid_logout_scope_is_validation_failed(hub: RunningHub) -> None:
    client = await user_client(hub, "eve@example.com")
    session = await client.auth.get_session()
    assert session is not None
    raw = await auth_request(hub, "POST", "logout?scope=everywhere",
                             headers={"Authorization": f"Bearer {session.access_token}"})
    assert (raw.status, raw.body["code"]) == (400, "validation_failed")
    assert await client.auth.get_user(session.access_token) is not None


async def test_signup_and_token_ignore_the_authorization_header(hub: RunningHub) -> None:
    """Python sends its old (maybe expired) access token on /token and /signup (spec 6.1)."""
    expired = sign(hub.app[KEYS].secret, {"sub": str(uuid.uuid4()), "role": "authenticated",
                                          "exp": 1})
    stale = {"Authorization": f"Bearer {expired}"}
    signup = await auth_request(hub, "POST", "signup", headers=stale,
                                json={"email": "fay@example.com", "password": DEFAULT_PASSWORD})
    assert signup.status == 200
    token = await auth_request(hub, "POST", "token?grant_type=password", headers=stale,
                               json={"email": "fay@example.com", "password": DEFAULT_PASSWORD})
    assert token.status == 200
    refresh = await auth_request(hub, "POST", "token?grant_type=refresh_token", headers=stale,
                                 json={"refresh_token": token.body["refresh_token"]})
    assert refresh.status == 200


async def test_error_format_follows_the_api_version_header(hub: RunningHub) -> None:
    body = {"email": "nobody@example.com", "password": "wrong-password"}
    current = await auth_request(hub, "POST", "token?grant_type=password", json=body)
    assert current.status == 400
    assert current.headers["X-Supabase-Api-Version"] == "2024-01-01"
    assert current.headers["x-sb-error-code"] == "invalid_credentials"
    assert current.body == GOLDEN["error_2024"]

    legacy = await auth_request(hub, "POST", "token?grant_type=password", json=body,
                                api_version=False)
    assert legacy.status == 400
    assert "X-Supabase-Api-Version" not in legacy.headers
    assert legacy.headers["x-sb-error-code"] == "invalid_credentials"
    assert legacy.body == GOLDEN["error_legacy"]


async def test_golden_shapes_of_session_user_and_claims(hub: RunningHub) -> None:
    """Key sets pinned to spec 6.7 and 6.9 (the user's own metadata keys aside)."""
    raw = await auth_request(hub, "POST", "signup", json={
        "email": "gil@example.com", "password": DEFAULT_PASSWORD, "data": {"nick": "al"},
    })
    assert raw.status == 200
    session = raw.body
    assert keys_of({**session, "user": {}}) == keys_of(GOLDEN["session"])
    assert keys_of(session["user"]) == keys_of(GOLDEN["user"])
    assert session["user"]["created_at"].endswith("Z")
    assert len(session["user"]["created_at"]) == len("2024-05-01T10:00:00.123456Z")
    claims = hub.app[KEYS].decode(session["access_token"])
    assert keys_of({**claims, "user_metadata": {}}) == keys_of(GOLDEN["claims"])
    user = await auth_request(hub, "GET", "user",
                              headers={"Authorization": f"Bearer {session['access_token']}"})
    assert keys_of(user.body) == keys_of(GOLDEN["user"])


@pytest.mark.parametrize(
    ("version", "current_format"),
    [("2024-01-01", True), ("2025-06-30", True), ("2023-12-31", False), ("someday", False)],
)
async def test_the_api_version_header_picks_the_format(hub: RunningHub, version: str,
                                                       current_format: bool) -> None:
    raw = await auth_request(hub, "GET", "user", api_version=False,
                             headers={"X-Supabase-Api-Version": version})
    assert raw.status == 401
    if current_format:
        assert raw.body["code"] == "no_authorization"
        assert raw.headers["X-Supabase-Api-Version"] == "2024-01-01"
    else:
        assert (raw.body["code"], raw.body["error_code"]) == (401, "no_authorization")
        assert "X-Supabase-Api-Version" not in raw.headers


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [("GET", "nope", 404, "not_found"), ("DELETE", "user", 405, "method_not_allowed")],
)
async def test_unknown_routes_answer_in_gotrue_format(hub: RunningHub, method: str, path: str,
                                                      status: int, code: str) -> None:
    raw = await auth_request(hub, method, path)
    assert (raw.status, raw.body["code"]) == (status, code)


async def test_a_failing_profile_hook_rolls_the_sign_up_back(
    hub: RunningHub, expected_logs: ExpectedLogs
) -> None:
    expected_logs.allow("gfdesk.hub", "sign-up rolled back")

    def refuse(tx: Transaction, user: NewUser) -> None:
        raise RuntimeError("profile service is down")

    hub.app[ON_USER_CREATED].append(refuse)
    error = await sign_up_error(hub, "ivy@example.com", DEFAULT_PASSWORD)
    assert (error.status, error.code, error.message) == (
        500, "unexpected_failure", "Database error saving new user",
    )
    assert hub.store.query("SELECT count(*) FROM auth_users")[0][0] == 0
    assert hub.store.query("SELECT count(*) FROM profiles")[0][0] == 0
    hub.app[ON_USER_CREATED].remove(refuse)
    assert (await (await anon_client(hub)).auth.sign_up(
        {"email": "ivy@example.com", "password": DEFAULT_PASSWORD})).session is not None


async def test_user_metadata_is_capped(hub: RunningHub) -> None:
    # Issue 13, finding 5: 3 MB of metadata made 4 MB tokens, carried by every request.
    big = {"bio": "x" * 5000}
    raw = await auth_request(hub, "POST", "signup", json={
        "email": "big@example.com", "password": DEFAULT_PASSWORD, "data": big})
    assert raw.status == 400 and raw.body["code"] == "validation_failed"
    assert raw.body["message"].startswith("User metadata is too large")
    assert hub.store.query("SELECT count(*) FROM auth_users")[0][0] == 0
    client = await user_client(hub, "small@example.com", username="small")
    with pytest.raises(AuthApiError) as err:
        await client.auth.update_user({"data": big})
    assert err.value.code == "validation_failed"
    await client.auth.update_user({"data": {"bio": "x" * 1000}})
