"""The demo world's presence and notification bots, seen by the demo user's services
exactly as phone users would be seen (a fast, seeded bot clock)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from gfdesk.core.connection import ConnectionSupervisor
from gfdesk.friends.presence import Presence, Status
from gfdesk.friends.service import FriendsService
from gfdesk.hub.context import ON_USER_CREATED
from gfdesk.hub.demo import DEMO_EMAIL, DEMO_PASSWORD, seed_demo_world
from gfdesk.hub.demo.botworld import BotClock, BotWorld
from gfdesk.hub.demo.presencebots import NotificationBots, PresenceBots
from gfdesk.hub.realtime import REALTIME
from gfdesk.hub.runner import RunningHub
from gfdesk.notifications.service import Notification, NotificationsService
from tests.helpers.friendsworld import supervisor_for, until
from tests.helpers.hubfixture import user_client, user_id


@pytest.fixture
async def supervisors() -> AsyncIterator[list[ConnectionSupervisor]]:
    made: list[ConnectionSupervisor] = []
    yield made
    for supervisor in made:
        await supervisor.aclose()


async def test_bots_come_and_go_and_notify_the_demo_user(
        hub: RunningHub, supervisors: list[ConnectionSupervisor]) -> None:
    seed_demo_world(hub.store, hub.app[ON_USER_CREATED])
    world = BotWorld(hub.store, hub.app[REALTIME], BotClock(seed=7, speed=1000))
    client = await user_client(hub, DEMO_EMAIL, DEMO_PASSWORD)
    me = await user_id(client)
    sup = supervisor_for(client)
    supervisors.append(sup)
    sup.start()
    friends = FriendsService(client, sup, me)
    history: list[Presence] = []
    changed = asyncio.Event()

    def on_presence(presences: list[Presence]) -> None:
        history.extend(presences)
        changed.set()

    friends.on_presence = on_presence
    await friends.start()
    names = {f.user_id: f.username for f in friends.friends.values()}
    assert sorted(names.values()) == ["frostbyte", "novastrike", "pixelpaladin", "vipervex"]
    notifications = NotificationsService(client, sup, None, me)
    new: list[Notification] = []
    notifications.on_new = lambda n: (new.append(n), changed.set())
    await notifications.start()
    assert notifications.handle is not None
    await notifications.handle.live.wait()

    world.start(PresenceBots(), NotificationBots())
    by_name = {v: k for k, v in names.items()}
    # The first states: in game (with a game), online, away; vipervex starts offline.
    await until(lambda: friends.presence(by_name["novastrike"]).status is Status.IN_GAME,
                changed)
    assert friends.presence(by_name["novastrike"]).game
    assert friends.presence(by_name["pixelpaladin"]).online
    # Then they move: every friend changes status a few times; notifications arrive.
    await until(lambda: len({(p.user_id, p.status) for p in history}) >= 10, changed)
    await until(lambda: len(new) >= 2, changed)
    assert {n.type for n in new} <= {"friend_request", "match_ready", "mention"}
    assert all(n.title and n.body for n in new)
    await world.aclose()
    await until(lambda: all(not friends.presence(u).online for u in names), changed)
    await notifications.aclose()
    await friends.aclose()
