"""The desktop parts of the window, built together: close to tray, ``gfdesk://`` links,
streamer mode (indicator, tray entry) and the notification sound, over the live
``[desktop]`` settings.

Part of the composition root: ``gfdesk.app`` builds one ``DesktopShell`` after the
window and the tray icon, and ``attach``es each account flow; the shell applies
streamer mode and opens waiting links on each account's features when they start.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from gfdesk.config import DesktopSettings
from gfdesk.desktop.closetotray import CloseToTray
from gfdesk.desktop.linkopener import LinkOpener
from gfdesk.desktop.prefs import DesktopPrefs
from gfdesk.desktop.sound import NotificationSound
from gfdesk.desktop.streamermode import StreamerMode, indicator, tray_action

if TYPE_CHECKING:
    from gfdesk.accountflow import AccountFlow
    from gfdesk.featurewiring import Wiring
    from gfdesk.ui.mainwindow import MainWindow
    from gfdesk.ui.tray import TrayIcon


class DesktopShell(QObject):
    """Close to tray, links, streamer mode and sound for ``window``.

    Args:
        window: the main window.
        tray: the tray icon (shown or not).
        config_file: where ``[desktop]`` is kept (None: not kept).
        warn: tells the user something (a refused link).
    """

    def __init__(self, window: MainWindow, tray: TrayIcon, config_file: Path | None,
                 warn: Callable[[str], object]) -> None:
        super().__init__(window)
        self.prefs = DesktopPrefs(config_file, parent=self)
        """The ``[desktop]`` settings, live."""
        self.close_to_tray = CloseToTray(window, self.prefs, tray.system_icon.isVisible,
                                         tray.notify, parent=self)
        self.opener = LinkOpener(warn, parent=self)
        """Opens ``gfdesk://`` links once an account's features are there."""
        app = QCoreApplication.instance()
        # Only macOS hands links over as events; elsewhere an application-wide filter
        # would only cost a Python call for every event of the app.
        if app is not None and sys.platform == "darwin":
            self.opener.watch(app)
        self.streamer = StreamerMode(self.prefs, parent=self)
        """Whether streamer mode is on."""
        self.indicator = indicator(window.statusBar(), self.streamer)
        quit_action = next((a for a in tray.menu.actions()
                            if a.objectName() == "trayQuitAction"), None)
        self.tray_streamer_action = tray_action(tray.menu, self.prefs, quit_action)
        self._flow: AccountFlow | None = None
        self._wiring: Wiring | None = None
        self.sound = NotificationSound(self.prefs, parent=self)
        """The notification chime (when a notification toasts)."""
        self.streamer.active_changed.connect(self._on_streamer_active_changed)
        self.prefs.changed.connect(self._on_prefs_changed)

    def start(self) -> None:
        """Start watching for streaming apps, if asked (on the running loop)."""
        self.streamer.start()

    def account_text(self, name: str, email: str) -> str:
        """Who is signed in, as Settings says it: no email in streamer mode."""
        return name if self.streamer.active else f"{name} ({email})"

    def attach(self, flow: AccountFlow) -> None:
        """Follow ``flow``'s account: its sign-in screen and its features."""
        self._flow = flow
        flow.set_private(self.streamer.active)
        flow.features_changed.connect(self._on_features_changed)

    def _on_features_changed(self, wiring: Wiring | None) -> None:
        self._wiring = wiring
        if wiring is not None:
            wiring.set_streamer_mode(self.streamer.active)
            wiring.set_idle_away_minutes(self.prefs.settings.idle_away_minutes)
            # Gone with the feature at sign-out, the connection with it.
            wiring.notifications.toasted.connect(self.sound.play)
        self.opener.set_wiring(wiring)

    def _on_prefs_changed(self, settings: DesktopSettings) -> None:
        if self._wiring is not None:
            self._wiring.set_idle_away_minutes(settings.idle_away_minutes)

    def _on_streamer_active_changed(self, on: bool) -> None:
        if self._flow is not None:
            self._flow.set_private(on)
        if self._wiring is not None:
            self._wiring.set_streamer_mode(on)
