"""Helpers for the tournament GUI tests on the real hub: waiting on the loop, a member's
feature with its view shown, a tournament opened and live."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from PySide6.QtCore import SignalInstance
from pytestqt.qtbot import QtBot

from gfdesk import bridge
from gfdesk.tournament.feature import TournamentFeature
from gfdesk.tournament.pagemodel import TournamentPageModel
from tests.helpers.chatmembers import Member

TIMEOUT_S = 20


async def until(condition: Callable[[], bool], signal: SignalInstance | None = None,
                timeout: float = TIMEOUT_S) -> None:
    """Wait for ``condition``, re-checked on each emission of ``signal`` (and at least
    every 0.2 s), or every 20 ms without one (Qt's waitUntil hangs in an async test)."""
    async with asyncio.timeout(timeout):
        while not condition():
            if signal is not None:
                with contextlib.suppress(TimeoutError):
                    await bridge.next_emit(signal, timeout=0.2)
            else:
                await asyncio.sleep(0.02)


async def feature_for(member: Member, qtbot: QtBot, made: list[TournamentFeature]
                      ) -> TournamentFeature:
    """``member``'s tournaments feature, started, its view shown (closed by the
    ``features`` fixture through ``made``)."""
    feature = TournamentFeature(member.scope)
    made.append(feature)
    qtbot.addWidget(feature.view)
    feature.view.resize(1300, 800)
    feature.view.show()
    await feature.start()
    return feature


async def opened(feature: TournamentFeature, tournament_id: str) -> TournamentPageModel:
    """The page model of ``tournament_id``, opened in ``feature``, loaded and live."""
    feature.open_tournament(tournament_id)
    await until(lambda: feature.model.current is not None
                and feature.model.current.is_loaded)
    page = feature.model.current
    assert page is not None
    await page.feed.live_now()
    return page
