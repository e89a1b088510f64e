"""The friends and notifications features on the qasync loop against the hub: the
model follows a friend's status steps row by row (never a reset), auto-away comes and
goes with input, busy silences toasts, and remote text is never rendered as rich text."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QImage, QMouseEvent, QPainter
from PySide6.QtWidgets import QApplication, QLabel, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot
from supabase import AsyncClient

from gfdesk.core.connection import ConnectionSupervisor
from gfdesk.friends.feature import FriendsFeature
from gfdesk.friends.model import STATUS_ROLE, SUBTITLE_ROLE
from gfdesk.friends.presence import Status
from gfdesk.friends.service import FriendsService
from gfdesk.hub.runner import RunningHub
from gfdesk.notifications.feature import NotificationsFeature
from tests.helpers.friendsworld import make_pair, supervisor_for, until
from tests.helpers.scopes import scope_for

HOSTILE = '<img src="https://evil.example/x.png"><b>Bold</b>'


def started(supervisors: list[ConnectionSupervisor], client: AsyncClient
            ) -> ConnectionSupervisor:
    """A started supervisor for ``client``, closed by the ``supervisors`` fixture."""
    supervisor = supervisor_for(client)
    supervisors.append(supervisor)
    supervisor.start()
    return supervisor


class Counter:
    def __init__(self) -> None:
        self.changed = asyncio.Event()
        self.resets = 0
        self.rows: list[int] = []

    def on_data_changed(self, top: Any, bottom: Any, *_: Any) -> None:
        self.rows += list(range(top.row(), bottom.row() + 1))
        self.changed.set()

    def on_reset(self) -> None:
        self.resets += 1


async def test_the_model_follows_each_status_step_without_resets(
        qapp: QApplication, qtbot: QtBot, hub: RunningHub,
        supervisors: list[ConnectionSupervisor]) -> None:
    pair = await make_pair(hub)
    bob_sup, ada_sup = started(supervisors, pair.bob), started(supervisors, pair.ada)
    feature = FriendsFeature(scope_for(bob_sup, pair.bob, pair.bob_id))
    qtbot.addWidget(feature.view)
    await feature.start()
    model = feature.model
    assert model.rowCount() == 1
    counter = Counter()
    model.dataChanged.connect(counter.on_data_changed)
    model.modelReset.connect(counter.on_reset)

    def status() -> Status:
        return model.index(0).data(STATUS_ROLE)

    ada = FriendsService(pair.ada, ada_sup, pair.ada_id)
    await ada.start()
    await until(lambda: status() is Status.ONLINE, counter.changed)
    await ada.set_status(Status.AWAY)
    await until(lambda: status() is Status.AWAY, counter.changed)
    await ada.set_status(Status.IN_GAME, "Arena Blitz")
    await until(lambda: status() is Status.IN_GAME, counter.changed)
    assert model.index(0).data(SUBTITLE_ROLE) == "Playing Arena Blitz"
    await ada.aclose()
    await until(lambda: status() is Status.OFFLINE, counter.changed)
    assert model.index(0).data(SUBTITLE_ROLE) == "last seen just now"
    assert counter.resets == 0
    assert set(counter.rows) == {0}
    # The proxy shows it too (sorted, searchable).
    proxy = feature.view.proxy
    proxy.set_search("ad")
    assert proxy.rowCount() == 1
    proxy.set_search("zz")
    assert proxy.rowCount() == 0
    await feature.aclose()


async def test_auto_away_after_idle_and_back_on_input(qapp: QApplication, qtbot: QtBot) -> None:
    now = [1000.0]
    from gfdesk.friends.statusmodel import StatusModel

    status = StatusModel(monotonic=lambda: now[0], idle_away_s=600)
    seen: list[Status] = []
    status.status_changed.connect(lambda s, _g: seen.append(s))
    widget = QWidget()
    qtbot.addWidget(widget)
    status.watch_input(qapp)
    try:
        now[0] += 599
        status.check_idle()
        assert status.status is Status.ONLINE
        now[0] += 2
        status.check_idle()
        assert status.status is Status.AWAY
        move = QMouseEvent(QEvent.Type.MouseMove, QPointF(3, 3), QPointF(3, 3),
                           Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                           Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, move)  # through the application's event filter
        assert status.status is Status.ONLINE
        assert seen == [Status.AWAY, Status.ONLINE]
        # Do not disturb never turns into away, and silences.
        status.set_status(Status.BUSY)
        now[0] += 5000
        status.check_idle()
        assert status.status is Status.BUSY and status.silenced
    finally:
        status.stop_watching(qapp)


async def test_busy_suppresses_toasts(qapp: QApplication, qtbot: QtBot, hub: RunningHub,
                                      supervisors: list[ConnectionSupervisor]) -> None:
    pair = await make_pair(hub)
    sup = started(supervisors, pair.ada)
    friends = FriendsFeature(scope_for(sup, pair.ada, pair.ada_id))
    qtbot.addWidget(friends.view)
    toasts: list[tuple[str, str]] = []
    feature = NotificationsFeature(scope_for(sup, pair.ada, pair.ada_id),
                                   toast=lambda t, b: toasts.append((t, b)))
    friends.silenced_changed.connect(feature.set_silenced)
    qtbot.addWidget(feature.view)
    received: list[str] = []
    arrived = asyncio.Event()

    def on_received(item: Any) -> None:
        received.append(item.title)
        arrived.set()

    feature.model.notification_received.connect(on_received)
    await feature.start()
    assert feature.service.handle is not None
    await feature.service.handle.live.wait()

    async def notify(title: str) -> None:
        await pair.service.table("notifications").insert(
            {"user_id": pair.ada_id, "type": "mention", "title": title}).execute()
        await until(lambda: title in received, arrived)

    toasted = asyncio.Event()
    feature.toasted.connect(lambda _item: toasted.set())
    await notify("while online")
    await until(lambda: len(toasts) == 1, toasted)
    friends.status.set_status(Status.BUSY)
    await notify("while busy")
    friends.status.set_status(Status.ONLINE)
    await notify("online again")
    await until(lambda: len(toasts) == 2, toasted)
    assert [t for t, _ in toasts] == ["while online", "online again"]
    assert feature.model.unread_count() == 3
    unread = asyncio.Event()
    feature.unread_changed.connect(lambda n: unread.set() if n == 0 else None)
    feature.view.mark_all.click()
    await asyncio.wait_for(unread.wait(), 5)
    from gfdesk import bridge

    writes = [t for t in bridge.live_tasks() if t.get_name() == "notifications:mark-all-read"]
    await asyncio.wait_for(asyncio.gather(*writes), 10)
    rows = (await pair.service.table("notifications").select("read_at")
            .eq("user_id", pair.ada_id).execute()).data
    assert len(rows) == 3 and all(r["read_at"] for r in rows)
    await feature.aclose()


class RecordingPainter(QPainter):
    """A QPainter that records every string the delegates draw."""

    def __init__(self, device: QImage) -> None:
        super().__init__(device)
        self.texts: list[str] = []

    def drawText(self, *args: Any) -> None:  # type: ignore[override]
        self.texts += [a for a in args if isinstance(a, str)]
        super().drawText(*args)


def _painted_texts(view: Any, count: int) -> list[str]:
    image = QImage(QSize(2000, 200), QImage.Format.Format_ARGB32)
    painter = RecordingPainter(image)
    delegate = view.list.itemDelegate()
    for row in range(count):
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, 2000, 120)
        option.font = view.font()
        delegate.paint(painter, option, view.list.model().index(row, 0))
    painter.end()
    return painter.texts


async def test_remote_text_is_never_rendered_as_rich_text(
        qapp: QApplication, qtbot: QtBot, hub: RunningHub,
        supervisors: list[ConnectionSupervisor]) -> None:
    pair = await make_pair(hub, ada_name=HOSTILE)
    bob_sup, ada_sup = started(supervisors, pair.bob), started(supervisors, pair.ada)
    friends = FriendsFeature(scope_for(bob_sup, pair.bob, pair.bob_id))
    qtbot.addWidget(friends.view)
    await friends.start()
    ada = FriendsService(pair.ada, ada_sup, pair.ada_id)
    await ada.start(Status.IN_GAME, HOSTILE)
    changed = asyncio.Event()
    friends.model.dataChanged.connect(lambda *_: changed.set())
    await until(lambda: friends.model.index(0).data(STATUS_ROLE) is Status.IN_GAME, changed)
    await pair.service.table("notifications").insert(
        {"user_id": pair.bob_id, "type": HOSTILE, "title": HOSTILE, "body": HOSTILE}).execute()
    notes = NotificationsFeature(scope_for(bob_sup, pair.bob, pair.bob_id))
    qtbot.addWidget(notes.view)
    await notes.start()

    for view in (friends.view, notes.view):
        view.resize(900, 600)
        for label in view.findChildren(QLabel):
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
        assert not view.toolTip()
    texts = _painted_texts(friends.view, 1) + _painted_texts(notes.view, 1)
    # Drawn verbatim with drawText, which never interprets markup.
    assert HOSTILE in texts
    assert f"Playing {HOSTILE}" in texts
    assert texts.count(HOSTILE) >= 3  # friend name, notification title and body
    await ada.aclose()
    await notes.aclose()
    await friends.aclose()
