"""The pieces of a call's picture: the draggable self-view, the avatar shown when the
other side's camera is off, and the pop-out window a streamer captures in OBS.

The other side's picture is a ``QVideoWidget`` fed by the model's renderer (Qt converts
YUV on the GPU). The self-view paints the small images of the model's self-view
renderer in a small frameless window over the picture (the video widget's native
surface covers any child widget), and it can be dragged anywhere inside the picture.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QLabel, QSizeGrip, QVBoxLayout, QWidget

from gfdesk.calls.render import VideoRenderer
from gfdesk.kit.avatar import avatar_pixmap
from gfdesk.kit.retranslate import Retranslating
from gfdesk.kit.themecolors import color as theme_color

SELF_VIEW_SIZE = QSize(224, 126)
#: Distance the self-view keeps from the picture's edges when it is placed.
SELF_VIEW_MARGIN = 14
AVATAR_SIZE = 112
#: The self-view's label (what is sent), in pixels.
LABEL_PX = 11
POP_OUT_SIZE = QSize(960, 540)
POP_OUT_TITLE = "gfdesk call video"  # i18n: verbatim (what OBS captures by)
#: Height of the pop-out's bottom strip (drag, resize grip), outside the picture.
HANDLE_STRIP = 14


class SelfView(QWidget):
    """Our own picture, small, movable by dragging inside the picture area.

    A frameless tool window over the call window rather than a child widget: the
    other side's picture is drawn by the video widget's own native surface, which a
    child widget cannot sit on top of on every platform. Its place is kept relative to
    the picture area (``area``), so it follows the call window.

    Args:
        renderer: the self-view renderer (image surface).
        area: the picture area it floats over.
    """

    def __init__(self, renderer: VideoRenderer, area: QWidget) -> None:
        super().__init__(area, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("selfView")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFixedSize(SELF_VIEW_SIZE)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._renderer = renderer
        self._area = area
        self._grab: QPoint | None = None
        #: Where it is, in the picture area's coordinates.
        self.spot: QPoint | None = None
        #: The user moved it: layout changes keep it where it was put (inside bounds).
        self.moved_by_user = False
        self.label = ""
        """A line shown over the picture (what is sent: "Test pattern ...")."""
        renderer.frame_shown.connect(self.update)

    def set_label(self, text: str) -> None:
        self.label = text
        self.setToolTip(text)
        self.update()

    def place(self) -> None:
        """Put it in the picture's bottom right corner (unless the user moved it),
        inside the picture area, wherever the call window is."""
        area = self._area
        if not self.moved_by_user or self.spot is None:
            self.spot = QPoint(area.width() - self.width() - SELF_VIEW_MARGIN,
                               area.height() - self.height() - SELF_VIEW_MARGIN)
        self._keep_inside(self.spot)

    def _keep_inside(self, spot: QPoint) -> None:
        area = self._area
        self.spot = QPoint(max(0, min(spot.x(), area.width() - self.width())),
                           max(0, min(spot.y(), area.height() - self.height())))
        self.move(area.mapToGlobal(self.spot))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() is Qt.MouseButton.LeftButton:
            self._grab = event.position().toPoint()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._grab is not None:
            self.moved_by_user = True
            corner = event.globalPosition().toPoint() - self._grab
            self._keep_inside(self._area.mapFromGlobal(corner))
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._grab = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.rect()
        painter.fillRect(rect, theme_color("bg_floating"))
        image = self._renderer.image
        if image is not None and not image.isNull():
            scaled = image.size().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(QPoint(0, 0), scaled)
            target.moveCenter(rect.center())
            painter.drawImage(target, image)
        else:
            painter.setPen(theme_color("text_muted"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "Camera off")
        if self.label:
            band = QRect(0, rect.height() - 22, rect.width(), 22)
            painter.fillRect(band, theme_color("video_band"))
            font = QFont(painter.font())
            font.setPixelSize(LABEL_PX)
            painter.setFont(font)
            painter.setPen(theme_color("text_on_fill"))
            text_rect = band.adjusted(8, 0, -8, 0)
            text = painter.fontMetrics().elidedText(self.label, Qt.TextElideMode.ElideRight,
                                                    text_rect.width())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter
                             | Qt.AlignmentFlag.AlignLeft, text)
        painter.setPen(theme_color("accent"))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.end()


class AvatarPane(QWidget):
    """The other party's avatar and a line of text, where their picture would be."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("avatarPane")
        self.avatar = QLabel(self)
        self.avatar.setObjectName("callAvatar")
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(self)
        self.caption.setObjectName("avatarCaption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.avatar)
        layout.addSpacing(12)
        layout.addWidget(self.caption)
        layout.addStretch(1)
        self._name: str | None = None

    def show_person(self, name: str, caption: str) -> None:
        if name != self._name:
            self._name = name
            self.avatar.setPixmap(avatar_pixmap(name or "?", AVATAR_SIZE,
                                                self.devicePixelRatioF()))
        self.caption.setText(caption)


class PopOutWindow(Retranslating, QWidget):
    """The other side's picture alone, in a window without frame or title bar (for a
    streamer's capture software). A thin strip along its bottom edge (outside the
    video surface, which takes the mouse on some platforms) moves it when dragged,
    resizes it from its corner grip and closes it on a double click; Esc closes it too.

    Signals:
        closed(): the window was closed (the picture goes back to the call window).
    """

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("popOutWindow")
        self.setWindowTitle(POP_OUT_TITLE)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.video = QVideoWidget(self)
        self.video.setObjectName("popOutVideo")
        self.video.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.grip = QSizeGrip(self)
        self.grip.setObjectName("popOutGrip")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, HANDLE_STRIP)
        layout.addWidget(self.video)
        self._retranslate()
        self.resize(POP_OUT_SIZE)
        self._grab: QPoint | None = None

    def _retranslate(self) -> None:
        # Everything this window words itself (its title is a fixed name for capture software).
        self.setToolTip(self.tr("Drag this strip to move; its corner resizes; double click or "
                                "Esc closes"))

    def resizeEvent(self, event: object) -> None:
        self.grip.resize(HANDLE_STRIP, HANDLE_STRIP)
        self.grip.move(self.width() - HANDLE_STRIP, self.height() - HANDLE_STRIP)
        self.grip.raise_()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.close()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() is Qt.MouseButton.LeftButton:
            handle = self.windowHandle()
            # The window manager moves it where it can; elsewhere, move it by hand.
            if handle is None or not handle.startSystemMove():
                self._grab = event.globalPosition().toPoint() - self.pos()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._grab is not None:
            self.move(event.globalPosition().toPoint() - self._grab)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._grab = None

    def closeEvent(self, event: object) -> None:
        self.closed.emit()
