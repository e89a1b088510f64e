"""The gateway in front of the hub: API key check, CORS, REST JWT errors (spec 1.2, 7.4)."""

from __future__ import annotations

import time

import aiohttp
import pytest
from postgrest.exceptions import APIError

from gfdesk.hub.keys import sign
from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import anon_client, user_client

BAD_KEY = {
    "message": "Invalid API key",
    "hint": "Double check your Supabase `anon` or `service_role` API key.",
}


async def _get(hub: RunningHub, path: str, headers: dict[str, str] | None = None,
               method: str = "GET") -> tuple[int, dict, object]:
    async with aiohttp.ClientSession() as http, http.request(
        method, hub.url + path, headers=headers or {}
    ) as resp:
        body = await resp.json(content_type=None) if resp.content_length != 0 else None
        return resp.status, dict(resp.headers), body


async def test_missing_api_key_is_refused(hub: RunningHub) -> None:
    """It should answer 401 with the gateway's message when no key is sent."""
    for path in ("/rest/v1/profiles", "/auth/v1/settings", "/nowhere"):
        status, headers, body = await _get(hub, path)
        assert (status, body) == (401, {"message": "No API key found in request"})
        assert headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("key", ["nonsense", "a.b.c"])
async def test_invalid_api_key_is_refused(hub: RunningHub, key: str) -> None:
    status, _, body = await _get(hub, "/rest/v1/profiles", {"apikey": key})
    assert (status, body) == (401, BAD_KEY)


async def test_user_token_is_not_an_api_key(hub: RunningHub) -> None:
    """It should accept only anon/service_role JWTs of this hub as the key."""
    claims = {"role": "authenticated", "sub": "x", "exp": int(time.time()) + 60}
    token = sign(_secret(hub), claims)
    status, _, body = await _get(hub, "/rest/v1/profiles", {"apikey": token})
    assert (status, body) == (401, BAD_KEY)


def _secret(hub: RunningHub) -> str:
    from gfdesk.hub.context import KEYS

    return hub.app[KEYS].secret


async def test_key_in_query_or_any_header_case(hub: RunningHub) -> None:
    status, _, _ = await _get(hub, f"/rest/v1/profiles?apikey={hub.anon_key}")
    assert status == 200
    status, _, _ = await _get(hub, "/rest/v1/profiles", {"ApiKey": hub.anon_key})
    assert status == 200


async def test_cors_preflight_from_any_origin(hub: RunningHub) -> None:
    """It should answer a browser preflight without a key, allowing the client headers."""
    status, headers, _ = await _get(hub, "/rest/v1/messages", {
        "Origin": "https://web.gamerflick.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "apikey,authorization,content-type,prefer",
    }, method="OPTIONS")
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == "*"
    allowed = {h.strip() for h in headers["Access-Control-Allow-Headers"].split(",")}
    assert {"apikey", "authorization", "content-type", "x-client-info", "prefer", "range",
            "accept-profile", "content-profile", "x-supabase-api-version"} <= allowed
    assert "PATCH" in headers["Access-Control-Allow-Methods"]


async def test_responses_expose_content_range(hub: RunningHub) -> None:
    status, headers, _ = await _get(hub, "/rest/v1/profiles", {"apikey": hub.anon_key})
    assert status == 200
    assert "Content-Range" in headers["Access-Control-Expose-Headers"]


async def test_expired_bearer_is_pgrst303(hub: RunningHub) -> None:
    """It should refuse an expired user token with PGRST303 and WWW-Authenticate."""
    token = sign(_secret(hub), {"role": "authenticated", "sub": "x",
                                "exp": int(time.time()) - 10})
    status, headers, body = await _get(hub, "/rest/v1/profiles", {
        "apikey": hub.anon_key, "Authorization": f"Bearer {token}"})
    assert status == 401
    assert body["code"] == "PGRST303"
    assert body["message"] == "JWT expired"
    assert headers["WWW-Authenticate"] == (
        'Bearer error="invalid_token", error_description="JWT expired"')


async def test_forged_bearer_is_pgrst301(hub: RunningHub) -> None:
    token = sign("another-secret-of-at-least-32-characters!!", {
        "role": "service_role", "exp": int(time.time()) + 60})
    status, _, body = await _get(hub, "/rest/v1/profiles", {
        "apikey": hub.anon_key, "Authorization": f"Bearer {token}"})
    assert (status, body["code"]) == (401, "PGRST301")
    status, _, body = await _get(hub, "/rest/v1/profiles", {
        "apikey": hub.anon_key, "Authorization": "Bearer abc"})
    assert (status, body["code"], body["message"]) == (
        401, "PGRST301", "Expected 3 parts in JWT; got 1")


async def test_official_client_sees_the_jwt_error(hub: RunningHub) -> None:
    """It should reach the client as an APIError with a string code."""
    client = await anon_client(hub)
    client.postgrest.auth("not-a-jwt")
    with pytest.raises(APIError) as err:
        await client.table("profiles").select("*").execute()
    assert err.value.code == "PGRST301"


async def test_signed_in_user_reads_profiles(hub: RunningHub) -> None:
    client = await user_client(hub, "gate@example.com", username="gate")
    result = await client.table("profiles").select("username").execute()
    assert result.data == [{"username": "gate"}]
