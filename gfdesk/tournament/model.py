"""The tournaments section's Qt side: the list, which tournament is open, creating one.

``TournamentsModel`` turns the Qt-free ``TournamentService`` into a list model and
one ``TournamentPageModel`` per opened tournament (made on each switch, the old one
closed). The list is read at start and again when asked (``refresh``: the section
shown again, a tournament created); an open tournament's own changes reach its row
through the page. Widgets call plain methods; coroutines go through ``bridge.spawn``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from gfdesk import bridge
from gfdesk.core.backoff import Backoff
from gfdesk.core.retry import retry
from gfdesk.log import ui as log
from gfdesk.timestamps import local_tz
from gfdesk.tournament.host import HostError, create_tournament
from gfdesk.tournament.listmodel import TournamentListModel
from gfdesk.tournament.matches import Format
from gfdesk.tournament.pagemodel import TournamentPageModel

if TYPE_CHECKING:
    from gfdesk.core.outbox import Rejection
    from gfdesk.core.outboxqueue import Write
    from gfdesk.tournament.info import Tournament
    from gfdesk.tournament.service import TournamentService

#: Retries of the list while the server is away.
READ_RETRY = Backoff(base_s=0.5, cap_s=10.0)


class TournamentsModel(QObject):
    """Every tournament, and the open one.

    Args:
        service: the tournament service.
        tz: the time zone times are shown in.
        backoff: retries of the list while the server is away.
        parent: the owner; its destruction cancels every task of the section.

    Signals:
        tournament_opened(str): a tournament is shown; ``current`` is its page model.
        tournament_closed(): nothing is shown any more (the open one was deleted).
        notice(str): a problem to show ("" when it is over).
        created(str): a tournament we created (it is opened).
    """

    tournament_opened = Signal(str)
    tournament_closed = Signal()
    notice = Signal(str)
    created = Signal(str)

    def __init__(self, service: TournamentService, *, tz: dt.tzinfo | None = None,
                 backoff: Backoff = READ_RETRY, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.tz = tz or local_tz()
        self._backoff = backoff
        self.list = TournamentListModel(self)
        """Every tournament, grouped by status."""
        self.current: TournamentPageModel | None = None
        """The open tournament (None: nothing open)."""
        self._closed = False
        self._loading: asyncio.Task[None] | None = None

    @property
    def current_id(self) -> str | None:
        return self.current.tournament_id if self.current is not None else None

    async def start(self) -> None:
        """Read the list (retrying in the background while the server is away)."""
        try:
            self.list.set_tournaments(await self.service.tournaments())
        except Exception as exc:
            log.info("tournaments: list not loaded (%s), retrying", exc)
            self.notice.emit(self.tr("Tournaments could not be loaded yet; retrying."))
            self._loading = bridge.spawn(self._load_list(), name="tournaments:list",
                                         owner=self, group="list")

    async def _load_list(self) -> None:
        tournaments = await retry(self.service.tournaments, what="tournaments: list", log=log,
                                  backoff=self._backoff)
        self.list.set_tournaments(tournaments)
        self.notice.emit("")

    def refresh(self) -> None:
        """Read the list again."""
        if not self._closed:
            self._loading = bridge.spawn(self._load_list(), name="tournaments:list",
                                         owner=self, group="list")

    async def aclose(self) -> None:
        self._closed = True
        if self._loading is not None:
            self._loading.cancel()
        current, self.current = self.current, None
        if current is not None:
            await current.aclose()
        await self.service.leave_all()

    # -- opening ------------------------------------------------------------------------

    def open_tournament(self, tournament_id: str) -> None:
        """Show ``tournament_id`` (its page loads, then follows it live)."""
        if tournament_id == self.current_id or self._closed:
            return
        bridge.spawn(self._open(tournament_id), name="tournaments:open", owner=self,
                     group="open")

    async def _open(self, tournament_id: str) -> None:
        old = self.current
        page = TournamentPageModel(self.service, tournament_id, tz=self.tz, parent=self)
        page.tournament_changed.connect(self._on_tournament_changed)
        page.notice.connect(self.notice)
        page.deleted.connect(self._on_deleted)
        self.current = page
        self.tournament_opened.emit(tournament_id)
        if old is not None:
            await old.aclose()
            old.deleteLater()
        await page.load()

    def _on_tournament_changed(self, tournament: Tournament) -> None:
        self.list.update(tournament)

    def _on_deleted(self, tournament_id: str) -> None:
        self.list.remove(tournament_id)
        if self.current_id == tournament_id:
            bridge.spawn(self._close_current(), name="tournaments:close", owner=self,
                         group="open")

    async def _close_current(self) -> None:
        page, self.current = self.current, None
        self.tournament_closed.emit()
        if page is not None:
            await page.aclose()
            page.deleteLater()

    # -- creating -----------------------------------------------------------------------

    def create(self, *, name: str, game: str, format: Format, max_participants: int,
               starts_at: dt.datetime | None) -> None:
        """Create a tournament we host (a refusal comes as ``notice``); it opens once
        the server has it."""
        bridge.spawn(self._create(name, game, format, max_participants, starts_at),
                     name="tournaments:create", owner=self)

    async def _create(self, name: str, game: str, format: Format, max_participants: int,
                      starts_at: dt.datetime | None) -> None:
        try:
            tournament = await create_tournament(self.service, name=name, game=game,
                                                 format=format,
                                                 max_participants=max_participants,
                                                 starts_at=starts_at)
        except HostError as exc:
            self.notice.emit(str(exc))
            return
        self.list.update(tournament)
        self.created.emit(tournament.id)
        try:
            async with asyncio.timeout(10):
                await self.service.outbox.drained()
        except TimeoutError:
            self.notice.emit(self.tr("Offline: the new tournament is saved and will be created "
                                     "when the server answers."))
            return
        self.open_tournament(tournament.id)

    # -- the outbox's outcomes ------------------------------------------------------------

    def handle_sent(self, write: Write) -> None:
        if self.current is not None:
            self.current.handle_sent(write)

    def handle_rejection(self, rejection: Rejection) -> None:
        if rejection.write.table == "tournaments" and self.current is None:
            self.notice.emit(self.tr("The server refused {change}: {reason}").format(
                change=rejection.write.label, reason=rejection.reason))
            self.refresh()
        if self.current is not None:
            self.current.handle_rejection(rejection)
