"""The connection state every screen shows. Qt-free, pure.

The realtime supervisor (issue 5) publishes these; the status bar renders them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from gfdesk.i18nmark import QT_TRANSLATE_NOOP

# The reasons the core gives, in English (its logs say them too). The status bar shows
# them in the user's language: ``translate("ConnectionStatus", reason)``. A reason not
# listed here (an exception's text, a server's message) is shown as it came.
NOT_STARTED = QT_TRANSLATE_NOOP("ConnectionStatus", "not started")
CONNECTION_LOST = QT_TRANSLATE_NOOP("ConnectionStatus", "connection lost")
NOT_SIGNED_IN = QT_TRANSLATE_NOOP("ConnectionStatus", "not signed in")
STARTING_DEMO_HUB = QT_TRANSLATE_NOOP("ConnectionStatus", "starting the demo hub")
#: How the status bar names the embedded hub (a backend label, like a host name).
DEMO_HUB = QT_TRANSLATE_NOOP("ConnectionStatus", "demo hub")
#: A dropped socket: "connection lost (1006)"; ``{detail}`` is the close code.
CONNECTION_LOST_DETAIL = QT_TRANSLATE_NOOP("ConnectionStatus", "connection lost ({detail})")
NO_CLOSE_FRAME = QT_TRANSLATE_NOOP("ConnectionStatus", "no close frame")


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
