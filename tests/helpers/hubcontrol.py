"""A hub that a test can stop and start again on the same port (same data, same keys),
and helpers to build a small world (users, a conversation) through the official client.
"""

from __future__ import annotations

import asyncio
import socket
from dataclasses import dataclass
from typing import Any

from supabase import AsyncClient

from gfdesk.core.clientfactory import close_client, create_client
from gfdesk.hub.context import HubConfig
from gfdesk.hub.realtime.socket import LIVE_SOCKETS
from gfdesk.hub.runner import RunningHub, start_hub
from tests.helpers.hubfixture import DEFAULT_PASSWORD, sign_in_or_up, user_id


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RestartableHub:
    """Start/stop a hub on one fixed port, as a server restart looks to a client.

    Args:
        config: the hub configuration (its data dir survives restarts).
        port: the port (``free_port()`` by default).
    """

    def __init__(self, config: HubConfig, port: int | None = None) -> None:
        self.config = config
        self.port = port or free_port()
        self.hub: RunningHub | None = None
        #: Set on the first start; the same for every later start.
        self.url = f"http://127.0.0.1:{self.port}"
        self.anon_key = ""
        self.service_role_key = ""
        self._clients: list[AsyncClient] = []

    async def start(self) -> RunningHub:
        assert self.hub is None, "already running"
        self.hub = await start_hub(self.config, port=self.port)
        self.anon_key = self.hub.anon_key
        self.service_role_key = self.hub.service_role_key
        return self.hub

    async def stop(self) -> None:
        hub, self.hub = self.hub, None
        if hub is not None:
            await hub.stop()

    @property
    def running(self) -> bool:
        return self.hub is not None

    async def client(self, key: str | None = None, url: str | None = None) -> AsyncClient:
        """An official client (anon key by default), closed by ``aclose``; ``url`` points
        it elsewhere (a proxy in front of this hub)."""
        # The app's own factory: one owned HTTP pool, so token refreshes leak nothing.
        client = await create_client(url or self.url, key or self.anon_key)
        self._clients.append(client)
        return client

    async def service_client(self) -> AsyncClient:
        return await self.client(self.service_role_key)

    async def user_client(self, email: str, password: str = DEFAULT_PASSWORD,
                          url: str | None = None, **data: Any) -> AsyncClient:
        """A client signed in as ``email`` (signed up first if unknown)."""
        client = await self.client(url=url)
        await sign_in_or_up(client, email, password, data)
        return client

    def live_sockets(self) -> set[Any]:
        """The realtime sockets the running hub holds open."""
        assert self.hub is not None
        for resource in self.hub.app.router.resources():
            app = resource.get_info().get("app")
            if app is not None and LIVE_SOCKETS in app:
                return app[LIVE_SOCKETS]
        raise AssertionError("the hub has no realtime app")

    async def no_sockets(self, timeout_s: float = 20.0) -> None:
        """Wait until the hub holds no realtime socket."""
        sockets = self.live_sockets()
        async with asyncio.timeout(timeout_s):
            # The hub has no event for a socket ending; it drops it from the set once
            # the close handshake is done, a loop turn or two after the client closed.
            while sockets:  # noqa: ASYNC110
                await asyncio.sleep(0.01)

    async def aclose(self) -> None:
        """Close every client made here, then stop the hub."""
        clients, self._clients = self._clients, []
        for client in clients:
            await close_client(client)
        await self.stop()


@dataclass(frozen=True)
class Conversation:
    id: str
    member_ids: tuple[str, ...]


async def make_conversation(service: AsyncClient, *members: AsyncClient) -> Conversation:
    """A direct/group conversation of the signed-in users of ``members`` (as the service
    role, which bypasses the row rules)."""
    ids = tuple([await user_id(m) for m in members])
    rows: list[dict[str, Any]] = (await service.table("conversations").insert(
        {"kind": "direct" if len(ids) == 2 else "group"}).execute()).data  # type: ignore[assignment]
    row = rows[0]
    await service.table("conversation_members").insert(
        [{"conversation_id": row["id"], "user_id": uid} for uid in ids]).execute()
    return Conversation(row["id"], ids)
