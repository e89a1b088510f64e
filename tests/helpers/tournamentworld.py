"""A small tournament world on the real hub: players with clients, supervisors, outboxes
and tournament services (``tournament_world`` fixture; import it into a conftest), and
helpers to make tournaments and follow them.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path

import pytest

from gfdesk.core.clock import SYSTEM_CLOCK, Clock
from gfdesk.hub.runner import RunningHub
from gfdesk.tournament.feed import TournamentFeed
from gfdesk.tournament.host import HostConsole
from gfdesk.tournament.info import Tournament, TournamentMessage
from gfdesk.tournament.matches import Format
from gfdesk.tournament.scores import LiveScore
from gfdesk.tournament.service import TournamentService
from tests.helpers.chatmembers import ChatWorld, Member
from tests.helpers.hubfixture import service_client, user_client, user_id

TIMEOUT_S = 30
RECHECK_S = 0.05


class Follower:
    """A feed of one tournament and what it reported."""

    def __init__(self, service: TournamentService, tournament_id: str) -> None:
        self.changed: list[tuple[str, ...]] = []
        self.scores: list[tuple[str, LiveScore | None]] = []
        self.tournaments: list[Tournament] = []
        self.messages: list[TournamentMessage] = []
        self._event = asyncio.Event()
        self.feed = TournamentFeed(service, tournament_id, on_matches=self._on_matches,
                                   on_score=self._on_score, on_tournament=self._on_tournament,
                                   on_message=self._on_message)

    def _poke(self) -> None:
        self._event.set()

    def _on_matches(self, ids: tuple[str, ...]) -> None:
        self.changed.append(ids)
        self._poke()

    def _on_score(self, match_id: str, score: LiveScore | None) -> None:
        self.scores.append((match_id, score))
        self._poke()

    def _on_tournament(self, tournament: Tournament) -> None:
        self.tournaments.append(tournament)
        self._poke()

    def _on_message(self, message: TournamentMessage) -> None:
        self.messages.append(message)
        self._poke()

    async def until(self, condition: Callable[[], bool], timeout: float = TIMEOUT_S) -> None:
        """Wait for ``condition``, re-checked after each report of the feed (and every
        ``RECHECK_S``: an echo of the host's own write changes state without a report)."""
        async with asyncio.timeout(timeout):
            while not condition():
                self._event.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._event.wait(), RECHECK_S)


class TournamentWorld(ChatWorld):
    """Players of the chat world, each with a tournament service."""

    def __init__(self, hub: RunningHub, data_dir: Path) -> None:
        super().__init__(hub, data_dir)
        self.services: dict[str, TournamentService] = {}
        self.feeds: list[TournamentFeed] = []
        self.consoles: list[HostConsole] = []

    async def player(self, name: str, *, url: str | None = None) -> Member:
        member = await self.member(name, url=url)
        self.services[member.user_id] = TournamentService(
            member.client, member.connection, member.outbox, member.user_id)
        return member

    def service(self, member: Member) -> TournamentService:
        return self.services[member.user_id]

    async def tournament(self, host: Member, *, format: Format = Format.DOUBLE_ELIM,
                         players: Sequence[str] = (), size: int = 16,
                         status: str = "registration") -> str:
        """A tournament hosted by ``host`` with ``players`` (user ids) registered (seeded in order),
        made with the service role."""
        service = await service_client(self.hub)
        tournament_id = str(uuid.uuid4())
        await service.table("tournaments").insert({
            "id": tournament_id, "name": "Test Cup", "game": "Arena", "format": format.value,
            "host_id": host.user_id, "status": status, "max_participants": size}).execute()
        if players:
            await service.table("tournament_participants").insert([
                {"tournament_id": tournament_id, "user_id": p, "seed": i}
                for i, p in enumerate(players, start=1)]).execute()
        return tournament_id

    async def follow(self, member: Member, tournament_id: str) -> Follower:
        follower = Follower(self.service(member), tournament_id)
        self.feeds.append(follower.feed)
        await follower.feed.load()
        async with asyncio.timeout(TIMEOUT_S):
            await follower.feed.live_now()
        return follower

    def console(self, member: Member, follower: Follower, *, seed: int = 0,
                clock: Clock = SYSTEM_CLOCK) -> HostConsole:
        feed = follower.feed
        assert feed.tournament is not None

        def on_tournament(t: Tournament) -> None:
            feed.set_tournament(t)

        console = HostConsole(self.service(member), feed.tournament, feed.live,
                              on_changed=feed.local_change, on_tournament=on_tournament,
                              rng=random.Random(seed), clock=clock)
        self.consoles.append(console)
        return console

    async def aclose(self) -> None:
        for console in self.consoles:
            await console.aclose()
        for feed in self.feeds:
            await feed.aclose()
        await super().aclose()


@pytest.fixture
async def tournament_world(hub: RunningHub, tmp_path: Path) -> AsyncIterator[TournamentWorld]:
    world = TournamentWorld(hub, tmp_path / "data")
    try:
        yield world
    finally:
        await world.aclose()


async def sign_up(hub: RunningHub, name: str) -> str:
    """A user who only exists (no connection): their id."""
    client = await user_client(hub, f"{name}@example.com", username=name,
                               display_name=name.capitalize())
    return await user_id(client)
