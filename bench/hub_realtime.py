"""Realtime benchmark: the hub's fan-out against a bare ``websockets.broadcast`` server.

Scenarios (issue 4, "Performance"), each run against the hub and then against a bare
server that receives the same frames from the same load clients and fans out the same
payload text with ``websockets.broadcast``:

(a) broadcast: one channel, 500 subscribers, one sender pushing M broadcasts as fast as
    it can; deliveries/s from the first push to the last receipt.
(b) rooms: 1,000 connections in 6-member rooms, each room sending 2 msg/s (the shape of
    Supabase's 32k-user benchmark); p50/p99 send-to-receive latency.
(c) presence: 2,000 tracked members (1,000 with --quick); join-to-diff latency of new
    members (join sent -> their diff received by every member), then a burst of
    updates for deliveries/s.
(d) postgres_changes: one insert at a time through REST (service role) to 500
    subscribers authorized by the row rules (their own notifications); latency from
    the POST to receipt, and deliveries/s of a burst of inserts.

The hub and the bare server run in this process, one at a time; load clients run in
separate processes (raw websocket clients speaking the V1 frames the Python client
speaks). CPU is this process's CPU time during each measured phase. Clocks:
``time.monotonic`` is system-wide on Linux, so send and receive times compare across
processes.

Usage: python bench/hub_realtime.py [--quick]
Last line: one JSON object with every figure and ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import multiprocessing as mp
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORKERS = 2
CONNECT_BATCH = 50
QUIET_S = 0.3
HEARTBEAT_S = 25.0
#: Pause between the single inserts whose latency (d) measures.
SPACING_S = 0.1
PHASE_TIMEOUT_S = 120.0

# -- load clients (run in worker processes) --------------------------------------------


def _frame(topic: str, event: str, payload: Any, ref: str | None = None,
           join_ref: str | None = None) -> str:
    return json.dumps({"topic": topic, "event": event, "payload": payload, "ref": ref,
                       "join_ref": join_ref}, separators=(",", ":"))


class Member:
    """One raw V1 connection: joins, counts frames, samples latencies."""

    def __init__(self, ws: Any, wanted: str, ts_marker: str = '"ts":') -> None:
        self.ws = ws
        self.wanted = wanted  # substring marking the frames this phase counts
        self.ts_marker = ts_marker
        self.count = 0
        self.t_last = 0.0
        self.latencies: list[float] = []
        self.last_frame: str | None = None
        self.replies: asyncio.Queue[str] = asyncio.Queue()
        self.seen = 0

    async def heartbeat(self) -> None:
        """Every HEARTBEAT_S, as the official clients do (the hub closes silent sockets)."""
        try:
            while True:
                await asyncio.sleep(HEARTBEAT_S)
                await self.ws.send(_frame("phoenix", "heartbeat", {}, None))
        except Exception:  # the connection ended
            return

    async def run(self) -> None:
        beat = asyncio.create_task(self.heartbeat())
        try:
            async for text in self.ws:
                self.seen += 1
                if '"phx_reply"' in text:
                    if not text.endswith('"ref":null}'):  # not a heartbeat's
                        self.replies.put_nowait(text)
                    continue
                if self.wanted in text:
                    now = time.monotonic()
                    self.count += 1
                    self.t_last = now
                    self.last_frame = text
                    if self.ts_marker in text:
                        self.latencies.append(now - _ts_of(text, self.ts_marker))
        except Exception:  # the server went away at the end of a phase
            return
        finally:
            beat.cancel()


def _ts_of(text: str, marker: str) -> float:
    start = text.index(marker) + len(marker)
    end = start
    while text[end] in "0123456789.eE-+":
        end += 1
    return float(text[start:end])


async def _connect(url: str, n: int, wanted: str, ts_marker: str = '"ts":') -> list[Member]:
    from websockets.asyncio.client import connect

    members: list[Member] = []
    for start in range(0, n, CONNECT_BATCH):
        batch = await asyncio.gather(*(
            connect(url, compression=None, max_size=None, ping_interval=None,
                    open_timeout=60)
            for _ in range(min(CONNECT_BATCH, n - start))))
        members.extend(Member(ws, wanted, ts_marker) for ws in batch)
    return members


async def _join(member: Member, topic: str, config: dict[str, Any], ref: str = "1",
                **extra: Any) -> str:
    await member.ws.send(_frame(topic, "phx_join", {"config": config, **extra}, ref, ref))
    return await asyncio.wait_for(member.replies.get(), 60)


async def _wait_go(go: Any) -> None:
    await asyncio.get_running_loop().run_in_executor(None, go.wait)


async def _quiet(members: list[Member]) -> None:
    """Wait until no member has received anything for QUIET_S (build-up drained)."""
    last = -1
    while True:
        total = sum(m.seen for m in members)
        if total == last:
            return
        last = total
        await asyncio.sleep(QUIET_S)


async def _until(cond: Callable[[], bool], timeout: float = PHASE_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise TimeoutError("load phase did not complete")
        await asyncio.sleep(0.005)


def _report(members: list[Member], **extra: Any) -> dict[str, Any]:
    lat: list[float] = []
    for m in members:
        lat.extend(m.latencies)
    return {"count": sum(m.count for m in members),
            "t_last": max((m.t_last for m in members), default=0.0),
            "latencies": lat, **extra}


async def _fanout(spec: dict[str, Any], ready: Any, go: Any) -> dict[str, Any]:
    """(a): subscribers count broadcasts; the sender (worker 0) pushes them."""
    topic, n_msgs = spec["topic"], spec["messages"]
    members = await _connect(spec["url"], spec["n"], '"broadcast"')
    tasks = [asyncio.create_task(m.run()) for m in members]
    await asyncio.gather(*(_join(m, topic, {}) for m in members))
    sender = None
    if spec["sender"]:
        sender = (await _connect(spec["url"], 1, "\x00"))[0]
        tasks.append(asyncio.create_task(sender.run()))
        await _join(sender, topic, {})
    ready.put(spec["worker"])
    await _wait_go(go)
    t_first = time.monotonic()
    if sender is not None:
        for k in range(n_msgs):
            await sender.ws.send(_frame(topic, "broadcast", {
                "type": "broadcast", "event": "score_update",
                "payload": {"match_id": k, "score1": 2, "score2": 1, "ts": time.monotonic()}},
                None, "1"))
    await _until(lambda: all(m.count >= n_msgs for m in members))
    return _report(members, t_first=t_first)


async def _rooms(spec: dict[str, Any], ready: Any, go: Any) -> dict[str, Any]:
    """(b): rooms of 6, 2 msg/s each, latency at the other members."""
    sizes = spec["rooms"]
    members = await _connect(spec["url"], sum(sizes), '"broadcast"')
    tasks = [asyncio.create_task(m.run()) for m in members]
    del tasks  # the receive loops end with their connections
    rooms: list[tuple[str, list[Member]]] = []
    pos = 0
    for index, size in enumerate(sizes):
        topic = f"realtime:room-{spec['worker']}-{index}"
        rooms.append((topic, members[pos:pos + size]))
        pos += size
    await asyncio.gather(*(_join(m, t, {}) for t, ms in rooms for m in ms))
    ready.put(spec["worker"])
    await _wait_go(go)
    t_first = time.monotonic()
    end = t_first + spec["duration"]

    async def talk(topic: str, room: list[Member]) -> int:
        await asyncio.sleep(random.random() * spec["interval"])
        sent = 0
        next_at = time.monotonic()
        while time.monotonic() < end:
            speaker = room[sent % len(room)]
            await speaker.ws.send(_frame(topic, "broadcast", {
                "type": "broadcast", "event": "typing",
                "payload": {"user_id": f"u{sent}", "ts": time.monotonic()}}, None, "1"))
            sent += 1
            next_at += spec["interval"]
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))
        return sent * (len(room) - 1)

    expected = sum(await asyncio.gather(*(talk(t, ms) for t, ms in rooms)))
    await _until(lambda: sum(m.count for m in members) >= expected, 30)
    return _report(members, t_first=t_first, expected=expected)


async def _presence(spec: dict[str, Any], ready: Any, go: Any) -> dict[str, Any]:
    """(c): members track, then probes join+track (latency) and update (burst)."""
    topic, hub = spec["topic"], spec["hub"]
    members = await _connect(spec["url"], spec["n"], '"probe"')
    tasks = [asyncio.create_task(m.run()) for m in members]
    base = spec["first_index"]
    for i, m in enumerate(members):
        await _join(m, topic, {"presence": {"enabled": True, "key": f"m{base + i}"}})
        if hub:
            await m.ws.send(_frame(topic, "presence", {"event": "track", "payload": {
                "user_id": f"m{base + i}", "status": "online"}}, str(i + 10), "1"))
    await _quiet(members)
    probes: list[Member] = []
    if spec["probes"]:
        probes = await _connect(spec["url"], spec["probes"], '"probe"')
        tasks.extend(asyncio.create_task(p.run()) for p in probes)
    ready.put(spec["worker"])
    await _wait_go(go)
    t_first = time.monotonic()
    everyone = members + probes
    frames: list[str] = []
    if hub:
        for k, probe in enumerate(probes):  # latency: one new member at a time
            t_join = time.monotonic()
            await _join(probe, topic, {"presence": {"enabled": True, "key": f"probe-{k}"}})
            await probe.ws.send(_frame(topic, "presence", {"event": "track", "payload": {
                "probe": k, "ts": t_join}}, "2", "1"))
            marker = f'"probe":{k},'

            def arrived(probe: Member = probe, marker: str = marker) -> bool:
                return probe.count > 0 and marker in (probe.last_frame or "")

            await _until(arrived)
        t_burst = time.monotonic()
        for k, probe in enumerate(probes):  # throughput: updates, pipelined
            await probe.ws.send(_frame(topic, "presence", {"event": "track", "payload": {
                "probe": k, "burst": 1, "ts": time.monotonic()}}, "3", "1"))
        wanted = spec["total_probes"] * 2
        await _until(lambda: all(m.count >= wanted for m in members))
        frames = [p.last_frame for p in probes if p.last_frame]
    else:
        for m in probes:
            await _join(m, topic, {})
        t_burst = time.monotonic()
        for frame in spec["relay"] if probes else ():
            await probes[0].ws.send(_frame(topic, "relay", {"frame": frame}, None, "1"))
        await _until(lambda: all(m.count >= len(spec["relay"]) for m in members))
    result = _report(members, t_first=t_first, t_burst=t_burst, frames=frames,
                     counts=[m.count for m in everyone[:1]])
    if hub:  # only the join-to-diff samples; burst samples measure the burst
        result["latencies"] = [lat for m in members
                               for lat in m.latencies[:spec["total_probes"]]]
    return result


async def _changes(spec: dict[str, Any], ready: Any, go: Any) -> dict[str, Any]:
    """(d): subscribers of their own notifications; worker 0 inserts through REST."""
    import aiohttp

    topic = spec["topic"]
    members = await _connect(spec["url"], spec["n"], '"postgres_changes"', "ts=")
    tasks = [asyncio.create_task(m.run()) for m in members]
    binding = {"event": "INSERT", "schema": "public", "table": "notifications",
               "filter": f"user_id=eq.{spec['user_id']}"}
    await asyncio.gather(*(_join(m, topic, {"postgres_changes": [binding]},
                                 access_token=spec["token"]) for m in members))
    await _quiet(members)
    relay_conn = None
    if spec["sender"] and not spec["hub"]:
        relay_conn = (await _connect(spec["url"], 1, '"postgres_changes"', "ts="))[0]
        tasks.append(asyncio.create_task(relay_conn.run()))
        await _join(relay_conn, topic, {})
    ready.put(spec["worker"])
    await _wait_go(go)
    t_first = time.monotonic()
    inserts = spec["inserts"]
    if spec["sender"] and spec["hub"]:
        headers = {"apikey": spec["service_key"], "Authorization":
                   f"Bearer {spec['service_key']}", "Prefer": "return=minimal"}
        async with aiohttp.ClientSession(headers=headers) as session:
            for _ in range(inserts["sequential"]):
                row = {"user_id": spec["user_id"], "type": "bench",
                       "title": f"ts={time.monotonic()}"}
                async with session.post(spec["rest_url"], json=row) as resp:
                    assert resp.status == 201, await resp.text()
                await asyncio.sleep(SPACING_S)  # one change in flight at a time
            await asyncio.sleep(SPACING_S)
            t_burst = time.monotonic()

            async def one() -> None:
                row = {"user_id": spec["user_id"], "type": "bench", "title": "burst"}
                async with session.post(spec["rest_url"], json=row) as resp:
                    assert resp.status == 201, await resp.text()

            await asyncio.gather(*(one() for _ in range(inserts["burst"])))
    else:
        t_burst = time.monotonic()
        if relay_conn is not None:
            for frame in spec["relay"]:
                await relay_conn.ws.send(_frame(topic, "relay", {"frame": frame}, None, "1"))
            # Stay connected until the bare server has relayed all (it relays to us too).
            await _until(lambda: relay_conn.count >= len(spec["relay"]))
    total = inserts["sequential"] + inserts["burst"] if spec["hub"] else len(spec["relay"])
    try:
        await _until(lambda: all(m.count >= total for m in members))
    except TimeoutError:
        raise TimeoutError(f"received {sorted({m.count for m in members})} of {total}") from None
    frames = [members[0].last_frame] if members and members[0].last_frame else []
    result = _report(members, t_first=t_first, t_burst=t_burst, frames=frames)
    result["latencies"] = [lat for m in members for lat in m.latencies]
    return result


SCENARIOS: dict[str, Callable[[dict[str, Any], Any, Any],
                              Coroutine[Any, Any, dict[str, Any]]]] = {
    "fanout": _fanout, "rooms": _rooms, "presence": _presence, "changes": _changes,
}


def worker_main(kind: str, spec: dict[str, Any], ready: Any, go: Any, results: Any) -> None:
    try:
        result: dict[str, Any] = asyncio.run(SCENARIOS[kind](spec, ready, go))
    except BaseException:  # reported to the parent, which fails the run
        ready.put(spec["worker"])
        import traceback

        results.put({"worker": spec["worker"], "error": traceback.format_exc()[-600:]})
        return
    results.put({"worker": spec["worker"], **result})


# -- orchestration (this process: the hub, the bare server, the figures) ------------------


@dataclasses.dataclass(frozen=True)
class Sizes:
    subscribers: int
    messages: int
    room_connections: int
    room_seconds: float
    presence_members: int
    probes: int
    change_subscribers: int
    sequential_inserts: int
    burst_inserts: int


FULL = Sizes(500, 400, 1000, 20.0, 2000, 10, 500, 10, 40)
QUICK = Sizes(500, 200, 1000, 5.0, 1000, 5, 500, 5, 20)


def _split(n: int, parts: int = WORKERS) -> list[int]:
    return [n // parts + (1 if i < n % parts else 0) for i in range(parts)]


async def _phase(kind: str, specs: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], float]:
    """Run one load phase in worker processes; returns their reports and our CPU time."""
    ctx = mp.get_context("spawn")
    ready, results, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    procs = [ctx.Process(target=worker_main, args=(kind, spec, ready, go, results))
             for spec in specs]
    for proc in procs:
        proc.start()
    loop = asyncio.get_running_loop()
    for _ in specs:
        await loop.run_in_executor(None, ready.get, True, PHASE_TIMEOUT_S)
    cpu0 = time.process_time()
    go.set()
    reports = [await loop.run_in_executor(None, results.get, True, PHASE_TIMEOUT_S)
               for _ in specs]
    cpu = time.process_time() - cpu0
    for proc in procs:
        await loop.run_in_executor(None, proc.join, 30)
    reports.sort(key=lambda r: r["worker"])  # they arrive in completion order
    errors = [r["error"] for r in reports if "error" in r]
    if errors:
        raise RuntimeError(f"{kind} load failed: {errors}")
    return reports, cpu


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def _merge(reports: list[dict[str, Any]]) -> dict[str, Any]:
    return {"count": sum(r["count"] for r in reports),
            "t_last": max(r["t_last"] for r in reports),
            "latencies": [x for r in reports for x in r["latencies"]]}


class BareServer:
    """The baseline: parse each client frame, fan the same text out with websockets.broadcast."""

    def __init__(self) -> None:
        self.topics: dict[str, set[Any]] = {}
        self.server: Any = None
        self.url = ""

    async def start(self) -> None:
        from websockets.asyncio.server import serve

        self.server = await serve(self._handler, "127.0.0.1", 0, compression=None,
                                  max_size=None, ping_interval=None)
        port = next(iter(self.server.sockets)).getsockname()[1]
        self.url = f"ws://127.0.0.1:{port}/realtime/v1/websocket?vsn=1.0.0"

    async def _handler(self, ws: Any) -> None:
        from websockets.asyncio.server import broadcast
        from websockets.exceptions import ConnectionClosed

        joined: list[str] = []
        try:
            async for text in ws:
                msg = json.loads(text)
                topic, event = msg["topic"], msg["event"]
                if event == "phx_join":
                    self.topics.setdefault(topic, set()).add(ws)
                    joined.append(topic)
                    await ws.send(json.dumps({"topic": topic, "event": "phx_reply", "payload": {
                        "status": "ok", "response": {"postgres_changes": []}},
                        "ref": msg["ref"]}, separators=(",", ":")))
                elif event == "broadcast":
                    out = json.dumps({"topic": topic, "event": "broadcast",
                                      "payload": msg["payload"], "ref": None},
                                     separators=(",", ":"))
                    broadcast((m for m in self.topics.get(topic, ()) if m is not ws), out)
                elif event == "relay":
                    broadcast(self.topics.get(topic, ()), msg["payload"]["frame"])
        except ConnectionClosed:
            pass  # load clients exit without a closing handshake
        finally:
            for topic in joined:
                self.topics.get(topic, set()).discard(ws)

    async def stop(self) -> None:
        self.server.close()
        await self.server.wait_closed()


async def _bench_fanout(hub_url: str, bare: BareServer, s: Sizes) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for label, url in (("hub", hub_url), ("bare", bare.url)):
        specs = [{"worker": i, "url": url, "n": n, "topic": "realtime:bench-a",
                  "messages": s.messages, "sender": i == 0}
                 for i, n in enumerate(_split(s.subscribers))]
        reports, cpu = await _phase("fanout", specs)
        merged = _merge(reports)
        elapsed = merged["t_last"] - reports[0]["t_first"]
        out[label] = {"deliveries": merged["count"], "seconds": elapsed,
                      "dps": merged["count"] / elapsed, "cpu_s": cpu,
                      "cpu_us_per_delivery": cpu / merged["count"] * 1e6}
    return out


async def _bench_rooms(hub_url: str, bare: BareServer, s: Sizes) -> dict[str, Any]:
    out: dict[str, Any] = {}
    sizes = [6] * (s.room_connections // 6) + (
        [s.room_connections % 6] if s.room_connections % 6 > 1 else [])
    for label, url in (("hub", hub_url), ("bare", bare.url)):
        specs = [{"worker": i, "url": url, "rooms": sizes[i::WORKERS],
                  "duration": s.room_seconds, "interval": 0.5} for i in range(WORKERS)]
        reports, cpu = await _phase("rooms", specs)
        merged = _merge(reports)
        out[label] = {"rooms": len(sizes), "connections": sum(sizes),
                      "deliveries": merged["count"],
                      "dps": merged["count"] / s.room_seconds, "cpu_s": cpu,
                      "p50_ms": _pct(merged["latencies"], 0.50),
                      "p99_ms": _pct(merged["latencies"], 0.99)}
    return out


async def _bench_presence(hub_url: str, bare: BareServer, s: Sizes) -> dict[str, Any]:
    out: dict[str, Any] = {}
    relay: list[str] = []
    for label, url in (("hub", hub_url), ("bare", bare.url)):
        parts = _split(s.presence_members)
        specs = [{"worker": i, "url": url, "n": n, "topic": "realtime:bench-c",
                  "hub": label == "hub", "first_index": sum(parts[:i]),
                  "probes": s.probes if i == 0 else 0, "total_probes": s.probes,
                  "relay": relay}
                 for i, n in enumerate(parts)]
        started = time.monotonic()
        reports, cpu = await _phase("presence", specs)
        merged = _merge(reports)
        burst_deliveries = s.presence_members * s.probes
        elapsed = merged["t_last"] - reports[0]["t_burst"]
        out[label] = {"members": s.presence_members, "burst_deliveries": burst_deliveries,
                      "burst_seconds": elapsed, "dps": burst_deliveries / elapsed,
                      "cpu_s": cpu, "phase_s": time.monotonic() - started}
        if label == "hub":
            out[label]["join_to_diff_p50_ms"] = _pct(merged["latencies"], 0.50)
            out[label]["join_to_diff_p99_ms"] = _pct(merged["latencies"], 0.99)
            relay = reports[0]["frames"]
    return out


def _bench_user(hub: Any) -> tuple[str, str]:
    from gfdesk.hub import keys as hubkeys
    from gfdesk.hub.auth import hash_password, insert_user
    from gfdesk.hub.context import KEYS, ON_USER_CREATED

    with hub.store.transaction() as tx:
        user = insert_user(tx, "bench@example.com", hash_password("bench-password-123456"),
                           {"username": "bench"}, hub.app[ON_USER_CREATED])
    token = hubkeys.sign(hub.app[KEYS].secret, {
        "role": "authenticated", "aud": "authenticated", "sub": user.id,
        "exp": int(time.time()) + 3600})
    return user.id, token


async def _bench_changes(hub: Any, bare: BareServer, s: Sizes) -> dict[str, Any]:
    out: dict[str, Any] = {}
    user_id, token = _bench_user(hub)
    ws_url = hub.url.replace("http://", "ws://") + \
        f"/realtime/v1/websocket?apikey={hub.anon_key}&vsn=1.0.0"
    relay: list[str] = []
    for label, url in (("hub", ws_url), ("bare", bare.url)):
        # The writer gets a process of its own: an HTTP client sharing a loop with 250
        # busy receivers would be measured instead of the hub.
        parts = [*_split(s.change_subscribers), 0]
        specs = [{"worker": i, "url": url, "n": n, "topic": "realtime:bench-changes",
                  "hub": label == "hub", "sender": i == len(parts) - 1, "user_id": user_id,
                  "token": token, "service_key": hub.service_role_key,
                  "rest_url": hub.url + "/rest/v1/notifications", "relay": relay,
                  "inserts": {"sequential": s.sequential_inserts, "burst": s.burst_inserts},
                  "subscribers": s.change_subscribers}
                 for i, n in enumerate(parts)]
        reports, cpu = await _phase("changes", specs)
        merged = _merge(reports)
        deliveries = s.change_subscribers * s.burst_inserts
        elapsed = merged["t_last"] - reports[-1]["t_burst"]
        out[label] = {"subscribers": s.change_subscribers, "burst_deliveries": deliveries,
                      "burst_seconds": elapsed, "dps": deliveries / elapsed, "cpu_s": cpu}
        if label == "hub":
            out[label]["insert_to_receive_p50_ms"] = _pct(merged["latencies"], 0.50)
            out[label]["insert_to_receive_p99_ms"] = _pct(merged["latencies"], 0.99)
            relay = [f for r in reports for f in r["frames"]][:1] * s.burst_inserts
    return out


async def run(quick: bool, only: str | None = None) -> dict[str, Any]:
    import logging

    from gfdesk.hub.context import HubConfig
    from gfdesk.hub.realtime import REALTIME
    from gfdesk.hub.runner import start_hub

    logging.getLogger("gfdesk.hub").setLevel(logging.WARNING)
    sizes = QUICK if quick else FULL
    with tempfile.TemporaryDirectory() as tmp:
        hub = await start_hub(HubConfig(data_dir=Path(tmp)))
        registry = hub.app[REALTIME]
        registry.settings = dataclasses.replace(
            registry.settings, messages_per_second=10**9, joins_per_second=10**9)
        bare = BareServer()
        await bare.start()
        hub_ws = hub.url.replace("http://", "ws://") + \
            f"/realtime/v1/websocket?apikey={hub.anon_key}&vsn=1.0.0"
        figures: dict[str, Any] = {"quick": quick, "cores": os.cpu_count()}
        try:
            for name, coro in (("a_broadcast", _bench_fanout(hub_ws, bare, sizes)),
                               ("b_rooms", _bench_rooms(hub_ws, bare, sizes)),
                               ("c_presence", _bench_presence(hub_ws, bare, sizes)),
                               ("d_changes", _bench_changes(hub, bare, sizes))):
                if only and not name.startswith(only):
                    coro.close()
                    continue
                started = time.monotonic()
                figures[name] = await coro
                print(f"{name} ({time.monotonic() - started:.1f} s): "
                      f"{json.dumps(figures[name], default=round)}", flush=True)
        finally:
            await bare.stop()
            await hub.stop()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller run, under a minute")
    parser.add_argument("--only", choices=["a", "b", "c", "d"], help="one scenario (no summary)")
    args = parser.parse_args()
    figures = asyncio.run(run(args.quick, args.only))
    if args.only:
        return
    a, b = figures["a_broadcast"], figures["b_rooms"]
    c, d = figures["c_presence"], figures["d_changes"]
    summary = {
        "broadcast_dps": round(a["hub"]["dps"]), "bare_dps": round(a["bare"]["dps"]),
        "broadcast_ratio": round(a["hub"]["dps"] / a["bare"]["dps"], 3),
        "broadcast_cpu_us_per_delivery": round(a["hub"]["cpu_us_per_delivery"], 2),
        "bare_cpu_us_per_delivery": round(a["bare"]["cpu_us_per_delivery"], 2),
        "rooms_p50_ms": round(b["hub"]["p50_ms"], 2),
        "rooms_p99_ms": round(b["hub"]["p99_ms"], 2),
        "rooms_bare_p50_ms": round(b["bare"]["p50_ms"], 2),
        "rooms_bare_p99_ms": round(b["bare"]["p99_ms"], 2),
        "rooms_dps": round(b["hub"]["dps"]), "rooms_hub_cpu_s": round(b["hub"]["cpu_s"], 2),
        "presence_dps": round(c["hub"]["dps"]), "presence_bare_dps": round(c["bare"]["dps"]),
        "presence_ratio": round(c["hub"]["dps"] / c["bare"]["dps"], 3),
        "presence_join_to_diff_p50_ms": round(c["hub"]["join_to_diff_p50_ms"], 2),
        "presence_join_to_diff_p99_ms": round(c["hub"]["join_to_diff_p99_ms"], 2),
        "changes_dps": round(d["hub"]["dps"]), "changes_bare_dps": round(d["bare"]["dps"]),
        "changes_ratio": round(d["hub"]["dps"] / d["bare"]["dps"], 3),
        "changes_p50_ms": round(d["hub"]["insert_to_receive_p50_ms"], 2),
        "changes_p99_ms": round(d["hub"]["insert_to_receive_p99_ms"], 2),
        "quick": figures["quick"], "cores": figures["cores"],
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
