"""Creating a tournament: name, game, format, size and start time.

The dialog only gathers and checks the fields (``tournament_row`` says what is wrong,
shown under the form); the tournaments model creates it. Opened with ``open()``
(window-modal, no nested event loop).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gfdesk.tournament.info import FORMAT_TITLES, MAX_NAME_CHARS, SIZES, tournament_row
from gfdesk.tournament.matches import Format


@dataclass(frozen=True)
class TournamentForm:
    """What the host filled in."""

    name: str
    game: str
    format: Format
    max_participants: int
    starts_at: dt.datetime


class CreateTournamentDialog(QDialog):
    """The form of a new tournament.

    Signals:
        submitted(object): the checked ``TournamentForm``.
    """

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New tournament"))
        self.setObjectName("createTournament")
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setMaxLength(MAX_NAME_CHARS)
        self.name.setPlaceholderText(self.tr("Friday Night Cup"))
        self.game = QLineEdit(self)
        self.game.setMaxLength(MAX_NAME_CHARS)
        self.game.setPlaceholderText(self.tr("Arena Blitz"))
        self.format = QComboBox(self)
        for fmt, title in FORMAT_TITLES.items():
            self.format.addItem(QCoreApplication.translate("tournament", title), fmt)
        self.format.setCurrentIndex(list(FORMAT_TITLES).index(Format.DOUBLE_ELIM))
        self.sizes = QComboBox(self)
        for size in SIZES:
            self.sizes.addItem(self.tr("%n players", "", size), size)
        self.sizes.setCurrentIndex(SIZES.index(16))
        self.starts = QDateTimeEdit(QDateTime.currentDateTime().addSecs(3600), self)
        self.starts.setCalendarPopup(True)
        self.starts.setDisplayFormat("yyyy-MM-dd HH:mm")
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Game"), self.game)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Size"), self.sizes)
        form.addRow(self.tr("Starts"), self.starts)
        self.problem = QLabel(self)
        self.problem.setObjectName("createProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addWidget(buttons)

    def form(self) -> TournamentForm:
        starts = self.starts.dateTime().toPython()
        assert isinstance(starts, dt.datetime)
        return TournamentForm(self.name.text(), self.game.text(), self.format.currentData(),
                              int(self.sizes.currentData()), starts.astimezone())

    def _submit(self) -> None:
        fields = self.form()
        try:
            tournament_row("00000000-0000-4000-8000-000000000000", "", fields.name,
                           fields.game, fields.format, fields.max_participants,
                           fields.starts_at)
        except ValueError as exc:
            self.problem.setText(str(exc).capitalize() + ".")
            self.problem.show()
            return
        self.submitted.emit(fields)
        self.accept()
