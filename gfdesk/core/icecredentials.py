"""TURN credentials in the OS keyring, one entry per server and username. Qt-free.

A TURN credential lets anyone relay traffic through the server on the user's account:
it is a secret, kept where refresh tokens are kept (``tokenstore``: service ``gfdesk``,
an insecure backend refused), under the username ``ice:<username>@<first url>``. The
settings file keeps only the server's URLs and username (``config.save_calls``).
Keyring calls may block, so they run on a worker thread; a credential read is
registered with ``log.redact`` so it is masked in every log line.
"""

from __future__ import annotations

import asyncio
import dataclasses

import keyring
import keyring.backend
import keyring.errors

from gfdesk import log
from gfdesk.config import IceServer
from gfdesk.core.tokenstore import SERVICE, keyring_is_secure


def entry_name(server: IceServer) -> str:
    """The keyring username of ``server``'s credential."""
    return f"ice:{server.username or ''}@{server.urls[0]}"


class IceCredentials:
    """Reads and writes TURN credentials.

    Args:
        backend: the keyring backend; None for keyring's configured one.
    """

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend or keyring.get_keyring()

    @property
    def available(self) -> bool:
        """Whether credentials can be kept (a secure keyring)."""
        return keyring_is_secure(self._backend)

    def __repr__(self) -> str:
        return f"IceCredentials(secure={self.available})"

    async def complete(self, servers: tuple[IceServer, ...]) -> tuple[IceServer, ...]:
        """``servers`` with each TURN server's credential from the keyring; a TURN
        server without one is left out (it could only fail), with a log line."""
        done: list[IceServer] = []
        for server in servers:
            turn = any(u.lower().startswith("turn") for u in server.urls)
            if not turn or server.credential:
                done.append(server)
                continue
            credential = await self._read(entry_name(server))
            if credential:
                log.redact(credential)
                done.append(dataclasses.replace(server, credential=credential))
            else:
                log.call.info("call: TURN server %s has no credential in the keyring; "
                              "not used", server.urls[0])
        return tuple(done)

    async def save(self, server: IceServer, credential: str) -> None:
        """Store ``credential`` for ``server``.

        Raises:
            keyring.errors.KeyringError: no secure keyring, or it refused.
        """
        if not self.available:
            raise keyring.errors.KeyringError("no secure keyring on this system")
        log.redact(credential)
        await asyncio.to_thread(self._backend.set_password, SERVICE, entry_name(server),
                                credential)

    async def delete(self, server: IceServer) -> None:
        """Forget ``server``'s credential (nothing stored is fine)."""
        if not self.available:
            return
        try:
            await asyncio.to_thread(self._backend.delete_password, SERVICE, entry_name(server))
        except keyring.errors.PasswordDeleteError:
            pass

    async def has(self, server: IceServer) -> bool:
        """Whether a credential is stored for ``server``."""
        return bool(await self._read(entry_name(server)))

    async def _read(self, name: str) -> str | None:
        if not self.available:
            return None
        try:
            value = await asyncio.to_thread(self._backend.get_password, SERVICE, name)
        except keyring.errors.KeyringError as exc:
            log.call.warning("call: the keyring refused a TURN credential (%s)",
                             type(exc).__name__)
            return None
        return value if isinstance(value, str) else None
