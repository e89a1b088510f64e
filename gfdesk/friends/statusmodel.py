"""The signed-in user's own status: chosen, remembered, and away after a while idle.

``StatusModel`` holds the chosen status (online, away, do not disturb, invisible, in a
game), the recent games, and auto-away: after ``IDLE_AWAY_S`` without input (an
application-wide event filter, time through an injectable clock) an online user
becomes away, and comes back on the next input. Each change spawns the service's
``set_status`` (what others see) and the ``StatusStore``'s save (what the next start
shows); automatic away is never saved.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication

from gfdesk import bridge
from gfdesk.friends.games import clean_game, remember_game
from gfdesk.friends.service import FriendsService
from gfdesk.friends.statusstore import SavedStatus, StatusStore
from gfdesk.kit.timer import NamedTimer
from gfdesk.userstatus import Status, StatusInfo

#: Without input for this long, an online user becomes away.
IDLE_AWAY_S = 600.0
IDLE_CHECK_MS = 15_000
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})


class StatusModel(QObject):
    """The signed-in user's status: chosen, or away after a while without input.

    Args:
        service: where the status is tracked (None: nowhere yet, e.g. in a preview).
        store: where it is kept across restarts (None: nowhere).
        monotonic: the clock for idle time (tests pass their own).
        idle_away_s: how long without input before an online user goes away.

    Signals:
        status_changed(object, object): the effective ``Status`` and the game (str/None).
        recent_games_changed(object): the recent games, most recent first (tuple).
    """

    status_changed = Signal(object, object)
    recent_games_changed = Signal(object)

    def __init__(self, service: FriendsService | None = None, *,
                 store: StatusStore | None = None,
                 monotonic: Callable[[], float] = time.monotonic,
                 idle_away_s: float = IDLE_AWAY_S, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._store = store
        self._monotonic = monotonic
        self._idle_away_s = idle_away_s
        self._chosen = Status.ONLINE
        self._game: str | None = None
        self._recent: tuple[str, ...] = ()
        self._auto_away = False
        self._last_input = monotonic()
        self._timer = NamedTimer(self, "status:idle-check", interval_ms=IDLE_CHECK_MS)
        self._timer.timeout.connect(self.check_idle)
        self._watching = False

    @property
    def chosen(self) -> Status:
        return self._chosen

    @property
    def game(self) -> str | None:
        return self._game

    @property
    def recent_games(self) -> tuple[str, ...]:
        return self._recent

    @property
    def status(self) -> Status:
        """What the user is (what others see, except that invisible shows offline)."""
        return Status.AWAY if self._auto_away else self._chosen

    @property
    def info(self) -> StatusInfo:
        return StatusInfo(self.status, self._game)

    @property
    def silenced(self) -> bool:
        """Do not disturb: no toasts, no sounds."""
        return self.status is Status.BUSY

    async def load_saved(self) -> None:
        """Start from the kept status (``restore`` with what the store read)."""
        self.restore(await self._store.load() if self._store is not None else SavedStatus())

    def restore(self, saved: SavedStatus) -> None:
        """Start from what was kept (before the service starts: nothing is sent)."""
        old = (self.status, self._game)
        self._chosen = saved.status
        self._game = saved.game if saved.status is Status.IN_GAME else None
        self._recent = saved.recent_games
        self._auto_away = False
        self.recent_games_changed.emit(self._recent)
        new = (self.status, self._game)
        if new != old:
            self.status_changed.emit(*new)

    def set_status(self, status: Status, game: str | None = None) -> None:
        """The user picked ``status`` (and a game when in game: it joins the recent ones)."""
        if status is Status.OFFLINE:
            raise ValueError("offline is not a choice")
        old = (self.status, self._game)
        game = clean_game(game) if game else None
        if status is Status.IN_GAME and not game:
            game = self._game or (self._recent[0] if self._recent else None)
        self._chosen = status
        self._game = game if status is Status.IN_GAME else None
        self._auto_away = False
        if self._game:
            recent = remember_game(self._recent, self._game)
            if recent != self._recent:
                self._recent = recent
                self.recent_games_changed.emit(recent)
        self._save()
        self._changed(old)

    def _save(self) -> None:
        if self._store is None:
            return
        saved = SavedStatus(self._chosen, self._game, self._recent)
        bridge.spawn(self._store.save(saved), name="status:save", owner=self, group="save")

    def watch_input(self, app: QApplication | None = None) -> None:
        """Start auto-away: watch every input event of the application."""
        app = app or QApplication.instance()  # type: ignore[assignment]
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True
        self._timer.start()

    def stop_watching(self, app: QApplication | None = None) -> None:
        app = app or QApplication.instance()  # type: ignore[assignment]
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.note_input()
        return False

    def note_input(self) -> None:
        """The user did something: reset the idle time, and come back if auto-away."""
        self._last_input = self._monotonic()
        if self._auto_away:
            old = (self.status, self._game)
            self._auto_away = False
            self._changed(old)

    @property
    def idle_away_s(self) -> float:
        """Seconds without input before auto-away (``math.inf``: never)."""
        return self._idle_away_s

    def set_idle_away_s(self, seconds: float | None) -> None:
        """Go away after ``seconds`` without input from now on (None: never); an
        automatic away that no longer applies ends at the next input."""
        self._idle_away_s = seconds if seconds is not None else math.inf

    def check_idle(self) -> None:
        """Go away if idle long enough while online (timer slot; tests call it)."""
        idle = self._monotonic() - self._last_input
        if not self._auto_away and self._chosen is Status.ONLINE and idle >= self._idle_away_s:
            old = (self.status, self._game)
            self._auto_away = True
            self._changed(old)

    def _changed(self, old: tuple[Status, str | None]) -> None:
        new = (self.status, self._game)
        if new == old:
            return
        self.status_changed.emit(*new)
        if self._service is not None:
            bridge.spawn(self._service.set_status(*new), name="status:track", owner=self,
                         group="track")
