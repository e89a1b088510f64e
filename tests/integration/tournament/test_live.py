"""Live parts of a followed tournament: scores, counts, chat, and a host who was offline."""

from __future__ import annotations

import asyncio

from gfdesk.tournament.bracket import MatchStatus
from gfdesk.tournament.scores import LiveScore
from tests.helpers.tcpproxy import TcpProxy
from tests.helpers.tournamentworld import TIMEOUT_S, TournamentWorld, sign_up


async def test_live_scores_counts_and_chat_reach_a_viewer(
        tournament_world: TournamentWorld) -> None:
    world = tournament_world
    host = await world.player("host")
    viewer = await world.player("viewer")
    players = [await sign_up(world.hub, f"p{i}") for i in range(4)]
    tid = await world.tournament(host, players=players[:3])
    host_feed = await world.follow(host, tid)
    watching = await world.follow(viewer, tid)
    console = world.console(host, host_feed)

    await console.add_participant(players[3], host_feed.feed.entrants)
    await watching.until(lambda: bool(watching.tournaments)
                         and watching.tournaments[-1].participant_count == 4)

    host_feed.feed.entrants = await world.service(host).entrants(tid)
    await console.start(host_feed.feed.entrants)
    await watching.until(lambda: watching.feed.live.bracket == console.bracket)
    match = next(m for m in console.bracket.matches if m.status is MatchStatus.READY)
    for score in ((1, 0), (1, 1), (2, 1)):
        await console.report_score(match.id, *score)
    # Throttled: the first goes out at once, the newest of the burst after the interval.
    await watching.until(lambda: watching.feed.scores.get(match.id) == LiveScore(
        match.id, 2, 1))
    assert [s for _m, s in watching.scores if s is not None][0] == LiveScore(match.id, 1, 0)
    assert len([s for _m, s in watching.scores if s is not None]) <= 2
    assert watching.feed.live.bracket.match(match.id).status is MatchStatus.LIVE  # type: ignore[union-attr]

    await console.report_result(match.id, 2, 1)
    await watching.until(lambda: match.id not in watching.feed.scores)
    assert watching.scores[-1] == (match.id, None)

    service = world.service(viewer)
    message = service.compose(tid, "<b>gg</b> wp")
    await service.post(message)
    await host_feed.until(lambda: [m.id for m in host_feed.messages] == [message.id])
    assert host_feed.messages[0].body == "<b>gg</b> wp"


async def test_results_reported_while_the_host_was_offline_land_exactly_once(
        tournament_world: TournamentWorld) -> None:
    world = tournament_world
    proxy = await TcpProxy(int(world.hub.url.rsplit(":", 1)[1])).start()
    try:
        await world.player("host")  # signs the host up on the direct URL first
        host = await world.player("host", url=proxy.url)
        viewer = await world.player("viewer")
        players = [await sign_up(world.hub, f"p{i}") for i in range(8)]
        tid = await world.tournament(host, players=players)
        host_feed = await world.follow(host, tid)
        watching = await world.follow(viewer, tid)
        console = world.console(host, host_feed)
        await console.start(host_feed.feed.entrants)
        async with asyncio.timeout(TIMEOUT_S):
            await host.outbox.drained()
        await watching.until(lambda: watching.feed.live.bracket == console.bracket)
        await watching.feed.reloaded()
        before = watching.feed.live.bracket

        await proxy.go_down()
        reported = []
        for _ in range(4):
            match = next(m for m in console.bracket.matches if m.status is MatchStatus.READY)
            await console.report_result(match.id, 2, 0)
            reported.append(match.id)
        assert await host.outbox.pending() > 0
        seen = len(watching.changed)
        await asyncio.sleep(0.5)  # nothing can reach the viewer meanwhile
        assert watching.feed.live.bracket == before and len(watching.changed) == seen

        await proxy.come_up()
        async with asyncio.timeout(TIMEOUT_S):
            await host.outbox.drained()
        await watching.until(lambda: watching.feed.live.bracket == console.bracket)
        for match_id in reported:
            assert [ids for ids in watching.changed[seen:] if match_id in ids] == [
                (match_id,)]
        stored, _ = await world.service(viewer).bracket(watching.feed.tournament,  # type: ignore[arg-type]
                                                        watching.feed.entrants)
        assert stored == console.bracket
        # The host's own view came back whole: the gap fill's rows are its echoes.
        await host_feed.until(lambda: host_feed.feed.live.pending == 0)
        assert host_feed.feed.live.bracket == console.bracket
    finally:
        await proxy.aclose()
