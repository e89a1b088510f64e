"""The message banner at the top of the central area: one row per ``UserMessage``.

Errors and warnings stay until the user dismisses them (a warning is something to
act on, such as a broken settings file); information fades on its own after a few
seconds (each row owns a named single-shot QTimer). Identical messages
are not stacked: a repeat restarts the existing row's timer, so a reconnect loop
that reports the same failure every few seconds shows it once.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPropertyAnimation, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gfdesk.kit import icons
from gfdesk.kit.timer import NamedTimer
from gfdesk.ui.usermessages import MessageLevel, UserMessage

INFO_TIMEOUT_MS = 5000
#: None: warnings stay until dismissed.
WARNING_TIMEOUT_MS: int | None = None
FADE_MS = 250
MAX_ROWS = 3
ICON_SIZE = 18
LEVEL_ICONS = {
    MessageLevel.INFO: ("info", "@info"),
    MessageLevel.WARNING: ("warning", "@warning"),
    MessageLevel.ERROR: ("error", "@danger"),
}


class MessageRow(QFrame):
    """One message with its icon and a dismiss button.

    Signals:
        dismissed(): the user closed it or its time ran out; the area removes it.
    """

    dismissed = Signal()

    def __init__(self, message: UserMessage, timeout_ms: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = message
        """What this row shows."""
        self.setObjectName("messageRow")
        self.setProperty("level", message.level.value)
        icon_name, color = LEVEL_ICONS[message.level]
        glyph = icons.IconLabel(ICON_SIZE, self)
        glyph.set_icon(icons.icon(icon_name, color))
        text = QLabel(message.text, self)
        text.setObjectName("messageText")
        # Messages often quote what a server or a remote user sent.
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setObjectName("messageDismiss")
        close.setIcon(icons.icon("close", "@icon", "@text_strong"))
        close.setToolTip(self.tr("Dismiss"))
        close.setAccessibleName(self.tr("Dismiss message"))
        close.setAutoRaise(True)
        close.clicked.connect(self.dismissed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(10)
        layout.addWidget(glyph, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(text, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)

        self._fade_timer = NamedTimer(self, "banner-fade", single_shot=True)
        self._fade_timer.timeout.connect(self._on_fade_timer_timeout)
        self._timeout_ms = timeout_ms
        self._fade: QPropertyAnimation | None = None
        self.restart()

    def restart(self) -> None:
        """Start the row's time again (a repeat of the same message arrived)."""
        if self._fade is not None:
            self._fade.stop()
            self._fade = None
            self.setGraphicsEffect(None)  # type: ignore[arg-type]  # None removes it
        if self._timeout_ms is not None:
            self._fade_timer.start(self._timeout_ms)

    def _on_fade_timer_timeout(self) -> None:
        effect = QGraphicsOpacityEffect(self)
        self.setGraphicsEffect(effect)
        self._fade = QPropertyAnimation(effect, b"opacity", self)
        self._fade.setDuration(FADE_MS)
        self._fade.setStartValue(1.0)
        self._fade.setEndValue(0.0)
        self._fade.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._fade.finished.connect(self.dismissed)
        self._fade.start()


class MessageArea(QWidget):
    """The stack of message rows; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None, *, info_timeout_ms: int = INFO_TIMEOUT_MS,
                 warning_timeout_ms: int | None = WARNING_TIMEOUT_MS) -> None:
        super().__init__(parent)
        self.setObjectName("messageArea")
        self._timeouts: dict[MessageLevel, int | None] = {
            MessageLevel.INFO: info_timeout_ms,
            MessageLevel.WARNING: warning_timeout_ms,
            MessageLevel.ERROR: None,
        }
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 16, 0)
        self._layout.setSpacing(6)
        self.setVisible(False)

    def rows(self) -> list[MessageRow]:
        """The rows shown, oldest first."""
        items = (self._layout.itemAt(i) for i in range(self._layout.count()))
        return [row for item in items if item is not None
                and isinstance(row := item.widget(), MessageRow)]

    def show_message(self, message: UserMessage) -> None:
        """Add a row for ``message`` (or restart the identical one already shown)."""
        for row in self.rows():
            if row.message == message:
                row.restart()
                return
        rows = self.rows()
        if len(rows) >= MAX_ROWS:
            # Drop the oldest passing message first: errors are what the user must see.
            passing = [r for r in rows if r.message.level is not MessageLevel.ERROR]
            self._remove((passing or rows)[0])
        row = MessageRow(message, self._timeouts[message.level], self)
        row.dismissed.connect(lambda: self._remove(row))
        self._layout.addWidget(row)
        self.setVisible(True)

    def clear(self) -> None:
        """Remove every row."""
        for row in self.rows():
            self._remove(row)

    def _remove(self, row: MessageRow) -> None:
        if self._layout.indexOf(row) < 0:
            return
        self._layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self.setVisible(bool(self.rows()))
