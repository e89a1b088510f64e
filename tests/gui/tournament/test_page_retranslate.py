"""A tournament page re-words itself live when the language changes."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any, cast

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gfdesk.tournament.page import TournamentPage
from gfdesk.tournament.pagemodel import TournamentPageModel
from gfdesk.ui.language import Languages
from tests.gui.languages import languages

__all__ = ["languages"]

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_a_tournament_page_follows_a_live_language_switch(
        ui_app: QApplication, languages: Languages, qtbot: QtBot) -> None:
    # Not loaded: the service is never reached.
    service = SimpleNamespace(user_id="u1", name_of=lambda user_id: user_id)
    page = TournamentPage(TournamentPageModel(cast(Any, service), "t1", tz=dt.UTC))
    standings = page.tabs.indexOf(page.standings)
    try:
        page.show()
        assert page.tabs.tabText(standings) == "Standings"
        languages.apply("de")
        qtbot.waitUntil(lambda: page.tabs.tabText(standings) == "Tabelle")
        assert page.register_button.text() == "Anmelden"
        assert page.withdraw_button.text() == "Abmelden"
        assert page.png_button.toolTip() == "Bracket als Bild exportieren"
        languages.apply("en")
        qtbot.waitUntil(lambda: page.tabs.tabText(standings) == "Standings")
        assert page.register_button.text() == "Register"
        assert page.png_button.toolTip() == "Export the bracket as a picture"
        assert page.tabs.tabText(0) == "Bracket"
    finally:
        page.hide()
        page.deleteLater()
