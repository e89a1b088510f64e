"""Choosing your own status: online, away, do not disturb, invisible, or the game you are in.

``StatusPicker`` is the full picker (the profile card opens it as a popup): the four
plain statuses with what each means, and a searchable game list with the recent games
first; a game that is not listed can be typed in. ``status_menu`` is the short form
for the tray: the statuses, the recent games, and "Choose a game…" to open the picker.
Game names come from the user (and from a catalogue), never from HTML: plain text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gfdesk.friends.games import CATALOGUE, clean_game, search_games
from gfdesk.friends.statusmodel import IDLE_AWAY_S, StatusModel
from gfdesk.i18nmark import QT_TRANSLATE_NOOP
from gfdesk.kit import themecolors
from gfdesk.kit.labels import plain_label, stacked
from gfdesk.kit.retranslate import Retranslating
from gfdesk.kit.themecolors import color as theme_color
from gfdesk.userstatus import Status, status_text

PLAIN_CHOICES = (Status.ONLINE, Status.AWAY, Status.BUSY, Status.INVISIBLE)
HINTS = {
    Status.ONLINE: QT_TRANSLATE_NOOP("StatusPicker", "Friends see you online"),
    Status.AWAY: QT_TRANSLATE_NOOP("StatusPicker", "Also after {minutes} min idle"),
    Status.BUSY: QT_TRANSLATE_NOOP("StatusPicker", "No pop-ups or sounds"),
    Status.INVISIBLE: QT_TRANSLATE_NOOP("StatusPicker", "Look offline, still get everything"),
}
GAME_ROLE = Qt.ItemDataRole.UserRole + 1
def status_dot(status: Status, size: int = 10) -> QPixmap:
    """A filled presence dot for menus and buttons."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(themecolors.readable(status.color, "bg_floating"))
    painter.drawEllipse(QRectF(0, 0, size, size))
    if status is Status.INVISIBLE:
        painter.setBrush(theme_color("bg_floating"))
        inner = size * 0.25
        painter.drawEllipse(QRectF(inner, inner, size - 2 * inner, size - 2 * inner))
    painter.end()
    return pixmap


def _choice_button(choice: Status, parent: QWidget) -> QPushButton:
    """A status choice: its dot, its name, and one line on what it does."""
    button = QPushButton(parent)
    button.setObjectName(f"status_{choice.value}")
    button.setProperty("statusChoice", True)
    button.setCheckable(True)
    dot = QLabel(button)
    dot.setPixmap(status_dot(choice, 12))
    label = plain_label("", button, "statusChoiceLabel")
    hint = plain_label("", button, "statusChoiceHint", wrap=True)
    _word_choice(button, choice)
    texts = stacked(label, hint)
    row = QHBoxLayout(button)
    row.setContentsMargins(8, 4, 8, 4)
    row.setSpacing(8)
    row.addWidget(dot, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
    row.addLayout(texts, 1)
    for child in (dot, label, hint):
        # The button takes the clicks; its labels only show.
        child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
    button.setMinimumHeight(button.sizeHint().height())
    return button


def _word_choice(button: QPushButton, choice: Status) -> None:
    """(Re)set a choice button's texts in the current language."""
    button.setAccessibleName(choice.label)
    label = button.findChild(QLabel, "statusChoiceLabel")
    hint = button.findChild(QLabel, "statusChoiceHint")
    if label is not None:
        label.setText(choice.label)
    if hint is not None:
        hint.setText(QCoreApplication.translate("StatusPicker", HINTS[choice]).format(
            minutes=int(IDLE_AWAY_S // 60)))


class StatusPicker(Retranslating, QFrame):
    """The status choices and the game list.

    Signals:
        chosen(): the user picked something (the status model has it already).
    """

    chosen = Signal()

    def __init__(self, status: StatusModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusPicker")
        self._status = status
        title = QLabel(self)
        title.setObjectName("statusPickerTitle")
        self._title = title
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.setSpacing(2)
        layout.addWidget(title)
        self.choices: dict[Status, QPushButton] = {}
        for choice in PLAIN_CHOICES:
            button = _choice_button(choice, self)
            button.clicked.connect(lambda _=False, s=choice: self._pick(s))
            layout.addWidget(button)
            self.choices[choice] = button
        games = QLabel(self)
        games.setObjectName("statusPickerTitle")
        self._games_title = games
        layout.addSpacing(6)
        layout.addWidget(games)
        self.search = QLineEdit(self)
        self.search.setObjectName("gameSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill_games)
        self.search.returnPressed.connect(self._pick_first_game)
        layout.addWidget(self.search)
        self.games = QListWidget(self)
        self.games.setObjectName("gameList")
        self.games.setMinimumHeight(180)
        self.games.itemActivated.connect(self._pick_game)
        self.games.itemClicked.connect(self._pick_game)
        layout.addWidget(self.games, 1)
        status.status_changed.connect(self._sync)
        status.recent_games_changed.connect(lambda _: self._fill_games(self.search.text()))
        self._sync()
        self._fill_games("")
        self._retranslate()

    def _retranslate(self) -> None:
        # Everything this picker words itself.
        self._title.setText(self.tr("SET YOUR STATUS"))
        self._games_title.setText(self.tr("PLAYING"))
        for choice, button in self.choices.items():
            _word_choice(button, choice)
        self.search.setAccessibleName(self.tr("Search games"))
        self.search.setPlaceholderText(self.tr("Search games or type one"))
        self.games.setAccessibleName(self.tr("Games"))

    def _sync(self, *_args: object) -> None:
        for choice, button in self.choices.items():
            button.setChecked(self._status.chosen is choice)

    def _fill_games(self, text: str) -> None:
        self.games.clear()
        recent = self._status.recent_games
        typed = clean_game(text)
        found = search_games(text, recent, CATALOGUE)
        if typed and typed.casefold() not in {g.casefold() for g in found}:
            found.append(typed)  # a game the list does not know: after those it knows
        for game in found:
            label = (self.tr("{game} · recent").format(game=game)
                     if game in recent and not text.strip() else game)
            item = QListWidgetItem(QIcon(status_dot(Status.IN_GAME, 10)), label)
            item.setData(GAME_ROLE, game)
            self.games.addItem(item)
            if self._status.chosen is Status.IN_GAME and game == self._status.game:
                self.games.setCurrentItem(item)

    def game_names(self) -> list[str]:
        """The games listed now, in order."""
        return [self.games.item(i).data(GAME_ROLE) for i in range(self.games.count())]

    def _pick(self, status: Status) -> None:
        self._status.set_status(status)
        self._done()

    def _pick_game(self, item: QListWidgetItem) -> None:
        self._status.set_status(Status.IN_GAME, str(item.data(GAME_ROLE)))
        self._done()

    def _pick_first_game(self) -> None:
        if self.games.count():
            self._pick_game(self.games.item(0))

    def _done(self) -> None:
        self.chosen.emit()
        if self.windowFlags() & Qt.WindowType.Popup:
            self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.windowFlags() & Qt.WindowType.Popup:
            self.close()
            return
        super().keyPressEvent(event)

    def popup_at(self, point: QPoint) -> None:
        """Show as a popup with its bottom-left corner at ``point`` (global)."""
        self.setWindowFlag(Qt.WindowType.Popup, True)
        self.resize(max(self.sizeHint().width(), 280), 460)
        self.move(point.x(), max(0, point.y() - self.height()))
        self.search.clear()
        self.show()
        self.search.setFocus()


class _StatusMenu(Retranslating, QMenu):
    """A menu that re-words itself (its title, then ``refill``) when the language changes."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.refill: Callable[[], None] | None = None
        self._retranslate()

    def _retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("statuspicker", "Status"))
        if self.refill is not None:
            self.refill()


def status_menu(status: StatusModel, parent: QWidget | None = None,
                choose_game: Callable[[], object] | None = None) -> QMenu:
    """The short status menu (tray): statuses, recent games, and "Choose a game…"."""
    menu = _StatusMenu(parent)
    menu.setObjectName("statusMenu")

    def fill() -> None:
        menu.clear()
        for choice in PLAIN_CHOICES:
            action = menu.addAction(status_dot(choice), choice.label)
            action.setObjectName(f"status_{choice.value}")
            action.setCheckable(True)
            action.setChecked(status.chosen is choice)
            action.triggered.connect(lambda _=False, s=choice: status.set_status(s))
        if status.recent_games:
            menu.addSeparator()
        for game in status.recent_games[:5]:
            action = menu.addAction(status_dot(Status.IN_GAME), status_text(Status.IN_GAME, game))
            action.setObjectName("status_game")
            action.setCheckable(True)
            action.setChecked(status.chosen is Status.IN_GAME and status.game == game)
            action.triggered.connect(lambda _=False, g=game: status.set_status(Status.IN_GAME, g))
        if choose_game is not None:
            menu.addSeparator()
            pick = menu.addAction(QCoreApplication.translate("statuspicker", "Choose a game…"))
            pick.setObjectName("status_choose_game")
            pick.triggered.connect(choose_game)

    menu.aboutToShow.connect(fill)
    menu.refill = fill
    fill()
    return menu
