"""Presence at scale: the friends list with N = 1,000, 10,000 and 100,000 members online
on ``presence:online``.

Method: the hub runs in another process (a real server is another machine; in this
process its 25 MB serialization would hold the GIL and be counted as our stall). It
holds N members tracked through its registry (``Registry.server_track``, no sockets),
10 of them the user's friends. For each N the app side (qasync loop, offscreen Qt)
builds a fresh connection and ``FriendsFeature`` and measures:

- ``first_list_ms``: from ``start()`` to the first complete friends list (the state is
  indexed and every friend's row shows them online);
A throwaway round with 100 members runs first (first-use costs are not presence work).

- ``max_stall_ms``: the worst lateness of a 5 ms ``NamedTimer`` from the join to a
  second after the list was complete (the GUI thread's longest freeze);
  ``max_busy_stall_ms`` counts only the GUI thread's own CPU time in it (a shared
  machine sometimes does not schedule the process at all);
- ``join_us`` / ``leave_us``: the median client-side cost of one diff (a friend joins
  or leaves: index update plus the model's row update), over repeated diffs.

``diff_ratio`` is the per-diff cost (join and leave together) at the largest N over the
smallest. Targets: max stall < 50 ms at every N, diff ratio < 2.

Usage: python bench/presence.py [--quick]
Last line: one JSON object with max_n, max_stall_ms, diff_ratio and the per-N figures.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
import uuid
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from support.appside import StallMeter, signed_in  # noqa: E402

SIZES = (1_000, 10_000, 100_000)
FRIENDS = 10
PASSWORD = "correct-horse-battery-staple-42"
TOPIC = "presence:online"


# -- the hub process --------------------------------------------------------------------

def _hub_main(conn: Connection) -> None:
    asyncio.run(_hub_serve(conn))


async def _hub_serve(conn: Connection) -> None:
    import logging

    from gfdesk.hub.context import HubConfig
    from gfdesk.hub.realtime import REALTIME
    from gfdesk.hub.runner import start_hub

    logging.disable(logging.WARNING)
    hub = await start_hub(HubConfig(data_dir=Path(tempfile.mkdtemp(prefix="gf-bench-"))))
    registry = hub.app[REALTIME]
    conn.send((hub.url, hub.anon_key, hub.service_role_key))
    loop = asyncio.get_running_loop()
    owners: list[Any] = []
    now = dt.datetime.now(dt.UTC).isoformat()
    while True:
        command, arg = await loop.run_in_executor(None, conn.recv)
        if command == "seed":  # arg: (count, friend ids)
            count, friends = arg
            for owner in owners:
                registry.server_untrack(TOPIC, owner)
            owners = []
            for n in range(count):
                uid = friends[n] if n < len(friends) else str(uuid.uuid4())
                owner = ("member", n)
                registry.server_track(TOPIC, owner, uid, {
                    "user_id": uid, "status": "online", "last_seen": now, "device": "mobile"})
                owners.append(owner)
            conn.send(count)
        elif command == "leave":
            registry.server_untrack(TOPIC, ("member", arg))
            conn.send(True)
        elif command == "join":
            uid = arg[1]
            registry.server_track(TOPIC, ("member", arg[0]), uid, {
                "user_id": uid, "status": "in_game", "game": "Arena Blitz",
                "last_seen": now, "device": "mobile"})
            conn.send(True)
        else:
            await hub.stop()
            conn.send(True)
            return


# -- the app side ---------------------------------------------------------------------------

async def _ask(conn: Connection, command: str, arg: Any = None) -> Any:
    conn.send((command, arg))
    return await asyncio.get_running_loop().run_in_executor(None, conn.recv)


async def _measure(conn: Connection, url: str, anon: str, user: tuple[str, str],
                   friends: list[str], n: int, repeats: int) -> dict[str, float]:
    from gfdesk.core.clientfactory import close_client
    from gfdesk.core.session import Account
    from gfdesk.feature import FeatureScope
    from gfdesk.friends.feature import FriendsFeature
    from gfdesk.friends.presence import Status

    await _ask(conn, "seed", (n, friends))
    client, user_id, supervisor = await signed_in(url, anon, user[0], PASSWORD)
    feature = FriendsFeature(FeatureScope(
        supervisor, client, None, Account(user_id, user[0], user[0])))
    loaded = asyncio.Event()
    feature.service.on_state_loaded = loaded.set
    costs: list[float] = []
    original = feature.service.on_diff

    def timed_on_diff(diff: dict[str, Any]) -> None:
        started = time.perf_counter()
        original(diff)
        costs.append(time.perf_counter() - started)

    feature.service.on_diff = timed_on_diff  # type: ignore[method-assign]
    meter = StallMeter()
    meter.start()
    started = time.perf_counter()
    await feature.start()
    await asyncio.wait_for(loaded.wait(), 300)
    first_list = time.perf_counter() - started
    assert feature.model.online_count() == len(friends), feature.model.online_count()
    await asyncio.sleep(1.0)
    stall = meter.stop()
    busy = meter.worst_busy_ms
    connects = supervisor.connects

    changed = asyncio.Event()
    feature.model.dataChanged.connect(lambda *_: changed.set())
    joins: list[float] = []
    leaves: list[float] = []
    for i in range(repeats):
        friend = i % len(friends)
        for command, sink, want in (("leave", leaves, Status.OFFLINE),
                                    ("join", joins, Status.IN_GAME)):
            costs.clear()
            changed.clear()
            await _ask(conn, command, friend if command == "leave" else (friend, friends[friend]))
            row = feature.model.row_of(friends[friend])
            while row is None or row.status is not want:
                await asyncio.wait_for(changed.wait(), 30)
                changed.clear()
                row = feature.model.row_of(friends[friend])
            sink.append(sum(costs))
    await feature.aclose()
    await supervisor.aclose()
    await close_client(client)
    return {"n": n, "first_list_ms": round(first_list * 1000, 1),
            "max_stall_ms": round(stall, 1), "max_busy_stall_ms": round(busy, 1),
            "join_us": round(statistics.median(joins) * 1e6, 1),
            "leave_us": round(statistics.median(leaves) * 1e6, 1),
            "connects": connects, "members_indexed": len(feature.service.index)}


async def _run(sizes: tuple[int, ...], repeats: int) -> dict[str, Any]:
    from gfdesk.core.clientfactory import close_client, create_client

    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe()
    process = ctx.Process(target=_hub_main, args=(child,), daemon=True)
    process.start()
    loop = asyncio.get_running_loop()
    url, anon, service_key = await loop.run_in_executor(None, parent.recv)
    try:
        users = []
        for name in ["me", *(f"friend{i}" for i in range(FRIENDS))]:
            client = await create_client(url, anon)
            email = f"{name}@bench.example"
            result = await client.auth.sign_up({"email": email, "password": PASSWORD,
                                                "options": {"data": {"display_name": name}}})
            assert result.user is not None
            users.append((email, result.user.id))
            await close_client(client)
        service = await create_client(url, service_key)
        me = users[0]
        friend_ids = [u[1] for u in users[1:]]
        await service.table("friendships").insert([
            {"user_id": me[1], "friend_id": f, "status": "accepted"} for f in friend_ids
        ]).execute()
        await close_client(service)
        # A throwaway round first: first-use costs (imports, first widget polish) are
        # not presence work and would land on whichever N ran first.
        await _measure(parent, url, anon, me, friend_ids, 100, 1)
        results = []
        for n in sizes:
            figures = await _measure(parent, url, anon, me, friend_ids, n, repeats)
            print(f"N={n:>7}: first list {figures['first_list_ms']:8.1f} ms, "
                  f"max stall {figures['max_stall_ms']:6.1f} ms (busy "
                  f"{figures['max_busy_stall_ms']:5.1f}), join {figures['join_us']:7.1f} µs,"
                  f" leave {figures['leave_us']:7.1f} µs, connects {figures['connects']}",
                  flush=True)
            results.append(figures)
    finally:
        await _ask(parent, "stop")
        process.join(10)
    small, large = results[0], results[-1]
    ratio = ((large["join_us"] + large["leave_us"]) / max(1e-9, small["join_us"]
                                                           + small["leave_us"]))
    return {"max_n": large["n"], "max_stall_ms": max(r["max_stall_ms"] for r in results),
            "max_busy_stall_ms": max(r["max_busy_stall_ms"] for r in results),
            "load_average": round(os.getloadavg()[0], 2),
            "diff_ratio": round(ratio, 2), "per_n": results,
            "targets": {"max_stall_ms": 50, "diff_ratio": 2}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer diffs per N (< 1 min)")
    args = parser.parse_args()
    from gfdesk import bridge

    repeats = 5 if args.quick else 30
    summary = bridge.run(lambda: _run(SIZES, repeats))
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
