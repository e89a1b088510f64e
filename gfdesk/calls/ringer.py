"""The ringtone of an incoming call, made in code and played through QtMultimedia.

``ring_pcm`` builds one cycle of the tone (16-bit mono PCM): two short chimes of two
mixed tones with soft edges, then silence, so it loops without a click. ``Ringer``
plays it in pull mode from a ``QBuffer`` and starts it again each time it runs out,
until ``stop``. No file and nothing downloaded: the tone is a few lines of arithmetic.

Without an audio server ``QAudioSink.start`` gives no error (the trap in ``audio``):
the ringer then says so once in the log and the window rings silently.
"""

from __future__ import annotations

import math
from array import array

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtMultimedia import (
    QAudio,  # loaded before QAudio.State signals are connected (they error otherwise)
    QAudioDevice,
    QAudioFormat,
    QAudioSink,
    QMediaDevices,
)

from gfdesk.log import call as log

RATE = 24000
#: The two tones of a chime (a major third: friendly, not an alarm).
TONES_HZ = (660.0, 830.0)
#: Chime on, gap, chime on, then silence until the cycle's end (seconds).
CHIME_S, GAP_S, CYCLE_S = 0.35, 0.15, 2.5
LEVEL = 0.22
#: Fade in and out of each chime, so it never clicks.
EDGE_S = 0.02


def ring_pcm(rate: int = RATE) -> bytes:
    """One cycle of the ringtone, 16-bit mono little-endian PCM at ``rate``."""
    total = int(CYCLE_S * rate)
    chime = int(CHIME_S * rate)
    edge = int(EDGE_S * rate)
    starts = (0, int((CHIME_S + GAP_S) * rate))
    samples = array("h", bytes(2 * total))
    for start in starts:
        for i in range(chime):
            envelope = min(1.0, i / edge, (chime - 1 - i) / edge) if edge else 1.0
            t = i / rate
            value = sum(math.sin(2 * math.pi * hz * t) for hz in TONES_HZ) / len(TONES_HZ)
            samples[start + i] = round(32767 * LEVEL * envelope * value)
    return samples.tobytes()


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
        self._pcm = QByteArray(ring_pcm())
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
        fmt.setSampleRate(RATE)
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
