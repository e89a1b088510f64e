"""Streamer mode (as in Discord): while on, email addresses, notification bodies and
message previews (in toasts and lists) and the sign-in details are hidden, and the
window says "STREAMER MODE".

On by hand (``[desktop] streamer_mode``: Settings, the tray menu), or, when
``streamer_auto`` is on, while OBS or Streamlabs runs: a task polls the process list
every ``POLL_S`` seconds on a worker thread (``streamerdetect``), only while the
automatic mode is chosen.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QLabel, QMenu, QStatusBar

from gfdesk import bridge
from gfdesk.config import DesktopSettings
from gfdesk.desktop.prefs import DesktopPrefs
from gfdesk.desktop.streamerdetect import streaming_app_running
from gfdesk.log import app as log

#: How often the process list is read while the automatic mode is on.
POLL_S = 5.0


class StreamerMode(QObject):
    """Whether streamer mode is on now.

    Args:
        prefs: ``streamer_mode`` (by hand) and ``streamer_auto``.
        detect: finds a running streaming app (blocking; run on a worker thread).
        poll_s: seconds between two looks.

    Signals:
        active_changed(bool): streamer mode started (True) or ended.
    """

    active_changed = Signal(bool)

    def __init__(self, prefs: DesktopPrefs,
                 detect: Callable[[], str | None] = streaming_app_running,
                 poll_s: float = POLL_S, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._prefs = prefs
        self._detect = detect
        self._poll_s = poll_s
        self._detected: str | None = None
        self._active = False
        self._polling: asyncio.Task[None] | None = None
        self._failed_once = False
        prefs.changed.connect(self._on_prefs_changed)

    def start(self) -> None:
        """Apply the settings (and start watching, if asked); on a running loop."""
        self._on_prefs_changed(self._prefs.settings)

    @property
    def active(self) -> bool:
        return self._active

    @property
    def detected(self) -> str | None:
        """The streaming app seen running (None: none, or not looking)."""
        return self._detected

    def _on_prefs_changed(self, settings: DesktopSettings) -> None:
        if settings.streamer_auto and self._polling is None:
            self._polling = bridge.spawn(self._poll(), name="streamer:detect", owner=self)
        elif not settings.streamer_auto and self._polling is not None:
            self._polling.cancel()
            self._polling = None
            self._detected = None
        self._update()

    def _update(self) -> None:
        settings = self._prefs.settings
        active = settings.streamer_mode or (settings.streamer_auto
                                            and self._detected is not None)
        if active != self._active:
            log.info("streamer mode %s -> %s%s", "on" if self._active else "off",
                     "on" if active else "off",
                     f" ({self._detected} runs)" if active and self._detected else "")
            self._active = active
            self.active_changed.emit(active)

    async def _poll(self) -> None:
        while True:
            try:
                found = await asyncio.to_thread(self._detect)
            except OSError as exc:
                if not self._failed_once:
                    log.warning("streamer mode: cannot list processes: %s", exc)
                    self._failed_once = True
                found = None
            if found != self._detected:
                self._detected = found
                self._update()
            await asyncio.sleep(self._poll_s)


def indicator(status_bar: QStatusBar, mode: StreamerMode) -> QLabel:
    """The "STREAMER MODE" label at the status bar's right, shown while it is on."""
    label = QLabel(QCoreApplication.translate("StreamerMode", "STREAMER MODE"), status_bar)
    label.setObjectName("streamerModeIndicator")
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(label.text())
    label.setToolTip(QCoreApplication.translate(
        "StreamerMode", "Email addresses, notification texts and message previews are "
        "hidden"))
    label.setVisible(mode.active)
    status_bar.addPermanentWidget(label)
    mode.active_changed.connect(label.setVisible)
    return label


def tray_action(menu: QMenu, prefs: DesktopPrefs, before: QAction | None) -> QAction:
    """A checkable "Streamer mode" entry in the tray menu (the by-hand setting)."""
    action = QAction(QCoreApplication.translate("StreamerMode", "Streamer mode"), menu)
    action.setObjectName("trayStreamerModeAction")
    action.setCheckable(True)
    action.setChecked(prefs.settings.streamer_mode)
    action.toggled.connect(lambda on: prefs.update(streamer_mode=on))
    prefs.changed.connect(lambda s: action.setChecked(s.streamer_mode))
    if before is not None:
        menu.insertAction(before, action)
    else:
        menu.addAction(action)
    return action
