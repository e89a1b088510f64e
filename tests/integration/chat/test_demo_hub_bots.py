"""A demo hub starts its chat bots by itself and stops them with the hub."""

from __future__ import annotations

from pathlib import Path

import pytest

from gfdesk.hub.context import HubConfig
from gfdesk.hub.demo import DEMO_EMAIL, DEMO_PASSWORD
from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import user_client, user_id
from tests.integration.chat.test_demo_bots import conversation_of, watch


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub", demo=True)


async def test_the_demo_hub_answers_with_its_own_bots(hub: RunningHub) -> None:
    demo = await user_client(hub, DEMO_EMAIL, DEMO_PASSWORD)
    direct = await conversation_of(demo, "direct")
    seen = await watch(demo, direct)
    await demo.table("messages").insert({"conversation_id": direct,
                                         "sender_id": await user_id(demo),
                                         "body": "yo"}).execute()
    await seen.until(lambda: len(seen.messages()) == 2)
    assert [k for k, _ in seen.events][1] == "typing"
