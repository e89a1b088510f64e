"""Every main screen, signed in to the demo hub, for keyboard and screen-reader users:
every control has an accessible name and a control's role, and Tab from the start of
the screen reaches every control."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from gfdesk import bridge
from gfdesk import config as gfconfig
from gfdesk.accountflow import AccountFlow
from gfdesk.calls.feature import CallsFeature
from gfdesk.chat.feature import ChatFeature
from gfdesk.config import Paths, Profile
from gfdesk.feature import SwitcherEntry, SwitcherKind
from gfdesk.friends.feature import FriendsFeature
from gfdesk.friends.model import SUBTITLE_ROLE
from gfdesk.hub.context import HubConfig
from gfdesk.hub.demo.world import TOURNAMENT_NAME
from gfdesk.hub.runner import RunningHub
from gfdesk.notifications.feature import NotificationsFeature
from gfdesk.notifications.model import BODY_ROLE
from gfdesk.tournament.feature import TournamentFeature
from gfdesk.tournament.matches import Format
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.sections import Section
from gfdesk.ui.settingsdialog import SettingsDialog
from gfdesk.ui.usermessages import MessageBridge
from tests.helpers.a11y import (
    interactive_widgets,
    missing_names,
    tab_reachable,
    unreachable,
    walk_tab_chain,
)
from tests.helpers.demoflow import close_flow, demo_flow, sign_in_demo

# The offscreen platform's notes on windows, and a machine without sound devices.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise", "PulseAudioService",
                                       "does not support grabbing the keyboard",
                                       "No audio device detected")

DEMO = Profile("demo")
F = TypeVar("F")


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub", demo=True)


class App:
    def __init__(self, flow: AccountFlow, window: MainWindow, online: asyncio.Event) -> None:
        self.flow = flow
        self.window = window
        self.online = online


@pytest.fixture
async def app(ui_app: QApplication, hub: RunningHub, tmp_path: Path) -> AsyncIterator[App]:
    window = MainWindow(MessageBridge())
    online = asyncio.Event()
    flow = demo_flow(hub, tmp_path, window, profile=DEMO, online=online)
    window.show()
    window.activateWindow()
    yield App(flow, window, online)
    await close_flow(flow, window)


async def signed_in(app: App) -> None:
    await sign_in_demo(app.flow, app.online)


async def until(check: Callable[[], bool], signal: SignalInstance) -> None:
    """Wait until ``check()`` holds, looking again whenever ``signal`` fires."""
    changed = asyncio.Event()
    signal.connect(changed.set)
    try:
        async with asyncio.timeout(15):
            while not check():
                changed.clear()
                await changed.wait()
    finally:
        signal.disconnect(changed.set)


async def finished(task_name: str) -> None:
    """Wait for the bridge tasks of that name (a conversation's first page loading)."""
    await asyncio.gather(*(t for t in bridge.live_tasks() if t.get_name() == task_name))


def feature(app: App, kind: type[F]) -> F:
    return next(f for f in app.flow.features if isinstance(f, kind))


async def open_conversation(app: App) -> ChatFeature:
    chat = feature(app, ChatFeature)
    first = chat.model.conversations.summaries()[0]
    opened = bridge.next_emit(chat.conversation_opened, 15)
    chat.open_conversation(first.id)
    await opened
    await finished("chat:open")
    app.window.show_section(Section.CONVERSATIONS)
    return chat


async def open_tournament(app: App, name: str = TOURNAMENT_NAME) -> TournamentFeature:
    tournaments = feature(app, TournamentFeature)
    target = next(t for t in tournaments.model.list.tournaments() if t.name == name)
    opened = bridge.next_emit(tournaments.tournament_opened, 15)
    tournaments.open_tournament(target.id)
    await opened
    page = tournaments.model.current
    assert page is not None
    if not page.is_loaded:
        await bridge.next_emit(page.loaded, 15)
    app.window.show_section(Section.TOURNAMENTS)
    return tournaments


async def host_a_tournament(app: App) -> TournamentFeature:
    tournaments = feature(app, TournamentFeature)
    opened = bridge.next_emit(tournaments.tournament_opened, 15)
    tournaments.model.create(name="Keyboard Cup", game="Arena Blitz",
                             format=Format.SINGLE_ELIM, max_participants=8, starts_at=None)
    await opened
    await finished("tournaments:create")
    page = tournaments.model.current
    assert page is not None
    if not page.is_loaded:
        await bridge.next_emit(page.loaded, 15)
    app.window.show_section(Section.TOURNAMENTS)
    view = tournaments.view.page
    assert view is not None and view.console is not None and view.console.isVisible()
    return tournaments


def assert_named(root: QWidget, screen: str) -> None:
    problems = missing_names(root)
    assert not problems, f"{screen}:\n" + "\n".join(problems)


async def test_every_section_names_its_controls(app: App) -> None:
    await signed_in(app)
    for section in Section:
        app.window.show_section(section)
        assert_named(app.window, section.title)


async def test_the_friend_requests_page_names_its_controls(app: App) -> None:
    await signed_in(app)
    feature(app, FriendsFeature).show_requests()
    app.window.show_section(Section.FRIENDS)
    assert_named(app.window, "friend requests")


async def test_an_open_conversation_names_its_controls(app: App) -> None:
    await signed_in(app)
    await open_conversation(app)
    assert_named(app.window, "open conversation")


async def test_a_tournament_with_its_bracket_names_its_controls(app: App) -> None:
    await signed_in(app)
    await open_tournament(app)
    assert_named(app.window, "tournament page")


async def test_the_host_console_names_its_controls(app: App) -> None:
    await signed_in(app)
    await host_a_tournament(app)
    assert_named(app.window, "host console")


async def test_the_sign_in_screen_names_its_controls(app: App) -> None:
    app.flow.ask_sign_in()
    screen = app.window.sign_in_screen()
    assert screen is not None and screen.isVisible()
    assert_named(app.window, "sign-in")


async def test_the_status_picker_names_its_controls(app: App) -> None:
    await signed_in(app)
    picker = feature(app, FriendsFeature).status_picker(app.window)
    picker.show()
    try:
        assert_named(picker, "status picker")
        picker.activateWindow()
        assert_tab_reaches_everything(app, "status picker", picker)
    finally:
        picker.close()


async def test_the_settings_dialog_names_the_controls_of_every_tab(
        app: App, tmp_path: Path) -> None:
    paths = Paths(config_dir=tmp_path / "config", data_dir=tmp_path / "data",
                  log_dir=tmp_path / "log")
    config = gfconfig.load(gfconfig.Overrides(demo=True), env={}, paths=paths)
    dialog = SettingsDialog(config, None, app.window, account="Demo Player (demo@x)")
    dialog.show()
    try:
        tabs = dialog.findChild(QTabWidget)
        assert tabs is not None
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            assert_named(dialog, f"settings, {tabs.tabText(index)}")
    finally:
        dialog.close()
        dialog.deleteLater()


def test_tab_reaches_every_control_of_every_settings_tab(
        ui_app: QApplication, qtbot: QtBot, tmp_path: Path) -> None:
    # Synchronous: no loop runs, so the dialog's hub finder does not browse the network.
    paths = Paths(config_dir=tmp_path / "config", data_dir=tmp_path / "data",
                  log_dir=tmp_path / "log")
    config = gfconfig.load(gfconfig.Overrides(demo=True), env={}, paths=paths)
    dialog = SettingsDialog(config, None, account="Demo Player (demo@x)")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    tabs = dialog.findChild(QTabWidget)
    assert tabs is not None
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        start = next(w for w in interactive_widgets(dialog) if tab_reachable(w))
        missed = unreachable(dialog, walk_tab_chain(start))
        assert not missed, f"settings, {tabs.tabText(index)}: Tab never reaches\n" + \
            "\n".join(missed)


async def test_the_call_windows_name_their_controls(app: App) -> None:
    await signed_in(app)
    calls = feature(app, CallsFeature)
    friend = feature(app, FriendsFeature).switcher_entries()[0]
    calls.place_call(friend.id, "video")
    try:
        await until(lambda: calls.view.isVisible(), calls.model.call_changed)
        assert_named(calls.view, "call window")
        calls.view.activateWindow()
        qapp = QGuiApplication.instance()
        assert isinstance(qapp, QGuiApplication)
        await until(calls.view.isActiveWindow, qapp.focusWindowChanged)
        assert_tab_reaches_everything(app, "call window", calls.view)
        calls.incoming.show()
        assert_named(calls.incoming, "incoming call window")
        calls.incoming.activateWindow()
        await until(calls.incoming.isActiveWindow, qapp.focusWindowChanged)
        assert_tab_reaches_everything(app, "incoming call window", calls.incoming)
        calls.incoming.hide()
    finally:
        calls.view.hang_up.click()
    await calls.service.engine.wait_idle()


def assert_tab_reaches_everything(app: App, screen: str,
                                  root: QWidget | None = None) -> list[QWidget]:
    """Tab from the start of ``root`` (the window: its section list) comes back to it
    having reached every control of the screen; returns the widgets in Tab order."""
    root = root or app.window
    start = app.window.findChild(QWidget, "sidebarNav") if root is app.window else None
    if start is None or not start.isVisible():
        start = next(w for w in interactive_widgets(root) if tab_reachable(w))
    visited = walk_tab_chain(start)
    missed = unreachable(root, visited)
    assert not missed, f"{screen}: Tab never reaches\n" + "\n".join(missed)
    return visited


async def test_tab_reaches_every_control_of_every_section(app: App) -> None:
    await signed_in(app)
    assert app.window.isActiveWindow()
    for section in Section:
        app.window.show_section(section)
        assert_tab_reaches_everything(app, section.title)


async def test_the_friends_and_requests_tabs_switch_with_the_arrow_keys(app: App) -> None:
    await signed_in(app)
    friends = feature(app, FriendsFeature)
    view = friends.view
    view.friends_tab.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(view.friends_tab, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is view.requests_tab
    assert view.requests_tab.isChecked()
    QTest.keyClick(view.requests_tab, Qt.Key.Key_Left)
    assert QApplication.focusWidget() is view.friends_tab and view.friends_tab.isChecked()


async def test_tab_reaches_every_control_of_the_other_screens(app: App, tmp_path: Path) -> None:
    await signed_in(app)
    friends = feature(app, FriendsFeature)
    friends.show_requests()
    app.window.show_section(Section.FRIENDS)
    assert_tab_reaches_everything(app, "friend requests")
    friends.view.show_friends()
    chat = await open_conversation(app)
    visited = assert_tab_reaches_everything(app, "open conversation")
    assert chat.view.findChild(QWidget, "composer") in visited  # Tab leaves the composer
    await open_tournament(app)
    assert_tab_reaches_everything(app, "tournament page")
    await host_a_tournament(app)
    assert_tab_reaches_everything(app, "host console")


async def test_tab_reaches_every_control_of_the_sign_in_screen(app: App) -> None:
    app.flow.ask_sign_in()
    screen = app.window.sign_in_screen()
    assert screen is not None
    visited = assert_tab_reaches_everything(app, "sign-in", screen)
    names = [w.objectName() for w in visited]
    # Top to bottom: the profile, the demo shortcut, then the form in reading order.
    order = ["profileSwitcher", "signInDemo", "signInEmail", "signInPassword",
             "signInRemember", "signInSubmit", "signInSwitchMode"]
    shown = [n for n in order if n in names]
    assert [n for n in names if n in order] == shown
    assert {"signInEmail", "signInPassword", "signInSubmit"} <= set(shown)


def inside(widget: QWidget, ancestor: QWidget) -> bool:
    node: QWidget | None = widget
    while node is not None:
        if node is ancestor:
            return True
        node = node.parentWidget()
    return False


async def test_tab_order_runs_down_the_sidebar_then_into_the_page(app: App) -> None:
    await signed_in(app)
    app.window.show_section(Section.FRIENDS)
    visited = assert_tab_reaches_everything(app, "Friends")
    sidebar = app.window.findChild(QWidget, "sidebar")
    page = app.window.section_widget(Section.FRIENDS)
    assert sidebar is not None
    in_sidebar = [i for i, w in enumerate(visited) if inside(w, sidebar)]
    in_page = [i for i, w in enumerate(visited) if inside(w, page)]
    # Column by column: the section list, the account card under it, then the page
    # (its own views left to right: friends, then notifications).
    assert in_sidebar == list(range(len(in_sidebar))) and in_page
    assert in_page == list(range(len(in_sidebar), len(in_sidebar) + len(in_page)))
    friends = feature(app, FriendsFeature).view
    firsts = [next(i for i, w in enumerate(visited) if inside(w, v))
              for v in (friends, page.findChild(QWidget, "notificationCentre"))
              if v is not None]
    assert firsts == sorted(firsts) and len(firsts) == 2


async def test_the_bracket_is_played_from_the_keyboard(app: App) -> None:
    await signed_in(app)
    tournaments = await open_tournament(app)
    page = tournaments.view.page
    assert page is not None
    view = page.bracket_view
    order = view.card_order()
    assert len(order) > 2
    view.setFocus(Qt.FocusReason.TabFocusReason)
    model = tournaments.model.current
    assert model is not None
    QTest.keyClick(view, Qt.Key.Key_Home)
    assert model.bracket.selected == order[0]
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert model.bracket.selected == order[1]
    assert view.accessibleDescription()
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert model.bracket.selected == order[0]
    QTest.keyClick(view, Qt.Key.Key_End)
    assert model.bracket.selected == order[-1]


async def test_ctrl_k_lists_the_accounts_friends_conversations_and_tournaments(
        app: App) -> None:
    await signed_in(app)
    chat = feature(app, ChatFeature)
    friends = feature(app, FriendsFeature)
    tournaments = feature(app, TournamentFeature)
    QTest.keyClick(app.window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    switcher = app.window.quick_switcher()
    assert switcher is not None
    listed = switcher.entries()
    kinds = [e.kind for e in listed]
    # Conversations first (most recent first, as their list), then friends, then cups.
    assert kinds == sorted(kinds, key=[SwitcherKind.CONVERSATION, SwitcherKind.FRIEND,
                                       SwitcherKind.TOURNAMENT].index)
    assert {e.id for e in listed if e.kind is SwitcherKind.FRIEND} == \
        set(friends.service.friends)
    assert [e.id for e in listed if e.kind is SwitcherKind.CONVERSATION] == \
        [s.id for s in chat.model.conversations.summaries()]
    running = next(t for t in tournaments.model.list.tournaments()
                   if t.name == TOURNAMENT_NAME)
    QTest.keyClicks(switcher.search, TOURNAMENT_NAME[:6].lower())
    assert switcher.current_entry() == SwitcherEntry(
        SwitcherKind.TOURNAMENT, running.id, TOURNAMENT_NAME,
        f"{running.game} · {running.status.title}")
    opened = bridge.next_emit(tournaments.tournament_opened, 15)
    QTest.keyClick(switcher.search, Qt.Key.Key_Return)
    assert await opened == (running.id,)
    assert app.window.current_section() is Section.TOURNAMENTS


async def test_a_friend_chosen_in_the_switcher_opens_the_chat_with_them(app: App) -> None:
    await signed_in(app)
    chat = feature(app, ChatFeature)
    friend = feature(app, FriendsFeature).switcher_entries()[0]
    switcher = app.window.open_quick_switcher()
    QTest.keyClicks(switcher.search, friend.title)
    assert switcher.current_entry() == friend
    opened = bridge.next_emit(chat.conversation_opened, 15)
    QTest.keyClick(switcher.search, Qt.Key.Key_Return)
    conversation_id, = await opened
    await finished("chat:open-direct")
    summary = chat.model.conversations.get(conversation_id)
    assert summary is not None and summary.other_id == friend.id
    assert app.window.current_section() is Section.CONVERSATIONS


async def test_signed_out_the_switcher_lists_nothing_of_the_account(app: App) -> None:
    await signed_in(app)
    await app.flow.sign_out()
    switcher = app.window.open_quick_switcher()
    assert switcher.entries() == []
    switcher.close()


async def test_list_items_describe_what_their_rows_paint(app: App) -> None:
    await signed_in(app)
    friends = feature(app, FriendsFeature)
    first = friends.model.index(0, 0)
    assert first.data(Qt.ItemDataRole.AccessibleDescriptionRole) == first.data(SUBTITLE_ROLE)
    assert first.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    chat = feature(app, ChatFeature)
    conversations = chat.model.conversations
    for row, summary in enumerate(conversations.summaries()):
        described = conversations.index(row).data(Qt.ItemDataRole.AccessibleDescriptionRole)
        assert (str(summary.unread) in described) if summary.unread else described == ""
    notifications = feature(app, NotificationsFeature).model
    if notifications.rowCount():
        index = notifications.index(0)
        assert index.data(BODY_ROLE) in index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
