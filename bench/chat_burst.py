"""Chat burst benchmark: another client inserts N messages (5,000) into the open
conversation as fast as the hub takes them; the chat view must show every one, in
order, without stalling the GUI thread.

Method: the hub runs on its own thread (as in ``--demo``); the writer runs on another
thread with its own loop and its own official client, inserting single rows with a few
concurrent requests. Two phases on the same hub and conversation:

1. bare: an official client on a plain asyncio loop (its own thread) subscribes to
   ``chat:{id}`` and only counts the INSERTs it receives;
2. gfdesk: the full chat feature (supervisor, service, models, view shown offscreen at
   1100x720) on the qasync GUI loop, the conversation open.

Figures: insert rate; bare and gfdesk receive rates (messages / time from the first
insert to the last received, or shown); the time from the last insert to the last
message painted; the longest GUI-thread stall (lateness of a 5 ms named QTimer); the
message model's update count; whether the rows shown equal the stored rows in
``(created_at, id)`` order. Targets: stall < 50 ms, all shown in order, ingest ratio
(gfdesk / bare) >= 0.5.

Usage: python bench/chat_burst.py [--quick] [--messages N] [--writers K]
Last line: one JSON object.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from supabase import AsyncClient, acreate_client  # noqa: E402

from gfdesk.core.clientfactory import close_client  # noqa: E402
from gfdesk.hub.context import HubConfig  # noqa: E402
from gfdesk.hub.runner import start_hub_in_thread  # noqa: E402

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
    """Users ada (viewer) and bob (writer) and their direct conversation."""
    from gfdesk.chat.service import ChatService

    ada = await signed_in(url, key, "ada@bench.local")
    bob = await signed_in(url, key, "bob@bench.local")
    ada_id = (await ada.auth.get_session()).user.id  # type: ignore[union-attr]
    bob_id = (await bob.auth.get_session()).user.id  # type: ignore[union-attr]
    service = ChatService(ada, None, None, ada_id)  # type: ignore[arg-type]
    conversation_id = await service.find_or_create_direct(bob_id)
    await close_client(ada)
    await close_client(bob)
    return ada_id, bob_id, conversation_id


def run_in_thread(coro_fn: Callable[[], Any]) -> threading.Thread:
    thread = threading.Thread(target=lambda: asyncio.run(coro_fn()), daemon=True)
    thread.start()
    return thread


class Writer:
    """Inserts ``count`` messages as bob from its own thread; records timings."""

    def __init__(self, url: str, key: str, conversation_id: str, bob_id: str, count: int,
                 writers: int, tag: str) -> None:
        self.args = (url, key, conversation_id, bob_id, count, writers, tag)
        self.started = 0.0
        self.finished = 0.0
        self.done = threading.Event()
        self.ready = threading.Event()
        self.go = threading.Event()

    def start(self) -> None:
        """Sign in (before the measurement), then wait for ``go``."""
        run_in_thread(self._run)

    async def _run(self) -> None:
        url, key, conversation_id, bob_id, count, writers, tag = self.args
        bob = await signed_in(url, key, "bob@bench.local")
        numbers = iter(range(count))
        self.ready.set()
        await asyncio.to_thread(self.go.wait)

        async def worker() -> None:
            for n in numbers:
                await bob.table("messages").insert({
                    "conversation_id": conversation_id, "sender_id": bob_id,
                    "body": f"{tag} burst message {n}"}).execute()

        self.started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(writers)))
        self.finished = time.perf_counter()
        await close_client(bob)
        self.done.set()


def bare_phase(url: str, key: str, conversation_id: str, bob_id: str, count: int,
               writers: int) -> dict[str, float]:
    """The official client alone, no UI: how fast it receives the burst."""
    result: dict[str, float] = {}
    ready = threading.Event()
    finished = threading.Event()

    async def receive() -> None:
        ada = await signed_in(url, key, "ada@bench.local")
        session = await ada.auth.get_session()
        await ada.realtime.set_auth(session.access_token)  # type: ignore[union-attr]
        received = 0
        last = 0.0
        all_in = asyncio.Event()

        def on_insert(_payload: Any) -> None:
            nonlocal received, last
            received += 1
            last = time.perf_counter()
            if received == count:
                all_in.set()

        channel = ada.channel(f"chat:{conversation_id}")
        channel.on_postgres_changes("INSERT", on_insert, table="messages",  # type: ignore[arg-type]
                                    filter=f"conversation_id=eq.{conversation_id}")
        joined = asyncio.Event()
        await channel.subscribe(lambda state, _e: joined.set()
                                if state.value == "SUBSCRIBED" else None)
        await joined.wait()
        ready.set()
        await asyncio.wait_for(all_in.wait(), 300)
        result["received"] = received
        result["last"] = last
        await ada.remove_channel(channel)
        await close_client(ada)
        finished.set()

    run_in_thread(receive)
    ready.wait(60)
    writer = Writer(url, key, conversation_id, bob_id, count, writers, "bare")
    writer.start()
    writer.ready.wait(60)
    writer.go.set()
    finished.wait(300)
    writer.done.wait(300)
    result["insert_s"] = writer.finished - writer.started
    result["receive_s"] = result["last"] - writer.started
    return result


async def gui_phase(url: str, key: str, conversation_id: str, ada_id: str, bob_id: str,
                    count: int, writers: int, data_dir: Path) -> dict[str, Any]:
    from PySide6.QtCore import QEvent, QObject

    from gfdesk.chat import ChatFeature
    from gfdesk.core.connection import ConnectionSupervisor
    from gfdesk.core.outbox import Outbox
    from gfdesk.core.outboxqueue import OutboxQueue, outbox_path
    from gfdesk.ui.timer import NamedTimer

    class Account:
        user_id = ada_id

    ada = await signed_in(url, key, "ada@bench.local")

    async def token() -> str | None:
        session = await ada.auth.get_session()
        return session.access_token if session else None

    connection = ConnectionSupervisor(ada, label="bench", token=token)
    connection.start()
    outbox = Outbox(ada, OutboxQueue(outbox_path(data_dir, "bench", ada_id)))
    feature = ChatFeature(connection, ada, outbox, Account())
    feature.view.resize(1100, 720)
    feature.view.show()
    await feature.start()
    feature.open_conversation(conversation_id)
    while feature.model._handle is None:  # noqa: ASYNC110 (set by the open task)
        await asyncio.sleep(0.01)
    await feature.model._handle.live.wait()
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
                    shown_at.append(time.perf_counter())
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
    writer = Writer(url, key, conversation_id, bob_id, count, writers, "gui")
    writer.start()
    await asyncio.to_thread(writer.ready.wait, 60)
    await asyncio.sleep(0.2)
    updates_before = model.update_count
    stall["last"] = time.perf_counter()
    ticker.start()
    writer.go.set()
    await asyncio.wait_for(all_shown.wait(), 300)
    ticker.stop()
    await asyncio.to_thread(writer.done.wait, 60)
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
        "insert_s": writer.finished - writer.started,
        "shown_s": shown_at[0] - writer.started,
        "last_insert_to_shown_ms": (shown_at[0] - writer.finished) * 1000,
        "max_stall_ms": stall["max"],
        "model_updates": model.update_count - updates_before,
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
    args = parser.parse_args(argv)
    count = 1000 if args.quick else args.messages
    from gfdesk import bridge

    with tempfile.TemporaryDirectory(prefix="gfdesk-chat-burst-") as tmp:
        hub = start_hub_in_thread(HubConfig(data_dir=Path(tmp) / "hub"))
        try:
            ada_id, bob_id, conversation_id = asyncio.run(setup(hub.url, hub.anon_key))
            bare = bare_phase(hub.url, hub.anon_key, conversation_id, bob_id, count,
                              args.writers)
            gui = bridge.run(lambda: gui_phase(hub.url, hub.anon_key, conversation_id, ada_id,
                                               bob_id, count, args.writers, Path(tmp)))
        finally:
            hub.stop()
    bare_rate = count / bare["receive_s"]
    gui_rate = count / gui["shown_s"]
    print(f"messages:               {count:,} ({args.writers} concurrent writers)")
    print(f"insert rate:            {count / gui['insert_s']:,.0f}/s "
          f"(bare phase {count / bare['insert_s']:,.0f}/s)")
    print(f"bare client receive:    {bare_rate:,.0f}/s")
    print(f"gfdesk shown:           {gui_rate:,.0f}/s")
    print(f"last insert -> shown:   {gui['last_insert_to_shown_ms']:.1f} ms")
    print(f"longest GUI stall:      {gui['max_stall_ms']:.1f} ms (target < 50)")
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
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
