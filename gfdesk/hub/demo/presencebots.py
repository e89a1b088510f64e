"""Demo bots for presence and notifications: friends come and go, the inbox fills. Qt-free.

``PresenceBots``: every bot friend lives a little life on ``presence:online``: online,
away, in a game (with its name), do-not-disturb, offline, on a seeded random schedule.
They are tracked through the hub's registry (``Registry.server_track``), so every
client sees them exactly as it sees a phone user: a random presence key per session
(the mobile app joins without one) and the seed's meta ``{user_id, status,
last_seen}``; some bots are on the desktop app instead (key = user id, ``device``).

``NotificationBots``: a stranger (LunaLag) sends the demo user a real friend request
once a run, when they have nothing to do with each other, and group members now and
then mention the demo user in the group (a real message, and a notification that opens
that group and shows who wrote). Everything goes through the store, so
``notifications:{user_id}`` and ``friends:{user_id}`` subscribers see it as they would
see a phone user's doing.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass

from gfdesk.hub.demo import world as demo
from gfdesk.hub.demo.botworld import Bot, BotWorld

PRESENCE_TOPIC = "presence:online"
GAMES = ("Arena Blitz", "Neon Drift", "Starfall Tactics", "Pixel Royale", "Hollow Crown")
#: How long a bot stays in one state, in seconds (before the clock's speed-up).
STATE_S = (20.0, 90.0)
#: Next status from the current one, with weights.
TRANSITIONS: dict[str, tuple[tuple[str, float], ...]] = {
    "offline": (("online", 3.0), ("in_game", 1.0), ("offline", 1.0)),
    "online": (("in_game", 2.0), ("away", 2.0), ("busy", 0.7), ("offline", 1.0)),
    "away": (("online", 2.0), ("offline", 1.5), ("away", 0.5)),
    "busy": (("online", 2.0), ("in_game", 1.0), ("offline", 0.5)),
    "in_game": (("online", 2.0), ("in_game", 0.8), ("away", 0.5), ("offline", 0.7)),
}
#: Where each bot starts, so the first screen has friends in every state.
FIRST_STATUS = {"novastrike": "in_game", "pixelpaladin": "online", "frostbyte": "away",
                "vipervex": "offline", "rookrush": "busy", "echoblitz": "online",
                "lunalag": "offline"}
#: A bot's game when it starts in game: NovaStrike is in the cup's match.
FIRST_GAME = {"novastrike": demo.TOURNAMENT_GAME}
#: Bots that use the desktop app (presence key = user id) instead of the phone.
DESKTOP_BOTS = frozenset({"novastrike", "frostbyte"})
#: Pause between two mentions of the demo user, in seconds.
NOTIFY_S = (90.0, 240.0)
#: The stranger's request comes this long after the hub starts, in seconds.
ASK_AFTER_S = (60.0, 150.0)
#: Who asks the demo user to be friends (nobody's friend in the demo world).
STRANGER = "lunalag"
MENTION_LINES = (
    "you in for ranked after the cup?",
    "callout sheet when? :D",
    "who's picking the map on friday?",
    "can you host the lobby tonight?",
    "your clip from last night is going around lol",
    "bring your A game tonight",
)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


@dataclass
class _Life:
    username: str
    user_id: str
    status: str = "offline"
    key: str = ""

    @property
    def owner(self) -> tuple[str, str]:
        """Who tracks this bot's presence, for ``server_track``/``server_untrack``."""
        return ("demo-bot", self.username)


class PresenceBots(Bot):
    """Bot friends going online, away, in game, busy and offline."""

    def start(self, world: BotWorld) -> None:
        self._world = world
        for bot in demo.BOTS:
            user_id = world.user_id(bot.username)
            if user_id is None:
                continue
            life = _Life(bot.username, user_id)
            self._set(life, FIRST_STATUS.get(bot.username, "online"),
                      FIRST_GAME.get(bot.username))
            world.spawn(self._live(life), f"presence:{bot.username}")

    def _set(self, life: _Life, status: str, game: str | None = None) -> None:
        world = self._world
        if status == "offline":
            world.registry.server_untrack(PRESENCE_TOPIC, life.owner)
            life.status, life.key = status, ""
            return
        desktop = life.username in DESKTOP_BOTS
        if not life.key:
            # A phone joins without a key: the server picks a new one per session.
            life.key = life.user_id if desktop else str(uuid.uuid4())
        meta: dict[str, object] = {"user_id": life.user_id, "status": status,
                                   "last_seen": _now()}
        if desktop:
            meta["device"] = "desktop"
        if status == "in_game":
            meta["game"] = game or world.clock.pick(GAMES)
        world.registry.server_track(PRESENCE_TOPIC, life.owner, life.key, meta)
        life.status = status

    def _next(self, status: str) -> str:
        choices = TRANSITIONS[status]
        pick = self._world.clock.random.random() * sum(w for _, w in choices)
        for choice, weight in choices:
            pick -= weight
            if pick < 0:
                return choice
        return choices[-1][0]

    async def _live(self, life: _Life) -> None:
        clock = self._world.clock
        try:
            while True:
                await clock.pause(STATE_S)
                self._set(life, self._next(life.status))
        finally:
            self._world.registry.server_untrack(PRESENCE_TOPIC, life.owner)


class NotificationBots(Bot):
    """Things that happen to the demo user, each for real: a stranger asks to be friends
    (once a run, only while they have nothing to do with each other; the database's
    trigger writes the notification), and now and then a member of one of the demo
    user's groups mentions them there: a real message in that group, and a mention
    notification that opens it and shows who wrote."""

    def start(self, world: BotWorld) -> None:
        self._world = world
        self._demo_id = world.user_id(demo.DEMO_USERNAME)
        if self._demo_id is None:
            return
        world.spawn(self._stranger_asks(), "friend-request")
        world.spawn(self._mention_now_and_then(), "mentions")

    def _strangers(self, a: str, b: str) -> bool:
        rows = self._world.store.query(
            "SELECT 1 FROM friendships WHERE (user_id = ? AND friend_id = ?)"
            " OR (user_id = ? AND friend_id = ?) UNION ALL SELECT 1 FROM blocks"
            " WHERE (blocker_id = ? AND blocked_id = ?) OR (blocker_id = ? AND blocked_id = ?)",
            (a, b, b, a, a, b, b, a))
        return not rows

    async def _stranger_asks(self) -> None:
        world = self._world
        await world.clock.pause(ASK_AFTER_S)
        stranger = world.user_id(STRANGER)
        if stranger is None or self._demo_id is None or not self._strangers(stranger,
                                                                            self._demo_id):
            return
        await world.insert("friendships", {"user_id": stranger, "friend_id": self._demo_id,
                                     "status": "pending"})

    async def mention(self, line: str) -> dict[str, object] | None:
        """Post ``line`` mentioning the demo user in one of their groups, from a bot
        member, with its notification; the notification row (None: no such group)."""
        world = self._world
        rows = world.store.query(
            "SELECT m.conversation_id, m.user_id FROM conversation_members m"
            " JOIN conversations c ON c.id = m.conversation_id"
            " WHERE c.kind = 'group' AND m.user_id <> ? AND m.conversation_id IN"
            " (SELECT conversation_id FROM conversation_members WHERE user_id = ?)"
            " ORDER BY m.conversation_id, m.user_id", (self._demo_id, self._demo_id))
        if not rows or self._demo_id is None:
            return None
        group, author = (str(v) for v in world.clock.pick(rows))
        body = f"@{demo.DEMO_USERNAME} {line}"
        await world.insert("messages", {"conversation_id": group, "sender_id": author,
                                        "body": body})
        return await world.insert("notifications", {
            "id": str(uuid.uuid4()), "user_id": self._demo_id, "type": "mention",
            "title": f"{world.display_name(author)} mentioned you", "body": body,
            "data": json.dumps({"conversation_id": group, "actor_id": author})})

    async def _mention_now_and_then(self) -> None:
        deck = self._world.clock.deck(MENTION_LINES)
        while True:
            await self._world.clock.pause(NOTIFY_S)
            await self.mention(deck.deal())
