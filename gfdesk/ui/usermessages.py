"""User-facing messages: one bridge QObject that anything may tell, and the window shows.

The shape is qutebrowser's ``utils/message.py`` without its global instance: the
composition root creates one ``MessageBridge``, hands it to whoever needs to tell
the user something, and connects it to the window's banner and to the log.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


class MessageLevel(enum.Enum):
    """How serious a message is; decides its colour and how long it stays."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class UserMessage:
    """One thing to tell the user, worded for them (no tracebacks)."""

    level: MessageLevel
    text: str


class MessageBridge(QObject):
    """Carries user-facing messages from anywhere to the window.

    Signals:
        message_shown(UserMessage): a message to show; the banner displays it and
            the composition root also logs it.
    """

    message_shown = Signal(object)

    def info(self, text: str) -> None:
        """Tell the user something that needs no action ("Profile saved")."""
        self.show(UserMessage(MessageLevel.INFO, text))

    def warning(self, text: str) -> None:
        """Tell the user something went wrong but gfdesk carries on."""
        self.show(UserMessage(MessageLevel.WARNING, text))

    def error(self, text: str) -> None:
        """Tell the user something failed; it stays until they dismiss it."""
        self.show(UserMessage(MessageLevel.ERROR, text))

    def show(self, message: UserMessage) -> None:
        """Emit ``message`` as it is."""
        self.message_shown.emit(message)
