"""One tournament's page: the header (name, game, format, players, registration), the
bracket (or round pairings), the standings, the host console for its host, and the
tournament chat beside them.

Widgets only call the page model's plain methods and follow its signals. Every label
showing remote text (names, games) is plain text. Exports are written where the user
chooses (a non-modal file dialog: no nested event loop under qasync).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gfdesk.kit.elidedlabel import ElidedLabel
from gfdesk.kit.retranslate import Retranslating
from gfdesk.tournament.bracket import champion
from gfdesk.tournament.bracketscene import BACKGROUND, BracketScene
from gfdesk.tournament.bracketview import BracketView
from gfdesk.tournament.chatpane import TournamentChatPane
from gfdesk.tournament.hostview import HostConsoleView
from gfdesk.tournament.info import Tournament, TournamentStatus
from gfdesk.tournament.pagemodel import TournamentPageModel

#: The longest side of an exported bracket picture, in pixels.
MAX_EXPORT_PX = 12000
#: The chat pane's width beside the tabs, and the host console's beside the bracket.
CHAT_WIDTH = 260
CONSOLE_WIDTH = 360
#: From this page width on the chat sits beside the bracket; narrower, it is a tab.
WIDE_PAGE = 1000


def _plain(text: str, parent: QWidget, name: str) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def render_png(scene: BracketScene, path: Path) -> None:
    """The whole bracket as a PNG (scaled down past ``MAX_EXPORT_PX``).

    Raises:
        OSError: the file could not be written.
    """
    rect = scene.sceneRect()
    scale = min(1.0, MAX_EXPORT_PX / max(rect.width(), rect.height(), 1.0))
    image = QImage(max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale)),
                   QImage.Format.Format_ARGB32)
    image.fill(BACKGROUND)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    if not image.save(str(path), b"PNG"):
        raise OSError(f"could not write {path}")


class TournamentPage(Retranslating, QWidget):
    """The page of one tournament.

    Args:
        model: the open tournament.
        parent: the owner.
    """

    def __init__(self, model: TournamentPageModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tournamentPage")
        self.model = model
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._build_header())
        self.notice = _plain("", self, "tournamentNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        column.addWidget(self.notice)
        self.body = QSplitter(Qt.Orientation.Horizontal, self)
        self.body.setChildrenCollapsible(False)
        self.tabs = QTabWidget(self.body)
        self.tabs.setObjectName("tournamentTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setCornerWidget(self._build_tools(), Qt.Corner.TopRightCorner)
        self.scene = BracketScene(model.bracket, self.font(), self)
        self.bracket_view = BracketView(self.scene)
        self.bracket_view.match_clicked.connect(model.bracket.select)
        self.players = QListWidget()
        self.players.setObjectName("tournamentPlayers")
        self.players.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.bracket_stack = QStackedWidget()
        self.bracket_stack.addWidget(self.players)
        self.bracket_stack.addWidget(self.bracket_view)
        # The host's console sits beside the bracket: click a match, act on it.
        self.bracket_area = QSplitter(Qt.Orientation.Horizontal)
        self.bracket_area.setChildrenCollapsible(False)
        self.bracket_area.addWidget(self.bracket_stack)
        self.tabs.addTab(self.bracket_area, "")
        self.standings = QTableView()
        self.standings.setObjectName("standingsTable")
        self.standings.setModel(model.standings)
        self.standings.verticalHeader().hide()
        self.standings.setShowGrid(False)
        self.standings.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.standings.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.standings.horizontalHeader().setStretchLastSection(False)
        model.standings.modelReset.connect(self._stretch_names)
        self.tabs.addTab(self.standings, "")
        self.console: HostConsoleView | None = None
        self.chat = TournamentChatPane(model.chat, model.send)
        self.chat.setMinimumWidth(CHAT_WIDTH)
        self._chat_docked: bool | None = None
        self.body.addWidget(self.tabs)
        self._place_chat(docked=True)
        column.addWidget(self.body, 1)
        model.loaded.connect(self._on_loaded)
        model.tournament_changed.connect(self._on_tournament_changed)
        model.entrants_changed.connect(self._refresh)
        model.notice.connect(self._on_notice)
        model.bracket.rebuilt.connect(self._refresh)
        self._retranslate()

    def _retranslate(self) -> None:
        # Everything this page words itself; the state-dependent texts come from _refresh.
        self.players.setAccessibleName(self.tr("Players"))
        self.tabs.setTabText(self.tabs.indexOf(self.bracket_area), self.tr("Bracket"))
        self.tabs.setTabText(self.tabs.indexOf(self.standings), self.tr("Standings"))
        chat = self.tabs.indexOf(self.chat)
        if chat >= 0:
            self.tabs.setTabText(chat, self.tr("Chat"))
        self.register_button.setText(self.tr("Register"))
        self.withdraw_button.setText(self.tr("Withdraw"))
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Show the whole bracket (0). Zoom: wheel, + and -; "
                                   "drag to pan."))
        self.png_button.setText(self.tr("PNG"))
        self.png_button.setToolTip(self.tr("Export the bracket as a picture"))
        self.csv_button.setText(self.tr("CSV"))
        self.csv_button.setToolTip(self.tr("Export the standings as a table"))
        self._refresh()

    def _build_header(self) -> QWidget:
        header = QFrame(self)
        header.setObjectName("tournamentHeader")
        row = QHBoxLayout(header)
        row.setContentsMargins(20, 12, 16, 12)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = _plain(self.tr("Loading…"), header, "tournamentTitle")
        self.subtitle = ElidedLabel(header)
        self.subtitle.setObjectName("tournamentSubtitle")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        row.addLayout(titles, 1)
        self.register_button = QPushButton(header)
        self.register_button.setObjectName("tournamentRegister")
        self.register_button.clicked.connect(self.model.register)
        self.withdraw_button = QPushButton(header)
        self.withdraw_button.setObjectName("tournamentWithdraw")
        self.withdraw_button.clicked.connect(self.model.withdraw)
        row.addWidget(self.register_button)
        row.addWidget(self.withdraw_button)
        return header

    def _build_tools(self) -> QWidget:
        tools = QWidget(self)
        row = QHBoxLayout(tools)
        row.setContentsMargins(0, 0, 8, 0)
        row.setSpacing(4)
        self.fit_button = QPushButton(tools)
        self.fit_button.clicked.connect(lambda: self.bracket_view.fit())
        self.png_button = QPushButton(tools)
        self.png_button.clicked.connect(lambda: self._choose_file("png"))
        self.csv_button = QPushButton(tools)
        self.csv_button.clicked.connect(lambda: self._choose_file("csv"))
        for button in (self.fit_button, self.png_button, self.csv_button):
            button.setObjectName("pageTool")
            row.addWidget(button)
        return tools

    def _place_chat(self, *, docked: bool) -> None:
        """The chat beside the tabs (a wide page) or as their last tab (a narrow one)."""
        if docked == self._chat_docked:
            return
        self._chat_docked = docked
        index = self.tabs.indexOf(self.chat)
        if docked:
            if index >= 0:
                self.tabs.removeTab(index)
            self.body.addWidget(self.chat)
            self.chat.show()
            self.body.setStretchFactor(0, 1)
            self.body.setStretchFactor(1, 0)
            self.body.setSizes([max(1, self.width() - CHAT_WIDTH), CHAT_WIDTH])
        else:
            self.chat.setParent(None)
            self.tabs.addTab(self.chat, self.tr("Chat"))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_chat(docked=self.width() >= WIDE_PAGE)

    # -- following the model ------------------------------------------------------------

    def _on_loaded(self) -> None:
        if self.model.host is not None and self.console is None:
            self.console = HostConsoleView(self.model.host, self.model.bracket)
            self.console.setMinimumWidth(CONSOLE_WIDTH)
            self.model.tournament_changed.connect(self.console.refresh)
            self.bracket_area.addWidget(self.console)
            self.bracket_area.setStretchFactor(0, 1)
            self.bracket_area.setStretchFactor(1, 0)
            width = self.bracket_area.width()
            self.bracket_area.setSizes([max(1, width - CONSOLE_WIDTH), CONSOLE_WIDTH])
        self._refresh()

    def _on_tournament_changed(self, _tournament: Tournament) -> None:
        self._refresh()

    def _on_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _refresh(self, *_args: object) -> None:
        tournament = self.model.tournament
        if tournament is None:
            for button in (self.register_button, self.withdraw_button, self.png_button,
                           self.csv_button, self.fit_button):
                button.hide()
            return
        self.title.setText(tournament.name)
        self.subtitle.setText(self._subtitle(tournament))
        self.register_button.setVisible(self.model.can_register)
        self.withdraw_button.setVisible(self.model.can_withdraw)
        started = self.model.feed.live.bracket is not None
        for button in (self.fit_button, self.png_button, self.csv_button):
            button.setVisible(started)
        league = tournament.format.is_league
        self.tabs.setTabText(0, self.tr("Pairings") if league and started else
                             self.tr("Players") if not started else self.tr("Bracket"))
        self.bracket_stack.setCurrentIndex(1 if started else 0)
        if not started:
            self._fill_players()

    def _subtitle(self, t: Tournament) -> str:
        status = {TournamentStatus.REGISTRATION: self.tr("Registration open"),
                  TournamentStatus.LIVE: self.tr("Live"),
                  TournamentStatus.FINISHED: self.tr("Finished")}[t.status]
        parts = [t.game, t.format_title, t.players_text(), status]
        bracket = self.model.feed.live.bracket
        winner = champion(bracket) if bracket is not None else None
        if winner is not None:
            parts.append(self.tr("Champion: {name}").format(
                name=self.model.bracket.name_of(winner)))
        if self.model.registered:
            parts.append(self.tr("You are in"))
        return "  ·  ".join(parts)

    def _fill_players(self) -> None:
        self.players.clear()
        entrants = self.model.feed.entrants
        if not entrants:
            self.players.addItem(self.tr("Nobody has registered yet."))
        for entrant in entrants:
            seed = "–" if entrant.seed is None else str(entrant.seed)
            self.players.addItem(f"{seed}.  {entrant.name}")

    def _stretch_names(self) -> None:
        header = self.standings.horizontalHeader()
        if self.model.standings.columnCount() > 1:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    # -- export ---------------------------------------------------------------------------

    def _choose_file(self, kind: str) -> None:
        tournament = self.model.tournament
        stem = (tournament.name if tournament else "tournament").replace("/", "-")
        dialog = QFileDialog(self, f"Export {kind.upper()}",
                             str(Path.home() / f"{stem}.{kind}"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter("PNG image (*.png)" if kind == "png" else "CSV table (*.csv)")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.export(kind, Path(path)))
        dialog.open()

    def export(self, kind: str, path: Path) -> None:
        """Write the bracket picture (``png``) or the standings (``csv``) to ``path``."""
        try:
            if kind == "png":
                render_png(self.scene, path)
            else:
                path.write_text(self.model.standings_csv(), encoding="utf-8")
        except OSError as exc:
            self._on_notice(self.tr("Could not export: {reason}").format(reason=exc))
            return
        self._on_notice(self.tr("Exported to {path}").format(path=path))


