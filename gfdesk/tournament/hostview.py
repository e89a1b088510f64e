"""The host console: players and seeds before the start, the selected match's controls
while it runs, and the tournament's own controls (next Swiss round, take the bracket
back, finish).

Widgets only call ``HostModel``'s plain methods; every refusal comes back with its
reason (``failed``) and is shown under the controls. Player names are remote text:
list items and labels show them as plain text. A live language switch re-words every
control, and the texts that follow the state (the selected match, an armed button, the
console's own status line) are made again from the state as it is.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gfdesk.kit import spinbox
from gfdesk.kit.elidedlabel import ElidedLabel
from gfdesk.kit.restyle import repolish
from gfdesk.kit.retranslate import Retranslating
from gfdesk.kit.timer import NamedTimer
from gfdesk.tournament.bracketmodel import BracketModel
from gfdesk.tournament.hostmodel import HostModel
from gfdesk.tournament.info import Tournament, TournamentStatus
from gfdesk.tournament.layout import match_name, tag
from gfdesk.tournament.matches import Format, MatchStatus
from gfdesk.tournament.service import Profile

ID = Qt.ItemDataRole.UserRole + 1
#: A found player's name (their list item is worded around it).
NAME = Qt.ItemDataRole.UserRole + 2
MAX_SCORE = 999
#: How long "click again" waits for the second click.
CONFIRM_MS = 4000
#: A name on a forfeit button is elided to this width (the console stays narrow).
FORFEIT_NAME_PX = 180


def _label(text: str = "", parent: QWidget | None = None, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


class HostConsoleView(Retranslating, QScrollArea):
    """The console of the tournament we host.

    Args:
        host: the console model.
        bracket: the bracket model (its selected match is the one acted on).
        parent: the owner.
    """

    def __init__(self, host: HostModel, bracket: BracketModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hostConsole")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._host = host
        self._bracket = bracket
        # The names on the forfeit buttons (None: no match shown yet).
        self._forfeit_names: tuple[str, str] | None = None
        # The result button offers to correct a result (the match shown was decided).
        self._correcting = False
        # What words the status line, called again on a language switch (None: the line
        # shows a failure of the model, kept as it came).
        self._own_status: Callable[[], str] | None = None
        body = QWidget(self)
        body.setObjectName("hostConsoleBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(16, 16, 16, 16)
        column.setSpacing(12)
        column.addWidget(self._build_players(body))
        column.addWidget(self._build_match(body))
        column.addWidget(self._build_tournament(body))
        self._confirm_timer = NamedTimer(self, "tournament-host:confirm",
                                         interval_ms=CONFIRM_MS, single_shot=True)
        self._confirm_timer.timeout.connect(self._disarm)
        self.status = _label("", body, "hostStatus")
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        column.addStretch(1)
        self.setWidget(body)
        host.failed.connect(lambda text: self._show(text, problem=True))
        host.done.connect(lambda words: self._show_own(words, problem=False))
        self._retranslate()
        host.busy_changed.connect(self._on_busy)
        host.entrants_changed.connect(self._fill_players)
        host.players_found.connect(self._on_players_found)
        bracket.selection_changed.connect(self._show_match)
        bracket.match_changed.connect(self._on_match_changed)
        bracket.rebuilt.connect(self._refresh)
        self._refresh()
        self._fill_players()

    # -- building ---------------------------------------------------------------------------

    def _build_players(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(parent)
        box.setObjectName("hostPlayers")
        grid = QVBoxLayout(box)
        self.hint = _label("", box, "hostHint")
        self.hint.setWordWrap(True)
        grid.addWidget(self.hint)
        self.seeds = QListWidget(box)
        self.seeds.setObjectName("hostSeeds")
        self.seeds.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.seeds.setMinimumHeight(160)
        self.seeds.model().rowsMoved.connect(self._on_seeds_moved)
        grid.addWidget(self.seeds)
        row = QHBoxLayout()
        self.random_button = QPushButton(box)
        self.random_button.clicked.connect(self._host.random_seeds)
        self.remove_button = QPushButton(box)
        self.remove_button.clicked.connect(self._remove_selected)
        row.addWidget(self.random_button)
        row.addWidget(self.remove_button)
        grid.addLayout(row)
        search = QHBoxLayout()
        self.search = QLineEdit(box)
        self.search.returnPressed.connect(lambda: self._host.search(self.search.text()))
        search.addWidget(self.search, 1)
        self.find_button = QPushButton(box)
        self.find_button.clicked.connect(lambda: self._host.search(self.search.text()))
        search.addWidget(self.find_button)
        grid.addLayout(search)
        self.found = QListWidget(box)
        self.found.setObjectName("hostFound")
        self.found.setMaximumHeight(110)
        self.found.itemDoubleClicked.connect(self._add_found)
        self.found.hide()
        grid.addWidget(self.found)
        options = QHBoxLayout()
        self.third_place = QCheckBox(box)
        self.grand_final_reset = QCheckBox(box)
        self.grand_final_reset.setChecked(True)
        options.addWidget(self.third_place)
        options.addWidget(self.grand_final_reset)
        options.addStretch(1)
        grid.addLayout(options)
        self.start_button = QPushButton(box)
        self.start_button.setObjectName("hostPrimary")
        self.start_button.clicked.connect(self._start)
        grid.addWidget(self.start_button)
        self.delete_button = QPushButton(box)
        self.delete_button.clicked.connect(lambda: self._confirm(
            self.delete_button, self._host.delete_tournament))
        grid.addWidget(self.delete_button)
        self.players_box = box
        return box

    def _build_match(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(parent)
        box.setObjectName("hostMatch")
        grid = QGridLayout(box)
        self.match_title = _label("", box, "hostMatchTitle")
        self.match_title.setWordWrap(True)
        grid.addWidget(self.match_title, 0, 0, 1, 2)
        self.player1 = ElidedLabel(box)
        self.player2 = ElidedLabel(box)
        self.score1 = QSpinBox(box)
        self.score2 = QSpinBox(box)
        for spin in (self.score1, self.score2):
            spin.setRange(0, MAX_SCORE)
            spin.setFixedWidth(110)
            spinbox.pad(spin)
            spin.valueChanged.connect(self._on_score_changed)
        grid.addWidget(self.player1, 1, 0)
        grid.addWidget(self.score1, 1, 1)
        grid.addWidget(self.player2, 2, 0)
        grid.addWidget(self.score2, 2, 1)
        self.live_button = QPushButton(box)
        self.live_button.clicked.connect(lambda: self._on_match(self._host.mark_live))
        self.result_button = QPushButton(box)
        self.result_button.setObjectName("hostPrimary")
        self.result_button.clicked.connect(self._report)
        self.reset_button = QPushButton(box)
        self.reset_button.clicked.connect(lambda: self._on_match(
            lambda m: self._host.reset([m])))
        grid.addWidget(self.result_button, 3, 0, 1, 2)
        self.forfeit1 = QPushButton(box)
        self.forfeit2 = QPushButton(box)
        self.forfeit1.clicked.connect(lambda: self._forfeit(1))
        self.forfeit2.clicked.connect(lambda: self._forfeit(2))
        row = QHBoxLayout()
        row.addWidget(self.live_button, 1)
        row.addWidget(self.reset_button, 1)
        grid.addLayout(row, 4, 0, 1, 2)
        grid.addWidget(self.forfeit1, 5, 0, 1, 2)
        grid.addWidget(self.forfeit2, 6, 0, 1, 2)
        self.disqualify = QCheckBox(box)
        grid.addWidget(self.disqualify, 7, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self.match_box = box
        return box

    def _build_tournament(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(parent)
        row = QVBoxLayout(box)
        self.next_round_button = QPushButton(box)
        self.next_round_button.clicked.connect(self._host.next_round)
        self.unstart_button = QPushButton(box)
        self.unstart_button.clicked.connect(self._host.unstart)
        self.finish_button = QPushButton(box)
        self.finish_button.clicked.connect(lambda: self._confirm(
            self.finish_button, self._host.finish))
        for button in (self.next_round_button, self.unstart_button, self.finish_button):
            row.addWidget(button)
        self.tournament_box = box
        return box

    # -- wording ----------------------------------------------------------------------------

    def _retranslate(self) -> None:
        # Everything this console words itself; the texts that follow the state are made
        # again from the state as it is now.
        self.players_box.setTitle(self.tr("Players and seeds"))
        self.hint.setText(self.tr("Drag players to set their seeds (1 is the strongest)."))
        self.random_button.setText(self.tr("Random seeds"))
        self.remove_button.setText(self.tr("Remove player"))
        self.search.setPlaceholderText(self.tr("Find a player to add"))
        self.find_button.setText(self.tr("Find"))
        self.third_place.setText(self.tr("Third-place match"))
        self.grand_final_reset.setText(self.tr("Grand-final reset"))
        self.start_button.setText(self.tr("Start tournament"))
        self._word_confirm(self.delete_button, self.tr("Delete tournament"),
                           self.tr("Click again to delete it"))
        self.match_box.setTitle(self.tr("Match"))
        for spin in (self.score1, self.score2):
            spin.setToolTip(self.tr("The live score: every change is broadcast to viewers"))
        self.live_button.setText(self.tr("Mark live"))
        self.reset_button.setText(self.tr("Reset match"))
        self.disqualify.setText(self.tr("Disqualify (leaves the tournament)"))
        self.tournament_box.setTitle(self.tr("Tournament"))
        self.next_round_button.setText(self.tr("Pair next round"))
        self.unstart_button.setText(self.tr("Take bracket back"))
        self._word_confirm(self.finish_button, self.tr("Finish tournament"),
                           self.tr("Click again to finish: results are final"))
        for row in range(self.found.count()):
            item = self.found.item(row)
            item.setText(self.tr("{name}  (double-click to add)").format(
                name=item.data(NAME)))
        if self._own_status is not None:
            self.status.setText(self._own_status())
        self._show_match(self._bracket.selected)

    def _word_confirm(self, button: QPushButton, label: str, question: str) -> None:
        """A two-click button's words: ``label``, or ``question`` while it is armed."""
        button.setProperty("label", label)
        button.setProperty("question", question)
        button.setText(question if button.property("armed") else label)

    def _word_forfeits(self) -> None:
        if self._forfeit_names is None:
            self.forfeit1.setText(self.tr("Player 1 forfeits"))
            self.forfeit2.setText(self.tr("Player 2 forfeits"))
            return
        for button, name in zip((self.forfeit1, self.forfeit2), self._forfeit_names,
                                strict=True):
            short = button.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight,
                                                    FORFEIT_NAME_PX)
            button.setText(self.tr("{name} forfeits").format(name=short))

    def _word_result(self) -> None:
        self.result_button.setText(self.tr("Correct result") if self._correcting
                                   else self.tr("Report result"))

    def _status_word(self, status: MatchStatus) -> str:
        if status is MatchStatus.PENDING:
            return self.tr("pending")
        if status is MatchStatus.READY:
            return self.tr("ready")
        if status is MatchStatus.LIVE:
            return self.tr("live")
        return self.tr("done")

    def _confirm(self, button: QPushButton, action: Callable[[], None]) -> None:
        """A second click within ``CONFIRM_MS`` does what cannot be undone."""
        if button.property("armed"):
            self._disarm()
            action()
            return
        self._disarm()
        button.setProperty("armed", True)
        button.setText(str(button.property("question")))
        self._confirm_timer.start()

    def _disarm(self) -> None:
        self._confirm_timer.stop()
        for button in (self.delete_button, self.finish_button):
            if button.property("armed"):
                button.setProperty("armed", False)
                button.setText(str(button.property("label")))

    # -- following the models ---------------------------------------------------------------

    @property
    def _tournament(self) -> Tournament:
        tournament = self._host.feed.tournament
        assert tournament is not None
        return tournament

    def refresh(self, *_args: object) -> None:
        """The tournament changed (status, format)."""
        self._refresh()

    def _refresh(self, *_args: object) -> None:
        tournament = self._tournament
        open_ = tournament.status is TournamentStatus.REGISTRATION
        running = tournament.status is TournamentStatus.LIVE
        self.players_box.setVisible(open_)
        self.match_box.setVisible(running)
        self.tournament_box.setVisible(not open_)
        self.third_place.setVisible(tournament.format is Format.SINGLE_ELIM)
        self.grand_final_reset.setVisible(tournament.format is Format.DOUBLE_ELIM)
        self.next_round_button.setVisible(tournament.format is Format.SWISS)
        finished = tournament.status is TournamentStatus.FINISHED
        for button in (self.next_round_button, self.unstart_button, self.finish_button):
            button.setEnabled(not finished and not self._host.busy)
        self._show_match(self._bracket.selected)

    def _fill_players(self) -> None:
        with QSignalBlocker(self.seeds.model()):
            self.seeds.clear()
            for entrant in self._host.entrants:
                seed = "–" if entrant.seed is None else str(entrant.seed)
                item = QListWidgetItem(f"{seed}.  {entrant.name}")
                item.setData(ID, entrant.user_id)
                self.seeds.addItem(item)
        self._refresh()

    def _on_busy(self, busy: bool) -> None:
        for button in (self.start_button, self.random_button, self.remove_button,
                       self.delete_button):
            button.setEnabled(not busy)
        if busy:
            self._show_own(lambda: self.tr("Working…"), problem=False)
        self._refresh()

    def _show_own(self, words: Callable[[], str], *, problem: bool) -> None:
        """Show the status line ``words`` gives (the console's own, or a confirmation of
        the model's), worded again on a language switch."""
        self._show(words(), problem=problem)
        self._own_status = words

    def _show(self, text: str, *, problem: bool) -> None:
        self._own_status = None
        self.status.setText(text)
        self.status.setProperty("problem", problem)
        repolish(self.status)

    # -- players ----------------------------------------------------------------------------

    def _on_seeds_moved(self, *_args: object) -> None:
        order = [str(self.seeds.item(i).data(ID)) for i in range(self.seeds.count())]
        self._host.set_seed_order(order)

    def _remove_selected(self) -> None:
        item = self.seeds.currentItem()
        if item is not None:
            self._host.remove_player(str(item.data(ID)))

    def _on_players_found(self, found: list[Profile]) -> None:
        self.found.clear()
        for profile in found:
            item = QListWidgetItem(
                self.tr("{name}  (double-click to add)").format(name=profile.name))
            item.setData(ID, profile.id)
            item.setData(NAME, profile.name)
            self.found.addItem(item)
        self.found.setVisible(bool(found))
        if not found:
            self._show_own(lambda: self.tr("No player found by that name."), problem=True)

    def _add_found(self, item: QListWidgetItem) -> None:
        self._host.add_player(str(item.data(ID)))
        self.found.takeItem(self.found.row(item))

    def _start(self) -> None:
        self._host.start_tournament(third_place=self.third_place.isChecked(),
                                    grand_final_reset=self.grand_final_reset.isChecked())

    # -- the selected match -----------------------------------------------------------------

    def _on_match_changed(self, match_id: str) -> None:
        if match_id == self._bracket.selected:
            self._show_match(match_id)

    def _show_match(self, match_id: str) -> None:
        bracket = self._bracket.bracket
        match = bracket.get(match_id) if bracket is not None and match_id else None
        controls = (self.score1, self.score2, self.live_button, self.result_button,
                    self.reset_button, self.forfeit1, self.forfeit2, self.disqualify)
        if match is None:
            self.match_title.setText(self.tr("Click a match in the bracket."))
            self.player1.setText("")
            self.player2.setText("")
            self._word_forfeits()
            for widget in controls:
                widget.setEnabled(False)
            self._word_result()
            return
        names = [self._bracket.name_of(p) if p else "—" for p in (match.player1_id,
                                                                 match.player2_id)]
        self.match_title.setText(self.tr("{match} ({tag}): {status}").format(
            match=match_name(match), tag=tag(match), status=self._status_word(match.status)))
        self.player1.setText(names[0])
        self.player2.setText(names[1])
        self._forfeit_names = (names[0], names[1])
        self._word_forfeits()
        two = len(match.players) == 2
        score = self._bracket.card(match.id)
        with QSignalBlocker(self.score1), QSignalBlocker(self.score2):
            if score is not None and score.live_score:
                self.score1.setValue(int(score.top.score or 0))
                self.score2.setValue(int(score.bottom.score or 0))
            else:
                self.score1.setValue(match.score1)
                self.score2.setValue(match.score2)
        busy = self._host.busy
        self.score1.setEnabled(two and not busy)
        self.score2.setEnabled(two and not busy)
        self.live_button.setEnabled(match.status is MatchStatus.READY and not busy)
        self.result_button.setEnabled(two and match.status is not MatchStatus.PENDING
                                      and not busy)
        self._correcting = match.status is MatchStatus.DONE
        self._word_result()
        self.reset_button.setEnabled(two and match.status in (MatchStatus.LIVE,
                                                              MatchStatus.DONE) and not busy)
        for widget in (self.forfeit1, self.forfeit2, self.disqualify):
            widget.setEnabled(two and match.status is not MatchStatus.PENDING and not busy)

    def _on_match(self, action: object) -> None:
        match_id = self._bracket.selected
        if match_id and callable(action):
            action(match_id)

    def _on_score_changed(self, *_args: object) -> None:
        bracket = self._bracket.bracket
        match_id = self._bracket.selected
        match = bracket.get(match_id) if bracket is not None and match_id else None
        if match is not None and match.status in (MatchStatus.READY, MatchStatus.LIVE):
            self._host.report_score(match_id, self.score1.value(), self.score2.value())

    def _report(self) -> None:
        match_id = self._bracket.selected
        if match_id:
            self._host.report_result(match_id, self.score1.value(), self.score2.value())

    def _forfeit(self, slot: int) -> None:
        bracket = self._bracket.bracket
        match = bracket.get(self._bracket.selected) if bracket is not None else None
        player = match.player(slot) if match is not None else None
        if match is not None and player is not None:
            self._host.forfeit(match.id, player, disqualify=self.disqualify.isChecked())
