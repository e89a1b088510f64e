"""Releasing a received video frame as soon as its last packet is in. Qt-free.

aiortc's video jitter buffer finds the end of a frame only when the FIRST packet of
the NEXT frame arrives (a new RTP timestamp), so every frame waits one whole frame
interval before it is decoded: 33 ms at 30 fps, 200 ms for a 5 fps screen share.
Senders mark the last packet of each frame with the RTP marker bit (RFC 7741 for VP8,
RFC 6184 for H.264; aiortc and libwebrtc both do), so a frame whose packets are all
present from the first one up to a marked one is complete now.

``MarkerJitterBuffer`` is aiortc's ``JitterBuffer`` with that one rule added; the
library's rule still ends a frame whose marked packet was lost. ``release_on_marker``
puts one into a receiver before any packet arrives. The buffer is a private part of
``RTCRtpReceiver``, so the swap checks that the attribute is there and leaves the
receiver alone (with a log line) if a future aiortc renamed it.
"""

from __future__ import annotations

from typing import Any

from aiortc.jitterbuffer import JitterBuffer, JitterFrame
from aiortc.rtcrtpreceiver import RTCRtpReceiver

from gfdesk.log import call as log

_ATTRIBUTE = "_RTCRtpReceiver__jitter_buffer"


class MarkerJitterBuffer(JitterBuffer):
    """aiortc's jitter buffer that also ends a frame at a packet with the marker bit."""

    def _remove_frame(self, sequence_number: int) -> JitterFrame | None:
        packets: list[Any] = []
        timestamp: int | None = None
        origin = self._origin
        if origin is None:
            return None
        for count in range(self.capacity):
            packet = self._packets[(origin + count) % self.capacity]
            if packet is None:
                return None
            if timestamp is None:
                timestamp = packet.timestamp
            elif packet.timestamp != timestamp:
                # The marked packet of this frame is missing: the next frame began,
                # so the library's rule applies.
                return self._take(packets, timestamp, count)
            packets.append(packet)
            if packet.marker:
                return self._take(packets, timestamp, count + 1)
        return None

    def _take(self, packets: list[Any], timestamp: int, count: int) -> JitterFrame:
        frame = JitterFrame(data=b"".join(p._data for p in packets), timestamp=timestamp)
        self.remove(count)
        return frame


def release_on_marker(receiver: RTCRtpReceiver) -> bool:
    """Give a video receiver the marker-aware buffer; True when it was swapped.

    Call it before the receiver gets any packet (right after the transceiver exists).
    """
    current = getattr(receiver, _ATTRIBUTE, None)
    if type(current) is not JitterBuffer or not getattr(current, "_is_video", False):
        log.info("call: aiortc's receiver has no jitter buffer where expected; frames "
                 "keep their one-frame hold")
        return False
    setattr(receiver, _ATTRIBUTE, MarkerJitterBuffer(capacity=current.capacity, is_video=True))
    return True
