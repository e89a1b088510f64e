"""kit.restyle.repolish: a changed dynamic property shows, and what it may skip."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from gfdesk.kit.restyle import repolish

SHEET = 'QLabel[state="bad"] { color: #ff0000; }'
RED = QColor("#ff0000")


@pytest.fixture
def sheet(ui_app: QApplication) -> Iterator[None]:
    old = ui_app.styleSheet()
    ui_app.setStyleSheet(SHEET)
    yield
    ui_app.setStyleSheet(old)


def _text_color(label: QLabel) -> QColor:
    return label.palette().color(QPalette.ColorRole.WindowText)


def test_a_polished_widget_shows_its_new_property(sheet: None, qtbot: QtBot) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    label.show()
    assert _text_color(label) != RED
    label.setProperty("state", "bad")
    assert _text_color(label) != RED  # Qt alone does not notice
    repolish(label)
    assert _text_color(label) == RED


def test_a_widget_not_polished_yet_gets_its_property_when_first_shown(
        sheet: None, qtbot: QtBot) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    label.setProperty("state", "bad")
    repolish(label)  # skipped: nothing polished yet
    label.show()
    assert _text_color(label) == RED


def test_a_widget_polished_under_no_stylesheet_gets_it_when_one_is_set(
        ui_app: QApplication, qtbot: QtBot) -> None:
    # How the main window is built: no stylesheet until the tree is complete.
    old = ui_app.styleSheet()
    ui_app.setStyleSheet("")
    try:
        label = QLabel("x")
        qtbot.addWidget(label)
        label.ensurePolished()
        label.setProperty("state", "bad")
        repolish(label)  # skipped: no stylesheet reads the property
        ui_app.setStyleSheet(SHEET)
        assert _text_color(label) == RED
    finally:
        ui_app.setStyleSheet(old)
