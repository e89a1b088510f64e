"""The friends page: the friends list with presence and avatars, and the requests page.

Two tabs: "Friends" (a search box that filters the list, "Add friend", the list) and
"Requests" (``requestsview``). The user's own status is not here: it belongs to the
profile card (``statuspicker``), so nothing beside the search box reads as a filter.
Names, statuses and game names come from remote users: the delegate paints them with
``drawText`` (plain text, elided), labels are ``Qt.PlainText``, and nothing becomes a
rich-text tooltip. Group headers ("ONLINE — 3", "OFFLINE — 2") are painted above the
first row of each group, Discord-style. An empty list says why and what to do.
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
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from gfdesk.friends.model import (
    AVATAR_URL_ROLE,
    NAME_ROLE,
    STATUS_ROLE,
    SUBTITLE_ROLE,
    USER_ID_ROLE,
    FriendsModel,
    FriendsProxyModel,
)
from gfdesk.friends.requestsmodel import Action, RequestsModel
from gfdesk.friends.requestsview import RequestsView
from gfdesk.friends.service import Friend
from gfdesk.i18nmark import formats
from gfdesk.kit import themecolors
from gfdesk.kit.avatar import AvatarCache
from gfdesk.kit.avatarstore import AvatarStore
from gfdesk.kit.badge import badge_text
from gfdesk.kit.emoji import drawable
from gfdesk.kit.fonts import DerivedFonts, font_at
from gfdesk.kit.retranslate import Retranslating
from gfdesk.kit.themecolors import color as theme_color
from gfdesk.userstatus import Status

ROW_HEIGHT = 54
NAME_PX = 15
SUBTITLE_PX = 12
HEADER_PX = 11
HEADER_HEIGHT = 30
AVATAR = 34
DOT = 12
NAME_COLOR = "text_strong"
OFFLINE_NAME_COLOR = "text_muted"
MUTED = "text_muted"
INGAME = "ingame_text"
#: Muted text on a selected row (the plain muted grey is too faint there).
SELECTED_MUTED = "text_soft"
HOVER = "bg_hover"
SELECTED = "bg_selected"

#: Rows laid out per event-loop turn.
LAYOUT_BATCH = 100
#: The search box never gets narrower than this (it must stay usable at the window's
#: minimum size).
SEARCH_MIN_WIDTH = 140

Index = QModelIndex | QPersistentModelIndex


def _group_of(index: Index) -> bool:
    status = index.data(STATUS_ROLE)
    return status not in (Status.OFFLINE, Status.INVISIBLE)


def _row_fonts(base: QFont) -> tuple[QFont, QFont, QFont]:
    """The group header, name and subtitle fonts of a friend row."""
    header = font_at(base, HEADER_PX, bold=True)
    header.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 104)
    return header, font_at(base, NAME_PX, bold=True), font_at(base, SUBTITLE_PX)


class FriendDelegate(QStyledItemDelegate):
    """Paints a friend row: avatar with a presence dot, name, subtitle, group header."""

    def __init__(self, parent: QWidget | None = None,
                 avatars: AvatarStore | None = None) -> None:
        super().__init__(parent)
        self._initials = AvatarCache()
        self._avatars = avatars
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
            painter.setPen(theme_color(MUTED))
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
            painter.setBrush(theme_color(SELECTED))
            painter.drawRoundedRect(QRectF(body), 6, 6)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme_color(HOVER))
            painter.drawRoundedRect(QRectF(body), 6, 6)
        offline = status is Status.OFFLINE
        ratio = painter.device().devicePixelRatioF()
        top = body.top() + (body.height() - AVATAR) // 2
        painter.setOpacity(0.45 if offline else 1.0)
        url = index.data(AVATAR_URL_ROLE)
        picture = (self._avatars.pixmap(name, url, AVATAR, ratio) if self._avatars is not None
                   else self._initials.get(name, AVATAR, ratio))
        painter.drawPixmap(body.left() + 8, top, picture)
        painter.setOpacity(1.0)
        # The dot sits in a ring of the list's background, over the avatar's corner.
        dot = QRectF(body.left() + 8 + AVATAR - DOT + 1, top + AVATAR - DOT + 1, DOT, DOT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme_color("bg_secondary"))
        painter.drawEllipse(dot.adjusted(-2.5, -2.5, 2.5, 2.5))
        painter.setBrush(themecolors.readable(status.color, "bg_secondary"))
        painter.drawEllipse(dot)
        text_left = body.left() + 8 + AVATAR + 12
        text_width = body.right() - text_left - 8
        painter.setFont(name_font)
        painter.setPen(theme_color(OFFLINE_NAME_COLOR if offline else NAME_COLOR))
        metrics = painter.fontMetrics()
        middle = body.top() + body.height() // 2
        painter.drawText(QRect(text_left, middle - metrics.height() - 1, text_width,
                               metrics.height()), Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(drawable(name, name_font),
                                            Qt.TextElideMode.ElideRight, text_width))
        painter.setFont(sub_font)
        # "Playing ..." in the in-game violet, a lighter one than the status dot so it
        # stays readable on a hovered or selected row.
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.setPen(theme_color(INGAME if status is Status.IN_GAME
                                   else SELECTED_MUTED if selected else MUTED))
        metrics = painter.fontMetrics()
        sub = drawable(str(index.data(SUBTITLE_ROLE) or ""), sub_font)
        painter.drawText(QRect(text_left, middle + 1, text_width, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(sub, Qt.TextElideMode.ElideRight, text_width))
        painter.restore()


class FriendsView(Retranslating, QWidget):
    """The Friends and Requests tabs.

    Args:
        model: the friends list.
        requests: requests and player search (None: the Requests tab is empty).
        avatars: pictures (None: initials only).

    Signals:
        message_requested(str): the user asked to message a friend (double-click,
            Enter, or "Send message" in the friend's context menu); carries the user id.
        call_requested(str, str): the user asked to call a friend ("Video call" or
            "Voice call" in the friend's context menu); the user id and "video" or
            "audio".
    """

    message_requested = Signal(str)
    call_requested = Signal(str, str)

    def __init__(self, model: FriendsModel, requests: RequestsModel | None = None,
                 avatars: AvatarStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("friendsView")
        self.proxy = FriendsProxyModel(model, self)
        """The sorted, filtered model the list shows."""
        self._model = model
        self._requests = requests or RequestsModel(None, self)

        self.friends_tab = self._tab("friendsTab")
        self.requests_tab = self._tab("requestsTab")
        self._counts = (0, 0)
        self._incoming = 0
        tabs = QButtonGroup(self)
        tabs.setExclusive(True)
        for button in (self.friends_tab, self.requests_tab):
            tabs.addButton(button)
        self.friends_tab.setChecked(True)
        self.friends_tab.clicked.connect(self.show_friends)
        # Not the slot itself: clicked(bool) would hand it the checked state as a query.
        self.requests_tab.clicked.connect(lambda: self.show_requests())

        self.search = QLineEdit(self)
        self.search.setObjectName("friendsSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(SEARCH_MIN_WIDTH)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.add_friend = QPushButton(self)
        self.add_friend.setObjectName("addFriendButton")
        self.add_friend.clicked.connect(lambda: self.show_requests(self.search.text()))
        self.summary = QLabel(self)
        self.summary.setObjectName("friendsSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.list = QListView(self)
        self.list.setObjectName("friendsList")
        self.list.setModel(self.proxy)
        self.delegate = FriendDelegate(self.list, avatars)
        self.list.setItemDelegate(self.delegate)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setMouseTracking(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Rows are laid out in slices between events: 2,000 friends never block a frame.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(LAYOUT_BATCH)
        self.list.activated.connect(self._on_list_activated)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_list_context_menu_requested)
        if avatars is not None:
            avatars.changed.connect(self._on_avatar_changed)

        self.empty = self._empty_state()
        self._list_stack = QStackedWidget(self)
        self._list_stack.addWidget(self.list)
        self._list_stack.addWidget(self.empty)
        friends_page = QWidget(self)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(8)
        top.addWidget(self.search, 1)
        top.addWidget(self.add_friend)
        column = QVBoxLayout(friends_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addLayout(top)
        column.addWidget(self.summary)
        column.addWidget(self._list_stack, 1)

        self.requests_view = RequestsView(self._requests, avatars, self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(friends_page)
        self.pages.addWidget(self.requests_view)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(4)
        bar.addWidget(self.friends_tab)
        bar.addWidget(self.requests_tab)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(10)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)

        model.counts_changed.connect(self._on_counts_changed)
        for change in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            change.connect(self._update_empty)
        self._requests.incoming_count_changed.connect(self._on_incoming_count_changed)
        self._on_counts_changed(model.online_count(), model.rowCount())
        self._on_incoming_count_changed(self._requests.incoming_total)
        self._retranslate()

    def _retranslate(self) -> None:
        # Everything this view words itself; the empty state follows the list as it is now.
        self.search.setAccessibleName(self.tr("Search friends"))
        self.search.setPlaceholderText(self.tr("Search friends"))
        self.add_friend.setText(self.tr("Add friend"))
        self.list.setAccessibleName(self.tr("Friends"))
        self.friends_tab.setText(self.tr("Friends"))
        self._show_incoming()
        self._show_summary()
        self._update_empty()
        self.list.viewport().update()

    def _tab(self, name: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setProperty("friendsTab", True)
        button.setCheckable(True)
        return button

    def _empty_state(self) -> QWidget:
        box = QWidget(self)
        box.setObjectName("friendsEmpty")
        self.empty_title = QLabel(box)
        self.empty_title.setObjectName("friendsEmptyTitle")
        self.empty_body = QLabel(box)
        self.empty_body.setObjectName("friendsEmptyBody")
        self.empty_action = QPushButton(box)
        self.empty_action.setObjectName("friendsEmptyAction")
        self.empty_action.clicked.connect(lambda: self.show_requests(self.search.text()))
        for label in (self.empty_title, self.empty_body):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column = QVBoxLayout(box)
        column.addStretch(1)
        column.addWidget(self.empty_title)
        column.addWidget(self.empty_body)
        column.addWidget(self.empty_action, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        return box

    # -- tabs -----------------------------------------------------------------------------

    def show_friends(self) -> None:
        self.friends_tab.setChecked(True)
        self.pages.setCurrentIndex(0)

    def show_requests(self, query: str = "") -> None:
        """The Requests tab (searching players for ``query`` when given)."""
        self.requests_tab.setChecked(True)
        self.pages.setCurrentIndex(1)
        if query.strip():
            self.requests_view.set_query(query.strip())

    def _on_incoming_count_changed(self, count: int) -> None:
        self._incoming = count
        self._show_incoming()

    def _show_incoming(self) -> None:
        count = self._incoming
        self.requests_tab.setText(self.tr("Requests  {count}").format(count=badge_text(count))
                                  if count else self.tr("Requests"))

    # -- the list -------------------------------------------------------------------------

    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_empty()

    def _update_empty(self, *_: object) -> None:
        if self.proxy.rowCount() > 0:
            self._list_stack.setCurrentWidget(self.list)
            return
        query = self.search.text().strip()
        if self._model.rowCount() == 0:
            self.empty_title.setText(self.tr("No friends yet"))
            self.empty_body.setText(
                self.tr("Find players by their username and send them a request."))
            self.empty_action.setText(self.tr("Add friend"))
        else:
            self.empty_title.setText(self.tr("No friends match “{query}”").format(query=query))
            self.empty_body.setText(
                self.tr("Check the spelling, or look for them among all players."))
            self.empty_action.setText(
                self.tr("Search all players for “{query}”").format(query=query))
        self._list_stack.setCurrentWidget(self.empty)

    def _on_avatar_changed(self, url: str) -> None:
        # Only the rows showing that picture repaint: pictures arrive one by one, and
        # repainting every visible row for each one would paint the list hundreds of times.
        for row in self._model.rows_with_avatar(url):
            index = self.proxy.mapFromSource(self._model.index(row))
            if index.isValid():
                self.list.update(index)

    def _on_list_activated(self, index: QModelIndex) -> None:
        user_id = index.data(USER_ID_ROLE)
        if user_id:
            self.message_requested.emit(str(user_id))

    def _on_list_context_menu_requested(self, point: QPoint) -> None:
        index = self.list.indexAt(point)
        if not index.isValid():
            return
        friend = Friend(str(index.data(USER_ID_ROLE)), "", str(index.data(NAME_ROLE) or ""))
        menu = QMenu(self)
        menu.setObjectName("friendMenu")
        send = menu.addAction(self.tr("Send message"))
        send.setObjectName("friendMessage")
        send.triggered.connect(lambda: self._on_list_activated(index))
        user_id = str(index.data(USER_ID_ROLE) or "")
        for text, kind in ((self.tr("Video call"), "video"), (self.tr("Voice call"), "audio")):
            action = menu.addAction(text)
            action.setObjectName(f"{kind}CallAction")
            action.triggered.connect(
                lambda _=False, k=kind: self.call_requested.emit(user_id, k))
        menu.addSeparator()
        remove = menu.addAction(self.tr("Remove friend"))
        remove.setObjectName("friendRemove")
        remove.triggered.connect(lambda: self._requests.act(Action.REMOVE, friend))
        block = menu.addAction(self.tr("Block"))
        block.setObjectName("friendBlock")
        block.triggered.connect(lambda: self._requests.act(Action.BLOCK, friend))
        menu.popup(self.list.viewport().mapToGlobal(point))

    def _show_summary(self) -> None:
        online, total = self._counts
        self.summary.setText(self.tr("{online} of %n friends online", "", total).format(
            online=formats().number(online)) if total else self.tr("No friends yet"))

    def _on_counts_changed(self, online: int, total: int) -> None:
        self.delegate.counts = (online, total)
        self._counts = (online, total)
        self._show_summary()
        self.list.viewport().update()
        self._update_empty()
