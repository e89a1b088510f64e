"""The ringtone of an incoming call (``resources/sounds/ringtone.wav``) played through
QtMultimedia.

The file holds one cycle of the tone (two soft chimes, then silence, synthesised by
``scripts/make_resources.py``), so it loops without a click. ``Ringer`` plays its PCM in
pull mode from a ``QBuffer`` and starts it again each time it runs out, until ``stop``.

Without an audio server ``QAudioSink.start`` gives no error (the trap in ``audio``):
the ringer then says so once in the log and the window rings silently.
"""

from __future__ import annotations

import wave

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtMultimedia import (
    QAudio,  # loaded before QAudio.State signals are connected (they error otherwise)
    QAudioDevice,
    QAudioFormat,
    QAudioSink,
    QMediaDevices,
)

from gfdesk import appresources
from gfdesk.log import call as log

RINGTONE = "sounds/ringtone.wav"


def ring_wav(name: str = RINGTONE) -> tuple[bytes, int]:
    """The ringtone's 16-bit mono little-endian PCM and its sample rate.

    Raises:
        ValueError: the file is not 16-bit mono PCM (what the sink is set up for).
    """
    with wave.open(str(appresources.path(name)), "rb") as source:
        if source.getsampwidth() != 2 or source.getnchannels() != 1:
            raise ValueError(f"{name}: not 16-bit mono PCM")
        return source.readframes(source.getnframes()), source.getframerate()


class Ringer(QObject):
    """Loops the ringtone on a speaker.

    Args:
        device: the speaker (None: the system default).
        parent: the owner.
    """

    def __init__(self, device: QAudioDevice | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._device = device
        pcm, self._rate = ring_wav()
        self._pcm = QByteArray(pcm)
        self._sink: QAudioSink | None = None
        self._buffer: QBuffer | None = None
        #: Times the tone was started (the first play and each loop).
        self.plays = 0

    @property
    def ringing(self) -> bool:
        return self._sink is not None

    def start(self) -> bool:
        """Ring until ``stop``; False (logged) when there is no speaker to ring on."""
        if self._sink is not None:
            return True
        device = self._device or QMediaDevices.defaultAudioOutput()
        if device.isNull():
            log.info("call: no audio output device; the call rings silently")
            return False
        fmt = QAudioFormat()
        fmt.setSampleRate(self._rate)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self._sink = QAudioSink(device, fmt, self)
        self._sink.stateChanged.connect(self._on_state_changed)
        if not self._play():
            self.stop()
            return False
        return True

    def _play(self) -> bool:
        sink = self._sink
        if sink is None:
            return False
        buffer = QBuffer(self._pcm, self)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        old, self._buffer = self._buffer, buffer
        sink.start(buffer)
        if old is not None:
            old.deleteLater()
        if sink.error().name != "NoError":
            log.info("call: the ringtone did not play (%s)", sink.error().name)
            return False
        self.plays += 1
        return True

    def _on_state_changed(self, state: QAudio.State) -> None:
        # The buffer ran out (Idle): ring again. Stopped by ``stop``: nothing.
        if state is QAudio.State.IdleState and self._sink is not None:
            self._play()

    def stop(self) -> None:
        """Stop ringing."""
        sink, self._sink = self._sink, None
        if sink is not None:
            sink.stateChanged.disconnect(self._on_state_changed)
            sink.stop()
            sink.deleteLater()
        buffer, self._buffer = self._buffer, None
        if buffer is not None:
            buffer.deleteLater()
