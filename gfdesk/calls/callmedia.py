"""What a call sends and where what it receives goes. Qt-free; no aiortc or av at import.

``CallMedia`` is built by whoever runs the engine (the app, ``gfdesk call``, tests) for
each call, through a ``MediaFactory``: track factories that run on the media thread
when the peer needs a source, sinks that take frames on the media thread, and meters
that count what went each way. ``synthetic`` is the factory of the synthetic picture
and tone, for machines without devices, the headless CLI and tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gfdesk.calls.sinks import FrameMeter, FrameSink

if TYPE_CHECKING:
    from aiortc.mediastreams import MediaStreamTrack

    from gfdesk.calls.states import CallInfo

TrackFactory = Callable[[], "MediaStreamTrack"]


@dataclass
class CallMedia:
    """One call's sources, sinks and meters.

    Attributes:
        audio: makes the outgoing audio source (None: this side sends no audio).
        video: makes the outgoing video source (None: no video).
        remote_video: takes received pictures (``av.VideoFrame``), on the media thread.
        remote_audio: takes received audio (``av.AudioFrame``), on the media thread.
        local_video: takes every picture we send (the self-view), on the media thread.
        received_video: counts received pictures (and their size, rate).
        received_audio: counts received audio frames.
        sent_video: counts pictures handed to the encoder.
    """

    audio: TrackFactory | None = None
    video: TrackFactory | None = None
    remote_video: FrameSink[Any] | None = None
    remote_audio: FrameSink[Any] | None = None
    local_video: FrameSink[Any] | None = None
    received_video: FrameMeter = field(default_factory=FrameMeter)
    received_audio: FrameMeter = field(default_factory=FrameMeter)
    sent_video: FrameMeter = field(default_factory=FrameMeter)


def synthetic(width: int = 640, height: int = 360, fps: float = 30.0
              ) -> Callable[[CallInfo], CallMedia]:
    """A media factory of the synthetic picture (``width`` x ``height`` at ``fps``) and
    tone; sinks are left for the caller to set on what it returns."""

    def video() -> MediaStreamTrack:
        from gfdesk.calls.media import SyntheticVideoTrack

        return SyntheticVideoTrack(width, height, fps)

    def audio() -> MediaStreamTrack:
        from gfdesk.calls.media import ToneTrack

        return ToneTrack()

    def make(info: CallInfo) -> CallMedia:
        return CallMedia(audio=audio, video=video)

    return make
