"""A visible keyboard focus ring drawn over any widget, without stylesheet rules.

The dark stylesheet leaves focus after Tab nearly invisible, and a QSS ``:focus`` rule
would have to be written for every widget class (and fights each class's own border).
``FocusRing`` instead follows ``QApplication.focusChanged`` and draws a rounded outline
in an overlay child of the focused widget's window, kept on top of its siblings and
moved with the widget (its own moves and resizes, and its ancestors', e.g. a scroll
area scrolling it).

Like the web's ``:focus-visible``, the ring shows for focus that came from the
keyboard (Tab, a shortcut, a window activated) and not for a mouse click: focus that
moves while a mouse button is down is a click's.

Imports only Qt (a kit module).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QWidget

from gfdesk.kit import themecolors

#: The ring's colour: a theme token (the accent, lightened on dark, deepened on light).
RING_TOKEN = "focus_ring"
#: The ring's stroke, in pixels.
RING_WIDTH = 2
#: How far the ring sits outside the widget's edge, in pixels.
RING_OFFSET = 2
RING_RADIUS = 5.0
#: Events of the focused widget or an ancestor that may move it in its window.
_TRACKED = frozenset({QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
                      QEvent.Type.Hide, QEvent.Type.ParentChange})


class _RingOverlay(QWidget):
    """The outline itself: a transparent child of a window that never takes input."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Not a control: screen readers skip it.
        self.setAccessibleName("")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(themecolors.color(RING_TOKEN), RING_WIDTH)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = RING_WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half),
                                RING_RADIUS, RING_RADIUS)
        painter.end()


class FocusRing(QObject):
    """Draws the focus ring around whatever widget of ``app`` has keyboard focus.

    Args:
        app: the application whose focus it follows.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focusRing")
        self._overlay: _RingOverlay | None = None
        self._target: QWidget | None = None
        self._watched: list[QWidget] = []
        app.focusChanged.connect(self._on_focus_changed)

    def target(self) -> QWidget | None:
        """The widget the ring is drawn around (None: the ring is hidden)."""
        if self._target is not None and not shiboken6.isValid(self._target):
            self._target = None
        return self._target

    def overlay(self) -> QWidget | None:
        """The ring widget (None until the first keyboard focus)."""
        return self._live_overlay()

    def _live_overlay(self) -> _RingOverlay | None:
        # The overlay dies with the window it was last in.
        if self._overlay is not None and not shiboken6.isValid(self._overlay):
            self._overlay = None
        return self._overlay

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._unwatch()
        by_mouse = QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton
        if new is None or by_mouse or not self._ringable(new):
            self._target = None
            self._hide()
            return
        self._target = new
        widget: QWidget | None = new
        while widget is not None and not widget.isWindow():
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        self._sync()

    @staticmethod
    def _ringable(widget: QWidget) -> bool:
        # A window (or a popup list) is its own frame; the ring belongs inside windows.
        if widget.isWindow():
            return False
        kind = widget.window().windowType()
        return kind not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)

    def _unwatch(self) -> None:
        for widget in self._watched:
            if shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        self._watched = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _TRACKED:
            self._sync()
        return False

    def _sync(self) -> None:
        target = self.target()
        if target is None or not target.isVisible():
            self._hide()
            return
        window = target.window()
        visible = target.visibleRegion().boundingRect()
        if visible.isEmpty():
            self._hide()
            return
        top_left = target.mapTo(window, visible.topLeft())
        around = QRect(top_left, visible.size()).adjusted(
            -RING_OFFSET - RING_WIDTH, -RING_OFFSET - RING_WIDTH,
            RING_OFFSET + RING_WIDTH, RING_OFFSET + RING_WIDTH)
        overlay = self._overlay_in(window)
        overlay.setGeometry(around.intersected(QRect(QPoint(0, 0), window.size())))
        overlay.raise_()
        overlay.show()
        overlay.update()

    def _overlay_in(self, window: QWidget) -> _RingOverlay:
        overlay = self._live_overlay()
        if overlay is None:
            overlay = self._overlay = _RingOverlay(window)
        elif overlay.parentWidget() is not window:
            overlay.hide()
            overlay.setParent(window)
        return overlay

    def _hide(self) -> None:
        overlay = self.overlay()
        if overlay is not None:
            overlay.hide()
