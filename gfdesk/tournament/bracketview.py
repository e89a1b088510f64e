"""The bracket on screen: a QGraphicsView with zoom, pan and fit.

The wheel and ``+``/``-`` zoom (around the pointer), a drag pans from anywhere,
``0`` (or ``F``) fits the whole bracket, and until the user zooms the view keeps the
bracket fitted when it is rebuilt or resized. A click (a press and release without a
drag) on a card selects its match; so do the arrow keys from the keyboard (Down and
Right to the next card, Up and Left to the previous one, in reading order: round by
round, top to bottom; Home and End to the first and last), which keeps the bracket and
its host console usable without a mouse. The selected match is the view's accessible
description, so a screen reader says which match it is on.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from gfdesk.kit.retranslate import Retranslating
from gfdesk.kit.roles import give_role
from gfdesk.tournament.bracketscene import BracketScene
from gfdesk.tournament.cards import Card, Line

#: Zoom limits (scene units per pixel: 1 is the cards' own size).
MIN_ZOOM = 0.04
MAX_ZOOM = 3.0
#: Zoom factor per wheel notch and per key press.
STEP = 1.18
_NEXT_KEYS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1}


def spoken_card(card: Card) -> str:
    """A match card as a sentence: "Winners round 1: Nova 2, Pixel 1 (live)"."""
    def line(part: Line) -> str:
        who = part.name or part.hint or "?"
        return f"{who} {part.score}".strip()

    text = f"{card.title}: {line(card.top)}, {line(card.bottom)}"
    if not card.live:
        return text
    return QCoreApplication.translate("BracketView", "{match} (live)").format(match=text)
#: The first look at a large bracket is not shrunk below this (it starts at the top
#: left, readable, instead of a whole picture too small to read); ``fit`` goes further.
FIRST_LOOK_ZOOM = 0.55
#: A press and release this close (pixels) is a click, not a drag.
CLICK_SLOP = 5


class BracketView(Retranslating, QGraphicsView):
    """Shows a ``BracketScene``.

    Signals:
        match_clicked(str): the user clicked the card of this match.
    """

    match_clicked = Signal(str)

    def __init__(self, scene: BracketScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("bracketView")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._word()
        give_role(BracketView, QAccessible.Role.Canvas)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._scene = scene
        self._auto_fit = True
        self._whole = False
        self._pressed_at: QPoint | None = None
        scene.model.rebuilt.connect(self._on_rebuilt)
        scene.model.selection_changed.connect(self._describe_selection)

    def _word(self) -> None:
        self.setAccessibleName(self.tr("Bracket"))

    def _retranslate(self) -> None:
        # The scene is no widget: it hears of the switch from here.
        self._word()
        self._scene.retranslate()
        self._describe_selection(self._scene.model.selected)

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        """Show the whole bracket (and keep it fitted until the user zooms)."""
        self._auto_fit = True
        self._whole = True
        self._fit()

    def _fit(self) -> None:
        rect = self._scene.sceneRect()
        if rect.width() <= 1 or self.viewport().width() <= 1:
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        floor = MIN_ZOOM if self._whole else FIRST_LOOK_ZOOM
        scale = min(max(self.zoom, floor), 1.0)  # never larger than life
        self.resetTransform()
        self.scale(scale, scale)
        self.ensureVisible(QRectF(rect.left(), rect.top(), 1, 1), 0, 0)

    def zoom_by(self, factor: float) -> None:
        """Zoom in (factor > 1) or out, within the limits."""
        self._auto_fit = False
        self._whole = False
        target = min(max(self.zoom * factor, MIN_ZOOM), MAX_ZOOM)
        if target != self.zoom:
            self.scale(target / self.zoom, target / self.zoom)

    def center_on_match(self, match_id: str) -> None:
        item = self._scene.cards.get(match_id)
        if item is not None:
            self.centerOn(item)

    def card_order(self) -> list[str]:
        """The matches in keyboard order: round by round (left to right), top to bottom."""
        cards = self._scene.cards
        return sorted(cards, key=lambda m: (round(cards[m].x()), round(cards[m].y())))

    def _select_by_key(self, key: Qt.Key) -> None:
        order = self.card_order()
        if not order:
            return
        current = self._scene.model.selected
        if key == Qt.Key.Key_Home:
            target = order[0]
        elif key == Qt.Key.Key_End:
            target = order[-1]
        elif current not in order:
            target = order[0] if _NEXT_KEYS[key] > 0 else order[-1]
        else:
            index = order.index(current) + _NEXT_KEYS[key]
            target = order[min(max(index, 0), len(order) - 1)]
        self.match_clicked.emit(target)
        self.center_on_match(target)

    def _describe_selection(self, match_id: str) -> None:
        card = self._scene.model.card(match_id) if match_id else None
        self.setAccessibleDescription(spoken_card(card) if card is not None else "")

    def _on_rebuilt(self) -> None:
        if self._auto_fit:
            self._fit()

    # -- input ----------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        notches = event.angleDelta().y() / 120
        if notches:
            self.zoom_by(STEP ** notches)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(1 / STEP)
        elif key in (Qt.Key.Key_0, Qt.Key.Key_F):
            self.fit()
        elif key in _NEXT_KEYS or key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self._select_by_key(Qt.Key(key))
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() is Qt.MouseButton.LeftButton:
            self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pressed, self._pressed_at = self._pressed_at, None
        super().mouseReleaseEvent(event)
        if pressed is None or event.button() is not Qt.MouseButton.LeftButton:
            return
        event.accept()  # the end of our own click or pan
        moved = event.position().toPoint() - pressed
        if moved.manhattanLength() <= CLICK_SLOP:
            match_id = self._scene.card_at(self.mapToScene(event.position().toPoint()))
            if match_id is not None:
                self.match_clicked.emit(match_id)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._auto_fit:
            self._fit()
