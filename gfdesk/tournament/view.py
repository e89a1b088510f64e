"""The Tournaments section: the list on the left, the open tournament on the right.

Widgets call ``TournamentsModel``'s plain methods and follow its signals; a new
tournament page is made for each opened tournament (its model is new too). The list
is read again whenever the section is shown (at most every ``REFRESH_EVERY_S``).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gfdesk.i18nmark import QT_TRANSLATE_NOOP
from gfdesk.kit.retranslate import Retranslating
from gfdesk.tournament.createdialog import CreateTournamentDialog, TournamentForm
from gfdesk.tournament.listdelegate import TournamentDelegate
from gfdesk.tournament.listmodel import ID_ROLE, KIND_ROLE, RowKind
from gfdesk.tournament.model import TournamentsModel
from gfdesk.tournament.page import TournamentPage

EMPTY_TEXT = QT_TRANSLATE_NOOP("view", "Pick a tournament to follow its bracket live.")
REFRESH_EVERY_S = 10.0
SIDEBAR_WIDTH = 250

class TournamentsView(Retranslating, QWidget):
    """The Tournaments page of the main window.

    Args:
        model: the tournaments model.
        parent: the owner.
    """

    def __init__(self, model: TournamentsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tournamentsView")
        self.model = model
        self.page: TournamentPage | None = None
        self._refreshed_at = time.monotonic()
        self._notice = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_sidebar())
        self._stack = QStackedWidget(self)
        self._empty = QLabel(self)
        self._empty.setObjectName("tournamentEmpty")
        self._empty.setTextFormat(Qt.TextFormat.PlainText)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._stack.addWidget(self._empty)
        layout.addWidget(self._stack, 1)
        model.tournament_opened.connect(self._on_tournament_opened)
        model.tournament_closed.connect(self._on_tournament_closed)
        model.notice.connect(self._on_notice)
        model.list.modelReset.connect(self._select_current)
        model.list.layoutChanged.connect(self._select_current)
        self._retranslate()

    def _retranslate(self) -> None:
        # Everything this view words itself; the open page follows the same event.
        self._title.setText(self.tr("Tournaments"))
        self.new_button.setText(self.tr("New"))
        self.new_button.setToolTip(self.tr("Create a tournament you host"))
        self.list.setAccessibleName(self.tr("Tournaments"))
        self._empty.setText(self._notice or QCoreApplication.translate("view", EMPTY_TEXT))
        self.list.viewport().update()

    def _build_sidebar(self) -> QWidget:
        sidebar = QFrame(self)
        sidebar.setObjectName("tournamentSidebar")
        sidebar.setFixedWidth(SIDEBAR_WIDTH)
        column = QVBoxLayout(sidebar)
        column.setContentsMargins(0, 12, 0, 8)
        column.setSpacing(6)
        top = QHBoxLayout()
        top.setContentsMargins(16, 0, 12, 0)
        self._title = QLabel(sidebar)
        self._title.setObjectName("tournamentSidebarTitle")
        top.addWidget(self._title, 1)
        self.new_button = QPushButton(sidebar)
        self.new_button.setObjectName("newTournament")
        self.new_button.clicked.connect(self.open_create_dialog)
        top.addWidget(self.new_button)
        column.addLayout(top)
        self.list = QListView(sidebar)
        self.list.setObjectName("tournamentList")
        self.list.setModel(self.model.list)
        self.list.setItemDelegate(TournamentDelegate(self))
        self.list.setMouseTracking(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.clicked.connect(self._on_clicked)
        self.list.activated.connect(self._on_clicked)
        column.addWidget(self.list, 1)
        return sidebar

    # -- following the model ------------------------------------------------------------

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) is RowKind.TOURNAMENT:
            self.model.open_tournament(str(index.data(ID_ROLE)))

    def _on_tournament_opened(self, _tournament_id: str) -> None:
        current = self.model.current
        if current is None:
            return
        old, self.page = self.page, TournamentPage(current, self._stack)
        self._stack.addWidget(self.page)
        self._stack.setCurrentWidget(self.page)
        if old is not None:
            self._stack.removeWidget(old)
            old.deleteLater()
        self._select_current()

    def _on_tournament_closed(self) -> None:
        old, self.page = self.page, None
        self._stack.setCurrentWidget(self._empty)
        if old is not None:
            self._stack.removeWidget(old)
            old.deleteLater()

    def _select_current(self, *_args: object) -> None:
        row = self.model.list.row_of(self.model.current_id or "")
        if row >= 0:
            self.list.setCurrentIndex(self.model.list.index(row))

    def _on_notice(self, text: str) -> None:
        self._notice = text
        self._empty.setText(text or QCoreApplication.translate("view", EMPTY_TEXT))

    def open_create_dialog(self) -> CreateTournamentDialog:
        """The form of a new tournament (window-modal)."""
        dialog = CreateTournamentDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(self._create)
        dialog.open()
        return dialog

    def _create(self, form: TournamentForm) -> None:
        self.model.create(name=form.name, game=form.game, format=form.format,
                          max_participants=form.max_participants, starts_at=form.starts_at)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if time.monotonic() - self._refreshed_at >= REFRESH_EVERY_S:
            self._refreshed_at = time.monotonic()
            self.model.refresh()
