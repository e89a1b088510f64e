"""One open tournament, kept live: its row, entrants, bracket, live scores and chat. Qt-free.

``TournamentFeed`` loads a tournament over REST, joins its channel through the service,
and turns what arrives into a few plain callbacks the Qt model re-emits as signals (a
test or a benchmark uses it without Qt):

- a match row changes one match in place (``on_matches`` with its id: one card moves),
  or asks for a reload (a started tournament, a new Swiss round, a reset that deleted
  rounds): the feed re-reads the tournament, entrants and matches once for a burst
  of such rows (``RELOAD_DEBOUNCE_S``) and reports ``on_matches(())``: rebuild;
- ``score_update`` sets the in-progress score of a live match (``on_score``); it is
  dropped when the match's row says it is no longer live;
- ``participant_count`` updates the tournament's count (``on_tournament``);
- chat rows are handed on as messages (``on_message``).

After a reconnect the service's gap fill re-reads every match; rows deleted meanwhile
(a Swiss round reset while we were away) make the feed reload.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from gfdesk.core.clock import SYSTEM_CLOCK, Clock
from gfdesk.i18nmark import translate
from gfdesk.log import rest as log
from gfdesk.tournament.info import Entrant, Tournament, TournamentMessage
from gfdesk.tournament.livebracket import LiveBracket, RowOutcome
from gfdesk.tournament.matches import BracketError, MatchStatus
from gfdesk.tournament.scores import LiveScore
from gfdesk.tournament.service import Listeners

if TYPE_CHECKING:
    from gfdesk.core.subscription import SubscriptionHandle
    from gfdesk.tournament.service import TournamentService

#: Rows asking for a reload within this time make one reload.
RELOAD_DEBOUNCE_S = 0.15
#: Chat messages held back at most while their senders' names are read.
MAX_NAMING = 32
#: A reload that fails (the server is away) is tried again after this long.
RELOAD_RETRY_S = 2.0


class TournamentGone(LookupError):
    """The tournament does not exist (any more), or cannot be read."""


class TournamentFeed:
    """The live state of one tournament.

    Args:
        service: the tournament service.
        tournament_id: which tournament.
        on_matches: the ids of matches that changed in place; ``()`` when the bracket
            was replaced (rebuild everything).
        on_score: a live score to show (or its match, with None: drop it).
        on_tournament: the tournament row or its count changed.
        on_message: a chat message arrived (live or gap-filled), once each.
        on_problem: a reload failed for good (the rows do not make a bracket); "" when
            a later one worked.
        clock: time for the debounce.
    """

    def __init__(self, service: TournamentService, tournament_id: str, *,
                 on_matches: Callable[[tuple[str, ...]], None],
                 on_score: Callable[[str, LiveScore | None], None],
                 on_tournament: Callable[[Tournament], None],
                 on_message: Callable[[TournamentMessage], None],
                 on_problem: Callable[[str], None] = lambda _text: None,
                 clock: Clock = SYSTEM_CLOCK) -> None:
        self.service = service
        self.tournament_id = tournament_id
        self._on_matches = on_matches
        self._on_score = on_score
        self._on_tournament = on_tournament
        self._on_message = on_message
        self._on_problem = on_problem
        self._clock = clock
        self.tournament: Tournament | None = None
        self.entrants: list[Entrant] = []
        self.live = LiveBracket()
        #: In-progress scores of live matches, by match id.
        self.scores: dict[str, LiveScore] = {}
        self._handle: SubscriptionHandle | None = None
        self._reload: asyncio.Task[None] | None = None
        self._naming: set[asyncio.Task[None]] = set()
        self._again = False
        self._closed = False
        #: Reloads completed (tests and benchmarks wait on it).
        self.reloads = 0

    @property
    def handle(self) -> SubscriptionHandle | None:
        return self._handle

    async def load(self) -> list[TournamentMessage]:
        """Read the tournament and its recent chat, then follow it live; returns the
        chat messages, oldest first.

        Raises:
            TournamentGone: no such tournament.
            BracketError: its matches do not make a bracket.
        """
        await self._read()
        messages = await self.service.messages(self.tournament_id)
        self._handle = await self.service.watch(self.tournament_id, Listeners(
            on_match=self._on_match_row, on_message=self._on_message_row,
            on_score=self._on_score_broadcast, on_count=self._on_count,
            on_matches_read=self._on_matches_read))
        return messages

    async def _read(self) -> None:
        tournament = await self.service.tournament(self.tournament_id)
        if tournament is None:
            raise TournamentGone(f"tournament {self.tournament_id} not found")
        entrants = await self.service.entrants(self.tournament_id)
        bracket, rows = await self.service.bracket(tournament, entrants)
        self.tournament = tournament.with_count(len(entrants))
        self.entrants = entrants
        self.live.load(bracket, rows)
        if bracket is not None:
            for match_id in list(self.scores):
                current = bracket.get(match_id)
                if current is None or current.status is not MatchStatus.LIVE:
                    del self.scores[match_id]

    async def live_now(self) -> None:
        """Wait until the channel is joined, gap-filled and live."""
        if self._handle is not None:
            await self._handle.live.wait()

    # -- rows -------------------------------------------------------------------------

    def _on_match_row(self, row: Mapping[str, Any]) -> None:
        result = self.live.apply_row(row)
        if result.outcome is RowOutcome.RELOAD:
            log.debug("tournament %s: reload (%s)", self.tournament_id, result.reason)
            self.request_reload()
            return
        if result.outcome is RowOutcome.APPLIED and result.match_id is not None:
            self._drop_score_unless_live(result.match_id)
            self._on_matches((result.match_id,))

    def _drop_score_unless_live(self, match_id: str) -> None:
        bracket = self.live.bracket
        match = bracket.get(match_id) if bracket is not None else None
        if match_id in self.scores and (match is None or match.status is not MatchStatus.LIVE):
            del self.scores[match_id]
            self._on_score(match_id, None)

    def _on_matches_read(self, ids: frozenset[str]) -> None:
        if self.live.missing(ids) or (self.live.bracket is None and ids):
            self.request_reload()

    def _on_message_row(self, row: Mapping[str, Any]) -> None:
        try:
            message = TournamentMessage.from_row(row)
        except (KeyError, ValueError) as exc:
            log.info("tournament %s: unusable chat row left out: %s", self.tournament_id, exc)
            return
        if self.service.knows(message.sender_id) or len(self._naming) >= MAX_NAMING:
            self._on_message(message)  # (a flood of strangers is shown as "Unknown")
            return
        # Someone new writes: their name first (the chat orders messages by time, so a
        # message delivered a moment later still lands in its place).
        task = asyncio.create_task(self._named(message),
                                   name=f"tournament:chat-name:{self.tournament_id}")
        self._naming.add(task)
        task.add_done_callback(self._naming.discard)

    async def _named(self, message: TournamentMessage) -> None:
        try:
            await self.service.load_profiles([message.sender_id])
        except Exception as exc:  # offline: show it as from "Unknown" rather than not
            log.info("tournament %s: sender name not read: %s", self.tournament_id, exc)
        self._on_message(message)

    def _on_score_broadcast(self, score: LiveScore) -> None:
        bracket = self.live.bracket
        match = bracket.get(score.match_id) if bracket is not None else None
        if match is None or match.status in (MatchStatus.DONE, MatchStatus.PENDING):
            return  # a late score of a decided match, or one we do not know
        self.scores[score.match_id] = score
        self._on_score(score.match_id, score)

    def _on_count(self, count: int) -> None:
        if self.tournament is not None and count != self.tournament.participant_count:
            self.tournament = self.tournament.with_count(count)
            self._on_tournament(self.tournament)

    def local_change(self, match_ids: tuple[str, ...]) -> None:
        """The host changed these matches locally (``()``: the structure)."""
        for match_id in match_ids:
            self._drop_score_unless_live(match_id)
        self._on_matches(match_ids)

    def local_score(self, score: LiveScore) -> None:
        """The host's own live score (its broadcasts do not come back to it)."""
        self._on_score_broadcast(score)

    def write_refused(self) -> None:
        """One of the host's writes was refused: show what the server has."""
        self.live.forget_pending()
        self.request_reload()

    def set_tournament(self, tournament: Tournament) -> None:
        """The host changed the tournament locally."""
        self.tournament = tournament
        self._on_tournament(tournament)

    # -- reloading --------------------------------------------------------------------

    def request_reload(self) -> None:
        """Re-read everything soon (once for a burst of requests)."""
        if self._closed:
            return
        if self._reload is not None and not self._reload.done():
            self._again = True
            return
        self._reload = asyncio.create_task(self._run_reload(),
                                           name=f"tournament:reload:{self.tournament_id}")

    async def _run_reload(self) -> None:
        while True:
            self._again = False
            await self._clock.sleep(RELOAD_DEBOUNCE_S)
            before = (self.live.bracket, self.tournament, self.entrants)
            try:
                await self._read()
            except BracketError as exc:
                # A host half-way through writing a change (links ahead of their
                # rows): the next row asks again; say so if it stays that way.
                self._on_problem(translate("tournament", "The bracket could not be read: {reason}")
                                 .format(reason=exc))
            except Exception as exc:
                log.info("tournament %s: reload failed (%s), retrying", self.tournament_id,
                         exc)
                await self._clock.sleep(RELOAD_RETRY_S)
                self._again = True
            else:
                self.reloads += 1
                self._on_problem("")
                if before[1:] != (self.tournament, self.entrants) \
                        and self.tournament is not None:
                    self._on_tournament(self.tournament)
                if before[0] != self.live.bracket:
                    self._on_matches(())  # nothing to rebuild for the same bracket
            if not self._again:
                return

    async def reloaded(self) -> None:
        """Wait for a reload in flight (if any) to finish."""
        while self._reload is not None and not self._reload.done():
            await asyncio.shield(self._reload)

    async def aclose(self) -> None:
        """Leave the channel and stop reloading."""
        self._closed = True
        tasks = [t for t in (self._reload, *self._naming) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._handle = None
        await self.service.leave(self.tournament_id)
