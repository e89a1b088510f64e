"""The notification sound: a short two-note chime played when a notification toasts
(so bursts make one sound, and do-not-disturb, which stops toasts, stops it too).

The WAV comes from the app's resources (``sounds/notification.wav``) when they hold
one, else it is made here (a few lines of arithmetic) and written once to the data
folder, since QSoundEffect plays files. QtMultimedia is imported at the first sound,
not at start-up. Without an audio server the effect fails: said once in the log.
"""

from __future__ import annotations

import importlib
import io
import math
import wave
from array import array
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl

from gfdesk.desktop.prefs import DesktopPrefs
from gfdesk.log import app as log

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

RESOURCE = "sounds/notification.wav"
RATE = 24000
#: Two notes (a rising fourth), each this long, with soft edges.
NOTES_HZ = (880.0, 1174.7)
NOTE_S = 0.09
EDGE_S = 0.01
LEVEL = 0.25
VOLUME = 0.6


def chime_wav(rate: int = RATE) -> bytes:
    """The chime as a WAV file (16-bit mono PCM)."""
    note = int(NOTE_S * rate)
    edge = max(1, int(EDGE_S * rate))
    samples = array("h")
    for hz in NOTES_HZ:
        for i in range(note):
            envelope = min(1.0, i / edge, (note - 1 - i) / edge)
            samples.append(round(32767 * LEVEL * envelope
                                 * math.sin(2 * math.pi * hz * i / rate)))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return buffer.getvalue()


def sound_file(data_dir: Path | None) -> Path | None:
    """The chime's file: the resources' (when the app has a resource locator and the
    file), else one made here under ``data_dir`` (None: nowhere to put it)."""
    try:
        resources = importlib.import_module("gfdesk.appresources")
        found = Path(resources.path(RESOURCE))
        if found.is_file():
            return found
    except (ImportError, AttributeError, OSError, FileNotFoundError):
        pass  # no resource locator in this build, or no sound in it
    if data_dir is None:
        return None
    made = data_dir / "sounds" / "notification.wav"
    content = chime_wav()
    try:
        if not made.is_file() or made.read_bytes() != content:
            made.parent.mkdir(parents=True, exist_ok=True)
            made.write_bytes(content)
    except OSError as exc:
        log.info("notification sound not written to %s: %s", made, exc)
        return None
    return made


class NotificationSound(QObject):
    """Plays the chime, when ``[desktop] notification_sound`` is on.

    Args:
        prefs: the live settings.
        data_dir: where a made chime is kept.
    """

    def __init__(self, prefs: DesktopPrefs, data_dir: Path | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._prefs = prefs
        self._data_dir = data_dir
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

        file = sound_file(self._data_dir)
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
