"""A host client runs a tournament through the hub; viewer clients follow it live."""

from __future__ import annotations

import asyncio
import random

from gfdesk.tournament.bracket import Bracket, MatchStatus
from gfdesk.tournament.info import TournamentStatus
from tests.helpers.tournamentworld import TIMEOUT_S, TournamentWorld, sign_up


def same(a: Bracket | None, b: Bracket | None) -> bool:
    return a is not None and b is not None and a.matches == b.matches


async def test_a_viewer_follows_a_whole_double_elimination_reported_by_the_host(
        tournament_world: TournamentWorld) -> None:
    world = tournament_world
    host = await world.player("host")
    viewer = await world.player("viewer")
    players = [await sign_up(world.hub, f"player{i}") for i in range(8)]
    tid = await world.tournament(host, players=players)
    host_feed = await world.follow(host, tid)
    watching = await world.follow(viewer, tid)
    console = world.console(host, host_feed)

    await console.start(host_feed.feed.entrants)
    rnd = random.Random(4)
    reported = 0
    while True:
        bracket = console.bracket
        open_ = [m for m in bracket.matches if m.status in (MatchStatus.READY,
                                                            MatchStatus.LIVE)]
        if not open_:
            break
        match = rnd.choice(open_)
        if rnd.random() < 0.3:
            await console.report_score(match.id, 1, 0)
        a, b = rnd.choice([(2, 0), (2, 1), (0, 2), (1, 2)])
        await console.report_result(match.id, a, b)
        reported += 1
    assert reported >= 14  # 7 winners + 6 losers + the grand final (and maybe its reset)
    await console.finish()
    async with asyncio.timeout(TIMEOUT_S):
        await host.outbox.drained()
    await watching.until(lambda: same(watching.feed.live.bracket, console.bracket))
    stored, _rows = await world.service(viewer).bracket(
        watching.feed.tournament, watching.feed.entrants)  # type: ignore[arg-type]
    assert same(stored, console.bracket)
    assert (await world.service(viewer).tournament(tid)).status is TournamentStatus.FINISHED  # type: ignore[union-attr]
