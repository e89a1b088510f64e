"""AccountFlow against the demo hub: signing in builds the features into the window,
signing out closes them and asks for a sign-in, and the dialog signs in again."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QPushButton, QSplitter

from gfdesk import bridge
from gfdesk.accountflow import AccountFlow
from gfdesk.chat.feature import ChatFeature
from gfdesk.core.backend import BackendService
from gfdesk.core.session import Credentials
from gfdesk.core.status import ConnectionState, ConnectionStatus
from gfdesk.friends.feature import FriendsFeature
from gfdesk.friends.model import USER_ID_ROLE
from gfdesk.friends.view import FriendsView
from gfdesk.hub.context import HubConfig
from gfdesk.hub.demo import DEMO_EMAIL, DEMO_PASSWORD
from gfdesk.hub.runner import RunningHub
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.sections import Section
from gfdesk.ui.signin import SignInDialog
from gfdesk.ui.usermessages import MessageBridge
from tests.helpers.memkeyring import InsecureKeyring, MemoryKeyring

# The offscreen platform says this for every top-level window it shows.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub", demo=True)


class Parts:
    def __init__(self, flow: AccountFlow, window: MainWindow) -> None:
        self.flow = flow
        self.window = window
        self.online = asyncio.Event()


@pytest.fixture
async def parts(ui_app: QApplication, hub: RunningHub, tmp_path: Path) -> AsyncIterator[Parts]:
    window = MainWindow(MessageBridge())
    holder: list[Parts] = []

    def on_status(status: ConnectionStatus) -> None:
        window.set_connection_status(status)
        if status.state is ConnectionState.ONLINE and holder:
            holder[0].online.set()

    backend = BackendService(hub.url, hub.anon_key, label="demo hub", on_status=on_status,
                             profile="test", data_dir=tmp_path / "data",
                             keyring_backend=MemoryKeyring())
    result = Parts(AccountFlow(backend, window, MessageBridge(), None, can_sign_in=True),
                   window)
    holder.append(result)
    yield result
    await result.flow.aclose()
    await bridge.drain()
    window.deleteLater()


async def submitted() -> None:
    """Wait for the sign-in the dialog started and what it set off (bridge tasks)."""
    for name in ("signin:submit", "account:signed-in"):
        await asyncio.gather(*(t for t in bridge.live_tasks() if t.get_name() == name))


async def test_sign_in_builds_the_features_and_sign_out_asks_again(parts: Parts) -> None:
    flow, window = parts.flow, parts.window
    await flow.start(Credentials(DEMO_EMAIL, DEMO_PASSWORD))
    assert flow.account is not None
    async with asyncio.timeout(15):
        await parts.online.wait()
    friends_page = window.section_widget(Section.FRIENDS)
    assert isinstance(friends_page, QSplitter) and friends_page.count() == 2

    await flow.sign_out()
    assert flow.account is None
    dialog = window.findChild(SignInDialog)
    assert dialog is not None and dialog.isVisible()

    dialog.findChild(QLineEdit, "signInEmail").setText(DEMO_EMAIL)
    password = dialog.findChild(QLineEdit, "signInPassword")
    password.setText("not-the-password")
    submit = dialog.findChild(QPushButton, "signInSubmit")
    submit.click()
    await submitted()
    assert "Invalid login credentials" in dialog.error_text()
    assert flow.account is None

    password.setText(DEMO_PASSWORD)
    submit.click()
    await submitted()
    assert flow.account is not None and flow.account.email == DEMO_EMAIL
    assert isinstance(window.section_widget(Section.FRIENDS), QSplitter)
    assert window.findChild(SignInDialog) is None or not dialog.isVisible()


async def test_without_a_secure_keyring_the_dialog_does_not_offer_remember_me(
        ui_app: QApplication, hub: RunningHub, tmp_path: Path) -> None:
    window = MainWindow(MessageBridge())
    backend = BackendService(hub.url, hub.anon_key, label="demo hub",
                             on_status=window.set_connection_status, profile="test",
                             keyring_backend=InsecureKeyring())
    flow = AccountFlow(backend, window, MessageBridge(), None, can_sign_in=True)
    try:
        await flow.start(None)
        dialog = window.findChild(SignInDialog)
        assert dialog is not None and dialog.isVisible()
        remember = dialog.findChild(QCheckBox, "signInRemember")
        assert not remember.isEnabled() and not remember.isChecked()
    finally:
        await flow.aclose()
        await bridge.drain()
        window.deleteLater()


async def test_enter_on_a_friend_opens_the_direct_conversation(parts: Parts) -> None:
    flow, window = parts.flow, parts.window
    await flow.start(Credentials(DEMO_EMAIL, DEMO_PASSWORD))
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


async def test_friend_row_changes_are_looked_at_once_per_burst_and_reach_chat(
        parts: Parts) -> None:
    flow = parts.flow
    await flow.start(Credentials(DEMO_EMAIL, DEMO_PASSWORD))
    friends = next(f for f in flow.features if isinstance(f, FriendsFeature))
    chat = next(f for f in flow.features if isinstance(f, ChatFeature))
    # The demo bots come online: the chat's conversation list hears who.
    async with asyncio.timeout(15):
        while not friends.online_friends:
            await bridge.next_emit(friends.online_friends_changed)
    assert chat.model.conversations.online == friends.online_friends
    timer = friends.findChild(QTimer, "friends:online-check")
    looks: list[int] = []
    timer.timeout.connect(lambda: looks.append(1))
    top = friends.model.index(0, 0)
    for _ in range(50):
        friends.model.dataChanged.emit(top, top)
    await bridge.next_emit(timer.timeout)
    assert looks == [1]
