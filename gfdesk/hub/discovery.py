"""LAN discovery: a hub announces itself with mDNS (zeroconf), ``_gfdesk._tcp``. Qt-free.

A ``gfdesk hub`` listening beyond loopback registers one service instance, named after
the machine, whose TXT record carries what a player's app needs to add the hub without
typing anything: the base URL (``url``), whether it is TLS (``tls``), the certificate
fingerprint to show and pin (``fp``), the anon key (``anon``; public by design: it is
what the host shares with the room anyway) and the version. The app lists the hubs it
finds (``gfdesk.core.hubdiscovery``) and still shows the fingerprint for the player to
compare with the host's screen before it trusts the hub.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from zeroconf import InterfaceChoice, IPVersion
from zeroconf.asyncio import AsyncServiceInfo, AsyncZeroconf

from gfdesk import __version__
from gfdesk.log import hub as log

SERVICE_TYPE = "_gfdesk._tcp.local."


@dataclass
class Announcement:
    """A registered service; ``aclose`` withdraws it (goodbye packets) and stops mDNS."""

    zeroconf: AsyncZeroconf
    info: AsyncServiceInfo

    async def aclose(self) -> None:
        try:
            await self.zeroconf.async_unregister_service(self.info)
        finally:
            await self.zeroconf.async_close()


def _addresses(host: str) -> list[str]:
    if host not in ("0.0.0.0", "::", ""):
        return [host]
    found = {str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None)
             if info[0] in (socket.AF_INET, socket.AF_INET6)}
    return sorted(a for a in found if not a.startswith(("127.", "::1")))


async def announce(url: str, anon_key: str, fingerprint: str | None, *,
                   interfaces: list[str] | None = None) -> Announcement:
    """Announce the hub at ``url`` on the LAN.

    Args:
        url: the hub's base URL (its host part names the address it listens on).
        anon_key: the anon key players need.
        fingerprint: the TLS certificate's SHA-256 fingerprint (None without TLS).
        interfaces: addresses to announce on (default: every interface).
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    addresses = _addresses(host)
    name = f"gfdesk hub on {socket.gethostname()}"[:60]
    info = AsyncServiceInfo(
        SERVICE_TYPE, f"{name}.{SERVICE_TYPE}", port=parts.port,
        parsed_addresses=addresses or None,
        properties={"url": url, "tls": "1" if parts.scheme == "https" else "0",
                    "fp": fingerprint or "", "anon": anon_key, "version": __version__},
        server=f"{socket.gethostname()}.local.")
    zc = AsyncZeroconf(interfaces=interfaces or InterfaceChoice.All,
                       ip_version=IPVersion.V4Only)
    await zc.async_register_service(info, allow_name_change=True)
    log.info("hub: announced on the LAN as %r (%s)", name, SERVICE_TYPE)
    return Announcement(zc, info)
