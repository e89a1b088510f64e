"""The requests page re-words itself when the language changes live, counts included."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from gfdesk.friends.relations import Relation
from gfdesk.friends.requestsmodel import PlayerEntry, RequestsModel
from gfdesk.friends.requestsview import RequestsView
from gfdesk.friends.service import Friend
from gfdesk.ui.language import Languages
from tests.gui.languages import languages

__all__ = ["languages"]

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _texts(view: RequestsView, name: str) -> list[str]:
    return [label.text() for label in view.findChildren(QLabel, name)
            if label.parent() is not None and not label.isHidden()]


def _buttons(view: RequestsView) -> list[str]:
    return [button.text() for row in view.rows for button in row.buttons]


def test_the_requests_page_switches_language_live(qtbot: QtBot, languages: Languages) -> None:
    model = RequestsModel(None)
    model.incoming = [PlayerEntry(Friend("u1", "Carol Quinn", ""), Relation.INCOMING)]
    model.incoming_total = 1
    view = RequestsView(model)
    qtbot.addWidget(view)
    view.show()
    assert _texts(view, "requestsHeading") == ["Add a friend"]

    languages.apply("de")
    qtbot.waitUntil(lambda: _texts(view, "requestsHeading") == ["Freund hinzufügen"])
    assert view.search.placeholderText() == "Spieler nach Benutzername oder Name suchen"
    assert view.search.accessibleName() == "Spieler finden"
    qtbot.waitUntil(lambda: "EINGEGANGEN — 1" in _texts(view, "requestsSection"))
    assert _buttons(view)[:2] == ["Annehmen", "Ablehnen"]

    languages.apply("en")
    qtbot.waitUntil(lambda: _texts(view, "requestsHeading") == ["Add a friend"])
    assert view.search.placeholderText() == "Search players by username or name"
    qtbot.waitUntil(lambda: "INCOMING — 1" in _texts(view, "requestsSection"))
    assert _buttons(view)[:2] == ["Accept", "Decline"]
