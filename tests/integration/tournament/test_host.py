"""The host console against the hub: seeding, taking the start back, corrections the
engine refuses (with the matches in the way), disqualification, finishing, the
registration count, and Swiss rounds; a viewer's bracket always ends as the host's."""

from __future__ import annotations

import asyncio
import random

import pytest

from gfdesk.core.clock import Clock
from gfdesk.tournament.bracket import MatchStatus, Section, champion
from gfdesk.tournament.host import HostConsole, HostError
from gfdesk.tournament.info import TournamentStatus
from gfdesk.tournament.matches import Format
from tests.helpers.tournamentworld import TIMEOUT_S, Follower, TournamentWorld, sign_up


class FastClock(Clock):
    """Real time, a hundred times faster (the registration watch's pauses)."""

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds / 100)


async def setting(world: TournamentWorld, count: int, *, fmt: Format = Format.DOUBLE_ELIM
                  ) -> tuple[HostConsole, Follower, Follower, str]:
    host = await world.player("host")
    viewer = await world.player("viewer")
    players = [await sign_up(world.hub, f"p{i}") for i in range(count)]
    tid = await world.tournament(host, players=players, format=fmt)
    host_feed = await world.follow(host, tid)
    watching = await world.follow(viewer, tid)
    return world.console(host, host_feed, seed=5), host_feed, watching, tid


async def in_step(console: HostConsole, watching: Follower) -> None:
    async with asyncio.timeout(TIMEOUT_S):
        await console.outbox.drained()
    await watching.until(lambda: watching.feed.live.bracket == console.live.bracket)


async def test_seeds_by_order_and_at_random(tournament_world: TournamentWorld) -> None:
    console, host_feed, _watching, tid = await setting(tournament_world, 4)
    entrants = host_feed.feed.entrants
    order = [e.user_id for e in reversed(entrants)]
    seeded = await console.set_seeds(order, entrants)
    assert [e.user_id for e in seeded] == order and [e.seed for e in seeded] == [1, 2, 3, 4]
    async with asyncio.timeout(TIMEOUT_S):
        await console.outbox.drained()
    stored = await console.service.entrants(tid)
    assert [e.user_id for e in stored] == order
    # The same random source gives the same order; every player once.
    again = HostConsole(console.service, console.tournament, console.live,
                        on_changed=lambda _i: None, on_tournament=lambda _t: None,
                        rng=random.Random(5))
    assert again.random_order(stored) == console.random_order(stored)
    assert sorted(console.random_order(stored)) == sorted(order)
    with pytest.raises(HostError, match="every registered player once"):
        await console.set_seeds(order[:3], stored)


async def test_the_start_is_taken_back_while_nothing_was_played(
        tournament_world: TournamentWorld) -> None:
    console, host_feed, watching, tid = await setting(tournament_world, 5)
    await console.start(host_feed.feed.entrants)
    await in_step(console, watching)
    first = next(m for m in console.bracket.matches if m.status is MatchStatus.READY)
    await console.mark_live(first.id)
    await console.reset([first.id])  # live back to ready: nothing was played
    await console.unstart()
    assert console.tournament.status is TournamentStatus.REGISTRATION
    assert await console.service.match_rows(tid) == []
    await watching.until(lambda: watching.feed.live.bracket is None)
    stored = await console.service.tournament(tid)
    assert stored is not None and stored.status is TournamentStatus.REGISTRATION


async def test_a_correction_the_engine_refuses_names_what_stands_in_the_way(
        tournament_world: TournamentWorld) -> None:
    console, host_feed, watching, _tid = await setting(tournament_world, 8)
    await console.start(host_feed.feed.entrants)
    bracket = console.bracket
    first = next(m for m in bracket.matches if m.bracket is Section.WINNERS and m.round == 1)
    sibling = bracket.match(next(m.id for m in bracket.matches if m.bracket is Section.WINNERS
                                 and m.round == 1 and m.position == 2))
    await console.report_result(first.id, 2, 0)
    await console.report_result(sibling.id, 2, 0)
    semi = console.bracket.match(first.next_match_id)  # type: ignore[arg-type]
    await console.report_result(semi.id, 2, 1)
    with pytest.raises(HostError) as refused:
        await console.report_result(first.id, 0, 2)
    assert "reset those matches first" in str(refused.value)
    assert semi.id in {m.id for m in refused.value.blocking}
    await console.reset([semi.id])
    await console.report_result(first.id, 0, 2)  # now the correction goes through
    assert console.bracket.match(semi.id).player1_id == first.player2_id
    await in_step(console, watching)


async def test_a_disqualified_player_leaves_and_the_opponent_advances(
        tournament_world: TournamentWorld) -> None:
    console, host_feed, watching, _tid = await setting(tournament_world, 4)
    await console.start(host_feed.feed.entrants)
    first = next(m for m in console.bracket.matches if m.status is MatchStatus.READY)
    gone = first.player2_id
    assert gone is not None
    await console.forfeit(first.id, gone, disqualify=True)
    after = console.bracket.match(first.id)
    assert after.winner_id == first.player1_id and after.loser_next_match_id is None
    assert not any(gone in m.players for m in console.bracket.matches
                   if m.status is not MatchStatus.DONE)
    await in_step(console, watching)


async def test_finished_means_nothing_changes_any_more(
        tournament_world: TournamentWorld) -> None:
    console, host_feed, watching, tid = await setting(tournament_world, 2,
                                                     fmt=Format.SINGLE_ELIM)
    await console.start(host_feed.feed.entrants)
    final = console.bracket.matches[0]
    await console.report_result(final.id, 3, 1)
    assert champion(console.bracket) == final.player1_id
    await console.finish()
    with pytest.raises(HostError, match="finished"):
        await console.reset([final.id])
    with pytest.raises(HostError, match="finished"):
        await console.finish()
    await in_step(console, watching)
    stored = await console.service.tournament(tid)
    assert stored is not None and stored.status is TournamentStatus.FINISHED


async def test_the_host_announces_the_count_when_players_register_themselves(
        tournament_world: TournamentWorld) -> None:
    world = tournament_world
    host = await world.player("host")
    viewer = await world.player("viewer")
    tid = await world.tournament(host)
    host_feed = await world.follow(host, tid)
    watching = await world.follow(viewer, tid)
    console = world.console(host, host_feed, clock=FastClock())
    heard: list[bool] = []
    console.watch_registrations(lambda: heard.append(True))
    await world.service(viewer).register(tid)
    await watching.until(lambda: bool(watching.tournaments)
                         and watching.tournaments[-1].participant_count == 1)
    await host_feed.until(lambda: bool(heard))


async def test_swiss_rounds_are_paired_and_a_reset_deletes_the_later_ones(
        tournament_world: TournamentWorld) -> None:
    console, host_feed, watching, tid = await setting(tournament_world, 6, fmt=Format.SWISS)
    await console.start(host_feed.feed.entrants)
    for match in console.bracket.matches:
        if match.status is MatchStatus.READY:
            await console.report_result(match.id, 1, 0)
    await console.next_round()
    await in_step(console, watching)
    assert console.bracket.last_round(Section.ROUND_ROBIN) == 2
    first = next(m for m in console.bracket.matches if m.round == 1 and len(m.players) == 2)
    await console.reset([first.id])
    assert console.bracket.last_round(Section.ROUND_ROBIN) == 1
    await in_step(console, watching)
    assert len(await console.service.match_rows(tid)) == len(console.bracket.matches)
