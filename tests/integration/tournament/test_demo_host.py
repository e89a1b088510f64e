"""The demo's tournament host bot in a real hub: a match goes live, its score is
broadcast on the private channel, the result lands with its progression, and a
viewer's bracket stays equal to the stored one; a decided bracket starts over."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator

import pytest

from gfdesk.hub.context import ON_USER_CREATED, STORE
from gfdesk.hub.demo import DEMO_EMAIL, DEMO_PASSWORD, seed_demo_world
from gfdesk.hub.demo.botworld import BotClock, BotWorld
from gfdesk.hub.demo.tournamentbots import TournamentBots
from gfdesk.hub.demo.world import TOURNAMENT_NAME
from gfdesk.hub.realtime import REALTIME
from gfdesk.hub.runner import RunningHub
from gfdesk.tournament.bracket import MatchStatus, Result, apply_result, champion
from gfdesk.tournament.service import TournamentService
from tests.helpers.hubfixture import user_client, user_id
from tests.helpers.supervisors import supervisor_for
from tests.helpers.tournamentworld import Follower

#: Seconds of the bot's pauses become milliseconds.
SPEED = 500.0


@pytest.fixture
async def host_bot(hub: RunningHub) -> AsyncIterator[TournamentBots]:
    seed_demo_world(hub.app[STORE], hub.app[ON_USER_CREATED])
    world = BotWorld(hub.app[STORE], hub.app[REALTIME], BotClock(seed=3, speed=SPEED))
    bot = TournamentBots()
    world.start(bot)
    yield bot
    await world.aclose()


async def test_the_host_bot_plays_live_and_a_viewer_follows(
        hub: RunningHub, host_bot: TournamentBots) -> None:
    client = await user_client(hub, DEMO_EMAIL, DEMO_PASSWORD)
    connection = supervisor_for(client)
    connection.start()
    try:
        service = TournamentService(client, connection, None, await user_id(client))  # type: ignore[arg-type]
        listed = {t.name: t for t in await service.tournaments()}
        follower = Follower(service, listed[TOURNAMENT_NAME].id)
        await follower.feed.load()
        await follower.feed.live_now()
        done_before = sum(m.status is MatchStatus.DONE
                          for m in follower.feed.live.bracket.matches)  # type: ignore[union-attr]
        await follower.until(lambda: sum(
            m.status is MatchStatus.DONE for m in follower.feed.live.bracket.matches  # type: ignore[union-attr]
        ) >= done_before + 2)
        scores = [s for _m, s in follower.scores if s is not None]
        assert scores and all(max(s.score1, s.score2) <= 3 for s in scores)
        await follower.until(lambda: follower.feed.live.bracket == host_bot.bracket())
        await follower.feed.aclose()
    finally:
        await connection.aclose()


async def test_a_decided_bracket_starts_over_with_new_seeds(
        hub: RunningHub, host_bot: TournamentBots) -> None:
    bracket = host_bot.bracket()
    rnd = random.Random(1)
    while champion(bracket) is None:
        match = next(m for m in bracket.matches if m.status in (MatchStatus.READY,
                                                                MatchStatus.LIVE))
        bracket = apply_result(bracket, Result(match.id, 3, rnd.randint(0, 2))).bracket
    host_bot.start_over(bracket, rnd)
    fresh = host_bot.bracket()
    assert champion(fresh) is None
    assert {m.id for m in fresh.matches} == {m.id for m in bracket.matches}
    assert not any(m.is_played for m in fresh.matches)
