"""The pop-out video window re-words itself live when the language changes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gfdesk.calls.videoviews import PopOutWindow
from gfdesk.ui.language import Languages
from tests.gui.languages import languages

__all__ = ["languages"]

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

GERMAN = ("Zum Verschieben diese Leiste ziehen; die Ecke ändert die Größe; Doppelklick oder "
          "Esc schließt")
ENGLISH = "Drag this strip to move; its corner resizes; double click or Esc closes"


def test_the_pop_out_window_follows_a_live_language_switch(
        ui_app: QApplication, languages: Languages, qtbot: QtBot) -> None:
    window = PopOutWindow()
    try:
        window.show()
        assert window.toolTip() == ENGLISH
        languages.apply("de")
        qtbot.waitUntil(lambda: window.toolTip() == GERMAN)
        languages.apply("en")
        qtbot.waitUntil(lambda: window.toolTip() == ENGLISH)
    finally:
        window.hide()
        window.deleteLater()
