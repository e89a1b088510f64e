"""The notification sound: ``resources/sounds/notification.wav`` (a short two-note
chime, made by scripts/make_resources.py) played when a notification toasts, so bursts
make one sound, and do-not-disturb, which stops toasts, stops it too.

QtMultimedia is imported at the first sound, not at start-up. Without an audio server
the effect fails: said once in the log.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl

from gfdesk import appresources
from gfdesk.desktop.prefs import DesktopPrefs
from gfdesk.log import app as log

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

RESOURCE = "sounds/notification.wav"
VOLUME = 0.6


def sound_file() -> Path | None:
    """The chime's file (None: the resources lack it, said in the log)."""
    try:
        return appresources.path(RESOURCE)
    except FileNotFoundError as exc:
        log.warning("no notification sound: %s", exc)
        return None


class NotificationSound(QObject):
    """Plays the chime, when ``[desktop] notification_sound`` is on.

    Args:
        prefs: the live settings.
    """

    def __init__(self, prefs: DesktopPrefs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._prefs = prefs
        self._effect: QSoundEffect | None = None
        self._warned = False
        self.played = 0
        """How many times a sound was started (for tests and the log)."""

    def play(self, *_args: object) -> None:
        """Play the chime (a slot for ``NotificationsFeature.toasted``)."""
        if not self._prefs.settings.notification_sound:
            return
        effect = self._effect or self._make_effect()
        if effect is None:
            return
        effect.play()
        self.played += 1

    def _make_effect(self) -> QSoundEffect | None:
        from PySide6.QtMultimedia import QSoundEffect

        file = sound_file()
        if file is None:
            return None
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(file)))
        effect.setVolume(VOLUME)
        effect.statusChanged.connect(self._on_effect_status_changed)
        self._effect = effect
        return effect

    def _on_effect_status_changed(self) -> None:
        effect = self._effect
        if (effect is not None and effect.status() is effect.Status.Error
                and not self._warned):
            self._warned = True
            log.info("the notification sound cannot play here (no audio output?)")
