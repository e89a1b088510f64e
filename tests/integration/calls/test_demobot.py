"""The demo world's calling friend (``gfdesk.calls.demobot``) on a demo hub: it calls
the demo user once, answers the demo user's calls with the test pattern, and sends the
demo user's own sound back."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import pytest

from gfdesk.calls.demobot import DemoCallBot
from gfdesk.calls.states import CallState, Direction
from gfdesk.core.session import Credentials
from gfdesk.hub.context import HubConfig
from gfdesk.hub.demo import BOTS, DEMO_EMAIL, DEMO_PASSWORD, DEMO_USERNAME
from gfdesk.hub.runner import RunningHub
from tests.helpers.callworld import CallWorld

pytestmark = pytest.mark.slow

NOVA = next(b for b in BOTS if b.username == "novastrike")


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub", demo=True)


async def _started(bot: DemoCallBot) -> None:
    # Started on its own thread (as the app does), waited for off the test's loop.
    await asyncio.to_thread(bot.start_in_thread)
    assert bot.user_id


async def test_it_calls_the_demo_user_once_and_pictures_and_the_echo_flow(
        hub: RunningHub, call_world: CallWorld) -> None:
    me = await call_world.party(DEMO_USERNAME, email=DEMO_EMAIL, password=DEMO_PASSWORD)
    bot = DemoCallBot(hub.url, hub.anon_key, Credentials(NOVA.email, DEMO_PASSWORD),
                      callee_username=DEMO_USERNAME, call_after_s=0.2)
    try:
        await _started(bot)
        ringing = await me.wait_state(CallState.RINGING)
        assert ringing.direction is Direction.INCOMING and ringing.other_id == bot.user_id
        await me.engine.accept()
        await me.wait_state(CallState.CONNECTED)
        assert len(await me.wait_pictures(15)) >= 15  # the bot's test pattern
        # What we send (the synthetic tone) comes back: sound, not silence.
        since = time.monotonic()
        await me.wait_for(lambda: sum(1 for t, pcm in me.audio_frames
                                      if t > since and any(pcm)) >= 10)
        assert bot.echo.frames > 0
        await me.engine.hang_up()
    finally:
        await asyncio.to_thread(bot.stop)
    assert "demo-call-bot" not in [t.name for t in threading.enumerate()]


async def test_it_answers_a_call_from_the_demo_user(
        hub: RunningHub, call_world: CallWorld) -> None:
    me = await call_world.party(DEMO_USERNAME, email=DEMO_EMAIL, password=DEMO_PASSWORD)
    bot = DemoCallBot(hub.url, hub.anon_key, Credentials(NOVA.email, DEMO_PASSWORD),
                      callee_username=DEMO_USERNAME, call_after_s=None, answer_after_s=0.1)
    try:
        await _started(bot)
        await me.engine.place(bot.user_id)
        await me.wait_state(CallState.CONNECTED)
        assert len(await me.wait_pictures(10)) >= 10
        await me.engine.hang_up()
    finally:
        await asyncio.to_thread(bot.stop)
    assert bot.states == [CallState.RINGING, CallState.CONNECTING, CallState.CONNECTED,
                          CallState.ENDED]
