"""TLS for a LAN hub: a certificate of its own, made on first start, and its fingerprint.
Qt-free.

A hub in a room of strangers must not send passwords and tokens in clear text, and no
public authority will sign a certificate for a laptop's LAN address. So the hub makes
its own (an EC P-256 key and a self-signed certificate for this machine's names and
addresses, valid ten years) in ``<data dir>/tls/`` the first time it serves beyond
loopback, keeps the key owner-only, and reuses both afterwards, so its fingerprint
stays the same: players compare the SHA-256 fingerprint their app shows with the one
the host's screen prints, and the app pins it (``gfdesk.core.tlspin``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import os
import socket
import ssl
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

TLS_DIR = "tls"
CERT_FILE = "cert.pem"
KEY_FILE = "key.pem"
VALIDITY = dt.timedelta(days=3650)


@dataclass(frozen=True)
class HubCertificate:
    """The hub's certificate files and fingerprint."""

    cert_path: Path
    key_path: Path
    #: SHA-256 of the certificate (DER), as ``AB:CD:...`` (what browsers show).
    fingerprint: str

    def server_context(self) -> ssl.SSLContext:
        """A TLS server context serving this certificate (TLS 1.2 or later)."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.load_cert_chain(self.cert_path, self.key_path)
        return context


def fingerprint_of(der: bytes) -> str:
    """The SHA-256 fingerprint of a DER certificate, colon-separated upper-case hex."""
    return ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())


def _names(host: str) -> tuple[list[str], list[str]]:
    """DNS names and IP addresses the certificate is for: this machine's, the bound
    host's, and loopback's (so clients on this machine verify it too)."""
    dns = {"localhost", socket.gethostname()}
    ips = {"127.0.0.1", "::1"}
    try:
        ipaddress.ip_address(host)
        if host not in ("0.0.0.0", "::"):
            ips.add(host)
    except ValueError:
        dns.add(host)
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None):
            ips.add(str(info[4][0]))
    except OSError:
        pass
    return sorted(d for d in dns if d), sorted(ips)


def _make(cert_path: Path, key_path: Path, host: str) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    dns, ips = _names(host)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"gfdesk hub {dns[-1]}"[:64])])
    now = dt.datetime.now(dt.UTC)
    san = x509.SubjectAlternativeName(
        [x509.DNSName(d) for d in dns] + [x509.IPAddress(ipaddress.ip_address(i)) for i in ips])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + VALIDITY)
            .add_extension(san, critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .sign(key, hashes.SHA256()))
    key_bytes = key.private_bytes(serialization.Encoding.PEM,
                                  serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption())
    cert_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key_bytes)
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))


def load_or_create(data_dir: Path, host: str) -> HubCertificate:
    """The data dir's certificate, made (for ``host`` and this machine) if missing.

    Raises:
        ValueError: the files exist but are not a certificate and its key.
    """
    folder = data_dir / TLS_DIR
    cert_path, key_path = folder / CERT_FILE, folder / KEY_FILE
    if not (cert_path.exists() and key_path.exists()):
        _make(cert_path, key_path, host)
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    return HubCertificate(cert_path, key_path,
                          fingerprint_of(cert.public_bytes(serialization.Encoding.DER)))
