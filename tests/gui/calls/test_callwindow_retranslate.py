"""The call window re-words itself live when the language changes."""

from __future__ import annotations

from typing import Any, cast

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gfdesk.calls.callwindow import CallWindow
from gfdesk.calls.render import Surface, VideoRenderer
from gfdesk.calls.states import CallInfo, CallKind, CallState, Direction
from gfdesk.ui.language import Languages
from tests.gui.languages import languages

__all__ = ["languages"]

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise", "does not support activate")


class _Model(QObject):
    """What the call window reads of a ``CallModel``."""

    call_changed = Signal(object)
    name_changed = Signal(str)
    stats_updated = Signal(object)
    sources_changed = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.remote = VideoRenderer(Surface.VIDEO_SINK, parent=self)
        self.local = VideoRenderer(Surface.IMAGE, parent=self, image_width=320)
        self.info: CallInfo | None = None
        self.other_name = "Ada"
        self.cameras: list[object] = []
        self.busy = False

    def switch_camera(self) -> None:
        pass

    def hang_up(self) -> None:
        pass

    def set_muted(self, muted: bool) -> None:
        pass

    def set_camera_on(self, on: bool) -> None:
        pass


def test_the_call_window_follows_a_live_language_switch(
        ui_app: QApplication, languages: Languages, qtbot: QtBot) -> None:
    model = _Model()
    window = CallWindow(cast(Any, model))
    try:
        assert window.windowTitle() == "Call"
        languages.apply("de")
        qtbot.waitUntil(lambda: window.windowTitle() == "Anruf")
        assert window.popped.text().startswith("Das Bild ist im abgelösten Fenster.")
        model.info = CallInfo("c1", Direction.OUTGOING, CallKind.VIDEO, "u2", CallState.RINGING)
        model.call_changed.emit(model.info)
        assert window.windowTitle() == "Videoanruf mit Ada"
        assert window.state.text() == "Ada wird angerufen…"
        languages.apply("en")
        qtbot.waitUntil(lambda: window.windowTitle() == "Video call with Ada")
        assert window.state.text() == "Calling Ada…"
        assert window.popped.text().startswith("The picture is in the pop-out window.")
    finally:
        window.hide()
        window.deleteLater()
