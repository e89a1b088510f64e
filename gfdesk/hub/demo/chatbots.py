"""Demo chat bots: bot friends answer the demo user and chat among themselves. Qt-free.

When the demo user writes in a conversation with bots, one bot member answers after a
short pause, announcing it first with the ``typing`` broadcast on ``chat:{id}`` (the
seed's payload ``{user_id, timestamp}``), exactly as a phone would. Now and then a bot
starts a line in a group the demo user belongs to, and sometimes another answers. Only
the demo user's messages get answers, so bots never talk in circles. Lines are dealt
from decks (``LineDeck``): a bot never repeats itself before it has used its other
lines.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from gfdesk.hub.demo import world as demo
from gfdesk.hub.demo.botworld import Bot, BotWorld, LineDeck
from gfdesk.hub.store import Change, ChangeType
from gfdesk.log import hub as log

#: Pause before a bot starts typing an answer, and how long it types (seconds).
THINK_S = (0.8, 2.0)
TYPE_S = (1.5, 3.5)
#: Typing is re-announced this often while a bot types (clients expire it after 5 s).
TYPING_EVERY_S = 2.0
#: Pause between two spontaneous group lines.
GROUP_PAUSE_S = (45.0, 120.0)
#: Chance that a second bot answers a spontaneous group line.
GROUP_ANSWER_CHANCE = 0.5

ANSWERS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("gg", "good game", "wp"), ("gg wp!", "ggs, that was close", "gg, rematch later?")),
    (("hi", "hey", "hello", "yo", "sup"), ("hey!", "yo what's up", "heyy, ready for a match?")),
    (("ranked", "queue", "play", "match", "game", "tonight"),
     ("I'm in, queue up", "give me 10 min and I'm there", "only if you carry me lol")),
    (("cup", "tournament", "bracket", "neon"),
     ("bracket's looking spicy", "I'm not losing round 1 again", "see you in the final")),
    (("?",), ("good question tbh", "no idea, ask pixel", "probably yes?")),
)
FALLBACK = ("lol", "true", "nice", "haha facts", "say less", "bet", "100%", "omw")
GROUP_LINES = (
    "anyone up for a quick match?",
    "the new map is actually fun",
    "who's streaming tonight?",
    "patch notes just dropped, railgun buffed??",
    "I need a duo for ranked",
    "ok that last round was insane",
    "snack break, back in 5",
)
GROUP_ANSWERS = ("count me in", "same", "lmao", "I'm down", "nah I'm on cooldown", "real")


def answer_lines(text: str) -> tuple[str, ...]:
    """The lines that fit as an answer to ``text``."""
    tokens = re.findall(r"[a-z]+|\?", text.lower())
    words, lowered = set(tokens), " ".join(tokens)
    for keys, lines in ANSWERS:
        if any(key in words or (" " in key and key in lowered) for key in keys):
            return lines
    return FALLBACK


def answer_for(text: str, pick: int) -> str:
    """A bot's answer to ``text`` (``pick`` chooses among the fitting lines)."""
    lines = answer_lines(text)
    return lines[pick % len(lines)]


@dataclass
class _People:
    demo_id: str
    bot_ids: dict[str, str]  # user id -> username


class ChatBots(Bot):
    """Answers the demo user and keeps the group chat alive."""

    def __init__(self) -> None:
        self._world: BotWorld | None = None
        self._people: _People | None = None
        self._answering: set[str] = set()
        self._decks: dict[tuple[str, ...], LineDeck[str]] = {}

    def _deal(self, lines: tuple[str, ...]) -> str:
        assert self._world is not None
        deck = self._decks.get(lines)
        if deck is None:
            deck = self._decks[lines] = self._world.clock.deck(lines)
        return deck.deal()

    def start(self, world: BotWorld) -> None:
        self._world = world
        demo_id = world.user_id(demo.DEMO_USERNAME)
        if demo_id is None:
            log.info("hub bots: no demo user, chat bots idle")
            return
        bots = {uid: b.username for b in demo.BOTS
                if (uid := world.user_id(b.username)) is not None}
        self._people = _People(demo_id, bots)
        world.on_change(self._on_change)
        world.spawn(self._group_chatter(), "group-chatter")

    # -- answering ----------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        people, world = self._people, self._world
        if people is None or world is None or change.table != "messages":
            return
        if change.type is not ChangeType.INSERT or change.record is None:
            return
        record = change.record
        conversation = str(record["conversation_id"])
        if record["sender_id"] != people.demo_id or conversation in self._answering:
            return
        members = self._bot_members(conversation)
        if not members:
            return
        bot_id = world.clock.pick(members)
        self._answering.add(conversation)
        world.spawn(self._answer(conversation, bot_id, str(record.get("body") or "")),
                    f"answer:{conversation}")

    def _bot_members(self, conversation: str) -> list[str]:
        assert self._world is not None and self._people is not None
        rows = self._world.store.query(
            "SELECT user_id FROM conversation_members WHERE conversation_id = ?"
            " ORDER BY user_id", (conversation,))
        return [str(r[0]) for r in rows if str(r[0]) in self._people.bot_ids]

    async def _answer(self, conversation: str, bot_id: str, text: str) -> None:
        assert self._world is not None
        try:
            clock = self._world.clock
            await clock.pause(THINK_S)
            await self._type_and_send(conversation, bot_id, self._deal(answer_lines(text)))
        finally:
            self._answering.discard(conversation)

    async def _type_and_send(self, conversation: str, bot_id: str, body: str) -> None:
        world = self._world
        assert world is not None
        remaining = world.clock.between(*TYPE_S)
        while remaining > 0:
            world.broadcast(f"chat:{conversation}", "typing", {
                "user_id": bot_id,
                "timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")})
            step = min(remaining, TYPING_EVERY_S)
            await world.clock.sleep(step)
            remaining -= step
        await world.insert("messages", {"conversation_id": conversation, "sender_id": bot_id,
                                  "body": body})

    # -- group chatter ------------------------------------------------------------------

    def _groups(self) -> list[str]:
        assert self._world is not None and self._people is not None
        rows = self._world.store.query(
            "SELECT c.id FROM conversations AS c JOIN conversation_members AS m"
            " ON m.conversation_id = c.id WHERE c.kind = 'group' AND m.user_id = ?"
            " ORDER BY c.id", (self._people.demo_id,))
        return [str(r[0]) for r in rows]

    async def _group_chatter(self) -> None:
        assert self._world is not None
        clock = self._world.clock
        while True:
            await clock.pause(GROUP_PAUSE_S)
            groups = self._groups()
            if not groups:
                continue
            group = clock.pick(groups)
            members = self._bot_members(group)
            if not members or group in self._answering:
                continue
            speaker = clock.pick(members)
            await self._type_and_send(group, speaker, self._deal(GROUP_LINES))
            others = [m for m in members if m != speaker]
            if others and clock.random.random() < GROUP_ANSWER_CHANCE:
                await clock.pause(THINK_S)
                await self._type_and_send(group, clock.pick(others), self._deal(GROUP_ANSWERS))
