"""The left column: the brand on top, section navigation, and the account footer.

The account footer shows a remote-controlled string (the display name): it is set
as plain text, and its tooltip is escaped rich text so Qt does not guess it is HTML.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
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
from gfdesk.kit import icons
from gfdesk.kit.avatar import avatar_icon
from gfdesk.kit.badge import BADGE_COLOR, badge_text
from gfdesk.kit.elidedlabel import ElidedLabel
from gfdesk.ui import theme
from gfdesk.ui.sections import Section

WIDTH = 240
LOGO_SIZE = 30
NAV_ICON_SIZE = 20
#: The gap between a navigation icon and its title, as a fraction of the icon.
NAV_ICON_GAP = 0.4
AVATAR_SIZE = 34
NAV_COLOR = "#949ba4"
NAV_SELECTED_COLOR = "#ffffff"
SECTION_ROLE = Qt.ItemDataRole.UserRole
BADGE_ROLE = Qt.ItemDataRole.UserRole + 1
PRESENCE_TEXT = {
    ConnectionState.ONLINE: "Online",
    ConnectionState.CONNECTING: "Connecting…",
    ConnectionState.OFFLINE: "Offline",
    ConnectionState.NO_BACKEND: "No backend",
}


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` verbatim (QToolTip would render "<b>" as bold)."""
    return f"<qt>{html.escape(text)}</qt>"


class AccountFooter(QFrame):
    """Avatar, display name, connection word and the settings button.

    Signals:
        settings_clicked(): the gear was pressed.
    """

    settings_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountFooter")
        self._avatar = icons.IconLabel(AVATAR_SIZE, self)
        self._avatar.setObjectName("accountAvatar")
        # A long name ends in "…" rather than widening the sidebar.
        self._name = ElidedLabel(self)
        self._name.setObjectName("accountName")
        self._presence = ElidedLabel(self)
        self._presence.setObjectName("accountPresence")
        self._settings = QToolButton(self)
        self._settings.setObjectName("settingsButton")
        self._settings.setIcon(icons.icon("settings", NAV_COLOR, NAV_SELECTED_COLOR))
        self._settings.setIconSize(QSize(20, 20))
        self._settings.setToolTip("Settings (Ctrl+,)")
        self._settings.setAccessibleName("Settings")
        self._settings.setAutoRaise(True)
        self._settings.clicked.connect(self.settings_clicked)

        names = QVBoxLayout()
        names.setContentsMargins(0, 0, 0, 0)
        names.setSpacing(0)
        names.addWidget(self._name)
        names.addWidget(self._presence)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 8, 8)
        layout.setSpacing(10)
        layout.addWidget(self._avatar)
        layout.addLayout(names, 1)
        layout.addWidget(self._settings)
        self.set_account(None)
        self.set_connection_state(ConnectionState.CONNECTING)

    def set_account(self, display_name: str | None) -> None:
        """Show who is signed in; None means nobody."""
        self._avatar.set_icon(avatar_icon(display_name, AVATAR_SIZE))
        self._name.setText(display_name if display_name is not None else "Not signed in")
        self._name.setToolTip(plain_tooltip(display_name) if display_name else "")
        self.setProperty("signedIn", display_name is not None)
        self._repolish(self._name)

    def set_connection_state(self, state: ConnectionState) -> None:
        """Show the connection as one word under the name."""
        self._presence.setText(PRESENCE_TEXT[state])
        self._presence.setProperty("state", state.value)
        self._repolish(self._presence)

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)


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
        painter.setBrush(QColor(BADGE_COLOR))
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class Sidebar(QFrame):
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
        name = QLabel("gfdesk", brand)
        name.setObjectName("brandName")
        brand_layout = QHBoxLayout(brand)
        brand_layout.setContentsMargins(16, 14, 16, 14)
        brand_layout.setSpacing(10)
        brand_layout.addWidget(logo)
        brand_layout.addWidget(name, 1)

        heading = QLabel("NAVIGATE", self)
        heading.setObjectName("sidebarHeading")

        self._nav = QListWidget(self)
        self._nav.setObjectName("sidebarNav")
        self._nav.setAccessibleName("Sections")
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
                section.title,
            )
            item.setData(SECTION_ROLE, section)
            item.setToolTip(f"{section.title} ({section.shortcut})")
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

    def current(self) -> Section:
        """The selected section."""
        section: Section = self._nav.currentItem().data(SECTION_ROLE)
        return section

    def set_badge(self, section: Section, count: int) -> None:
        """Show ``count`` (unread notifications, messages) on ``section``; 0 clears it."""
        item = self._nav.item(list(Section).index(section))
        count = max(0, count)
        item.setData(BADGE_ROLE, count)
        item.setToolTip(f"{section.title} ({section.shortcut})"
                        + (f" — {badge_text(count)} unread" if count else ""))
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole,
                     f"{count} unread" if count else "")

    def badge(self, section: Section) -> int:
        """The count shown on ``section`` (0: none)."""
        return int(self._nav.item(list(Section).index(section)).data(BADGE_ROLE) or 0)

    def select(self, section: Section) -> None:
        """Select ``section`` (emits ``section_selected`` when it changes)."""
        self._nav.setCurrentRow(list(Section).index(section))

    def _on_nav_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.section_selected.emit(list(Section)[row])
