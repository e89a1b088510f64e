"""A QTimer that always has a name, so a timer dump or a log line says whose it is.

The idea is qutebrowser's ``usertypes.Timer``: UI cadence (a banner fading, a
spinner stepping) uses QTimer; asyncio code uses ``asyncio.sleep`` instead.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer


class NamedTimer(QTimer):
    """A QTimer with a mandatory ``name`` (its objectName)."""

    def __init__(self, parent: QObject | None, name: str, *, interval_ms: int = 0,
                 single_shot: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setInterval(interval_ms)
        self.setSingleShot(single_shot)

    def __repr__(self) -> str:
        state = "active" if self.isActive() else "idle"
        return f"<NamedTimer {self.objectName()!r} {self.interval()} ms {state}>"
