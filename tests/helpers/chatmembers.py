"""A small chat world on the real hub: users with clients, supervisors and outboxes
(``chat_world`` fixture; import it into a conftest). Members are friends with each
other (a conversation is made with friends only)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from supabase import AsyncClient

from gfdesk.chat.service import ChatService
from gfdesk.core.connection import ConnectionSupervisor
from gfdesk.core.outbox import Outbox
from gfdesk.core.outboxqueue import OutboxQueue, outbox_path
from gfdesk.core.session import Account
from gfdesk.feature import FeatureScope
from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import user_client, user_id
from tests.helpers.supervisors import TEST_BACKOFF, supervisor_for

HEARTBEAT_S = 0.5


@dataclass
class Member:
    """One user of the chat world, with everything a ChatService needs."""

    client: AsyncClient
    user_id: str
    connection: ConnectionSupervisor
    outbox: Outbox
    service: ChatService
    name: str

    @property
    def scope(self) -> FeatureScope:
        """What a feature of this member is built from."""
        account = Account(self.user_id, f"{self.name}@example.com", self.name.capitalize())
        return FeatureScope(self.connection, self.client, self.outbox, account)


class ChatWorld:
    """Makes members; closes their supervisors and outboxes at the end."""

    def __init__(self, hub: RunningHub, data_dir: Path) -> None:
        self.hub = hub
        self.data_dir = data_dir
        self.members: list[Member] = []

    async def member(self, name: str, *, url: str | None = None) -> Member:
        client = await user_client(self.hub, f"{name}@example.com", username=name,
                                   display_name=name.capitalize())
        if url is not None:
            client = await _client_at(self.hub, url, name)
        uid = await user_id(client)
        with self.hub.store.transaction() as tx:
            # A user may come twice (a second session through a proxy): once a friend.
            for other in {m.user_id for m in self.members} - {uid}:
                tx.conn.execute("INSERT OR IGNORE INTO friendships (user_id, friend_id,"
                                " status) VALUES (?, ?, 'accepted')", (other, uid))

        connection = supervisor_for(client, heartbeat_s=HEARTBEAT_S)
        connection.start()
        outbox = Outbox(client, OutboxQueue(outbox_path(self.data_dir, "test", uid)),
                        backoff=TEST_BACKOFF)
        outbox.start()
        member = Member(client, uid, connection, outbox,
                        ChatService(client, connection, outbox, uid), name)
        connection.add_listener(outbox.on_connection_status)
        self.members.append(member)
        return member

    async def aclose(self) -> None:
        for member in self.members:
            await member.connection.aclose()
            await member.outbox.aclose()


async def _client_at(hub: RunningHub, url: str, name: str) -> AsyncClient:
    from supabase import acreate_client

    from tests.helpers import hubfixture

    client = await acreate_client(url, hub.anon_key)
    hubfixture._CLIENTS.setdefault(id(hub), []).append(client)
    await client.auth.sign_in_with_password({"email": f"{name}@example.com",
                                             "password": hubfixture.DEFAULT_PASSWORD})
    return client


@pytest.fixture
async def chat_world(hub: RunningHub, tmp_path: Path) -> AsyncIterator[ChatWorld]:
    world = ChatWorld(hub, tmp_path / "data")
    try:
        yield world
    finally:
        await world.aclose()
