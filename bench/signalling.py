"""Call set-up time with each call's messages on Realtime and on Socket.IO (the hub's
call relay), in the same run, on loopback.

Method: one hub in this process, two pairs of call engines on it (real aiortc peers
on synthetic 320x240 media, as the integration tests' call world makes them): one pair
signals over Realtime broadcasts, the other over the hub's Socket.IO relay; their call
rows go through REST and ``calls:{user_id}`` alike. Each call is timed from just before
the caller's engine inserts the ringing row (``CallEngine.place``) to the later of the
two sides reaching CONNECTED (media connected: ICE and DTLS done, the engine's
``connected_at``). The callee accepts as soon as its engine rings. The caller then
hangs up and both wait until their engines are idle before the next call. The two
ways alternate call by call, so a slow moment of this shared machine hits both.

Target: Socket.IO set-up within 1.2x of Realtime's (``ratio`` = Socket.IO p50 over
Realtime p50, from this run).

Usage: python bench/signalling.py [--quick] [--calls N]
Last line: one JSON object with every figure and ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 1.2
CALLS = 20
QUICK_CALLS = 10


async def _one_call(caller: Any, callee: Any) -> float:
    """One call from ``caller`` to ``callee`` (call-world parties); its set-up seconds."""
    from gfdesk.calls.states import CallState

    start = time.monotonic()
    await caller.engine.place(callee.user_id)
    await callee.wait_state(CallState.RINGING)
    await callee.engine.accept()
    ends = []
    for party in (caller, callee):
        info = await party.wait_state(CallState.CONNECTED)
        ends.append(info.connected_at)
    setup = max(ends) - start
    await caller.engine.hang_up()
    await callee.wait_state(CallState.ENDED)
    for party in (caller, callee):
        await party.engine.wait_idle()
    return setup


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return round(ordered[index] * 1000, 1)


async def run(calls: int) -> dict[str, Any]:
    from gfdesk.hub.context import HubConfig
    from gfdesk.hub.runner import start_hub
    from tests.helpers.callworld import CallWorld
    from tests.helpers.hubfixture import close_client

    with tempfile.TemporaryDirectory(prefix="gfdesk-bench-signalling-") as tmp:
        hub = await start_hub(HubConfig(data_dir=Path(tmp) / "hub"))
        worlds = {"realtime": CallWorld(hub), "socketio": CallWorld(hub, socketio_url=hub.url)}
        try:
            pairs = {}
            for way, names in (("realtime", ("ada", "bob")), ("socketio", ("cal", "dan"))):
                pairs[way] = (await worlds[way].party(names[0]),
                              await worlds[way].party(names[1]))
            for caller, callee in pairs.values():  # warm-up: aiortc's imports
                await _one_call(caller, callee)
            times: dict[str, list[float]] = {way: [] for way in pairs}
            for _ in range(calls):
                for way, (caller, callee) in pairs.items():
                    times[way].append(await _one_call(caller, callee))
        finally:
            for world in worlds.values():
                clients = [p.client for p in world.parties]
                await world.aclose()
                for client in clients:
                    await close_client(client)
            await hub.stop()
    figures: dict[str, Any] = {"calls": calls}
    for way, values in times.items():
        figures[f"{way}_setup_p50_ms"] = round(statistics.median(values) * 1000, 1)
        figures[f"{way}_setup_p90_ms"] = _ms(values, 0.9)
        figures[f"{way}_setup_min_ms"] = _ms(values, 0.0)
    ratio = round(statistics.median(times["socketio"]) / statistics.median(times["realtime"]), 3)
    figures["ratio"] = ratio
    figures["target_ratio"] = TARGET_RATIO
    figures["within_target"] = ratio <= TARGET_RATIO
    figures["load_avg_1m"] = round(os.getloadavg()[0], 2)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_CALLS} calls each way (under a minute)")
    parser.add_argument("--calls", type=int, help=f"calls each way (default {CALLS})")
    args = parser.parse_args()
    calls = args.calls or (QUICK_CALLS if args.quick else CALLS)
    logging.basicConfig(level=logging.ERROR)
    figures = asyncio.run(run(calls))
    print(f"call set-up, row inserted to media connected, {calls} calls each way "
          f"(loopback, load {figures['load_avg_1m']}):")
    for way in ("realtime", "socketio"):
        print(f"  {way:9} p50 {figures[f'{way}_setup_p50_ms']:7.1f} ms   "
              f"p90 {figures[f'{way}_setup_p90_ms']:7.1f} ms   "
              f"min {figures[f'{way}_setup_min_ms']:7.1f} ms")
    print(f"  ratio (Socket.IO / Realtime, p50) {figures['ratio']:.3f} "
          f"(target <= {TARGET_RATIO})")
    print(json.dumps(figures, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
