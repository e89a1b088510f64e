"""The friends page: your status, a search box, and the list of friends with presence.

Names, statuses and game names come from remote users: the delegate paints them with
``drawText`` (plain text, elided), labels are ``Qt.PlainText``, and nothing becomes a
rich-text tooltip. Group headers ("ONLINE — 3", "OFFLINE — 2") are painted above the
first row of each group, Discord-style.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gfdesk.friends.model import (
    NAME_ROLE,
    STATUS_ROLE,
    SUBTITLE_ROLE,
    USER_ID_ROLE,
    FriendsModel,
    FriendsProxyModel,
    StatusModel,
)
from gfdesk.friends.presence import CHOOSABLE, Status
from gfdesk.kit.avatar import AvatarCache
from gfdesk.kit.fonts import DerivedFonts, font_at

STATUS_COLORS = {Status.ONLINE: "#23a55a", Status.AWAY: "#f0b232", Status.BUSY: "#f23f43",
                 Status.IN_GAME: "#7b61ff", Status.OFFLINE: "#80848e"}
ROW_HEIGHT = 54
NAME_PX = 15
SUBTITLE_PX = 12
HEADER_PX = 11
HEADER_HEIGHT = 30
AVATAR = 34
DOT = 12
NAME_COLOR = "#f2f3f5"
OFFLINE_NAME_COLOR = "#80848e"
MUTED = "#949ba4"
HOVER = "#35373c"
SELECTED = "#404249"

#: Local look of the page's header row.
PAGE_STYLE = """
#friendsSummary { color: #949ba4; font-size: 12px; font-weight: 600; }
#statusButton { color: #dbdee1; background: #1e1f22; border: 1px solid #1e1f22;
                border-radius: 6px; padding: 6px 10px; }
#statusButton:hover { border-color: #7b61ff; }
#statusButton::menu-indicator { image: none; width: 0; }
"""

Index = QModelIndex | QPersistentModelIndex


def status_dot(status: Status, size: int = 10) -> QPixmap:
    """A filled presence dot for menus and buttons."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(STATUS_COLORS[status]))
    painter.drawEllipse(QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def status_menu(status: StatusModel, parent: QWidget | None = None) -> QMenu:
    """A menu to pick the user's status (for the friends page, status bar and tray)."""
    menu = QMenu("Status", parent)
    menu.setObjectName("statusMenu")
    for choice in CHOOSABLE:
        action = menu.addAction(status_dot(choice), choice.label)
        action.setObjectName(f"status_{choice.value}")
        action.setCheckable(True)
        action.triggered.connect(lambda _=False, s=choice: status.set_status(s))

    def sync() -> None:
        for action in menu.actions():
            action.setChecked(action.objectName() == f"status_{status.chosen.value}")

    menu.aboutToShow.connect(sync)
    return menu


def _group_of(index: Index) -> bool:
    status = index.data(STATUS_ROLE)
    return status is not Status.OFFLINE


def _row_fonts(base: QFont) -> tuple[QFont, QFont, QFont]:
    """The group header, name and subtitle fonts of a friend row."""
    header = font_at(base, HEADER_PX, bold=True)
    header.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 104)
    return header, font_at(base, NAME_PX, bold=True), font_at(base, SUBTITLE_PX)


class FriendDelegate(QStyledItemDelegate):
    """Paints a friend row: avatar with a presence dot, name, subtitle, group header."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._avatars = AvatarCache()
        self.counts = (0, 0)
        self._fonts = DerivedFonts(_row_fonts)

    def _starts_group(self, index: Index) -> bool:
        if index.row() == 0:
            return True
        above = index.model().index(index.row() - 1, 0)
        return _group_of(above) != _group_of(index)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        extra = HEADER_HEIGHT if self._starts_group(index) else 0
        return QSize(option.rect.width(), ROW_HEIGHT + extra)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRect(option.rect)
        name = str(index.data(NAME_ROLE) or "")
        status = index.data(STATUS_ROLE) or Status.OFFLINE
        header_font, name_font, sub_font = self._fonts.get(option.font)
        if self._starts_group(index):
            header = QRect(rect.left() + 12, rect.top(), rect.width() - 24, HEADER_HEIGHT)
            painter.setFont(header_font)
            painter.setPen(QColor(MUTED))
            online, total = self.counts
            label = (f"ONLINE — {online}" if status is not Status.OFFLINE
                     else f"OFFLINE — {total - online}")
            painter.drawText(header.adjusted(0, 8, 0, 0), Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignVCenter, label)
            rect.setTop(rect.top() + HEADER_HEIGHT)
        body = rect.adjusted(6, 2, -6, -2)
        state = option.state
        if state & QStyle.StateFlag.State_Selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(SELECTED))
            painter.drawRoundedRect(QRectF(body), 6, 6)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(HOVER))
            painter.drawRoundedRect(QRectF(body), 6, 6)
        offline = status is Status.OFFLINE
        ratio = painter.device().devicePixelRatioF()
        top = body.top() + (body.height() - AVATAR) // 2
        painter.setOpacity(0.45 if offline else 1.0)
        painter.drawPixmap(body.left() + 8, top, self._avatars.get(name, AVATAR, ratio))
        painter.setOpacity(1.0)
        # The dot sits in a ring of the list's background, over the avatar's corner.
        dot = QRectF(body.left() + 8 + AVATAR - DOT + 1, top + AVATAR - DOT + 1, DOT, DOT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#2b2d31"))
        painter.drawEllipse(dot.adjusted(-2.5, -2.5, 2.5, 2.5))
        painter.setBrush(QColor(STATUS_COLORS[status]))
        painter.drawEllipse(dot)
        text_left = body.left() + 8 + AVATAR + 12
        text_width = body.right() - text_left - 8
        painter.setFont(name_font)
        painter.setPen(QColor(OFFLINE_NAME_COLOR if offline else NAME_COLOR))
        metrics = painter.fontMetrics()
        middle = body.top() + body.height() // 2
        painter.drawText(QRect(text_left, middle - metrics.height() - 1, text_width,
                               metrics.height()), Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(name, Qt.TextElideMode.ElideRight, text_width))
        painter.setFont(sub_font)
        painter.setPen(QColor(STATUS_COLORS[Status.IN_GAME] if status is Status.IN_GAME
                              else MUTED))
        metrics = painter.fontMetrics()
        sub = str(index.data(SUBTITLE_ROLE) or "")
        painter.drawText(QRect(text_left, middle + 1, text_width, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(sub, Qt.TextElideMode.ElideRight, text_width))
        painter.restore()


class FriendsView(QWidget):
    """Status picker, search box and friends list.

    Signals:
        message_requested(str): the user asked to message a friend (double-click,
            Enter, or "Send message" in the friend's context menu); carries the user id.
        call_requested(str, str): the user asked to call a friend ("Video call" or
            "Voice call" in the friend's context menu); the user id and "video" or
            "audio".
    """

    message_requested = Signal(str)
    call_requested = Signal(str, str)

    def __init__(self, model: FriendsModel, status: StatusModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("friendsView")
        self.setStyleSheet(PAGE_STYLE)
        self.proxy = FriendsProxyModel(model, self)
        """The sorted, filtered model the list shows."""
        self._model = model
        self._status = status

        self.status_button = QToolButton(self)
        self.status_button.setObjectName("statusButton")
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.status_button.setMenu(status_menu(status, self))
        self.search = QLineEdit(self)
        self.search.setObjectName("friendsSearch")
        self.search.setPlaceholderText("Search friends")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.summary = QLabel(self)
        self.summary.setObjectName("friendsSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.list = QListView(self)
        self.list.setObjectName("friendsList")
        self.list.setModel(self.proxy)
        self.delegate = FriendDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setMouseTracking(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.activated.connect(self._on_list_activated)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_list_context_menu_requested)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(10)
        top.addWidget(self.search, 1)
        top.addWidget(self.status_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 8)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

        model.counts_changed.connect(self._on_counts_changed)
        status.status_changed.connect(self._on_status_changed)
        self._on_status_changed(status.status, status.game)
        self._on_counts_changed(model.online_count(), model.rowCount())

    def _on_list_activated(self, index: QModelIndex) -> None:
        user_id = index.data(USER_ID_ROLE)
        if user_id:
            self.message_requested.emit(str(user_id))

    def _on_list_context_menu_requested(self, point: QPoint) -> None:
        index = self.list.indexAt(point)
        if not index.isValid():
            return
        menu = QMenu(self)
        menu.setObjectName("friendMenu")
        send = menu.addAction("Send message")
        send.triggered.connect(lambda: self._on_list_activated(index))
        user_id = str(index.data(USER_ID_ROLE) or "")
        for text, kind in (("Video call", "video"), ("Voice call", "audio")):
            action = menu.addAction(text)
            action.setObjectName(f"{kind}CallAction")
            action.triggered.connect(
                lambda _=False, k=kind: self.call_requested.emit(user_id, k))
        menu.popup(self.list.viewport().mapToGlobal(point))

    def _on_counts_changed(self, online: int, total: int) -> None:
        self.delegate.counts = (online, total)
        self.summary.setText(f"{online} of {total} friends online" if total
                             else "No friends yet")
        self.list.viewport().update()

    def _on_status_changed(self, status: Status, game: object) -> None:
        self.status_button.setIcon(status_dot(status, 12))
        text = f"Playing {game}" if status is Status.IN_GAME and game else status.label
        self.status_button.setText(f"{text}  ▾")
