"""Who may change a tournament, through the official clients against the hub: only the
host writes matches and seeds; a player registers and withdraws only themselves.
Registration only while open and not full, and unseeded; withdrawal only while open;
the swiss format; only the host broadcasts on ``tournament:{id}``.
"""

from __future__ import annotations

import asyncio

import pytest
from postgrest.exceptions import APIError

from gfdesk.tournament.bracket import MatchStatus
from gfdesk.tournament.host import HostError
from gfdesk.tournament.matches import Format
from gfdesk.tournament.scores import LiveScore
from tests.helpers.hubfixture import service_client
from tests.helpers.tournamentworld import TIMEOUT_S, TournamentWorld, sign_up


async def started(world: TournamentWorld, count: int = 4):  # type: ignore[no-untyped-def]
    host = await world.player("host")
    eve = await world.player("eve")
    players = [eve.user_id, *[await sign_up(world.hub, f"p{i}") for i in range(count - 1)]]
    tid = await world.tournament(host, players=players)
    feed = await world.follow(host, tid)
    console = world.console(host, feed)
    await console.start(feed.feed.entrants)
    async with asyncio.timeout(TIMEOUT_S):
        await host.outbox.drained()
    return host, eve, tid, feed, console


async def test_a_non_hosts_match_update_changes_nothing_and_insert_is_refused(
        tournament_world: TournamentWorld) -> None:
    _host, eve, tid, _feed, console = await started(tournament_world)
    match = next(m for m in console.bracket.matches if m.status is MatchStatus.READY)
    table = eve.client.table("tournament_matches")
    result = await table.update({"score1": 9, "winner_id": eve.user_id,
                                 "status": "done"}).eq("id", match.id).execute()
    assert result.data == []  # as on Supabase: rows the rules hide are not updated
    service = await service_client(tournament_world.hub)
    stored = (await service.table("tournament_matches").select("*").eq(
        "id", match.id).execute()).data[0]
    assert (stored["score1"], stored["status"]) == (0, "ready")
    with pytest.raises(APIError) as refused:
        await table.insert({"tournament_id": tid, "round": 9, "position": 9}).execute()
    assert refused.value.code == "42501"


async def test_only_the_host_sets_seeds(tournament_world: TournamentWorld) -> None:
    host = await tournament_world.player("host")
    eve = await tournament_world.player("eve")
    tid = await tournament_world.tournament(host, players=[eve.user_id])
    result = await eve.client.table("tournament_participants").update({"seed": 1}).eq(
        "tournament_id", tid).eq("user_id", eve.user_id).execute()
    assert result.data == []
    await host.client.table("tournament_participants").update({"seed": 7}).eq(
        "tournament_id", tid).eq("user_id", eve.user_id).execute()
    entrants = await tournament_world.service(eve).entrants(tid)
    assert [(e.user_id, e.seed) for e in entrants] == [(eve.user_id, 7)]


async def test_a_participant_cannot_register_someone_else(
        tournament_world: TournamentWorld) -> None:
    host = await tournament_world.player("host")
    eve = await tournament_world.player("eve")
    bob = await sign_up(tournament_world.hub, "bob")
    tid = await tournament_world.tournament(host)
    with pytest.raises(APIError) as refused:
        await eve.client.table("tournament_participants").insert(
            {"tournament_id": tid, "user_id": bob}).execute()
    assert refused.value.code == "42501"
    service = tournament_world.service(eve)
    await service.register(tid)
    assert [e.user_id for e in await service.entrants(tid)] == [eve.user_id]
    assert await service.withdraw(tid)
    assert await service.entrants(tid) == []
    assert not await service.withdraw(tid)


async def test_registration_is_refused_once_the_tournament_is_not_open(
        tournament_world: TournamentWorld) -> None:
    host = await tournament_world.player("host")
    eve = await tournament_world.player("eve")
    tid = await tournament_world.tournament(host, status="live")
    with pytest.raises(APIError) as refused:
        await tournament_world.service(eve).register(tid)
    assert refused.value.code == "42501"


async def test_registration_is_refused_when_the_tournament_is_full(
        tournament_world: TournamentWorld) -> None:
    host = await tournament_world.player("host")
    eve = await tournament_world.player("eve")
    others = [await sign_up(tournament_world.hub, f"p{i}") for i in range(2)]
    tid = await tournament_world.tournament(host, players=others, size=2)
    with pytest.raises(APIError) as refused:
        await tournament_world.service(eve).register(tid)
    assert refused.value.code == "42501"


async def test_a_player_registers_only_unseeded(tournament_world: TournamentWorld) -> None:
    host = await tournament_world.player("host")
    eve = await tournament_world.player("eve")
    tid = await tournament_world.tournament(host)
    with pytest.raises(APIError) as refused:
        await eve.client.table("tournament_participants").insert(
            {"tournament_id": tid, "user_id": eve.user_id, "seed": 1}).execute()
    assert refused.value.code == "42501"


async def test_a_player_cannot_withdraw_once_it_started(
        tournament_world: TournamentWorld) -> None:
    _host, eve, tid, _feed, _console = await started(tournament_world)
    assert not await tournament_world.service(eve).withdraw(tid)


async def test_a_swiss_tournament_can_be_created(tournament_world: TournamentWorld) -> None:
    host = await tournament_world.player("host")
    await tournament_world.tournament(host, format=Format.SWISS)


async def test_a_non_hosts_score_broadcast_reaches_nobody(
        tournament_world: TournamentWorld) -> None:
    host, eve, tid, host_feed, console = await started(tournament_world)
    viewer = await tournament_world.player("viewer")
    watching = await tournament_world.follow(viewer, tid)
    eves = await tournament_world.follow(eve, tid)
    match = next(m for m in console.bracket.matches if m.status is MatchStatus.READY)
    await tournament_world.service(eve).send_score(tid, LiveScore(match.id, 5, 0))
    await console.report_score(match.id, 1, 0)  # the host's own comes through
    await watching.until(lambda: bool(watching.scores))
    assert watching.scores == [(match.id, LiveScore(match.id, 1, 0))]
    del host, host_feed, eves


async def test_the_console_refuses_what_cannot_be_done_and_says_why(
        tournament_world: TournamentWorld) -> None:
    host, eve, _tid, _feed, console = await started(tournament_world, count=4)
    with pytest.raises(HostError, match="started"):
        await console.set_seeds([], [])
    first = next(m for m in console.bracket.matches if m.status is MatchStatus.READY)
    await console.report_result(first.id, 2, 0)
    with pytest.raises(HostError, match="reset them first"):
        await console.unstart()
    final = next(m for m in console.bracket.matches if m.next_match_id is None)
    with pytest.raises(HostError, match="no result to report"):
        await console.report_result(final.id, 1, 0)
    with pytest.raises(HostError, match="not decided"):
        await console.finish()
    del host, eve
