"""``gfdesk hub`` as a process, and the hub on its own thread (``--demo`` mode)."""

from __future__ import annotations

import asyncio
import json
import urllib.request
from pathlib import Path

import aiohttp
import pytest

from gfdesk.hub.context import HubConfig
from gfdesk.hub.runner import start_hub_in_thread
from gfdesk.hub.serve import is_loopback
from tests.integration.hub.hubprocess import start_hub_process, stop_hub_process


async def test_hub_command_prints_status_and_stops_cleanly(tmp_path: Path) -> None:
    """It should print the three ``supabase status`` lines, serve, and exit 0 on SIGTERM."""
    hub = await start_hub_process(tmp_path / "data")
    try:
        assert hub.lines[0] == f"API URL: {hub.url}"
        assert hub.url.startswith("http://127.0.0.1:")
        async with aiohttp.ClientSession() as http, http.get(
            hub.url + "/rest/v1/profiles", headers={"apikey": hub.anon_key}
        ) as resp:
            assert resp.status == 200
    finally:
        status, err = await stop_hub_process(hub.proc)
    assert status == 0, err.decode()
    assert hub.anon_key not in err.decode()


async def test_keys_survive_a_restart(tmp_path: Path) -> None:
    """It should print the same keys for the same data dir (players keep their config)."""
    first = await start_hub_process(tmp_path / "data")
    await stop_hub_process(first.proc)
    second = await start_hub_process(tmp_path / "data")
    await stop_hub_process(second.proc)
    assert (first.anon_key, first.service_role_key) == (second.anon_key,
                                                        second.service_role_key)


async def test_non_loopback_bind_warns(tmp_path: Path) -> None:
    hub = await start_hub_process(tmp_path / "data", "--host", "0.0.0.0", "--no-announce")
    status, err = await stop_hub_process(hub.proc)
    assert status == 0
    port = hub.url.rsplit(":", 1)[1]
    assert f"anyone on that network who can reach 0.0.0.0:{port} can use the hub" in err.decode()


async def test_no_tls_serves_http_beyond_loopback_and_warns(tmp_path: Path) -> None:
    hub = await start_hub_process(tmp_path / "data", "--host", "0.0.0.0", "--no-tls",
                                  "--no-announce")
    status, err = await stop_hub_process(hub.proc)
    assert hub.url.startswith("http://") and hub.fingerprint is None
    assert "--no-tls: passwords and tokens cross the network in clear text" in err.decode()


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("::1", True), ("localhost", True), ("0.0.0.0", False),
    ("192.168.1.20", False), ("gamer-pc.lan", False)])
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def _get_json(url: str, key: str) -> object:
    request = urllib.request.Request(url, headers={"apikey": key})
    with urllib.request.urlopen(request, timeout=10) as resp:
        return json.loads(resp.read())


def test_threaded_hub_serves_and_stops(tmp_path: Path) -> None:
    """It should serve from its own thread and shut down when stop() returns."""
    threaded = start_hub_in_thread(HubConfig(data_dir=tmp_path / "hub"))
    try:
        rows = _get_json(threaded.url + "/rest/v1/profiles", threaded.service_role_key)
        assert rows == []
    finally:
        threaded.stop()
    assert not threaded._thread.is_alive()


async def test_threaded_hub_from_a_running_loop(tmp_path: Path) -> None:
    """It should be usable from an app's loop: blocking calls go to a worker thread."""
    threaded = await asyncio.to_thread(start_hub_in_thread, HubConfig(data_dir=tmp_path / "h"))
    try:
        async with aiohttp.ClientSession() as http, http.get(
            threaded.url + "/auth/v1/health", headers={"apikey": threaded.anon_key}
        ) as resp:
            assert resp.status == 200
    finally:
        await asyncio.to_thread(threaded.stop)


async def test_token_ttl_option(tmp_path: Path) -> None:
    """It should mint user access tokens with the lifetime given by --token-ttl."""
    hub = await start_hub_process(tmp_path / "data", "--token-ttl", "90")
    try:
        async with aiohttp.ClientSession() as http, http.post(
            hub.url + "/auth/v1/signup", headers={"apikey": hub.anon_key},
            json={"email": "ttl@example.com", "password": "long-enough-password"},
        ) as resp:
            session = await resp.json()
    finally:
        await stop_hub_process(hub.proc)
    assert session["expires_in"] == 90
