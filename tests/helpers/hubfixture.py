"""The ``hub`` fixture: a real hub on 127.0.0.1:0 in tmp_path, and official clients for it.

- ``hub_config`` (redefine it in a test module to change the config) -> ``HubConfig``.
- ``hub`` -> a started ``RunningHub`` (``url``, ``anon_key``, ``service_role_key``,
  ``store``); stopped at teardown, after every client made for it is closed.
- ``tls_hub`` -> the same serving HTTPS/WSS with its own certificate (``fingerprint``).
- ``anon_client(hub)``, ``service_client(hub)``, ``user_client(hub, email, password)``:
  official ``supabase`` AsyncClients (``acreate_client(hub.url, key)``); ``user_client``
  signs the user in, signing them up first if needed (metadata through ``**data``).
  All are closed at the hub's teardown, so no socket is left for a ResourceWarning.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from supabase import AsyncClient, acreate_client
from supabase_auth.errors import AuthApiError

from gfdesk.core.realtimeclient import stop_client_tasks
from gfdesk.hub.context import HubConfig
from gfdesk.hub.runner import RunningHub, start_hub
from gfdesk.hub.tls import load_or_create

#: Password of users the helpers create (long enough for the hub's password rules).
DEFAULT_PASSWORD = "correct-horse-battery-staple-42"

_CLIENTS: dict[int, list[AsyncClient]] = {}


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub")


@pytest.fixture
async def hub(hub_config: HubConfig) -> AsyncIterator[RunningHub]:
    running = await start_hub(hub_config)
    _CLIENTS[id(running)] = []
    try:
        yield running
    finally:
        clients = _CLIENTS.pop(id(running), [])
        for client in clients:
            await close_client(client)
        await running.stop()


@pytest.fixture
async def tls_hub(tmp_path: Path) -> AsyncIterator[RunningHub]:
    """A hub on loopback serving HTTPS and WSS with a certificate of its own."""
    config = HubConfig(data_dir=tmp_path / "tls-hub")
    running = await start_hub(config, tls=load_or_create(config.data_dir, "127.0.0.1"))
    try:
        yield running
    finally:
        await running.stop()


async def close_client(client: AsyncClient) -> None:
    """Close everything an official client opened (HTTP pools, timers, tasks)."""
    tasks = stop_client_tasks(client)
    if tasks:
        await asyncio.gather(*tasks, return_exceptions=True)
    if client.realtime.is_connected:
        await client.realtime.close()
    if client._postgrest is not None:
        await client._postgrest.aclose()
    await client.auth.close()


async def _client(hub: RunningHub, key: str) -> AsyncClient:
    client = await acreate_client(hub.url, key)
    _CLIENTS.setdefault(id(hub), []).append(client)
    return client


async def anon_client(hub: RunningHub) -> AsyncClient:
    """A client with the anon key and no session."""
    return await _client(hub, hub.anon_key)


async def service_client(hub: RunningHub) -> AsyncClient:
    """A client with the service_role key (bypasses the row rules)."""
    return await _client(hub, hub.service_role_key)


async def user_client(hub: RunningHub, email: str, password: str = DEFAULT_PASSWORD,
                      **data: Any) -> AsyncClient:
    """A client signed in as ``email``; the user is signed up first if unknown.

    Args:
        hub: the running hub.
        email: the user's address.
        password: their password.
        **data: user metadata for a sign-up (``username``, ``display_name``).
    """
    client = await _client(hub, hub.anon_key)
    await sign_in_or_up(client, email, password, data)
    return client


async def sign_in_or_up(client: AsyncClient, email: str, password: str,
                        data: dict[str, Any]) -> None:
    """Sign ``client`` in as ``email``, signing the user up (with ``data``) if unknown."""
    try:
        await client.auth.sign_in_with_password({"email": email, "password": password})
    except AuthApiError:
        await client.auth.sign_up(
            {"email": email, "password": password, "options": {"data": data}})


async def user_id(client: AsyncClient) -> str:
    """The signed-in user's id."""
    session = await client.auth.get_session()
    assert session is not None
    return session.user.id


async def realtime_as_user(client: AsyncClient) -> str:
    """Hand the signed-in user's token to the client's Realtime now (the client does it
    in a background task), so joins carry it rather than the anon key; the user's id."""
    session = await client.auth.get_session()
    assert session is not None
    await client.realtime.set_auth(session.access_token)
    return session.user.id


def private_config(presence_key: str | None = None) -> dict[str, Any]:
    """Channel options of a private join, as the app's are (presence under a key)."""
    presence = {"key": presence_key or "", "enabled": presence_key is not None}
    return {"config": {"private": True, "presence": presence,
                       "broadcast": {"ack": False, "self": False}}}
