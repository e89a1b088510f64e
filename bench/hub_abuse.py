"""Abuse benchmark: does the hub stay responsive and bounded while it is attacked?

The hub runs as ``gfdesk hub`` in a child process (its memory is its own); this
process attacks it as a hostile player at a LAN party would, with the anon key or one
signed-in account, while a probe asks ``GET /auth/v1/health`` every ``PROBE_EVERY_S``
and times each answer (from a process of its own, so the attackers' work here does not
count).

1. idle: the probe alone, for the baseline latency (``probe_p99_ms_idle``).
2. filter attack: attackers send the worst ``ilike`` (a pattern that fails at its last
   character at every position of a 100 KB message, 1e8 steps) back to back, and
   postgres_changes subscribers with filters (regex filters are refused now: the
   subscribe error is counted) watch a writer insert messages, all at once
   (``probe_p99_ms_filter_attack``; the ilike requests end with 57014 at the statement
   time limit).
3. slow consumers: ``SOCKETS`` sockets join a room and never read while a sender
   broadcasts ``BROADCASTS`` payloads of 2 MB (``probe_p99_ms_slow_consumers``);
   the hub's RSS is sampled all along (``rss_peak_mb``), then every socket is closed
   and RSS read once it has settled (``rss_after_mb``), against ``rss_baseline_mb``
   read after start-up.

Targets (issue 13): both probe p99 under 50 ms, peak under 512 MB, after-close within
64 MB of the baseline. Ratios: each p99 over the idle p99, from the same run. The hub's
CPU seconds in each attack phase are printed too: the machine is shared (2 cores), and
a probe's latency also counts time the hub waited for a core.

Usage: python bench/hub_abuse.py [--quick]
Last line: one JSON object with every figure and ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers.silentws import SilentSocket  # noqa: E402

PROBE_EVERY_S = 0.02
PASSWORD = "correct-horse-battery-staple-42"
#: Fails only at its last character at every position of a run of "a" (* is %).
WORST_PATTERN = "*" + "a" * 1000 + "b"
#: 100 KB of message text, in bodies of the longest length allowed (2,000 characters).
MESSAGE_BYTES = 100_000
MESSAGE_BODY_MAX = 2_000
PAYLOAD_BYTES = 2 * 1024 * 1024
URL_LINE = re.compile(r"^API URL: (\S+)$")


@dataclass(frozen=True)
class Sizes:
    phase_s: float
    attackers: int
    subscribers: int
    sockets: int
    broadcasts: int


FULL = Sizes(phase_s=8.0, attackers=6, subscribers=100, sockets=500, broadcasts=12)
QUICK = Sizes(phase_s=3.0, attackers=4, subscribers=50, sockets=500, broadcasts=8)


@dataclass
class Hub:
    proc: asyncio.subprocess.Process
    url: str
    anon_key: str
    service_key: str

    @property
    def rss_mb(self) -> float:
        return float(psutil.Process(self.proc.pid).memory_info().rss) / 2**20

    @property
    def cpu_s(self) -> float:
        """CPU time the hub has used (all its threads): what the load cost it, whatever
        else runs on the machine."""
        times = psutil.Process(self.proc.pid).cpu_times()
        return float(times.user + times.system)


async def start_hub(data: Path) -> Hub:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "gfdesk.hub", "--port", "0", "--data", str(data),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL, cwd=ROOT)
    assert proc.stdout is not None
    lines = [(await proc.stdout.readline()).decode().strip() for _ in range(3)]
    url = URL_LINE.match(lines[0])
    assert url, lines
    return Hub(proc, url.group(1), lines[1].split(": ", 1)[1], lines[2].split(": ", 1)[1])


class Probe:
    """Times a health request every ``PROBE_EVERY_S`` while running."""

    def __init__(self, url: str, anon_key: str, http: aiohttp.ClientSession) -> None:
        self._url, self._key, self._http = url, anon_key, http
        self.latencies_ms: list[float] = []

    async def run(self, seconds: float) -> None:
        url, headers = f"{self._url}/auth/v1/health", {"apikey": self._key}
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            started = time.perf_counter()
            async with self._http.get(url, headers=headers) as response:
                await response.read()
            self.latencies_ms.append((time.perf_counter() - started) * 1000)
            await asyncio.sleep(PROBE_EVERY_S)


async def probe_main(url: str, anon_key: str, seconds: float) -> None:
    """The probe's own process: the attackers' work in this one must not slow it."""
    async with aiohttp.ClientSession() as http:
        probe = Probe(url, anon_key, http)
        await probe.run(seconds)
    print(json.dumps(probe.latencies_ms))


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] if ordered else 0.0


async def probed(hub: Hub, seconds: float, *load: Any) -> tuple[list[float], list[Any]]:
    """Run the probe (in a process of its own) for ``seconds`` beside the ``load``
    coroutines, which are cancelled after."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--probe", hub.url, hub.anon_key, str(seconds),
        stdout=asyncio.subprocess.PIPE, cwd=ROOT)
    tasks = [asyncio.ensure_future(c) for c in load]
    out, _ = await proc.communicate()
    for task in tasks:
        task.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    return json.loads(out), results


async def _json(http: aiohttp.ClientSession, method: str, url: str, key: str,
                body: Any = None, token: str | None = None) -> Any:
    headers = {"apikey": key, "Authorization": f"Bearer {token or key}",
               "Prefer": "return=representation"}
    async with http.request(method, url, json=body, headers=headers) as response:
        text = await response.text()
        return json.loads(text) if text else None


async def world(hub: Hub, http: aiohttp.ClientSession) -> tuple[str, str, str]:
    """An attacker (signed in) in a conversation holding 100 KB of messages."""
    session = await _json(http, "POST", f"{hub.url}/auth/v1/signup", hub.anon_key,
                          {"email": "attacker@bench.test", "password": PASSWORD})
    token, uid = session["access_token"], session["user"]["id"]
    rest = f"{hub.url}/rest/v1"
    rows = await _json(http, "POST", f"{rest}/conversations", hub.service_key,
                       {"kind": "group"})
    conversation = rows[0]["id"]
    await _json(http, "POST", f"{rest}/conversation_members", hub.service_key,
                {"conversation_id": conversation, "user_id": uid})
    await _json(http, "POST", f"{rest}/messages", hub.service_key,
                [{"conversation_id": conversation, "sender_id": uid,
                  "body": "a" * MESSAGE_BODY_MAX}
                 for _ in range(MESSAGE_BYTES // MESSAGE_BODY_MAX)])
    return token, uid, conversation


async def ilike_attacker(hub: Hub, http: aiohttp.ClientSession, token: str,
                         outcomes: list[str]) -> None:
    url = f"{hub.url}/rest/v1/messages?select=id&body=ilike.{WORST_PATTERN}"
    while True:
        answer = await _json(http, "GET", url, hub.anon_key, token=token)
        outcomes.append(answer.get("code", "ok") if isinstance(answer, dict) else "ok")


def ws_url(hub: Hub) -> str:
    return hub.url.replace("http", "ws", 1) + \
        f"/realtime/v1/websocket?apikey={hub.anon_key}&vsn=1.0.0"


async def change_watchers(hub: Hub, http: aiohttp.ClientSession, token: str, uid: str,
                          conversation: str, count: int, refused: list[str]) -> None:
    """Subscribers with filters (every third tries a regex), and a writer to feed them."""
    sockets = []
    try:
        for n in range(count):
            ws = await http.ws_connect(ws_url(hub))
            sockets.append(ws)
            filt = "body=match.^(a+)+$" if n % 3 == 0 else f"body=neq.{n}"
            await ws.send_json({"topic": f"realtime:watch{n}", "event": "phx_join",
                                "ref": "1", "join_ref": "1", "payload": {
                                    "config": {"postgres_changes": [{
                                        "event": "INSERT", "schema": "public",
                                        "table": "messages", "filter": filt}]},
                                    "access_token": token}})
        for ws in sockets[::3]:
            while True:
                frame = await ws.receive_json()
                if frame["event"] == "system":
                    refused.append(frame["payload"]["status"])
                    break
        while True:
            await _json(http, "POST", f"{hub.url}/rest/v1/messages", hub.service_key,
                        {"conversation_id": conversation, "sender_id": uid,
                         "body": "a" * 30 + "!"})
            await asyncio.sleep(0.05)
    finally:
        for ws in sockets:
            await ws.close()


async def broadcaster(hub: Hub, http: aiohttp.ClientSession, count: int,
                      done: asyncio.Event) -> None:
    ws = await http.ws_connect(ws_url(hub), max_msg_size=0)
    try:
        await ws.send_json({"topic": "realtime:lanparty", "event": "phx_join", "ref": "1",
                            "join_ref": "1", "payload": {"config": {}}})
        await ws.receive()
        blob = "x" * PAYLOAD_BYTES
        for n in range(count):
            await ws.send_json({"topic": "realtime:lanparty", "event": "broadcast",
                                "ref": str(n + 2), "join_ref": "1",
                                "payload": {"type": "broadcast", "event": "blob",
                                            "payload": {"n": n, "blob": blob}}})
            await asyncio.sleep(0.2)
        done.set()
        await asyncio.Event().wait()
    finally:
        await ws.close()


async def rss_sampler(hub: Hub, peak: list[float]) -> None:
    while True:
        peak.append(hub.rss_mb)
        await asyncio.sleep(0.05)


async def settled_rss(hub: Hub, rounds: int = 40) -> float:
    """RSS once it stops falling (read every 0.25 s, at most ``rounds`` times)."""
    last = hub.rss_mb
    for _ in range(rounds):
        await asyncio.sleep(0.25)
        now = hub.rss_mb
        if abs(now - last) < 1.0:
            return now
        last = now
    return last


async def run(sizes: Sizes) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        hub = await start_hub(Path(tmp))
        try:
            async with aiohttp.ClientSession(
                    connector=aiohttp.TCPConnector(limit=0)) as http:
                token, uid, conversation = await world(hub, http)
                baseline = await settled_rss(hub)
                idle, _ = await probed(hub, sizes.phase_s)
                outcomes: list[str] = []
                refused: list[str] = []
                cpu = [hub.cpu_s]
                attack, _ = await probed(
                    hub, sizes.phase_s,
                    *(ilike_attacker(hub, http, token, outcomes)
                      for _ in range(sizes.attackers)),
                    change_watchers(hub, http, token, uid, conversation,
                                    sizes.subscribers, refused))
                cpu.append(hub.cpu_s)
                silent = [await SilentSocket.join(hub.url, hub.anon_key, "lanparty")
                          for _ in range(sizes.sockets)]
                cpu.append(hub.cpu_s)
                peak: list[float] = []
                done = asyncio.Event()
                sampler = asyncio.ensure_future(rss_sampler(hub, peak))
                slow, _ = await probed(hub, sizes.phase_s,
                                       broadcaster(hub, http, sizes.broadcasts, done))
                cpu.append(hub.cpu_s)
                for sock in silent:
                    sock.close()
                after = await settled_rss(hub)
                sampler.cancel()
                await asyncio.gather(sampler, return_exceptions=True)
        finally:
            hub.proc.send_signal(2)
            await hub.proc.wait()
    figures = {
        "probe_p99_ms_idle": round(p99(idle), 2),
        "probe_p99_ms_filter_attack": round(p99(attack), 2),
        "probe_p99_ms_slow_consumers": round(p99(slow), 2),
        "probe_samples": [len(idle), len(attack), len(slow)],
        "ilike_requests": len(outcomes),
        "ilike_statement_timeouts": outcomes.count("57014"),
        "regex_filters_refused": refused.count("error"),
        "slow_sockets": sizes.sockets,
        "broadcast_mb": round(sizes.broadcasts * PAYLOAD_BYTES / 2**20),
        "rss_baseline_mb": round(baseline, 1),
        "rss_peak_mb": round(max(peak, default=baseline), 1),
        "rss_after_mb": round(after, 1),
        "rss_after_minus_baseline_mb": round(after - baseline, 1),
        "hub_cpu_s_filter_attack": round(cpu[1] - cpu[0], 2),
        "hub_cpu_s_slow_consumers": round(cpu[3] - cpu[2], 2),
        "phase_s": sizes.phase_s,
        "filter_attack_p99_ratio": round(p99(attack) / max(p99(idle), 1e-6), 2),
        "slow_consumers_p99_ratio": round(p99(slow) / max(p99(idle), 1e-6), 2),
        "cores": os.cpu_count(),
    }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter phases, under a minute")
    parser.add_argument("--probe", nargs=3, metavar=("URL", "KEY", "SECONDS"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        asyncio.run(probe_main(args.probe[0], args.probe[1], float(args.probe[2])))
        return
    sizes = QUICK if args.quick else FULL
    figures = asyncio.run(run(sizes))
    for name, value in figures.items():
        print(f"{name}: {value}")
    print(json.dumps({**figures, "quick": args.quick}))


if __name__ == "__main__":
    main()
