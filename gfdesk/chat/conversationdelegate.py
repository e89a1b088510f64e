"""Painting the conversation list: avatar with presence dot, title, preview, time, unread badge.

Titles and previews are remote text; they are painted as text (elided), never parsed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from gfdesk.chat.conversations import ConversationKind, ConversationSummary
from gfdesk.chat.listmodel import STATUS_ROLE, SUMMARY_ROLE
from gfdesk.chat.messages import short_when
from gfdesk.kit import themecolors
from gfdesk.kit.avatar import AvatarCache
from gfdesk.kit.avatarstore import AvatarStore
from gfdesk.kit.badge import badge_text
from gfdesk.kit.emoji import GlyphCheck, with_fallback
from gfdesk.kit.themecolors import color as theme_color
from gfdesk.userstatus import StatusInfo

ROW_HEIGHT = 62
AVATAR = 40
PAD = 10
DOT = 14

TITLE = "text_strong"
TITLE_READ = "text_soft"
MUTED = "text_muted"
SELECTED = "overlay_selected"
HOVER = "overlay_hover_soft"
BADGE = "badge"
RING = "bg_secondary"

Index = QModelIndex | QPersistentModelIndex
#: A preview is cut here before painting (far more than one row can show).
PREVIEW_CHARS = 300


class ConversationDelegate(QStyledItemDelegate):
    """Paints one conversation row.

    Args:
        tz: the local time zone.
        now: the current time (tests pin it).
        parent: the owner.
        avatars: pictures (None: initials).
        avatar_url_of: a user's picture URL (a direct conversation shows the other's).
    """

    def __init__(self, tz: dt.tzinfo, now: Callable[[], dt.datetime] | None = None,
                 parent: QWidget | None = None, *, avatars: AvatarStore | None = None,
                 avatar_url_of: Callable[[str], str | None] | None = None) -> None:
        super().__init__(parent)
        self._initials = AvatarCache()
        self._avatars = avatars
        self._avatar_url_of = avatar_url_of
        self._tz = tz
        self._now = now or (lambda: dt.datetime.now(dt.UTC))
        self.hide_previews = False
        """Streamer mode: no last-message preview."""
        self._title = QFont()
        self._title.setPixelSize(15)
        self._title.setWeight(QFont.Weight.DemiBold)
        self._small = QFont()
        self._small.setPixelSize(13)
        self._badge = QFont()
        self._badge.setPixelSize(11)
        self._badge.setWeight(QFont.Weight.Bold)
        # The fonts never change: their metrics are made once, not on every paint.
        self._title_metrics = QFontMetrics(self._title)
        self._small_metrics = QFontMetrics(self._small)
        self._badge_metrics = QFontMetrics(self._badge)
        # Emoji no font can draw are painted as their names, not as empty boxes.
        self._title_glyphs = GlyphCheck(self._title)
        self._small_glyphs = GlyphCheck(self._small)

    def preview_text(self, summary: ConversationSummary) -> str:
        """The second line as painted (hidden in streamer mode)."""
        if self.hide_previews and summary.last_message:
            return self.tr("Hidden in streamer mode")
        return summary.preview()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        summary: ConversationSummary = index.data(SUMMARY_ROLE)
        status: StatusInfo | None = index.data(STATUS_ROLE)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(8, 2, -8, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        # The plain muted grey is too faint on the selection tint.
        muted = TITLE_READ if selected else MUTED
        if selected:
            self._round(painter, rect, theme_color(SELECTED))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            self._round(painter, rect, theme_color(HOVER))
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        ax, ay = rect.left() + PAD, rect.center().y() - AVATAR // 2
        url = (self._avatar_url_of(summary.other_id)
               if self._avatar_url_of is not None and summary.other_id else None)
        picture = (self._avatars.pixmap(summary.title, url, AVATAR, ratio)
                   if self._avatars is not None
                   else self._initials.get(summary.title, AVATAR, ratio))
        painter.drawPixmap(ax, ay, picture)
        if summary.kind is ConversationKind.DIRECT and status is not None:
            dot = QRectF(ax + AVATAR - DOT + 2, ay + AVATAR - DOT + 2, DOT, DOT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme_color(RING))
            painter.drawEllipse(dot)
            painter.setBrush(themecolors.readable(status.status.color, "bg_secondary"))
            painter.drawEllipse(dot.adjusted(3, 3, -3, -3))
        x = ax + AVATAR + 12
        right = rect.right() - PAD
        when = short_when(summary.activity, self._now(), self._tz) if summary.last_message else ""
        small = self._small_metrics
        when_w = small.horizontalAdvance(when)
        title_metrics = self._title_metrics
        top = rect.center().y() - (title_metrics.height() + small.height() + 2) // 2
        painter.setFont(self._title)
        painter.setPen(theme_color(TITLE if summary.unread else TITLE_READ))
        title_w = right - x - when_w - 8
        painter.drawText(QRect(x, top, title_w, title_metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         title_metrics.elidedText(with_fallback(summary.title,
                                                                self._title_glyphs),
                                                  Qt.TextElideMode.ElideRight, title_w))
        painter.setFont(self._small)
        painter.setPen(theme_color(muted))
        painter.drawText(QRect(right - when_w, top, when_w, title_metrics.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, when)
        badge_w = 0
        line_top = top + title_metrics.height() + 2
        if summary.unread:
            badge_w = self._paint_badge(painter, right, line_top, small.height(), summary.unread)
        preview_w = right - x - (badge_w + 8 if badge_w else 0)
        painter.setFont(self._small)
        painter.setPen(theme_color(TITLE_READ if summary.unread else muted))
        painter.drawText(QRect(x, line_top, preview_w, small.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         small.elidedText(
                             # More than a row shows: elided below anyway.
                             with_fallback(self.preview_text(summary)[:PREVIEW_CHARS],
                                           self._small_glyphs),
                             Qt.TextElideMode.ElideRight, preview_w))
        painter.restore()

    @staticmethod
    def _round(painter: QPainter, rect: QRect, color: QColor) -> None:
        path = QPainterPath()
        path.addRoundedRect(QRectF(rect), 6, 6)
        painter.fillPath(path, color)

    def _paint_badge(self, painter: QPainter, right: int, top: int, height: int,
                     count: int) -> int:
        text = badge_text(count)
        painter.setFont(self._badge)
        metrics = self._badge_metrics
        h = max(16, height)
        w = max(h, metrics.horizontalAdvance(text) + 10)
        badge = QRectF(right - w, top + (height - h) / 2, w, h)
        path = QPainterPath()
        path.addRoundedRect(badge, h / 2, h / 2)
        painter.fillPath(path, theme_color(BADGE))
        painter.setPen(theme_color("text_on_fill"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        return int(w)
