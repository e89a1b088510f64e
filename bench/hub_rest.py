"""REST benchmark: the hub's PostgREST endpoint under 10 concurrent clients, against a bare
aiohttp handler running the same SQLite statement, in the same run.

Method:
- The hub runs as ``python -m gfdesk.hub`` in its own process; the bare server (this
  file with ``--bare-server``) in another. The load runs in this process, so server and
  clients never share one event loop; each server gets one core's loop as in production.
- Setup: 10 users sign up on the hub and join one group conversation (the chat screen's
  shape). Load: 10 concurrent clients, each in a closed loop (next request when the
  previous one answered) for D seconds: first inserts of a message
  (``return=representation``), then the chat's filtered read (``conversation_id=eq.X``,
  ``order=created_at.desc``, ``limit=20``).
- Three loads, each insert then select:
  1. ``official``: the official ``supabase`` AsyncClient, signed in (row rules apply:
     membership check on insert and read, check of the written row);
  2. ``hub``: raw httpx (the official client's transport) with the same requests and
     headers, to separate server cost from client-side cost;
  3. ``bare``: raw httpx against the bare server: one aiohttp handler per operation doing
     the same INSERT ... RETURNING (in a BEGIN IMMEDIATE transaction) or the same SELECT
     on a database with the hub's schema, no key, no JWT, no rules, no grammar.
- The three loads run in interleaved slices of 0.5 s (official, hub, bare, repeat), so
  background load on a shared machine hits all three alike.
- Two comparisons, both "ours over bare": ``bare_ratio`` is hub rps over bare rps (mean of
  insert and select) under identical load (2 vs 3); with 10 clients in one Python process
  the load generator can saturate before the server does, so the ``*_cpu_ratio`` figures
  (bare server CPU per request over hub server CPU per request, read with psutil from
  each server process during its slices) show the server-side price of PostgREST
  semantics and row rules. Target for both: >= 0.5 (within 2x of bare). The official
  client figures (``insert_rps`` ...) are what the app sees.

Usage: python bench/hub_rest.py [--quick] [--seconds S]
Last line: one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import psutil

SCRIPT = Path(__file__).resolve()
ROOT = SCRIPT.parent.parent
sys.path.insert(0, str(ROOT))

CLIENTS = 10
SECONDS = 10.0
QUICK_SECONDS = 3.0
PASSWORD = "bench-password-123"
READ_LIMIT = 20
#: Length of one interleaved measurement slice.
SLICE_S = 0.5
LINE_TIMEOUT_S = 60.0


# ---------------------------------------------------------------- bare server (child)

def _bare_server(data: Path) -> None:
    from aiohttp import web

    from gfdesk.hub.auth import AUTH_MIGRATIONS
    from gfdesk.hub.schema import PUBLIC_MIGRATIONS, TABLES
    from gfdesk.hub.store import Store

    store = Store.in_dir(data)
    store.migrate("auth", AUTH_MIGRATIONS)
    store.migrate("public", PUBLIC_MIGRATIONS)
    conversation = str(uuid.uuid4())
    with store.transaction() as tx:
        tx.conn.execute("INSERT INTO conversations (id, kind) VALUES (?, 'group')",
                        (conversation,))
        for i in range(CLIENTS):
            uid = str(uuid.uuid4())
            tx.conn.execute(
                "INSERT INTO auth_users (id, email, encrypted_password, created_at, updated_at)"
                " VALUES (?, ?, 'x', 'now', 'now')", (uid, f"bare{i}@bench.local"))
            tx.conn.execute("INSERT INTO profiles (id, username) VALUES (?, ?)",
                            (uid, f"bare{i}"))
            tx.conn.execute("INSERT INTO conversation_members (conversation_id, user_id)"
                            " VALUES (?, ?)", (conversation, uid))
    users = [r[0] for r in store.query("SELECT id FROM profiles ORDER BY username")]
    table = TABLES["messages"]
    columns = ", ".join(table.column_names)

    async def insert(request: web.Request) -> web.Response:
        row = await request.json()
        with store.transaction() as tx:
            written = tx.conn.execute(
                f"INSERT INTO messages (conversation_id, sender_id, body) VALUES (?, ?, ?)"
                f" RETURNING {columns}",
                (row["conversation_id"], row["sender_id"], row["body"])).fetchall()
        return web.json_response([table.row_to_json(r) for r in written], status=201)

    async def select(request: web.Request) -> web.Response:
        rows = store.conn.execute(
            f"SELECT {columns} FROM messages WHERE conversation_id = ?"
            " ORDER BY created_at DESC LIMIT ?",
            (request.query["conversation_id"], READ_LIMIT)).fetchall()
        return web.json_response([table.row_to_json(r) for r in rows])

    async def main() -> None:
        app = web.Application()
        app.router.add_post("/messages", insert)
        app.router.add_get("/messages", select)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        print(f"URL: http://127.0.0.1:{port}", flush=True)
        print(json.dumps({"conversation": conversation, "users": users}), flush=True)
        await asyncio.Event().wait()

    asyncio.run(main())


# ---------------------------------------------------------------- load (parent)

async def _spawn(*args: str) -> tuple[asyncio.subprocess.Process, list[str]]:
    """Start a server process and read its first lines (URL, keys or setup)."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, *args, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None
    lines = []
    for _ in range(3 if "gfdesk.hub" in args else 2):
        raw = await asyncio.wait_for(proc.stdout.readline(), LINE_TIMEOUT_S)
        lines.append(raw.decode().strip())
    return proc, lines


async def _stop(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is None:
        proc.terminate()
    await proc.wait()


class Load:
    """Latencies and busy time of one label (e.g. ``hub insert``) across its slices."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.elapsed = 0.0
        #: CPU seconds (user + system) the server process spent during the slices.
        self.server_cpu = 0.0

    async def run(self, calls: list[Callable[[], Awaitable[Any]]], seconds: float) -> None:
        """Run each client's call back to back for ``seconds`` (closed loop)."""
        deadline = time.perf_counter() + seconds

        async def worker(call: Callable[[], Awaitable[Any]]) -> None:
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                await call()
                self.latencies.append(time.perf_counter() - start)

        started = time.perf_counter()
        await asyncio.gather(*(worker(c) for c in calls))
        self.elapsed += time.perf_counter() - started

    def figures(self) -> dict[str, float]:
        latencies = sorted(self.latencies)
        return {
            "rps": len(latencies) / self.elapsed,
            "p50_ms": 1000 * statistics.median(latencies),
            "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
            "requests": len(latencies),
            "server_cpu_us": 1e6 * self.server_cpu / max(1, len(latencies)),
        }


def _show(label: str, figures: dict[str, float]) -> None:
    print(f"{label:<16} {figures['rps']:8.0f} req/s   p50 {figures['p50_ms']:6.1f} ms"
          f"   p99 {figures['p99_ms']:6.1f} ms   server CPU {figures['server_cpu_us']:5.0f} us/req"
          f"   ({figures['requests']:.0f} requests)", flush=True)


Calls = dict[str, list[Callable[[], Awaitable[Any]]]]


async def _hub_calls(url: str, anon_key: str, service_key: str, closers: list[Any]
                     ) -> tuple[Calls, Calls]:
    """Sign up 10 users in one conversation; the official and the raw-httpx calls."""
    import httpx
    from supabase import acreate_client

    clients = []
    for i in range(CLIENTS):
        client = await acreate_client(url, anon_key)
        await client.auth.sign_up({"email": f"bench{i}@bench.local", "password": PASSWORD})
        clients.append(client)
    service = await acreate_client(url, service_key)
    closers.extend([*clients, service])
    conversation = str(uuid.uuid4())
    await service.table("conversations").insert({"id": conversation, "kind": "group"}).execute()
    ids = []
    for client in clients:
        session = await client.auth.get_session()
        assert session is not None
        ids.append((session.user.id, session.access_token))
    await service.table("conversation_members").insert(
        [{"conversation_id": conversation, "user_id": uid} for uid, _ in ids]).execute()

    def official_insert(client: Any, uid: str) -> Callable[[], Awaitable[Any]]:
        return lambda: client.table("messages").insert({
            "conversation_id": conversation, "sender_id": uid, "body": "gg wp"}).execute()

    def official_select(client: Any) -> Callable[[], Awaitable[Any]]:
        return lambda: client.table("messages").select("*").eq(
            "conversation_id", conversation).order("created_at", desc=True).limit(
            READ_LIMIT).execute()

    raw = [httpx.AsyncClient(base_url=url + "/rest/v1", headers={
        "apikey": anon_key, "Authorization": f"Bearer {token}",
        "Accept-Profile": "public", "Content-Profile": "public"}) for _, token in ids]
    closers.extend(raw)

    def raw_insert(http: httpx.AsyncClient, uid: str) -> Callable[[], Awaitable[Any]]:
        async def call() -> None:
            resp = await http.post("/messages", json={
                "conversation_id": conversation, "sender_id": uid, "body": "gg wp"},
                headers={"Prefer": "return=representation"})
            assert resp.status_code == 201, resp.text
        return call

    def raw_select(http: httpx.AsyncClient) -> Callable[[], Awaitable[Any]]:
        async def call() -> None:
            resp = await http.get("/messages", params={
                "select": "*", "conversation_id": f"eq.{conversation}",
                "order": "created_at.desc", "limit": str(READ_LIMIT)})
            assert resp.status_code == 200, resp.text
        return call

    official = {
        "insert": [official_insert(c, uid) for c, (uid, _) in zip(clients, ids, strict=True)],
        "select": [official_select(c) for c in clients],
    }
    hub = {
        "insert": [raw_insert(h, uid) for h, (uid, _) in zip(raw, ids, strict=True)],
        "select": [raw_select(h) for h in raw],
    }
    return official, hub


def _bare_calls(url: str, setup: dict[str, Any], closers: list[Any]) -> Calls:
    import httpx

    conversation = setup["conversation"]
    raw = [httpx.AsyncClient(base_url=url) for _ in range(CLIENTS)]
    closers.extend(raw)

    def insert(http: httpx.AsyncClient, uid: str) -> Callable[[], Awaitable[Any]]:
        async def call() -> None:
            resp = await http.post("/messages", json={
                "conversation_id": conversation, "sender_id": uid, "body": "gg wp"})
            assert resp.status_code == 201, resp.text
        return call

    def select(http: httpx.AsyncClient) -> Callable[[], Awaitable[Any]]:
        async def call() -> None:
            resp = await http.get("/messages", params={"conversation_id": conversation})
            assert resp.status_code == 200, resp.text
        return call

    return {"insert": [insert(h, uid) for h, uid in zip(raw, setup["users"], strict=True)],
            "select": [select(h) for h in raw]}


async def _close(closers: list[Any]) -> None:
    for closer in closers:
        if hasattr(closer, "realtime"):  # an official client, not an httpx one
            if closer._postgrest is not None:
                await closer._postgrest.aclose()
            await closer.auth.close()
        else:
            await closer.aclose()


async def _run(seconds: float) -> dict[str, Any]:
    closers: list[Any] = []
    with tempfile.TemporaryDirectory(prefix="gfdesk-bench-") as tmp:
        hub, hub_lines = await _spawn("-m", "gfdesk.hub", "--port", "0", "--data", f"{tmp}/hub")
        bare, bare_lines = await _spawn(str(SCRIPT), "--bare-server",
                                        "--data", f"{tmp}/bare")
        try:
            official, raw_hub = await _hub_calls(
                hub_lines[0].removeprefix("API URL: "), hub_lines[1].removeprefix("anon key: "),
                hub_lines[2].removeprefix("service_role key: "), closers)
            raw_bare = _bare_calls(bare_lines[0].removeprefix("URL: "),
                                   json.loads(bare_lines[1]), closers)
            hub_ps, bare_ps = psutil.Process(hub.pid), psutil.Process(bare.pid)
            loads = {(label, op): Load() for label in ("official", "hub", "bare")
                     for op in ("insert", "select")}
            # Interleaved slices: the three loads see the same background noise.
            rounds = max(1, round(seconds / SLICE_S))
            for op in ("insert", "select"):
                for _ in range(rounds):
                    for label, calls, server in (("official", official, hub_ps),
                                                 ("hub", raw_hub, hub_ps),
                                                 ("bare", raw_bare, bare_ps)):
                        before = sum(server.cpu_times()[:2])
                        await loads[label, op].run(calls[op], seconds / rounds)
                        loads[label, op].server_cpu += sum(server.cpu_times()[:2]) - before
                for label in ("official", "hub", "bare"):
                    _show(f"{label} {op}", loads[label, op].figures())
        finally:
            await _close(closers)
            await _stop(hub)
            await _stop(bare)
    figures = {f"{label}_{op}": load.figures() for (label, op), load in loads.items()}
    insert_ratio = figures["hub_insert"]["rps"] / figures["bare_insert"]["rps"]
    select_ratio = figures["hub_select"]["rps"] / figures["bare_select"]["rps"]
    summary: dict[str, Any] = {
        "seconds": seconds,
        "clients": CLIENTS,
        "insert_rps": round(figures["official_insert"]["rps"], 1),
        "select_rps": round(figures["official_select"]["rps"], 1),
        "insert_p50_ms": round(figures["official_insert"]["p50_ms"], 2),
        "insert_p99_ms": round(figures["official_insert"]["p99_ms"], 2),
        "select_p50_ms": round(figures["official_select"]["p50_ms"], 2),
        "select_p99_ms": round(figures["official_select"]["p99_ms"], 2),
    }
    for label in ("hub", "bare"):
        for op in ("insert", "select"):
            summary[f"{label}_{op}_rps"] = round(figures[f"{label}_{op}"]["rps"], 1)
            summary[f"{label}_{op}_p99_ms"] = round(figures[f"{label}_{op}"]["p99_ms"], 2)
    for op in ("insert", "select"):
        for label in ("hub", "bare"):
            summary[f"{label}_{op}_cpu_us"] = round(figures[f"{label}_{op}"]["server_cpu_us"], 1)
    cpu_ratio = {op: figures[f"bare_{op}"]["server_cpu_us"] / figures[f"hub_{op}"]["server_cpu_us"]
                 for op in ("insert", "select")}
    summary |= {
        "insert_cpu_ratio": round(cpu_ratio["insert"], 3),
        "select_cpu_ratio": round(cpu_ratio["select"], 3),
        "insert_bare_ratio": round(insert_ratio, 3),
        "select_bare_ratio": round(select_ratio, 3),
        "bare_ratio": round((insert_ratio + select_ratio) / 2, 3),
    }
    print(f"hub/bare throughput: insert {insert_ratio:.2f}, select {select_ratio:.2f}"
          f" (target >= 0.5); bare/hub server CPU per request: insert"
          f" {cpu_ratio['insert']:.2f}, select {cpu_ratio['select']:.2f}", flush=True)
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_SECONDS:.0f} s per load")
    parser.add_argument("--seconds", type=float, default=None)
    parser.add_argument("--bare-server", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_server:
        _bare_server(args.data)
        return 0
    seconds = args.seconds or (QUICK_SECONDS if args.quick else SECONDS)
    summary = asyncio.run(_run(seconds))
    print(json.dumps(summary), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
