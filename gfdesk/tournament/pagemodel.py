"""One open tournament for the view: its header, bracket, standings, chat, registration,
and (for its host) the console.

One ``TournamentPageModel`` exists per opened tournament: ``TournamentsModel`` makes a
new one on every switch and closes the old one, so nothing of the previous tournament
(its channel, a reload in flight) reaches the new one. Widgets call its plain methods
(``register``, ``withdraw``, ``send``) and follow its signals; it spawns the service's
coroutines through ``bridge.spawn``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from postgrest.exceptions import APIError
from PySide6.QtCore import QObject, Signal

from gfdesk import bridge
from gfdesk.i18nmark import translate
from gfdesk.log import ui as log
from gfdesk.tournament.bracketmodel import BracketModel
from gfdesk.tournament.chatmodel import TournamentChatModel
from gfdesk.tournament.export import standings_csv
from gfdesk.tournament.feed import TournamentFeed, TournamentGone
from gfdesk.tournament.hostmodel import HostModel
from gfdesk.tournament.info import (
    Tournament,
    TournamentMessage,
    TournamentStatus,
    message_problem,
)
from gfdesk.tournament.matches import describe
from gfdesk.tournament.standingsmodel import StandingsModel

if TYPE_CHECKING:
    from gfdesk.core.outbox import Rejection
    from gfdesk.core.outboxqueue import Write
    from gfdesk.tournament.scores import LiveScore
    from gfdesk.tournament.service import TournamentService

#: Tables whose writes the host console makes (a refusal means: show the server's state).
HOST_TABLES = frozenset({"tournament_matches", "tournament_participants", "tournaments"})


def registration_problem(exc: BaseException) -> str:
    """Why registering or withdrawing did not work, for the player."""
    if isinstance(exc, APIError):
        if exc.code == "23505":
            return translate("TournamentPageModel", "You are already registered.")
        if exc.code == "42501":
            return translate("TournamentPageModel",
                             "Registration is closed (the tournament started, or it is full).")
        return translate("TournamentPageModel", "The server refused: {reason}").format(
            reason=exc.message or exc.code)
    return translate("TournamentPageModel",
                     "The server does not answer; try again when connected.")


class TournamentPageModel(QObject):
    """The tournament on screen.

    Args:
        service: the tournament service.
        tournament_id: which tournament.
        tz: the time zone of chat times.
        parent: the owner; its destruction cancels this page's tasks.

    Signals:
        loaded(): the tournament was read (``tournament`` is set).
        tournament_changed(object): the ``Tournament`` changed (status, player count).
        entrants_changed(): players registered, withdrew or were seeded.
        notice(str): something to tell the user ("" when it is over).
        deleted(str): its host deleted the tournament (this id).
    """

    loaded = Signal()
    deleted = Signal(str)
    tournament_changed = Signal(object)
    entrants_changed = Signal()
    notice = Signal(str)

    def __init__(self, service: TournamentService, tournament_id: str, *, tz: dt.tzinfo,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.tournament_id = tournament_id
        self.feed = TournamentFeed(service, tournament_id, on_matches=self._on_matches,
                                   on_score=self._on_score, on_tournament=self._on_tournament,
                                   on_message=self._on_message, on_problem=self.notice.emit)
        self.bracket = BracketModel(self.feed, service.user_id, self)
        """The bracket's cards."""
        self.standings = StandingsModel(lambda: self.feed.live.bracket, self.bracket.name_of,
                                        service.user_id, self)
        """Standings (leagues) or places (elimination)."""
        self.chat = TournamentChatModel(service.name_of, tz, self)
        """The tournament chat."""
        self.host: HostModel | None = None
        """The console, when we host it (after ``load``)."""
        self._closed = False
        self._registering = False
        #: Set once ``load`` has read the tournament and ``loaded`` was emitted.
        self.is_loaded = False

    @property
    def tournament(self) -> Tournament | None:
        return self.feed.tournament

    @property
    def is_host(self) -> bool:
        return self.tournament is not None and self.tournament.host_id == self.service.user_id

    @property
    def registered(self) -> bool:
        return any(e.user_id == self.service.user_id for e in self.feed.entrants)

    async def load(self) -> None:
        """Read the tournament and follow it live (errors become a notice)."""
        try:
            messages = await self.feed.load()
        except TournamentGone:
            self.notice.emit(self.tr("This tournament does not exist any more."))
            return
        except Exception as exc:
            log.info("tournament %s not loaded: %s", self.tournament_id, exc)
            self.notice.emit(self.tr("The tournament could not be loaded: {reason}").format(
                reason=exc))
            return
        if self._closed:
            return
        self.chat.set_messages(messages)
        if self.is_host:
            self.host = HostModel(self.feed, parent=self)
            self.host.entrants_changed.connect(self._on_host_entrants)
            self.host.deleted.connect(self.deleted)
            self.host.start_watching()
        self.bracket.on_matches(())
        self.standings.refresh()
        self.is_loaded = True
        self.loaded.emit()

    async def aclose(self) -> None:
        """Leave the channel and stop the console's work."""
        self._closed = True
        if self.host is not None:
            await self.host.aclose()
        await self.feed.aclose()

    # -- from the feed --------------------------------------------------------------------

    def _on_matches(self, match_ids: tuple[str, ...]) -> None:
        self.bracket.on_matches(match_ids)
        self.standings.changed()
        if not match_ids:
            self.entrants_changed.emit()

    def _on_score(self, match_id: str, score: LiveScore | None) -> None:
        self.bracket.on_score(match_id, score)

    def _on_tournament(self, tournament: Tournament) -> None:
        if self.host is not None:
            self.host.set_tournament(tournament)
        self.tournament_changed.emit(tournament)

    def _on_message(self, message: TournamentMessage) -> None:
        self.chat.add(message)

    def _on_host_entrants(self) -> None:
        self.bracket.on_matches(())
        self.entrants_changed.emit()

    # -- registration -----------------------------------------------------------------------

    def register(self) -> None:
        """Register ourselves (the server decides whether it is still open)."""
        self._registration(True)

    def withdraw(self) -> None:
        """Withdraw ourselves before the start."""
        self._registration(False)

    def _registration(self, join: bool) -> None:
        if self._registering or self.tournament is None:
            return
        self._registering = True
        bridge.spawn(self._register(join), name="tournament:register", owner=self)

    async def _register(self, join: bool) -> None:
        try:
            if join:
                await self.service.register(self.tournament_id)
            elif not await self.service.withdraw(self.tournament_id):
                self.notice.emit(
                    self.tr("You cannot withdraw any more: the tournament has started."))
            self.feed.entrants = await self.service.entrants(self.tournament_id)
        except Exception as exc:
            self.notice.emit(registration_problem(exc))
        else:
            tournament = self.feed.tournament
            if tournament is not None:
                self.feed.set_tournament(tournament.with_count(len(self.feed.entrants)))
            self.notice.emit("")
        finally:
            self._registering = False
            self.entrants_changed.emit()

    @property
    def can_register(self) -> bool:
        t = self.tournament
        return t is not None and t.is_open and not self.registered

    @property
    def can_withdraw(self) -> bool:
        t = self.tournament
        return t is not None and t.status is TournamentStatus.REGISTRATION and self.registered

    # -- chat -------------------------------------------------------------------------------

    def send(self, text: str) -> str:
        """Send a chat message; returns why not ("" when queued)."""
        body = text.strip()
        if not body:
            return ""
        problem = message_problem(body)
        if problem:
            return problem
        message = self.service.compose(self.tournament_id, body)
        self.chat.add(message, "sending")
        bridge.spawn(self.service.post(message), name="tournament:chat-send", owner=self)
        return ""

    # -- the outbox's outcomes --------------------------------------------------------------

    def handle_sent(self, write: Write) -> None:
        if write.table == "tournament_messages":
            self.chat.set_state(write.id, "sent")

    def handle_rejection(self, rejection: Rejection) -> None:
        table = rejection.write.table
        if table == "tournament_messages":
            self.chat.set_state(rejection.write.id, "failed")
        elif table in HOST_TABLES and self.host is not None:
            self.notice.emit(self.tr("The server refused a change ({change}): {reason}. "
                                     "Showing what the server has.").format(
                change=rejection.write.label, reason=rejection.reason))
            self.feed.write_refused()

    # -- export -----------------------------------------------------------------------------

    def standings_csv(self) -> str:
        """The standings (or places) as CSV ("" before the start)."""
        bracket = self.feed.live.bracket
        if bracket is None:
            return ""
        return standings_csv(bracket, self.bracket.name_of, describe)
