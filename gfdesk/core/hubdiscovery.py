"""Finding LAN hubs: the hubs a ``gfdesk hub`` announces with mDNS (``_gfdesk._tcp``).
Qt-free.

``HubBrowser`` listens for the service on the local network and reports each hub with
what its TXT record says (URL, anon key, TLS fingerprint), so a player picks a hub
from a list instead of typing an address. What a hub announces is only a claim: its
certificate is still shown and confirmed on first connect (``tlspin``), and the
fingerprint listed here is what the player compares with the host's screen.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from zeroconf import InterfaceChoice, IPVersion, ServiceStateChange, Zeroconf
from zeroconf.asyncio import AsyncServiceBrowser, AsyncZeroconf

from gfdesk.log import app as log

#: What ``gfdesk hub`` registers (gfdesk.hub.discovery).
SERVICE_TYPE = "_gfdesk._tcp.local."
INFO_TIMEOUT_MS = 3000


@dataclass(frozen=True)
class DiscoveredHub:
    """A hub found on the LAN."""

    #: The service instance's name (``gfdesk hub on HOST``).
    name: str
    url: str
    anon_key: str
    #: The TLS certificate's SHA-256 fingerprint ("" for a hub without TLS).
    fingerprint: str

    @property
    def tls(self) -> bool:
        return self.url.lower().startswith("https://")


def _text(properties: dict[bytes, bytes | None], key: bytes) -> str:
    value = properties.get(key)
    return value.decode("utf-8", "replace") if value else ""


def hub_from_properties(name: str, properties: dict[bytes, bytes | None]
                        ) -> DiscoveredHub | None:
    """A hub from a service's TXT record, None when it lacks a URL or key."""
    url, key = _text(properties, b"url"), _text(properties, b"anon")
    if not url.lower().startswith(("http://", "https://")) or not key:
        return None
    label = name.removesuffix("." + SERVICE_TYPE)
    return DiscoveredHub(label, url, key, _text(properties, b"fp"))


class HubBrowser:
    """Reports hubs appearing on and leaving the network while it runs.

    Args:
        on_found: called with each hub found (again when its record changes).
        on_lost: called with the name of a hub that said goodbye.
        interfaces: addresses to listen on (default: every interface).
    """

    def __init__(self, on_found: Callable[[DiscoveredHub], None],
                 on_lost: Callable[[str], None], *,
                 interfaces: list[str] | None = None) -> None:
        self._on_found = on_found
        self._on_lost = on_lost
        self._interfaces = interfaces
        self._zeroconf: AsyncZeroconf | None = None
        self._browser: AsyncServiceBrowser | None = None
        self._lookups: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        """Start listening (returns at once; hubs are reported as they answer)."""
        self._zeroconf = AsyncZeroconf(interfaces=self._interfaces or InterfaceChoice.All,
                                       ip_version=IPVersion.V4Only)
        self._browser = AsyncServiceBrowser(self._zeroconf.zeroconf, [SERVICE_TYPE],
                                            handlers=[self._on_change])

    def _on_change(self, zeroconf: Zeroconf, service_type: str, name: str,
                   state_change: ServiceStateChange, **_: Any) -> None:
        if state_change is ServiceStateChange.Removed:
            self._on_lost(name.removesuffix("." + SERVICE_TYPE))
            return
        # The record comes in a second query; strong references, cancelled on close.
        task = asyncio.get_running_loop().create_task(self._look_up(name),
                                                      name="hubdiscovery:lookup")
        self._lookups.add(task)
        task.add_done_callback(self._looked_up)

    def _looked_up(self, task: asyncio.Task[None]) -> None:
        self._lookups.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("hub discovery: a lookup failed", exc_info=task.exception())

    async def _look_up(self, name: str) -> None:
        assert self._zeroconf is not None
        info = await self._zeroconf.async_get_service_info(SERVICE_TYPE, name,
                                                           INFO_TIMEOUT_MS)
        if info is None:
            return
        hub = hub_from_properties(name, dict(info.properties))
        if hub is None:
            log.debug("hub discovery: %s announced no usable hub", name)
            return
        self._on_found(hub)

    async def aclose(self) -> None:
        """Stop listening."""
        for task in list(self._lookups):
            task.cancel()
        await asyncio.gather(*self._lookups, return_exceptions=True)
        if self._browser is not None:
            await self._browser.async_cancel()
        if self._zeroconf is not None:
            await self._zeroconf.async_close()
        self._browser = self._zeroconf = None
