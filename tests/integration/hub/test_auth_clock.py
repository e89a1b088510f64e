"""Auth behaviour over time, driven through the auth clock seam instead of sleeping:
access-token lifetime (``access_token_ttl_s``) and the failed sign-in throttle."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from supabase_auth.errors import AuthApiError

from gfdesk.hub.auth import clock
from gfdesk.hub.auth.throttle import DEFAULT_CLIENT_LIMIT as CLIENT_LIMIT
from gfdesk.hub.context import HubConfig
from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import DEFAULT_PASSWORD, anon_client
from tests.integration.hub.authraw import auth_request

TTL_S = 2
THROTTLE_LIMIT = 5
THROTTLE_WINDOW_S = 300


@dataclass
class FakeClock:
    """The auth service's time, moved by the test."""

    now: float

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub", access_token_ttl_s=TTL_S)


@pytest.fixture
def fake_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock(time.time())
    monkeypatch.setattr(clock, "now", lambda: fake.now)
    return fake


async def sign_up(hub: RunningHub, email: str) -> dict[str, Any]:
    """Sign ``email`` up and return the session JSON.

    Raw HTTP rather than the client: a client holding a session with a 2 s lifetime
    refreshes it in the background, which would race the test's own refreshes.
    """
    response = await auth_request(hub, "POST", "signup",
                                  json={"email": email, "password": DEFAULT_PASSWORD})
    assert response.status == 200
    body: dict[str, Any] = response.body
    return body


async def test_tokens_live_for_the_configured_ttl(hub: RunningHub,
                                                  fake_clock: FakeClock) -> None:
    session = await sign_up(hub, "ann@example.com")
    token = session["access_token"]
    assert session["expires_in"] == TTL_S
    assert session["expires_at"] == int(fake_clock.now) + TTL_S
    client = await anon_client(hub)
    fake_clock.advance(TTL_S - 1)
    assert await client.auth.get_user(token) is not None
    fake_clock.advance(2)
    with pytest.raises(AuthApiError) as expired:
        await client.auth.get_user(token)
    assert (expired.value.status, expired.value.code) == (403, "bad_jwt")
    assert expired.value.message == (
        "invalid JWT: unable to parse or verify signature, "
        "token has invalid claims: token is expired"
    )


async def test_an_expired_session_is_refreshed_into_a_working_one(
    hub: RunningHub, fake_clock: FakeClock
) -> None:
    session = await sign_up(hub, "bob@example.com")
    fake_clock.advance(TTL_S + 60)
    client = await anon_client(hub)
    refreshed = (await client.auth.refresh_session(session["refresh_token"])).session
    assert refreshed is not None
    assert await client.auth.get_user(refreshed.access_token) is not None


async def wrong_sign_in(hub: RunningHub, email: str, password: str = "wrong-password") -> str:
    client = await anon_client(hub)
    with pytest.raises(AuthApiError) as caught:
        await client.auth.sign_in_with_password({"email": email, "password": password})
    assert caught.value.code is not None
    return caught.value.code


async def test_repeated_failures_throttle_that_email_until_the_window_passes(
    hub: RunningHub, fake_clock: FakeClock
) -> None:
    await sign_up(hub, "cat@example.com")
    await sign_up(hub, "dan@example.com")
    for _ in range(THROTTLE_LIMIT):
        fake_clock.advance(1)
        assert await wrong_sign_in(hub, "cat@example.com") == "invalid_credentials"
    client = await anon_client(hub)
    with pytest.raises(AuthApiError) as throttled:
        await client.auth.sign_in_with_password(
            {"email": "cat@example.com", "password": DEFAULT_PASSWORD})
    assert (throttled.value.status, throttled.value.code, throttled.value.message) == (
        429, "over_request_rate_limit", "Request rate limit reached",
    )
    # Case does not dodge the throttle; other accounts are not affected.
    assert await wrong_sign_in(hub, "CAT@example.com", DEFAULT_PASSWORD) == (
        "over_request_rate_limit"
    )
    other = await client.auth.sign_in_with_password(
        {"email": "dan@example.com", "password": DEFAULT_PASSWORD})
    assert other.session is not None

    fake_clock.advance(THROTTLE_WINDOW_S)
    allowed = await client.auth.sign_in_with_password(
        {"email": "cat@example.com", "password": DEFAULT_PASSWORD})
    assert allowed.session is not None


async def test_unknown_emails_are_throttled_alike(hub: RunningHub, fake_clock: FakeClock) -> None:
    for _ in range(THROTTLE_LIMIT):
        assert await wrong_sign_in(hub, "ghost@example.com") == "invalid_credentials"
    assert await wrong_sign_in(hub, "ghost@example.com") == "over_request_rate_limit"


async def test_parallel_attempts_cannot_outrun_the_throttle(hub: RunningHub,
                                                           fake_clock: FakeClock) -> None:
    """Attempts for one email run one at a time: a burst of guesses gets the limit and
    no more, and a burst of right passwords all succeed."""
    await sign_up(hub, "fred@example.com")
    client = await anon_client(hub)

    async def attempt(password: str) -> str:
        try:
            await client.auth.sign_in_with_password(
                {"email": "fred@example.com", "password": password})
        except AuthApiError as error:
            return str(error.code)
        return "ok"

    rights = await asyncio.gather(*(attempt(DEFAULT_PASSWORD) for _ in range(8)))
    assert rights == ["ok"] * 8
    guesses = await asyncio.gather(*(attempt(f"guess-{i}") for i in range(8)))
    assert sorted(guesses) == sorted(
        ["invalid_credentials"] * THROTTLE_LIMIT
        + ["over_request_rate_limit"] * (8 - THROTTLE_LIMIT)
    )


async def test_a_successful_sign_in_resets_the_count(hub: RunningHub,
                                                     fake_clock: FakeClock) -> None:
    await sign_up(hub, "eve@example.com")
    for _ in range(THROTTLE_LIMIT - 1):
        await wrong_sign_in(hub, "eve@example.com")
    client = await anon_client(hub)
    await client.auth.sign_in_with_password(
        {"email": "eve@example.com", "password": DEFAULT_PASSWORD})
    for _ in range(THROTTLE_LIMIT):
        assert await wrong_sign_in(hub, "eve@example.com") == "invalid_credentials"


async def _sign_in_from(hub: RunningHub, source: str, email: str, password: str
                        ) -> tuple[int, str | None]:
    """A password sign-in from the loopback address ``source``: status, Retry-After."""
    connector = aiohttp.TCPConnector(local_addr=(source, 0))
    async with aiohttp.ClientSession(connector=connector) as http, http.post(
            f"{hub.url}/auth/v1/token?grant_type=password",
            json={"email": email, "password": password},
            headers={"apikey": hub.anon_key}) as response:
        return response.status, response.headers.get("Retry-After")


async def test_a_guesser_elsewhere_cannot_lock_the_owner_out(
    hub: RunningHub, fake_clock: FakeClock
) -> None:
    # Issue 13, finding 6: five wrong passwords from anywhere locked out the owner.
    await sign_up(hub, "eve-target@example.com")
    for _ in range(THROTTLE_LIMIT):
        fake_clock.advance(1)
        assert (await _sign_in_from(hub, "127.0.0.2", "eve-target@example.com", "guess"))[0] \
            == 400
    status, retry_after = await _sign_in_from(hub, "127.0.0.2", "eve-target@example.com",
                                              DEFAULT_PASSWORD)
    assert status == 429
    assert retry_after is not None and 0 < int(retry_after) <= THROTTLE_WINDOW_S
    # The owner, at their own machine, signs in.
    assert (await _sign_in_from(hub, "127.0.0.1", "eve-target@example.com",
                                DEFAULT_PASSWORD))[0] == 200


async def test_one_client_cannot_guess_at_every_account_in_turn(
    hub: RunningHub, fake_clock: FakeClock
) -> None:
    statuses = []
    for n in range(CLIENT_LIMIT + 1):
        fake_clock.advance(1)
        statuses.append((await _sign_in_from(hub, "127.0.0.3", f"nobody{n}@example.com",
                                             "guess"))[0])
    assert statuses == [400] * CLIENT_LIMIT + [429]
    assert (await _sign_in_from(hub, "127.0.0.4", "nobody0@example.com", "guess"))[0] == 400
