"""Icons from the packaged SVGs (``gfdesk/resources/icons``), tinted when loaded.

The SVGs draw with ``currentColor`` so one file serves every state: the sidebar
asks for a grey icon with a white "selected" variant, the banner for a red one.
Each QIcon carries pixmaps rendered at several sizes so it stays crisp at any
device pixel ratio instead of being scaled up from a small bitmap.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

#: Pixel sizes rendered into every QIcon (covers 16-128 px at 1x and 2x).
ICON_SIZES = (16, 20, 24, 32, 40, 48, 64, 96, 128, 256)
#: The default tint: Discord-style muted grey on charcoal.
DEFAULT_COLOR = "#b5bac1"


def resource(name: str) -> Traversable:
    """A file under ``gfdesk/resources`` (works from a wheel as well as a checkout)."""
    return resources.files("gfdesk").joinpath("resources", name)


def svg_data(name: str, color: str | None = None) -> bytes:
    """The bytes of ``icons/<name>.svg`` with ``currentColor`` replaced by ``color``.

    Raises:
        FileNotFoundError: there is no icon of that name.
    """
    data = resource(f"icons/{name}.svg").read_bytes()
    if color is not None:
        data = data.replace(b"currentColor", color.encode("ascii"))
    return data


def render_svg(data: bytes, size: QSize, device_pixel_ratio: float = 1.0) -> QPixmap:
    """Render SVG bytes into a transparent pixmap of ``size`` logical pixels."""
    renderer = QSvgRenderer(QByteArray(data))
    image = QImage(
        round(size.width() * device_pixel_ratio),
        round(size.height() * device_pixel_ratio),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    return pixmap


def pixmap(name: str, size: int, color: str | None = DEFAULT_COLOR,
           device_pixel_ratio: float = 1.0) -> QPixmap:
    """``icons/<name>.svg`` tinted ``color`` as a ``size``x``size`` pixmap."""
    return render_svg(svg_data(name, color), QSize(size, size), device_pixel_ratio)


def icon(name: str, color: str | None = DEFAULT_COLOR, selected_color: str | None = None) -> QIcon:
    """``icons/<name>.svg`` as a QIcon.

    Args:
        name: the file name without ``.svg``.
        color: the tint for the normal state; None keeps the SVG's own colours.
        selected_color: the tint for the selected and active states (a sidebar
            item under the cursor or chosen); None means the same as ``color``.
    """
    result = QIcon()
    normal = svg_data(name, color)
    selected = svg_data(name, selected_color) if selected_color else None
    for px in ICON_SIZES:
        size = QSize(px, px)
        result.addPixmap(render_svg(normal, size), QIcon.Mode.Normal)
        if selected is not None:
            result.addPixmap(render_svg(selected, size), QIcon.Mode.Selected)
            result.addPixmap(render_svg(selected, size), QIcon.Mode.Active)
    return result
