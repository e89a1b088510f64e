"""Chat burst benchmark: another client inserts N messages (5,000) into the open
conversation as fast as the hub takes them; the chat view must show every one, in
order, without stalling the GUI thread.

Method: the hub and the writer (an official client inserting single rows with a few
concurrent requests) run in a child process, as another machine and a server would;
this process only receives. Two phases on the same hub and conversation:

1. bare: an official client on a plain asyncio loop subscribes to ``chat:{id}`` and
   only counts the INSERTs it receives;
2. gfdesk: the full chat feature (supervisor, service, models, view shown offscreen at
   1100x720) on the qasync GUI loop, the conversation open.

Figures: insert rate; bare and gfdesk receive rates (messages / time from the first
insert to the last received, or shown); the time from the last insert to the last
message painted; the longest GUI-thread stall (lateness of a 5 ms named QTimer); the
message model's update count; whether the rows shown equal the stored rows in
``(created_at, id)`` order. Targets: stall < 50 ms, all shown in order, ingest ratio
(gfdesk / bare) >= 0.5.

The longest stall is usually one full (generation 2) garbage collection, which scans
every object of the process (Qt bindings, the supabase client, ...); ``--gc-freeze``
moves what exists before the burst out of its reach, as an app can after start-up. The
longest GC pause in the burst is printed either way. ``--app-gc`` is what gfdesk does
once connected: the heap frozen and every collection run from the loop
(``gfdesk.core.collector``), none by the hub's or the client's threads.

Usage: python bench/chat_burst.py [--quick] [--messages N] [--writers K] [--gc-freeze]
       [--app-gc]
Last line: one JSON object.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import asyncio  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from supabase import AsyncClient, acreate_client  # noqa: E402

from gfdesk.core import collector  # noqa: E402
from gfdesk.core.clientfactory import close_client  # noqa: E402

PASSWORD = "correct-horse-battery-staple-42"
STALL_TICK_MS = 5


async def signed_in(url: str, key: str, email: str) -> AsyncClient:
    client = await acreate_client(url, key)
    try:
        await client.auth.sign_in_with_password({"email": email, "password": PASSWORD})
    except Exception:
        await client.auth.sign_up({"email": email, "password": PASSWORD,
                                   "options": {"data": {"display_name": email.split("@")[0]}}})
    return client


async def setup(url: str, key: str) -> tuple[str, str, str]:
    """Users ada (viewer) and bob (writer), friends (only friends share a conversation),
    and their direct conversation."""
    from gfdesk.chat.service import ChatService

    ada = await signed_in(url, key, "ada@bench.local")
    bob = await signed_in(url, key, "bob@bench.local")
    ada_id = (await ada.auth.get_session()).user.id  # type: ignore[union-attr]
    bob_id = (await bob.auth.get_session()).user.id  # type: ignore[union-attr]
    # As the app does it: ada asks, bob accepts.
    await ada.table("friendships").insert({"user_id": ada_id, "friend_id": bob_id}).execute()
    await bob.table("friendships").update({"status": "accepted"}).eq(
        "user_id", ada_id).eq("friend_id", bob_id).execute()
    service = ChatService(ada, None, None, ada_id)  # type: ignore[arg-type]
    conversation_id = await service.find_or_create_direct(bob_id)
    await close_client(ada)
    await close_client(bob)
    return ada_id, bob_id, conversation_id


class Server:
    """The hub and the writing client in a child process (``--serve``), so their work
    never competes with the measured GUI thread for the interpreter lock (in real life
    the writer is another machine and the hub another process or server)."""

    def __init__(self, data_dir: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(data_dir)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True, bufsize=1)
        assert self.proc.stdout is not None
        info = json.loads(self.proc.stdout.readline())
        self.url: str = info["url"]
        self.key: str = info["key"]
        self.ada_id: str = info["ada_id"]
        self.conversation_id: str = info["conversation_id"]

    def write(self, tag: str, count: int, writers: int) -> None:
        """Start a burst (returns at once; ``timings`` waits for its end)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"write {tag} {count} {writers}\n")
        self.proc.stdin.flush()

    def timings(self) -> dict[str, float]:
        """The last burst's wall-clock start and end (``time.time()``)."""
        assert self.proc.stdout is not None
        return dict(json.loads(self.proc.stdout.readline()))

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("quit\n")
        self.proc.stdin.flush()
        self.proc.wait(30)


async def serve(data_dir: Path) -> None:
    """The child process: hub, users, conversation, then bursts on request."""
    from gfdesk.hub.context import HubConfig
    from gfdesk.hub.runner import start_hub

    hub = await start_hub(HubConfig(data_dir=data_dir / "hub"))
    ada_id, bob_id, conversation_id = await setup(hub.url, hub.anon_key)
    bob = await signed_in(hub.url, hub.anon_key, "bob@bench.local")
    print(json.dumps({"url": hub.url, "key": hub.anon_key, "ada_id": ada_id,
                      "conversation_id": conversation_id}), flush=True)
    while True:
        line = (await asyncio.to_thread(sys.stdin.readline)).split()
        if not line or line[0] == "quit":
            break
        _, tag, count, writers = line
        numbers = iter(range(int(count)))

        async def worker(numbers: Any = numbers, tag: str = tag) -> None:
            for n in numbers:
                await bob.table("messages").insert({
                    "conversation_id": conversation_id, "sender_id": bob_id,
                    "body": f"{tag} burst message {n}"}).execute()

        started = time.time()
        await asyncio.gather(*(worker() for _ in range(int(writers))))
        print(json.dumps({"started": started, "finished": time.time()}), flush=True)
    await close_client(bob)
    await hub.stop()


async def bare_phase(server: Server, count: int, writers: int) -> dict[str, float]:
    """The official client alone, no UI: how fast it receives the burst."""
    ada = await signed_in(server.url, server.key, "ada@bench.local")
    session = await ada.auth.get_session()
    await ada.realtime.set_auth(session.access_token)  # type: ignore[union-attr]
    received = 0
    last = 0.0
    all_in = asyncio.Event()

    def on_insert(_payload: Any) -> None:
        nonlocal received, last
        received += 1
        last = time.time()
        if received == count:
            all_in.set()

    channel = ada.channel(f"chat:{server.conversation_id}", {"config": {"private": True}})
    channel.on_postgres_changes("INSERT", on_insert, table="messages",  # type: ignore[arg-type]
                                filter=f"conversation_id=eq.{server.conversation_id}")
    joined = asyncio.Event()
    await channel.subscribe(lambda state, _e: joined.set()
                            if state.value == "SUBSCRIBED" else None)
    await joined.wait()
    server.write("bare", count, writers)
    await asyncio.wait_for(all_in.wait(), 300)
    timings = await asyncio.to_thread(server.timings)
    await ada.remove_channel(channel)
    await close_client(ada)
    return {"insert_s": timings["finished"] - timings["started"],
            "receive_s": last - timings["started"]}


async def gui_phase(server: Server, count: int, writers: int, data_dir: Path,
                    gc_freeze: bool, app_gc: bool = False) -> dict[str, Any]:
    from PySide6.QtCore import QEvent, QObject

    from gfdesk import bridge
    from gfdesk.chat.feature import ChatFeature
    from gfdesk.core.connection import ConnectionSupervisor
    from gfdesk.core.outbox import Outbox
    from gfdesk.core.outboxqueue import OutboxQueue, outbox_path
    from gfdesk.core.session import Account
    from gfdesk.feature import FeatureScope
    from gfdesk.kit.timer import NamedTimer

    url, key, conversation_id = server.url, server.key, server.conversation_id

    ada = await signed_in(url, key, "ada@bench.local")

    async def token() -> str | None:
        session = await ada.auth.get_session()
        return session.access_token if session else None

    connection = ConnectionSupervisor(ada, label="bench", token=token)
    connection.start()
    outbox = Outbox(ada, OutboxQueue(outbox_path(data_dir, "bench", server.ada_id)))
    feature = ChatFeature(FeatureScope(
        connection, ada, outbox, Account(server.ada_id, "ada@bench.local", "Ada")))
    feature.view.resize(1100, 720)
    feature.view.show()
    await feature.start()
    feature.open_conversation(conversation_id)
    opened = feature.model.conversation_opened
    if feature.model.current is None:
        await bridge.next_emit(opened, 20)
    assert feature.model.current is not None
    await feature.model.current.live()
    model = feature.model.messages
    assert model is not None
    base_rows = model.rowCount()
    target = f"gui burst message {count - 1}"
    viewport = feature.view.message_list.viewport()
    shown_at: list[float] = []
    all_shown = asyncio.Event()

    class PaintWatch(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not all_shown.is_set():
                n = model.rowCount()
                recent = range(n - 1, max(-1, n - 200), -1)
                if n - base_rows >= count and any(
                        model.message_at(i).body == target for i in recent):
                    shown_at.append(time.time())
                    all_shown.set()
            return False

    watch = PaintWatch()
    viewport.installEventFilter(watch)
    stall = {"max": 0.0, "last": time.perf_counter()}
    ticker = NamedTimer(None, "bench:stall-probe", interval_ms=STALL_TICK_MS)

    def tick() -> None:
        now = time.perf_counter()
        stall["max"] = max(stall["max"], (now - stall["last"]) * 1000 - STALL_TICK_MS)
        stall["last"] = now

    ticker.timeout.connect(tick)
    updates_before = model.update_count
    if gc_freeze or app_gc:
        gc.freeze()
    if app_gc:
        collector.start(asyncio.get_running_loop())
    runs_before = collector.runs()
    gc_pauses: list[float] = []
    gc_started = [0.0]

    def on_gc(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            gc_started[0] = time.perf_counter()
        else:
            gc_pauses.append((time.perf_counter() - gc_started[0]) * 1000)

    gc.callbacks.append(on_gc)
    stall["last"] = time.perf_counter()
    ticker.start()
    server.write("gui", count, writers)
    await asyncio.wait_for(all_shown.wait(), 300)
    ticker.stop()
    gc.callbacks.remove(on_gc)
    loop_collections = sum(collector.runs()) - sum(runs_before)
    collector.stop()
    timings = await asyncio.to_thread(server.timings)
    shown = model.rowCount() - base_rows
    shown_ids = [m.id for m in model.messages()]
    stored: list[str] = []
    offset = 0
    while True:
        page = (await ada.table("messages").select("id,created_at").eq(
            "conversation_id", conversation_id).order("created_at").order("id").range(
            offset, offset + 999).execute()).data
        stored += [r["id"] for r in page]
        offset += len(page)
        if len(page) < 1000:
            break
    viewport.removeEventFilter(watch)
    result = {
        "insert_s": timings["finished"] - timings["started"],
        "shown_s": shown_at[0] - timings["started"],
        "last_insert_to_shown_ms": (shown_at[0] - timings["finished"]) * 1000,
        "max_stall_ms": stall["max"],
        "model_updates": model.update_count - updates_before,
        "max_gc_pause_ms": max(gc_pauses, default=0.0),
        "collections": len(gc_pauses),
        "loop_collections": loop_collections,
        "shown": shown,
        "in_order": (shown_ids == stored[-len(shown_ids):]
                     and len(set(shown_ids)) == len(shown_ids)),
    }
    await feature.aclose()
    await connection.aclose()
    await outbox.aclose()
    await close_client(ada)
    feature.view.close()
    feature.deleteLater()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 messages (under a minute)")
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--writers", type=int, default=4, help="concurrent insert requests")
    parser.add_argument("--gc-freeze", action="store_true",
                        help="gc.freeze() before the burst, as an app would after start-up")
    parser.add_argument("--app-gc", action="store_true",
                        help="as gfdesk once connected: frozen, collected from the loop only")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve is not None:
        asyncio.run(serve(args.serve))
        return 0
    count = 1000 if args.quick else args.messages
    from gfdesk import bridge

    with tempfile.TemporaryDirectory(prefix="gfdesk-chat-burst-") as tmp:
        server = Server(Path(tmp))
        try:
            bare = asyncio.run(bare_phase(server, count, args.writers))
            gui = bridge.run(lambda: gui_phase(server, count, args.writers, Path(tmp),
                                               args.gc_freeze, args.app_gc))
        finally:
            server.close()
    bare_rate = count / bare["receive_s"]
    gui_rate = count / gui["shown_s"]
    print(f"messages:               {count:,} ({args.writers} concurrent writers)")
    print(f"insert rate:            {count / gui['insert_s']:,.0f}/s "
          f"(bare phase {count / bare['insert_s']:,.0f}/s)")
    print(f"bare client receive:    {bare_rate:,.0f}/s")
    print(f"gfdesk shown:           {gui_rate:,.0f}/s")
    print(f"last insert -> shown:   {gui['last_insert_to_shown_ms']:.1f} ms")
    print(f"longest GUI stall:      {gui['max_stall_ms']:.1f} ms (target < 50)")
    regime = (" (frozen, collected from the loop)" if args.app_gc
              else " (gc.freeze() before the burst)" if args.gc_freeze else "")
    print(f"longest GC pause:       {gui['max_gc_pause_ms']:.1f} ms{regime}")
    print(f"collections:            {gui['collections']} "
          f"({gui['loop_collections']} run by the loop)")
    print(f"model updates:          {gui['model_updates']:,} for {count:,} rows")
    print(f"shown / in order:       {gui['shown']:,} / {gui['in_order']}")
    print(f"ingest ratio:           {gui_rate / bare_rate:.2f} (target >= 0.5)")
    print(json.dumps({
        "inserted": count, "shown": gui["shown"], "in_order": gui["in_order"],
        "max_stall_ms": round(gui["max_stall_ms"], 1),
        "ingest_ratio": round(gui_rate / bare_rate, 3),
        "insert_rate": round(count / gui["insert_s"]), "bare_receive_rate": round(bare_rate),
        "gui_shown_rate": round(gui_rate),
        "last_insert_to_shown_ms": round(gui["last_insert_to_shown_ms"], 1),
        "model_updates": gui["model_updates"],
        "max_gc_pause_ms": round(gui["max_gc_pause_ms"], 1), "gc_freeze": args.gc_freeze,
        "app_gc": args.app_gc, "collections": gui["collections"],
        "loop_collections": gui["loop_collections"],
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
