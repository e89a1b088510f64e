"""The app's trust in a LAN hub's own certificate (issue 13): shown and confirmed once,
then pinned; a different certificate at the same address is refused with a clear
warning; REST, auth and the realtime socket all go over the pinned TLS."""

from __future__ import annotations

import asyncio
import ssl
from pathlib import Path

import pytest

from gfdesk.core import tlspin
from gfdesk.core.backend import BackendService, Credentials
from gfdesk.core.status import ConnectionState, ConnectionStatus
from gfdesk.hub.runner import RunningHub
from gfdesk.hub.tls import load_or_create
from tests.helpers.hubfixture import DEFAULT_PASSWORD
from tests.helpers.logfail import ExpectedLogs
from tests.helpers.memkeyring import MemoryKeyring

TIMEOUT_S = 20
EMAIL = "lan@example.com"




class Run:
    """One run of the app's backend against the hub, answering certificate checks."""

    def __init__(self, hub: RunningHub, data_dir: Path, *, confirm: bool) -> None:
        self.asked: list[tlspin.Assessment] = []
        self.statuses: list[ConnectionStatus] = []
        self.online = asyncio.Event()
        self._confirm = confirm
        self.backend = BackendService(
            hub.url, hub.anon_key, label="lan hub", on_status=self._on_status,
            profile="lan", data_dir=data_dir, keyring_backend=MemoryKeyring(),
            heartbeat_interval_s=0.5, check_certificate=self._check)

    async def _check(self, assessment: tlspin.Assessment) -> bool:
        self.asked.append(assessment)
        return self._confirm

    def _on_status(self, status: ConnectionStatus) -> None:
        self.statuses.append(status)
        if status.state is ConnectionState.ONLINE and status.reason == "":
            self.online.set()


async def test_the_fingerprint_is_confirmed_once_then_pinned(tls_hub: RunningHub,
                                                             tmp_path: Path) -> None:
    data = tmp_path / "app"
    first = Run(tls_hub, data, confirm=True)
    try:
        assert await first.backend.start(None) is None
        [asked] = first.asked
        assert asked.trust is tlspin.Trust.NEW
        # What the player compares with the host's screen is what the hub printed.
        assert asked.seen is not None and asked.seen.fingerprint == tls_hub.fingerprint
        await first.backend.sign_up(Credentials(EMAIL, DEFAULT_PASSWORD))
        async with asyncio.timeout(TIMEOUT_S):
            await first.online.wait()  # the realtime socket is up, over wss
    finally:
        await first.backend.aclose()
    second = Run(tls_hub, data, confirm=False)
    try:
        await second.backend.start(Credentials(EMAIL, DEFAULT_PASSWORD))
        assert second.asked == []  # pinned: not asked again
        async with asyncio.timeout(TIMEOUT_S):
            await second.online.wait()
    finally:
        await second.backend.aclose()


async def test_an_unconfirmed_certificate_is_not_used(tls_hub: RunningHub, tmp_path: Path,
                                                      expected_logs: ExpectedLogs) -> None:
    expected_logs.allow("gfdesk.auth", "tls: not connecting")
    run = Run(tls_hub, tmp_path / "app", confirm=False)
    try:
        assert await run.backend.start(None) is None
        assert run.statuses[-1].state is ConnectionState.OFFLINE
        assert "was not confirmed" in run.statuses[-1].reason
        assert tlspin.PinStore(tmp_path / "app").get(tlspin.address_of(tls_hub.url)) is None
    finally:
        await run.backend.aclose()


async def test_a_changed_certificate_is_refused_with_a_warning(
        tls_hub: RunningHub, tmp_path: Path, expected_logs: ExpectedLogs) -> None:
    expected_logs.allow("gfdesk.auth", "tls: not connecting")
    data = tmp_path / "app"
    # The app once pinned another certificate for this address (another hub, or the
    # real one before someone in the room took its place).
    other = load_or_create(tmp_path / "impostor", "127.0.0.1")
    address = tlspin.address_of(tls_hub.url)
    tlspin.PinStore(data).pin(tlspin.ServerCertificate.from_der(
        address, _der(other.cert_path)))
    run = Run(tls_hub, data, confirm=False)
    try:
        assert await run.backend.start(None) is None
        [asked] = run.asked
        assert asked.trust is tlspin.Trust.CHANGED
        reason = run.statuses[-1].reason
        assert run.statuses[-1].state is ConnectionState.OFFLINE
        assert "certificate changed" in reason and "impersonating" in reason
        assert tls_hub.fingerprint in reason
    finally:
        await run.backend.aclose()


def _der(pem_path: Path) -> bytes:
    return ssl.PEM_cert_to_DER_cert(pem_path.read_text())


async def test_a_pinned_context_trusts_only_its_certificate(tls_hub: RunningHub,
                                                            tmp_path: Path) -> None:
    seen = await tlspin.fetch_certificate(tls_hub.url)
    other = load_or_create(tmp_path / "other", "127.0.0.1")
    host, port = tlspin.address_of(tls_hub.url).split(":")
    reader, writer = await asyncio.open_connection(host, int(port),
                                                   ssl=tlspin.context_for(seen))
    writer.close()
    del reader
    wrong = tlspin.context_for(tlspin.ServerCertificate.from_der("x:1", _der(other.cert_path)))
    with pytest.raises(OSError):
        await asyncio.open_connection(host, int(port), ssl=wrong)


def test_a_damaged_pin_file_pins_nothing(tmp_path: Path, expected_logs: ExpectedLogs) -> None:
    expected_logs.allow("gfdesk.auth", "tls:")
    (tmp_path / tlspin.PINS_FILE).write_text("{not json")
    pins = tlspin.PinStore(tmp_path)
    assert pins.get("hub:443") is None
    pins.pin(tlspin.ServerCertificate.from_der("hub:443", b"\x30\x00"))
    assert tlspin.PinStore(tmp_path).get("hub:443") is not None
