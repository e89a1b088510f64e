"""The host's console: running one tournament. Qt-free.

Only a tournament's host can change it; the row rules enforce that on the server
(hub and migrations), this console is only the host's way to ask. Every change is
computed by the bracket engine first, shown at once (``LiveBracket.apply_local``) and
written through the outbox, in order, so a host on shaky LAN Wi-Fi loses nothing: the
writes wait on disk and go out when the server answers again. Match ids are
deterministic and rows are written whole (``insert`` of a new row ignores a duplicate
id, an ``update`` sets absolute values), so a write sent twice changes nothing twice.

What the host does, and how it is undone until the tournament is finished:

- create: ``delete_tournament`` while it takes registrations;
- seeds (drag to reorder, or random with an injected random source): set again;
- add or remove a participant: the other one (both only before the start);
- start: writes every match (successors before the matches that link to them, so a
  partial bracket is always whole), then marks the tournament live; undone by
  ``unstart`` while no match has a result (it deletes the matches, which needs the
  server: offline it says so and changes nothing);
- mark live, report a live score (broadcast ``score_update``, throttled), report a
  result (with its progression), forfeit, disqualify: ``reset`` (and ``correct``);
  the engine refuses a change that would alter a match already played and names it;
- next Swiss round: ``reset`` of the previous round deletes it again;
- finish: the end (the console then refuses everything, saying why).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from postgrest.exceptions import APIError
from postgrest.types import ReturnMethod

from gfdesk.core.clock import SYSTEM_CLOCK, Clock
from gfdesk.log import rest as log
from gfdesk.tournament.bracket import (
    Bracket,
    BracketError,
    CorrectionRefused,
    Format,
    Match,
    MatchStatus,
    Result,
    apply_result,
    champion,
    describe,
    forfeit,
    generate,
    next_round,
    reset_matches,
    start_match,
)
from gfdesk.tournament.export import standings_csv
from gfdesk.tournament.info import Entrant, Tournament, TournamentStatus, seeded, tournament_row
from gfdesk.tournament.layout import tag
from gfdesk.tournament.progression import Update
from gfdesk.tournament.scores import LiveScore, ScoreThrottle

if TYPE_CHECKING:
    from gfdesk.tournament.livebracket import LiveBracket
    from gfdesk.tournament.service import TournamentService

#: How long an action that needs the server waits for the outbox to empty first.
DRAIN_TIMEOUT_S = 10.0
#: How often the console looks for registrations while the tournament is open.
REGISTRATION_POLL_S = 3.0


class HostError(Exception):
    """What the host asked cannot be done; ``str()`` says why, for the host.

    Attributes:
        blocking: matches that stand in the way (already played or live), if any.
    """

    def __init__(self, reason: str, blocking: Iterable[Match] = ()) -> None:
        super().__init__(reason)
        self.blocking: tuple[Match, ...] = tuple(blocking)


def match_values(match: Match) -> dict[str, Any]:
    """A match's row as an update writes it (its id is the filter; the server sets
    ``updated_at``)."""
    row = match.to_row()
    del row["id"], row["tournament_id"]
    return row


async def create_tournament(service: TournamentService, *, name: str, game: str,
                            format: Format, max_participants: int,
                            starts_at: dt.datetime | None) -> Tournament:
    """Create a tournament hosted by us (queued through the outbox).

    Raises:
        HostError: a field does not fit.
    """
    try:
        row = tournament_row(str(uuid.uuid4()), service.user_id, name, game, format,
                             max_participants, starts_at)
    except ValueError as exc:
        raise HostError(str(exc).capitalize() + ".") from exc
    await service.outbox.insert("tournaments", row, label=f"tournament {row['name']}")
    return Tournament.from_row({**row, "created_at": dt.datetime.now(dt.UTC).isoformat()})


class HostConsole:
    """The host's actions on one tournament.

    Args:
        service: the tournament service (its client, outbox and channel).
        tournament: the tournament (we are its host).
        live: the bracket on screen; the console changes it first, then writes.
        on_changed: told the ids of the matches each action changed (the bracket
            model repaints those cards; an empty tuple: the structure changed).
        on_tournament: told the tournament after the console changed it (status,
            participant count).
        rng: the random source of random seeding (tests seed it).
        clock: time for the score throttle and the waits.
    """

    def __init__(self, service: TournamentService, tournament: Tournament,
                 live: LiveBracket, *, on_changed: Callable[[tuple[str, ...]], None],
                 on_tournament: Callable[[Tournament], None],
                 rng: random.Random | None = None, clock: Clock = SYSTEM_CLOCK) -> None:
        if tournament.host_id != service.user_id:
            raise HostError("Only the tournament's host can run it.")
        self.service = service
        self.tournament = tournament
        self.live = live
        self._on_changed = on_changed
        self._on_tournament = on_tournament
        self._rng = rng or random.Random()
        self._clock = clock
        self._throttle = ScoreThrottle()
        self._flusher: asyncio.Task[None] | None = None
        self._poller: asyncio.Task[None] | None = None
        self._sent_count: int | None = None
        self._closed = False

    @property
    def outbox(self) -> Any:
        return self.service.outbox

    @property
    def bracket(self) -> Bracket:
        if self.live.bracket is None:
            raise HostError("The tournament has not started yet.")
        return self.live.bracket

    def _check_not_finished(self) -> None:
        if self.tournament.status is TournamentStatus.FINISHED:
            raise HostError("The tournament is finished; nothing can change any more.")

    def _check_open(self, what: str) -> None:
        self._check_not_finished()
        if self.tournament.status is not TournamentStatus.REGISTRATION:
            raise HostError(f"The tournament has started: {what} only before the start.")

    def _set_tournament(self, tournament: Tournament) -> None:
        self.tournament = tournament
        self._on_tournament(tournament)

    # -- participants -----------------------------------------------------------------

    async def add_participant(self, user_id: str, entrants: Sequence[Entrant]) -> None:
        """Register a player (seeded last); needs the server."""
        self._check_open("players are added")
        if any(e.user_id == user_id for e in entrants):
            raise HostError(f"{self.service.name_of(user_id)} is already registered.")
        if len(entrants) >= self.tournament.max_participants:
            raise HostError(f"The tournament is full ({self.tournament.max_participants} "
                            "players).")
        await self._direct(self.service.client.table("tournament_participants").insert(
            {"tournament_id": self.tournament.id, "user_id": user_id,
             "seed": len(entrants) + 1}, returning=ReturnMethod.minimal),
            f"add {self.service.name_of(user_id)}")
        await self.announce_count(len(entrants) + 1)

    async def remove_participant(self, user_id: str, entrants: Sequence[Entrant]) -> None:
        """Remove a player before the start; needs the server."""
        self._check_open("players are removed")
        await self._direct(self.service.client.table("tournament_participants").delete().eq(
            "tournament_id", self.tournament.id).eq("user_id", user_id),
            f"remove {self.service.name_of(user_id)}")
        await self.announce_count(sum(1 for e in entrants if e.user_id != user_id))

    async def _direct(self, query: Any, what: str) -> None:
        try:
            await query.execute()
        except APIError as exc:
            raise HostError(f"The server refused to {what}: {exc.message or exc.code}.") \
                from exc
        except Exception as exc:
            raise HostError(f"Could not {what}: the server does not answer ({exc}). "
                            "Nothing changed; try again when connected.") from exc

    def random_order(self, entrants: Sequence[Entrant]) -> list[str]:
        """The entrants' ids in a random order (from the console's random source)."""
        ids = [e.user_id for e in entrants]
        self._rng.shuffle(ids)
        return ids

    async def set_seeds(self, order: Sequence[str], entrants: Sequence[Entrant]
                        ) -> list[Entrant]:
        """Seed the players in ``order`` (1 first); returns the entrants re-seeded."""
        self._check_open("seeds are set")
        by_id = {e.user_id: e for e in entrants}
        if sorted(order) != sorted(by_id):
            raise HostError("The seed order must name every registered player once.")
        out = []
        for seed, user_id in enumerate(order, start=1):
            entrant = by_id[user_id]
            if entrant.seed != seed:
                await self.outbox.update(
                    "tournament_participants", {"seed": seed},
                    {"tournament_id": self.tournament.id, "user_id": user_id},
                    label=f"seed of {entrant.name}")
            out.append(Entrant(user_id, seed, entrant.name, entrant.avatar_url))
        return out

    async def announce_count(self, count: int) -> None:
        """Broadcast ``participant_count`` when it changed since the last one."""
        if count == self._sent_count:
            return
        self._sent_count = count
        self._set_tournament(self.tournament.with_count(count))
        await self.service.send_count(self.tournament.id, count)

    def watch_registrations(self, on_entrants: Callable[[], None]) -> None:
        """While the tournament is open, look for players who registered or withdrew
        themselves (participants are not in the realtime publication) and announce
        the count; ``on_entrants`` is told when it changed."""
        if self._poller is None and not self._closed:
            self._poller = asyncio.create_task(self._poll(on_entrants),
                                               name="tournament-host:registrations")

    async def _poll(self, on_entrants: Callable[[], None]) -> None:
        while self.tournament.status is TournamentStatus.REGISTRATION:
            try:
                count = await self.service.participant_count(self.tournament.id)
            except Exception as exc:  # offline: look again later
                log.debug("tournament: registration count not read: %s", exc)
            else:
                if count != self.tournament.participant_count or self._sent_count is None:
                    changed = count != self.tournament.participant_count
                    await self.announce_count(count)
                    if changed:
                        on_entrants()
            await self._clock.sleep(REGISTRATION_POLL_S)

    # -- starting ---------------------------------------------------------------------

    async def start(self, entrants: Sequence[Entrant], *, third_place: bool = False,
                    grand_final_reset: bool = True) -> Bracket:
        """Seed everyone (the unseeded after the seeded), write every match and mark the
        tournament live."""
        self._check_open("the bracket is made")
        if len(entrants) < 2:
            raise HostError("A tournament needs at least two players to start.")
        participants = seeded(list(entrants))
        try:
            bracket = generate(self.tournament.id, self.tournament.format, participants,
                               third_place=third_place, grand_final_reset=grand_final_reset)
        except BracketError as exc:
            raise HostError(str(exc)) from exc
        await self.set_seeds([p.id for p in participants], entrants)
        self.live.start_local(bracket)
        # Successors first: every stored match's links point at stored matches, so a
        # viewer reading a half-written bracket reads a whole (smaller) one.
        for match in sorted(bracket.matches, key=lambda m: -bracket.topo_index(m.id)):
            await self.outbox.insert("tournament_matches", match.to_row(),
                                     label=describe(match))
        await self._set_status(TournamentStatus.LIVE)
        self._on_changed(())
        return bracket

    async def unstart(self) -> None:
        """Undo the start while no match has a result: the matches are deleted and the
        tournament takes registrations again. Needs the server."""
        self._check_not_finished()
        bracket = self.bracket
        played = [m for m in bracket.matches if m.is_played]
        if played:
            raise HostError(f"Results were reported ({', '.join(tag(m) for m in played[:3])}"
                            f"{'...' if len(played) > 3 else ''}); reset them first.",
                            played)
        await self._drained("take the bracket back")
        await self._direct(self.service.client.table("tournament_matches").delete().eq(
            "tournament_id", self.tournament.id), "delete the matches")
        await self._direct(self.service.client.table("tournaments").update(
            {"status": TournamentStatus.REGISTRATION.value}, returning=ReturnMethod.minimal
        ).eq("id", self.tournament.id), "reopen registration")
        self.live.load(None, ())
        self._set_tournament(self.tournament.with_status(TournamentStatus.REGISTRATION))
        self._on_changed(())

    async def delete_tournament(self) -> None:
        """Delete the tournament while it takes registrations (undoes creating it; its
        registrations and chat go with it). Needs the server."""
        self._check_open("the tournament is deleted")
        await self._drained("delete the tournament")
        await self._direct(self.service.client.table("tournaments").delete().eq(
            "id", self.tournament.id), "delete the tournament")
        if self._poller is not None:
            self._poller.cancel()

    async def _drained(self, what: str) -> None:
        try:
            async with asyncio.timeout(DRAIN_TIMEOUT_S):
                await self.outbox.drained()
        except TimeoutError as exc:
            raise HostError(f"Cannot {what} while offline: earlier changes are still "
                            "waiting to be sent. Nothing changed; try again when "
                            "connected.") from exc

    async def _set_status(self, status: TournamentStatus) -> None:
        await self.outbox.update("tournaments", {"status": status.value},
                                 {"id": self.tournament.id}, label=f"tournament {status.value}")
        self._set_tournament(self.tournament.with_status(status))

    # -- matches ----------------------------------------------------------------------

    async def _commit(self, update: Update) -> tuple[str, ...]:
        before = self.bracket
        if update.removed:
            await self._drained("delete the later rounds")
            for first in range(0, len(update.removed), 100):
                await self._direct(self.service.client.table("tournament_matches").delete()
                                   .in_("id", list(update.removed[first:first + 100])),
                                   "delete the later rounds")
        changed = self.live.apply_local(update)
        added = False
        for match in update.changed:
            if before.get(match.id) is None:  # a new Swiss round
                added = True
                await self.outbox.insert("tournament_matches", match.to_row(),
                                         label=describe(match))
            else:
                await self.outbox.update("tournament_matches", match_values(match),
                                         {"id": match.id}, label=describe(match))
        self._on_changed(() if update.removed or added else changed)
        return changed

    def _engine(self, operation: Callable[[], Update]) -> Update:
        self._check_not_finished()
        if self.tournament.status is TournamentStatus.REGISTRATION:
            raise HostError("Start the tournament first.")
        try:
            return operation()
        except CorrectionRefused as exc:
            raise HostError(str(exc).capitalize() + ".", exc.blocking) from exc
        except BracketError as exc:
            raise HostError(str(exc).capitalize() + ".") from exc

    async def mark_live(self, match_id: str) -> None:
        """Mark a ready match live."""
        update = self._engine(lambda: start_match(self.bracket, match_id))
        if update.changed:
            await self._commit(update)

    async def report_score(self, match_id: str, score1: int, score2: int) -> None:
        """A live score: the match goes live if it was ready, and the score is
        broadcast (at most ``SCORES_PER_SECOND`` times a second; the newest wins)."""
        match = self.bracket.get(match_id)
        if match is None:
            raise HostError("No such match in this tournament.")
        if match.status is MatchStatus.READY:
            await self.mark_live(match_id)
        elif match.status is not MatchStatus.LIVE:
            raise HostError(f"{describe(match).capitalize()} is {match.status.value}, "
                            "not being played.")
        if score1 < 0 or score2 < 0:
            raise HostError("Scores are whole numbers from 0.")
        score = LiveScore(match_id, score1, score2)
        now = self._clock.monotonic()
        if self._throttle.offer(score, now) is not None:
            await self.service.send_score(self.tournament.id, score)
        elif self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush_scores(),
                                                name="tournament-host:scores")

    async def _flush_scores(self) -> None:
        while (due := self._throttle.next_due()) is not None:
            await self._clock.sleep(max(0.0, due - self._clock.monotonic()))
            for score in self._throttle.due(self._clock.monotonic()):
                await self.service.send_score(self.tournament.id, score)

    async def report_result(self, match_id: str, score1: int, score2: int,
                            winner_id: str | None = None) -> tuple[str, ...]:
        """Report (or correct) a match's result; its progression follows."""
        self._throttle.forget(match_id)
        return await self._commit(self._engine(lambda: apply_result(
            self.bracket, Result(match_id, score1, score2, winner_id))))

    async def forfeit(self, match_id: str, player_id: str, *, disqualify: bool = False
                      ) -> tuple[str, ...]:
        """``player_id`` gives up the match (or is disqualified: they leave the
        tournament); the opponent advances."""
        self._throttle.forget(match_id)

        def operation() -> Update:
            match = self.bracket.get(match_id)
            if match is None:
                raise BracketError("no such match in this tournament")
            return apply_result(self.bracket, forfeit(match, player_id, disqualify=disqualify))

        return await self._commit(self._engine(operation))

    async def reset(self, match_ids: Iterable[str]) -> tuple[str, ...]:
        """Clear results (a live match goes back to ready); Swiss rounds after them are
        deleted."""
        ids = list(match_ids)
        for match_id in ids:
            self._throttle.forget(match_id)
        return await self._commit(self._engine(lambda: reset_matches(self.bracket, ids)))

    async def next_round(self) -> tuple[str, ...]:
        """Pair the next Swiss round (every match of the last one must be done)."""
        return await self._commit(self._engine(lambda: next_round(self.bracket)))

    # -- finishing ----------------------------------------------------------------------

    def can_finish(self) -> str:
        """Why the tournament cannot be finished yet ("" when it can)."""
        if self.tournament.status is not TournamentStatus.LIVE:
            return "Only a running tournament can be finished."
        bracket = self.live.bracket
        if bracket is None:
            return "The tournament has no bracket."
        open_ = [m for m in bracket.matches if m.status is not MatchStatus.DONE]
        if bracket.format is Format.SWISS:
            return f"{len(open_)} matches are still to be played." if open_ else ""
        if champion(bracket) is None:
            return "The champion is not decided yet."
        return ""

    async def finish(self) -> None:
        """Close the tournament for good (its results stay as they are)."""
        self._check_not_finished()
        why = self.can_finish()
        if why:
            raise HostError(why)
        await self._set_status(TournamentStatus.FINISHED)
        if self._poller is not None:
            self._poller.cancel()

    def standings_csv(self) -> str:
        """The standings (leagues) or final placements (elimination) as CSV."""
        return standings_csv(self.bracket, self.service.name_of, describe)

    async def aclose(self) -> None:
        """Stop the score flusher and the registration watch (queued writes stay)."""
        self._closed = True
        tasks = [t for t in (self._flusher, self._poller) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

