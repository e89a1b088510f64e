"""Friends and notifications models and views without a server: "last seen" kept current
on the affected rows only, sorting and search, the status menu, and a click on a
notification that asks to open what it is about."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gfdesk.friends.model import SUBTITLE_ROLE, FriendsModel, FriendsProxyModel
from gfdesk.friends.presence import Presence, Status
from gfdesk.friends.service import Friend
from gfdesk.friends.statusmodel import StatusModel
from gfdesk.friends.statuspicker import status_menu
from gfdesk.notifications.feature import NotificationsFeature
from gfdesk.notifications.model import NotificationsModel
from gfdesk.notifications.service import Notification
from gfdesk.targets import Target, TargetKind
from tests.helpers.scopes import scope_for

START = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
FRIENDS = [Friend("a", "ada", "Ada"), Friend("b", "bob", "Bob"), Friend("c", "cy", "Cy"),
           Friend("d", "dee", "Dee")]


def test_last_seen_stays_current_on_the_offline_rows_only(qapp: QApplication) -> None:
    now = [START]
    model = FriendsModel(now=lambda: now[0])
    model.set_friends(FRIENDS)
    model.update_presence([Presence("a", Status.ONLINE), Presence("b", Status.ONLINE),
                           Presence("c", Status.IN_GAME, "Arena")])
    model.update_presence([Presence("b")])  # Bob leaves at START
    changed: list[tuple[str, list[int]]] = []
    model.dataChanged.connect(lambda top, bottom, roles: changed.append(
        (top.data(), roles)))
    now[0] = START + timedelta(minutes=5)
    model.refresh_last_seen()

    def subtitle_of(name: str) -> str:
        row = next(r for r in range(model.rowCount()) if model.index(r).data() == name)
        return str(model.index(row).data(SUBTITLE_ROLE))

    assert changed == [("Bob", [SUBTITLE_ROLE])]  # Bob only: Dee was never seen
    assert subtitle_of("Bob") == "last seen 5 min ago"
    assert subtitle_of("Cy") == "Playing Arena"
    assert subtitle_of("Dee") == "Offline"
    # An unchanged presence changes nothing.
    changed.clear()
    model.update_presence([Presence("a", Status.ONLINE)])
    assert changed == []


def test_online_first_by_status_then_offline_by_name(qapp: QApplication) -> None:
    model = FriendsModel(now=lambda: START)
    model.set_friends(FRIENDS)
    proxy = FriendsProxyModel(model)
    model.update_presence([Presence("d", Status.AWAY), Presence("b", Status.IN_GAME),
                           Presence("c", Status.ONLINE)])
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert names == ["Bob", "Cy", "Dee", "Ada"]
    model.update_presence([Presence("a", Status.BUSY)])
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert names == ["Bob", "Cy", "Ada", "Dee"]


def test_the_status_menu_sets_the_status(qapp: QApplication, qtbot: QtBot) -> None:
    status = StatusModel()
    menu = status_menu(status)
    seen: list[Any] = []
    status.status_changed.connect(lambda s, g: seen.append(s))
    busy = next(a for a in menu.actions() if a.objectName() == "status_busy")
    busy.trigger()
    assert status.status is Status.BUSY and status.silenced
    assert seen == [Status.BUSY]
    menu.deleteLater()


def _note(n: int, **data: str) -> Notification:
    return Notification(f"id{n}", "mention", f"title {n}", "body",
                        (START + timedelta(minutes=n)).isoformat(), None, dict(data))


def test_new_notifications_go_on_top_once_and_count_as_unread(qapp: QApplication) -> None:
    model = NotificationsModel(now=lambda: START + timedelta(hours=1))
    counts: list[int] = []
    model.unread_changed.connect(counts.append)
    model.set_notifications([_note(1), _note(2)])
    model.add(_note(3))
    model.add(_note(3))
    qapp.processEvents()  # arrivals enter when the event loop turns
    assert [model.index(r).data() for r in range(model.rowCount())] == [
        "title 3", "title 2", "title 1"]
    model.mark_read(1)
    assert counts == [2, 3, 2]


def test_a_catch_up_enters_the_model_in_one_insertion(qapp: QApplication) -> None:
    # Known from before issue 13: a gap fill of 1,000 rows made 1,000 insertions, each
    # with its own unread count.
    model = NotificationsModel(now=lambda: START + timedelta(hours=1))
    model.set_notifications([_note(1)])
    inserted: list[tuple[int, int]] = []
    counts: list[int] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.unread_changed.connect(counts.append)
    for n in range(500, 2, -1):  # not in order: the model orders them
        model.add(_note(n))
    model.add(_note(2))
    qapp.processEvents()
    assert inserted == [(0, 498)] and counts == [500]
    titles = [model.index(r).data() for r in range(model.rowCount())]
    assert titles[:2] == ["title 500", "title 499"] and titles[-2:] == ["title 2", "title 1"]
    model.add(_note(0))  # older than what is shown: merged in its place
    qapp.processEvents()
    assert model.index(model.rowCount() - 1).data() == "title 0"


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_clicking_a_notification_asks_to_open_its_target(qapp: QApplication,
                                                         qtbot: QtBot) -> None:
    feature = NotificationsFeature(scope_for(None, None, "me"))
    qtbot.addWidget(feature.view)
    feature.model._service = None  # no server here: mark read locally only
    feature.model.set_notifications([_note(1, conversation_id="conv-1"),
                                     _note(2, tournament_id="tour-9"), _note(3)])
    opened: list[Target] = []
    feature.notification_activated.connect(opened.append)
    view = feature.view
    view.resize(400, 600)
    view.show()
    for row in range(3):
        rect = view.list.visualRect(feature.model.index(row))
        qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [Target(TargetKind.TOURNAMENT, "tour-9"),
                      Target(TargetKind.CONVERSATION, "conv-1")]
    assert feature.model.unread_count() == 0


async def test_a_burst_of_notifications_makes_one_toast(qapp: QApplication,
                                                        qtbot: QtBot) -> None:
    from gfdesk.bridge import next_emit

    toasts: list[tuple[str, str]] = []
    feature = NotificationsFeature(scope_for(None, None, "me"),
                                   toast=lambda t, b: toasts.append((t, b)))
    qtbot.addWidget(feature.view)
    for n in range(3):  # what a gap fill after a long time offline delivers at once
        feature.model.add(_note(n))
    await next_emit(feature.toasted, 5)
    assert toasts == [("3 new notifications", "title 2")]
    feature.model.add(_note(9))
    await next_emit(feature.toasted, 5)
    assert toasts[-1] == ("title 9", "body")


def test_a_burst_of_status_changes_is_one_layout_change_and_keeps_the_selection(
        qapp: QApplication) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    friends = [Friend(f"u{n}", f"u{n}", f"Fan {n:03d}") for n in range(300)]
    model = FriendsModel(now=lambda: START)
    model.set_friends(friends)
    proxy = FriendsProxyModel(model)
    picked = QPersistentModelIndex(model.index(250))
    assert picked.data() == "Fan 250"
    layouts: list[int] = []
    resets: list[int] = []
    model.layoutChanged.connect(lambda *_: layouts.append(1))
    model.modelReset.connect(lambda: resets.append(1))
    model.update_presence([Presence(f"u{n}", Status.IN_GAME if n % 2 else Status.ONLINE)
                           for n in range(150, 300)])
    assert (layouts, resets) == ([1], [])
    assert picked.data() == "Fan 250" and picked.row() != 250
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert names[:3] == ["Fan 151", "Fan 153", "Fan 155"]  # in game first, by name
    assert names[-1] == "Fan 149"
    # A change that moves nothing is a row change, not a layout change.
    model.update_presence([Presence("u151", Status.IN_GAME, "Arena")])
    assert layouts == [1]
