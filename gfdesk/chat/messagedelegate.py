"""Painting chat messages: headers, day separators, plain-text bodies with clickable links.

Bodies are remote text. Each is laid out in a ``QTextDocument`` filled with
``setPlainText`` (never HTML), and only the spans ``links.find_links`` found get a link
format; nothing in the text can turn into markup, an image or a script. Words longer
than the line wrap anywhere. Laid-out documents and row heights are cached per message
and width, so scrolling and live bursts do not lay text out again.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from gfdesk.chat.links import LinkSpan, find_links, link_at
from gfdesk.chat.messagemodel import (
    DAY_START_ROLE,
    GROUP_START_ROLE,
    MESSAGE_ROLE,
    MessageListModel,
)
from gfdesk.chat.messages import ChatMessage, SendState, day_label, time_label
from gfdesk.i18nmark import QT_TRANSLATE_NOOP
from gfdesk.kit import themecolors
from gfdesk.kit.avatar import AvatarCache, color_for
from gfdesk.kit.avatarstore import AvatarStore
from gfdesk.kit.emoji import GlyphCheck, HasGlyph, apply_to_document
from gfdesk.kit.palettes import AA_TEXT
from gfdesk.kit.themecolors import color as theme_color

AVATAR = 40
LEFT = 16
TEXT_X = LEFT + AVATAR + 16
RIGHT = 24
DAY_HEIGHT = 40
GROUP_TOP = 14
NAME_GAP = 2
ROW_PAD = 2
STATUS_GAP = 2
CACHE_SIZE = 4000
HEIGHT_CACHE_SIZE = 200_000

TEXT = "text"
MUTED = "text_muted"
NAME = "text_strong"
LINK = "link"
DANGER = "danger_text"
HOVER = "row_hover"
RULE = "border"

Index = QModelIndex | QPersistentModelIndex
NameOf = Callable[[str], str]
UrlOf = Callable[[str], "str | None"]
DELETED_TEXT = QT_TRANSLATE_NOOP("messagedelegate", "message deleted")
EDITED_MARK = QT_TRANSLATE_NOOP("messagedelegate", " (edited)")


def fitted(metrics: QFontMetricsF, text: str, available: int) -> tuple[str, int]:
    """``text`` as it fits in ``available`` pixels, and the width it takes.

    Measured in fractional pixels, rounded up: the whole-pixel advance rounds down
    as often as up, and eliding to it cut "ViperVex" to "ViperV…" with room to spare.
    """
    width = math.ceil(metrics.horizontalAdvance(text))
    if width <= available:
        return text, width
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, available), available



def _sender_color(name: str) -> QColor:
    """A sender's identity colour, lifted on a dark theme and deepened on a light one
    just enough for 4.5:1 on the message list."""
    return themecolors.readable(color_for(name), "bg_primary", AA_TEXT)

class _Body:
    """A laid-out message body and its links."""

    def __init__(self, message: ChatMessage, width: int, font: QFont,
                 has_glyph: HasGlyph) -> None:
        #: What was laid out (compared on each use: copying it back out of ``doc`` is
        #: not free): the body, and whether it was edited or deleted.
        self.text = message.body
        self.version = (message.edited_at, message.deleted_at)
        self.doc = QTextDocument()
        self.doc.setDocumentMargin(0)
        self.doc.setDefaultFont(font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.doc.setDefaultTextOption(option)
        if message.deleted:
            self.doc.setPlainText(QCoreApplication.translate("messagedelegate", DELETED_TEXT))
            self.links: list[LinkSpan] = []
            cursor = QTextCursor(self.doc)
            cursor.select(QTextCursor.SelectionType.Document)
            fmt = QTextCharFormat()
            fmt.setFontItalic(True)
            fmt.setForeground(theme_color(MUTED))
            cursor.mergeCharFormat(fmt)
            self.doc.setTextWidth(max(40, width))
            self.height = int(self.doc.size().height() + 0.999)
            return
        self.doc.setPlainText(message.body)
        self.links = find_links(message.body)
        for span in self.links:
            cursor = QTextCursor(self.doc)
            cursor.setPosition(span.start)
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setForeground(theme_color(LINK))
            fmt.setFontUnderline(True)
            fmt.setAnchor(True)
            fmt.setAnchorHref(span.url)
            cursor.mergeCharFormat(fmt)
        # After the links (found in the body as sent): emoji no font can draw read as
        # their names instead of empty boxes.
        apply_to_document(self.doc, has_glyph)
        if message.edited_at is not None:
            # Appended after the links were found: the mark is never part of a link.
            cursor = QTextCursor(self.doc)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            mark = QTextCharFormat()
            mark.setForeground(theme_color(MUTED))
            cursor.insertText(QCoreApplication.translate("messagedelegate", EDITED_MARK), mark)
        self.doc.setTextWidth(max(40, width))
        self.height = int(self.doc.size().height() + 0.999)


class MessageDelegate(QStyledItemDelegate):
    """Paints one message row.

    Args:
        name_of: the display name of a user id.
        me: our user id (our messages show their send state).
        tz: the local time zone.
        parent: the owner.
    """

    def __init__(self, name_of: NameOf, me: str, tz: dt.tzinfo,
                 parent: QWidget | None = None, *, avatars: AvatarStore | None = None,
                 avatar_url_of: UrlOf | None = None) -> None:
        super().__init__(parent)
        self._initials = AvatarCache()
        self._avatars = avatars
        self._avatar_url_of = avatar_url_of
        self._name_of = name_of
        self._me = me
        self._tz = tz
        self._bodies: OrderedDict[tuple[str, int], _Body] = OrderedDict()
        # Heights are tiny and asked for on every relayout of every row: keep far more.
        self._heights: dict[tuple[Any, ...], int] = {}
        self._font = QFont()
        self._font.setPixelSize(15)
        self._name_font = QFont(self._font)
        self._name_font.setPixelSize(15)
        self._name_font.setWeight(QFont.Weight.DemiBold)
        self._small = QFont(self._font)
        self._small.setPixelSize(12)
        self._tiny = QFont(self._font)
        self._tiny.setPixelSize(11)
        self._day_font = QFont(self._small)
        self._day_font.setWeight(QFont.Weight.DemiBold)
        self._measure()
        #: The viewport width rows are laid out for (the view keeps it current).
        self.width = 0
        # Cached bodies carry their link and mark colours: a new theme lays them out anew.
        themecolors.notifier().changed.connect(self._on_theme_changed)

    def _on_theme_changed(self, _name: str) -> None:
        self._bodies.clear()

    def _measure(self) -> None:
        # Metrics of the fonts, made once per font change rather than on every paint.
        self._body_metrics = QFontMetrics(self._font)
        self._glyphs = GlyphCheck(self._font)
        self._name_metrics = QFontMetrics(self._name_font)
        self.name_metrics = QFontMetricsF(self._name_font)
        """The sender name's metrics, fractional (see ``fitted``)."""
        self._small_metrics = QFontMetrics(self._small)
        self._day_metrics = QFontMetrics(self._day_font)

    def set_fonts_from(self, font: QFont) -> None:
        """Use the family of ``font`` (the theme's) at the chat's sizes."""
        for f in (self._font, self._name_font, self._small, self._tiny, self._day_font):
            f.setFamilies(font.families())
        self._measure()
        self._bodies.clear()
        self._heights.clear()

    # -- geometry ---------------------------------------------------------------------

    def _body(self, message: ChatMessage, width: int) -> _Body:
        key = (message.id, width)
        body = self._bodies.get(key)
        if body is None or body.text != message.body \
                or body.version != (message.edited_at, message.deleted_at):
            body = _Body(message, width, self._font, self._glyphs)
            self._bodies[key] = body
            if len(self._bodies) > CACHE_SIZE:
                self._bodies.popitem(last=False)
        else:
            self._bodies.move_to_end(key)
        return body

    @staticmethod
    def _row(index: Index) -> tuple[ChatMessage, bool, bool]:
        model = index.model()
        if isinstance(model, MessageListModel):
            return model.row_info(index.row())
        return (index.data(MESSAGE_ROLE), bool(index.data(DAY_START_ROLE)),
                bool(index.data(GROUP_START_ROLE)))

    def _layout(self, rect: QRect, index: Index) -> tuple[ChatMessage, bool, bool, QRect, _Body]:
        message, day, group = self._row(index)
        width = max(40, rect.width() - TEXT_X - RIGHT)
        body = self._body(message, width)
        top = rect.top() + (DAY_HEIGHT if day else 0) + (GROUP_TOP if group else ROW_PAD)
        if group:
            top += self._name_metrics.height() + NAME_GAP
        return message, day, group, QRect(rect.left() + TEXT_X, top, width, body.height), body

    def _status_text(self, message: ChatMessage) -> str:
        if message.sender_id != self._me:
            return ""
        if message.state is SendState.SENDING:
            return self.tr("Sending...")
        if message.state is SendState.FAILED:
            if message.error:
                return self.tr("Failed to send ({reason}). Click to retry.").format(
                    reason=message.error)
            return self.tr("Failed to send. Click to retry.")
        return ""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self.width or option.rect.width() or 600
        message, day, group = self._row(index)
        key = (message.id, message.state, len(message.body), width, day, group,
               message.edited_at, message.deleted_at)
        height = self._heights.get(key)
        if height is None:
            height = self._height(width, index)
            if len(self._heights) > HEIGHT_CACHE_SIZE:
                self._heights.clear()
            self._heights[key] = height
        return QSize(width, height)

    def _height(self, width: int, index: Index) -> int:
        rect = QRect(0, 0, width, 0)
        message, _day, _group, body_rect, _body = self._layout(rect, index)
        height = body_rect.bottom() + 1 + ROW_PAD
        if self._status_text(message):
            height += self._small_metrics.height() + STATUS_GAP
        return height

    # -- painting ---------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        message, day, group, body_rect, body = self._layout(option.rect, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        rect = option.rect
        row_top = rect.top() + (DAY_HEIGHT if day else 0)
        if option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(QRect(rect.left(), row_top, rect.width(), rect.bottom() - row_top),
                             theme_color(HOVER))
        if day:
            self._paint_day(painter, QRect(rect.left(), rect.top(), rect.width(), DAY_HEIGHT),
                            message)
        if group:
            self._paint_header(painter, rect, row_top + GROUP_TOP, message)
        elif option.state & QStyle.StateFlag.State_MouseOver:
            # A continuation row shows its time in the avatar's column while hovered.
            painter.setFont(self._tiny)
            painter.setPen(theme_color(MUTED))
            painter.drawText(QRect(rect.left(), body_rect.top(), TEXT_X - 8,
                                   self._body_metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             time_label(message.created_at, self._tz))
        self._paint_body(painter, body_rect, body, message)
        status = self._status_text(message)
        if status:
            painter.setFont(self._small)
            painter.setPen(theme_color(DANGER if message.state is SendState.FAILED else MUTED))
            painter.drawText(QRect(body_rect.left(), body_rect.bottom() + 1 + STATUS_GAP,
                                   body_rect.width(), self._small_metrics.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, status)
        painter.restore()

    def _paint_day(self, painter: QPainter, rect: QRect, message: ChatMessage) -> None:
        today = dt.datetime.now(self._tz).date()  # read each time: the app runs past midnight
        label = day_label(message.created_at.astimezone(self._tz).date(), today)
        painter.setFont(self._day_font)
        metrics = self._day_metrics
        text_w = metrics.horizontalAdvance(label) + 16
        mid_y = rect.center().y() + 4
        painter.setPen(theme_color(RULE))
        left, right = rect.left() + LEFT, rect.right() - RIGHT
        cx = (left + right) // 2
        painter.drawLine(left, mid_y, cx - text_w // 2, mid_y)
        painter.drawLine(cx + text_w // 2, mid_y, right, mid_y)
        painter.setPen(theme_color(MUTED))
        painter.drawText(QRect(cx - text_w // 2, mid_y - 10, text_w, 20),
                         Qt.AlignmentFlag.AlignCenter, label)

    def _paint_header(self, painter: QPainter, rect: QRect, top: int,
                      message: ChatMessage) -> None:
        name = self._name_of(message.sender_id)
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        url = self._avatar_url_of(message.sender_id) if self._avatar_url_of else None
        picture = (self._avatars.pixmap(name, url, AVATAR, ratio) if self._avatars is not None
                   else self._initials.get(name, AVATAR, ratio))
        painter.drawPixmap(rect.left() + LEFT, top, picture)
        painter.setFont(self._name_font)
        metrics = self._name_metrics
        painter.setPen(_sender_color(name) if message.sender_id != self._me
                       else theme_color(NAME))
        shown, name_w = fitted(self.name_metrics, name,
                               max(20, rect.width() - TEXT_X - RIGHT - 60))
        painter.drawText(QRect(rect.left() + TEXT_X, top, name_w, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        painter.setFont(self._small)
        painter.setPen(theme_color(MUTED))
        stamp = time_label(message.created_at, self._tz)
        painter.drawText(QRect(rect.left() + TEXT_X + name_w + 8, top, 80, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, stamp)

    def _paint_body(self, painter: QPainter, rect: QRect, body: _Body,
                    message: ChatMessage) -> None:
        painter.save()
        painter.translate(QPointF(rect.topLeft()))
        context = QAbstractTextDocumentLayout.PaintContext()
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Text,
                         theme_color(MUTED if message.state is SendState.SENDING else TEXT))
        context.palette = palette
        context.clip = QRectF(0, 0, rect.width(), rect.height())
        body.doc.documentLayout().draw(painter, context)
        painter.restore()

    # -- hit testing --------------------------------------------------------------------

    def link_at(self, rect: QRect, index: Index, pos: QPointF) -> str | None:
        """The URL under ``pos`` (view coordinates) in the row drawn in ``rect``."""
        _message, _day, _group, body_rect, body = self._layout(rect, index)
        if not QRectF(body_rect).contains(pos):
            return None
        local = pos - QPointF(body_rect.topLeft())
        position = body.doc.documentLayout().hitTest(local, Qt.HitTestAccuracy.ExactHit)
        if position < 0:
            return None
        span = link_at(body.links, position)
        return span.url if span is not None else None

    def is_failed(self, index: Index) -> bool:
        message = self._row(index)[0]
        return message.sender_id == self._me and message.state is SendState.FAILED
