"""Five-second access tokens: the auth client refreshes them, every rotation reaches
the keyring and the realtime channels, and delivery never stops."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from supabase_auth.types import Session

from gfdesk.core.connection import ConnectionSupervisor
from gfdesk.core.session import Credentials, SessionService
from gfdesk.core.tokenstore import SERVICE, TokenStore
from gfdesk.hub.context import HubConfig
from tests.helpers.chatworld import Collector, Writer, messages_subscription
from tests.helpers.hubcontrol import RestartableHub, make_conversation
from tests.helpers.hubfixture import DEFAULT_PASSWORD
from tests.helpers.memkeyring import MemoryKeyring

TTL_S = 5
REFRESHES = 3
TIMEOUT_S = 30


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub", access_token_ttl_s=TTL_S)


@pytest.mark.slow
async def test_channels_keep_delivering_across_several_token_refreshes(
        restartable: RestartableHub) -> None:
    bob = await restartable.user_client("bob@example.com")
    await restartable.user_client("ada@example.com")  # sign her up
    ada = await restartable.client()
    keyring = MemoryKeyring()
    session = SessionService(ada, TokenStore("lan", keyring))
    await session.sign_in(Credentials("ada@example.com", DEFAULT_PASSWORD))
    conversation = await make_conversation(await restartable.service_client(), ada, bob)
    refreshed: asyncio.Queue[str] = asyncio.Queue()

    def on_auth(event: str, s: Session | None) -> None:
        if event == "TOKEN_REFRESHED" and s is not None:
            refreshed.put_nowait(s.access_token)

    ada.auth.on_auth_state_change(on_auth)
    supervisor = ConnectionSupervisor(ada, token=session.access_token, heartbeat_interval_s=1)
    collector = Collector()
    writer = Writer(bob, "messages", lambda n: {
        "conversation_id": conversation.id, "sender_id": conversation.member_ids[1],
        "body": f"m{n}"})
    try:
        supervisor.start()
        handle = await supervisor.subscribe(
            messages_subscription(ada, conversation.id, collector))
        async with asyncio.timeout(TIMEOUT_S):
            await handle.wait_filled(1)
        tokens: list[str] = []
        for n in range(REFRESHES):
            async with asyncio.timeout(TIMEOUT_S):
                tokens.append(await refreshed.get())  # the client's own timer did this
                await asyncio.gather(*ada._background_tasks)  # set_auth on every channel
                assert supervisor.realtime.access_token == tokens[-1]
                await writer.write_one(n)
                await collector.reached(n + 1)
        assert len(set(tokens)) == REFRESHES
        assert handle.fills == 1 and supervisor.connects == 1  # never dropped or rejoined
        ada.auth._refresh_token_timer.cancel()  # type: ignore[union-attr]  # rotations stop
        await session.aclose()  # pending keyring writes are done
        # The stored session as is (get_session would refresh a 5-second token).
        current = await ada.auth._load_session()
        assert current is not None
        assert keyring.entries[(SERVICE, "lan:ada@example.com")] == current.refresh_token
    finally:
        await supervisor.aclose()
        await session.aclose()
