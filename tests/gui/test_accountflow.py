"""AccountFlow against the demo hub: signing in builds the features into the window,
signing out takes every trace of the account away and shows the sign-in screen (with
the profile switcher), which signs in again; a friend's status reads the same in the
friends list and the chat header; the user's own status reaches the profile card and
comes back after a restart; a notification opens what it is about."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QSplitter,
)

from gfdesk import bridge
from gfdesk.accountflow import AccountFlow
from gfdesk.chat.feature import ChatFeature
from gfdesk.chat.view import ChatView
from gfdesk.config import Profile
from gfdesk.core.backend import BackendService
from gfdesk.core.status import ConnectionState, ConnectionStatus
from gfdesk.friends.feature import FriendsFeature
from gfdesk.friends.model import SUBTITLE_ROLE, USER_ID_ROLE
from gfdesk.friends.view import FriendsView
from gfdesk.hub.context import HubConfig
from gfdesk.hub.demo import DEMO_EMAIL
from gfdesk.hub.runner import RunningHub
from gfdesk.notifications.view import NotificationCentreView
from gfdesk.targets import TargetKind
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.sections import Section
from gfdesk.ui.signinscreen import SignInScreen
from gfdesk.ui.usermessages import MessageBridge
from gfdesk.userstatus import Status
from tests.helpers.demoflow import close_flow, demo_flow, sign_in_demo
from tests.helpers.memkeyring import InsecureKeyring

# The offscreen platform says this for every top-level window it shows.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

DEMO = Profile("demo")
PROFILES = (DEMO, Profile("lan-party", "http://192.168.1.20:54321", "x" * 40))


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub", demo=True)


class Parts:
    def __init__(self, flow: AccountFlow, window: MainWindow, online: asyncio.Event) -> None:
        self.flow = flow
        self.window = window
        self.online = online


@pytest.fixture
async def parts(ui_app: QApplication, hub: RunningHub, tmp_path: Path) -> AsyncIterator[Parts]:
    window = MainWindow(MessageBridge())
    online = asyncio.Event()
    flow = demo_flow(hub, tmp_path, window, profile=DEMO, profiles=PROFILES, online=online)
    yield Parts(flow, window, online)
    await close_flow(flow, window)


async def submitted() -> None:
    """Wait for the sign-in the screen started and what it set off (bridge tasks)."""
    for name in ("signin:submit", "account:signed-in"):
        await asyncio.gather(*(t for t in bridge.live_tasks() if t.get_name() == name))


def deferred_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


async def test_sign_out_leaves_nothing_of_the_account_and_the_screen_signs_in_again(
        parts: Parts) -> None:
    flow, window = parts.flow, parts.window
    await sign_in_demo(flow)
    assert flow.account is not None
    async with asyncio.timeout(15):
        await parts.online.wait()
    friends_page = window.section_widget(Section.FRIENDS)
    assert isinstance(friends_page, QSplitter) and friends_page.count() == 2
    features = list(flow.features)
    avatars = flow.avatars
    assert features and avatars is not None

    await flow.sign_out()
    deferred_deletes()
    assert flow.account is None and flow.features == () and flow.avatars is None
    # Nothing of the account on screen...
    for kind in (FriendsView, ChatView, NotificationCentreView, QSplitter):
        assert window.findChildren(kind) == [], kind.__name__
    footer = window.account_footer()
    assert footer.findChild(QLineEdit) is None
    assert window.findChild(type(footer)).presence_text() == ""  # not "Online"
    assert all(window._sidebar.badge(s) == 0 for s in Section)
    # ...nor in memory: the features and their pictures are deleted.
    assert not any(shiboken6.isValid(f) for f in features)
    assert not shiboken6.isValid(avatars)

    screen = window.sign_in_screen()
    assert isinstance(screen, SignInScreen) and screen is flow.sign_in_screen
    switcher = screen.findChild(QComboBox, "profileSwitcher")
    assert [switcher.itemData(i) for i in range(switcher.count())] == ["demo", "lan-party"]
    screen.findChild(QLineEdit, "signInEmail").setText(DEMO_EMAIL)
    password = screen.findChild(QLineEdit, "signInPassword")
    password.setText("not-the-password")
    submit = screen.findChild(QPushButton, "signInSubmit")
    submit.click()
    await submitted()
    assert screen.error_text() == "Wrong email or password."
    assert flow.account is None
    # The demo profile offers its account in one click.
    screen.findChild(QPushButton, "signInDemo").click()
    await submitted()
    assert flow.account is not None and flow.account.email == DEMO_EMAIL
    assert isinstance(window.section_widget(Section.FRIENDS), QSplitter)
    assert window.sign_in_screen() is None


async def test_picking_another_profile_asks_the_app_to_switch(parts: Parts) -> None:
    flow, window = parts.flow, parts.window
    await flow.start(None)
    screen = window.sign_in_screen()
    assert isinstance(screen, SignInScreen)
    asked: list[str] = []
    flow.profile_switch_requested.connect(asked.append)
    screen.findChild(QComboBox, "profileSwitcher").setCurrentIndex(1)
    assert asked == ["lan-party"]


async def test_without_a_secure_keyring_the_screen_does_not_offer_remember_me(
        ui_app: QApplication, hub: RunningHub, tmp_path: Path) -> None:
    window = MainWindow(MessageBridge())
    backend = BackendService(hub.url, hub.anon_key, label="demo hub",
                             on_status=window.set_connection_status, profile="test",
                             keyring_backend=InsecureKeyring())
    flow = AccountFlow(backend, window, MessageBridge(), None, can_sign_in=True)
    try:
        await flow.start(None)
        screen = window.sign_in_screen()
        assert screen is not None and screen.isVisibleTo(window)
        remember = screen.findChild(QCheckBox, "signInRemember")
        assert not remember.isEnabled() and not remember.isChecked()
    finally:
        await close_flow(flow, window)


async def test_enter_on_a_friend_opens_the_direct_conversation(parts: Parts) -> None:
    flow, window = parts.flow, parts.window
    await sign_in_demo(flow)
    page = window.section_widget(Section.FRIENDS)
    assert isinstance(page, QSplitter)
    view = page.widget(0)
    assert isinstance(view, FriendsView)
    async with asyncio.timeout(15):
        while view.proxy.rowCount() == 0:
            await bridge.next_emit(view.proxy.rowsInserted)
    index = view.proxy.index(0, 0)
    friend_id = index.data(USER_ID_ROLE)
    view.list.setCurrentIndex(index)
    opened = bridge.next_emit(window.section_changed, timeout=15)
    QTest.keyClick(view.list, Qt.Key.Key_Return)
    assert await opened == (Section.CONVERSATIONS,)
    assert window.current_section() is Section.CONVERSATIONS
    # Let the conversation finish opening (its first page) before the flow closes.
    await asyncio.gather(*(t for t in bridge.live_tasks() if t.get_name() == "chat:open-direct"))
    chat = next(f for f in flow.features if isinstance(f, ChatFeature))
    summary = next(s for s in chat.model.conversations.summaries()
                   if s.id == chat.model.current_id)
    assert friend_id in summary.member_ids


async def test_a_friends_status_reads_the_same_in_the_list_and_the_chat_header(
        parts: Parts) -> None:
    flow = parts.flow
    await sign_in_demo(flow)
    friends = next(f for f in flow.features if isinstance(f, FriendsFeature))
    chat = next(f for f in flow.features if isinstance(f, ChatFeature))
    nova = next(f.user_id for f in friends.service.friends.values()
                if f.username == "novastrike")
    # The demo bots come online: NovaStrike is in the cup's game.
    async with asyncio.timeout(15):
        while friends.friend_statuses.get(nova) is None \
                or friends.friend_statuses[nova].status is not Status.IN_GAME:
            await bridge.next_emit(friends.friend_statuses_changed)
    row = friends.model.row_of(nova)
    index = friends.model.index(friends.model._row_of[nova])
    listed = index.data(SUBTITLE_ROLE)
    assert listed == "Playing Arena Blitz" and row is not None
    chat.open_direct(nova)
    await bridge.next_emit(chat.conversation_opened, 15)
    await asyncio.gather(*(t for t in bridge.live_tasks() if t.get_name() == "chat:open-direct"))
    assert chat.view.subtitle() == listed
    assert chat.model.conversations.online == friends.online_friends
    # Checked once per burst of row changes, not once per row.
    timer = friends.findChild(QTimer, "friends:status-check")
    looks: list[int] = []
    timer.timeout.connect(lambda: looks.append(1))
    top = friends.model.index(0, 0)
    for _ in range(50):
        friends.model.dataChanged.emit(top, top)
    await bridge.next_emit(timer.timeout)
    assert looks == [1]


async def test_own_status_reaches_the_profile_card_and_survives_a_restart(
        ui_app: QApplication, hub: RunningHub, tmp_path: Path) -> None:
    window = MainWindow(MessageBridge())
    flow = demo_flow(hub, tmp_path, window, profile=DEMO, profiles=PROFILES)
    footer = window.account_footer()
    try:
        await sign_in_demo(flow)
        window.set_connection_status(ConnectionStatus(ConnectionState.ONLINE))
        friends = flow.features[0]
        assert footer.presence_text() == "Online"
        friends.status.set_status(Status.BUSY)
        assert footer.presence_text() == "Do not disturb"
        picker = friends.status_picker(window)
        QTest.keyClicks(picker.search, "valor")
        picker.games.itemClicked.emit(picker.games.item(0))
        assert footer.presence_text() == "Playing Valorant"
        # Saves are one exclusive group: the last choice is the one written.
        await asyncio.gather(*(t for t in bridge.live_tasks() if t.get_name() == "status:save"),
                             return_exceptions=True)
    finally:
        await flow.aclose()
        await bridge.drain()
    # The next start (same data dir) comes back in game.
    again = demo_flow(hub, tmp_path, window, profile=DEMO, profiles=PROFILES)
    try:
        await sign_in_demo(again)
        window.set_connection_status(ConnectionStatus(ConnectionState.ONLINE))
        friends = again.features[0]
        assert (friends.status.status, friends.status.game) == (Status.IN_GAME, "Valorant")
        assert friends.service.status is Status.IN_GAME
        assert footer.presence_text() == "Playing Valorant"
        assert friends.status.recent_games[0] == "Valorant"
    finally:
        await close_flow(again, window)


async def test_notifications_open_what_they_are_about_and_reading_marks_them_read(
        parts: Parts) -> None:
    flow, window = parts.flow, parts.window
    await sign_in_demo(flow)
    friends, notes, _tournaments, chat, _calls = flow.features
    model = notes.model
    by_type = {model.notification(r).type: r for r in range(model.rowCount())}
    request = model.notification(by_type["friend_request"])
    assert request.target is not None and request.target.kind is TargetKind.FRIEND_REQUEST
    notes.view.activated.emit(request)
    assert window.current_section() is Section.FRIENDS
    assert friends.view.pages.currentWidget() is friends.view.requests_view

    message = model.notification(by_type["message"])
    assert message.unread
    chat.model.set_on_screen(True)
    notes.view.activated.emit(message)
    assert window.current_section() is Section.CONVERSATIONS
    await bridge.next_emit(chat.conversation_read, 15)
    row = next(r for r in range(model.rowCount()) if model.notification(r).id == message.id)
    assert not model.notification(row).unread
    await asyncio.gather(*(t for t in bridge.live_tasks()
                           if t.get_name() == "notifications:mark-read"))
    assert flow._backend.outbox is not None
    async with asyncio.timeout(15):
        await flow._backend.outbox.drained()
    stored = (await flow._backend.client.table("notifications").select("read_at").eq(
        "id", message.id).execute()).data
    assert stored[0]["read_at"] is not None


async def test_the_tray_counts_unread_messages_and_notifications(
        ui_app: QApplication, hub: RunningHub, tmp_path: Path) -> None:
    from gfdesk.ui.tray import TrayIcon

    window = MainWindow(MessageBridge())
    tray = TrayIcon(window)
    flow = demo_flow(hub, tmp_path, window, tray)
    try:
        await sign_in_demo(flow)
        _friends, notes, _tournaments, chat, _calls = flow.features
        total = notes.model.unread_count() + chat.unread
        assert chat.unread == 3 and notes.model.unread_count() == 4  # the demo's story
        assert tray.system_icon.toolTip() == f"gfdesk — {total} unread"
        await flow.sign_out()
        assert tray.system_icon.toolTip() == "gfdesk"
    finally:
        await close_flow(flow, window)


async def test_the_profile_is_changed_from_settings_and_shown_on_the_card(
        parts: Parts) -> None:
    from gfdesk.core.profile import check_profile

    flow, window = parts.flow, parts.window
    await sign_in_demo(flow)
    await asyncio.gather(*(t for t in bridge.live_tasks() if t.get_name() == "account:profile"))
    assert flow.own_profile is not None and flow.own_profile.display_name == "Demo Player"
    with pytest.raises(ValueError, match="http"):
        check_profile("Nova", "ftp://example.com/me.png")
    saved = await flow.save_profile("  Nova   Q ", "https://pictures.example/nova.png")
    assert (saved.display_name, saved.avatar_url) == ("Nova Q", "https://pictures.example/nova.png")
    footer = window.account_footer()
    assert footer.findChild(type(footer._name), "accountName").text() == "Nova Q"
    assert footer._avatar.player == ("Nova Q", "https://pictures.example/nova.png")
    stored = (await flow._backend.client.table("profiles").select(
        "display_name,avatar_url").eq("id", flow.account.user_id).execute()).data  # type: ignore[union-attr]
    assert stored == [{"display_name": "Nova Q",
                       "avatar_url": "https://pictures.example/nova.png"}]
