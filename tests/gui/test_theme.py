"""Theme and resources: every SVG renders offscreen, the theme applies without Qt warnings."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gfdesk.kit import icons
from gfdesk.ui import theme
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.sections import Section
from gfdesk.ui.usermessages import MessageBridge

ICON_DIR = icons.resource("icons")
ICON_NAMES = sorted(p.name.removesuffix(".svg") for p in ICON_DIR.iterdir()
                    if p.name.endswith(".svg"))
ROOT = Path(__file__).resolve().parents[2]


def _opaque_pixels(name: str, size: int) -> int:
    image = icons.pixmap(name, size, "#ffffff").toImage()
    return sum(
        image.pixelColor(x, y).alpha() > 0 for x in range(size) for y in range(size)
    )


def test_the_icons_we_need_exist() -> None:
    needed = {"gfdesk", "settings", "status-online", "status-connecting", "status-offline",
              "status-none", *(section.icon_name for section in Section)}
    assert needed <= set(ICON_NAMES)


@pytest.mark.parametrize("name", ICON_NAMES)
def test_every_svg_is_valid_and_renders_offscreen(qapp: QApplication, name: str) -> None:
    assert QSvgRenderer(QByteArray(icons.svg_data(name))).isValid()
    # Something is drawn, and not a solid square: the tint and the shapes both worked.
    drawn = _opaque_pixels(name, 32)
    assert drawn > 0
    if name != theme.APP_ICON:
        assert drawn < 32 * 32 * 0.9


def test_tint_replaces_current_color(qapp: QApplication) -> None:
    image = icons.pixmap("close", 48, "#ff0000").toImage()
    colors = {image.pixelColor(x, y).name() for x in range(48) for y in range(48)
              if image.pixelColor(x, y).alpha() == 255}
    assert colors == {"#ff0000"}


def test_icons_render_crisp_at_the_scale_asked(qapp: QApplication) -> None:
    icon = icons.icon("friends")
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(24, 24), (48, 48)} <= sizes
    double = icon.pixmap(QSize(24, 24), 2.0)
    assert (double.width(), double.height(), double.devicePixelRatio()) == (48, 48, 2.0)


def test_selected_and_disabled_modes_differ_from_normal(qapp: QApplication) -> None:
    icon = icons.icon("friends", "#808080", "#ffffff")

    def pixels(mode: QIcon.Mode) -> list[QColor]:
        image = icon.pixmap(QSize(32, 32), mode).toImage()
        return [image.pixelColor(x, y) for x in range(32) for y in range(32)]

    def opaque(mode: QIcon.Mode) -> set[str]:
        return {c.name() for c in pixels(mode) if c.alpha() == 255}

    assert opaque(QIcon.Mode.Normal) == {"#808080"}
    assert opaque(QIcon.Mode.Selected) == {"#ffffff"}
    # Disabled is the normal drawing at 40 % opacity.
    assert 0 < max(c.alpha() for c in pixels(QIcon.Mode.Disabled)) <= 103


def test_apply_gives_fusion_dark_palette_and_icon(ui_app: QApplication, qtbot: QtBot) -> None:
    sheet = ui_app.styleSheet()
    # With a stylesheet, style() is Qt's stylesheet proxy: look underneath it.
    ui_app.setStyleSheet("")
    assert ui_app.style().name().lower() == "fusion"
    ui_app.setStyleSheet(sheet)
    window_color = ui_app.palette().color(QPalette.ColorRole.Window)
    assert window_color.lightness() < 80
    assert not ui_app.windowIcon().isNull()
    assert "#sidebarNav::item:selected" in ui_app.styleSheet()
    # Polishing a full window with the stylesheet must not make Qt complain
    # (qt_log_level_fail turns any parse warning into a failure).
    window = MainWindow(MessageBridge())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)


def test_font_prefers_families_that_exist(ui_app: QApplication) -> None:
    if sys.platform != "darwin":
        assert ui_app.font().families()[: len(theme.FONT_FAMILIES)] == list(theme.FONT_FAMILIES)


def test_high_dpi_policy_is_quietly_skipped_once_the_app_exists(qapp: QApplication) -> None:
    theme.set_high_dpi_policy()


def test_high_dpi_policy_is_pass_through_before_the_app() -> None:
    code = (
        "from PySide6.QtGui import QGuiApplication\n"
        "from gfdesk.ui import theme\n"
        "theme.set_high_dpi_policy()\n"
        "print(QGuiApplication.highDpiScaleFactorRoundingPolicy().name)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60,
                          check=True)
    assert done.stdout.strip() == Qt.HighDpiScaleFactorRoundingPolicy.PassThrough.name


def test_desktop_file_names_the_app_and_its_icon() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(icons.resource("linux/gfdesk.desktop").read_text(encoding="utf-8"))
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "gfdesk"
    assert entry["Icon"] == theme.DESKTOP_FILE_NAME == entry["StartupWMClass"]
    assert entry["Categories"].endswith(";")


def test_screenshot_script_renders_a_png(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--out", str(tmp_path),
         "--only", "no-backend"],
        capture_output=True, text=True, timeout=60, check=True,
        # This checkout's gfdesk, not whichever one the environment installed.
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    png = (tmp_path / "no-backend.png").read_bytes()
    assert png.startswith(b"\x89PNG")
