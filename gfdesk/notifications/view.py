"""The notification centre: a list with unread state, "Mark all read", click to open.

Titles and bodies are remote text: the delegate paints them with ``drawText`` (plain,
elided), the header labels are ``Qt.PlainText``.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from gfdesk.kit.avatarstore import AvatarStore
from gfdesk.kit.emoji import drawable
from gfdesk.kit.fonts import DerivedFonts, font_at
from gfdesk.kit.retranslate import Retranslating
from gfdesk.kit.themecolors import color as theme_color
from gfdesk.notifications.model import (
    ACTOR_ROLE,
    BODY_ROLE,
    NOTIFICATION_ROLE,
    TIME_ROLE,
    TITLE_ROLE,
    TYPE_ROLE,
    UNREAD_ROLE,
    NotificationsModel,
)

ROW_HEIGHT = 68
TITLE_PX = 14
BODY_PX = 12
TIME_PX = 11
GLYPH_PX = 16
BADGE = 36
#: The type badge on an actor's avatar.
CORNER = 16
CORNER_GLYPH_PX = 10
UNREAD_DOT = 8
#: Badge colour and glyph per notification type.
TYPE_STYLE = {
    "friend_request": ("#5865f2", "+"),
    "friend_accepted": ("#23a55a", "✓"),
    "tournament": ("#c27c0e", "★"),
    "match_ready": ("#c27c0e", "★"),
    "message": ("#7b61ff", "✉"),
    "mention": ("#eb459e", "@"),
}
DEFAULT_STYLE = ("#4e5058", "•")
UNREAD_BG = "bg_unread"
HOVER = "bg_unread_hover"
ACCENT = "accent"

Index = QModelIndex | QPersistentModelIndex

#: A body is cut here before painting (far more than one row can show).
BODY_CHARS = 300


class _RowFonts(NamedTuple):
    glyph: QFont
    time: QFont
    title_read: QFont
    title_unread: QFont
    body: QFont
    corner: QFont


def _row_fonts(base: QFont) -> _RowFonts:
    return _RowFonts(font_at(base, GLYPH_PX, bold=True), font_at(base, TIME_PX),
                     font_at(base, TITLE_PX, bold=False), font_at(base, TITLE_PX, bold=True),
                     font_at(base, BODY_PX), font_at(base, CORNER_GLYPH_PX, bold=True))


class NotificationDelegate(QStyledItemDelegate):
    """Paints one notification: who it is from (avatar) or its type badge, title, body,
    time, unread dot."""

    def __init__(self, parent: QWidget | None = None,
                 avatars: AvatarStore | None = None) -> None:
        super().__init__(parent)
        self._fonts = DerivedFonts(_row_fonts)
        self._avatars = avatars
        self.hide_bodies = False
        """Streamer mode: each body reads as hidden."""

    def body_text(self, index: Index) -> str:
        """The body line as painted (hidden in streamer mode)."""
        if self.hide_bodies:
            return self.tr("Hidden in streamer mode")
        return str(index.data(BODY_ROLE) or "").replace("\n", " ")

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        body_rect = QRect(option.rect).adjusted(6, 3, -6, -3)
        unread = bool(index.data(UNREAD_ROLE))
        state = option.state
        background = theme_color(HOVER) if state & QStyle.StateFlag.State_MouseOver else (
            theme_color(UNREAD_BG) if unread else None)
        if background is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(background))
            painter.drawRoundedRect(QRectF(body_rect), 8, 8)
        color, glyph = TYPE_STYLE.get(str(index.data(TYPE_ROLE) or ""), DEFAULT_STYLE)
        badge = QRectF(body_rect.left() + 12, body_rect.top() + (body_rect.height() - BADGE) / 2,
                       BADGE, BADGE)
        fonts = self._fonts.get(option.font)
        actor = index.data(ACTOR_ROLE)
        if actor is not None and self._avatars is not None:
            # Who it is from, with the type as a small badge on the corner.
            ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
            painter.drawPixmap(badge.topLeft(), self._avatars.pixmap(
                actor.name, actor.avatar_url, BADGE, ratio))
            corner = QRectF(badge.right() - CORNER + 3, badge.bottom() - CORNER + 3,
                            CORNER, CORNER)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme_color("bg_secondary"))
            painter.drawEllipse(corner.adjusted(-2, -2, 2, 2))
            painter.setBrush(QColor(color))
            painter.drawEllipse(corner)
            painter.setFont(fonts.corner)
            painter.setPen(theme_color("text_on_fill"))
            painter.drawText(corner, Qt.AlignmentFlag.AlignCenter, glyph)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(color))
            painter.drawEllipse(badge)
            painter.setFont(fonts.glyph)
            painter.setPen(theme_color("text_on_fill"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, glyph)

        left = int(badge.right()) + 14
        painter.setFont(fonts.time)
        time_text = str(index.data(TIME_ROLE) or "")
        time_width = painter.fontMetrics().horizontalAdvance(time_text) + 4
        right = body_rect.right() - 28
        width = max(10, right - left - time_width - 10)
        mid = body_rect.top() + body_rect.height() // 2
        painter.setPen(theme_color("text_muted"))
        painter.drawText(QRect(right - time_width, mid - 20, time_width, 18),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, time_text)

        painter.setFont(fonts.title_unread if unread else fonts.title_read)
        painter.setPen(theme_color("text_strong" if unread else "text_soft"))
        metrics = painter.fontMetrics()
        title = drawable(str(index.data(TITLE_ROLE) or ""), painter.font())
        painter.drawText(QRect(left, mid - metrics.height() - 1, width, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(title, Qt.TextElideMode.ElideRight, width))
        painter.setFont(fonts.body)
        painter.setPen(theme_color("text_muted"))
        metrics = painter.fontMetrics()
        # Cut before the emoji check: far more than one row shows, elided below anyway.
        text = drawable(self.body_text(index)[:BODY_CHARS], painter.font())
        full_width = right - left
        painter.drawText(QRect(left, mid + 2, full_width, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, full_width))
        if unread:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme_color(ACCENT))
            painter.drawEllipse(QRectF(body_rect.right() - 18, mid - UNREAD_DOT / 2,
                                       UNREAD_DOT, UNREAD_DOT))
        painter.restore()


class NotificationCentreView(Retranslating, QWidget):
    """The list of notifications.

    Signals:
        activated(object): the user clicked a ``Notification`` (already marked read).
    """

    activated = Signal(object)

    def __init__(self, model: NotificationsModel, avatars: AvatarStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notificationCentre")
        self._model = model
        self.heading = QLabel(self)
        self.heading.setObjectName("notificationsHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.unread_label = QLabel(self)
        self.unread_label.setObjectName("notificationsUnread")
        self.unread_label.setTextFormat(Qt.TextFormat.PlainText)
        self.mark_all = QPushButton(self)
        self.mark_all.setObjectName("markAllReadButton")
        self.mark_all.clicked.connect(model.mark_all_read)
        self.list = QListView(self)
        self.list.setObjectName("notificationsList")
        self.list.setModel(model)
        self.delegate = NotificationDelegate(self.list, avatars)
        """Paints the rows."""
        self.list.setItemDelegate(self.delegate)
        if avatars is not None:
            avatars.changed.connect(lambda _url: self.list.viewport().update())
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setMouseTracking(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.clicked.connect(self._on_list_clicked)
        self.empty = QLabel(self)
        self.empty.setObjectName("notificationsEmpty")
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.heading)
        top.addWidget(self.unread_label, 1)
        top.addWidget(self.mark_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 8)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        model.unread_changed.connect(self._on_unread_changed)
        model.rowsInserted.connect(self._update_empty)
        model.modelReset.connect(self._update_empty)
        self._on_unread_changed(model.unread_count())
        self._update_empty()
        self._retranslate()

    def _retranslate(self) -> None:
        # Everything this view words itself; the rows are painted in the language of now.
        self.heading.setText(self.tr("Inbox"))
        self.mark_all.setText(self.tr("Mark all read"))
        self.list.setAccessibleName(self.tr("Notifications"))
        self.empty.setText(self.tr("You're all caught up."))
        self._on_unread_changed(self._model.unread_count())
        self.list.viewport().update()

    def set_bodies_hidden(self, hidden: bool) -> None:
        """Streamer mode: paint no notification's body."""
        self.delegate.hide_bodies = hidden
        self.list.viewport().update()

    def _update_empty(self, *_: object) -> None:
        has_rows = self._model.rowCount() > 0
        self.list.setVisible(has_rows)
        self.empty.setVisible(not has_rows)

    def _on_unread_changed(self, count: int) -> None:
        self.unread_label.setText(self.tr("%n unread", "", count) if count else "")
        self.mark_all.setEnabled(count > 0)

    def _on_list_clicked(self, index: QModelIndex) -> None:
        self._model.mark_read(index.row())
        self.activated.emit(index.data(NOTIFICATION_ROLE))
