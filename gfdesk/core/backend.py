"""The backend connection of one run: the official ``supabase`` client against a URL and
key, the signed-in account, and the connection status. Qt-free.

The client never knows whether it talks to the embedded demo hub, a LAN hub or a
Supabase project. ``supabase`` is imported on first use, not at start-up: the main
window is on screen before this module does anything heavy.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gfdesk.core.status import ConnectionState, ConnectionStatus

if TYPE_CHECKING:
    from supabase import AsyncClient

log = logging.getLogger("gfdesk.auth")

StatusListener = Callable[[ConnectionStatus], None]


@dataclass(frozen=True)
class Credentials:
    """An email and password to sign in with (the demo account's, for ``--demo``)."""

    email: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class Account:
    """Who is signed in."""

    user_id: str
    email: str
    display_name: str


class BackendService:
    """Owns the ``supabase`` client for one backend and reports its status.

    Args:
        url: the API URL (``http://127.0.0.1:54321``, ``https://<ref>.supabase.co``).
        anon_key: the project's anon key.
        label: how the status bar names this backend ("demo hub", a host name).
        on_status: called with every status change, on the loop's thread.
    """

    def __init__(self, url: str, anon_key: str, *, label: str,
                 on_status: StatusListener) -> None:
        self.url = url
        self._anon_key = anon_key
        self._label = label
        self._on_status = on_status
        self._client: AsyncClient | None = None
        self.account: Account | None = None
        self.status = ConnectionStatus(ConnectionState.CONNECTING, backend=label)

    def _set_status(self, state: ConnectionState, reason: str = "") -> None:
        old = self.status
        self.status = ConnectionStatus(state, reason, backend=self._label)
        log.debug("backend %s: %s -> %s %s", self._label, old.state.name, state.name, reason)
        if state is ConnectionState.ONLINE:
            log.info("backend online: %s%s", self._label, f" ({reason})" if reason else "")
        self._on_status(self.status)

    @property
    def client(self) -> AsyncClient:
        if self._client is None:
            raise RuntimeError("the backend is not started")
        return self._client

    async def start(self, credentials: Credentials | None) -> Account | None:
        """Create the client and, given credentials, sign in.

        Returns:
            The account, or None when not signed in. Failures are reported through
            the status (OFFLINE with the reason), not raised: the window stays usable.
        """
        self._set_status(ConnectionState.CONNECTING)
        from supabase import acreate_client

        # The client's default session store is memory: nothing of the session is
        # written to disk by it (refresh tokens belong in the OS keyring).
        self._client = await acreate_client(self.url, self._anon_key)
        if credentials is None:
            self._set_status(ConnectionState.ONLINE, "not signed in")
            return None
        try:
            response = await self._client.auth.sign_in_with_password(
                {"email": credentials.email, "password": credentials.password}
            )
        except Exception as exc:  # network errors and AuthApiError alike end up here
            reason = getattr(exc, "message", None) or str(exc) or type(exc).__name__
            log.warning("sign-in to %s failed: %s", self._label, reason)
            self._set_status(ConnectionState.OFFLINE, reason)
            return None
        user = response.user
        if user is None:
            self._set_status(ConnectionState.OFFLINE, "the server returned no user")
            return None
        metadata: dict[str, Any] = user.user_metadata or {}
        name = str(metadata.get("display_name") or metadata.get("username")
                   or (user.email or "").split("@")[0])
        self.account = Account(user.id, user.email or "", name)
        log.info("signed in to %s as %s", self._label, user.id)
        self._set_status(ConnectionState.ONLINE)
        return self.account

    async def aclose(self) -> None:
        """Stop the client's timers and close its connections (the session stays valid)."""
        client, self._client = self._client, None
        if client is None:
            return
        auth = client.auth
        timer = getattr(auth, "_refresh_token_timer", None)
        if timer is not None:
            timer.cancel()
        await asyncio.gather(
            client.realtime.close() if client.realtime.is_connected else asyncio.sleep(0),
            auth.close(),
            client.postgrest.aclose(),
            return_exceptions=True,
        )
