"""The tray icon: menu actions, activation, unread badge, and no tray offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QColor, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from gfdesk.kit.badge import BADGE_COLOR
from gfdesk.ui.tray import TrayIcon, badge_text


@pytest.fixture
def tray(ui_app: QApplication) -> TrayIcon:
    return TrayIcon()


def _actions(tray: TrayIcon) -> list[QAction]:
    return tray.menu.actions()


def _corner(icon: QIcon) -> QColor:
    image = icon.pixmap(64, 64).toImage()
    # Inside the badge (top right), away from its text.
    return image.pixelColor(image.width() - 6, image.height() // 4)


def test_menu_is_show_separator_quit(tray: TrayIcon) -> None:
    actions = _actions(tray)
    assert [a.text() for a in actions] == ["Show gfdesk", "", "Quit"]
    assert actions[1].isSeparator()


def test_menu_actions_emit_signals(tray: TrayIcon, qtbot: QtBot) -> None:
    show, _, quit_ = _actions(tray)
    with qtbot.waitSignal(tray.show_requested, timeout=1000):
        show.trigger()
    with qtbot.waitSignal(tray.quit_requested, timeout=1000):
        quit_.trigger()


def test_clicking_the_icon_asks_to_show(tray: TrayIcon, qtbot: QtBot) -> None:
    with qtbot.waitSignal(tray.show_requested, timeout=1000):
        tray.system_icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    with qtbot.assertNotEmitted(tray.show_requested):
        tray.system_icon.activated.emit(QSystemTrayIcon.ActivationReason.Context)


def test_set_unread_badges_icon_and_tooltip(tray: TrayIcon) -> None:
    plain_key = tray.system_icon.icon().cacheKey()
    assert _corner(tray.system_icon.icon()).name() != BADGE_COLOR
    tray.set_unread(3)
    assert tray.system_icon.icon().cacheKey() != plain_key
    assert _corner(tray.system_icon.icon()).name() == BADGE_COLOR
    assert tray.system_icon.toolTip() == "gfdesk — 3 unread"
    tray.set_unread(0)
    assert tray.system_icon.toolTip() == "gfdesk"
    assert _corner(tray.system_icon.icon()).name() != BADGE_COLOR


def test_the_icon_is_drawn_again_only_when_the_badge_changes(tray: TrayIcon) -> None:
    tray.set_unread(120)
    capped = tray.system_icon.icon().cacheKey()
    tray.set_unread(121)  # still "99+"
    assert tray.system_icon.icon().cacheKey() == capped
    tray.set_unread(4)
    four = tray.system_icon.icon().cacheKey()
    assert four != capped
    tray.set_unread(4)
    assert tray.system_icon.icon().cacheKey() == four
    assert tray.system_icon.toolTip() == "gfdesk — 4 unread"


def test_badge_text_is_capped() -> None:
    assert [badge_text(n) for n in (1, 99, 100, 5000)] == ["1", "99", "99+", "99+"]


def test_offscreen_there_is_no_tray_and_nothing_warns(tray: TrayIcon) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()
    assert tray.show() is False
    assert not tray.system_icon.isVisible()
    assert tray.notify("New message", "<b>hi</b>") is False


def test_status_menu_sits_above_quit_and_can_be_removed(qapp: QApplication) -> None:
    tray = TrayIcon()
    status = QMenu("Status")
    status.addAction("Online")
    tray.set_status_menu(status)
    titles = [a.text() for a in tray.menu.actions()]
    assert titles.index("Status") < titles.index("Quit")
    assert titles.index("Show gfdesk") < titles.index("Status")
    tray.set_status_menu(None)
    assert "Status" not in [a.text() for a in tray.menu.actions()]


def test_a_ringing_call_offers_accept_and_decline_until_it_stops(
        tray: TrayIcon, qtbot: QtBot) -> None:
    tray.show_incoming_call("<b>Nova</b>", video=True)
    texts = [a.text() for a in _actions(tray)]
    assert texts[:4] == ["<b>Nova</b> — incoming video call", "Accept call", "Decline call", ""]
    assert texts[4:] == ["Show gfdesk", "", "Quit"]
    assert "is calling" in tray.system_icon.toolTip()
    header, accept, decline, _ = _actions(tray)[:4]
    assert not header.isEnabled()
    with qtbot.waitSignal(tray.call_accept_requested, timeout=1000):
        accept.trigger()
    with qtbot.waitSignal(tray.call_decline_requested, timeout=1000):
        decline.trigger()
    tray.show_incoming_call("Pixel", video=False)  # a second call replaces the first
    assert [a.text() for a in _actions(tray)][0] == "Pixel — incoming voice call"
    tray.clear_incoming_call()
    assert [a.text() for a in _actions(tray)] == ["Show gfdesk", "", "Quit"]
    assert tray.system_icon.toolTip() == "gfdesk"
