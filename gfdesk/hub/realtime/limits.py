"""Per-connection rate limits and the real server's texts for them (spec 2.12). Qt-free.

Pure: the caller passes the current monotonic time. A ``RateWindow`` counts events in
fixed one-second windows, which is what "N per second" means to a client that reads
the error; it is cheap enough to run for every frame.
"""

from __future__ import annotations

from dataclasses import dataclass

WINDOW_S = 1.0

#: Join reason texts (``Code: text``, spec 2.11).
TOO_MANY_CHANNELS = "ChannelRateLimitReached: Too many channels"
TOO_MANY_JOINS = "ClientJoinRateLimitReached: Too many joins per second"
#: Shutdown texts (system error + phx_close).
TOO_MANY_MESSAGES = "Too many messages per second"
TRACK_TOO_LARGE = "Track message size exceeded"
#: Reply response of an acked broadcast over the size limit (a string, as the real
#: server sends it; spec 2.12).
PAYLOAD_TOO_LARGE = "payload_size_exceeded"


@dataclass
class RateWindow:
    """Counts events per one-second window against a limit."""

    limit: int
    _window_start: float = 0.0
    _count: int = 0

    def hit(self, now: float) -> bool:
        """Count one event at ``now``.

        Returns:
            True while the window's count is within the limit, False once it is over.
        """
        if now - self._window_start >= WINDOW_S:
            self._window_start = now
            self._count = 0
        self._count += 1
        return self._count <= self.limit

    @property
    def count(self) -> int:
        """Events counted in the current window."""
        return self._count
