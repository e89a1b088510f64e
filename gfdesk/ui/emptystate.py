"""What a section shows before its real view is installed, or while there is nothing to show.

``empty_content`` decides the words for a (section, connection state) pair and is
pure; ``EmptyState`` only displays them: a big icon, a title, a line of body text,
an optional busy spinner and an optional action button.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QHideEvent, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gfdesk.core.status import ConnectionState, ConnectionStatus
from gfdesk.i18nmark import QT_TRANSLATE_NOOP, translate
from gfdesk.kit import icons
from gfdesk.kit.themecolors import color as theme_color
from gfdesk.kit.timer import NamedTimer
from gfdesk.ui.sections import Section

ICON_SIZE = 56
#: The round backdrop behind the icon (its radius is in the stylesheet).
ICON_BACKDROP = 112
ICON_COLOR = "@icon_empty"
SPINNER_SIZE = 28
SPINNER_STEP_MS = 33
SPINNER_COLOR = "accent"
#: Title and body wrap at this width; a fixed width keeps Qt's height-for-width honest.
TEXT_WIDTH = 500

_WELCOME = {
    Section.FRIENDS: (
        QT_TRANSLATE_NOOP("EmptyState", "Your friends will show up here"),
        QT_TRANSLATE_NOOP("EmptyState",
                          "See who is online and what they are playing, then jump into a chat."),
    ),
    Section.CONVERSATIONS: (
        QT_TRANSLATE_NOOP("EmptyState", "Your conversations will show up here"),
        QT_TRANSLATE_NOOP("EmptyState",
                          "Direct messages and group chats with your squad, on every device."),
    ),
    Section.TOURNAMENTS: (
        QT_TRANSLATE_NOOP("EmptyState", "Tournaments will show up here"),
        QT_TRANSLATE_NOOP("EmptyState",
                          "Follow live brackets and scores as the matches are played."),
    ),
}


class EmptyAction(enum.Enum):
    """What the button of an empty state does."""

    OPEN_SETTINGS = "open_settings"


@dataclass(frozen=True)
class EmptyContent:
    """The words and pictures of one empty state."""

    icon: str
    title: str
    body: str
    busy: bool = False
    action: EmptyAction | None = None
    action_text: str = ""


def empty_content(section: Section, status: ConnectionStatus) -> EmptyContent:
    """What ``section`` shows with nothing installed, given the connection ``status``."""
    state = status.state
    if state is ConnectionState.NO_BACKEND:
        return EmptyContent(
            icon="no-backend",
            title=translate("EmptyState", "No backend"),
            body=translate("EmptyState", "Run `gfdesk --demo` for the built-in demo hub, or add "
                                    "your GamerFlick Supabase project in Settings."),
            action=EmptyAction.OPEN_SETTINGS,
            action_text=translate("EmptyState", "Open Settings"),
        )
    if state is ConnectionState.CONNECTING:
        where = status.backend or translate("EmptyState", "your backend")
        return EmptyContent(
            icon=section.icon_name,
            title=translate("EmptyState", "Connecting to {backend}…").format(backend=where),
            # The reason says what is under way ("starting the demo hub").
            body=f"{status.reason[:1].upper()}{status.reason[1:]}…" if status.reason
            else translate("EmptyState", "This usually takes a moment."),
            busy=True,
        )
    if state is ConnectionState.OFFLINE:
        body = translate("EmptyState", "Everything you missed comes in once you're back online.")
        if status.reason:
            body += "\n" + translate("EmptyState", "Last error: {reason}").format(
                reason=status.reason)
        return EmptyContent(icon="offline",
                            title=translate("EmptyState", "You're offline — gfdesk keeps retrying"),
                            body=body)
    title, body = _WELCOME[section]
    return EmptyContent(icon=section.icon_name, title=translate("EmptyState", title),
                        body=translate("EmptyState", body))


class Spinner(QWidget):
    """An indeterminate busy indicator; it only ticks while visible."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spinner")
        self.setFixedSize(SPINNER_SIZE, SPINNER_SIZE)
        self._angle = 0
        self._timer = NamedTimer(self, "spinner-step", interval_ms=SPINNER_STEP_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def showEvent(self, event: QShowEvent) -> None:
        self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(3, 3, SPINNER_SIZE - 6, SPINNER_SIZE - 6)
        track = QPen(theme_color("spinner_track"), 3)
        painter.setPen(track)
        painter.drawEllipse(rect)
        arc = QPen(theme_color(SPINNER_COLOR), 3)
        arc.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(arc)
        # Qt angles are in 1/16 degree, counter-clockwise: negate to spin clockwise.
        painter.drawArc(rect, -self._angle * 16, 100 * 16)
        painter.end()

    def _on_timer_timeout(self) -> None:
        self._angle = (self._angle + 12) % 360
        self.update()


class EmptyState(QWidget):
    """A centred placeholder: icon, title, body, spinner and an optional button.

    Signals:
        action_triggered(EmptyAction): the user pressed the button.
    """

    action_triggered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self._action: EmptyAction | None = None
        # Everything sits in a scroll area: in a small window under a tall message
        # banner the content scrolls instead of being squeezed on top of itself.
        content = QWidget()
        content.setObjectName("emptyContent")
        self._icon = icons.IconLabel(ICON_SIZE, content, box=ICON_BACKDROP)
        self._icon.setObjectName("emptyIcon")
        # Wrapped labels get their height only from a layout that gives them the full
        # width (an aligned item loses height-for-width): a fixed-width column does.
        text_column = QWidget(content)
        text_column.setFixedWidth(TEXT_WIDTH)
        self._title = QLabel(text_column)
        self._title.setObjectName("emptyTitle")
        self._body = QLabel(text_column)
        self._body.setObjectName("emptyBody")
        column_layout = QVBoxLayout(text_column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(10)
        for label in (self._title, self._body):
            label.setWordWrap(True)
            # The body can quote a server's reason for going offline.
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column_layout.addWidget(label)
        text_row = QHBoxLayout()
        text_row.addStretch(1)
        text_row.addWidget(text_column)
        text_row.addStretch(1)
        self._spinner = Spinner(content)
        self._button = QPushButton(content)
        self._button.setObjectName("emptyAction")
        self._button.clicked.connect(self._on_button_clicked)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 32, 16, 48)
        layout.setSpacing(12)
        layout.addStretch(1)
        center = Qt.AlignmentFlag.AlignHCenter
        layout.addWidget(self._icon, 0, center)
        layout.addSpacing(8)
        layout.addLayout(text_row)
        layout.addSpacing(8)
        layout.addWidget(self._spinner, 0, center)
        layout.addWidget(self._button, 0, center)
        layout.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setObjectName("emptyScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def title(self) -> str:
        """The title shown."""
        return self._title.text()

    def body(self) -> str:
        """The body text shown."""
        return self._body.text()

    def is_busy(self) -> bool:
        """Whether the busy spinner is part of the content."""
        return not self._spinner.isHidden()

    def action_button(self) -> QPushButton | None:
        """The action button, or None when this content has no action."""
        return None if self._button.isHidden() else self._button

    def set_content(self, content: EmptyContent) -> None:
        """Show ``content``."""
        self._icon.set_icon(icons.icon(content.icon, ICON_COLOR))
        self._title.setText(content.title)
        self._body.setText(content.body)
        self._spinner.setVisible(content.busy)
        self._action = content.action
        self._button.setText(content.action_text)
        self._button.setVisible(content.action is not None)

    def _on_button_clicked(self) -> None:
        if self._action is not None:
            self.action_triggered.emit(self._action)
