"""The left column: the brand on top, section navigation, and the account footer.

The account footer (the profile card) shows who is signed in (avatar and display name)
and their own status ("Do not disturb", "Playing Valorant"), or the connection's word
while not online; clicking the card (or its status button) opens the status picker.
Signed out, it says "Not signed in" and nothing else. The display name is remote-
controlled: it is set as plain text, and its tooltip is escaped rich text so Qt does
not guess it is HTML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gfdesk.core.status import ConnectionState
from gfdesk.i18nmark import QT_TRANSLATE_NOOP
from gfdesk.kit import icons, themecolors
from gfdesk.kit.avatarlabel import AvatarLabel
from gfdesk.kit.badge import badge_text
from gfdesk.kit.elidedlabel import ElidedLabel
from gfdesk.kit.labels import plain_tooltip
from gfdesk.kit.palettes import AA_TEXT
from gfdesk.kit.restyle import repolish
from gfdesk.kit.retranslate import Retranslating
from gfdesk.kit.themecolors import color as theme_color
from gfdesk.ui import theme
from gfdesk.ui.sections import Section

if TYPE_CHECKING:
    # Only for annotations: the store (and the Qt image classes it loads) is needed
    # once someone signs in, not to show the window.
    from gfdesk.kit.avatarstore import AvatarStore

WIDTH = 240
LOGO_SIZE = 30
NAV_ICON_SIZE = 20
#: The gap between a navigation icon and its title, as a fraction of the icon.
NAV_ICON_GAP = 0.4
AVATAR_SIZE = 34
STATUS_DOT = 11
NAV_COLOR = "@text_muted"
NAV_SELECTED_COLOR = "@text_strong"
SECTION_ROLE = Qt.ItemDataRole.UserRole
BADGE_ROLE = Qt.ItemDataRole.UserRole + 1
PRESENCE_TEXT = {
    ConnectionState.ONLINE: QT_TRANSLATE_NOOP("AccountFooter", "Online"),
    ConnectionState.CONNECTING: QT_TRANSLATE_NOOP("AccountFooter", "Connecting…"),
    ConnectionState.OFFLINE: QT_TRANSLATE_NOOP("AccountFooter", "Offline"),
    ConnectionState.NO_BACKEND: QT_TRANSLATE_NOOP("AccountFooter", "No backend"),
}


def section_title(section: Section) -> str:
    """The name of ``section`` in the user's language."""
    return QCoreApplication.translate("Section", section.title)


class _FooterAvatar(AvatarLabel):
    """The user's avatar with their status dot on its corner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(AVATAR_SIZE, None, parent)
        self.dot_color: str | None = None

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.dot_color is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dot = QRectF(AVATAR_SIZE - STATUS_DOT, AVATAR_SIZE - STATUS_DOT, STATUS_DOT, STATUS_DOT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme_color("bg_footer"))
        painter.drawEllipse(dot)
        painter.setBrush(themecolors.readable(self.dot_color, "bg_footer"))
        painter.drawEllipse(dot.adjusted(2, 2, -2, -2))
        painter.end()


class AccountFooter(Retranslating, QFrame):
    """Avatar, display name, the user's status (or the connection's word) and the
    settings button.

    Signals:
        settings_clicked(): the gear was pressed.
        status_clicked(QPoint): the card was clicked to change the status (the point,
            global, is where a picker should open: the card's top left).
    """

    settings_clicked = Signal()
    status_clicked = Signal(QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountFooter")
        self._avatar = _FooterAvatar(self)
        self._avatar.setObjectName("accountAvatar")
        # A long name ends in "…" rather than widening the sidebar.
        self._name = ElidedLabel(self)
        self._name.setObjectName("accountName")
        self._presence = ElidedLabel(self)
        self._presence.setObjectName("accountPresence")
        self._status_button = QToolButton(self)
        self._status_button.setObjectName("statusButton")
        self._status_button.setText("▾")
        self._status_button.setAutoRaise(True)
        self._status_button.clicked.connect(self._emit_status_clicked)
        self._settings = QToolButton(self)
        self._settings.setObjectName("settingsButton")
        self._settings.setIcon(icons.icon("settings", NAV_COLOR, NAV_SELECTED_COLOR))
        self._settings.setIconSize(QSize(20, 20))
        self._settings.setAutoRaise(True)
        self._settings.clicked.connect(self.settings_clicked)

        names = QVBoxLayout()
        names.setContentsMargins(0, 0, 0, 0)
        names.setSpacing(0)
        names.addWidget(self._name)
        names.addWidget(self._presence)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self._avatar)
        layout.addLayout(names, 1)
        layout.addWidget(self._status_button)
        layout.addWidget(self._settings)
        self._signed_in = False
        self._connection = ConnectionState.CONNECTING
        self._status: tuple[str, str] | None = None
        self._display_name: str | None = None
        self._retranslate()
        self.set_account(None)
        # The status line's colour is worked out per theme.
        themecolors.notifier().changed.connect(self._on_theme_changed)

    def _on_theme_changed(self, _name: str) -> None:
        self._show_presence()

    def _retranslate(self) -> None:
        self._status_button.setToolTip(self.tr("Set your status"))
        self._status_button.setAccessibleName(self.tr("Set your status"))
        self._settings.setToolTip(self.tr("Settings (Ctrl+,)"))
        self._settings.setAccessibleName(self.tr("Settings"))
        if self._display_name is None:
            self._name.setText(self.tr("Not signed in"))
        self._show_presence()

    def set_account(self, display_name: str | None, avatar_url: str | None = None,
                    avatars: AvatarStore | None = None) -> None:
        """Show who is signed in (their picture from ``avatars``); None means nobody:
        no status, no picture, nothing of the previous account."""
        self._signed_in = display_name is not None
        self._display_name = display_name
        self._avatar.set_store(avatars if self._signed_in else None)
        self._avatar.set_player(display_name, avatar_url if self._signed_in else None)
        self._name.setText(display_name if display_name is not None else self.tr("Not signed in"))
        self._name.setToolTip(plain_tooltip(display_name) if display_name else "")
        if not self._signed_in:
            self._status = None
        self._status_button.setVisible(self._signed_in)
        self.setProperty("signedIn", self._signed_in)
        repolish(self._name)
        self._show_presence()

    def set_connection_state(self, state: ConnectionState) -> None:
        """The connection: its word replaces the status while not online."""
        self._connection = state
        self._show_presence()

    def set_status(self, text: str, color: str) -> None:
        """The user's own status, as others see it ("Playing Valorant")."""
        self._status = (text, color)
        self._show_presence()

    def presence_text(self) -> str:
        """What the line under the name says."""
        return self._presence.text()

    def _show_presence(self) -> None:
        if not self._signed_in:
            text, state, color = "", "signedout", None
        elif self._connection is ConnectionState.ONLINE and self._status is not None:
            text, color = self._status
            state = "status"
        else:
            text, state = self.tr(PRESENCE_TEXT[self._connection]), self._connection.value
            color = None
        self._presence.setText(text)
        self._presence.setProperty("state", state)
        # The status colour as text, deepened where the theme needs it for 4.5:1.
        readable = themecolors.readable(color, "bg_footer", AA_TEXT).name() if color else None
        self._presence.setStyleSheet(f"color: {readable};" if readable else "")
        self._avatar.dot_color = color
        self._avatar.update()
        repolish(self._presence)

    def _emit_status_clicked(self) -> None:
        self.status_clicked.emit(self.mapToGlobal(QPoint(0, 0)))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._signed_in and event.button() == Qt.MouseButton.LeftButton \
                and not self._settings.geometry().contains(event.position().toPoint()):
            self._emit_status_clicked()
            return
        super().mouseReleaseEvent(event)


class _BadgeDelegate(QStyledItemDelegate):
    """The navigation item as styled, plus a red count pill on the right when badged."""

    def paint(self, painter: QPainter,
              option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
              ) -> None:
        super().paint(painter, option, index)
        count = index.data(BADGE_ROLE)
        if not count:
            return
        text = badge_text(int(count))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(option.font)
        font.setBold(True)
        font.setPixelSize(11)
        painter.setFont(font)
        height = 18.0
        width = max(height, painter.fontMetrics().horizontalAdvance(text) + 12.0)
        rect = option.rect
        pill = QRectF(rect.right() - width - 10, rect.center().y() - height / 2 + 1,
                      width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme_color("badge"))
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(theme_color("text_on_fill"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class Sidebar(Retranslating, QFrame):
    """Brand, navigation and account footer.

    Signals:
        section_selected(Section): the user picked a section (or ``select`` did).
        settings_clicked(): the footer's gear was pressed.
    """

    section_selected = Signal(object)
    settings_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setFixedWidth(WIDTH)

        brand = QWidget(self)
        brand.setObjectName("brand")
        logo = icons.IconLabel(LOGO_SIZE, brand)
        logo.set_icon(theme.app_icon())
        name = QLabel("gfdesk", brand)  # i18n: verbatim
        name.setObjectName("brandName")
        brand_layout = QHBoxLayout(brand)
        brand_layout.setContentsMargins(16, 14, 16, 14)
        brand_layout.setSpacing(10)
        brand_layout.addWidget(logo)
        brand_layout.addWidget(name, 1)

        self._heading = heading = QLabel(self)
        heading.setObjectName("sidebarHeading")

        self._nav = QListWidget(self)
        self._nav.setObjectName("sidebarNav")
        self._nav.setIconSize(
            QSize(NAV_ICON_SIZE + round(NAV_ICON_SIZE * NAV_ICON_GAP), NAV_ICON_SIZE)
        )
        self._nav.setFrameShape(QFrame.Shape.NoFrame)
        self._nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._nav.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._nav.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        for section in Section:
            item = QListWidgetItem(
                icons.icon(section.icon_name, NAV_COLOR, NAV_SELECTED_COLOR,
                           space_after=NAV_ICON_GAP),
                section_title(section),
            )
            item.setData(SECTION_ROLE, section)
            self._nav.addItem(item)
        self._nav.setItemDelegate(_BadgeDelegate(self._nav))
        self._nav.setCurrentRow(0)
        self._nav.currentRowChanged.connect(self._on_nav_current_row_changed)

        self.footer = AccountFooter(self)
        """The account footer (avatar, name, settings button)."""
        self.footer.settings_clicked.connect(self.settings_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(brand)
        layout.addWidget(heading)
        layout.addWidget(self._nav, 1)
        layout.addWidget(self.footer)
        self._retranslate()

    def _retranslate(self) -> None:
        self._heading.setText(self.tr("NAVIGATE"))
        self._nav.setAccessibleName(self.tr("Sections"))
        for section in Section:
            self._nav.item(list(Section).index(section)).setText(section_title(section))
            self._show_badge(section)

    def current(self) -> Section:
        """The selected section."""
        section: Section = self._nav.currentItem().data(SECTION_ROLE)
        return section

    def set_badge(self, section: Section, count: int) -> None:
        """Show ``count`` (unread notifications, messages) on ``section``; 0 clears it."""
        item = self._nav.item(list(Section).index(section))
        item.setData(BADGE_ROLE, max(0, count))
        self._show_badge(section)

    def _show_badge(self, section: Section) -> None:
        item = self._nav.item(list(Section).index(section))
        count = int(item.data(BADGE_ROLE) or 0)
        title = section_title(section)
        item.setToolTip(self.tr("{section} ({shortcut})").format(
            section=title, shortcut=section.shortcut)
            + (self.tr(" — {count} unread").format(count=badge_text(count)) if count else ""))
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole,
                     self.tr("%n unread", "", count)
                     if count else "")

    def badge(self, section: Section) -> int:
        """The count shown on ``section`` (0: none)."""
        return int(self._nav.item(list(Section).index(section)).data(BADGE_ROLE) or 0)

    def select(self, section: Section) -> None:
        """Select ``section`` (emits ``section_selected`` when it changes)."""
        self._nav.setCurrentRow(list(Section).index(section))

    def _on_nav_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.section_selected.emit(list(Section)[row])
