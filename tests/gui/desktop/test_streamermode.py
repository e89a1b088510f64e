"""Streamer mode against the demo hub: on by hand (Settings' setting, the tray entry),
it hides each listed item (notification bodies in the list and in toasts, message
previews in the conversation list, the email in Settings' account line and on the
sign-in screen) and shows the indicator; off, everything is back. The automatic
mode follows a streaming app's process."""

from __future__ import annotations

import asyncio
import dataclasses
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from gfdesk import bridge
from gfdesk.chat.listmodel import SUMMARY_ROLE
from gfdesk.desktop.prefs import DesktopPrefs
from gfdesk.desktop.shell import DesktopShell
from gfdesk.desktop.streamerdetect import process_names, streaming_app_running
from gfdesk.desktop.streamermode import StreamerMode
from gfdesk.hub.context import HubConfig
from gfdesk.hub.demo import DEMO_EMAIL
from gfdesk.hub.runner import RunningHub
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.tray import TrayIcon
from gfdesk.ui.usermessages import MessageBridge
from tests.helpers.demoflow import close_flow, demo_flow, sign_in_demo

# A toast plays the notification sound; this machine has no audio server.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "QSoundEffect", "PulseAudio")
HIDDEN = "Hidden in streamer mode"


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub", demo=True)


async def test_streamer_mode_hides_each_listed_item(
        ui_app: QApplication, hub: RunningHub, tmp_path: Path) -> None:
    window = MainWindow(MessageBridge())
    tray = TrayIcon(window)
    toasts: list[tuple[str, str]] = []

    def notify(title: str, body: str) -> bool:  # offscreen has no tray to show it
        toasts.append((title, body))
        return True

    tray.notify = notify  # type: ignore[method-assign]
    shell = DesktopShell(window, tray, tmp_path / "config.toml", warn=lambda _t: None)
    shell.start()
    flow = demo_flow(hub, tmp_path, window, tray)
    shell.attach(flow)
    try:
        await sign_in_demo(flow)
        _friends, notes, _tournaments, chat, _calls = flow.features
        first = notes.model.index(0, 0)
        body = notes.model.notification(0).body
        assert body and notes.view.delegate.body_text(first) == body.replace("\n", " ")
        conversations = chat.view.conversation_list.model()
        summary = next(s for r in range(conversations.rowCount())
                       if (s := conversations.index(r, 0).data(SUMMARY_ROLE)).last_message)
        delegate = chat.view.conversation_delegate
        assert delegate.preview_text(summary) == summary.preview() != HIDDEN
        assert shell.account_text("Demo", DEMO_EMAIL) == f"Demo ({DEMO_EMAIL})"
        assert not shell.indicator.isVisibleTo(window)

        shell.tray_streamer_action.trigger()  # the tray menu's entry
        assert shell.prefs.settings.streamer_mode and shell.streamer.active
        assert shell.indicator.isVisibleTo(window)
        assert shell.indicator.text() == "STREAMER MODE"
        assert notes.view.delegate.body_text(first) == HIDDEN
        assert delegate.preview_text(summary) == HIDDEN
        assert shell.account_text("Demo", DEMO_EMAIL) == "Demo"
        item = dataclasses.replace(notes.model.notification(0), id=str(uuid.uuid4()),
                                   read_at=None)
        notes.model.add(item)
        await bridge.next_emit(notes.toasted, 5)
        assert toasts[-1] == (item.title, HIDDEN)

        await flow.sign_out()
        email = window.findChild(QLineEdit, "signInEmail")
        assert email is not None
        assert email.echoMode() is QLineEdit.EchoMode.Password

        shell.prefs.update(streamer_mode=False)
        assert not shell.tray_streamer_action.isChecked()
        assert not shell.indicator.isVisibleTo(window)
        assert email.echoMode() is QLineEdit.EchoMode.Normal
        assert shell.account_text("Demo", DEMO_EMAIL) == f"Demo ({DEMO_EMAIL})"
    finally:
        await close_flow(flow, window)


async def test_the_features_of_a_new_sign_in_start_hidden(
        ui_app: QApplication, hub: RunningHub, tmp_path: Path) -> None:
    window = MainWindow(MessageBridge())
    tray = TrayIcon(window)
    shell = DesktopShell(window, tray, None, warn=lambda _t: None)
    shell.prefs.update(streamer_mode=True)
    flow = demo_flow(hub, tmp_path, window, tray)
    shell.attach(flow)
    try:
        await sign_in_demo(flow)
        _friends, notes, _tournaments, chat, _calls = flow.features
        assert notes.view.delegate.hide_bodies
        assert chat.view.conversation_delegate.hide_previews
    finally:
        await close_flow(flow, window)


async def test_the_automatic_mode_follows_a_streaming_app(ui_app: QApplication) -> None:
    seen: list[str | None] = ["obs64.exe"]
    prefs = DesktopPrefs(None)
    mode = StreamerMode(prefs, detect=lambda: seen[0], poll_s=0.01)
    mode.start()
    assert not mode.active  # not asked to look
    prefs.update(streamer_auto=True)
    assert (await bridge.next_emit(mode.active_changed, 5)) == (True,)
    assert mode.detected == "obs64.exe"
    seen[0] = None
    assert (await bridge.next_emit(mode.active_changed, 5)) == (False,)
    prefs.update(streamer_auto=False)
    await asyncio.sleep(0)
    assert not [t for t in bridge.live_tasks() if t.get_name() == "streamer:detect"]
    mode.deleteLater()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="copies a Linux binary")
def test_a_real_obs_process_is_found(tmp_path: Path) -> None:
    sleep = shutil.which("sleep")
    assert sleep is not None
    obs = tmp_path / "obs"
    shutil.copy(sleep, obs)
    if streaming_app_running() is not None:
        pytest.skip("a streaming app runs on this machine")
    proc = subprocess.Popen([str(obs), "30"])
    try:
        assert "obs" in process_names()
        assert "obs" in process_names("linux", use_psutil=False)  # /proc
        assert streaming_app_running() == "obs"
    finally:
        proc.kill()
        proc.wait()
    assert streaming_app_running() is None
