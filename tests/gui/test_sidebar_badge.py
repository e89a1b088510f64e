"""The sidebar's unread badges (``Sidebar.set_badge``, ``MainWindow.set_badge``)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QListWidget
from pytestqt.qtbot import QtBot

from gfdesk.kit.badge import BADGE_COLOR
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.sections import Section
from gfdesk.ui.sidebar import Sidebar, badge_text
from gfdesk.ui.usermessages import MessageBridge


def _red_pixels(sidebar: Sidebar) -> int:
    sidebar.resize(240, 400)
    image = QImage(sidebar.size(), QImage.Format.Format_ARGB32)
    sidebar.render(image)
    red = QColor(BADGE_COLOR).rgb()
    return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if image.pixel(x, y) == red)


def test_a_badge_shows_on_its_section_and_clears_at_zero(ui_app: QApplication,
                                                         qtbot: QtBot) -> None:
    window = MainWindow(MessageBridge())
    qtbot.addWidget(window)
    sidebar = window.findChild(Sidebar)
    assert sidebar is not None
    assert _red_pixels(sidebar) == 0
    window.set_badge(Section.FRIENDS, 3)
    assert sidebar.badge(Section.FRIENDS) == 3
    assert sidebar.badge(Section.CONVERSATIONS) == 0
    assert _red_pixels(sidebar) > 20
    nav = sidebar.findChild(QListWidget, "sidebarNav")
    assert nav is not None and "3 unread" in nav.item(0).toolTip()
    window.set_badge(Section.FRIENDS, 0)
    assert _red_pixels(sidebar) == 0
    assert "unread" not in nav.item(0).toolTip()


def test_badge_text_is_capped() -> None:
    assert [badge_text(n) for n in (1, 99, 100, 5000)] == ["1", "99", "99+", "99+"]
