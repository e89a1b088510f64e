"""The incoming-call window: who calls, video or voice, Accept and Decline, and the
ringtone while it rings.

A small window of its own, on top of the others, shown whatever section the main
window is on (and with the main window hidden in the tray). It follows the
``CallModel``: it appears when an incoming call rings and goes as soon as the call
stops ringing (accepted here or elsewhere, declined, cancelled, missed).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gfdesk.calls.model import CallModel
from gfdesk.calls.ringer import Ringer
from gfdesk.calls.states import CallInfo, CallKind, CallState, Direction
from gfdesk.fallbacknames import someone
from gfdesk.kit import icons
from gfdesk.kit.avatar import avatar_pixmap
from gfdesk.kit.retranslate import Retranslating

SIZE = QSize(340, 300)
AVATAR = 88

class IncomingCallWindow(Retranslating, QWidget):
    """Rings for an incoming call.

    Args:
        model: the call model.
        ringer: plays the ringtone (None: a ``Ringer`` on the default speaker).
        parent: the main window (this stays a window of its own).
    """

    def __init__(self, model: CallModel, ringer: Ringer | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("incomingCallWindow")
        self.setFixedSize(SIZE)
        self._model = model
        self.ringer = ringer if ringer is not None else Ringer(parent=self)
        self._call_id: str | None = None
        self._call_kind: CallKind | None = None
        self._caller: str | None = None

        self.avatar = QLabel(self)
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel(self)
        self.name.setObjectName("incomingName")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.kind = QLabel(self)
        self.kind.setObjectName("incomingKind")
        self.kind.setTextFormat(Qt.TextFormat.PlainText)
        self.kind.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.accept_button = QPushButton(self)
        self.accept_button.setObjectName("acceptButton")
        self.accept_button.setIcon(icons.icon("phone", "#ffffff"))
        self.decline_button = QPushButton(self)
        self.decline_button.setObjectName("declineButton")
        self.decline_button.setIcon(icons.icon("phone-off", "#ffffff"))
        self.accept_button.clicked.connect(self._on_accept_clicked)
        self.decline_button.clicked.connect(self._on_decline_clicked)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._on_decline_clicked)

        buttons = QHBoxLayout()
        buttons.setSpacing(14)
        buttons.addWidget(self.decline_button)
        buttons.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 22)
        layout.addWidget(self.avatar)
        layout.addSpacing(8)
        layout.addWidget(self.name)
        layout.addWidget(self.kind)
        layout.addStretch(1)
        layout.addLayout(buttons)

        model.call_changed.connect(self._on_call_changed)
        model.name_changed.connect(self._on_name_changed)
        self._retranslate()

    def _retranslate(self) -> None:
        # Everything this window words itself, from the call it rings for (if any).
        self.accept_button.setText(self.tr("Accept"))
        self.decline_button.setText(self.tr("Decline"))
        if self._call_kind is not None:
            self.kind.setText(self.tr("Incoming video call") if self._call_kind is CallKind.VIDEO
                              else self.tr("Incoming voice call"))
        if self._caller is None:
            self.setWindowTitle(self.tr("Incoming call"))
        else:
            self.setWindowTitle(self.tr("{name} is calling").format(name=self._caller))

    def _on_call_changed(self, info: CallInfo) -> None:
        ringing = info.direction is Direction.INCOMING and info.state is CallState.RINGING
        if ringing and self._call_id != info.id:
            self._call_id = info.id
            self._call_kind = info.kind
            self._retranslate()
            self.accept_button.setIcon(icons.icon(
                "video" if info.kind is CallKind.VIDEO else "phone", "#ffffff"))
            self._show_name(self._model.other_name or someone())
            self.show()
            self.raise_()
            self.activateWindow()
            self.ringer.start()
        elif not ringing and self._call_id is not None:
            self._call_id = None
            self.ringer.stop()
            self.hide()

    def _on_name_changed(self, name: str) -> None:
        if self._call_id is not None:
            self._show_name(name)

    def _show_name(self, name: str) -> None:
        self.name.setText(name)
        self._caller = name
        self.setWindowTitle(self.tr("{name} is calling").format(name=name))
        self.avatar.setPixmap(avatar_pixmap(name, AVATAR, self.devicePixelRatioF()))

    def _on_accept_clicked(self) -> None:
        self.ringer.stop()
        self._model.accept()

    def _on_decline_clicked(self) -> None:
        self.ringer.stop()
        self._model.decline()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the ringing window is a decline (the caller hears it at once).
        if self._call_id is not None:
            self._on_decline_clicked()
        super().closeEvent(event)
