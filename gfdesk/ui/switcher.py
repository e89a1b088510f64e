"""The quick switcher (Ctrl+K): type part of a name, arrow to it, Enter opens it.

A small popup over the main window with a search field and a bounded list of friends,
conversations and tournaments. The entries come from the features themselves through
``gfdesk.feature.Switchable`` (asked each time the switcher opens); the switcher only
filters them (``switchmatch``: plain substring search) and hands the chosen one back,
with the feature that listed it, through ``entry_chosen``. Up/Down (and Page Up/Down)
move through the list without leaving the search field, Enter opens, Esc closes.
Titles are remote text: the list shows them as plain text (a QListWidget never
interprets markup).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gfdesk.feature import Switchable, SwitcherEntry, SwitcherKind
from gfdesk.kit import icons
from gfdesk.ui.switchmatch import MAX_QUERY, match

WIDTH = 520
#: Rows of the list visible without scrolling.
VISIBLE_ROWS = 9
ICON_SIZE = 18
ICON_COLOR = "@icon"
#: How far below the top of the window the switcher opens, in pixels.
TOP_MARGIN = 72
ENTRY_ROLE = Qt.ItemDataRole.UserRole
#: The sidebar icon of each kind.
KIND_ICONS = {
    SwitcherKind.FRIEND: "friends",
    SwitcherKind.CONVERSATION: "conversations",
    SwitcherKind.TOURNAMENT: "tournaments",
}
_MOVES = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -VISIBLE_ROWS,
    Qt.Key.Key_PageDown: VISIBLE_ROWS,
}


def kind_name(kind: SwitcherKind) -> str:
    """The kind as a screen reader says it before the name ("Friend")."""
    names = {
        SwitcherKind.FRIEND: QCoreApplication.translate("QuickSwitcher", "Friend"),
        SwitcherKind.CONVERSATION: QCoreApplication.translate("QuickSwitcher", "Conversation"),
        SwitcherKind.TOURNAMENT: QCoreApplication.translate("QuickSwitcher", "Tournament"),
    }
    return names[kind]


class QuickSwitcher(QDialog):
    """The Ctrl+K popup.

    Args:
        sources: the features that list entries, in the order their entries come.
        parent: the window it opens over.

    Signals:
        entry_chosen(object, object): the ``Switchable`` that listed the chosen entry,
            and the ``SwitcherEntry``; the switcher has closed.
    """

    entry_chosen = Signal(object, object)

    def __init__(self, sources: Sequence[Switchable], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("quickSwitcher")
        self.setAccessibleName(self.tr("Quick switcher"))
        self.setFixedWidth(WIDTH)
        self._owners: dict[SwitcherEntry, Switchable] = {}
        self._entries: list[SwitcherEntry] = []
        for source in sources:
            for entry in source.switcher_entries():
                # An entry listed twice opens through the first feature that listed it.
                if entry not in self._owners:
                    self._owners[entry] = source
                    self._entries.append(entry)

        self.search = QLineEdit(self)
        """The search field (focused while the switcher is open)."""
        self.search.setObjectName("switcherSearch")
        self.search.setPlaceholderText(
            self.tr("Find a friend, conversation or tournament"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setAccessibleDescription(
            self.tr("Type part of a name; Up and Down choose, Enter opens, Escape closes"))
        self.search.setMaxLength(MAX_QUERY)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._refilter)
        self.search.returnPressed.connect(self._open_current)
        self.search.installEventFilter(self)

        self.results = QListWidget(self)
        """The matching entries, best first."""
        self.results.setObjectName("switcherResults")
        self.results.setAccessibleName(self.tr("Results"))
        self.results.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.results.setUniformItemSizes(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        # The search field keeps focus: the list is driven from it, and clicked.
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.itemActivated.connect(lambda _item: self._open_current())
        self.results.itemClicked.connect(lambda _item: self._open_current())

        self._empty = QLabel(self)
        self._empty.setObjectName("switcherEmpty")
        self._empty.setTextFormat(Qt.TextFormat.PlainText)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self._empty)
        self._refilter("")
        row = self.results.sizeHintForRow(0) if self.results.count() else 32
        self.results.setFixedHeight(max(row, 24) * VISIBLE_ROWS + 4)

    def entries(self) -> list[SwitcherEntry]:
        """The entries listed now, top to bottom."""
        return [self.results.item(row).data(ENTRY_ROLE) for row in range(self.results.count())]

    def current_entry(self) -> SwitcherEntry | None:
        """The entry Enter would open."""
        item = self.results.currentItem()
        if item is None:
            return None
        entry: SwitcherEntry = item.data(ENTRY_ROLE)
        return entry

    def popup_over(self, window: QWidget) -> None:
        """Open centred near the top of ``window``, the search field focused."""
        top_left = window.mapToGlobal(QPoint((window.width() - WIDTH) // 2, TOP_MARGIN))
        self.move(top_left)
        self.show()  # a popup: shown on top, with the keyboard
        self.search.setFocus(Qt.FocusReason.PopupFocusReason)

    def _refilter(self, query: str) -> None:
        self.results.clear()
        for entry in match(self._entries, query):
            item = QListWidgetItem(icons.icon(KIND_ICONS[entry.kind], ICON_COLOR),
                                   entry.title)
            item.setData(ENTRY_ROLE, entry)
            spoken = f"{kind_name(entry.kind)}: {entry.title}"
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            if entry.detail:
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, entry.detail)
                item.setToolTip(entry.detail)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        self._empty.setText(
            "" if self.results.count() else
            self.tr("Nothing to switch to yet") if not self._entries else
            self.tr("No match"))
        self._empty.setVisible(not self.results.count())

    def _move(self, step: int) -> None:
        count = self.results.count()
        if not count:
            return
        row = min(max(self.results.currentRow() + step, 0), count - 1)
        self.results.setCurrentRow(row)

    def _open_current(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        owner = self._owners[entry]
        self.accept()
        self.entry_chosen.emit(owner, entry)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = Qt.Key(event.key())
            if key in _MOVES:
                self._move(_MOVES[key])
                return True
            if key == Qt.Key.Key_Escape:
                self.reject()
                return True
        return super().eventFilter(watched, event)
