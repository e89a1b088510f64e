"""The notification sound: the resources' WAV, played when a notification toasts
on the demo account while the setting is on, and not once it is off."""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from gfdesk import bridge
from gfdesk.desktop.shell import DesktopShell
from gfdesk.desktop.sound import sound_file
from gfdesk.hub.context import HubConfig
from gfdesk.hub.runner import RunningHub
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.tray import TrayIcon
from gfdesk.ui.usermessages import MessageBridge
from tests.helpers.demoflow import close_flow, demo_flow, sign_in_demo

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "QSoundEffect", "PulseAudio")


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub", demo=True)


def test_the_sound_is_the_resources_chime() -> None:
    found = sound_file()
    assert found is not None and found.name == "notification.wav" and found.is_file()


async def test_a_toasted_notification_plays_the_sound_unless_it_is_off(
        ui_app: QApplication, hub: RunningHub, tmp_path: Path) -> None:
    window = MainWindow(MessageBridge())
    tray = TrayIcon(window)
    tray.notify = lambda _t, _b: True  # type: ignore[method-assign]
    shell = DesktopShell(window, tray, None, warn=lambda _t: None)
    flow = demo_flow(hub, tmp_path, window, tray)
    shell.attach(flow)
    try:
        await sign_in_demo(flow)
        notes = flow.features[1]

        async def arrive() -> None:
            item = dataclasses.replace(notes.model.notification(0),  # type: ignore[attr-defined]
                                       id=str(uuid.uuid4()), read_at=None)
            notes.model.add(item)  # type: ignore[attr-defined]
            await bridge.next_emit(notes.toasted, 5)  # type: ignore[attr-defined]

        assert shell.sound.played == 0
        await arrive()
        assert shell.sound.played == 1
        shell.prefs.update(notification_sound=False)
        await arrive()
        assert shell.sound.played == 1
    finally:
        await close_flow(flow, window)
