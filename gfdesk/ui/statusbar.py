"""The connection indicator in the status bar: a coloured dot and one line of text.

``status_text`` is pure so the wording can be tested without widgets. The reason
in a status may come from the network: it is shown as plain text.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QHBoxLayout, QWidget

from gfdesk.core.status import (
    CONNECTION_LOST_DETAIL,
    NO_CLOSE_FRAME,
    ConnectionState,
    ConnectionStatus,
)
from gfdesk.i18nmark import translate
from gfdesk.kit import icons
from gfdesk.kit.elidedlabel import ElidedLabel
from gfdesk.kit.labels import plain_tooltip
from gfdesk.kit.restyle import repolish
from gfdesk.kit.retranslate import Retranslating

DOT_SIZE = 10
DOT_ICONS = {
    ConnectionState.ONLINE: "status-online",
    ConnectionState.CONNECTING: "status-connecting",
    ConnectionState.OFFLINE: "status-offline",
    ConnectionState.NO_BACKEND: "status-none",
}


_LOST = re.compile(re.escape(CONNECTION_LOST_DETAIL).replace(re.escape("{detail}"), "(.*)"))


def reason_text(reason: str) -> str:
    """A reason (or backend label) from the Qt-free core, in the user's language.

    The core words its reasons in English (``gfdesk.core.status`` marks them); one it
    does not mark (an exception's text, a server's message) is shown as it came.
    """
    lost = _LOST.fullmatch(reason)
    if lost is not None:
        detail = lost.group(1)
        return translate("ConnectionStatus", CONNECTION_LOST_DETAIL).format(
            detail=translate("ConnectionStatus", NO_CLOSE_FRAME) if detail == NO_CLOSE_FRAME
            else detail)
    return translate("ConnectionStatus", reason) if reason else reason


def status_text(status: ConnectionStatus) -> str:
    """One line for the status bar.

    >>> status_text(ConnectionStatus(ConnectionState.ONLINE, backend="demo hub", rtt_ms=12.4))
    'Online · demo hub · 12 ms'
    """
    state = status.state
    if state is ConnectionState.ONLINE:
        parts = [translate("ConnectionIndicator", "Online")]
        if status.backend:
            parts.append(reason_text(status.backend))
        if status.rtt_ms is not None:
            parts.append(translate("ConnectionIndicator", "{ms} ms").format(
                ms=QLocale().toString(round(status.rtt_ms))))
        return " · ".join(parts)
    if state is ConnectionState.CONNECTING:
        return (translate("ConnectionIndicator", "Connecting to {backend}…").format(
                    backend=reason_text(status.backend))
                if status.backend else translate("ConnectionIndicator", "Connecting…"))
    if state is ConnectionState.OFFLINE:
        return (translate("ConnectionIndicator", "Offline — {reason}, retrying").format(
                    reason=reason_text(status.reason))
                if status.reason else translate("ConnectionIndicator", "Offline — retrying"))
    return translate("ConnectionIndicator", "No backend")


class ConnectionIndicator(Retranslating, QWidget):
    """Dot plus text for a ``ConnectionStatus``; the ``state`` property drives the QSS."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionIndicator")
        self._dot = icons.IconLabel(DOT_SIZE, self)
        self._dot.setObjectName("connectionDot")
        self._text = ElidedLabel(self)
        self._text.setObjectName("connectionText")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(8)
        layout.addWidget(self._dot)
        layout.addWidget(self._text, 1)
        self._status: ConnectionStatus | None = None

    def _retranslate(self) -> None:
        if self._status is not None:
            self.set_status(self._status)

    def set_status(self, status: ConnectionStatus) -> None:
        """Show ``status``."""
        self._status = status
        state_name = status.state.value
        self._dot.set_icon(icons.icon(DOT_ICONS[status.state], None))
        self._dot.setProperty("state", state_name)
        self._text.setText(status_text(status))
        # The reason is often longer than the bar has room for, and it may come from
        # the server: escaped so the tooltip shows it verbatim.
        self._text.setToolTip(plain_tooltip(reason_text(status.reason)) if status.reason else "")
        self.setProperty("state", state_name)
        # Dynamic properties only restyle after an explicit re-polish.
        repolish(self, self._text)
