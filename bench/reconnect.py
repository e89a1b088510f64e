"""Reconnect benchmark: how fast a client with 20 joined channels is whole again after
an outage during which 200 rows were written, and whether any row was lost or doubled.

Setup: a hub and a loopback TCP proxy run on their own thread and loop (as a server
would, so their work does not run on the client's loop). The client (the app's own
stack: client factory, session, ``ConnectionSupervisor`` with the default backoff of
0.5 s doubling up to 30 s, full jitter) reaches the hub only through the proxy and
joins 20 ``chat:{id}`` channels, each a postgres_changes INSERT subscription on
``messages`` with a REST gap fill.

One cycle: the proxy goes down (every connection reset, new ones refused: the server
is unreachable for the client); another user writes 200 messages over the 20
conversations straight to the hub; the proxy accepts connections again (t0). Measured
on the client's loop: from t0 until every channel has rejoined and its gap fill has
delivered (t1). The supervisor is then usually still waiting out the backoff it drew
while the server was away; that remaining wait is reported as ``backoff_ms`` and
subtracted: ``recover_minus_backoff_ms`` is what the reconnect itself costs (connect,
20 rejoins, 20 REST gap fills). Afterwards every conversation's delivered rows are
compared with the database: ``lost`` and ``duplicated`` count rows over all cycles.

Target: recover_minus_backoff_ms median under 1000 ms; lost = duplicated = 0.

Usage: python bench/reconnect.py [--quick] [--cycles N]
Last line: one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gfdesk.core.clientfactory import close_client, create_client  # noqa: E402
from gfdesk.core.connection import ConnectionSupervisor  # noqa: E402
from gfdesk.core.session import Credentials, SessionService  # noqa: E402
from gfdesk.core.tokenstore import TokenStore  # noqa: E402
from gfdesk.hub.context import HubConfig  # noqa: E402
from gfdesk.hub.runner import RunningHub, start_hub  # noqa: E402
from tests.helpers.chatworld import Collector, Writer, all_rows, messages_subscription  # noqa: E402
from tests.helpers.hubfixture import DEFAULT_PASSWORD  # noqa: E402
from tests.helpers.memkeyring import MemoryKeyring  # noqa: E402
from tests.helpers.tcpproxy import TcpProxy  # noqa: E402

CHANNELS = 20
ROWS_PER_OUTAGE = 200
CYCLES = 10
QUICK_CYCLES = 3
TIMEOUT_S = 120
T = TypeVar("T")


class ServerThread:
    """An event loop on its own thread for the hub and the proxy."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="bench-server",
                                        daemon=True)
        self._thread.start()

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coro, self.loop))

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)
        self.loop.close()


async def bench(cycles: int) -> dict[str, Any]:
    server = ServerThread()
    data = Path(tempfile.mkdtemp(prefix="gfdesk-bench-"))
    hub: RunningHub = await server.run(start_hub(HubConfig(data_dir=data / "hub")))
    proxy = await server.run(TcpProxy(int(hub.url.rsplit(":", 1)[1])).start())
    clients = []
    supervisor: ConnectionSupervisor | None = None
    try:
        async def client(url: str, key: str) -> Any:
            made = await create_client(url, key)
            clients.append(made)
            return made

        service = await client(hub.url, hub.service_role_key)
        bob = await client(hub.url, hub.anon_key)
        bob_user = (await bob.auth.sign_up({"email": "bob@example.com",
                                            "password": DEFAULT_PASSWORD})).user
        ada = await client(proxy.url, hub.anon_key)
        await ada.auth.sign_up({"email": "ada@example.com", "password": DEFAULT_PASSWORD})
        session = SessionService(ada, TokenStore("bench", MemoryKeyring()))
        account = await session.sign_in(Credentials("ada@example.com", DEFAULT_PASSWORD),
                                        remember=False)
        assert bob_user is not None
        conversations = []
        for _ in range(CHANNELS):
            row = (await service.table("conversations").insert({"kind": "direct"}).execute()
                   ).data[0]
            await service.table("conversation_members").insert([
                {"conversation_id": row["id"], "user_id": account.user_id},
                {"conversation_id": row["id"], "user_id": bob_user.id}]).execute()
            conversations.append(row["id"])

        supervisor = ConnectionSupervisor(ada, label="bench", token=session.access_token)
        supervisor.start()
        collectors = [Collector() for _ in conversations]
        handles = [await supervisor.subscribe(messages_subscription(ada, cid, c))
                   for cid, c in zip(conversations, collectors, strict=True)]
        async with asyncio.timeout(TIMEOUT_S):
            await asyncio.gather(*(h.wait_filled(1) for h in handles))
        def row_maker(cid: str) -> Callable[[int], dict[str, Any]]:
            return lambda n: {"conversation_id": cid, "sender_id": bob_id, "body": f"m{n}"}

        bob_id = bob_user.id
        writers = [Writer(bob, "messages", row_maker(cid)) for cid in conversations]

        recover, backoff, drawn, overhead = [], [], [], []
        for cycle in range(cycles):
            fills = [h.fills + 1 for h in handles]
            await server.run(proxy.go_down())
            for n in range(ROWS_PER_OUTAGE):
                await writers[n % CHANNELS].write_one(cycle * 1000 + n)
            await server.run(proxy.come_up())
            t0 = time.monotonic()
            remaining = max(0.0, (supervisor.next_attempt_at or t0) - t0)
            async with asyncio.timeout(TIMEOUT_S):
                await asyncio.gather(*(h.wait_filled(f) for h, f in zip(handles, fills,
                                                                          strict=True)))
            t1 = time.monotonic()
            recover.append((t1 - t0) * 1000)
            backoff.append(remaining * 1000)
            drawn.append(supervisor.backoff_s * 1000)
            overhead.append((t1 - t0 - remaining) * 1000)
            print(f"cycle {cycle + 1}: recovered in {recover[-1]:.0f} ms "
                  f"(backoff left {backoff[-1]:.0f} ms of {drawn[-1]:.0f} ms drawn; "
                  f"reconnect itself {overhead[-1]:.0f} ms)", flush=True)

        lost = duplicated = 0
        for cid, collector in zip(conversations, collectors, strict=True):
            stored = [r["id"] for r in await all_rows(service, "messages", "conversation_id",
                                                       cid)]
            got = collector.ids
            lost += len(set(stored) - set(got))
            duplicated += len(got) - len(set(got))
            if got != stored and not (set(stored) - set(got)) and len(got) == len(set(got)):
                print(f"order differs in {cid}", flush=True)
        await session.aclose()
        return {
            "channels": CHANNELS, "rows_per_outage": ROWS_PER_OUTAGE, "cycles": cycles,
            "recover_ms_median": round(statistics.median(recover), 1),
            "backoff_ms": round(statistics.median(backoff), 1),
            "backoff_drawn_ms_median": round(statistics.median(drawn), 1),
            "recover_minus_backoff_ms": round(statistics.median(overhead), 1),
            "recover_minus_backoff_ms_max": round(max(overhead), 1),
            "target_ms": 1000,
            "lost": lost, "duplicated": duplicated,
        }
    finally:
        if supervisor is not None:
            await supervisor.aclose()
        for made in clients:
            await close_client(made)
        await server.run(proxy.aclose())
        await server.run(hub.stop())
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_CYCLES} cycles")
    parser.add_argument("--cycles", type=int, default=None)
    args = parser.parse_args()
    cycles = args.cycles or (QUICK_CYCLES if args.quick else CYCLES)
    result = asyncio.run(bench(cycles))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
