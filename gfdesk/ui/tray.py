"""The system tray icon: show/quit menu, an unread badge, and native notifications.

Offscreen and on desktops without a tray, ``QSystemTrayIcon.isSystemTrayAvailable()``
is false: the icon is then never shown (Qt would warn), ``notify`` does nothing, and
the rest of the app works the same.
"""

from __future__ import annotations

import html
import sys

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from gfdesk.kit.badge import badge_text
from gfdesk.kit.themecolors import color as theme_color
from gfdesk.log import ui as log
from gfdesk.ui import theme

TOOLTIP = "gfdesk"  # i18n: verbatim (the app's name)
NOTIFY_MS = 6000
#: Rendered sizes of the badged icon; trays ask for 16 to 64 px.
BADGE_ICON_SIZES = (16, 22, 24, 32, 48, 64)
_SHOW_REASONS = (
    QSystemTrayIcon.ActivationReason.Trigger,
    QSystemTrayIcon.ActivationReason.DoubleClick,
)


def badged_icon(base: QIcon, count: int) -> QIcon:
    """``base`` with a red badge holding ``count`` in its top right corner."""
    result = QIcon()
    text = badge_text(count)
    for size in BADGE_ICON_SIZES:
        pixmap = QPixmap(base.pixmap(size, size))
        if pixmap.isNull():
            continue
        # The badge covers about half the icon: legible even at 16 px.
        diameter = size * 0.56
        width = max(diameter, diameter * (0.55 + 0.3 * len(text)))
        rect = QRectF(size - width, 0, width, diameter)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme_color("badge"))
        painter.drawRoundedRect(rect, diameter / 2, diameter / 2)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(max(6, round(diameter * 0.7)))
        painter.setFont(font)
        painter.setPen(theme_color("text_on_fill"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        result.addPixmap(pixmap)
    return result


class TrayIcon(QObject):
    """The app's tray icon.

    Signals:
        show_requested(): the user clicked the icon or chose "Show gfdesk".
        quit_requested(): the user chose "Quit".
        call_accept_requested(): the user chose "Accept" for the call that rings.
        call_decline_requested(): the user chose "Decline" for the call that rings.
    """

    show_requested = Signal()
    quit_requested = Signal()
    call_accept_requested = Signal()
    call_decline_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._base_icon = theme.app_icon()
        self.menu = QMenu()
        """The context menu (it has no parent widget, so this object owns it)."""
        self.menu.setObjectName("trayMenu")
        show_action = self._show_action = QAction(self.menu)
        show_action.setObjectName("trayShowAction")
        show_action.triggered.connect(self.show_requested)
        quit_action = self._quit_action = QAction(self.menu)
        quit_action.setObjectName("trayQuitAction")
        quit_action.triggered.connect(self.quit_requested)
        self.menu.addAction(show_action)
        self._status_separator = self.menu.addSeparator()
        self._status_action: QAction | None = None
        #: The badge shown ("" for none): the icon is drawn again only when it changes.
        self._badge = ""
        self.menu.addAction(quit_action)
        self.system_icon = QSystemTrayIcon(self._base_icon, self)
        """The wrapped QSystemTrayIcon."""
        self.system_icon.setToolTip(TOOLTIP)
        self.system_icon.setContextMenu(self.menu)
        self.system_icon.activated.connect(self._on_system_icon_activated)
        self.destroyed.connect(self.menu.deleteLater)
        self._call_actions: list[QAction] = []
        # The call that rings (caller, video), None when none: its entries are worded anew.
        self._ringing: tuple[str, bool] | None = None
        # This object is no widget: its menu tells it the language changed.
        self.menu.installEventFilter(self)
        self._retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.menu and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return super().eventFilter(watched, event)

    def _retranslate(self) -> None:
        # Everything this icon words itself (the status menu words itself).
        self._show_action.setText(self.tr("Show gfdesk"))
        self._quit_action.setText(self.tr("Quit"))
        if self._ringing is not None and self._call_actions:
            caller, video = self._ringing
            header, accept, decline = self._call_actions[:3]
            header.setText(self._call_header(caller, video))
            accept.setText(self.tr("Accept call"))
            decline.setText(self.tr("Decline call"))
            self.system_icon.setToolTip(self.tr("{app} — {caller} is calling").format(
                app=TOOLTIP, caller=caller))
        elif self._badge:
            self.system_icon.setToolTip(self.tr("{app} — {count} unread").format(
                app=TOOLTIP, count=self._badge))

    def _call_kind(self, video: bool) -> str:
        return self.tr("video call") if video else self.tr("voice call")

    def _call_header(self, caller: str, video: bool) -> str:
        return self.tr("{caller} — incoming {kind}").format(caller=caller,
                                                             kind=self._call_kind(video))

    def set_status_menu(self, menu: QMenu | None) -> None:
        """Offer ``menu`` (the user's online status) above "Quit"; None removes it."""
        if self._status_action is not None:
            self.menu.removeAction(self._status_action)
            self._status_action = None
        if menu is not None:
            menu.setTitle(menu.title() or self.tr("Status"))
            self._status_action = self.menu.insertMenu(self._status_separator, menu)

    def show_incoming_call(self, caller: str, video: bool) -> None:
        """Offer "Accept" and "Decline" for a call from ``caller`` at the top of the menu,
        and say it rings with a notification (where the platform has them)."""
        self.clear_incoming_call()
        kind = self._call_kind(video)
        self._ringing = (caller, video)
        header = QAction(self._call_header(caller, video), self.menu)
        header.setObjectName("trayCallHeader")
        header.setEnabled(False)
        accept = QAction(self.tr("Accept call"), self.menu)
        accept.setObjectName("trayAcceptCall")
        accept.triggered.connect(self.call_accept_requested)
        decline = QAction(self.tr("Decline call"), self.menu)
        decline.setObjectName("trayDeclineCall")
        decline.triggered.connect(self.call_decline_requested)
        separator = QAction(self.menu)
        separator.setSeparator(True)
        first = self.menu.actions()[0]
        self._call_actions = [header, accept, decline, separator]
        self.menu.insertActions(first, self._call_actions)
        self.system_icon.setToolTip(self.tr("{app} — {caller} is calling").format(app=TOOLTIP,
                                                                                  caller=caller))
        self.notify(self.tr("Incoming {kind}").format(kind=kind),
                    self.tr("{caller} is calling").format(caller=caller))

    def clear_incoming_call(self) -> None:
        """Take the call's actions off the menu (it stopped ringing)."""
        self._ringing = None
        if not self._call_actions:
            return
        for action in self._call_actions:
            self.menu.removeAction(action)
            action.deleteLater()
        self._call_actions = []
        self.system_icon.setToolTip(self.tr("{app} — {count} unread").format(
            app=TOOLTIP, count=self._badge) if self._badge
                                    else TOOLTIP)

    def show(self) -> bool:
        """Show the icon if this desktop has a tray; returns whether it is shown."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            log.debug("no system tray on this desktop; running without a tray icon")
            return False
        self.system_icon.show()
        return True

    def hide(self) -> None:
        """Take the icon off the tray."""
        self.system_icon.hide()

    def set_unread(self, count: int) -> None:
        """Badge the icon with ``count`` unread items (0 clears it) and say so in the tooltip.

        Counts are reported on every notification (a gap fill brings hundreds): the icon
        is rendered again only when the badge's text changes (not past "99+").
        """
        badge = badge_text(count) if count > 0 else ""
        if badge == self._badge:
            return
        self._badge = badge
        if not badge:
            self.system_icon.setIcon(self._base_icon)
            self.system_icon.setToolTip(TOOLTIP)
            return
        self.system_icon.setIcon(badged_icon(self._base_icon, count))
        self.system_icon.setToolTip(self.tr("{app} — {count} unread").format(
            app=TOOLTIP, count=badge_text(count)))

    def notify(self, title: str, body: str) -> bool:
        """Show a native notification; returns False where the platform has none."""
        if not (self.system_icon.isVisible() and QSystemTrayIcon.supportsMessages()):
            return False
        if sys.platform.startswith("linux"):
            # Freedesktop notification servers read the body as markup, and the body
            # is often what a remote user wrote.
            body = html.escape(body, quote=False)
        self.system_icon.showMessage(title, body, self._base_icon, NOTIFY_MS)
        return True

    def _on_system_icon_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in _SHOW_REASONS:
            self.show_requested.emit()
