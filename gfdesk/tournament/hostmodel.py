"""The host console for the view: plain methods that spawn the console's coroutines,
and signals saying how each ended.

Every action goes through ``HostConsole`` (Qt-free), which refuses what cannot be done
with the reason (``HostError``): the reason reaches the host as ``failed``. One action
runs at a time (``busy_changed``); a second click while one runs is ignored.
"""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from gfdesk import bridge
from gfdesk.log import ui as log
from gfdesk.tournament.host import HostConsole, HostError
from gfdesk.tournament.info import Entrant, Tournament

if TYPE_CHECKING:
    from gfdesk.tournament.feed import TournamentFeed
    from gfdesk.tournament.service import Profile


class HostModel(QObject):
    """The host's actions on the open tournament.

    Args:
        feed: the open tournament's feed (the console changes its bracket first).
        rng: the random source of random seeding.
        parent: the owner (its destruction cancels running actions).

    Signals:
        busy_changed(bool): an action started or ended.
        failed(str): an action was refused or failed, with the reason for the host.
        done(object): an action succeeded; a ``Callable[[], str]`` returning a short
            confirmation in the language of the moment (a view calls it again after a
            language switch).
        entrants_changed(): the participants or their seeds changed.
        players_found(list): results of ``search`` (``Profile`` values).
        deleted(str): the tournament (this id) was deleted.
    """

    busy_changed = Signal(bool)
    failed = Signal(str)
    done = Signal(object)
    entrants_changed = Signal()
    players_found = Signal(list)
    deleted = Signal(str)

    def __init__(self, feed: TournamentFeed, *, rng: random.Random | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        assert feed.tournament is not None
        self.feed = feed
        self.console = HostConsole(feed.service, feed.tournament, feed.live,
                                   on_changed=feed.local_change,
                                   on_tournament=feed.set_tournament, rng=rng)
        self.busy = False

    @property
    def entrants(self) -> list[Entrant]:
        return self.feed.entrants

    def start_watching(self) -> None:
        """Follow registrations while the tournament is open."""
        self.console.watch_registrations(self._reload_entrants)

    def _reload_entrants(self) -> None:
        bridge.spawn(self._read_entrants(), name="tournament-host:entrants", owner=self,
                     group="entrants")

    async def _read_entrants(self) -> None:
        try:
            self.feed.entrants = await self.feed.service.entrants(self.feed.tournament_id)
        except Exception as exc:
            log.info("tournament: entrants not read: %s", exc)
            return
        self.entrants_changed.emit()

    def set_tournament(self, tournament: Tournament) -> None:
        self.console.tournament = tournament

    # -- running actions ------------------------------------------------------------------

    def _run(self, name: str, work: Callable[[], Awaitable[object]],
             success: Callable[[], str] | None = None) -> None:
        if self.busy:
            return
        self.busy = True
        self.busy_changed.emit(True)
        bridge.spawn(self._guard(work, success), name=f"tournament-host:{name}", owner=self)

    async def _guard(self, work: Callable[[], Awaitable[object]],
                     success: Callable[[], str] | None) -> None:
        try:
            await work()
        except HostError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:
            log.warning("tournament: host action failed: %s", exc)
            self.failed.emit(self.tr("That did not work: {reason}").format(reason=exc))
        else:
            if success is not None:
                self.done.emit(success)
        finally:
            self.busy = False
            self.busy_changed.emit(False)

    # -- participants -----------------------------------------------------------------------

    def search(self, text: str) -> None:
        """Look for players to add (results: ``players_found``)."""
        bridge.spawn(self._search(text), name="tournament-host:search", owner=self,
                     group="search")

    async def _search(self, text: str) -> None:
        try:
            found: list[Profile] = await self.feed.service.search_players(text)
        except Exception as exc:
            log.info("tournament: player search failed: %s", exc)
            found = []
        known = {e.user_id for e in self.entrants}
        self.players_found.emit([p for p in found if p.id not in known])

    def add_player(self, user_id: str) -> None:
        async def work() -> None:
            await self.console.add_participant(user_id, self.entrants)
            await self._read_entrants()

        name = self.feed.service.name_of(user_id)
        self._run("add", work, lambda: self.tr("{name} added.").format(name=name))

    def remove_player(self, user_id: str) -> None:
        async def work() -> None:
            await self.console.remove_participant(user_id, self.entrants)
            await self._read_entrants()

        self._run("remove", work)

    def set_seed_order(self, order: Sequence[str]) -> None:
        """Seed the players in ``order`` (1 first)."""
        async def work() -> None:
            self.feed.entrants = await self.console.set_seeds(order, self.entrants)
            self.entrants_changed.emit()

        self._run("seeds", work)

    def random_seeds(self) -> None:
        self.set_seed_order(self.console.random_order(self.entrants))

    # -- the bracket -------------------------------------------------------------------------

    def start_tournament(self, *, third_place: bool = False, grand_final_reset: bool = True
                         ) -> None:
        async def work() -> None:
            await self.console.start(self.entrants, third_place=third_place,
                                     grand_final_reset=grand_final_reset)
            self.entrants_changed.emit()

        self._run("start", work, lambda: self.tr("The tournament has started."))

    def unstart(self) -> None:
        self._run("unstart", self.console.unstart, lambda: self.tr(
            "The bracket was taken back; registration is open again."))

    def mark_live(self, match_id: str) -> None:
        self._run("live", lambda: self.console.mark_live(match_id))

    def report_score(self, match_id: str, score1: int, score2: int) -> None:
        """A live score (not one action among others: taps must not wait for each
        other, and the console throttles what goes out)."""
        bridge.spawn(self._score(match_id, score1, score2), name="tournament-host:score",
                     owner=self)

    async def _score(self, match_id: str, score1: int, score2: int) -> None:
        from gfdesk.tournament.scores import LiveScore

        try:
            await self.console.report_score(match_id, score1, score2)
        except HostError as exc:
            self.failed.emit(str(exc))
            return
        self.feed.local_score(LiveScore(match_id, score1, score2))

    def report_result(self, match_id: str, score1: int, score2: int,
                      winner_id: str | None = None) -> None:
        self._run("result", lambda: self.console.report_result(match_id, score1, score2,
                                                                winner_id))

    def forfeit(self, match_id: str, player_id: str, *, disqualify: bool = False) -> None:
        self._run("forfeit", lambda: self.console.forfeit(match_id, player_id,
                                                           disqualify=disqualify))

    def reset(self, match_ids: Sequence[str]) -> None:
        self._run("reset", lambda: self.console.reset(match_ids))

    def next_round(self) -> None:
        self._run("next-round", self.console.next_round,
                  lambda: self.tr("The next round is paired."))

    def delete_tournament(self) -> None:
        async def work() -> None:
            await self.console.delete_tournament()
            self.deleted.emit(self.feed.tournament_id)

        self._run("delete", work)

    def finish(self) -> None:
        self._run("finish", self.console.finish,
                  lambda: self.tr("The tournament is finished."))

    def standings_csv(self) -> str:
        """The standings as CSV (raises ``HostError`` before the start)."""
        return self.console.standings_csv()

    async def aclose(self) -> None:
        await self.console.aclose()
