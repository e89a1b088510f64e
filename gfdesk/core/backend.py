"""The backend of one run: the official ``supabase`` client against a URL and key, and
the services built on it (session, realtime connection, outbox). Qt-free.

The client never knows whether it talks to the embedded demo hub, a LAN hub or a
Supabase project. ``supabase`` is imported on first use, not at start-up: the main
window is on screen before this module does anything heavy.

Order: ``start`` creates the client and the session; with credentials (the demo login)
it signs in with them, otherwise it signs in silently from the keyring. Once signed in,
the outbox of that profile and account opens and the connection supervisor starts.
``sign_out`` and ``aclose`` undo it in reverse: outbox, connection (channels left,
presence untracked, socket closed), session, client.
"""

from __future__ import annotations

import ssl
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gfdesk.core.realtimeclient import DEFAULT_HEARTBEAT_INTERVAL_S
from gfdesk.core.session import Account, Credentials, SessionStatus
from gfdesk.core.status import NOT_SIGNED_IN, ConnectionState, ConnectionStatus
from gfdesk.log import auth as log

if TYPE_CHECKING:
    import keyring.backend
    from supabase import AsyncClient

    from gfdesk.core.connection import ConnectionSupervisor
    from gfdesk.core.outbox import Outbox, Rejection
    from gfdesk.core.session import SessionService
    from gfdesk.core.tlspin import Assessment

__all__ = ["Account", "BackendService", "Credentials"]


StatusListener = Callable[[ConnectionStatus], None]
#: Shown a LAN hub's self-made certificate (Trust.NEW) or one that differs from the
#: pinned (Trust.CHANGED): whether to trust it (CHANGED: only after a clear warning).
CertificateCheck = Callable[["Assessment"], Awaitable[bool]]


class BackendService:
    """Owns the ``supabase`` client for one backend and the services on it.

    Args:
        url: the API URL (``http://127.0.0.1:54321``, ``https://<ref>.supabase.co``).
        anon_key: the project's anon key.
        label: how the status bar names this backend ("demo hub", a host name).
        on_status: called with every connection status change, on the loop's thread.
        profile: the profile name (keyring entries and outbox files are per profile).
        data_dir: where the outbox lives (None: no outbox, e.g. in a throwaway run).
        keyring_backend: the keyring to use (None: keyring's configured one).
        on_session: called with every session status (SIGN_IN_REQUIRED: show sign-in).
        on_notice: called with one-off messages for the user (no secure keyring).
        on_rejected: called with each write the server refused for good.
        heartbeat_interval_s: realtime heartbeat interval.
        check_certificate: asked about an https hub's certificate that is not pinned
            yet or has changed (None: such a hub is refused).
    """

    def __init__(self, url: str, anon_key: str, *, label: str, on_status: StatusListener,
                 profile: str = "default", data_dir: Path | None = None,
                 keyring_backend: keyring.backend.KeyringBackend | None = None,
                 on_session: Callable[[SessionStatus], None] | None = None,
                 on_notice: Callable[[str], None] | None = None,
                 on_rejected: Callable[[Rejection], None] | None = None,
                 heartbeat_interval_s: float = DEFAULT_HEARTBEAT_INTERVAL_S,
                 check_certificate: CertificateCheck | None = None) -> None:
        self.url = url
        self._anon_key = anon_key
        self._label = label
        self._on_status = on_status
        self._profile = profile
        self._data_dir = data_dir
        self._keyring_backend = keyring_backend
        self._on_session = on_session
        self._on_notice = on_notice
        self._on_rejected = on_rejected
        self._heartbeat_interval_s = heartbeat_interval_s
        self._check_certificate = check_certificate
        self._ssl_context: ssl.SSLContext | None = None
        self._client: AsyncClient | None = None
        self.session: SessionService | None = None
        self.connection: ConnectionSupervisor | None = None
        self.outbox: Outbox | None = None
        self.status = ConnectionStatus(ConnectionState.CONNECTING, backend=label)

    @property
    def account(self) -> Account | None:
        return self.session.account if self.session is not None else None

    @property
    def can_remember(self) -> bool:
        """Whether "remember me" can work (a secure keyring; False before ``start``)."""
        return self.session is not None and self.session.can_remember

    @property
    def client(self) -> AsyncClient:
        if self._client is None:
            raise RuntimeError("the backend is not started")
        return self._client

    def _set_status(self, status: ConnectionStatus) -> None:
        old, self.status = self.status, status
        if old.state is not status.state:
            log.debug("backend %s: %s -> %s %s", self._label, old.state.name,
                      status.state.name, status.reason)
            if status.state is ConnectionState.ONLINE:
                log.info("backend online: %s%s", self._label,
                         f" ({status.reason})" if status.reason else "")
        if self.outbox is not None:
            self.outbox.on_connection_status(status)
        self._on_status(status)

    async def start(self, credentials: Credentials | None) -> Account | None:
        """Create the client and sign in (with ``credentials`` or from the keyring).

        Returns:
            The account, or None when not signed in. Failures are reported through
            the status (OFFLINE with the reason) and the session status, not raised:
            the window stays usable.
        """
        self._set_status(ConnectionStatus(ConnectionState.CONNECTING, backend=self._label))
        from gfdesk.core.clientfactory import create_client
        from gfdesk.core.session import SessionService
        from gfdesk.core.tokenstore import TokenStore

        try:
            self._ssl_context = await self._tls_trust()
        except (OSError, PermissionError) as exc:
            reason = str(exc) or exc.__class__.__name__
            log.warning("tls: not connecting to %s: %s", self._label, reason)
            self._set_status(ConnectionStatus(ConnectionState.OFFLINE, reason,
                                              backend=self._label))
            return None
        self._client = await create_client(self.url, self._anon_key,
                                           ssl_context=self._ssl_context)
        self.session = SessionService(
            self._client, TokenStore(self._profile, self._keyring_backend),
            on_status=self._on_session, on_notice=self._on_notice)
        account: Account | None
        if credentials is not None:
            try:
                account = await self.session.sign_in(credentials, remember=False)
            except Exception as exc:  # network errors and AuthApiError alike end up here
                from gfdesk.core.session import error_text

                reason = error_text(exc)
                log.warning("sign-in to %s failed: %s", self._label, reason)
                self._set_status(ConnectionStatus(ConnectionState.OFFLINE, reason,
                                                  backend=self._label))
                return None
        else:
            account = (await self.session.restore()).account
        if account is None:
            self._set_status(ConnectionStatus(ConnectionState.ONLINE, NOT_SIGNED_IN,
                                              backend=self._label))
            return None
        await self._signed_in(account)
        return account

    async def sign_in(self, credentials: Credentials, *, remember: bool = True) -> Account:
        """Sign in from the dialog (raises ``AuthError`` with the server's message)."""
        if self.session is None:
            raise RuntimeError("the backend is not started")
        account = await self.session.sign_in(credentials, remember=remember)
        await self._signed_in(account)
        return account

    async def sign_up(self, credentials: Credentials, *, remember: bool = True,
                      **metadata: Any) -> Account | None:
        """Create an account from the dialog; None when the server wants an email
        confirmation first."""
        if self.session is None:
            raise RuntimeError("the backend is not started")
        account = await self.session.sign_up(credentials, remember=remember, **metadata)
        if account is not None:
            await self._signed_in(account)
        return account

    async def sign_out(self) -> None:
        """Close the account's services, sign out and forget the stored token."""
        await self._close_account_services()
        if self.session is not None:
            await self.session.sign_out()
        self._set_status(ConnectionStatus(ConnectionState.ONLINE, NOT_SIGNED_IN,
                                          backend=self._label))

    async def _signed_in(self, account: Account) -> None:
        from gfdesk.core.connection import ConnectionSupervisor

        log.info("signed in to %s as %s", self._label, account.user_id)
        await self._close_account_services()
        assert self.session is not None
        if self._data_dir is not None:
            from gfdesk.core.outbox import Outbox
            from gfdesk.core.outboxqueue import OutboxQueue, outbox_path

            path = outbox_path(self._data_dir, self._profile, account.user_id)
            self.outbox = Outbox(self.client, OutboxQueue(path), on_rejected=self._on_rejected)
            self.outbox.start()
        self.connection = ConnectionSupervisor(
            self.client, label=self._label, token=self.session.access_token,
            heartbeat_interval_s=self._heartbeat_interval_s, ssl_context=self._ssl_context)
        self.connection.add_listener(self._set_status)
        self.connection.start()

    async def _tls_trust(self) -> ssl.SSLContext | None:
        """The TLS context an https LAN hub is trusted with (pinned, after the player
        confirmed its fingerprint); None for http and for publicly verified servers.

        Raises:
            OSError: unreachable, or a certificate nobody confirmed (the reason says
                why; a changed one says so plainly).
        """
        if not self.url.lower().startswith("https://"):
            return None
        from gfdesk.core import tlspin

        pins = tlspin.PinStore(self._data_dir)
        seen = await tlspin.assess(self.url, pins)
        if seen.trust is tlspin.Trust.PUBLIC:
            return None
        assert seen.seen is not None
        if seen.trust is tlspin.Trust.PINNED:
            return tlspin.context_for(seen.seen)
        confirmed = self._check_certificate is not None and await self._check_certificate(seen)
        if seen.trust is tlspin.Trust.CHANGED and not confirmed:
            raise PermissionError(
                f"the hub's certificate changed (fingerprint {seen.seen.fingerprint}, "
                f"pinned {seen.pinned.fingerprint if seen.pinned else '?'}): someone may "
                "be impersonating it; not connecting")
        if not confirmed:
            raise PermissionError(f"the hub's certificate ({seen.seen.fingerprint}) "
                                  "was not confirmed; not connecting")
        pins.pin(seen.seen)
        log.info("tls: pinned %s for %s", seen.seen.fingerprint, seen.seen.address)
        return tlspin.context_for(seen.seen)

    async def _close_account_services(self) -> None:
        outbox, self.outbox = self.outbox, None
        if outbox is not None:
            await outbox.aclose()
        connection, self.connection = self.connection, None
        if connection is not None:
            await connection.aclose()

    async def aclose(self) -> None:
        """Close everything; the session stays valid (and remembered) for the next run."""
        await self._close_account_services()
        session, self.session = self.session, None
        if session is not None:
            await session.aclose()
        client, self._client = self._client, None
        if client is not None:
            from gfdesk.core.clientfactory import close_client

            await close_client(client)
