"""Spin boxes and combo boxes show arrows under the stylesheet, in each theme's colour,
greyed where they do nothing (disabled, or a spin box at its limit)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionSpinBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gfdesk.kit.palettes import PALETTES, ThemeName
from gfdesk.ui import theme

# The offscreen platform says so when a window with a layout shows.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

THEMES = [ThemeName.DARK, ThemeName.LIGHT]
#: Anti-aliasing blends a stroke's edges; its middle is the colour itself, give or take.
TOLERANCE = 24
#: A 12 px chevron drawn 1.75 px wide leaves well over this many pixels of its colour.
MIN_PIXELS = 6


@pytest.fixture
def themed(ui_app: QApplication) -> Iterator[QApplication]:
    try:
        yield ui_app
    finally:
        theme.apply(ui_app, ThemeName.DARK)


def _count(image: QImage, rect: QRect, color: str) -> int:
    want = QColor(color)
    scale = image.devicePixelRatio()
    found = 0
    for x in range(round(rect.left() * scale), round((rect.right() + 1) * scale)):
        for y in range(round(rect.top() * scale), round((rect.bottom() + 1) * scale)):
            got = image.pixelColor(x, y)
            if max(abs(got.red() - want.red()), abs(got.green() - want.green()),
                   abs(got.blue() - want.blue())) <= TOLERANCE:
                found += 1
    return found


def _spin_rects(spin: QSpinBox | QDoubleSpinBox) -> tuple[QRect, QRect]:
    option = QStyleOptionSpinBox()
    spin.initStyleOption(option)
    complex_control = QStyle.ComplexControl.CC_SpinBox
    up = spin.style().subControlRect(complex_control, option,
                                     QStyle.SubControl.SC_SpinBoxUp, spin)
    down = spin.style().subControlRect(complex_control, option,
                                       QStyle.SubControl.SC_SpinBoxDown, spin)
    return up, down


@pytest.fixture
def form(qtbot: QtBot) -> tuple[QWidget, QSpinBox, QDoubleSpinBox, QSpinBox, QComboBox]:
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    spin = QSpinBox(host)
    spin.setRange(0, 10)
    spin.setValue(5)
    at_max = QDoubleSpinBox(host)
    at_max.setRange(0.0, 1.0)
    at_max.setValue(1.0)
    disabled = QSpinBox(host)
    disabled.setEnabled(False)
    combo = QComboBox(host)
    combo.addItems(["one", "two"])
    for widget in (spin, at_max, disabled, combo):
        layout.addWidget(widget)
    host.resize(260, 220)
    host.show()
    qtbot.waitExposed(host)
    return host, spin, at_max, disabled, combo


@pytest.mark.parametrize("name", THEMES, ids=lambda n: n.value)
def test_spin_boxes_show_up_and_down_arrows_in_the_theme_colour(
        themed: QApplication, form: tuple[QWidget, QSpinBox, QDoubleSpinBox, QSpinBox,
                                          QComboBox], name: ThemeName) -> None:
    theme.apply(themed, name)
    _, spin, *_ = form
    QApplication.processEvents()
    palette = PALETTES[name]
    image = spin.grab().toImage()
    up, down = _spin_rects(spin)
    assert up.isValid() and down.isValid() and up.bottom() < down.bottom()
    for rect in (up, down):
        assert _count(image, rect, palette["icon"]) >= MIN_PIXELS
        # The button is not a block of the arrow colour: a shape sits on the field.
        assert _count(image, rect, palette["bg_tertiary"]) > rect.width() * rect.height() // 2


@pytest.mark.parametrize("name", THEMES, ids=lambda n: n.value)
def test_arrows_that_do_nothing_are_greyed(
        themed: QApplication, form: tuple[QWidget, QSpinBox, QDoubleSpinBox, QSpinBox,
                                          QComboBox], name: ThemeName) -> None:
    theme.apply(themed, name)
    _, _, at_max, disabled, _ = form
    QApplication.processEvents()
    palette = PALETTES[name]

    image = at_max.grab().toImage()
    up, down = _spin_rects(at_max)
    assert _count(image, up, palette["text_disabled"]) >= MIN_PIXELS
    assert _count(image, up, palette["icon"]) == 0
    assert _count(image, down, palette["icon"]) >= MIN_PIXELS

    image = disabled.grab().toImage()
    for rect in _spin_rects(disabled):
        assert _count(image, rect, palette["text_disabled"]) >= MIN_PIXELS
        assert _count(image, rect, palette["icon"]) == 0


@pytest.mark.parametrize("name", THEMES, ids=lambda n: n.value)
def test_combo_boxes_show_a_down_arrow_in_the_theme_colour(
        themed: QApplication, form: tuple[QWidget, QSpinBox, QDoubleSpinBox, QSpinBox,
                                          QComboBox], name: ThemeName) -> None:
    theme.apply(themed, name)
    *_, combo = form
    QApplication.processEvents()
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    arrow = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxArrow, combo)
    assert arrow.isValid()
    image = combo.grab().toImage()
    assert _count(image, arrow, PALETTES[name]["icon"]) >= MIN_PIXELS


def test_each_theme_has_its_own_image_files(themed: QApplication) -> None:
    # Qt caches an image by its path: one path for two colours would keep the first.
    dark = theme.stylesheet(ThemeName.DARK)
    light = theme.stylesheet(ThemeName.LIGHT)
    assert "svg(" not in dark and "svg(" not in light
    dark_urls = {part.split('")')[0] for part in dark.split('url("')[1:]}
    light_urls = {part.split('")')[0] for part in light.split('url("')[1:]}
    assert dark_urls and light_urls and not dark_urls & light_urls
