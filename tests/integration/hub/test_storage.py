"""The hub's public demo pictures: served without an API key, as Supabase serves a public
bucket object; decodable PNGs; nothing else is stored there."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest
from PySide6.QtGui import QImage

from gfdesk.hub.context import HubConfig
from gfdesk.hub.demo import DEMO_EMAIL, DEMO_PASSWORD
from gfdesk.hub.demo.pictures import PICTURES
from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import user_client


@pytest.fixture
def hub_config(tmp_path: Path) -> HubConfig:
    return HubConfig(data_dir=tmp_path / "hub", demo=True)


async def test_demo_pictures_are_public_pngs_named_by_the_profiles(hub: RunningHub) -> None:
    client = await user_client(hub, DEMO_EMAIL, DEMO_PASSWORD)
    profiles = (await client.table("profiles").select("username,avatar_url").execute()).data
    with_pictures = {p["username"]: p["avatar_url"] for p in profiles if p["avatar_url"]}
    assert set(with_pictures) == set(PICTURES)
    async with aiohttp.ClientSession() as http:
        for path in with_pictures.values():
            async with http.get(hub.url + path) as response:  # no apikey: public
                assert response.status == 200
                assert response.headers["Content-Type"] == "image/png"
                data = await response.read()
            image = QImage.fromData(data)
            assert (image.width(), image.height()) == (96, 96)
        for missing in ("/storage/v1/object/public/avatars/demo.png",
                        "/storage/v1/object/public/other/x.png"):
            async with http.get(hub.url + missing) as response:
                assert response.status == 404
        async with http.get(hub.url + "/rest/v1/profiles") as response:
            assert response.status == 401  # everything else still wants the key
