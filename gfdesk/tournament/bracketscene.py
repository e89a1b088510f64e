"""The bracket as a QGraphicsScene: one item per match card, column headers, connectors.

``BracketScene`` builds its items from the model's layout once per structure
(``rebuilt``) and once per language (``retranslate``, called by its view); a changed
match (``match_changed``) refreshes that one card, which repaints only its own
rectangle. Cards cache their painting in device coordinates, so
panning a 256-player double elimination moves pixmaps instead of repainting text.
Names are remote text: painted with ``drawText`` (never interpreted as markup).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from gfdesk.kit import themecolors
from gfdesk.kit.avatar import AvatarCache
from gfdesk.kit.fonts import font_at
from gfdesk.kit.themecolors import color as theme_color
from gfdesk.tournament.bracketmodel import BracketModel
from gfdesk.tournament.cards import Card, Line, LineState
from gfdesk.tournament.layout import CARD_H, CARD_W

BACKGROUND = "bg_secondary"
CARD = "bracket_card"
CARD_BORDER = "border_dark"
SCORE_BOX = "bracket_score"
WINNER_BOX = "accent_fill"
TEXT = "text_strong"
DIM = "text_muted"
HINT = "text_muted"
LIVE = "danger"
MINE = "warning"
SELECTED = "selected_ring"
CONNECTOR = "bracket_connector"
HEADER = "text_soft"
AVATAR = 18
SCORE_W = 30
#: The live pill's least width and its text's side padding (both sides together).
PILL_W, PILL_PAD = 38.0, 12.0
#: Z order: connectors under cards.
CONNECTOR_Z, CARD_Z = 0, 1


class CardFonts(NamedTuple):
    """The fonts of a card, made once per scene."""

    name: QFont
    bold: QFont
    small: QFont
    pill: QFont


class MatchCardItem(QGraphicsItem):
    """One match card; ``set_card`` changes what it shows and repaints it."""

    def __init__(self, card: Card, avatars: AvatarCache, fonts: CardFonts) -> None:
        super().__init__()
        self.card = card
        self.selected = False
        self._avatars = avatars
        self._fonts = fonts
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(CARD_Z)
        self.setToolTip(card.title)
        # Clicks and drags belong to the view (a drag pans from anywhere, a click
        # selects the card under it).
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        #: How often this card painted itself (tests and the benchmark count repaints).
        self.paints = 0

    def boundingRect(self) -> QRectF:
        return QRectF(-2, -10, CARD_W + 4, CARD_H + 12)

    def set_card(self, card: Card) -> None:
        if card != self.card:
            self.card = card
            self.update()

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        self.paints += 1
        card = self.card
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(0, 0, CARD_W, CARD_H)
        border = theme_color(SELECTED if self.selected else LIVE if card.live else CARD_BORDER)
        painter.setPen(QPen(border, 2 if (self.selected or card.live) else 1))
        painter.setBrush(theme_color(CARD))
        painter.drawRoundedRect(rect, 6, 6)
        if card.mine:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme_color(MINE))
            painter.drawRoundedRect(QRectF(0, 0, 4, CARD_H), 2, 2)
        half = CARD_H / 2
        painter.setPen(QPen(theme_color(CARD_BORDER), 1))
        painter.drawLine(QPointF(8, half), QPointF(CARD_W - 1, half))
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        self._line(painter, card.top, 0.0, card, ratio)
        self._line(painter, card.bottom, half, card, ratio)
        if card.live:
            self._live_pill(painter)

    def _line(self, painter: QPainter, line: Line, top: float, card: Card,
              ratio: float) -> None:
        fonts = self._fonts
        half = CARD_H / 2
        box = QRectF(CARD_W - SCORE_W, top + 1, SCORE_W - 1, half - 2)
        won = line.state is LineState.WINNER
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme_color(WINNER_BOX if won and line.score else SCORE_BOX))
        painter.drawRect(box)
        if line.state in (LineState.WAITING, LineState.BYE):
            painter.setFont(fonts.small)
            painter.setPen(theme_color(HINT))
            painter.drawText(QRectF(12, top, CARD_W - SCORE_W - 16, half),
                             int(Qt.AlignmentFlag.AlignVCenter), line.hint)
            return
        avatar = self._avatars.get(line.name, AVATAR, ratio)
        painter.drawPixmap(QPointF(10, top + (half - AVATAR) / 2), avatar)
        painter.setFont(fonts.small)
        painter.setPen(theme_color(DIM))
        painter.drawText(QRectF(32, top, 20, half), int(Qt.AlignmentFlag.AlignVCenter),
                         "" if line.seed is None else str(line.seed))
        painter.setFont(fonts.bold if won else fonts.name)
        painter.setPen(theme_color(TEXT if line.state is not LineState.LOSER else DIM))
        width = CARD_W - SCORE_W - 58
        shown = painter.fontMetrics().elidedText(line.name, Qt.TextElideMode.ElideRight,
                                                 int(width))
        painter.drawText(QRectF(52, top, width, half), int(Qt.AlignmentFlag.AlignVCenter),
                         shown)
        painter.setPen(theme_color(LIVE if card.live_score else TEXT if won else DIM))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), line.score)

    def _live_pill(self, painter: QPainter) -> None:
        text = QCoreApplication.translate("BracketScene", "LIVE")
        painter.setFont(self._fonts.pill)
        # At least the English pill's width; a longer word ("AO VIVO") widens it leftwards.
        width = max(PILL_W, painter.fontMetrics().horizontalAdvance(text) + PILL_PAD)
        pill = QRectF(CARD_W - 6 - width, -9, width, 14)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme_color(LIVE))
        painter.drawRoundedRect(pill, 7, 7)
        painter.setPen(theme_color("text_on_fill"))
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), text)


class BracketScene(QGraphicsScene):
    """The bracket of a ``BracketModel``, kept in step with it."""

    def __init__(self, model: BracketModel, base_font: QFont, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.model = model
        self.setBackgroundBrush(QBrush(theme_color(BACKGROUND)))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self._avatars = AvatarCache()
        self._fonts = CardFonts(font_at(base_font, 13), font_at(base_font, 13, bold=True),
                                font_at(base_font, 11), font_at(base_font, 9, bold=True))
        self.cards: dict[str, MatchCardItem] = {}
        model.rebuilt.connect(self.rebuild)
        # Cards paint with the current colours; the background, headings and
        # connectors are items made at build time, so a theme change rebuilds them.
        themecolors.notifier().changed.connect(self._on_theme_changed)
        model.match_changed.connect(self.refresh)
        model.selection_changed.connect(self._on_selection_changed)
        self.rebuild()

    def rebuild(self) -> None:
        """Lay every card out again (a new structure)."""
        self.clear()
        self.cards = {}
        placed = self.model.layout()
        if placed is None:
            self.setSceneRect(QRectF(0, 0, 1, 1))
            return
        header_font = font_at(self._fonts.name, 12, bold=True)
        for header in placed.headers:
            text = QGraphicsSimpleTextItem(header.title)
            text.setFont(header_font)
            text.setBrush(theme_color(HEADER))
            text.setPos(header.x + 2, header.y + 10)
            self.addItem(text)
        pen = QPen(theme_color(CONNECTOR), 2)
        for connector in placed.connectors:
            path = QPainterPath(QPointF(*connector.points[0]))
            for point in connector.points[1:]:
                path.lineTo(QPointF(*point))
            line = QGraphicsPathItem(path)
            line.setPen(pen)
            line.setZValue(CONNECTOR_Z)
            self.addItem(line)
        for match_id, box in placed.cards.items():
            content = self.model.card(match_id)
            if content is None:
                continue
            item = MatchCardItem(content, self._avatars, self._fonts)
            item.setPos(box.x, box.y)
            item.set_selected(match_id == self.model.selected)
            self.addItem(item)
            self.cards[match_id] = item
        self.setSceneRect(QRectF(0, 0, placed.width, placed.height))

    def retranslate(self) -> None:
        """The language changed: headers, card titles, hints and pills in the new one
        (the items are made again, as for a new structure; the picture does not move)."""
        self.model.reword()
        self.rebuild()

    def _on_theme_changed(self, _name: str) -> None:
        self.setBackgroundBrush(QBrush(theme_color(BACKGROUND)))
        self.rebuild()

    def refresh(self, match_id: str) -> None:
        """One match changed: its card (only) shows it."""
        item = self.cards.get(match_id)
        content = self.model.card(match_id)
        if item is not None and content is not None:
            item.set_card(content)

    def _on_selection_changed(self, match_id: str) -> None:
        for card_id, item in self.cards.items():
            item.set_selected(card_id == match_id)

    def card_at(self, point: QPointF) -> str | None:
        """The match whose card is at ``point`` (scene coordinates)."""
        for item in self.items(point):
            if isinstance(item, MatchCardItem):
                return item.card.match_id
        return None
