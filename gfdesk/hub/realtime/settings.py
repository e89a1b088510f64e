"""Tunables of the hub's Realtime service, with the real server's defaults. Qt-free.

One frozen dataclass; the registry holds the live value, so a test (or the benchmark)
can swap in shorter timeouts or higher limits before clients connect.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Phoenix closes a socket that received nothing for 60 s (spec 2.1).
IDLE_TIMEOUT_S = 60.0
#: Realtime's ``max_frame_size`` (endpoint.ex).
MAX_FRAME_BYTES = 5_000_000
#: ``max_payload_size_in_kb`` 3 000 KB (spec 2.12).
MAX_PAYLOAD_BYTES = 3_000 * 1024
MESSAGES_PER_SECOND = 100
CHANNELS_PER_CONNECTION = 100
JOINS_PER_SECOND = 100
#: A subscriber whose unsent output grows past this is too slow to keep up; it is cut
#: off rather than letting the hub buffer without bound.
MAX_SEND_BUFFER_BYTES = 16 * 1024 * 1024
#: Unsent output of all sockets together: past it, the slowest consumers (the largest
#: backlogs) are cut off first, so a room of sockets that never read cannot make the
#: hub hold their whole backlog (each is a copy: 150 sockets took it to 2.6 GB).
MAX_OUTBOUND_BYTES = 192 * 1024 * 1024


@dataclass(frozen=True)
class RealtimeSettings:
    """Limits and timeouts of the Realtime service (spec 2.1, 2.12)."""

    idle_timeout_s: float = IDLE_TIMEOUT_S
    max_frame_bytes: int = MAX_FRAME_BYTES
    max_payload_bytes: int = MAX_PAYLOAD_BYTES
    #: Client messages per second per connection (heartbeats excluded).
    messages_per_second: int = MESSAGES_PER_SECOND
    channels_per_connection: int = CHANNELS_PER_CONNECTION
    joins_per_second: int = JOINS_PER_SECOND
    max_send_buffer_bytes: int = MAX_SEND_BUFFER_BYTES
    max_outbound_bytes: int = MAX_OUTBOUND_BYTES
    #: The real server waits 5 s before a join error; the hub answers at once by default.
    join_error_delay_s: float = 0.0
