"""The connection supervisor against the real hub: gap fill on join, status, server
restarts and silent (blackholed) connections while others keep writing, clean close."""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass

import pytest
from realtime.types import RealtimePresenceState
from supabase import AsyncClient

from gfdesk.core.backoff import Backoff
from gfdesk.core.connection import ConnectionSupervisor
from gfdesk.core.status import ConnectionState, ConnectionStatus
from gfdesk.core.subscription import Subscription, SubscriptionHandle
from tests.helpers.chatworld import (
    Collector,
    Writer,
    all_rows,
    messages_subscription,
    notifications_subscription,
)
from tests.helpers.hubcontrol import Conversation, RestartableHub, make_conversation
from tests.helpers.hubfixture import user_id
from tests.helpers.supervisors import supervisor_for as hub_supervisor
from tests.helpers.tcpproxy import TcpProxy

HEARTBEAT_S = 0.5
TIMEOUT_S = 30
#: Short backoff keeps 20 fault cycles within a minute or two.
TEST_BACKOFF = Backoff(base_s=0.2, cap_s=2.0)


@dataclass
class World:
    hub: RestartableHub
    ada: AsyncClient
    bob: AsyncClient
    service: AsyncClient
    ada_id: str
    conversation: Conversation


async def make_world(hub: RestartableHub, url: str | None = None) -> World:
    ada = await hub.user_client("ada@example.com", url=url)
    bob = await hub.user_client("bob@example.com")
    service = await hub.service_client()
    conversation = await make_conversation(service, ada, bob)
    return World(hub, ada, bob, service, await user_id(ada), conversation)


def supervisor_for(client: AsyncClient) -> ConnectionSupervisor:
    return hub_supervisor(client, heartbeat_s=HEARTBEAT_S, backoff=TEST_BACKOFF)


def message_writer(world: World) -> Writer:
    bob_id = world.conversation.member_ids[1]
    return Writer(world.bob, "messages", lambda n: {
        "conversation_id": world.conversation.id, "sender_id": bob_id, "body": f"m{n}"})


def notification_writer(world: World) -> Writer:
    return Writer(world.service, "notifications", lambda n: {
        "user_id": world.ada_id, "type": "test", "title": f"n{n}"})


async def all_filled(handles: list[SubscriptionHandle], counts: list[int]) -> None:
    await asyncio.gather(*(h.wait_filled(c) for h, c in zip(handles, counts, strict=True)))


async def status_where(supervisor: ConnectionSupervisor, state: ConnectionState,
                       reason: str = "", *, rtt: bool = False) -> ConnectionStatus:
    async for status in supervisor.statuses():
        if (status.state is state and reason in status.reason
                and (not rtt or status.rtt_ms is not None)):
            return status
    raise AssertionError("unreachable")


async def test_first_join_gap_fills_what_came_after_the_initial_load(
        restartable: RestartableHub, supervisors: list[ConnectionSupervisor]) -> None:
    world = await make_world(restartable)
    writer = message_writer(world)
    for n in range(3):
        await writer.write_one(n)
    initial = await all_rows(world.service, "messages", "conversation_id", world.conversation.id)
    # The feature loaded the first message only; two more came before it joined.
    collector = Collector()
    supervisor = supervisor_for(world.ada)
    supervisors.append(supervisor)
    supervisor.start()
    sub = messages_subscription(world.ada, world.conversation.id, collector)
    handle = await supervisor.subscribe(
        Subscription(**{**sub.__dict__, "newest": initial[0]}))
    async with asyncio.timeout(TIMEOUT_S):
        await handle.wait_filled(1)
        await writer.write_one(3)
        await collector.reached(3)
    stored = await all_rows(world.service, "messages", "conversation_id", world.conversation.id)
    assert collector.ids == [r["id"] for r in stored[1:]]


async def test_status_goes_connecting_online_offline_with_reason_and_back(
        restartable: RestartableHub, supervisors: list[ConnectionSupervisor]) -> None:
    world = await make_world(restartable)
    supervisor = supervisor_for(world.ada)
    supervisors.append(supervisor)
    seen: list[ConnectionStatus] = []
    supervisor.add_listener(seen.append)
    supervisor.start()
    async with asyncio.timeout(TIMEOUT_S):
        online = await status_where(supervisor, ConnectionState.ONLINE, rtt=True)
        await restartable.stop()
        offline = await status_where(supervisor, ConnectionState.OFFLINE)
        await restartable.start()
        await status_where(supervisor, ConnectionState.ONLINE)
    assert seen[0].state is ConnectionState.CONNECTING
    assert online.backend == "hub" and online.rtt_ms is not None and online.rtt_ms >= 0
    assert offline.reason and offline.retry_in_s is not None
    assert 0 <= offline.retry_in_s <= TEST_BACKOFF.cap_s
    assert supervisor.connects == 2


async def fault_cycles(world: World, supervisor: ConnectionSupervisor, cycles: int,
                       outage: object) -> None:
    """Run writers while ``outage`` (an async callable) breaks the connection ``cycles``
    times; afterwards the client must hold every row exactly once, in order."""
    messages, notes = Collector(), Collector()
    handles = [
        await supervisor.subscribe(messages_subscription(world.ada, world.conversation.id,
                                                         messages)),
        await supervisor.subscribe(notifications_subscription(world.ada, world.ada_id, notes)),
    ]
    async with asyncio.timeout(TIMEOUT_S):
        await all_filled(handles, [1, 1])
    stop = asyncio.Event()
    writers = [message_writer(world), notification_writer(world)]
    running = [asyncio.create_task(w.run(stop), name=f"test:writer{i}")
               for i, w in enumerate(writers)]
    rnd = random.Random(5)
    try:
        for _ in range(cycles):
            counts = [h.fills + 1 for h in handles]
            await asyncio.sleep(rnd.uniform(0.05, 0.4))  # online for a while
            await outage(rnd)  # type: ignore[operator]
            async with asyncio.timeout(TIMEOUT_S):
                await all_filled(handles, counts)
    finally:
        stop.set()
        await asyncio.gather(*running)
    stored_messages = await all_rows(world.service, "messages", "conversation_id",
                                     world.conversation.id)
    stored_notes = await all_rows(world.service, "notifications", "user_id", world.ada_id)
    async with asyncio.timeout(TIMEOUT_S):
        await messages.reached(len(stored_messages))
        await notes.reached(len(stored_notes))
    assert messages.ids == [r["id"] for r in stored_messages]
    assert notes.ids == [r["id"] for r in stored_notes]
    assert sum(w.stored for w in writers) == len(stored_messages) + len(stored_notes)


@pytest.mark.parametrize("cycles", [3, pytest.param(20, marks=pytest.mark.slow)])
async def test_server_restarts_lose_and_duplicate_nothing(
        restartable: RestartableHub, supervisors: list[ConnectionSupervisor],
        cycles: int) -> None:
    world = await make_world(restartable)
    supervisor = supervisor_for(world.ada)
    supervisors.append(supervisor)
    supervisor.start()

    async def restart(rnd: random.Random) -> None:
        await restartable.stop()
        await asyncio.sleep(rnd.uniform(0.1, 1.0))  # the outage lasts this long
        await restartable.start()

    await fault_cycles(world, supervisor, cycles, restart)
    assert supervisor.connects == cycles + 1


@pytest.mark.parametrize("cycles", [2, pytest.param(20, marks=pytest.mark.slow)])
async def test_a_silently_dead_connection_is_noticed_by_heartbeats_and_recovered(
        restartable: RestartableHub, supervisors: list[ConnectionSupervisor],
        cycles: int) -> None:
    proxy = await TcpProxy(restartable.port).start()
    try:
        world = await make_world(restartable, url=proxy.url)
        supervisor = supervisor_for(world.ada)
        supervisors.append(supervisor)
        supervisor.start()
        reasons: list[str] = []

        def on_status(status: ConnectionStatus) -> None:
            if status.state is ConnectionState.OFFLINE:
                reasons.append(status.reason)

        supervisor.add_listener(on_status)

        async def blackhole(rnd: random.Random) -> None:
            proxy.freeze()
            async with asyncio.timeout(TIMEOUT_S):
                await status_where(supervisor, ConnectionState.OFFLINE, "heartbeat")
            await asyncio.sleep(rnd.uniform(0.0, 0.5))  # the route stays dead a while longer
            proxy.thaw()

        await fault_cycles(world, supervisor, cycles, blackhole)
        assert sum("no heartbeat reply" in r for r in reasons) == cycles
    finally:
        await proxy.aclose()


async def test_aclose_untracks_leaves_closes_and_leaves_no_task_behind(
        restartable: RestartableHub, supervisors: list[ConnectionSupervisor]) -> None:
    before = asyncio.all_tasks()
    world = await make_world(restartable)
    watcher = supervisor_for(world.bob)
    supervisors.append(watcher)
    watcher.start()
    online: asyncio.Queue[set[str]] = asyncio.Queue()

    def on_presence(state: RealtimePresenceState) -> None:
        online.put_nowait({str(m.get("user_id")) for metas in state.values() for m in metas})

    bob_id = world.conversation.member_ids[1]
    await watcher.subscribe(Subscription("presence:online", presence_key=bob_id,
                                         on_presence=on_presence, private=True))
    supervisor = supervisor_for(world.ada)
    supervisor.start()
    presence = await supervisor.subscribe(Subscription("presence:online",
                                                       presence_key=world.ada_id, private=True))
    await supervisor.subscribe(messages_subscription(world.ada, world.conversation.id,
                                                     Collector()))
    await presence.track({"user_id": world.ada_id, "status": "online"})
    async with asyncio.timeout(TIMEOUT_S):
        while world.ada_id not in await online.get():
            pass
        assert supervisor.realtime.is_connected
        await supervisor.aclose()
        while world.ada_id in await online.get():
            pass
    await watcher.aclose()
    # Not ours: the hub's request handlers (it runs in this process) and the clients'
    # auth refresh timers (the clients are closed at teardown).
    mine = {t for t in asyncio.all_tasks() - before if not t.done()
            and not any(s in repr(t.get_coro()) for s in ("Timer.start", "RequestHandler"))}
    assert mine == set(), [t.get_name() for t in mine]
    await restartable.no_sockets()
    assert supervisor.status.state is ConnectionState.OFFLINE


async def test_presence_is_tracked_again_after_a_server_restart(
        restartable: RestartableHub, supervisors: list[ConnectionSupervisor]) -> None:
    world = await make_world(restartable)
    changed = asyncio.Event()
    bob_id = world.conversation.member_ids[1]
    watcher = supervisor_for(world.bob)
    supervisor = supervisor_for(world.ada)
    supervisors += [watcher, supervisor]
    watcher.start()
    supervisor.start()
    watching = await watcher.subscribe(Subscription(
        "presence:online", presence_key=bob_id, on_presence=lambda state: changed.set(),
        private=True))
    mine = await supervisor.subscribe(Subscription("presence:online", presence_key=world.ada_id,
                                                   private=True))
    await mine.track({"user_id": world.ada_id, "status": "in_game"})

    def seen() -> dict[str, str]:
        state = watching.channel.presence_state()
        return {str(m.get("user_id")): str(m.get("status")) for metas in state.values()
                for m in metas}

    async def until_seen() -> None:
        while seen().get(world.ada_id) != "in_game":
            changed.clear()
            await changed.wait()

    async with asyncio.timeout(TIMEOUT_S):
        await until_seen()
        await restartable.stop()  # the server forgets every presence
        await restartable.start()
        await asyncio.gather(watching.wait_filled(2), mine.wait_filled(2))
        await until_seen()  # tracked again by the rejoin, without the feature asking
