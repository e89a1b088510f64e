"""The window at its smallest: the friends page's panes keep their minimum widths
however the splitter is dragged, the friends search box stays usable and has nothing
beside it that reads as a filter; the profile card shows the user's own status and,
signed out, nothing but "Not signed in"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QSplitter, QToolButton
from pytestqt.qtbot import QtBot

from gfdesk.core.status import ConnectionState, ConnectionStatus
from gfdesk.friends.model import FriendsModel
from gfdesk.friends.view import SEARCH_MIN_WIDTH, FriendsView
from gfdesk.notifications.model import NotificationsModel
from gfdesk.notifications.view import NotificationCentreView
from gfdesk.ui.mainwindow import MINIMUM_SIZE, PANE_MIN_WIDTH, MainWindow
from gfdesk.ui.sections import Section
from gfdesk.ui.usermessages import MessageBridge
from gfdesk.userstatus import Status

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def window(ui_app: QApplication, qtbot: QtBot) -> MainWindow:
    win = MainWindow(MessageBridge())
    qtbot.addWidget(win)
    return win


def _friends_page(window: MainWindow) -> tuple[FriendsView, QSplitter]:
    friends = FriendsView(FriendsModel())
    inbox = NotificationCentreView(NotificationsModel())
    window.set_section_view(Section.FRIENDS, friends, inbox)
    page = window.section_widget(Section.FRIENDS)
    assert isinstance(page, QSplitter)
    return friends, page


def test_panes_keep_their_minimum_width_at_the_smallest_window(
        window: MainWindow, qtbot: QtBot) -> None:
    friends, splitter = _friends_page(window)
    window.show()
    window.resize(MINIMUM_SIZE)
    QApplication.processEvents()
    assert window.width() == MINIMUM_SIZE.width()
    for drag in (0, splitter.width(), 10, splitter.width() // 2):
        splitter.moveSplitter(drag, 1)
        QApplication.processEvents()
        sizes = splitter.sizes()
        assert all(size >= PANE_MIN_WIDTH for size in sizes), (drag, sizes)
        assert sum(sizes) + splitter.handleWidth() <= splitter.width(), (drag, sizes)
        assert friends.width() >= friends.minimumSizeHint().width()
        # Nothing is painted past the window: the panes fit in it.
        assert splitter.mapTo(window, splitter.rect().topRight()).x() <= window.width()
    assert friends.search.width() >= SEARCH_MIN_WIDTH
    assert friends.search.isVisible()


def test_nothing_beside_the_friends_search_reads_as_a_filter(window: MainWindow) -> None:
    friends, _ = _friends_page(window)
    assert friends.findChildren(QComboBox) == []
    assert [b.objectName() for b in friends.findChildren(QToolButton)
            if b.objectName() == "statusButton"] == []
    # The status lives on the profile card instead.
    assert window.account_footer().findChild(QToolButton, "statusButton") is not None


def test_the_profile_card_shows_the_users_status_and_is_empty_signed_out(
        window: MainWindow, qtbot: QtBot) -> None:
    footer = window.account_footer()
    window.set_connection_status(ConnectionStatus(ConnectionState.ONLINE))
    window.set_account("Nova")
    assert footer.presence_text() == "Online"  # the connection's word, no status yet
    window.set_own_status("Playing Valorant", Status.IN_GAME.color)
    assert footer.presence_text() == "Playing Valorant"
    window.set_connection_status(ConnectionStatus(ConnectionState.OFFLINE))
    assert footer.presence_text() == "Offline"
    window.set_connection_status(ConnectionStatus(ConnectionState.ONLINE))
    assert footer.presence_text() == "Playing Valorant"
    opened: list[object] = []
    window.set_status_picker(opened.append)
    window.show()
    QTest.mouseClick(footer.findChild(QToolButton, "statusButton"), Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    window.set_account(None)
    assert footer.presence_text() == ""
    assert not footer.findChild(QToolButton, "statusButton").isVisible()
    QTest.mouseClick(footer, Qt.MouseButton.LeftButton)
    assert len(opened) == 1  # signed out: no picker


def test_clearing_the_views_brings_the_empty_states_back(window: MainWindow) -> None:
    friends, splitter = _friends_page(window)
    window.set_badge(Section.FRIENDS, 3)
    window.clear_section_views()
    QApplication.sendPostedEvents(None, 0)
    from gfdesk.ui.emptystate import EmptyState

    assert all(isinstance(window.section_widget(s), EmptyState) for s in Section)
    assert window._sidebar.badge(Section.FRIENDS) == 0
