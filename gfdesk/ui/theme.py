"""The look of gfdesk: Fusion, a dark palette, the packaged stylesheet and the app icon.

``set_high_dpi_policy()`` must run before the QApplication exists; ``apply()`` right
after. The palette matters as much as the stylesheet: widgets the stylesheet does not
reach (menus from the platform, tooltips, message boxes) take their colours from it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from gfdesk import appresources
from gfdesk.kit import icons
from gfdesk.log import ui as log

STYLE = "Fusion"
STYLESHEET = "dark.qss"
APP_ICON = "gfdesk"
DESKTOP_FILE_NAME = "gfdesk"
#: The first family that exists wins; DejaVu Sans is on nearly every Linux box.
FONT_FAMILIES = (
    "Inter", "Segoe UI", "Noto Sans", "Ubuntu", "Cantarell", "Helvetica Neue",
    "DejaVu Sans", "Arial",
)

# Charcoal tones after Discord's and Steam's dark themes, one violet accent.
BG_TERTIARY = "#1e1f22"
BG_SECONDARY = "#2b2d31"
BG_PRIMARY = "#313338"
BG_FLOATING = "#111214"
TEXT_NORMAL = "#dbdee1"
TEXT_MUTED = "#949ba4"
TEXT_DISABLED = "#5c5e66"
ACCENT = "#7b61ff"
LINK = "#00a8fc"


def set_high_dpi_policy() -> None:
    """Use fractional scale factors as they are (125 % stays 125 %, not 100 % or 200 %).

    Call before the QApplication exists: Qt reads the policy once, at startup.
    """
    if QGuiApplication.instance() is not None:
        # Qt would ignore it with a warning; say it in our log instead.
        log.debug("high-DPI policy not changed: the QApplication already exists")
        return
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )


def app_icon() -> QIcon:
    """The gfdesk mark, with the SVG's own colours."""
    return icons.icon(APP_ICON, color=None)


def stylesheet() -> str:
    """The packaged stylesheet."""
    return appresources.read_text(STYLESHEET)


def dark_palette() -> QPalette:
    """The palette matching the stylesheet, for what the stylesheet does not style."""
    palette = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    colors = {
        role.Window: BG_PRIMARY,
        role.WindowText: TEXT_NORMAL,
        role.Base: BG_TERTIARY,
        role.AlternateBase: BG_SECONDARY,
        role.ToolTipBase: BG_FLOATING,
        role.ToolTipText: TEXT_NORMAL,
        role.PlaceholderText: TEXT_MUTED,
        role.Text: TEXT_NORMAL,
        role.Button: "#4e5058",
        role.ButtonText: "#ffffff",
        role.BrightText: "#ffffff",
        role.Light: "#4e5058",
        role.Midlight: "#3f4147",
        role.Mid: BG_SECONDARY,
        role.Dark: BG_TERTIARY,
        role.Shadow: "#000000",
        role.Highlight: ACCENT,
        role.HighlightedText: "#ffffff",
        role.Link: LINK,
        role.LinkVisited: "#c27cff",
    }
    for which, value in colors.items():
        palette.setColor(which, QColor(value))
    for which in (role.WindowText, role.Text, role.ButtonText, role.Light):
        palette.setColor(group.Disabled, which, QColor(TEXT_DISABLED))
    palette.setColor(group.Disabled, role.Button, QColor(BG_SECONDARY))
    palette.setColor(group.Disabled, role.Highlight, QColor("#3f4147"))
    return palette


def app_font(base: QFont) -> QFont:
    """``base`` with our preferred families; macOS keeps its system font."""
    font = QFont(base)
    if sys.platform != "darwin":
        font.setFamilies(list(FONT_FAMILIES))
    return font


def apply(app: QApplication) -> None:
    """Give ``app`` the gfdesk look and icon. Call once, before any window is shown."""
    app.setStyle(STYLE)
    app.setPalette(dark_palette())
    app.setFont(app_font(app.font()))
    app.setStyleSheet(stylesheet())
    app.setWindowIcon(app_icon())
    # Wayland compositors find the window's icon through the .desktop file's name.
    app.setDesktopFileName(DESKTOP_FILE_NAME)
