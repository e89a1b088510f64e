"""Speaker and microphone without an audio server (CI, containers): the call goes on
without sound, and nothing fails."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QApplication

from gfdesk.calls.audio import AudioOutput, MicInput
from gfdesk.calls.media import ToneTrack

# What QtMultimedia says on a machine without PulseAudio/PipeWire or sound card.
pytestmark = pytest.mark.qt_log_ignore("No audio device detected", "PulseAudioService")


async def test_without_an_audio_server_the_speaker_reports_it_and_takes_frames_quietly(
        qapp: QApplication, caplog: pytest.LogCaptureFixture) -> None:
    output = AudioOutput()
    with caplog.at_level(logging.INFO, "gfdesk.call"):
        assert output.start() is False
    assert "received sound is not played" in caplog.text
    assert not output.playing
    output.deliver(await ToneTrack().recv())  # the call's frames keep coming: ignored
    assert output.written == 0 and output.dropped == 0
    output.stop()


def test_without_an_audio_server_the_microphone_reports_it(
        qapp: QApplication, caplog: pytest.LogCaptureFixture) -> None:
    pushed: list[bytes] = []
    with caplog.at_level(logging.INFO, "gfdesk.call"):
        assert MicInput().start(pushed.append) is False
    assert "sends no sound" in caplog.text or "did not open" in caplog.text
    assert pushed == []
