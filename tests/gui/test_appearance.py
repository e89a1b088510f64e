"""Settings > Appearance: the theme switches live (stylesheet, palette, painted widgets,
icons), follows the OS colour scheme on System, and is saved; settings pages scroll
rather than squeeze their fields."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gfdesk import config as gfconfig
from gfdesk.kit import icons, themecolors
from gfdesk.kit.palettes import DARK, LIGHT, ThemeName
from gfdesk.ui import theme
from gfdesk.ui.appearancesettings import AppearancePage
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.settingsdialog import SettingsDialog
from gfdesk.ui.usermessages import MessageBridge
from tests.gui.finders import child


@pytest.fixture
def themed(ui_app: QApplication) -> Iterator[QApplication]:
    """The themed app, put back to Dark afterwards whatever the test chose."""
    try:
        yield ui_app
    finally:
        theme.apply(ui_app, ThemeName.DARK)


def _pixel(widget: QWidget, point: QPoint) -> str:
    return widget.grab().toImage().pixelColor(point).name()


def test_choosing_light_restyles_the_running_window_and_saves(
        themed: QApplication, qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(MessageBridge())
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    sidebar = child(window, QWidget, "sidebar")
    spot = QPoint(sidebar.width() // 2, sidebar.height() // 2)
    assert _pixel(sidebar, spot) == DARK["bg_secondary"]
    config_file = tmp_path / "config.toml"
    page = AppearancePage(config_file)
    qtbot.addWidget(page)

    with qtbot.waitSignal(themecolors.notifier().changed, timeout=2000) as changed:
        page.theme_choice.setCurrentIndex(page.theme_choice.findData("light"))

    assert changed.args == ["light"]
    assert themecolors.current_name() is ThemeName.LIGHT
    assert _pixel(sidebar, spot) == LIGHT["bg_secondary"]
    assert themed.palette().color(QPalette.ColorRole.Window) == QColor(LIGHT["bg_primary"])
    assert gfconfig.read_theme(config_file) == "light"
    # A fresh page shows what the file says.
    again = AppearancePage(config_file)
    qtbot.addWidget(again)
    assert again.chosen() is ThemeName.LIGHT


def test_default_icons_take_the_theme_text_colour(themed: QApplication) -> None:
    close = icons.icon("close")

    def opaque() -> set[str]:
        image = close.pixmap(QSize(32, 32)).toImage()
        return {image.pixelColor(x, y).name() for x in range(32) for y in range(32)
                if image.pixelColor(x, y).alpha() == 255}

    assert opaque() == {DARK["icon"]}
    theme.apply(themed, ThemeName.LIGHT)
    assert opaque() == {LIGHT["icon"]}


def test_system_follows_the_os_colour_scheme(themed: QApplication) -> None:
    theme.apply(themed, ThemeName.SYSTEM, Qt.ColorScheme.Light)
    assert themecolors.current_name() is ThemeName.LIGHT
    theme.on_color_scheme_changed(themed, Qt.ColorScheme.Dark)
    assert themecolors.current_name() is ThemeName.DARK
    # An explicit choice is not overridden by the OS.
    theme.apply(themed, ThemeName.LIGHT)
    theme.on_color_scheme_changed(themed, Qt.ColorScheme.Dark)
    assert themecolors.current_name() is ThemeName.LIGHT
    assert theme.resolve(ThemeName.SYSTEM, Qt.ColorScheme.Unknown) is ThemeName.DARK


@pytest.mark.qt_log_ignore("PulseAudioService", "No audio device detected")
@pytest.mark.parametrize("name", [ThemeName.DARK, ThemeName.LIGHT], ids=lambda n: n.value)
def test_settings_pages_scroll_instead_of_squeezing_fields(
        themed: QApplication, qtbot: QtBot, tmp_path: Path, name: ThemeName) -> None:
    theme.apply(themed, name)
    paths = gfconfig.Paths(tmp_path / "config", tmp_path / "data", tmp_path / "log")
    config = gfconfig.load(gfconfig.Overrides(), env={}, paths=paths)
    dialog = SettingsDialog(config, None)
    qtbot.addWidget(dialog)
    dialog.resize(dialog.minimumSize())
    dialog.show()
    qtbot.waitExposed(dialog)
    tabs = child(dialog, QTabWidget, "settingsTabs")
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QApplication.processEvents()
        page = tabs.widget(index)
        fields = [*page.findChildren(QLineEdit), *page.findChildren(QComboBox)]
        for field in fields:
            if field.isVisibleTo(page) and field.objectName() != "qt_spinbox_lineedit":
                assert field.height() >= field.sizeHint().height(), (
                    f"{tabs.tabText(index)}: {field.objectName()} is squeezed")
