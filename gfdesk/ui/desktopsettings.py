"""The Desktop page of the settings dialog: close to tray, start at login, auto-away,
streamer mode (by hand, or while OBS/Streamlabs runs) and the notification sound.

Every change applies at once, without a restart: the page edits the run's
``DesktopPrefs`` (saved to ``[desktop]`` at each change), which close to tray,
streamer mode, auto-away and the sound follow. Start at login is the autostart entry
itself (``desktop.autostart``), written or removed when the box is ticked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gfdesk.config import MAX_IDLE_AWAY_MINUTES, DesktopSettings
from gfdesk.desktop.autostart import Autostart
from gfdesk.desktop.prefs import DesktopPrefs
from gfdesk.kit import spinbox
from gfdesk.log import ui as log


class DesktopPage(QWidget):
    """The Desktop tab.

    Args:
        prefs: the run's desktop settings (edited live).
        autostart: start at login on this system.
    """

    def __init__(self, prefs: DesktopPrefs, autostart: Autostart | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("desktopPage")
        self._prefs = prefs
        self._autostart = autostart if autostart is not None else Autostart()
        settings = prefs.settings

        window_box = QGroupBox(self.tr("Window"), self)
        self.close_to_tray = QCheckBox(self.tr("Closing the window keeps gfdesk running "
                                               "in the tray"), window_box)
        self.close_to_tray.setObjectName("desktopCloseToTray")
        self.start_at_login = QCheckBox(self.tr("Start gfdesk in the tray when I log in"),
                                        window_box)
        self.start_at_login.setObjectName("desktopStartAtLogin")
        self.autostart_problem = QLabel("", window_box)
        self.autostart_problem.setObjectName("desktopAutostartProblem")
        self.autostart_problem.setTextFormat(Qt.TextFormat.PlainText)
        self.autostart_problem.setWordWrap(True)
        self.autostart_problem.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.autostart_problem.hide()
        window_layout = QVBoxLayout(window_box)
        for widget in (self.close_to_tray, self.start_at_login, self.autostart_problem):
            window_layout.addWidget(widget)

        status_box = QGroupBox(self.tr("Status"), self)
        self.idle_minutes = QSpinBox(status_box)
        self.idle_minutes.setObjectName("desktopIdleMinutes")
        self.idle_minutes.setRange(0, MAX_IDLE_AWAY_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setSpecialValueText(self.tr("Never"))
        self.idle_minutes.setAccessibleName(self.tr("Away after this long idle"))
        spinbox.pad(self.idle_minutes)
        status_layout = QFormLayout(status_box)
        status_layout.addRow(self.tr("Away after idle"), self.idle_minutes)

        privacy_box = QGroupBox(self.tr("Streamer mode"), self)
        self.streamer_mode = QCheckBox(self.tr("Streamer mode: hide email addresses, "
                                               "notification texts and message previews"),
                                       privacy_box)
        self.streamer_mode.setObjectName("desktopStreamerMode")
        self.streamer_auto = QCheckBox(self.tr("Turn it on while OBS or Streamlabs runs"),
                                       privacy_box)
        self.streamer_auto.setObjectName("desktopStreamerAuto")
        privacy_layout = QVBoxLayout(privacy_box)
        privacy_layout.addWidget(self.streamer_mode)
        privacy_layout.addWidget(self.streamer_auto)

        sound_box = QGroupBox(self.tr("Notifications"), self)
        self.sound = QCheckBox(self.tr("Play a sound for new notifications"), sound_box)
        self.sound.setObjectName("desktopNotificationSound")
        QVBoxLayout(sound_box).addWidget(self.sound)

        layout = QVBoxLayout(self)
        for box in (window_box, status_box, privacy_box, sound_box):
            layout.addWidget(box)
        layout.addStretch(1)

        self._show(settings)
        self.start_at_login.setChecked(self._autostart_enabled())
        self.close_to_tray.toggled.connect(lambda on: prefs.update(close_to_tray=on))
        self.streamer_mode.toggled.connect(lambda on: prefs.update(streamer_mode=on))
        self.streamer_auto.toggled.connect(lambda on: prefs.update(streamer_auto=on))
        self.sound.toggled.connect(lambda on: prefs.update(notification_sound=on))
        self.idle_minutes.valueChanged.connect(
            lambda minutes: prefs.update(idle_away_minutes=minutes))
        self.start_at_login.toggled.connect(self._on_start_at_login_toggled)
        # The tray's streamer entry changes the same settings while the page is open.
        prefs.changed.connect(self._show)

    def _show(self, settings: DesktopSettings) -> None:
        for box, on in ((self.close_to_tray, settings.close_to_tray),
                        (self.streamer_mode, settings.streamer_mode),
                        (self.streamer_auto, settings.streamer_auto),
                        (self.sound, settings.notification_sound)):
            if box.isChecked() != on:
                box.setChecked(on)
        if self.idle_minutes.value() != settings.idle_away_minutes:
            self.idle_minutes.setValue(settings.idle_away_minutes)

    def _autostart_enabled(self) -> bool:
        try:
            return self._autostart.is_enabled()
        except OSError as exc:
            self._say_autostart_problem(str(exc))
            return False

    def _on_start_at_login_toggled(self, on: bool) -> None:
        try:
            self._autostart.set_enabled(on)
        except OSError as exc:
            log.warning("start at login not %s: %s", "set" if on else "removed", exc)
            self._say_autostart_problem(str(exc))
            self.start_at_login.blockSignals(True)
            self.start_at_login.setChecked(not on)
            self.start_at_login.blockSignals(False)
            return
        where = self._autostart.file
        log.info("start at login %s%s", "on" if on else "off",
                 f" ({where})" if where is not None else "")
        self.autostart_problem.hide()

    def _say_autostart_problem(self, reason: str) -> None:
        self.autostart_problem.setText(self.tr("Start at login could not be changed: {0}")
                                       .format(reason))
        self.autostart_problem.show()

    @classmethod
    def for_dialog(cls, dialog: QWidget, config_file: Path) -> DesktopPage:
        """The page for the settings dialog: it edits the window's live settings (the
        ``DesktopShell`` the composition root put on the dialog's parent), or, with
        none there (the dialog on its own), the file's, which apply from the next start."""
        from gfdesk.desktop.shell import DesktopShell

        parent = dialog.parentWidget()
        shell = parent.findChild(DesktopShell) if parent is not None else None
        prefs = shell.prefs if shell is not None else DesktopPrefs(config_file, parent=dialog)
        return cls(prefs, parent=dialog)
