"""TLS for the LAN (issue 13): ``gfdesk hub`` beyond loopback serves HTTPS and WSS with a
certificate it makes once and keeps; it prints the fingerprint players compare; the
official clients work unchanged against it (they trust the certificate the standard
way, ``SSL_CERT_FILE``); and it announces itself with mDNS ``_gfdesk._tcp``."""

from __future__ import annotations

import asyncio
import hashlib
import socket
import ssl
import stat
from pathlib import Path

import aiohttp
import pytest
from supabase import acreate_client
from zeroconf import IPVersion
from zeroconf.asyncio import AsyncServiceBrowser, AsyncZeroconf

from gfdesk.hub.context import CONFIG
from gfdesk.hub.discovery import SERVICE_TYPE, announce
from gfdesk.hub.runner import RunningHub
from gfdesk.hub.tls import CERT_FILE, KEY_FILE, TLS_DIR
from tests.helpers.hubfixture import DEFAULT_PASSWORD, close_client
from tests.integration.hub.hubprocess import start_hub_process, stop_hub_process


def _fingerprint_of_peer(host: str, port: int) -> str:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with socket.create_connection((host, port)) as raw, \
            context.wrap_socket(raw, server_hostname=host) as tls:
        der = tls.getpeercert(binary_form=True)
    assert der is not None
    return ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())


async def test_a_lan_hub_serves_https_with_a_kept_certificate(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = await start_hub_process(data, "--host", "0.0.0.0", "--no-announce")
    try:
        assert first.url.startswith("https://0.0.0.0:")
        port = int(first.url.rsplit(":", 1)[1])
        # What the app will see on the wire is what the host's screen printed.
        seen = await asyncio.to_thread(_fingerprint_of_peer, "127.0.0.1", port)
        assert seen == first.fingerprint
    finally:
        assert (await stop_hub_process(first.proc))[0] == 0
    key = data / TLS_DIR / KEY_FILE
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    second = await start_hub_process(data, "--host", "0.0.0.0", "--no-announce")
    await stop_hub_process(second.proc)
    assert second.fingerprint == first.fingerprint




async def test_the_official_clients_work_unchanged_over_tls(
        tls_hub: RunningHub, monkeypatch: pytest.MonkeyPatch) -> None:
    assert tls_hub.url.startswith("https://127.0.0.1:")
    # The standard way to trust a certificate, read by httpx and by websockets' default
    # context alike: no option of the clients is touched.
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_hub.app[CONFIG].data_dir / TLS_DIR / CERT_FILE))
    client = await acreate_client(tls_hub.url, tls_hub.anon_key)
    try:
        await client.auth.sign_up({"email": "tls@example.com", "password": DEFAULT_PASSWORD})
        assert (await client.table("profiles").select("username").execute()).data == [
            {"username": "tls"}]
        got: asyncio.Future[dict[str, object]] = asyncio.get_running_loop().create_future()
        channel = client.channel("room1", {"config": {"broadcast": {"self": True}}})
        channel.on_broadcast("hello", lambda m: got.done() or got.set_result(m["payload"]))
        joined = asyncio.Event()
        await channel.subscribe(lambda state, _e: joined.set())
        await asyncio.wait_for(joined.wait(), 10)
        await channel.send_broadcast("hello", {"over": "wss"})
        assert await asyncio.wait_for(got, 10) == {"over": "wss"}
    finally:
        await close_client(client)


async def test_plain_http_is_not_served_on_the_tls_port(tls_hub: RunningHub) -> None:
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.ClientError):
            await http.get(tls_hub.url.replace("https://", "http://") + "/auth/v1/health")


async def test_the_hub_announces_itself_on_the_lan(tls_hub: RunningHub) -> None:
    announcement = await announce(tls_hub.url, tls_hub.anon_key, tls_hub.fingerprint,
                                  interfaces=["127.0.0.1"])
    browser_zc = AsyncZeroconf(interfaces=["127.0.0.1"], ip_version=IPVersion.V4Only)
    found: asyncio.Queue[str] = asyncio.Queue()
    browser = AsyncServiceBrowser(browser_zc.zeroconf, [SERVICE_TYPE],
                                  handlers=[lambda **kw: found.put_nowait(kw["name"])])
    try:
        name = await asyncio.wait_for(found.get(), 10)
        info = await browser_zc.async_get_service_info(SERVICE_TYPE, name)
        assert info is not None
        assert info.properties[b"url"] == tls_hub.url.encode()
        assert info.properties[b"fp"] == (tls_hub.fingerprint or "").encode()
        assert info.properties[b"tls"] == b"1"
        assert info.properties[b"anon"] == tls_hub.anon_key.encode()
    finally:
        await browser.async_cancel()
        await browser_zc.async_close()
        await announcement.aclose()
