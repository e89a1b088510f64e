"""The incoming-call window re-words itself live when the language changes."""

from __future__ import annotations

from typing import Any, cast

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gfdesk.calls.incomingwindow import IncomingCallWindow
from gfdesk.calls.states import CallInfo, CallKind, CallState, Direction
from gfdesk.ui.language import Languages
from tests.gui.languages import languages

__all__ = ["languages"]

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support activateWindow")


class _Model(QObject):
    call_changed = Signal(object)
    name_changed = Signal(str)
    other_name = "Ada"


class _Ringer:
    def start(self) -> bool:
        return True

    def stop(self) -> None:
        pass


def test_the_incoming_window_follows_a_live_language_switch(
        ui_app: QApplication, languages: Languages, qtbot: QtBot) -> None:
    model = _Model()
    window = IncomingCallWindow(cast(Any, model), cast(Any, _Ringer()))
    try:
        assert window.windowTitle() == "Incoming call"
        languages.apply("de")
        qtbot.waitUntil(lambda: window.windowTitle() == "Eingehender Anruf")
        assert window.accept_button.text() == "Annehmen"
        model.call_changed.emit(CallInfo("c1", Direction.INCOMING, CallKind.VIDEO, "u2",
                                         CallState.RINGING))
        assert window.kind.text() == "Eingehender Videoanruf"
        assert window.windowTitle() == "Ada ruft an"
        languages.apply("en")
        qtbot.waitUntil(lambda: window.accept_button.text() == "Accept")
        assert window.decline_button.text() == "Decline"
        assert window.kind.text() == "Incoming video call"
        assert window.windowTitle() == "Ada is calling"
    finally:
        window.hide()
        window.deleteLater()
