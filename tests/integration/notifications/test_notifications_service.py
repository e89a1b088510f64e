"""``NotificationsService`` against the hub: a user never receives another user's
notifications; notifications written while the app is offline appear exactly once
after reconnect; marking read writes ``read_at`` through the outbox."""

from __future__ import annotations

import asyncio
from pathlib import Path

from gfdesk.core.connection import ConnectionSupervisor
from gfdesk.core.outbox import Outbox
from gfdesk.core.outboxqueue import OutboxQueue
from gfdesk.hub.runner import RunningHub
from gfdesk.notifications.service import Notification, NotificationsService
from gfdesk.targets import Target, TargetKind
from tests.helpers.friendsworld import make_pair, supervisor_for, until
from tests.helpers.hubcontrol import RestartableHub
from tests.helpers.hubfixture import user_id
from tests.helpers.tcpproxy import TcpProxy


class Inbox:
    def __init__(self, service: NotificationsService) -> None:
        self.loaded: list[Notification] = []
        self.new: list[Notification] = []
        self.changed = asyncio.Event()
        service.on_loaded = self._on_loaded
        service.on_new = self._on_new

    def _on_loaded(self, items: list[Notification]) -> None:
        self.loaded = items
        self.changed.set()

    def _on_new(self, item: Notification) -> None:
        self.new.append(item)
        self.changed.set()


async def test_a_user_never_receives_another_users_notifications(
        hub: RunningHub, supervisors: list[ConnectionSupervisor]) -> None:
    pair = await make_pair(hub)
    await pair.service.table("notifications").insert([
        {"user_id": pair.ada_id, "type": "mention", "title": "old for ada"},
        {"user_id": pair.bob_id, "type": "mention", "title": "old for bob"}]).execute()
    sup = supervisor_for(pair.ada)
    supervisors.append(sup)
    sup.start()
    service = NotificationsService(pair.ada, sup, None, pair.ada_id)
    inbox = Inbox(service)
    await service.start()
    assert service.handle is not None
    await service.handle.live.wait()
    assert [n.title for n in inbox.loaded] == ["old for ada"]
    for n in range(3):
        await pair.service.table("notifications").insert(
            {"user_id": pair.bob_id, "type": "mention", "title": f"bob {n}"}).execute()
    await pair.service.table("notifications").insert(
        {"user_id": pair.ada_id, "type": "tournament", "title": "for ada",
         "data": {"tournament_id": "t-1"}}).execute()
    await until(lambda: len(inbox.new) >= 1, inbox.changed)
    # Bob's were inserted first: had any reached Ada, they would be here already.
    assert [n.title for n in inbox.new] == ["for ada"]
    assert inbox.new[0].target == Target(TargetKind.TOURNAMENT, "t-1")
    await service.aclose()


async def test_notifications_written_while_offline_appear_once_after_reconnect(
        restartable: RestartableHub, supervisors: list[ConnectionSupervisor],
        tmp_path: Path) -> None:
    proxy = await TcpProxy(restartable.port).start()
    try:
        ada = await restartable.user_client("ada@example.com", url=proxy.url)
        ada_id = await user_id(ada)
        service_client = await restartable.service_client()
        sup = supervisor_for(ada)
        supervisors.append(sup)
        sup.start()
        outbox = Outbox(ada, OutboxQueue(tmp_path / "outbox.sqlite"))
        service = NotificationsService(ada, sup, outbox, ada_id)
        inbox = Inbox(service)
        await service.start()
        assert service.handle is not None
        await service.handle.wait_filled(1)
        await service_client.table("notifications").insert(
            {"user_id": ada_id, "type": "mention", "title": "live"}).execute()
        await until(lambda: len(inbox.new) == 1, inbox.changed)

        await proxy.go_down()
        for n in range(5):
            await service_client.table("notifications").insert(
                {"user_id": ada_id, "type": "mention", "title": f"offline {n}"}).execute()
        await proxy.come_up()
        await until(lambda: len(inbox.new) >= 6, inbox.changed, timeout=30)
        await service.handle.wait_filled(2)
        titles = [n.title for n in inbox.new]
        assert titles == ["live"] + [f"offline {n}" for n in range(5)]

        # Marked read offline-safe, through the outbox.
        await service.mark_all_read([n.id for n in inbox.new], service.now_iso())
        await outbox.drained()
        rows = (await service_client.table("notifications").select("read_at")
                .eq("user_id", ada_id).execute()).data
        assert rows and all(r["read_at"] for r in rows)
        await service.aclose()
        await outbox.aclose()
    finally:
        await proxy.aclose()
