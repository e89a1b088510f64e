"""The notification centre re-words itself when the language changes live."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from gfdesk.notifications.model import NotificationsModel
from gfdesk.notifications.view import NotificationCentreView
from gfdesk.ui.language import Languages
from tests.gui.languages import languages

__all__ = ["languages"]

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_the_notification_centre_switches_language_live(qtbot: QtBot,
                                                        languages: Languages) -> None:
    view = NotificationCentreView(NotificationsModel())
    qtbot.addWidget(view)
    view.show()
    assert view.heading.text() == "Inbox"

    languages.apply("de")
    qtbot.waitUntil(lambda: view.heading.text() == "Posteingang")
    assert view.mark_all.text() == "Alle als gelesen markieren"
    assert view.empty.text() == "Du bist auf dem neuesten Stand."
    assert view.list.accessibleName() == "Benachrichtigungen"

    languages.apply("en")
    qtbot.waitUntil(lambda: view.heading.text() == "Inbox")
    assert view.mark_all.text() == "Mark all read"
    assert view.empty.text() == "You're all caught up."
    assert view.list.accessibleName() == "Notifications"
