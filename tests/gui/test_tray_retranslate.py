"""The tray icon's menu re-words itself when the language changes live."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gfdesk.ui.language import Languages
from gfdesk.ui.tray import TrayIcon
from tests.gui.languages import languages

__all__ = ["languages"]


def _texts(tray: TrayIcon) -> list[str]:
    return [a.text() for a in tray.menu.actions()]


def test_tray_menu_rewords_itself_live(ui_app: QApplication, qtbot: QtBot,
                                       languages: Languages) -> None:
    tray = TrayIcon()
    tray.show()
    tray.show_incoming_call("Nova", video=False)
    languages.apply("de")
    qtbot.waitUntil(lambda: "Beenden" in _texts(tray))
    assert _texts(tray) == ["Nova — eingehender Sprachanruf", "Anruf annehmen",
                            "Anruf ablehnen", "", "gfdesk anzeigen", "", "Beenden"]
    tray.clear_incoming_call()
    languages.apply("en")
    qtbot.waitUntil(lambda: "Quit" in _texts(tray))
    assert _texts(tray) == ["Show gfdesk", "", "Quit"]
