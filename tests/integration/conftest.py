"""Fixtures shared by the integration tests of the client (core, notifications): a hub
that can be stopped and restarted on the same port, a data dir, and ``supervisors``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from gfdesk.hub.context import HubConfig
from tests.helpers.hubcontrol import RestartableHub
from tests.helpers.supervisors import supervisors

__all__ = ["data_dir", "restartable", "supervisors"]


@pytest.fixture
async def restartable(hub_config: HubConfig) -> AsyncIterator[RestartableHub]:
    """A started hub on a fixed port (``hub_config`` decides its settings)."""
    control = RestartableHub(hub_config)
    await control.start()
    try:
        yield control
    finally:
        await control.aclose()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"
