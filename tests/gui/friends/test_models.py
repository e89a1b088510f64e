"""Friends and notifications models and views without a server: "last seen" kept current
on the affected rows only, sorting and search, the status menu, and a click on a
notification that asks to open what it is about."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gfdesk.friends.model import SUBTITLE_ROLE, FriendsModel, FriendsProxyModel, StatusModel
from gfdesk.friends.presence import Presence, Status
from gfdesk.friends.service import Friend
from gfdesk.friends.view import FriendsView, status_menu
from gfdesk.notifications.feature import NotificationsFeature
from gfdesk.notifications.model import NotificationsModel
from gfdesk.notifications.service import Notification

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
    changed: list[tuple[int, list[int]]] = []
    model.dataChanged.connect(lambda top, bottom, roles: changed.append((top.row(), roles)))
    now[0] = START + timedelta(minutes=5)
    model.refresh_last_seen()
    assert changed == [(1, [SUBTITLE_ROLE])]  # Bob only: Dee was never seen
    assert model.index(1).data(SUBTITLE_ROLE) == "last seen 5 min ago"
    assert model.index(2).data(SUBTITLE_ROLE) == "Playing Arena"
    assert model.index(3).data(SUBTITLE_ROLE) == "Offline"
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
    model = FriendsModel()
    view = FriendsView(model, status)
    qtbot.addWidget(view)
    menu = status_menu(status)
    seen: list[Any] = []
    status.status_changed.connect(lambda s, g: seen.append(s))
    busy = next(a for a in menu.actions() if a.objectName() == "status_busy")
    busy.trigger()
    assert status.status is Status.BUSY and status.silenced
    assert seen == [Status.BUSY]
    assert view.status_button.text().startswith("Do not disturb")
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


def test_clicking_a_notification_asks_to_open_its_target(qapp: QApplication,
                                                         qtbot: QtBot) -> None:
    feature = NotificationsFeature(None, None, None, "me")  # type: ignore[arg-type]
    qtbot.addWidget(feature.view)
    feature.model._service = None  # no server here: mark read locally only
    feature.model.set_notifications([_note(1, conversation_id="conv-1"),
                                     _note(2, tournament_id="tour-9"), _note(3)])
    opened: list[tuple[str, str]] = []
    feature.notification_activated.connect(lambda kind, ident: opened.append((kind, ident)))
    view = feature.view
    for row in range(3):
        view._on_list_clicked(feature.model.index(row))
    assert opened == [("tournament", "tour-9"), ("conversation", "conv-1")]
    assert feature.model.unread_count() == 0


async def test_a_burst_of_notifications_makes_one_toast(qapp: QApplication,
                                                        qtbot: QtBot) -> None:
    from gfdesk.bridge import next_emit

    toasts: list[tuple[str, str]] = []
    feature = NotificationsFeature(None, None, None, "me",  # type: ignore[arg-type]
                                   toast=lambda t, b: toasts.append((t, b)))
    qtbot.addWidget(feature.view)
    for n in range(3):  # what a gap fill after a long time offline delivers at once
        feature.model.add(_note(n))
    await next_emit(feature.toasted, 5)
    assert toasts == [("3 new notifications", "title 2")]
    feature.model.add(_note(9))
    await next_emit(feature.toasted, 5)
    assert toasts[-1] == ("title 9", "body")
