"""Close to tray: the window's close button hides it while a tray icon shows, the way
chat apps keep running; a one-time hint says where it went.

Quitting for real stays one path: ``MainWindow.quit`` (Ctrl+Q, the tray's Quit,
SIGINT) marks the close as the app's end, and with no tray icon shown, or with
``close_to_tray`` off, closing the window quits as before.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from gfdesk.desktop.prefs import DesktopPrefs
from gfdesk.log import app as log
from gfdesk.ui.mainwindow import MainWindow


def hint_texts() -> tuple[str, str]:
    """The hint's title and body."""
    return (QCoreApplication.translate("CloseToTray", "gfdesk is still running"),
            QCoreApplication.translate(
                "CloseToTray", "gfdesk is still running in the tray. Choose Quit in the "
                "tray menu (or press Ctrl+Q) to end it."))


class CloseToTray(QObject):
    """Hides ``window`` instead of closing it while a tray icon shows.

    Args:
        window: the main window.
        prefs: ``close_to_tray`` (on/off) and ``hint_shown``.
        tray_shown: whether a tray icon is on screen now.
        notify: shows the hint as a tray message (``TrayIcon.notify``); returns
            whether it could.
    """

    def __init__(self, window: MainWindow, prefs: DesktopPrefs,
                 tray_shown: Callable[[], bool], notify: Callable[[str, str], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent or window)
        self._window = window
        self._prefs = prefs
        self._tray_shown = tray_shown
        self._notify = notify
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if (watched is self._window and event.type() is QEvent.Type.Close
                and not self._window.quitting and self._prefs.settings.close_to_tray
                and self._tray_shown()):
            event.ignore()
            self._window.hide()
            log.info("window closed into the tray")
            if not self._prefs.settings.hint_shown and self._notify(*hint_texts()):
                self._prefs.update(hint_shown=True)
            return True
        return super().eventFilter(watched, event)
