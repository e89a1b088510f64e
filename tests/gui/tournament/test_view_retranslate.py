"""The Tournaments section re-words itself live when the language changes."""

from __future__ import annotations

from typing import Any, cast

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from gfdesk.tournament.model import TournamentsModel
from gfdesk.tournament.view import TournamentsView
from gfdesk.ui.language import Languages
from tests.gui.languages import languages

__all__ = ["languages"]

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_the_tournaments_view_follows_a_live_language_switch(
        ui_app: QApplication, languages: Languages, qtbot: QtBot) -> None:
    # The service is never reached: the view is shown within the refresh interval.
    view = TournamentsView(TournamentsModel(cast(Any, None)))
    title = view.findChild(QLabel, "tournamentSidebarTitle")
    empty = view.findChild(QLabel, "tournamentEmpty")
    assert title is not None and empty is not None
    try:
        view.show()
        assert view.new_button.text() == "New"
        languages.apply("de")
        qtbot.waitUntil(lambda: view.new_button.text() == "Neu")
        assert view.new_button.toolTip() == "Ein eigenes Turnier ausrichten"
        assert empty.text() == "Wähl ein Turnier, um sein Bracket live zu verfolgen."
        assert title.text() == view.list.accessibleName() == "Turniere"
        languages.apply("en")
        qtbot.waitUntil(lambda: view.new_button.text() == "New")
        assert view.new_button.toolTip() == "Create a tournament you host"
        assert empty.text() == "Pick a tournament to follow its bracket live."
        assert title.text() == "Tournaments"
    finally:
        view.hide()
        view.deleteLater()
