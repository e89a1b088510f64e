"""Friend requests end to end on the hub through the official clients: search as you
type, send, the addressee's notification, accept elsewhere and see it appear live,
decline, cancel, remove, block; and the requests page as the user drives it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from gfdesk import bridge
from gfdesk.core.connection import ConnectionSupervisor
from gfdesk.friends.feature import FriendsFeature
from gfdesk.friends.relations import Relation
from gfdesk.friends.requestsview import PlayerRow
from gfdesk.friends.service import Friend
from gfdesk.hub.runner import RunningHub
from tests.gui.friends.test_friends_feature import started
from tests.helpers.friendsworld import make_pair, until
from tests.helpers.hubfixture import user_client, user_id
from tests.helpers.scopes import scope_for


def _names(feature: FriendsFeature) -> list[str]:
    model = feature.model
    return sorted(model.index(r).data() for r in range(model.rowCount()))


async def _until(condition: Callable[[], bool], *signals: object, timeout: float = 15) -> None:
    """Wait until ``condition()``, looking again whenever one of ``signals`` fires."""
    changed = asyncio.Event()
    for signal in signals:
        signal.connect(lambda *_: changed.set())  # type: ignore[attr-defined]
    await until(condition, changed, timeout)


def _row(feature: FriendsFeature, user: str) -> PlayerRow:
    return next(r for r in feature.view.requests_view.rows if r.entry.player.user_id == user)


def _button(row: PlayerRow, action: str) -> QPushButton:
    return next(b for b in row.buttons if b.objectName() == f"action_{action}")


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
async def test_a_request_sent_from_the_page_is_accepted_elsewhere_and_appears_live(
        qapp: QApplication, qtbot: QtBot, hub: RunningHub,
        supervisors: list[ConnectionSupervisor]) -> None:
    pair = await make_pair(hub)
    carol = await user_client(hub, "carol@example.com", username="carol_q",
                              display_name="Carol Quinn")
    carol_id = await user_id(carol)
    feature = FriendsFeature(scope_for(started(supervisors, pair.bob), pair.bob, pair.bob_id))
    qtbot.addWidget(feature.view)
    await feature.start()
    view = feature.view
    view.resize(700, 600)
    view.show()
    assert _names(feature) == ["Ada"]

    view.add_friend.click()
    assert view.pages.currentWidget() is view.requests_view
    QTest.keyClicks(view.requests_view.search, "carol")
    requests = feature.requests
    await _until(lambda: any(e.player.user_id == carol_id for e in requests.results),
                 requests.results_changed)
    _button(_row(feature, carol_id), "request").click()
    await _until(lambda: requests.entry(Friend(carol_id, "", "")).relation
                 is Relation.OUTGOING, requests.requests_changed)
    assert [e.player.name for e in requests.outgoing] == ["Carol Quinn"]

    # Carol sees the request as a notification, and accepts it on her phone.
    notes = (await carol.table("notifications").select("*").execute()).data
    assert [(n["type"], n["body"], n["data"]["friend_request_id"]) for n in notes] == [
        ("friend_request", "Bob wants to be your friend", pair.bob_id)]
    await carol.table("friendships").update({"status": "accepted"}).eq(
        "user_id", pair.bob_id).eq("friend_id", carol_id).execute()
    await _until(lambda: _names(feature) == ["Ada", "Carol Quinn"], feature.model.rowsInserted)
    assert requests.outgoing == []

    # Ada ends the friendship on her side: Bob's list follows.
    await pair.ada.table("friendships").delete().eq("user_id", pair.ada_id).eq(
        "friend_id", pair.bob_id).execute()
    await _until(lambda: _names(feature) == ["Carol Quinn"], feature.model.rowsRemoved)
    await feature.aclose()


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
async def test_incoming_requests_are_accepted_declined_and_blocked_from_the_page(
        qapp: QApplication, qtbot: QtBot, hub: RunningHub,
        supervisors: list[ConnectionSupervisor]) -> None:
    pair = await make_pair(hub)
    askers = {}
    for name in ("carol", "dave", "erin"):
        client = await user_client(hub, f"{name}@example.com", username=name,
                                   display_name=name.title())
        askers[name] = (client, await user_id(client))
    feature = FriendsFeature(scope_for(started(supervisors, pair.bob), pair.bob, pair.bob_id))
    qtbot.addWidget(feature.view)
    await feature.start()
    feature.show_requests()
    requests = feature.requests
    for client, uid in askers.values():
        await client.table("friendships").insert(
            {"user_id": uid, "friend_id": pair.bob_id}).execute()
    await _until(lambda: requests.incoming_total == 3, requests.requests_changed)
    assert feature.view.requests_tab.text() == "Requests  3"
    assert [e.player.name for e in requests.incoming] == ["Erin", "Dave", "Carol"]

    _button(_row(feature, askers["carol"][1]), "accept").click()
    await _until(lambda: "Carol" in _names(feature), feature.model.rowsInserted)
    _button(_row(feature, askers["dave"][1]), "decline").click()
    await _until(lambda: requests.incoming_total == 1, requests.requests_changed)
    _button(_row(feature, askers["erin"][1]), "block").click()
    await _until(lambda: requests.incoming_total == 0, requests.requests_changed)

    # Erin is blocked: asking again is refused by the server, and nothing is stored.
    erin, erin_id = askers["erin"]
    with pytest.raises(Exception) as refused:
        await erin.table("friendships").insert(
            {"user_id": erin_id, "friend_id": pair.bob_id}).execute()
    assert getattr(refused.value, "code", None) == "42501"
    stored = (await pair.service.table("friendships").select("*").eq(
        "user_id", erin_id).execute()).data
    assert stored == []
    assert feature.view.requests_tab.text() == "Requests"
    assert _names(feature) == ["Ada", "Carol"]
    labels = feature.view.requests_view.findChildren(QLabel)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    await feature.aclose()


async def test_search_as_you_type_cancels_the_searches_before_it(
        qapp: QApplication, qtbot: QtBot, hub: RunningHub,
        supervisors: list[ConnectionSupervisor]) -> None:
    pair = await make_pair(hub)
    await user_client(hub, "carol@example.com", username="carol", display_name="Carol")
    feature = FriendsFeature(scope_for(started(supervisors, pair.bob), pair.bob, pair.bob_id))
    qtbot.addWidget(feature.view)
    await feature.start()
    searched: list[str] = []
    original = feature.service.friendships.search

    async def counted(query: str) -> list[Friend]:
        searched.append(query)
        return await original(query)

    feature.service.friendships.search = counted  # type: ignore[method-assign]
    for text in ("c", "ca", "car", "caro"):
        feature.requests.search(text)
        await asyncio.sleep(0)
    await _until(lambda: bool(feature.requests.results), feature.requests.results_changed)
    # One request for the burst of keys: each keystroke cancelled the search before it.
    assert searched == ["caro"]
    assert [e.player.name for e in feature.requests.results] == ["Carol"]
    # Too short to search: the results clear without a request.
    feature.requests.search("c")
    await _until(lambda: not feature.requests.results, feature.requests.results_changed)
    assert searched == ["caro"]
    assert not [t for t in bridge.live_tasks() if t.get_name() == "friends:search"]
    await feature.aclose()


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
async def test_the_requests_page_says_when_nobody_matches(
        qapp: QApplication, qtbot: QtBot, hub: RunningHub,
        supervisors: list[ConnectionSupervisor]) -> None:
    pair = await make_pair(hub)
    feature = FriendsFeature(scope_for(started(supervisors, pair.bob), pair.bob, pair.bob_id))
    qtbot.addWidget(feature.view)
    await feature.start()
    view = feature.view
    view.resize(600, 500)
    view.show()
    # The friends search finds nobody: the empty state offers to search all players.
    QTest.keyClicks(view.search, "zed")
    assert view.empty.isVisible()
    assert view.empty_title.text() == "No friends match “zed”"
    searched = bridge.next_emit(feature.requests.results_changed, 10)
    view.empty_action.click()
    assert view.pages.currentWidget() is view.requests_view
    assert view.requests_view.search.text() == "zed"
    await searched
    texts = [label.text() for label in view.requests_view.findChildren(QLabel)
             if label.isVisibleTo(view)]
    assert "No players match “zed”." in texts
    assert "No pending requests." in texts
    await feature.aclose()
