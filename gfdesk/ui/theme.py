"""The look of gfdesk: Fusion, a dark or light palette, the stylesheet and the app icon.

``set_high_dpi_policy()`` must run before the QApplication exists; ``apply()`` right
after, and again whenever the user picks another theme (it restyles the running app).
The palette matters as much as the stylesheet: widgets the stylesheet does not
reach (menus from the platform, tooltips, message boxes) take their colours from it.
The colours themselves live in ``kit/palettes.py``; the stylesheet is a template that
names them (``@text``), so both themes share every rule.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from functools import cache

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from gfdesk import appresources
from gfdesk.kit import icons, themecolors
from gfdesk.kit.palettes import PALETTES, ThemeName, render_qss, rgba
from gfdesk.kit.qssimages import ImageFolder, cache_folder, image_names
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
#: Set on the QApplication: the user's choice (``dark``, ``light``, ``system``).
CHOICE_PROPERTY = "gfdeskThemeChoice"
#: Set on a QApplication ``new_application`` made: it has the style already.
STYLED_PROPERTY = "gfdeskStyled"


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


def new_application(argv0: str) -> QApplication:
    """The QApplication, made with gfdesk's style.

    Named on its command line rather than set after: ``setStyle`` hands Python the
    style object, whose first wrapping builds QStyle's dozen large enums (about 5 ms
    before the first window).
    """
    app = QApplication([argv0, "-style", STYLE])
    app.setProperty(STYLED_PROPERTY, True)
    return app


def app_icon() -> QIcon:
    """The gfdesk mark, with the SVG's own colours."""
    return icons.icon(APP_ICON, color=None)


def stylesheet(name: ThemeName = ThemeName.DARK, images: ImageFolder | None = None) -> str:
    """The packaged stylesheet with the colours of theme ``name`` (DARK or LIGHT), its
    images (arrows) written to ``images`` (the user's cache folder by default)."""
    folder = images or stylesheet_images()
    return render_qss(appresources.read_text(STYLESHEET), PALETTES[name], folder.url)


@cache
def stylesheet_images() -> ImageFolder:
    """The stylesheet's themed images, for this process: on first use, written for
    every theme and the folder pruned of any others (an older gfdesk's), so it holds
    one set."""
    images = ImageFolder(cache_folder())
    template = appresources.read_text(STYLESHEET)
    keep = [images.path(name, palette[token])
            for palette in PALETTES.values() for name, token in image_names(template)]
    images.prune(keep)
    return images


def palette_for(colors: Mapping[str, str]) -> QPalette:
    """The QPalette matching the stylesheet, for what the stylesheet does not style."""
    def qcolor(token: str) -> QColor:
        return QColor(*rgba(colors[token]))

    palette = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    tokens = {
        role.Window: "bg_primary",
        role.WindowText: "text",
        role.Base: "bg_tertiary",
        role.AlternateBase: "bg_secondary",
        role.ToolTipBase: "bg_floating",
        role.ToolTipText: "text",
        role.PlaceholderText: "text_muted",
        role.Text: "text",
        # Push buttons take their fills from the stylesheet; what Fusion still draws
        # with Button (a combo box's arrow box, spin box steppers) sits inside a field.
        role.Button: "bg_tertiary",
        role.ButtonText: "text",
        role.BrightText: "text_on_fill",
        role.Light: "border",
        role.Midlight: "border",
        role.Mid: "bg_secondary",
        role.Dark: "bg_tertiary",
        role.Shadow: "shadow",
        role.Highlight: "accent_fill",
        role.HighlightedText: "text_on_fill",
        role.Link: "link",
        role.LinkVisited: "mention",
        role.Accent: "accent_fill",
    }
    for which, token in tokens.items():
        palette.setColor(which, qcolor(token))
    for which in (role.WindowText, role.Text, role.ButtonText, role.Light):
        palette.setColor(group.Disabled, which, qcolor("text_disabled"))
    palette.setColor(group.Disabled, role.Button, qcolor("button_disabled"))
    palette.setColor(group.Disabled, role.Highlight, qcolor("border"))
    return palette


def dark_palette() -> QPalette:
    """The dark theme's palette."""
    return palette_for(PALETTES[ThemeName.DARK])


def system_theme(scheme: Qt.ColorScheme | None = None) -> ThemeName:
    """DARK or LIGHT as the OS colour scheme says (``scheme``, else asked of Qt's style
    hints); DARK when the OS says nothing (Qt.ColorScheme.Unknown)."""
    if scheme is None:
        scheme = QGuiApplication.styleHints().colorScheme()
    return ThemeName.LIGHT if scheme is Qt.ColorScheme.Light else ThemeName.DARK


def resolve(choice: ThemeName, scheme: Qt.ColorScheme | None = None) -> ThemeName:
    """The theme to show for the user's ``choice``: SYSTEM becomes DARK or LIGHT as the
    OS colour scheme (``scheme``, else Qt's style hints) says."""
    return system_theme(scheme) if choice is ThemeName.SYSTEM else choice


def app_font(base: QFont) -> QFont:
    """``base`` with our preferred families; macOS keeps its system font."""
    font = QFont(base)
    if sys.platform != "darwin":
        font.setFamilies(list(FONT_FAMILIES))
    return font


def apply(app: QApplication, choice: ThemeName = ThemeName.DARK,
          scheme: Qt.ColorScheme | None = None) -> None:
    """Give ``app`` the gfdesk look for ``choice``, and its icon.

    Call once before any window is shown, then again for each change: the running
    app is restyled in place and painted widgets repaint with the new colours. With
    SYSTEM the theme follows the OS colour scheme while the choice stands; ``scheme``
    stands in for the OS's answer (Qt's style hints) when given.
    """
    first = app.property(CHOICE_PROPERTY) is None
    app.setProperty(CHOICE_PROPERTY, choice.value)
    shown = resolve(choice, scheme)
    colors = PALETTES[shown]
    if first:
        if not app.property(STYLED_PROPERTY):
            app.setStyle(STYLE)
        app.setFont(app_font(app.font()))
        app.setWindowIcon(app_icon())
        # Wayland compositors find the window's icon through the .desktop file's name.
        app.setDesktopFileName(DESKTOP_FILE_NAME)
        QGuiApplication.styleHints().colorSchemeChanged.connect(
            lambda new_scheme: on_color_scheme_changed(app, new_scheme))
    elif themecolors.current_name() is shown and app.styleSheet():
        return
    log.info("theme: %s -> %s (%s)", themecolors.current_name().value, shown.value, choice.value)
    themecolors.set_palette(shown, colors)
    app.setPalette(palette_for(colors))
    app.setStyleSheet(stylesheet(shown))
    for window in app.topLevelWidgets():
        # Delegates and painted widgets read their colours at paint time; a window's
        # update repaints every child in it (asking each widget would wrap hundreds of
        # Qt-internal widgets in Python objects for nothing).
        window.update()


def current_choice(app: QApplication) -> ThemeName:
    """What the user chose for ``app`` (DARK before any ``apply``)."""
    value = app.property(CHOICE_PROPERTY)
    return ThemeName(value) if isinstance(value, str) else ThemeName.DARK


def on_color_scheme_changed(app: QObject, scheme: Qt.ColorScheme) -> None:
    """The OS switched between light and dark: follow it if the user chose SYSTEM."""
    if isinstance(app, QApplication) and current_choice(app) is ThemeName.SYSTEM:
        apply(app, ThemeName.SYSTEM, scheme)
