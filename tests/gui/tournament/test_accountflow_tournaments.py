"""The account flow builds the tournaments feature into the Tournaments section, and a
notification about a tournament opens it there."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from gfdesk import bridge
from gfdesk.accountflow import AccountFlow
from gfdesk.hub.context import HubConfig
from gfdesk.hub.demo.world import TOURNAMENT_NAME
from gfdesk.hub.runner import RunningHub
from gfdesk.notifications.feature import NotificationsFeature
from gfdesk.targets import Target, TargetKind
from gfdesk.tournament.feature import TournamentFeature
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.sections import Section
from gfdesk.ui.usermessages import MessageBridge
from tests.helpers.demoflow import close_flow, demo_flow, sign_in_demo

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub", demo=True)


@pytest.fixture
async def flow(ui_app: QApplication, hub: RunningHub, tmp_path: Path
               ) -> AsyncIterator[tuple[AccountFlow, MainWindow]]:
    window = MainWindow(MessageBridge())
    made = demo_flow(hub, tmp_path, window, can_sign_in=False)
    yield made, window
    await close_flow(made, window)


async def test_a_tournament_notification_opens_the_tournament(
        flow: tuple[AccountFlow, MainWindow]) -> None:
    account_flow, window = flow
    await sign_in_demo(account_flow)
    tournaments = next(f for f in account_flow.features if isinstance(f, TournamentFeature))
    notifications = next(f for f in account_flow.features
                         if isinstance(f, NotificationsFeature))
    assert window.section_widget(Section.TOURNAMENTS) is tournaments.view
    running = next(t for t in tournaments.model.list.tournaments()
                   if t.name == TOURNAMENT_NAME)
    opened = bridge.next_emit(tournaments.tournament_opened, 15)
    notifications.notification_activated.emit(Target(TargetKind.TOURNAMENT, running.id))
    assert await opened == (running.id,)
    assert window.current_section() is Section.TOURNAMENTS
    page = tournaments.model.current
    assert page is not None
    if not page.is_loaded:
        await bridge.next_emit(page.loaded, 15)
    assert page.tournament is not None and page.tournament.name == TOURNAMENT_NAME
