"""The backend service as the app uses it: silent sign-in across restarts, the outbox
and the connection behind one sign-in, and nothing left running after close."""

from __future__ import annotations

import asyncio
from pathlib import Path

from gfdesk.core.backend import BackendService, Credentials
from gfdesk.core.session import SessionState, SessionStatus
from gfdesk.core.status import ConnectionState, ConnectionStatus
from gfdesk.core.tokenstore import SERVICE
from tests.helpers.hubcontrol import RestartableHub, make_conversation
from tests.helpers.hubfixture import DEFAULT_PASSWORD
from tests.helpers.memkeyring import MemoryKeyring

TIMEOUT_S = 20
EMAIL = "ada@example.com"


class Run:
    """One run of the app's backend."""

    def __init__(self, hub: RestartableHub, keyring: MemoryKeyring, data_dir: Path) -> None:
        self.statuses: list[ConnectionStatus] = []
        self.sessions: list[SessionStatus] = []
        self.online = asyncio.Event()
        self.backend = BackendService(
            hub.url, hub.anon_key, label="hub", on_status=self._on_status, profile="lan",
            data_dir=data_dir, keyring_backend=keyring, on_session=self.sessions.append,
            heartbeat_interval_s=0.5)

    def _on_status(self, status: ConnectionStatus) -> None:
        self.statuses.append(status)
        if status.state is ConnectionState.ONLINE and status.reason == "":
            self.online.set()


async def test_sign_in_send_quit_and_come_back_signed_in(
        restartable: RestartableHub, data_dir: Path) -> None:
    before = asyncio.all_tasks()
    bob = await restartable.user_client("bob@example.com")
    await restartable.user_client(EMAIL)
    keyring = MemoryKeyring()

    first = Run(restartable, keyring, data_dir)
    assert await first.backend.start(None) is None  # nobody remembered yet
    assert first.statuses[-1] == ConnectionStatus(ConnectionState.ONLINE, "not signed in",
                                                  backend="hub")
    account = await first.backend.sign_in(Credentials(EMAIL, DEFAULT_PASSWORD))
    async with asyncio.timeout(TIMEOUT_S):
        await first.online.wait()
    conversation = await make_conversation(await restartable.service_client(),
                                           first.backend.client, bob)
    outbox = first.backend.outbox
    assert outbox is not None
    await outbox.insert("messages", {"conversation_id": conversation.id,
                                     "sender_id": account.user_id, "body": "hello"})
    async with asyncio.timeout(TIMEOUT_S):
        await outbox.drained()
    await first.backend.aclose()
    await restartable.no_sockets()
    leftovers = {t for t in asyncio.all_tasks() - before if not t.done()
                 and "RequestHandler" not in repr(t.get_coro())  # the hub's, in-process
                 and "Timer.start" not in repr(t.get_coro())}  # bob's client's
    assert leftovers == set(), [t.get_name() for t in leftovers]

    second = Run(restartable, keyring, data_dir)
    assert await second.backend.start(None) == account
    assert [s.state for s in second.sessions] == [SessionState.RESTORING, SessionState.SIGNED_IN]
    async with asyncio.timeout(TIMEOUT_S):
        await second.online.wait()
    stored = await (await restartable.service_client()).table("messages").select("body").eq(
        "conversation_id", conversation.id).execute()
    assert stored.data == [{"body": "hello"}]

    await second.backend.sign_out()
    assert (SERVICE, f"lan:{EMAIL}") not in keyring.entries
    assert second.backend.connection is None and second.backend.outbox is None
    await restartable.no_sockets()
    await second.backend.aclose()


async def test_demo_credentials_sign_in_without_touching_the_keyring(
        restartable: RestartableHub, data_dir: Path) -> None:
    await restartable.user_client(EMAIL)
    keyring = MemoryKeyring()
    run = Run(restartable, keyring, data_dir)
    try:
        account = await run.backend.start(Credentials(EMAIL, DEFAULT_PASSWORD))
        assert account is not None and account.email == EMAIL
        async with asyncio.timeout(TIMEOUT_S):
            await run.online.wait()
        assert keyring.entries == {}
    finally:
        await run.backend.aclose()


async def test_wrong_demo_credentials_leave_the_window_usable_with_a_reason(
        restartable: RestartableHub, data_dir: Path, expected_logs: object) -> None:
    expected_logs.allow("gfdesk.auth", "sign-in to hub failed")  # type: ignore[attr-defined]
    run = Run(restartable, MemoryKeyring(), data_dir)
    try:
        assert await run.backend.start(Credentials(EMAIL, "wrong-password-entirely")) is None
        assert run.statuses[-1].state is ConnectionState.OFFLINE
        assert run.statuses[-1].reason
    finally:
        await run.backend.aclose()


async def test_the_outbox_is_woken_when_the_connection_comes_back_not_on_every_heartbeat(
        restartable: RestartableHub, data_dir: Path) -> None:
    await restartable.user_client(EMAIL)
    run = Run(restartable, MemoryKeyring(), data_dir)
    try:
        await run.backend.start(Credentials(EMAIL, DEFAULT_PASSWORD))
        async with asyncio.timeout(TIMEOUT_S):
            await run.online.wait()
        outbox, connection = run.backend.outbox, run.backend.connection
        assert outbox is not None and connection is not None
        wakes: list[ConnectionStatus] = []
        wake = outbox.wake
        outbox.wake = lambda: (wakes.append(run.backend.status), wake())  # type: ignore[method-assign]

        async def heartbeats(count: int) -> None:
            seen = 0
            async for status in connection.statuses():
                if status.state is ConnectionState.ONLINE and status.rtt_ms is not None:
                    seen += 1
                    if seen > count:
                        return

        async with asyncio.timeout(TIMEOUT_S):
            await heartbeats(3)  # each measured round trip is a new ONLINE status
            assert wakes == []
            connection.realtime.abort("test: the network dropped")
            async for status in connection.statuses():
                if status.state is not ConnectionState.ONLINE:
                    break
            await heartbeats(3)
        assert [s.state for s in wakes] == [ConnectionState.ONLINE]
    finally:
        await run.backend.aclose()
