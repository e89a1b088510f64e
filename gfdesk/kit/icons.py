"""Icons from the SVGs in ``resources/icons`` (``gfdesk.appresources``), tinted when loaded.

The SVGs draw with ``currentColor`` so one file serves every state: the sidebar
asks for a grey icon with a white "selected" variant, the banner for a red one.
Each QIcon renders its SVG at the exact size and device pixel ratio it is painted at,
so it stays crisp on any screen instead of being scaled from a small bitmap, and ``IconLabel``
paints a QIcon at paint time, so an icon stays sharp when its window moves to a
screen with another scale factor.

A colour may be a theme token (``"@icon"``, ``"@text_strong"``): such an icon reads the
current theme's colour when it draws, so it follows a theme change on the next repaint.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from gfdesk import appresources
from gfdesk.kit import themecolors

#: Sizes a scalable icon reports to those who ask (window managers, the tray).
ADVERTISED_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: The default tint: the theme's icon colour (muted grey on charcoal in the dark theme).
DEFAULT_COLOR = "@icon"


def resource(name: str) -> Path:
    """A file or folder under ``resources/``, from a clone, a wheel or a bundle alike.

    Raises:
        FileNotFoundError: there is no such file.
    """
    return appresources.path(name)


def svg_data(name: str, color: str | None = None) -> bytes:
    """The bytes of ``icons/<name>.svg`` with ``currentColor`` replaced by ``color``
    (a ``#rrggbb`` colour, or a ``@token`` of the current theme).

    Raises:
        FileNotFoundError: there is no icon of that name.
        KeyError: ``color`` names no theme token.
    """
    data = resource(f"icons/{name}.svg").read_bytes()
    if color is not None:
        data = data.replace(b"currentColor", resolve_color(color).encode("ascii"))
    return data


def resolve_color(color: str) -> str:
    """``color`` itself, or the current theme's ``#rrggbb`` for a ``@token``."""
    if not color.startswith("@"):
        return color
    return themecolors.color(color[1:]).name()


def render_svg(data: bytes | QSvgRenderer, size: QSize, device_pixel_ratio: float = 1.0,
               *, canvas: QSize | None = None) -> QPixmap:
    """Render SVG bytes (or a loaded renderer) at ``size`` into a transparent pixmap.

    ``canvas`` makes the pixmap larger than the drawing, which sits at its top left.
    """
    renderer = data if isinstance(data, QSvgRenderer) else QSvgRenderer(QByteArray(data))
    canvas = canvas or size
    image = QImage(
        round(canvas.width() * device_pixel_ratio),
        round(canvas.height() * device_pixel_ratio),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    renderer.render(painter, QRectF(0, 0, size.width() * device_pixel_ratio,
                                    size.height() * device_pixel_ratio))
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    return pixmap


def pixmap(name: str, size: int, color: str | None = DEFAULT_COLOR,
           device_pixel_ratio: float = 1.0) -> QPixmap:
    """``icons/<name>.svg`` tinted ``color`` as a ``size``x``size`` pixmap."""
    return render_svg(svg_data(name, color), QSize(size, size), device_pixel_ratio)


def icon(name: str, color: str | None = DEFAULT_COLOR, selected_color: str | None = None,
         *, space_after: float = 0.0) -> QIcon:
    """``icons/<name>.svg`` as a QIcon, rendered when and at the size it is painted.

    Args:
        name: the file name without ``.svg``.
        color: the tint for the normal state; None keeps the SVG's own colours.
        selected_color: the tint for the selected and active states (a sidebar
            item under the cursor or chosen); None means the same as ``color``.
        space_after: transparent room right of the drawing, as a fraction of its
            size; item views have no stylesheet property for the icon-text gap.
    """
    # Keyed by theme as well: a token colour draws anew after a theme change.
    renderers: dict[tuple[bool, str], QSvgRenderer] = {}

    def draw(size: QSize, scale: float, mode: QIcon.Mode) -> QPixmap:
        selected = mode in (QIcon.Mode.Selected, QIcon.Mode.Active) and bool(selected_color)
        key = (selected, themecolors.current_name().value)
        if key not in renderers:
            renderers[key] = QSvgRenderer(QByteArray(
                svg_data(name, selected_color if selected else color)))
        side = min(size.height(), round(size.width() / (1 + space_after)))
        result = render_svg(renderers[key], QSize(side, side), scale,
                            canvas=QSize(side + round(side * space_after), side))
        return _dimmed(result) if mode is QIcon.Mode.Disabled else result

    return lazy_icon(draw)


#: Draws an icon's pixmap for a logical size, a device pixel ratio and a mode.
IconPainter = Callable[[QSize, float, QIcon.Mode], QPixmap]


def lazy_icon(draw: IconPainter) -> QIcon:
    """A QIcon whose pixmaps ``draw`` makes on first use, once per size, scale and mode.

    Rendering every size and mode up front cost about 190 SVG renders (25 ms) before
    the main window could show; a window paints a handful.
    """
    return QIcon(_LazyIconEngine(draw))


class _LazyIconEngine(QIconEngine):
    def __init__(self, draw: IconPainter) -> None:
        super().__init__()
        self._draw = draw
        self._cache: dict[tuple[int, int, float, QIcon.Mode, str], QPixmap] = {}

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        key = (size.width(), size.height(), scale, mode, themecolors.current_name().value)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = self._draw(size, scale, mode)
        return cached

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        device = painter.device()
        scale = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal,
                       state: QIcon.State = QIcon.State.Off) -> list[QSize]:
        # Scalable, but window managers (X11 _NET_WM_ICON) ask for a list of sizes.
        return [QSize(px, px) for px in ADVERTISED_SIZES]

    def clone(self) -> QIconEngine:
        return _LazyIconEngine(self._draw)


def _dimmed(source: QPixmap) -> QPixmap:
    result = QPixmap(source.size())
    result.setDevicePixelRatio(source.devicePixelRatio())
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.setOpacity(0.4)
    painter.drawPixmap(0, 0, source)
    painter.end()
    return result


class IconLabel(QWidget):
    """A fixed-size icon, painted from a QIcon at the screen's current pixel ratio.

    The widget may be larger than the icon (``box``): the stylesheet can then give
    it a background, as the empty state's round backdrop.
    """

    def __init__(self, size: int, parent: QWidget | None = None, *,
                 box: int | None = None) -> None:
        super().__init__(parent)
        self._size = size
        self._icon = QIcon()
        self.setFixedSize(box or size, box or size)
        # Lets the stylesheet paint a background and border on this plain QWidget (the
        # empty state's backdrop). Not QStyle.drawPrimitive in paintEvent: touching QStyle
        # from Python builds its dozen large enums, about 8 ms before the first window.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)

    def icon(self) -> QIcon:
        """The icon shown."""
        return self._icon

    def set_icon(self, icon: QIcon) -> None:
        """Show ``icon``."""
        self._icon = icon
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        target = QRect(0, 0, self._size, self._size)
        target.moveCenter(self.rect().center())
        self._icon.paint(painter, target)
        painter.end()
