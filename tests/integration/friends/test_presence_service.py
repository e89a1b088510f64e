"""Presence between two real clients on the hub (``FriendsService``): each status step
of one reaches the other; identity is the meta's user_id, as for a phone client that
joins without a key; 100,000 members arrive without a disconnect."""

from __future__ import annotations

import asyncio

from gfdesk.core.connection import ConnectionSupervisor
from gfdesk.friends.presence import Presence, Status
from gfdesk.friends.service import FriendsService
from gfdesk.hub.runner import RunningHub
from tests.helpers.friendsworld import make_pair, seed_members, supervisor_for, until
from tests.helpers.hubfixture import user_client, user_id


class Watcher:
    """What one service reported about its friends' presence."""

    def __init__(self, service: FriendsService) -> None:
        self.latest: dict[str, Presence] = {}
        self.history: list[Presence] = []
        self.changed = asyncio.Event()
        service.on_presence = self._on_presence

    def _on_presence(self, presences: list[Presence]) -> None:
        for presence in presences:
            self.latest[presence.user_id] = presence
            self.history.append(presence)
        self.changed.set()

    def status(self, user: str) -> Status:
        return self.latest.get(user, Presence(user)).status


async def test_each_status_step_of_one_friend_reaches_the_other(
        hub: RunningHub, supervisors: list[ConnectionSupervisor]) -> None:
    pair = await make_pair(hub)
    bob_sup = supervisor_for(pair.bob)
    ada_sup = supervisor_for(pair.ada)
    supervisors += [bob_sup, ada_sup]
    bob_sup.start()
    ada_sup.start()
    bob = FriendsService(pair.bob, bob_sup, pair.bob_id)
    seen = Watcher(bob)
    await bob.start()
    assert [f.name for f in bob.friends.values()] == ["Ada"]

    ada = FriendsService(pair.ada, ada_sup, pair.ada_id)
    await ada.start()
    await until(lambda: seen.status(pair.ada_id) is Status.ONLINE, seen.changed)
    await ada.set_status(Status.AWAY)
    await until(lambda: seen.status(pair.ada_id) is Status.AWAY, seen.changed)
    await ada.set_status(Status.IN_GAME, "Arena Blitz")
    await until(lambda: seen.status(pair.ada_id) is Status.IN_GAME, seen.changed)
    assert seen.latest[pair.ada_id].game == "Arena Blitz"
    assert seen.latest[pair.ada_id].last_seen is not None
    await ada.aclose()
    await until(lambda: seen.status(pair.ada_id) is Status.OFFLINE, seen.changed)
    # Every step was seen, in order (repeats of one status collapse).
    steps = [p.status for p in seen.history if p.user_id == pair.ada_id]
    collapsed = [s for i, s in enumerate(steps) if i == 0 or steps[i - 1] is not s]
    assert collapsed[-4:] == [Status.ONLINE, Status.AWAY, Status.IN_GAME, Status.OFFLINE]
    await bob.aclose()


async def test_a_keyless_phone_client_is_identified_by_its_meta_user_id(
        hub: RunningHub, supervisors: list[ConnectionSupervisor]) -> None:
    pair = await make_pair(hub)
    bob_sup = supervisor_for(pair.bob)
    supervisors.append(bob_sup)
    bob_sup.start()
    bob = FriendsService(pair.bob, bob_sup, pair.bob_id)
    seen = Watcher(bob)
    await bob.start()

    # The mobile app's way (seed, joined privately as docs/realtime-authorization.md
    # asks): no presence key, track {user_id, status, last_seen}.
    await pair.ada.realtime.set_auth((await pair.ada.auth.get_session()).access_token)
    phone = pair.ada.channel("presence:online", {"config": {"private": True}})
    joined = asyncio.Event()
    phone.on_presence_sync(lambda: None)
    await phone.subscribe(lambda state, _err: joined.set())
    await joined.wait()
    await phone.track({"user_id": pair.ada_id, "status": "busy",
                       "last_seen": "2026-01-01T10:00:00.000"})
    await until(lambda: seen.status(pair.ada_id) is Status.BUSY, seen.changed)
    # A second device of the same user: still one friend, best status wins.
    desktop_sup = supervisor_for(pair.ada)
    supervisors.append(desktop_sup)
    desktop_sup.start()
    desktop = FriendsService(pair.ada, desktop_sup, pair.ada_id)
    await desktop.start(Status.IN_GAME, "Arena Blitz")
    await until(lambda: seen.status(pair.ada_id) is Status.IN_GAME, seen.changed)
    assert seen.latest[pair.ada_id].devices == 2
    await desktop.aclose()
    await until(lambda: seen.status(pair.ada_id) is Status.BUSY, seen.changed)
    await phone.untrack()
    await until(lambda: seen.status(pair.ada_id) is Status.OFFLINE, seen.changed)
    await pair.ada.remove_channel(phone)
    await bob.aclose()


async def test_a_100000_member_state_arrives_without_a_disconnect(
        hub: RunningHub, supervisors: list[ConnectionSupervisor]) -> None:
    members = seed_members(hub, 100_000)
    bob_client = await user_client(hub, "bob@example.com", username="bob")
    bob_id = await user_id(bob_client)
    # Heartbeat replies queue behind the ~25 MB frame while it is parsed (the default
    # interval is 25 s); the one-second test heartbeat would call that a dead link.
    sup = supervisor_for(bob_client, heartbeat_s=10.0)
    supervisors.append(sup)
    sup.start()
    bob = FriendsService(bob_client, sup, bob_id)
    loaded = asyncio.Event()
    bob.on_state_loaded = loaded.set
    await bob.start()
    async with asyncio.timeout(90):
        await loaded.wait()
    assert len(bob.index) >= 100_000
    assert bob.index.presence(members[-1]).status is Status.ONLINE
    assert sup.connects == 1
    await bob.aclose()


async def test_an_invisible_user_is_absent_for_others_but_receives_messages(
        hub: RunningHub, supervisors: list[ConnectionSupervisor]) -> None:
    from tests.helpers.chatworld import Collector, messages_subscription

    pair = await make_pair(hub)
    bob_sup, ada_sup = supervisor_for(pair.bob), supervisor_for(pair.ada)
    supervisors += [bob_sup, ada_sup]
    bob_sup.start()
    ada_sup.start()
    bob = FriendsService(pair.bob, bob_sup, pair.bob_id)
    seen = Watcher(bob)
    await bob.start()
    ada = FriendsService(pair.ada, ada_sup, pair.ada_id)
    await ada.start(Status.INVISIBLE)
    await ada.set_status(Status.ONLINE)
    await until(lambda: seen.status(pair.ada_id) is Status.ONLINE, seen.changed)
    await ada.set_status(Status.INVISIBLE)
    await until(lambda: seen.status(pair.ada_id) is Status.OFFLINE, seen.changed)
    assert pair.ada_id not in set(bob.index.user_ids())
    assert ada.presence(pair.bob_id).online, "the invisible user still sees who is online"

    # And she still receives everything: a message Bob writes reaches her channel.
    conversation = (await pair.service.table("conversations").insert(
        {"kind": "direct"}).execute()).data[0]["id"]
    await pair.service.table("conversation_members").insert(
        [{"conversation_id": conversation, "user_id": u}
         for u in (pair.ada_id, pair.bob_id)]).execute()
    rows = Collector()
    handle = await ada_sup.subscribe(messages_subscription(pair.ada, conversation, rows))
    await handle.live.wait()
    await pair.bob.table("messages").insert(
        {"conversation_id": conversation, "sender_id": pair.bob_id, "body": "u there?"}
    ).execute()
    async with asyncio.timeout(15):
        await rows.reached(1)
    assert rows.rows[0]["body"] == "u there?"
    assert seen.status(pair.ada_id) is Status.OFFLINE
    await handle.close()
    await ada.aclose()
    await bob.aclose()
