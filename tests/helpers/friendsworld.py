"""Two friends on one hub, each with a connection supervisor, for the friends and
notifications tests; and presence members seeded straight into the hub's registry."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from supabase import AsyncClient

from gfdesk.hub.realtime import REALTIME
from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import service_client, user_client, user_id
from tests.helpers.supervisors import supervisor_for as supervisor_for  # re-exported


@dataclass
class Pair:
    """Ada and Bob, accepted friends, each signed in on their own client."""

    ada: AsyncClient
    bob: AsyncClient
    service: AsyncClient
    ada_id: str
    bob_id: str


async def make_pair(hub: RunningHub, ada_name: str = "Ada", bob_name: str = "Bob") -> Pair:
    ada = await user_client(hub, "ada@example.com", username="ada", display_name=ada_name)
    bob = await user_client(hub, "bob@example.com", username="bob", display_name=bob_name)
    service = await service_client(hub)
    ada_id, bob_id = await user_id(ada), await user_id(bob)
    await service.table("friendships").insert(
        {"user_id": ada_id, "friend_id": bob_id, "status": "accepted"}).execute()
    return Pair(ada, bob, service, ada_id, bob_id)


def seed_members(hub: RunningHub, count: int, topic: str = "presence:online") -> list[str]:
    """Track ``count`` socket-less members (random user ids) on the hub; their ids."""
    registry = hub.app[REALTIME]
    now = dt.datetime.now(dt.UTC).isoformat()
    ids = []
    for n in range(count):
        uid = str(uuid.uuid4())
        registry.server_track(topic, ("seed", n), uid, {
            "user_id": uid, "status": "online", "last_seen": now, "device": "mobile"})
        ids.append(uid)
    return ids


async def until(condition: Callable[[], bool], changed: asyncio.Event,
                timeout: float = 20.0) -> None:
    """Wait until ``condition()`` holds, re-checking each time ``changed`` is set."""
    async with asyncio.timeout(timeout):
        while not condition():
            changed.clear()
            await changed.wait()
