"""The supervisor past the official client's limits: it keeps retrying long after the
library's 5 attempts, subscriptions made while offline join once it connects, and a
frame larger than the library's 1 MiB cap arrives without dropping the connection."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from gfdesk.core import realtimeclient
from gfdesk.core.backoff import Backoff
from gfdesk.core.clientfactory import close_client, create_client
from gfdesk.core.connection import ConnectionSupervisor
from gfdesk.core.realtimeclient import LARGE_FRAME_BYTES
from gfdesk.core.status import ConnectionState
from gfdesk.core.subscription import Subscription
from tests.helpers.chatworld import Collector, Writer, messages_subscription
from tests.helpers.clocks import SkippingClock
from tests.helpers.hubcontrol import RestartableHub, make_conversation
from tests.helpers.hubfixture import user_id

TIMEOUT_S = 20
ATTEMPTS = 12  # well past realtime-py's max_retries of 5


async def test_it_never_gives_up_and_joins_what_was_subscribed_offline(
        restartable: RestartableHub) -> None:
    bob = await restartable.user_client("bob@example.com")
    await restartable.user_client("ada@example.com")
    ada = await restartable.client()
    await ada.auth.sign_in_with_password({"email": "ada@example.com",
                                          "password": "correct-horse-battery-staple-42"})
    conversation = await make_conversation(await restartable.service_client(), ada, bob)
    await restartable.stop()

    clock = SkippingClock(seed=3)
    async def token() -> str | None:
        session = await ada.auth.get_session()
        return session.access_token if session else None

    # The session's token: chat:{id} is a private channel, closed to the anon key.
    supervisor = ConnectionSupervisor(ada, heartbeat_interval_s=1, clock=clock,
                                      backoff=Backoff(), token=token)
    collector = Collector()
    try:
        supervisor.start()
        handle = await supervisor.subscribe(
            messages_subscription(ada, conversation.id, collector))
        async with asyncio.timeout(TIMEOUT_S):
            while len(clock.sleeps) < ATTEMPTS:
                clock.slept.clear()
                await clock.slept.wait()
        assert supervisor.status.state is not ConnectionState.ONLINE
        policy = Backoff()
        assert all(0 <= d < policy.ceiling(i) for i, d in enumerate(clock.sleeps))
        assert max(clock.sleeps) > 4.0  # it escalated towards the 30 s cap
        assert supervisor.status.reason  # why it is offline, for the status bar

        await restartable.start()
        supervisor.wake()  # "the network is back": skip the rest of the wait
        bob_id = await user_id(bob)
        await Writer(bob, "messages", lambda n: {
            "conversation_id": conversation.id, "sender_id": bob_id,
            "body": "while you were away"}).write_one(0)
        async with asyncio.timeout(TIMEOUT_S):
            await handle.wait_filled(1)
            await collector.reached(1)
        assert collector.rows[0]["body"] == "while you were away"
    finally:
        await supervisor.aclose()


async def test_a_frame_over_a_mebibyte_arrives_without_blocking_parse_and_keeps_the_connection(
        restartable: RestartableHub, monkeypatch: pytest.MonkeyPatch) -> None:
    inline: list[int] = []  # sizes of frames parsed in one blocking call on the loop
    stepped: list[int] = []  # sizes of frames parsed by the non-blocking path
    parse, parse_large = realtimeclient._parse, realtimeclient._parse_large

    def observed_parse(raw: str | bytes) -> Any:
        if threading.current_thread() is threading.main_thread():
            inline.append(len(raw))
        return parse(raw)

    async def observed_parse_large(raw: str | bytes) -> Any:
        stepped.append(len(raw))
        return await parse_large(raw)

    monkeypatch.setattr(realtimeclient, "_parse", observed_parse)
    monkeypatch.setattr(realtimeclient, "_parse_large", observed_parse_large)
    clients = [await create_client(restartable.url, restartable.anon_key) for _ in range(2)]
    supervisors = [ConnectionSupervisor(c, heartbeat_interval_s=1) for c in clients]
    received: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
    try:
        for supervisor in supervisors:
            supervisor.start()
        def on_blob(payload: dict[str, Any]) -> None:
            if not received.done():
                received.set_result(payload)

        listener = await supervisors[0].subscribe(Subscription(
            "room:big", broadcasts={"blob": on_blob}))
        sender = await supervisors[1].subscribe(Subscription("room:big"))
        async with asyncio.timeout(TIMEOUT_S):
            await listener.wait_filled(1)
            await sender.wait_filled(1)
        blob = "x" * (2 * 1024 * 1024)  # twice websockets' default max_size
        assert await sender.send_broadcast("blob", {"blob": blob, "n": 1})
        async with asyncio.timeout(TIMEOUT_S):
            payload = await received
        assert payload == {"blob": blob, "n": 1}
        assert any(size > len(blob) for size in stepped)
        assert all(size <= LARGE_FRAME_BYTES for size in inline)
        assert supervisors[0].connects == 1
        assert supervisors[0].status.state is ConnectionState.ONLINE
    finally:
        for supervisor in supervisors:
            await supervisor.aclose()
        for client in clients:
            await close_client(client)
