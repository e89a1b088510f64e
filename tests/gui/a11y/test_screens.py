"""Every main screen, signed in to the demo hub, for keyboard and screen-reader users:
every control has an accessible name and a control's role, and Tab from the start of
the screen reaches every control."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from gfdesk import bridge
from gfdesk.accountflow import AccountFlow
from gfdesk.config import Profile
from gfdesk.core.backend import BackendService
from gfdesk.core.session import Credentials
from gfdesk.core.status import ConnectionState, ConnectionStatus
from gfdesk.hub.context import HubConfig
from gfdesk.hub.demo import DEMO_EMAIL, DEMO_PASSWORD
from gfdesk.hub.runner import RunningHub
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.sections import Section
from gfdesk.ui.usermessages import MessageBridge
from tests.helpers.a11y import missing_names
from tests.helpers.memkeyring import MemoryKeyring

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

DEMO = Profile("demo")


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub", demo=True)


class App:
    def __init__(self, flow: AccountFlow, window: MainWindow) -> None:
        self.flow = flow
        self.window = window
        self.online = asyncio.Event()


@pytest.fixture
async def app(ui_app: QApplication, hub: RunningHub, tmp_path: Path) -> AsyncIterator[App]:
    window = MainWindow(MessageBridge())
    holder: list[App] = []

    def on_status(status: ConnectionStatus) -> None:
        window.set_connection_status(status)
        if status.state is ConnectionState.ONLINE and holder:
            holder[0].online.set()

    backend = BackendService(hub.url, hub.anon_key, label="demo hub", on_status=on_status,
                             profile="test", data_dir=tmp_path / "data",
                             keyring_backend=MemoryKeyring())
    flow = AccountFlow(backend, window, MessageBridge(), None, can_sign_in=True,
                       profiles=(DEMO,), profile=DEMO,
                       demo_credentials=Credentials(DEMO_EMAIL, DEMO_PASSWORD),
                       data_dir=tmp_path / "account")
    made = App(flow, window)
    holder.append(made)
    window.show()
    window.activateWindow()
    yield made
    await flow.aclose()
    await bridge.drain()
    window.deleteLater()


async def signed_in(app: App) -> None:
    await app.flow.start(Credentials(DEMO_EMAIL, DEMO_PASSWORD))
    async with asyncio.timeout(15):
        await app.online.wait()


async def test_every_section_names_its_controls(app: App) -> None:
    await signed_in(app)
    problems = []
    for section in Section:
        app.window.show_section(section)
        problems += [f"{section.name}: {p}" for p in missing_names(app.window)]
    assert not problems, "\n".join(problems)
