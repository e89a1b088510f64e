"""The demo world's bots, started and stopped with the hub. Qt-free.

``bots_ctx`` is the root app's cleanup context: with ``config.demo`` it starts the
demo behaviours (``chatbots``, ``presencebots``, ``tournamentbots``) on a ``BotWorld``
after the store and realtime contexts, and stops them first on shutdown. It lives
apart from ``botworld`` so the framework never imports the behaviours built on it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from aiohttp import web

from gfdesk.hub.context import CONFIG, STORE
from gfdesk.hub.demo.botworld import BotWorld
from gfdesk.hub.demo.chatbots import ChatBots
from gfdesk.hub.demo.presencebots import NotificationBots, PresenceBots
from gfdesk.hub.demo.tournamentbots import TournamentBots
from gfdesk.hub.realtime.channels import REALTIME
from gfdesk.log import hub as log


async def bots_ctx(app: web.Application) -> AsyncIterator[None]:
    """Root-app cleanup context: the demo bots, for ``config.demo`` only."""
    if not app[CONFIG].demo:
        yield
        return
    world = BotWorld(app[STORE], app[REALTIME])
    world.start(ChatBots(), PresenceBots(), NotificationBots(), TournamentBots())
    log.info("hub: demo bots started")
    try:
        yield
    finally:
        await world.aclose()
