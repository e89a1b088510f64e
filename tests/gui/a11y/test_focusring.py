"""The focus ring: shown around what Tab focused, following it, hidden after a click."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gfdesk.kit import themecolors
from gfdesk.kit.focusring import RING_TOKEN, FocusRing
from gfdesk.kit.palettes import PALETTES, ThemeName

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


class Form(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit(self)
        self.name.setAccessibleName("Name")
        self.button = QPushButton("Go", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.button)
        self.resize(300, 200)


@pytest.fixture
def ring(ui_app: QApplication) -> Iterator[FocusRing]:
    ring = FocusRing(ui_app)
    yield ring
    ui_app.focusChanged.disconnect(ring._on_focus_changed)
    ring.deleteLater()


@pytest.fixture
def form(ui_app: QApplication, qtbot: QtBot) -> Form:
    form = Form()
    qtbot.addWidget(form)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    return form


def _ring_rect(ring: FocusRing, form: QWidget) -> QRect:
    overlay = ring.overlay()
    assert overlay is not None and overlay.isVisible()
    assert overlay.window() is form
    return overlay.geometry()


def _in_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def test_tab_draws_the_ring_around_the_focused_widget(ring: FocusRing, form: Form) -> None:
    form.name.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(form.name, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.button
    assert ring.target() is form.button
    rect = _ring_rect(ring, form)
    assert rect.contains(_in_window(form.button))
    assert rect != _in_window(form.button)  # it sits outside the edge, not on it


@pytest.mark.parametrize("name", [ThemeName.DARK, ThemeName.LIGHT], ids=lambda n: n.value)
def test_the_ring_is_painted_in_its_themes_colour_and_passes_clicks_through(
        ring: FocusRing, form: Form, name: ThemeName) -> None:
    themecolors.set_palette(name, PALETTES[name])
    try:
        _check_ring_colour_and_input(ring, form)
    finally:
        themecolors.set_palette(ThemeName.DARK, PALETTES[ThemeName.DARK])


def _check_ring_colour_and_input(ring: FocusRing, form: Form) -> None:
    form.name.setFocus()
    QTest.keyClick(form.name, Qt.Key.Key_Tab)
    overlay = ring.overlay()
    assert overlay is not None
    assert overlay.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    assert overlay.focusPolicy() is Qt.FocusPolicy.NoFocus
    image = overlay.grab().toImage()
    middle_of_top_edge = image.pixelColor(image.width() // 2, 1)
    assert middle_of_top_edge.name() == themecolors.hex_color(RING_TOKEN)[:7]


def test_the_ring_follows_the_widget_when_it_moves_and_resizes(
        ring: FocusRing, form: Form) -> None:
    form.name.setFocus()
    QTest.keyClick(form.name, Qt.Key.Key_Tab)
    layout = form.layout()
    assert layout is not None
    layout.removeWidget(form.button)
    form.button.setGeometry(40, 120, 90, 40)
    rect = _ring_rect(ring, form)
    assert rect.contains(QRect(40, 120, 90, 40))
    assert rect.width() < 90 + 20 and rect.height() < 40 + 20


def test_a_click_moves_focus_without_a_ring(ring: FocusRing, form: Form) -> None:
    form.name.setFocus()
    QTest.keyClick(form.name, Qt.Key.Key_Tab)
    assert ring.target() is form.button
    QTest.mouseClick(form.name, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is form.name
    assert ring.target() is None
    overlay = ring.overlay()
    assert overlay is None or not overlay.isVisible()


def test_when_the_focused_widget_hides_the_ring_moves_with_focus(
        ring: FocusRing, form: Form) -> None:
    form.name.setFocus()
    QTest.keyClick(form.name, Qt.Key.Key_Tab)
    form.button.hide()
    assert QApplication.focusWidget() is form.name
    assert ring.target() is form.name
    assert _ring_rect(ring, form).contains(_in_window(form.name))


def test_the_ring_follows_a_widget_its_scroll_area_scrolls(
        ring: FocusRing, ui_app: QApplication, qtbot: QtBot) -> None:
    area = QScrollArea()
    qtbot.addWidget(area)
    inner = QWidget()
    layout = QVBoxLayout(inner)
    edits = [QLineEdit(inner) for _ in range(30)]
    for edit in edits:
        layout.addWidget(edit)
    area.setWidget(inner)
    area.resize(250, 200)
    with qtbot.waitActive(area):
        area.show()
        area.activateWindow()
    edits[0].setFocus()
    QTest.keyClick(edits[0], Qt.Key.Key_Tab)
    before = _ring_rect(ring, area)
    area.verticalScrollBar().setValue(10)
    after = _ring_rect(ring, area)
    assert after.top() == before.top() - 10
    assert after.contains(QRect(edits[1].mapTo(area, QPoint(0, 0)), edits[1].size()))


def test_the_ring_goes_around_a_whole_list(ring: FocusRing, ui_app: QApplication,
                                           qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    field = QLineEdit(form)
    listing = QListWidget(form)
    listing.addItems(["one", "two", "three"])
    layout = QVBoxLayout(form)
    layout.addWidget(field)
    layout.addWidget(listing)
    form.resize(300, 300)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert ring.target() is listing
    assert _ring_rect(ring, form).contains(_in_window(listing))
