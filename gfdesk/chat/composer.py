"""The message box: Enter sends, Shift+Enter starts a new line, it grows with its text;
Up in an empty box edits your last message, Escape leaves editing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from gfdesk.kit.retranslate import Retranslating

#: The composer grows up to this many lines, then scrolls.
COMPOSER_MAX_LINES = 8


class Composer(Retranslating, QPlainTextEdit):
    """The message box: Enter sends, Shift+Enter starts a new line.

    Signals:
        submitted(): Enter was pressed.
        cancelled(): Escape was pressed (leave editing).
        edit_last_requested(): Up was pressed in an empty box (edit your last message).
    """

    submitted = Signal()
    cancelled = Signal()
    edit_last_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self._retranslate()
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Message"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.submitted.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        if event.key() == Qt.Key.Key_Up and not self.toPlainText():
            self.edit_last_requested.emit()
            return
        super().keyPressEvent(event)

    def _fit(self, *_args: object) -> None:
        # The stylesheet's 15 px font may not be applied yet: measure at least that.
        line = max(self.fontMetrics().lineSpacing(), 20)
        lines = int(self.document().size().height())
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded
                                        if lines > COMPOSER_MAX_LINES
                                        else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lines = max(1, min(COMPOSER_MAX_LINES, lines))
        self.setFixedHeight(lines * line + 2 * int(self.document().documentMargin()) + 8)
