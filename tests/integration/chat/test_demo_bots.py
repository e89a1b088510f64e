"""The demo world's chat bots in a real hub: they answer the demo user (typing first)
and chat in the group now and then; they never answer each other."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from supabase import AsyncClient

from gfdesk.hub.context import ON_USER_CREATED, STORE
from gfdesk.hub.demo import DEMO_EMAIL, DEMO_PASSWORD, seed_demo_world
from gfdesk.hub.demo.botworld import BotClock, BotWorld
from gfdesk.hub.demo.chatbots import ChatBots, answer_for
from gfdesk.hub.realtime import REALTIME
from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import user_client, user_id

TIMEOUT_S = 20
#: Bots act this much faster than real time: seconds of pauses become milliseconds.
SPEED = 400.0


@pytest.fixture
async def bots(hub: RunningHub) -> AsyncIterator[BotWorld]:
    seed_demo_world(hub.app[STORE], hub.app[ON_USER_CREATED])
    world = BotWorld(hub.app[STORE], hub.app[REALTIME], BotClock(seed=7, speed=SPEED))
    world.start(ChatBots())
    yield world
    await world.aclose()


class Watch:
    """Typing events and new messages of one conversation, in arrival order."""

    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, Any]]] = []
        self.changed = asyncio.Event()

    def add(self, kind: str, payload: dict[str, Any]) -> None:
        self.events.append((kind, payload))
        self.changed.set()

    async def until(self, predicate: Any) -> None:
        async with asyncio.timeout(TIMEOUT_S):
            while not predicate():
                self.changed.clear()
                await self.changed.wait()

    def messages(self) -> list[dict[str, Any]]:
        return [p for k, p in self.events if k == "message"]


async def watch(client: AsyncClient, conversation_id: str) -> Watch:
    seen = Watch()
    session = await client.auth.get_session()
    assert session is not None
    await client.realtime.set_auth(session.access_token)
    channel = client.channel(f"chat:{conversation_id}", {"config": {"private": True}})
    channel.on_postgres_changes(
        "INSERT", lambda p: seen.add("message", p["data"]["record"]),  # type: ignore[arg-type]
        table="messages", filter=f"conversation_id=eq.{conversation_id}")
    channel.on_broadcast("typing", lambda m: seen.add("typing", m["payload"]))
    joined = asyncio.Event()
    await channel.subscribe(lambda state, _e: joined.set() if state.value == "SUBSCRIBED"
                            else None)
    async with asyncio.timeout(TIMEOUT_S):
        await joined.wait()
    return seen


async def conversation_of(client: AsyncClient, kind: str) -> str:
    rows = (await client.table("conversations").select("id").eq("kind", kind).execute()).data
    assert len(rows) == 1
    return str(rows[0]["id"])


async def test_a_bot_answers_the_demo_user_after_typing(hub: RunningHub, bots: BotWorld) -> None:
    demo = await user_client(hub, DEMO_EMAIL, DEMO_PASSWORD)
    demo_id = await user_id(demo)
    direct = await conversation_of(demo, "direct")
    seen = await watch(demo, direct)
    await demo.table("messages").insert({"conversation_id": direct, "sender_id": demo_id,
                                         "body": "gg last night"}).execute()
    await seen.until(lambda: len(seen.messages()) == 2)
    mine, answer = seen.messages()
    assert mine["sender_id"] == demo_id
    assert answer["sender_id"] != demo_id and answer["body"] in (
        "gg wp!", "ggs, that was close", "gg, rematch later?")
    kinds = [k for k, p in seen.events]
    first_typing = kinds.index("typing")
    assert first_typing < kinds.index("message", 1)
    assert all(p["user_id"] == answer["sender_id"] for k, p in seen.events if k == "typing")
    assert set(seen.events[first_typing][1]) == {"user_id", "timestamp"}
    # The bot's own message gets no answer: a moment later, still two messages.
    await asyncio.sleep(5 * 3.5 / SPEED + 0.1)
    assert len(seen.messages()) == 2


async def test_bots_chat_in_the_group_now_and_then(hub: RunningHub, bots: BotWorld) -> None:
    demo = await user_client(hub, DEMO_EMAIL, DEMO_PASSWORD)
    group = await conversation_of(demo, "group")
    seen = await watch(demo, group)
    await seen.until(lambda: len(seen.messages()) >= 2)
    demo_id = await user_id(demo)
    assert all(m["sender_id"] != demo_id for m in seen.messages())
    # Every line is announced by typing; the first may have been typed before the watch
    # was joined, so look between the first two lines.
    kinds = [kind for kind, _ in seen.events]
    first = kinds.index("message")
    assert "typing" in kinds[first + 1:kinds.index("message", first + 1)]


@pytest.mark.parametrize(("text", "expected"), [
    ("GG!", "gg wp!"),
    ("this is nothing", "lol"),  # "hi" inside a word is not a greeting
    ("good game man", "gg wp!"),
    ("ready for ranked?", "I'm in, queue up"),
])
def test_answers_match_whole_words(text: str, expected: str) -> None:
    assert answer_for(text, 0) == expected
