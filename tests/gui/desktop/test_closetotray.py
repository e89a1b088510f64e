"""Close to tray: the close button hides the window while a tray icon shows (with the
hint once), Quit still quits, and without a tray or with the setting off a close
closes. The tray's presence is passed in (offscreen has no tray)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtTest import QSignalSpy
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gfdesk.config import read_desktop
from gfdesk.desktop.closetotray import CloseToTray
from gfdesk.desktop.prefs import DesktopPrefs
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.usermessages import MessageBridge


class Tray:
    def __init__(self) -> None:
        self.shown = True
        self.hints: list[tuple[str, str]] = []

    def notify(self, title: str, body: str) -> bool:
        self.hints.append((title, body))
        return True


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow(MessageBridge())
    qtbot.addWidget(win)
    win.show()
    yield win


def closer(window: MainWindow, tmp_path: Path, tray: Tray) -> DesktopPrefs:
    prefs = DesktopPrefs(tmp_path / "config.toml", parent=window)
    CloseToTray(window, prefs, lambda: tray.shown, tray.notify)
    return prefs


def test_closing_hides_into_the_tray_with_the_hint_once(
        window: MainWindow, tmp_path: Path, qapp: QApplication) -> None:
    tray = Tray()
    prefs = closer(window, tmp_path, tray)
    last_closed = QSignalSpy(qapp.lastWindowClosed)
    assert not window.close()
    assert not window.isVisible()
    assert last_closed.count() == 0
    assert len(tray.hints) == 1 and "tray" in tray.hints[0][1]
    assert prefs.settings.hint_shown
    assert read_desktop(tmp_path / "config.toml").hint_shown  # kept for the next run
    window.show()
    window.close()
    assert not window.isVisible()
    assert len(tray.hints) == 1  # once


def test_quit_quits_even_with_a_tray(window: MainWindow, tmp_path: Path) -> None:
    closer(window, tmp_path, Tray())
    window.quit()
    assert not window.isVisible()
    assert window.quitting


def test_without_a_tray_closing_quits(window: MainWindow, tmp_path: Path) -> None:
    tray = Tray()
    tray.shown = False
    closer(window, tmp_path, tray)
    assert window.close()
    assert tray.hints == []


def test_the_setting_off_closing_quits_at_once(window: MainWindow, tmp_path: Path) -> None:
    tray = Tray()
    prefs = closer(window, tmp_path, tray)
    prefs.update(close_to_tray=False)
    assert window.close()
    assert tray.hints == []


def test_ctrl_q_quits(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    closer(window, tmp_path, Tray())
    quit_action = next(a for a in window.actions() if a.objectName() == "quitAction")
    quit_action.trigger()
    assert window.quitting and not window.isVisible()
