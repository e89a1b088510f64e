"""kit.spinbox.pad: a spin box's number starts where a line edit's text does (it was
drawn on the box's left border, clipped), and every spin box of the app is padded."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from gfdesk import appresources
from gfdesk.desktop.autostart import Autostart
from gfdesk.desktop.prefs import DesktopPrefs
from gfdesk.kit import spinbox
from gfdesk.tournament.bracket import Format
from gfdesk.tournament.bracketmodel import BracketModel
from gfdesk.tournament.hostmodel import HostModel
from gfdesk.tournament.hostview import HostConsoleView
from gfdesk.tournament.info import Tournament, TournamentStatus
from gfdesk.ui.desktopsettings import DesktopPage
from gfdesk.ui.theme import STYLESHEET
from tests.gui.tournament.handfed import TID, fed

MARGIN = spinbox.BORDER_PX + spinbox.PADDING_LEFT_PX


def _text_start(widget: QWidget) -> int:
    """How far right of ``widget``'s left edge its first light (text) pixel is."""
    image = widget.grab().toImage()
    for x in range(image.width()):
        for y in range(4, image.height() - 4):
            if image.pixelColor(x, y).lightness() > 150:
                return x
    raise AssertionError("no text drawn")


def test_a_padded_spin_box_starts_its_number_where_a_line_edit_starts_its_text(
        ui_app: QApplication, qtbot: QtBot) -> None:
    spin, edit = QSpinBox(), QLineEdit("888")
    spin.setRange(0, 999)
    spin.setValue(888)
    for widget in (spin, edit):
        qtbot.addWidget(widget)
        widget.setFixedWidth(120)
        widget.show()
    qtbot.waitExposed(spin)
    assert _text_start(spin) < _text_start(edit) - 8  # on the border: Qt's own layout
    spinbox.pad(spin)
    assert spin.lineEdit().textMargins().left() == MARGIN
    assert abs(_text_start(spin) - _text_start(edit)) <= 1


def test_the_margin_is_the_stylesheets_border_and_padding() -> None:
    qss = appresources.read_text(STYLESHEET)
    rule = re.search(r"QLineEdit, [^{]*QAbstractSpinBox[^{]*\{([^}]*)\}", qss)
    assert rule is not None
    border = re.search(r"\bborder:\s*(\d+)px", rule.group(1))
    padding = re.search(r"\bpadding:\s*(\d+)px\s+(\d+)px", rule.group(1))
    assert border is not None and padding is not None
    assert int(border.group(1)) == spinbox.BORDER_PX
    assert int(padding.group(2)) == spinbox.PADDING_LEFT_PX


def _spin_margins(widget: QWidget) -> list[int]:
    spins = widget.findChildren(QAbstractSpinBox)
    assert spins
    return [spin.lineEdit().textMargins().left() for spin in spins]


def test_the_desktop_page_pads_its_spin_box(ui_app: QApplication, qtbot: QtBot,
                                           tmp_path: Path) -> None:
    autostart = Autostart("linux", env={"XDG_CONFIG_HOME": str(tmp_path / "xdg")},
                          command=["/usr/bin/gfdesk"])
    page = DesktopPage(DesktopPrefs(tmp_path / "config.toml"), autostart)
    qtbot.addWidget(page)
    assert _spin_margins(page) == [MARGIN]


def test_the_host_console_pads_its_score_boxes(ui_app: QApplication, qtbot: QtBot) -> None:
    feed = fed(4, Format.SINGLE_ELIM)
    feed.tournament = Tournament(TID, "Cup", "", Format.SINGLE_ELIM, feed.service.user_id,
                                 TournamentStatus.LIVE, 8, None, dt.datetime.now(dt.UTC), 4)
    console = HostConsoleView(HostModel(feed), BracketModel(feed, feed.service.user_id))
    qtbot.addWidget(console)
    assert _spin_margins(console) == [MARGIN, MARGIN]
