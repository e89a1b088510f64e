"""The connection state every screen shows. Qt-free, pure.

The realtime supervisor (issue 5) publishes these; the status bar renders them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ConnectionState(enum.Enum):
    """Where the app stands with its backend."""

    #: No backend configured: neither --demo nor a Supabase project.
    NO_BACKEND = "no_backend"
    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"


@dataclass(frozen=True)
class ConnectionStatus:
    """A state with the reason behind it and, when online, the heartbeat round trip."""

    state: ConnectionState
    reason: str = ""
    rtt_ms: float | None = None
    #: What the app is connected to, for the status bar ("demo hub", a host name).
    backend: str = ""
    #: When OFFLINE: seconds until the next connection attempt (None: not scheduled).
    retry_in_s: float | None = None
