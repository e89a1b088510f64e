"""Demo bots for presence and notifications: friends come and go, the inbox fills. Qt-free.

``PresenceBots``: every bot friend lives a little life on ``presence:online``: online,
away, in a game (with its name), do-not-disturb, offline, on a seeded random schedule.
They are tracked through the hub's registry (``Registry.server_track``), so every
client sees them exactly as it sees a phone user: a random presence key per session
(the mobile app joins without one) and the seed's meta ``{user_id, status,
last_seen}``; some bots are on the desktop app instead (key = user id, ``device``).

``NotificationBots``: now and then a notification for the demo user is inserted
through the store (so ``notifications:{user_id}`` subscribers get the INSERT): friend
requests, a tournament match that is ready (``data.tournament_id``), mentions in the
group chat (``data.conversation_id``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from dataclasses import dataclass

from gfdesk.hub.demo import world as demo
from gfdesk.hub.demo.botworld import Bot, BotWorld

log = logging.getLogger("gfdesk.hub")

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
#: Bots that use the desktop app (presence key = user id) instead of the phone.
DESKTOP_BOTS = frozenset({"novastrike", "frostbyte"})
#: Pause between two notifications for the demo user, in seconds.
NOTIFY_S = (60.0, 180.0)


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
            self._set(life, FIRST_STATUS.get(bot.username, "online"))
            world.spawn(self._live(life), f"presence:{bot.username}")

    def _set(self, life: _Life, status: str) -> None:
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
            meta["game"] = world.clock.pick(GAMES)
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
    """Friend requests, matches that are ready and mentions, for the demo user."""

    def start(self, world: BotWorld) -> None:
        self._world = world
        self._demo_id = world.user_id(demo.DEMO_USERNAME)
        if self._demo_id is None:
            return
        world.spawn(self._notify_now_and_then(), "notifications")

    def _ids(self, sql: str) -> str | None:
        rows = self._world.store.query(sql)
        return str(rows[0][0]) if rows else None

    def make(self, pick: float, bot_name: str) -> dict[str, object]:
        """One notification row (without user and id) for ``pick`` in [0, 1)."""
        tournament = self._ids("SELECT id FROM tournaments ORDER BY created_at LIMIT 1")
        group = self._ids("SELECT id FROM conversations WHERE kind = 'group' LIMIT 1")
        if pick < 0.34:
            return {"type": "friend_request", "title": "Friend request",
                    "body": f"{bot_name} wants to be your friend", "data": json.dumps({})}
        if pick < 0.67 and tournament is not None:
            return {"type": "match_ready", "title": f"{demo.TOURNAMENT_NAME}: match ready",
                    "body": f"Your match against {bot_name} is ready. Good luck!",
                    "data": json.dumps({"tournament_id": tournament})}
        return {"type": "mention", "title": f"{bot_name} mentioned you",
                "body": f"@{demo.DEMO_USERNAME} you in for {demo.GROUP_TITLE} tonight?",
                "data": json.dumps({"conversation_id": group} if group else {})}

    async def _notify_now_and_then(self) -> None:
        world = self._world
        clock = world.clock
        while True:
            await clock.pause(NOTIFY_S)
            bot = clock.pick(demo.BOTS)
            row = self.make(clock.random.random(), bot.display_name)
            await world.insert("notifications", {**row, "id": str(uuid.uuid4()),
                                           "user_id": self._demo_id})
