"""Settings > Desktop: each control edits the run's live settings (and the file), the
page follows changes made elsewhere (the tray), start at login writes and removes the
real XDG autostart file, and the dialog's tab edits the window's own settings."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QTabWidget
from pytestqt.qtbot import QtBot

from gfdesk.config import AppConfig, DesktopSettings, Overrides, Paths, load, read_desktop
from gfdesk.desktop.autostart import Autostart
from gfdesk.desktop.prefs import DesktopPrefs
from gfdesk.desktop.shell import DesktopShell
from gfdesk.hub.context import HubConfig
from gfdesk.hub.runner import RunningHub
from gfdesk.ui.desktopsettings import DesktopPage
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.settingsdialog import SettingsDialog
from gfdesk.ui.tray import TrayIcon
from gfdesk.ui.usermessages import MessageBridge
from tests.helpers.demoflow import close_flow, demo_flow, sign_in_demo
from tests.helpers.logfail import ExpectedLogs

# A toast plays the notification sound; this machine has no audio server.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "QSoundEffect", "PulseAudio")


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub", demo=True)


def page_for(tmp_path: Path, qtbot: QtBot) -> tuple[DesktopPage, DesktopPrefs, Autostart]:
    prefs = DesktopPrefs(tmp_path / "config.toml")
    autostart = Autostart("linux", env={"XDG_CONFIG_HOME": str(tmp_path / "xdg")},
                          command=["/usr/bin/gfdesk"])
    page = DesktopPage(prefs, autostart)
    qtbot.addWidget(page)
    return page, prefs, autostart


def test_each_control_edits_the_live_settings_and_the_file(
        tmp_path: Path, qtbot: QtBot) -> None:
    page, prefs, _ = page_for(tmp_path, qtbot)
    assert page.close_to_tray.isChecked() and page.sound.isChecked()
    assert page.idle_minutes.value() == DesktopSettings().idle_away_minutes
    page.close_to_tray.click()
    page.streamer_mode.click()
    page.streamer_auto.click()
    page.sound.click()
    page.idle_minutes.setValue(3)
    expected = DesktopSettings(close_to_tray=False, streamer_mode=True, streamer_auto=True,
                               notification_sound=False, idle_away_minutes=3)
    assert prefs.settings == expected
    assert read_desktop(tmp_path / "config.toml") == expected
    page.idle_minutes.setValue(0)
    assert page.idle_minutes.text() == "Never"


def test_the_page_follows_a_change_made_elsewhere(tmp_path: Path, qtbot: QtBot) -> None:
    page, prefs, _ = page_for(tmp_path, qtbot)
    prefs.update(streamer_mode=True)  # the tray's entry
    assert page.streamer_mode.isChecked()


def test_start_at_login_writes_and_removes_the_autostart_file(
        tmp_path: Path, qtbot: QtBot) -> None:
    page, _, autostart = page_for(tmp_path, qtbot)
    assert not page.start_at_login.isChecked()
    page.start_at_login.click()
    assert autostart.file is not None and autostart.file.is_file()
    assert "--background" in autostart.file.read_text(encoding="utf-8")
    page.start_at_login.click()
    assert not autostart.file.exists()


def test_a_refused_autostart_is_said_and_unticked(tmp_path: Path, qtbot: QtBot,
                                                  expected_logs: ExpectedLogs) -> None:
    expected_logs.allow("gfdesk.ui", "start at login not set")
    blocker = tmp_path / "xdg"
    blocker.write_text("a file where the folder should be")
    page, _, _ = page_for(tmp_path, qtbot)
    page.start_at_login.click()
    assert not page.start_at_login.isChecked()
    assert not page.autostart_problem.isHidden()
    assert "could not be changed" in page.autostart_problem.text()


def config_in(tmp_path: Path) -> AppConfig:
    paths = Paths(config_dir=tmp_path / "config", data_dir=tmp_path / "data",
                  log_dir=tmp_path / "log")
    return load(Overrides(), env={}, paths=paths)


async def test_the_dialogs_tab_applies_live_to_the_signed_in_account(
        ui_app: QApplication, hub: RunningHub, tmp_path: Path) -> None:
    config = config_in(tmp_path)
    window = MainWindow(MessageBridge())
    tray = TrayIcon(window)
    shell = DesktopShell(window, tray, config.paths.config_file, warn=lambda _t: None)
    flow = demo_flow(hub, tmp_path, window, tray)
    shell.attach(flow)
    try:
        await sign_in_demo(flow)
        friends = flow.features[0]
        assert friends.status.idle_away_s == 600  # type: ignore[attr-defined]
        dialog = SettingsDialog(config, None, window)
        tabs = dialog.findChild(QTabWidget, "settingsTabs")
        assert tabs is not None
        index = next(i for i in range(tabs.count()) if tabs.tabText(i) == "Desktop")
        # Each page sits in a scroll area (the dialog may be shorter than the page).
        page = tabs.widget(index).findChild(DesktopPage)
        assert isinstance(page, DesktopPage)
        page.idle_minutes.setValue(2)
        assert friends.status.idle_away_s == 120  # type: ignore[attr-defined]
        page.idle_minutes.setValue(0)
        assert math.isinf(friends.status.idle_away_s)  # type: ignore[attr-defined]
        page.streamer_mode.click()
        assert shell.streamer.active and shell.tray_streamer_action.isChecked()
        assert read_desktop(config.paths.config_file).streamer_mode
        dialog.deleteLater()
    finally:
        await close_flow(flow, window)
