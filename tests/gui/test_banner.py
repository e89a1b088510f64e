"""The message banner: MessageBridge messages appear, errors stay, info fades, rows dismiss."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from gfdesk.ui.banner import MAX_ROWS, MessageArea
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.usermessages import MessageBridge, MessageLevel, UserMessage
from tests.gui.finders import child


@pytest.fixture
def bridge() -> MessageBridge:
    return MessageBridge()


@pytest.fixture
def host(ui_app: QApplication, qtbot: QtBot) -> QWidget:
    """A parent for the area, as in the window (a top-level area would be a window)."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _texts(area: MessageArea) -> list[str]:
    return [row.message.text for row in area.rows()]


def test_bridge_emits_user_messages(bridge: MessageBridge, qtbot: QtBot) -> None:
    with qtbot.waitSignal(bridge.message_shown, timeout=1000) as blocker:
        bridge.warning("disk almost full")
    assert blocker.args == [UserMessage(MessageLevel.WARNING, "disk almost full")]


def test_window_banner_shows_and_dismisses(ui_app: QApplication, qtbot: QtBot,
                                           bridge: MessageBridge) -> None:
    window = MainWindow(bridge)
    qtbot.addWidget(window)
    window.show()
    area = window.message_area()
    assert not area.isVisible()
    bridge.error("Could not reach the hub: <connection refused>")
    assert area.isVisible()
    (row,) = area.rows()
    text = child(row, QLabel, "messageText")
    assert text.text() == "Could not reach the hub: <connection refused>"
    assert text.textFormat() == Qt.TextFormat.PlainText
    assert row.property("level") == "error"
    QTest.mouseClick(child(row, QToolButton, "messageDismiss"), Qt.MouseButton.LeftButton)
    assert area.rows() == []
    assert not area.isVisible()


def test_info_fades_on_its_own_and_errors_and_warnings_stay(host: QWidget,
                                                             qtbot: QtBot) -> None:
    area = MessageArea(host, info_timeout_ms=30)
    area.show_message(UserMessage(MessageLevel.ERROR, "sign-in failed"))
    area.show_message(UserMessage(MessageLevel.INFO, "profile saved"))
    area.show_message(UserMessage(MessageLevel.WARNING, "config.toml: line 3 is broken"))
    assert _texts(area) == ["sign-in failed", "profile saved", "config.toml: line 3 is broken"]
    qtbot.waitUntil(
        lambda: _texts(area) == ["sign-in failed", "config.toml: line 3 is broken"],
        timeout=3000,
    )


def test_warnings_can_be_given_a_timeout(host: QWidget, qtbot: QtBot) -> None:
    area = MessageArea(host, warning_timeout_ms=30)
    area.show_message(UserMessage(MessageLevel.WARNING, "retrying"))
    qtbot.waitUntil(lambda: _texts(area) == [], timeout=3000)


def test_repeated_message_is_shown_once(host: QWidget) -> None:
    area = MessageArea(host)
    for _ in range(3):
        area.show_message(UserMessage(MessageLevel.ERROR, "connection refused"))
    assert _texts(area) == ["connection refused"]


def test_oldest_passing_message_makes_room(host: QWidget) -> None:
    area = MessageArea(host)
    area.show_message(UserMessage(MessageLevel.ERROR, "e1"))
    for n in range(MAX_ROWS):
        area.show_message(UserMessage(MessageLevel.INFO, f"i{n}"))
    assert len(area.rows()) == MAX_ROWS
    assert _texts(area)[0] == "e1"
    assert _texts(area)[-1] == f"i{MAX_ROWS - 1}"
