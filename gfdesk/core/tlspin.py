"""Trusting a LAN hub's own certificate: shown once, then pinned. Qt-free.

A LAN hub serves HTTPS with a certificate it made itself (no authority vouches for a
laptop at a LAN party), and prints its SHA-256 fingerprint on the host's screen. The
app connects the first time only after the player has seen the same fingerprint and
confirmed it; from then on it trusts exactly that certificate for that address and
refuses, with a clear warning, any other (someone in the room may be pretending to be
the hub). A server whose certificate a public authority vouches for (a Supabase
project) needs no pin and gets the system's verification.

``PinStore`` keeps the pins in a JSON file under the data dir (certificates are
public: nothing secret is stored). ``assess`` says which case a URL is in;
``context_for`` makes the TLS context that trusts one pinned certificate, for both
the REST/auth client (httpx) and the realtime socket (websockets).
"""

from __future__ import annotations

import asyncio
import base64
import enum
import hashlib
import json
import os
import ssl
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from gfdesk.log import auth as log

PINS_FILE = "tls_pins.json"
CONNECT_TIMEOUT_S = 10.0


class Trust(enum.Enum):
    """What is known of a server's certificate."""

    #: Verified by the system's authorities (no pin needed).
    PUBLIC = "public"
    #: The certificate pinned for this address.
    PINNED = "pinned"
    #: Self-made and not seen before: show the fingerprint, pin it if confirmed.
    NEW = "new"
    #: Not the certificate pinned for this address: refuse.
    CHANGED = "changed"


@dataclass(frozen=True)
class ServerCertificate:
    """A server's certificate as seen on the wire."""

    #: ``host:port`` it was served at.
    address: str
    der: bytes
    #: SHA-256 of ``der``, ``AB:CD:...`` (what the hub prints).
    fingerprint: str

    @classmethod
    def from_der(cls, address: str, der: bytes) -> ServerCertificate:
        return cls(address, der, ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest()))


@dataclass(frozen=True)
class Assessment:
    """Where a URL stands: the trust case, what the server showed, what was pinned."""

    trust: Trust
    seen: ServerCertificate | None = None
    pinned: ServerCertificate | None = None


def address_of(url: str) -> str:
    """``host:port`` of an https URL (the pin's key)."""
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port or 443}"


class PinStore:
    """Pinned certificates by address, in ``<dir>/tls_pins.json`` (None: memory only)."""

    def __init__(self, directory: Path | None) -> None:
        self._path = directory / PINS_FILE if directory is not None else None
        self._pins: dict[str, ServerCertificate] = {}
        if self._path is not None and self._path.exists():
            try:
                raw = json.loads(self._path.read_text(encoding="utf-8"))
                self._pins = {addr: ServerCertificate.from_der(addr, base64.b64decode(der))
                              for addr, der in raw.items()}
            except (ValueError, TypeError, AttributeError):
                # A damaged file pins nothing: every hub is shown again, none is trusted
                # blindly. The file is rewritten at the next pin.
                log.warning("tls: %s is damaged; no certificate is pinned", self._path)

    def get(self, address: str) -> ServerCertificate | None:
        return self._pins.get(address)

    def pin(self, certificate: ServerCertificate) -> None:
        """Trust ``certificate`` for its address from now on (replacing a pin)."""
        self._pins[certificate.address] = certificate
        self._save()

    def forget(self, address: str) -> None:
        """Drop the pin of ``address`` (its next certificate is shown again)."""
        if self._pins.pop(address, None) is not None:
            self._save()

    def _save(self) -> None:
        if self._path is None:
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        data = {a: base64.b64encode(c.der).decode("ascii") for a, c in self._pins.items()}
        fd, tmp = tempfile.mkstemp(dir=self._path.parent, prefix=".tls_pins")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1)
        os.replace(tmp, self._path)


async def fetch_certificate(url: str) -> ServerCertificate:
    """The certificate the server at ``url`` presents (not verified: to be assessed).

    Raises:
        OSError: the server cannot be reached or speaks no TLS.
    """
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or 443
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    async with asyncio.timeout(CONNECT_TIMEOUT_S):
        _, writer = await asyncio.open_connection(host, port, ssl=context,
                                                  server_hostname=host)
    try:
        tls = writer.get_extra_info("ssl_object")
        der = tls.getpeercert(binary_form=True) if tls is not None else None
    finally:
        writer.close()
    if not der:
        raise OSError(f"{host}:{port} presented no certificate")
    return ServerCertificate.from_der(f"{host}:{port}", der)


async def _publicly_verified(url: str) -> bool:
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        async with asyncio.timeout(CONNECT_TIMEOUT_S):
            _, writer = await asyncio.open_connection(
                host, parts.port or 443, ssl=ssl.create_default_context(),
                server_hostname=host)
    except ssl.SSLCertVerificationError:
        return False
    writer.close()
    return True


async def assess(url: str, pins: PinStore) -> Assessment:
    """Which trust case an https ``url`` is in (a pin decides before the authorities).

    Raises:
        OSError: the server cannot be reached.
    """
    address = address_of(url)
    seen = await fetch_certificate(url)
    pinned = pins.get(address)
    if pinned is not None:
        trust = Trust.PINNED if pinned.der == seen.der else Trust.CHANGED
        return Assessment(trust, seen, pinned)
    if await _publicly_verified(url):
        return Assessment(Trust.PUBLIC, seen)
    return Assessment(Trust.NEW, seen)


def context_for(certificate: ServerCertificate) -> ssl.SSLContext:
    """A client context that trusts exactly ``certificate`` (whatever name the hub is
    reached by: the pin, not the name, is its identity)."""
    context = ssl.create_default_context(cadata=certificate.der)
    context.check_hostname = False
    return context
