"""The chat service against the real hub: paging, direct conversations, row rules."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from typing import Any

import pytest
from postgrest.exceptions import APIError
from realtime.types import RealtimeSubscribeStates

from gfdesk.chat.messages import format_time
from gfdesk.chat.service import message_row
from gfdesk.core.subscription import SubscriptionHandle
from gfdesk.hub.runner import RunningHub
from tests.helpers.chatmembers import ChatWorld
from tests.helpers.chatworld import Collector
from tests.helpers.hubfixture import service_client
from tests.helpers.tcpproxy import TcpProxy

TIMEOUT_S = 20


async def _history(hub: RunningHub, conversation_id: str, sender_id: str, count: int,
                   *, same_time_every: int = 1) -> list[str]:
    """``count`` stored messages, oldest first; ``same_time_every`` > 1 gives runs of
    messages with one timestamp (the id orders them)."""
    service = await service_client(hub)
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    rows = [{"id": str(uuid.uuid4()), "conversation_id": conversation_id, "sender_id": sender_id,
             "body": f"m{n}",
             "created_at": format_time(start + dt.timedelta(seconds=n // same_time_every))}
            for n in range(count)]
    for first in range(0, count, 500):
        await service.table("messages").insert(rows[first:first + 500]).execute()
    rows.sort(key=lambda r: (r["created_at"], r["id"]))
    return [r["id"] for r in rows]


@pytest.mark.parametrize("same_time_every", [1, 7])
async def test_paging_loads_a_1000_message_history_exactly_once_in_order(
        chat_world: ChatWorld, same_time_every: int) -> None:
    ada = await chat_world.member("ada")
    bob = await chat_world.member("bob")
    conversation_id = await ada.service.find_or_create_direct(bob.user_id)
    expected = await _history(chat_world.hub, conversation_id, bob.user_id, 1000,
                              same_time_every=same_time_every)

    loaded = []
    before = None
    pages = 0
    while True:
        page = await ada.service.page(conversation_id, before)
        pages += 1
        if not page:
            break
        assert len(page) <= 50
        loaded += page
        before = page[-1]
    assert pages == 21  # 20 full pages and the empty one that says "no more"
    assert [m.id for m in reversed(loaded)] == expected


async def test_deleted_messages_are_left_out_of_pages_previews_and_counts(
        chat_world: ChatWorld) -> None:
    ada = await chat_world.member("ada")
    bob = await chat_world.member("bob")
    conversation_id = await ada.service.find_or_create_direct(bob.user_id)
    ids = await _history(chat_world.hub, conversation_id, bob.user_id, 3)
    await bob.client.table("messages").update({"deleted_at": "2026-01-02T00:00:00+00:00"}).eq(
        "id", ids[-1]).execute()
    assert [m.id for m in await ada.service.page(conversation_id, None)] == ids[1::-1]
    (summary,) = await ada.service.conversations()
    assert summary.last_message is not None and summary.last_message.id == ids[1]
    assert summary.unread == 2


async def test_open_direct_finds_the_existing_conversation_or_creates_one(
        chat_world: ChatWorld) -> None:
    ada = await chat_world.member("ada")
    bob = await chat_world.member("bob")
    cat = await chat_world.member("cat")
    first = await ada.service.find_or_create_direct(bob.user_id)
    assert await ada.service.find_or_create_direct(bob.user_id) == first
    assert await bob.service.find_or_create_direct(ada.user_id) == first
    other = await ada.service.find_or_create_direct(cat.user_id)
    assert other != first
    summaries = {s.id: s for s in await bob.service.conversations()}
    assert set(summaries) == {first}
    assert summaries[first].title == "Ada"
    assert summaries[first].other_id == ada.user_id


async def test_a_non_member_can_neither_read_nor_subscribe_to_a_conversation(
        chat_world: ChatWorld, expected_logs: Any) -> None:
    ada = await chat_world.member("ada")
    bob = await chat_world.member("bob")
    eve = await chat_world.member("eve")
    conversation_id = await ada.service.find_or_create_direct(bob.user_id)
    await _history(chat_world.hub, conversation_id, bob.user_id, 3)

    assert await eve.service.page(conversation_id, None) == []
    assert await eve.service.conversation(conversation_id) is None
    with pytest.raises(APIError) as refused:
        await eve.client.table("messages").insert({
            "conversation_id": conversation_id, "sender_id": eve.user_id,
            "body": "let me in"}).execute()
    assert refused.value.code == "42501"

    # chat:{id} is a private channel for members only: Eve's join is refused.
    expected_logs.allow("realtime._async.channel", "join push error for channel")
    await eve.client.realtime.set_auth((await eve.client.auth.get_session()).access_token)
    states: asyncio.Queue[RealtimeSubscribeStates] = asyncio.Queue()
    await eve.client.channel(f"chat:{conversation_id}", {"config": {"private": True}}) \
        .subscribe(lambda state, _err: states.put_nowait(state))
    async with asyncio.timeout(TIMEOUT_S):
        assert await states.get() is RealtimeSubscribeStates.CHANNEL_ERROR
    seen_by_ada = Collector()
    ada_handle = await ada.service.watch_conversation(
        conversation_id, on_row=seen_by_ada, on_typing=lambda _p: None, newest=None)
    async with asyncio.timeout(TIMEOUT_S):
        await ada_handle.live.wait()
        await seen_by_ada.reached(3)
        await bob.service.send(bob.service.compose(conversation_id, "secret"))
        await seen_by_ada.reached(4)
    await ada_handle.close()


async def test_a_message_deleted_during_an_outage_is_not_gap_filled(
        chat_world: ChatWorld) -> None:
    proxy = await TcpProxy(int(chat_world.hub.url.rsplit(":", 1)[1])).start()
    handles: list[tuple[SubscriptionHandle, Collector]] = []
    try:
        bob = await chat_world.member("bob")
        ada = await chat_world.member("ada", url=proxy.url)
        conversation_id = await ada.service.find_or_create_direct(bob.user_id)
        for watch in (
                lambda rows: ada.service.watch_conversation(
                    conversation_id, on_row=rows, on_typing=lambda _p: None, newest=None),
                lambda rows: ada.service.watch_inbox(on_message=rows, newest=None)):
            rows = Collector()
            handle = await watch(rows)
            await handle.wait_filled(1)
            handles.append((handle, rows))
        messages = bob.client.table("messages")
        before = bob.service.compose(conversation_id, "before")
        await messages.insert(message_row(before)).execute()
        async with asyncio.timeout(TIMEOUT_S):
            for _handle, rows in handles:
                await rows.reached(1)

        await proxy.go_down()
        proxy.drop()
        gone = bob.service.compose(conversation_id, "gone")
        await messages.insert(message_row(gone)).execute()
        await messages.insert(message_row(bob.service.compose(conversation_id, "kept"))
                              ).execute()
        await messages.update({"deleted_at": format_time(dt.datetime.now(dt.UTC))}).eq(
            "id", gone.id).execute()
        await proxy.come_up()
        async with asyncio.timeout(TIMEOUT_S):
            for handle, rows in handles:
                await handle.wait_filled(2)
                while "kept" not in [r["body"] for r in rows.rows]:
                    await rows.reached(len(rows.rows) + 1)
        for _handle, rows in handles:
            assert [r["body"] for r in rows.rows] == ["before", "kept"]
    finally:
        for handle, _rows in handles:
            await handle.close()
        await proxy.aclose()
