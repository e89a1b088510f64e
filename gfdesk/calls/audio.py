"""A call's sound through QtMultimedia: the speaker (``QAudioSink``) and the microphone
(``QAudioSource``), on every OS.

``AudioOutput`` plays received audio in push mode with a 100 ms device buffer: 40 ms
underran constantly while the GUI thread was busy, 100 ms did not. Frames arrive on
the media thread, go into a bounded buffer (``sinks.PcmBuffer``; a stalled speaker
drops the oldest audio instead of playing it late), and one queued signal per burst
wakes the GUI thread, which writes what the device has room for (push-mode ``write``
takes only what fits). An underrun shows as Idle with NoError: not an error.

``MicInput`` reads the microphone and pushes 16-bit mono PCM into the call's
``media.PushAudioTrack``, from the GUI thread (the track is thread-safe).

Without an audio server (or device) ``QAudioSink.start()`` returns None rather than
failing: both report False from ``start`` and the call goes on without that direction
of sound. ``QAudio`` is imported before any ``QAudio.State`` signal is connected: the
signal errors on every emit otherwise.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QIODevice, QObject, Qt, Signal, Slot
from PySide6.QtMultimedia import (
    QAudio,  # noqa: F401  (must be loaded before QAudio.State signals are connected)
    QAudioDevice,
    QAudioFormat,
    QAudioSink,
    QAudioSource,
    QMediaDevices,
)

from gfdesk.calls.sinks import PcmBuffer
from gfdesk.log import call as log

if TYPE_CHECKING:
    from av import AudioFrame
    from av.audio.resampler import AudioResampler

#: What the speaker plays: Opus's own rate, stereo, 16-bit.
OUT_RATE, OUT_CHANNELS = 48000, 2
#: The device buffer: enough to ride out a busy GUI thread.
SINK_BUFFER_S = 0.100
#: Received audio held before the device takes it; beyond this the oldest is dropped.
MAX_PENDING_S = 0.300
#: What the microphone is asked for.
MIC_RATE = 48000


def _format(rate: int, channels: int) -> QAudioFormat:
    fmt = QAudioFormat()
    fmt.setSampleRate(rate)
    fmt.setChannelCount(channels)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


class AudioOutput(QObject):
    """Plays received audio; ``deliver`` may be called from any thread.

    Args:
        device: the speaker (None: the system default).
        parent: the owner.

    Signals:
        _arrived(): internal, queued from the media thread to wake the GUI thread.
    """

    _arrived = Signal()

    def __init__(self, device: QAudioDevice | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._device = device
        self._format = _format(OUT_RATE, OUT_CHANNELS)
        frame_bytes = OUT_CHANNELS * 2
        self._pending = PcmBuffer(int(OUT_RATE * MAX_PENDING_S) * frame_bytes, frame_bytes)
        self._sink: QAudioSink | None = None
        self._io: QIODevice | None = None
        self._resampler: AudioResampler | None = None
        #: Bytes written to the device.
        self.written = 0
        self._arrived.connect(self._write, Qt.ConnectionType.QueuedConnection)

    @property
    def playing(self) -> bool:
        return self._io is not None

    @property
    def dropped(self) -> int:
        """Bytes dropped because the device did not take them in time."""
        return self._pending.dropped

    def start(self) -> bool:
        """Open the speaker; False (logged) when there is none to open."""
        device = self._device or QMediaDevices.defaultAudioOutput()
        if device.isNull():
            log.info("call: no audio output device; received sound is not played")
            return False
        sink = QAudioSink(device, self._format, self)
        sink.setBufferSize(int(OUT_RATE * SINK_BUFFER_S) * OUT_CHANNELS * 2)
        io = sink.start()
        if io is None:  # no audio server: Qt returns None, not an error
            log.info("call: the audio output did not open (%s); received sound is not "
                     "played", sink.error().name)
            sink.deleteLater()
            return False
        self._sink, self._io = sink, io
        return True

    def stop(self) -> None:
        """Close the speaker and forget pending audio."""
        sink, self._sink, self._io = self._sink, None, None
        if sink is not None:
            sink.stop()
            sink.deleteLater()
        self._pending.take(len(self._pending))

    def deliver(self, frame: AudioFrame) -> None:
        """Take a received frame (from the media thread)."""
        if self._io is None:
            return
        if self._pending.push(self._pcm(frame)):
            self._arrived.emit()

    def _pcm(self, frame: AudioFrame) -> bytes:
        from gfdesk.calls.media import pcm_of

        if (frame.format.name != "s16" or frame.sample_rate != OUT_RATE
                or len(frame.layout.channels) != OUT_CHANNELS):
            if self._resampler is None:
                from av.audio.resampler import AudioResampler

                self._resampler = AudioResampler(format="s16", layout="stereo",
                                                 rate=OUT_RATE)
            return b"".join(pcm_of(f) for f in self._resampler.resample(frame))
        return pcm_of(frame)

    @Slot()
    def _write(self) -> None:
        sink, io = self._sink, self._io
        if sink is None or io is None:
            return
        room = sink.bytesFree()
        if room <= 0:
            return
        data = self._pending.take(room)
        if data:
            # What did not fit waits for the next frame's wake (20 ms later at most).
            self.written += io.write(data)


class MicInput(QObject):
    """Reads the microphone into the call's pushed audio track.

    Args:
        device: the microphone (None: the system default).
        parent: the owner.
    """

    def __init__(self, device: QAudioDevice | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._device = device
        self._source: QAudioSource | None = None
        self._io: QIODevice | None = None
        self._channels = 1
        self._push: Callable[[bytes], None] | None = None
        #: The sample rate pushed (known after ``start``).
        self.rate = MIC_RATE

    def start(self, push: Callable[[bytes], None]) -> bool:
        """Open the microphone and hand its 16-bit mono PCM to ``push`` (e.g. a
        ``PushAudioTrack.push``); False (logged) when there is none to open."""
        device = self._device or QMediaDevices.defaultAudioInput()
        if device.isNull():
            log.info("call: no microphone; the call sends no sound")
            return False
        fmt = _format(MIC_RATE, 1)
        if not device.isFormatSupported(fmt):
            fmt = device.preferredFormat()
            if fmt.sampleFormat() is not QAudioFormat.SampleFormat.Int16 \
                    or fmt.channelCount() not in (1, 2):
                log.info("call: the microphone offers no 16-bit mono or stereo format")
                return False
        source = QAudioSource(device, fmt, self)
        io = source.start()
        if io is None:
            log.info("call: the microphone did not open (%s)", source.error().name)
            source.deleteLater()
            return False
        self._source, self._io, self._push = source, io, push
        self._channels, self.rate = fmt.channelCount(), fmt.sampleRate()
        io.readyRead.connect(self._read)
        return True

    def stop(self) -> None:
        source, self._source, self._io, self._push = self._source, None, None, None
        if source is not None:
            source.stop()
            source.deleteLater()

    @Slot()
    def _read(self) -> None:
        io, push = self._io, self._push
        if io is None or push is None:
            return
        data = io.readAll().data()
        if self._channels == 2:  # keep the left channel (copying 2-byte samples)
            samples = array("h")
            samples.frombytes(data[:len(data) - len(data) % 4])
            data = samples[::2].tobytes()
        push(bytes(data))
