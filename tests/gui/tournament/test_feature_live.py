"""The tournaments feature (service, models, views) with a host and viewers on the real
hub: the list, registration, a live bracket that moves card by card, live scores, the
participant count, the chat, and the host console's own buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from gfdesk import bridge
from gfdesk.tournament.bracket import MatchStatus
from gfdesk.tournament.feature import TournamentFeature
from gfdesk.tournament.info import TournamentStatus
from gfdesk.tournament.listmodel import KIND_ROLE, RowKind
from gfdesk.tournament.matches import Format
from tests.gui.tournament.live import TIMEOUT_S, feature_for, opened, until
from tests.helpers.tournamentworld import TournamentWorld, sign_up

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


async def test_the_list_groups_and_registration_works_from_the_page(
        tournament_world: TournamentWorld, qtbot: QtBot,
        features: list[TournamentFeature]) -> None:
    world = tournament_world
    host = await world.player("host")
    ada = await world.player("ada")
    others = [await sign_up(world.hub, f"p{i}") for i in range(3)]
    open_id = await world.tournament(host, players=others, size=8)
    await world.tournament(host, status="live")
    await world.tournament(host, status="finished", format=Format.ROUND_ROBIN)
    feature = await feature_for(ada, qtbot, features)
    rows = [(feature.model.list.index(r).data(KIND_ROLE),
             feature.model.list.index(r).data()) for r in range(feature.model.list.rowCount())]
    assert [name for kind, name in rows if kind is RowKind.HEADING] == [
        "Live", "Upcoming", "Finished"]

    page = await opened(feature, open_id)
    view = feature.view.page
    assert view is not None
    register = view.findChild(QPushButton, "tournamentRegister")
    withdraw = view.findChild(QPushButton, "tournamentWithdraw")
    assert register.isVisible() and not withdraw.isVisible()
    qtbot.mouseClick(register, Qt.MouseButton.LeftButton)
    await until(lambda: page.registered and withdraw.isVisible())
    assert not register.isVisible()
    assert page.tournament is not None and page.tournament.participant_count == 4
    assert "You are in" in view.subtitle.text()
    assert feature.model.list.get(open_id).participant_count == 4  # type: ignore[union-attr]
    qtbot.mouseClick(withdraw, Qt.MouseButton.LeftButton)
    await until(lambda: not page.registered and register.isVisible())


async def test_a_viewer_sees_the_host_start_play_and_score_card_by_card(
        tournament_world: TournamentWorld, qtbot: QtBot,
        features: list[TournamentFeature]) -> None:
    world = tournament_world
    host = await world.player("host")
    viewer = await world.player("viewer")
    players = [await sign_up(world.hub, f"p{i}") for i in range(7)]
    tid = await world.tournament(host, players=[viewer.user_id, *players])
    host_feature = await feature_for(host, qtbot, features)
    viewer_feature = await feature_for(viewer, qtbot, features)
    host_page = await opened(host_feature, tid)
    page = await opened(viewer_feature, tid)
    view = viewer_feature.view.page
    assert view is not None and view.bracket_stack.currentIndex() == 0  # players only

    console = host_feature.view.page.console  # type: ignore[union-attr]
    assert console is not None and host_page.host is not None
    qtbot.mouseClick(console.start_button, Qt.MouseButton.LeftButton)
    await until(lambda: page.feed.live.bracket is not None
                and page.feed.live.bracket == host_page.feed.live.bracket)
    await page.feed.reloaded()
    assert view.bracket_stack.currentIndex() == 1
    assert set(view.scene.cards) == {m.id for m in page.feed.live.bracket.matches}  # type: ignore[union-attr]
    assert page.tournament is not None and page.tournament.status is TournamentStatus.LIVE \
        or (await page.service.tournament(tid)).status is TournamentStatus.LIVE  # type: ignore[union-attr]

    items = dict(view.scene.cards)
    rebuilt: list[bool] = []
    page.bracket.rebuilt.connect(lambda: rebuilt.append(True))
    host_bracket = host_page.feed.live.bracket
    assert host_bracket is not None
    mine = next(m for m in host_bracket.matches if viewer.user_id in m.players)
    host_page.bracket.select(mine.id)
    console.score1.setValue(1)  # the host types a live score: the match goes live
    await until(lambda: (card := view.scene.cards[mine.id].card).live
                and card.live_score, page.bracket.match_changed)
    assert view.scene.cards[mine.id].card.mine
    console.score1.setValue(2)
    await until(lambda: view.scene.cards[mine.id].card.top.score == "2",
                page.bracket.match_changed)
    qtbot.mouseClick(console.result_button, Qt.MouseButton.LeftButton)
    await until(lambda: page.feed.live.bracket.match(mine.id).status  # type: ignore[union-attr]
                is MatchStatus.DONE)
    await until(lambda: page.feed.live.bracket == host_page.feed.live.bracket)
    assert not rebuilt and view.scene.cards == items  # the same items moved, none rebuilt
    card = view.scene.cards[mine.id].card
    assert not card.live and (card.top.score, card.bottom.score) == ("2", "0")


async def test_count_and_chat_reach_the_page_as_plain_text(
        tournament_world: TournamentWorld, qtbot: QtBot,
        features: list[TournamentFeature]) -> None:
    world = tournament_world
    host = await world.player("host")
    viewer = await world.player("viewer")
    newcomer = await sign_up(world.hub, "newcomer")
    tid = await world.tournament(host, players=[await sign_up(world.hub, "p0")])
    host_feature = await feature_for(host, qtbot, features)
    viewer_feature = await feature_for(viewer, qtbot, features)
    host_page = await opened(host_feature, tid)
    page = await opened(viewer_feature, tid)
    view = viewer_feature.view.page
    assert view is not None and "1 / 16 players" in view.subtitle.text()
    assert host_page.host is not None
    host_page.host.add_player(newcomer)
    await until(lambda: "2 / 16 players" in view.subtitle.text(), page.tournament_changed)

    pane = view.chat
    qtbot.keyClicks(pane.composer, "<b>gl hf</b>")
    qtbot.keyClick(pane.composer, Qt.Key.Key_Return)
    host_chat = host_page.chat
    await until(lambda: host_chat.rowCount() == 1, host_chat.rowsInserted)
    text = host_chat.index(0).data()
    assert text.startswith("Viewer") and text.endswith("<b>gl hf</b>")
    assert page.chat.index(0).data().endswith("<b>gl hf</b>")
    await until(lambda: page.chat.index(0).data(Qt.ItemDataRole.UserRole + 2) == "sent")


async def test_host_refusals_are_shown_with_their_reason(
        tournament_world: TournamentWorld, qtbot: QtBot,
        features: list[TournamentFeature]) -> None:
    world = tournament_world
    host = await world.player("host")
    tid = await world.tournament(host, players=[await sign_up(world.hub, "solo")])
    feature = await feature_for(host, qtbot, features)
    page = await opened(feature, tid)
    console = feature.view.page.console  # type: ignore[union-attr]
    assert console is not None and page.host is not None
    failed = bridge.next_emit(page.host.failed, TIMEOUT_S)
    qtbot.mouseClick(console.start_button, Qt.MouseButton.LeftButton)
    (reason,) = await failed
    assert reason == "A tournament needs at least two players to start."
    assert console.status.text() == reason


async def test_deleting_takes_two_clicks_and_closes_the_page(
        tournament_world: TournamentWorld, qtbot: QtBot,
        features: list[TournamentFeature]) -> None:
    world = tournament_world
    host = await world.player("host")
    tid = await world.tournament(host, players=[await sign_up(world.hub, "solo")])
    feature = await feature_for(host, qtbot, features)
    await opened(feature, tid)
    console = feature.view.page.console  # type: ignore[union-attr]
    assert console is not None
    qtbot.mouseClick(console.delete_button, Qt.MouseButton.LeftButton)
    assert console.delete_button.text() == "Click again to delete it"
    assert await feature.service.tournament(tid) is not None  # not yet
    closed = bridge.next_emit(feature.model.tournament_closed, TIMEOUT_S)
    qtbot.mouseClick(console.delete_button, Qt.MouseButton.LeftButton)
    await closed
    assert await feature.service.tournament(tid) is None
    assert feature.model.list.get(tid) is None and feature.view.page is None
