"""The account flow the desktop part's GUI tests sign in with: the demo account's
backend on the test hub, with a throwaway keyring."""

from __future__ import annotations

from pathlib import Path

from gfdesk.accountflow import AccountFlow
from gfdesk.core.backend import BackendService
from gfdesk.hub.runner import RunningHub
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.tray import TrayIcon
from gfdesk.ui.usermessages import MessageBridge
from tests.helpers.memkeyring import MemoryKeyring


def demo_flow(hub: RunningHub, tmp_path: Path, window: MainWindow, tray: TrayIcon
              ) -> AccountFlow:
    """An account flow for ``window`` on ``hub`` (start it with the demo login)."""
    backend = BackendService(hub.url, hub.anon_key, label="demo hub",
                             on_status=window.set_connection_status, profile="test",
                             data_dir=tmp_path / "data", keyring_backend=MemoryKeyring())
    return AccountFlow(backend, window, MessageBridge(), tray, can_sign_in=True)
