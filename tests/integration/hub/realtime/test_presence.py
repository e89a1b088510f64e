"""Presence: track, update, untrack, leave and disconnect (spec 4, 9.6)."""

from __future__ import annotations

import asyncio
from typing import Any

from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import (
    anon_client,
    close_client,
    private_config,
    realtime_as_user,
    user_client,
)
from tests.integration.hub.realtime.rawws import raw_socket, user_token


class PresenceLog:
    """Records the official client's presence callbacks; ``next()`` awaits one."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[tuple[str, str, list[Any], list[Any]]] = asyncio.Queue()

    def join(self, key: str, current: list[Any], new: list[Any]) -> None:
        self.queue.put_nowait(("join", key, current, new))

    def leave(self, key: str, current: list[Any], left: list[Any]) -> None:
        self.queue.put_nowait(("leave", key, current, left))

    async def next(self) -> tuple[str, str, list[Any], list[Any]]:
        return await asyncio.wait_for(self.queue.get(), 10)


def _presence_config(key: str) -> dict[str, Any]:
    """Channel options of a join that tracks under ``key``, as the app's are."""
    return {"config": {"presence": {"key": key, "enabled": True}, "broadcast": None,
                       "private": False}}


async def _online(hub: RunningHub, name: str) -> tuple[Any, str]:
    """A signed-in user's client, ready to join presence:online (private)."""
    client = await user_client(hub, f"{name}@presence.test")
    return client, await realtime_as_user(client)


async def _watcher(hub: RunningHub, name: str = "presence:online"
                   ) -> tuple[Any, Any, PresenceLog]:
    """A client watching ``name``: presence:online privately as a signed-in user, any
    other topic publicly with the anon key."""
    if name == "presence:online":
        client, _ = await _online(hub, "watcher")
        options = private_config("watcher")
    else:
        client, options = await anon_client(hub), _presence_config("watcher")
    log = PresenceLog()
    synced = asyncio.Event()
    channel = client.channel(name, options)
    channel.on_presence_join(log.join).on_presence_leave(log.leave)
    channel.on_presence_sync(synced.set)
    await channel.subscribe()
    await asyncio.wait_for(synced.wait(), 10)  # presence_state arrived
    return client, channel, log


def _meta(presences: list[Any]) -> list[dict[str, Any]]:
    return [{k: v for k, v in p.items() if k != "presence_ref"} for p in presences]


async def test_track_update_untrack_through_the_official_client(hub: RunningHub) -> None:
    _, _, log = await _watcher(hub)
    client, uid = await _online(hub, "one")
    channel = client.channel("presence:online", private_config(uid))
    await channel.subscribe()
    online = {"user_id": uid, "status": "online", "last_seen": "2026-01-01T00:00:00Z"}
    await channel.track(online)
    kind, key, current, new = await log.next()
    assert (kind, key, current, _meta(new)) == ("join", uid, [], [online])
    first_ref = new[0]["presence_ref"]
    assert isinstance(first_ref, str) and len(first_ref) == 16

    away = {**online, "status": "away"}
    await channel.track(away)
    kind, key, _, new = await log.next()  # an update: join of the new meta, then leave
    assert (kind, key, _meta(new)) == ("join", uid, [away])
    assert new[0]["presence_ref"] != first_ref
    kind, key, current, left = await log.next()
    assert (kind, key, _meta(current), _meta(left)) == ("leave", uid, [away], [online])

    await channel.untrack()
    kind, key, current, left = await log.next()
    assert (kind, key, current, _meta(left)) == ("leave", uid, [], [away])


async def test_update_diff_has_old_meta_in_leaves_and_phx_ref_prev(hub: RunningHub) -> None:
    async with raw_socket(hub) as sock:
        join_ref, _ = await sock.join("realtime:room1",
                                      {"presence": {"enabled": True, "key": "u"}})
        for ref, state in (("2", {"s": 1}), ("3", {"s": 2}), ("4", {"s": 2})):
            await sock.push("realtime:room1", "presence",
                            {"event": "track", "payload": state}, ref=ref, join_ref=join_ref)
        first = await sock.expect(lambda f: f["event"] == "presence_diff")
        old_meta = first["payload"]["joins"]["u"]["metas"][0]
        assert first["payload"]["leaves"] == {}
        second = await sock.expect(lambda f: f["event"] == "presence_diff")
        new_meta = second["payload"]["joins"]["u"]["metas"][0]
        assert second["payload"]["leaves"] == {"u": {"metas": [old_meta]}}
        assert new_meta["phx_ref_prev"] == old_meta["phx_ref"]
        assert new_meta["s"] == 2 and new_meta["phx_ref"] != old_meta["phx_ref"]
        # the third track repeats the payload: only its reply, no diff
        await sock.expect(lambda f: f.get("ref") == "4")
        await sock.push("phoenix", "heartbeat", {}, ref="hb")
        assert (await sock.recv())["ref"] == "hb"


async def test_disconnect_untracks(hub: RunningHub) -> None:
    _, _, log = await _watcher(hub)
    client, uid = await _online(hub, "two")
    channel = client.channel("presence:online", private_config(uid))
    await channel.subscribe()
    await channel.track({"user_id": uid})
    assert (await log.next())[:2] == ("join", uid)
    await close_client(client)
    kind, key, current, left = await log.next()
    assert (kind, key, current, _meta(left)) == ("leave", uid, [], [{"user_id": uid}])


async def test_leave_untracks(hub: RunningHub) -> None:
    _, _, log = await _watcher(hub)
    uid = "00000000-0000-4000-8000-000000000001"
    async with raw_socket(hub) as sock:
        join_ref, _ = await sock.join("realtime:presence:online",
                                      {"presence": {"enabled": True}, "private": True},
                                      access_token=user_token(hub, sub=uid))
        await sock.push("realtime:presence:online", "presence",
                        {"event": "track", "payload": {"user_id": uid}}, ref="2",
                        join_ref=join_ref)
        kind, random_key, _, _ = await log.next()
        assert kind == "join" and len(random_key) == 36  # a server-made UUID key
        await sock.push("realtime:presence:online", "phx_leave", {}, ref="3",
                        join_ref=join_ref)
        assert (await log.next())[:2] == ("leave", random_key)


async def test_tracker_gets_its_own_diff_and_later_joiners_get_state(hub: RunningHub) -> None:
    client = await anon_client(hub)
    log = PresenceLog()
    channel = client.channel("room9", _presence_config("me"))
    channel.on_presence_join(log.join)
    await channel.subscribe()
    await channel.track({"status": "busy"})
    assert (await log.next())[:2] == ("join", "me")
    _, late, late_log = await _watcher(hub, "room9")
    assert {k: _meta(v) for k, v in late.presence_state().items()} == {
        "me": [{"status": "busy"}]}
    assert late_log.queue.qsize() == 1  # the state's join of "me", nothing else


async def test_track_payload_must_be_a_map(hub: RunningHub) -> None:
    async with raw_socket(hub) as sock:
        join_ref, _ = await sock.join("realtime:room1")
        await sock.push("realtime:room1", "presence", {"event": "track", "payload": [1]},
                        ref="2", join_ref=join_ref)
        assert (await sock.recv())["payload"] == {"status": "error", "response": {
            "reason": "Presence track payload must be a map"}}
        await sock.push("realtime:room1", "presence", {"event": "dance"}, ref="3",
                        join_ref=join_ref)
        assert (await sock.recv())["payload"] == {"status": "error", "response": {}}


async def test_presence_callback_added_after_subscribe_rejoins_with_presence(
        hub: RunningHub) -> None:
    """The Python client leaves and rejoins for it; the old instance's phx_close must not
    leave the new one closed."""
    client = await anon_client(hub)
    channel = client.channel("room1")
    await channel.subscribe()
    synced = asyncio.Event()
    channel.on_presence_sync(synced.set)
    await asyncio.wait_for(synced.wait(), 10)
    joined = asyncio.Event()
    channel.on_presence_join(lambda key, current, new: joined.set())
    await channel.track({"status": "online"})
    await asyncio.wait_for(joined.wait(), 10)  # its own diff: the new instance is live
    state = channel.presence_state()
    assert [_meta(metas) for metas in state.values()] == [[{"status": "online"}]]
    assert channel.is_joined
