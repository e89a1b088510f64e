"""Shared fixtures of the hub integration tests: people and a small world to query."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from supabase import AsyncClient

from gfdesk.hub.auth import hash_password, insert_user
from gfdesk.hub.context import ON_USER_CREATED
from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import DEFAULT_PASSWORD, service_client, user_client


def make_user(hub: RunningHub, username: str) -> str:
    """Create a confirmed user (and its profile) straight in the store; returns its id."""
    with hub.store.transaction() as tx:
        user = insert_user(tx, f"{username}@example.com", hash_password(DEFAULT_PASSWORD),
                           {"username": username}, hub.app[ON_USER_CREATED])
    return user.id


@dataclass
class People:
    """Alice and Bob signed in, Carol only known by id, and the service client."""

    alice: AsyncClient
    bob: AsyncClient
    service: AsyncClient
    alice_id: str
    bob_id: str
    carol_id: str


@pytest.fixture
async def people(hub: RunningHub) -> People:
    ids = {name: make_user(hub, name) for name in ("alice", "bob", "carol")}
    return People(
        alice=await user_client(hub, "alice@example.com"),
        bob=await user_client(hub, "bob@example.com"),
        service=await service_client(hub),
        alice_id=ids["alice"], bob_id=ids["bob"], carol_id=ids["carol"],
    )


async def insert(client: AsyncClient, table: str, row: dict[str, Any]) -> dict[str, Any]:
    """Insert one row and return it as stored."""
    result = await client.table(table).insert(row).execute()
    return result.data[0]
