"""Connection supervisors for signed-in test clients on the hub: ``supervisor_for`` (the
client's own session token, short test timings) and the ``supervisors`` fixture, which
closes every supervisor a test appends to it (import it into a conftest)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from supabase import AsyncClient

from gfdesk.core.backoff import Backoff
from gfdesk.core.connection import ConnectionSupervisor

HEARTBEAT_S = 1.0
TEST_BACKOFF = Backoff(base_s=0.1, cap_s=1.0)


def supervisor_for(client: AsyncClient, *, heartbeat_s: float = HEARTBEAT_S,
                   backoff: Backoff = TEST_BACKOFF) -> ConnectionSupervisor:
    """A supervisor (not started) that takes its token from ``client``'s session."""

    async def token() -> str | None:
        session = await client.auth.get_session()
        return session.access_token if session else None

    return ConnectionSupervisor(client, label="hub", token=token,
                                heartbeat_interval_s=heartbeat_s, backoff=backoff)


@pytest.fixture
async def supervisors() -> AsyncIterator[list[ConnectionSupervisor]]:
    """A list the test appends its supervisors to; each is closed afterwards."""
    made: list[ConnectionSupervisor] = []
    yield made
    for supervisor in made:
        await supervisor.aclose()
