"""The main window: status bar, empty states, section views, shortcuts, account footer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from gfdesk.core.status import ConnectionState, ConnectionStatus
from gfdesk.ui.emptystate import EmptyState
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.sections import Section
from gfdesk.ui.usermessages import MessageBridge
from tests.gui.finders import child

STATUSES = {
    ConnectionState.ONLINE: (
        ConnectionStatus(ConnectionState.ONLINE, backend="demo hub", rtt_ms=12.3),
        "Online · demo hub · 12 ms",
        "#23a55a",
    ),
    ConnectionState.CONNECTING: (
        ConnectionStatus(ConnectionState.CONNECTING, backend="demo hub"),
        "Connecting to demo hub…",
        "#f0b232",
    ),
    ConnectionState.OFFLINE: (
        ConnectionStatus(ConnectionState.OFFLINE, reason="connection refused"),
        "Offline — connection refused, retrying",
        "#f23f43",
    ),
    ConnectionState.NO_BACKEND: (ConnectionStatus(ConnectionState.NO_BACKEND), "No backend",
                                 "#80848e"),
}


@pytest.fixture
def window(ui_app: QApplication, qtbot: QtBot) -> MainWindow:
    win = MainWindow(MessageBridge())
    qtbot.addWidget(win)
    return win


def _shown_window(window: MainWindow, qtbot: QtBot) -> MainWindow:
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def _empty(window: MainWindow, section: Section) -> EmptyState:
    page = window.section_widget(section)
    assert isinstance(page, EmptyState)
    return page


def _dot_color(window: MainWindow) -> QColor:
    dot = child(window, QWidget, "connectionDot")
    image = dot.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def test_window_has_title_default_and_minimum_size(window: MainWindow) -> None:
    assert window.windowTitle() == "gfdesk"
    assert (window.width(), window.height()) == (1100, 720)
    assert window.minimumWidth() > 0 and window.minimumHeight() > 0


@pytest.mark.parametrize("state", list(ConnectionState))
def test_status_bar_text_and_dot_follow_the_state(window: MainWindow,
                                                  state: ConnectionState) -> None:
    status, text, color = STATUSES[state]
    window.set_connection_status(status)
    assert child(window, QLabel, "connectionText").text() == text
    assert _dot_color(window).name() == color


def test_dot_changes_between_states(window: MainWindow) -> None:
    window.set_connection_status(STATUSES[ConnectionState.ONLINE][0])
    online = _dot_color(window)
    window.set_connection_status(STATUSES[ConnectionState.OFFLINE][0])
    assert _dot_color(window) != online


def test_no_backend_state_explains_and_opens_settings(window: MainWindow, qtbot: QtBot) -> None:
    window.set_connection_status(ConnectionStatus(ConnectionState.NO_BACKEND))
    for section in Section:
        empty = _empty(window, section)
        assert empty.title() == "No backend"
        assert "gfdesk --demo" in empty.body() and "Settings" in empty.body()
        assert not empty.is_busy()
    button = _empty(window, Section.FRIENDS).action_button()
    assert button is not None and button.text() == "Open Settings"
    with qtbot.waitSignal(window.settings_requested, timeout=1000):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_connecting_state_is_busy(window: MainWindow) -> None:
    window.set_connection_status(STATUSES[ConnectionState.CONNECTING][0])
    empty = _empty(window, Section.TOURNAMENTS)
    assert empty.title() == "Connecting to demo hub…"
    assert empty.is_busy()
    assert empty.action_button() is None
    window.set_connection_status(ConnectionStatus(
        ConnectionState.CONNECTING, "starting the demo hub", backend="demo hub"))
    assert empty.body() == "Starting the demo hub…"


def test_offline_state_says_it_keeps_retrying_and_why(window: MainWindow) -> None:
    window.set_connection_status(STATUSES[ConnectionState.OFFLINE][0])
    empty = _empty(window, Section.CONVERSATIONS)
    assert "You're offline" in empty.title() and "keeps retrying" in empty.title()
    assert "connection refused" in empty.body()
    assert not empty.is_busy()


def test_online_state_welcomes_per_section(window: MainWindow) -> None:
    window.set_connection_status(STATUSES[ConnectionState.ONLINE][0])
    titles = {section: _empty(window, section).title() for section in Section}
    assert titles[Section.FRIENDS] == "Your friends will show up here"
    assert len(set(titles.values())) == len(Section)
    assert all(not _empty(window, s).is_busy() for s in Section)


def test_set_section_view_replaces_the_empty_state(window: MainWindow, qtbot: QtBot) -> None:
    window.show_section(Section.CONVERSATIONS)
    old = window.section_widget(Section.TOURNAMENTS)
    view = QLabel("bracket")
    window.set_section_view(Section.TOURNAMENTS, view)
    assert window.section_widget(Section.TOURNAMENTS) is view
    assert window.current_section() is Section.CONVERSATIONS
    with qtbot.waitSignal(old.destroyed, timeout=1000):
        pass
    # A status change no longer touches the installed view.
    window.set_connection_status(STATUSES[ConnectionState.OFFLINE][0])
    assert window.section_widget(Section.TOURNAMENTS) is view
    assert view.text() == "bracket"
    window.show_section(Section.TOURNAMENTS)
    assert child(window, QStackedWidget, "sectionStack").currentWidget() is view


def test_a_section_first_shown_later_shows_the_state_it_missed(window: MainWindow) -> None:
    # Only the shown section's empty state is built with the window; the others are
    # built when first shown, and must then say what the current state is.
    stack = child(window, QStackedWidget, "sectionStack")
    assert sum(isinstance(stack.widget(i), EmptyState) for i in range(stack.count())) == 1
    window.set_connection_status(STATUSES[ConnectionState.OFFLINE][0])
    window.show_section(Section.TOURNAMENTS)
    shown = stack.currentWidget()
    assert isinstance(shown, EmptyState)
    assert "connection refused" in shown.body()
    assert window.section_widget(Section.TOURNAMENTS) is shown


def test_clearing_the_views_puts_the_shown_sections_empty_state_back(window: MainWindow) -> None:
    window.set_connection_status(STATUSES[ConnectionState.ONLINE][0])
    for section in Section:
        window.set_section_view(section, QLabel(section.name))
    window.show_section(Section.CONVERSATIONS)
    window.clear_section_views()
    stack = child(window, QStackedWidget, "sectionStack")
    shown = stack.currentWidget()
    assert isinstance(shown, EmptyState)
    assert shown.title() == _empty(window, Section.CONVERSATIONS).title()
    assert window.current_section() is Section.CONVERSATIONS
    assert _empty(window, Section.FRIENDS).title() == "Your friends will show up here"


def test_show_section_switches_and_signals_once(window: MainWindow, qtbot: QtBot) -> None:
    assert window.current_section() is Section.FRIENDS
    with qtbot.waitSignal(window.section_changed, timeout=1000) as blocker:
        window.show_section(Section.TOURNAMENTS)
    assert blocker.args == [Section.TOURNAMENTS]
    assert window.current_section() is Section.TOURNAMENTS
    with qtbot.assertNotEmitted(window.section_changed):
        window.show_section(Section.TOURNAMENTS)


def test_ctrl_number_switches_sections(window: MainWindow, qtbot: QtBot) -> None:
    _shown_window(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() is Section.TOURNAMENTS
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() is Section.CONVERSATIONS


def test_ctrl_q_closes_the_window(window: MainWindow, qtbot: QtBot) -> None:
    _shown_window(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_ctrl_comma_requests_settings(window: MainWindow, qtbot: QtBot) -> None:
    _shown_window(window, qtbot)
    with qtbot.waitSignal(window.settings_requested, timeout=1000):
        QTest.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)


def test_settings_button_requests_settings(window: MainWindow, qtbot: QtBot) -> None:
    button = child(window, QWidget, "settingsButton")
    with qtbot.waitSignal(window.settings_requested, timeout=1000):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_display_name_is_plain_text(window: MainWindow) -> None:
    hostile = "<b>bold</b><img src=x>"
    window.set_account(hostile)
    label = child(window, QLabel, "accountName")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == hostile
    assert "&lt;b&gt;" in label.toolTip()


def test_signed_out_footer(window: MainWindow) -> None:
    window.set_account("Nova Quinn")
    window.set_account(None)
    assert child(window, QLabel, "accountName").text() == "Not signed in"


def test_every_remote_facing_label_is_plain_text(window: MainWindow) -> None:
    names = ("connectionText", "accountName", "accountPresence", "emptyTitle", "emptyBody",
             "messageText")
    child(window, QWidget, "messageArea")  # exists even while empty
    for label in window.findChildren(QLabel):
        if label.objectName() in names:
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_empty_state_button_is_a_real_button(window: MainWindow) -> None:
    window.set_connection_status(ConnectionStatus(ConnectionState.NO_BACKEND))
    assert isinstance(_empty(window, Section.FRIENDS).action_button(), QPushButton)


def test_long_texts_are_elided_not_widening_the_window(window: MainWindow) -> None:
    reason = "connection reset by peer " * 80
    window.set_connection_status(ConnectionStatus(ConnectionState.OFFLINE, reason=reason))
    window.set_account("Xx_" + "A" * 300 + "_xX")
    status_text = child(window, QLabel, "connectionText")
    assert status_text.text() == f"Offline — {reason}, retrying"
    assert window.statusBar().minimumSizeHint().width() < window.minimumWidth()
    assert child(window, QLabel, "accountName").minimumSizeHint().width() == 0
