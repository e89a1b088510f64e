"""Session against the real hub: keyring round trips, rotation, sign-out, expiry."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from supabase import AsyncClient, acreate_client
from supabase_auth.errors import AuthApiError

from gfdesk.core.session import (
    EXPIRED_MESSAGE,
    Credentials,
    SessionService,
    SessionState,
    SessionStatus,
)
from gfdesk.core.tokenstore import SERVICE, UNAVAILABLE_MESSAGE, TokenStore
from gfdesk.hub.runner import RunningHub
from tests.helpers.clocks import SkippingClock
from tests.helpers.hubcontrol import RestartableHub
from tests.helpers.hubfixture import DEFAULT_PASSWORD, close_client, user_client
from tests.helpers.memkeyring import InsecureKeyring, MemoryKeyring

EMAIL = "ada@example.com"
PROFILE = "lan"
TIMEOUT_S = 20


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


class App:
    """One run of the app's session layer (a fresh client each time, like a restart)."""

    def __init__(self, hub: RunningHub, backend: MemoryKeyring) -> None:
        self.hub = hub
        self.backend = backend
        self.statuses: list[SessionStatus] = []
        self.notices: list[str] = []
        self.client: AsyncClient | None = None
        self.session: SessionService | None = None

    async def start(self) -> SessionService:
        self.client = await acreate_client(self.hub.url, self.hub.anon_key)
        self.session = SessionService(self.client, TokenStore(PROFILE, self.backend),
                                      on_status=self.statuses.append,
                                      on_notice=self.notices.append)
        return self.session

    async def stop(self) -> None:
        if self.session is not None:
            await self.session.aclose()
        if self.client is not None:
            await close_client(self.client)
        self.session = self.client = None


@pytest.fixture
async def runs(hub: RunningHub, keyring_backend: MemoryKeyring) -> AsyncIterator[list[App]]:
    apps: list[App] = []
    yield apps
    for app in apps:
        await app.stop()


def new_run(runs: list[App], hub: RunningHub, backend: MemoryKeyring) -> App:
    app = App(hub, backend)
    runs.append(app)
    return app


async def signed_up(hub: RunningHub) -> None:
    await user_client(hub, EMAIL, username="ada")


async def test_restart_signs_in_silently_from_the_keyring(
        hub: RunningHub, keyring_backend: MemoryKeyring, runs: list[App]) -> None:
    await signed_up(hub)
    first = new_run(runs, hub, keyring_backend)
    session = await first.start()
    account = await session.sign_in(Credentials(EMAIL, DEFAULT_PASSWORD), remember=True)
    assert account.email == EMAIL and session.status.remembered
    await session.aclose()  # pending keyring writes are done after aclose
    stored = keyring_backend.entries[(SERVICE, f"{PROFILE}:{EMAIL}")]
    assert stored and keyring_backend.entries[(SERVICE, PROFILE)] == EMAIL
    await first.stop()

    second = new_run(runs, hub, keyring_backend)
    status = await (await second.start()).restore()
    assert status.state is SessionState.SIGNED_IN and status.account == account
    await second.session.aclose()  # type: ignore[union-attr]
    # the refresh token rotated on use, and the new one was written back
    rotated = keyring_backend.entries[(SERVICE, f"{PROFILE}:{EMAIL}")]
    assert rotated != stored
    assert [s.state for s in second.statuses] == [SessionState.RESTORING, SessionState.SIGNED_IN]


async def test_sign_out_deletes_the_keyring_entry(
        hub: RunningHub, keyring_backend: MemoryKeyring, runs: list[App]) -> None:
    await signed_up(hub)
    session = await new_run(runs, hub, keyring_backend).start()
    await session.sign_in(Credentials(EMAIL, DEFAULT_PASSWORD))
    await session.sign_out()
    assert keyring_backend.entries == {}
    assert session.status.state is SessionState.SIGNED_OUT
    status = await (await new_run(runs, hub, keyring_backend).start()).restore()
    assert status.state is SessionState.SIGNED_OUT


async def test_a_revoked_refresh_token_asks_to_sign_in_again(
        hub: RunningHub, keyring_backend: MemoryKeyring, runs: list[App]) -> None:
    await signed_up(hub)
    session = await new_run(runs, hub, keyring_backend).start()
    await session.sign_in(Credentials(EMAIL, DEFAULT_PASSWORD))
    await runs[0].stop()
    # signing out everywhere from another device revokes every refresh token
    other = await user_client(hub, EMAIL)
    await other.auth.sign_out({"scope": "global"})

    status = await (await new_run(runs, hub, keyring_backend).start()).restore()
    assert status.state is SessionState.SIGN_IN_REQUIRED
    assert status.message == EXPIRED_MESSAGE
    assert (SERVICE, f"{PROFILE}:{EMAIL}") not in keyring_backend.entries


async def test_remember_me_off_stores_nothing(
        hub: RunningHub, keyring_backend: MemoryKeyring, runs: list[App]) -> None:
    await signed_up(hub)
    session = await new_run(runs, hub, keyring_backend).start()
    await session.sign_in(Credentials(EMAIL, DEFAULT_PASSWORD), remember=False)
    await session.access_token()
    await session.aclose()
    assert keyring_backend.entries == {}
    assert not session.status.remembered


async def test_without_a_secure_keyring_the_session_lasts_this_run_and_says_so_once(
        hub: RunningHub, runs: list[App]) -> None:
    await signed_up(hub)
    insecure = InsecureKeyring()
    app = new_run(runs, hub, insecure)
    session = await app.start()
    await session.restore()
    await session.sign_in(Credentials(EMAIL, DEFAULT_PASSWORD), remember=True)
    await session.sign_out()
    await session.sign_in(Credentials(EMAIL, DEFAULT_PASSWORD), remember=True)
    assert session.status.state is SessionState.SIGNED_IN and not session.status.remembered
    assert app.notices == [UNAVAILABLE_MESSAGE]
    await session.aclose()
    assert insecure.entries == {}  # never a plain-text fallback


async def test_wrong_password_raises_the_servers_message(
        hub: RunningHub, keyring_backend: MemoryKeyring, runs: list[App]) -> None:
    await signed_up(hub)
    session = await new_run(runs, hub, keyring_backend).start()
    with pytest.raises(AuthApiError) as info:
        await session.sign_in(Credentials(EMAIL, "not-the-password-at-all"))
    assert info.value.message
    assert keyring_backend.entries == {}


async def test_sign_up_signs_in_and_remembers(
        hub: RunningHub, keyring_backend: MemoryKeyring, runs: list[App]) -> None:
    session = await new_run(runs, hub, keyring_backend).start()
    account = await session.sign_up(Credentials("neo@example.com", DEFAULT_PASSWORD),
                                     username="neo", display_name="Neo")
    assert account is not None and account.display_name == "Neo"
    await asyncio.wait_for(session.aclose(), 5)
    assert (SERVICE, f"{PROFILE}:neo@example.com") in keyring_backend.entries


async def test_starting_offline_keeps_the_stored_sign_in_and_signs_in_once_back(
        restartable: RestartableHub, keyring_backend: MemoryKeyring) -> None:
    first = await restartable.client()
    await first.auth.sign_up({"email": EMAIL, "password": DEFAULT_PASSWORD})
    session = SessionService(await restartable.client(), TokenStore(PROFILE, keyring_backend))
    await session.sign_in(Credentials(EMAIL, DEFAULT_PASSWORD))
    await session.aclose()
    await restartable.stop()  # the app starts with the server away

    clock = SkippingClock(seed=1)
    statuses: list[SessionStatus] = []
    restoring = SessionService(await restartable.client(), TokenStore(PROFILE, keyring_backend),
                               on_status=statuses.append, clock=clock)
    task = asyncio.create_task(restoring.restore(), name="test:restore")
    async with asyncio.timeout(TIMEOUT_S):
        while len(clock.sleeps) < 6:  # more than a few attempts, and still not given up
            clock.slept.clear()
            await clock.slept.wait()
        assert not task.done() and statuses[-1].state is SessionState.RESTORING
        assert "Waiting for the server" in statuses[-1].message
        await restartable.start()
        status = await task
    assert status.state is SessionState.SIGNED_IN and status.account is not None
    assert (SERVICE, f"{PROFILE}:{EMAIL}") in keyring_backend.entries
    await restoring.aclose()
