"""The outbox against the real hub: offline writes survive a restart and are stored
exactly once, in order; refused writes are reported and dropped."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path
from typing import Any

from supabase import AsyncClient

from gfdesk.core.outbox import Outbox, Rejection
from gfdesk.core.outboxqueue import OutboxQueue, Write, WriteOp, outbox_path
from tests.helpers.hubcontrol import Conversation, RestartableHub, make_conversation
from tests.helpers.hubfixture import close_client, user_id
from tests.helpers.logfail import ExpectedLogs

TIMEOUT_S = 20


async def messages_of(service: AsyncClient, conversation_id: str) -> list[dict[str, Any]]:
    result = await service.table("messages").select("*").eq(
        "conversation_id", conversation_id).order("created_at").order("id").execute()
    return result.data  # type: ignore[return-value]


async def ada_and_bob_talking(hub: RestartableHub) -> tuple[AsyncClient, Conversation]:
    """Ada's client and a conversation between her and Bob."""
    ada = await hub.user_client("ada@example.com")
    bob = await hub.user_client("bob@example.com")
    return ada, await make_conversation(await hub.service_client(), ada, bob)


async def drain_and_close(outbox: Outbox) -> None:
    """Wait until every queued write went out (or was refused), then close."""
    async with asyncio.timeout(TIMEOUT_S):
        await outbox.drained()
    await outbox.aclose()


async def test_fifty_offline_messages_survive_a_restart_and_are_stored_once(
        restartable: RestartableHub, tmp_path: Path) -> None:
    hub = restartable
    ada, conversation = await ada_and_bob_talking(hub)
    ada_id = await user_id(ada)
    path = outbox_path(tmp_path / "data", "lan", ada_id)

    await restartable.stop()  # the server goes away
    outbox = Outbox(ada, OutboxQueue(path))
    sent_ids = [await outbox.insert("messages", {
        "conversation_id": conversation.id, "sender_id": ada_id, "body": f"offline {n}"})
        for n in range(50)]
    assert await outbox.pending() == 50
    await outbox.aclose()  # the app quits with everything still queued
    await close_client(ada)

    await restartable.start()  # the server is back, the app restarts
    ada2 = await restartable.user_client("ada@example.com")
    sent: list[Write] = []
    outbox2 = Outbox(ada2, OutboxQueue(path), on_sent=sent.append)
    outbox2.start()
    await drain_and_close(outbox2)

    stored = await messages_of(await restartable.service_client(), conversation.id)
    assert [m["id"] for m in stored] == sent_ids
    assert [m["body"] for m in stored] == [f"offline {n}" for n in range(50)]
    assert [w.id for w in sent] == sent_ids


async def test_a_retry_of_a_stored_write_does_not_store_it_twice(
        restartable: RestartableHub, tmp_path: Path) -> None:
    hub = restartable
    ada, conversation = await ada_and_bob_talking(hub)
    row = {"id": str(uuid.uuid4()), "conversation_id": conversation.id,
           "sender_id": await user_id(ada), "body": "sent, but the reply was lost"}
    await ada.table("messages").insert(row).execute()  # the first try got through
    queue = OutboxQueue(tmp_path / "q.sqlite3")
    queue.push(Write(row["id"], WriteOp.INSERT, "messages", row))
    sent: list[Write] = []
    outbox = Outbox(ada, queue, on_sent=sent.append)
    outbox.start()
    await drain_and_close(outbox)
    assert [m["id"] for m in await messages_of(await hub.service_client(), conversation.id)] \
        == [row["id"]]
    assert [w.id for w in sent] == [row["id"]]


async def test_refused_writes_are_reported_dropped_and_do_not_block_the_queue(
        restartable: RestartableHub, tmp_path: Path, expected_logs: ExpectedLogs) -> None:
    hub = restartable
    _, conversation = await ada_and_bob_talking(hub)
    eve = await hub.user_client("eve@example.com")
    eve_id = await user_id(eve)
    rejected: list[Rejection] = []
    outbox = Outbox(eve, OutboxQueue(tmp_path / "q.sqlite3"), on_rejected=rejected.append)
    # not a member: the row rules refuse (42501); a tournament without its name
    # (23502); a malformed uuid (22P02); then a good update still goes through.
    await outbox.insert("messages", {"conversation_id": conversation.id,
                                     "sender_id": eve_id, "body": "let me in"},
                        label="message to ada")
    await outbox.insert("tournaments", {"game": "x", "host_id": eve_id})
    await outbox.insert("messages", {"conversation_id": "not-a-uuid", "sender_id": eve_id,
                                     "body": "?"})
    await outbox.update("profiles", {"display_name": "Eve"}, {"id": eve_id})
    await drain_and_close(outbox)
    assert [(r.code, r.write.table) for r in rejected] == [
        ("42501", "messages"), ("23502", "tournaments"), ("22P02", "messages")]
    assert rejected[0].write.label == "message to ada" and rejected[0].reason
    profile = await eve.table("profiles").select("display_name").eq("id", eve_id).execute()
    assert profile.data == [{"display_name": "Eve"}]


async def test_an_online_send_goes_out_at_once_through_the_same_path(
        restartable: RestartableHub, tmp_path: Path) -> None:
    hub = restartable
    ada, conversation = await ada_and_bob_talking(hub)
    sent: asyncio.Future[Write] = asyncio.get_running_loop().create_future()

    def on_sent(write: Write) -> None:
        if not sent.done():
            sent.set_result(write)

    outbox = Outbox(ada, OutboxQueue(tmp_path / "q.sqlite3"), on_sent=on_sent)
    message_id = await outbox.insert("messages", {
        "conversation_id": conversation.id, "sender_id": await user_id(ada), "body": "hi"})
    async with asyncio.timeout(TIMEOUT_S):
        assert (await sent).id == message_id
    await outbox.aclose()
    stored = await messages_of(await hub.service_client(), conversation.id)
    assert [m["id"] for m in stored] == [message_id]
