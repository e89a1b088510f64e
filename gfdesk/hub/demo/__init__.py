"""The demo world the hub seeds for ``--demo`` and ``gfdesk hub --demo``. Qt-free.

A demo account (``DEMO_EMAIL`` / ``DEMO_PASSWORD``, public on purpose), bot friends,
chats with history, notifications and a live tournament, so a newcomer sees a populated
GamerFlick at first start. Content is fixed; timestamps are relative to the seeding time.
"""

from __future__ import annotations

from gfdesk.hub.demo.seed import seed_demo_world
from gfdesk.hub.demo.world import BOTS, DEMO_EMAIL, DEMO_PASSWORD, DEMO_USERNAME, Bot

__all__ = ["BOTS", "DEMO_EMAIL", "DEMO_PASSWORD", "DEMO_USERNAME", "Bot", "seed_demo_world"]
