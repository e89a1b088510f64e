"""The app builds its main window before the stylesheet is in force and sets it after
(``gfdesk.app._run``: one polish of the finished tree instead of one per widget, a
start-up gain). That is only right while the window comes out the same: a widget that
polishes itself in its constructor (``ensurePolished``) and sizes itself from the styled
font would differ, and this test would see it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gfdesk.core.status import ConnectionState, ConnectionStatus
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.usermessages import MessageBridge


@pytest.fixture
def styled(ui_app: QApplication) -> Iterator[QApplication]:
    sheet = ui_app.styleSheet()
    assert sheet, "the theme sets a stylesheet"
    try:
        yield ui_app
    finally:
        ui_app.setStyleSheet(sheet)


def shown(qtbot: QtBot, qapp: QApplication, *, sheet_after: bool) -> QImage:
    sheet = qapp.styleSheet()
    if sheet_after:
        qapp.setStyleSheet("")
    window = MainWindow(MessageBridge())
    qtbot.addWidget(window)
    if sheet_after:
        qapp.setStyleSheet(sheet)
    # No spinner: its angle depends on how many ticks each window saw.
    window.set_connection_status(ConnectionStatus(ConnectionState.OFFLINE, reason="refused"))
    window.show()
    qtbot.waitExposed(window)
    image = window.grab().toImage()
    window.close()
    return image


def test_the_window_built_before_the_stylesheet_looks_the_same(qtbot: QtBot,
                                                               styled: QApplication) -> None:
    under_sheet = shown(qtbot, styled, sheet_after=False)
    sheet_after = shown(qtbot, styled, sheet_after=True)
    assert sheet_after.size() == under_sheet.size()
    assert sheet_after == under_sheet
    # And the stylesheet did style it: the same window without one differs.
    styled.setStyleSheet("")
    assert shown(qtbot, styled, sheet_after=False) != under_sheet
