"""The tournaments feature as the account flow sees it: service, models and view, wired.

Built once signed in, from the account's ``FeatureScope``::

    tournaments = TournamentFeature(scope, parent=window)
    await tournaments.start()
    tournaments.open_tournament(tournament_id)   # a notification about it was clicked
    ...
    await tournaments.aclose()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from gfdesk.feature import SwitcherEntry, SwitcherKind
from gfdesk.tournament.model import TournamentsModel
from gfdesk.tournament.service import TournamentService
from gfdesk.tournament.view import TournamentsView

if TYPE_CHECKING:
    from gfdesk.feature import FeatureScope


class TournamentFeature(QObject):
    """Tournaments: the list, live brackets and chat, registration, the host console.

    It hears the outbox's outcomes itself (chat messages sent or refused, a host's
    write refused) from ``start`` until ``aclose``.

    Args:
        scope: the signed-in account's connection, client and outbox (required).
        parent: the owner (its destruction cancels the feature's tasks).
        tz: the time zone chat times are shown in (the machine's by default).

    Signals:
        tournament_opened(str): a tournament is shown (the window may switch to the
            Tournaments section).
    """

    tournament_opened = Signal(str)

    def __init__(self, scope: FeatureScope, parent: QObject | None = None, *,
                 tz: dt.tzinfo | None = None) -> None:
        super().__init__(parent)
        self._outbox = scope.require_outbox()
        self.service = TournamentService(scope.client, scope.connection, self._outbox,
                                         scope.user_id)
        """The Qt-free service (REST, the tournament channels, chat writes)."""
        self.model = TournamentsModel(self.service, tz=tz, parent=self)
        """The list and the open tournament, for the view."""
        self.model.tournament_opened.connect(self.tournament_opened)
        self.view = TournamentsView(self.model)
        """The page for the Tournaments section."""
        self._stop_listening: Callable[[], None] | None = None

    async def start(self) -> None:
        """Hear the outbox and read the tournaments list."""
        if self._stop_listening is None:
            self._stop_listening = self._outbox.add_listener(
                on_sent=self.model.handle_sent, on_rejected=self.model.handle_rejection)
        await self.model.start()

    async def aclose(self) -> None:
        """Leave the open tournament's channel (the outbox keeps unsent writes)."""
        if self._stop_listening is not None:
            self._stop_listening()
            self._stop_listening = None
        await self.model.aclose()

    def open_tournament(self, tournament_id: str) -> None:
        """Show ``tournament_id`` (a clicked notification, a link)."""
        self.model.open_tournament(tournament_id)

    def switcher_entries(self) -> list[SwitcherEntry]:
        """The tournaments as the list orders them (``gfdesk.feature.Switchable``)."""
        return [SwitcherEntry(SwitcherKind.TOURNAMENT, t.id, t.name,
                              f"{t.game} · {t.status.title}")
                for t in self.model.list.tournaments()]

    def open_switcher_entry(self, entry: SwitcherEntry) -> None:
        """A tournament chosen in the quick switcher."""
        self.open_tournament(entry.id)
