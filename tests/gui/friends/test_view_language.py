"""The friends page re-words itself when the language changes live."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from gfdesk.friends.model import FriendsModel
from gfdesk.friends.view import FriendsView
from gfdesk.ui.language import Languages
from tests.gui.languages import languages

__all__ = ["languages"]

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_the_friends_page_switches_language_live(qtbot: QtBot, languages: Languages) -> None:
    view = FriendsView(FriendsModel())
    qtbot.addWidget(view)
    view.show()
    assert view.add_friend.text() == "Add friend"
    assert view.empty_title.text() == "No friends yet"

    languages.apply("de")
    qtbot.waitUntil(lambda: view.add_friend.text() == "Freund hinzufügen")
    assert view.search.placeholderText() == "Freunde suchen"
    assert view.list.accessibleName() == "Freunde"
    assert view.empty_title.text() == "Noch keine Freunde"
    assert view.empty_body.text() == (
        "Finde Spieler über ihren Benutzernamen und schick ihnen eine Anfrage.")
    assert view.empty_action.text() == "Freund hinzufügen"

    languages.apply("en")
    qtbot.waitUntil(lambda: view.add_friend.text() == "Add friend")
    assert view.search.placeholderText() == "Search friends"
    assert view.empty_title.text() == "No friends yet"
    assert view.empty_action.text() == "Add friend"
