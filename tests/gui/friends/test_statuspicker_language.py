"""The status picker re-words itself when the language changes live."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from gfdesk.friends.statusmodel import StatusModel
from gfdesk.friends.statuspicker import StatusPicker, status_menu
from gfdesk.ui.language import Languages
from gfdesk.userstatus import Status
from tests.gui.languages import languages

__all__ = ["languages"]

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _titles(picker: StatusPicker) -> list[str]:
    return [label.text() for label in picker.findChildren(QLabel, "statusPickerTitle")]


def _hint(picker: StatusPicker, status: Status) -> str:
    label = picker.choices[status].findChild(QLabel, "statusChoiceHint")
    assert label is not None
    return label.text()


def test_the_picker_switches_language_live(qtbot: QtBot, languages: Languages) -> None:
    picker = StatusPicker(StatusModel())
    qtbot.addWidget(picker)
    picker.show()
    assert _titles(picker) == ["SET YOUR STATUS", "PLAYING"]

    languages.apply("de")
    qtbot.waitUntil(lambda: _titles(picker) == ["STATUS FESTLEGEN", "SPIELT"])
    assert picker.search.placeholderText() == "Spiele suchen oder eins eintippen"
    assert picker.search.accessibleName() == "Spiele suchen"
    assert _hint(picker, Status.ONLINE) == "Freunde sehen dich online"
    assert picker.choices[Status.INVISIBLE].accessibleName() == "Unsichtbar"

    languages.apply("en")
    qtbot.waitUntil(lambda: _titles(picker) == ["SET YOUR STATUS", "PLAYING"])
    assert picker.search.placeholderText() == "Search games or type one"
    assert _hint(picker, Status.ONLINE) == "Friends see you online"
    assert picker.choices[Status.INVISIBLE].accessibleName() == "Invisible"


def test_the_status_menu_switches_language_live(qtbot: QtBot, languages: Languages) -> None:
    menu = status_menu(StatusModel(), choose_game=lambda: None)
    qtbot.addWidget(menu)

    def texts() -> list[str]:
        return [action.text() for action in menu.actions() if action.text()]

    assert texts()[-1] == "Choose a game…"
    languages.apply("de")
    qtbot.waitUntil(lambda: texts()[-1] == "Spiel auswählen…")
    assert "Unsichtbar" in texts()
    assert menu.title() == "Status"

    languages.apply("en")
    qtbot.waitUntil(lambda: texts()[-1] == "Choose a game…")
    assert "Invisible" in texts()
