"""Who is signed in: sign up, sign in, silent sign-in from the keyring, sign out. Qt-free.

Wraps the official ``supabase`` async client's auth. The refresh token of a remembered
account goes to the OS keyring (``TokenStore``), never to a file, and is written back on
every rotation (auth events ``SIGNED_IN`` and ``TOKEN_REFRESHED``). The auth client's
own timer refreshes the access token before it expires; the supabase client then calls
``realtime.set_auth`` with the new token, which reaches every live channel because the
connection supervisor installs its realtime client on that same supabase client.

States, published through ``on_status``: SIGNED_OUT -> RESTORING -> SIGNED_IN, or
SIGN_IN_REQUIRED with a message the sign-in dialog shows (an expired or revoked stored
token). A missing secure keyring is reported once through ``on_notice``.
"""

from __future__ import annotations

import asyncio
import enum
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from supabase_auth.errors import AuthApiError, AuthError, AuthRetryableError

from gfdesk.core.backoff import Backoff
from gfdesk.core.clock import SYSTEM_CLOCK, Clock
from gfdesk.core.tokenstore import TokenStore
from gfdesk.i18nmark import QT_TRANSLATE_NOOP, translate
from gfdesk.log import auth as log

if TYPE_CHECKING:
    from supabase import AsyncClient
    from supabase_auth.types import AuthChangeEvent, Session, User


EXPIRED_MESSAGE = "Your saved sign-in has expired or was revoked. Please sign in again."


class SessionState(enum.Enum):
    """Where the user stands with their account."""

    SIGNED_OUT = "signed_out"
    RESTORING = "restoring"
    SIGNED_IN = "signed_in"
    #: A stored sign-in could not be used; the message says why.
    SIGN_IN_REQUIRED = "sign_in_required"


@dataclass(frozen=True)
class Account:
    """Who is signed in."""

    user_id: str
    email: str
    display_name: str


@dataclass(frozen=True)
class SessionStatus:
    """A session state with the account (when signed in) and a message for the user."""

    state: SessionState
    account: Account | None = None
    message: str = ""
    #: Whether the refresh token is kept in the keyring across runs.
    remembered: bool = False


@dataclass(frozen=True)
class Credentials:
    """An email and password to sign in with."""

    email: str
    password: str = field(repr=False)


StatusListener = Callable[[SessionStatus], None]
NoticeListener = Callable[[str], None]


def account_of(user: User) -> Account:
    """The ``Account`` of an auth user (display name from metadata or the email)."""
    metadata: dict[str, Any] = user.user_metadata or {}
    name = str(metadata.get("display_name") or metadata.get("username")
               or (user.email or "").split("@")[0])
    return Account(user.id, user.email or "", name)


def _is_transient(exc: AuthError) -> bool:
    """A network failure or a server error (worth retrying), not a refusal."""
    if isinstance(exc, AuthRetryableError):
        return True
    status = getattr(exc, "status", None)
    return isinstance(status, int) and (status >= 500 or status == 429)


#: The auth server's errors a user meets signing in or up, by GoTrue error code, in our
#: words: shown in the user's language (the server's own message is English).
SIGN_IN_ERRORS = {
    "invalid_credentials": QT_TRANSLATE_NOOP("SignInError", "Wrong email or password."),
    "email_not_confirmed": QT_TRANSLATE_NOOP(
        "SignInError", "Confirm your email address first: look for the message in your inbox."),
    "user_already_exists": QT_TRANSLATE_NOOP(
        "SignInError", "An account with this email already exists: sign in instead."),
    "email_exists": QT_TRANSLATE_NOOP(
        "SignInError", "An account with this email already exists: sign in instead."),
    "signup_disabled": QT_TRANSLATE_NOOP("SignInError",
                                         "This server does not take new accounts."),
    "email_address_invalid": QT_TRANSLATE_NOOP("SignInError",
                                               "This email address is not valid."),
    "over_request_rate_limit": QT_TRANSLATE_NOOP(
        "SignInError", "Too many attempts: wait a moment, then try again."),
    "user_banned": QT_TRANSLATE_NOOP("SignInError", "This account is blocked."),
}
WEAK_PASSWORD = QT_TRANSLATE_NOOP("SignInError",
                                  "The password is too weak: use at least {count} characters.")
_AT_LEAST = re.compile(r"at least (\d+)")


def error_text(exc: BaseException) -> str:
    """The user-facing text of an auth failure, in the user's language when the server's
    error code is a known one (``SIGN_IN_ERRORS``); else the server's own message."""
    code = getattr(exc, "code", None)
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    if code == "weak_password" and (least := _AT_LEAST.search(message)) is not None:
        return translate("SignInError", WEAK_PASSWORD).format(count=least.group(1))
    if isinstance(code, str) and code in SIGN_IN_ERRORS:
        return translate("SignInError", SIGN_IN_ERRORS[code])
    return message


class SessionService:
    """Sign-in state of one profile on one supabase client.

    Args:
        client: the official async client (its realtime client is the supervisor's).
        tokens: where remembered refresh tokens live.
        on_status: called with every status change.
        on_notice: called once with a message when no secure keyring exists.
        clock: time and randomness for the silent sign-in retries.
    """

    def __init__(self, client: AsyncClient, tokens: TokenStore, *,
                 on_status: StatusListener | None = None,
                 on_notice: NoticeListener | None = None,
                 clock: Clock = SYSTEM_CLOCK) -> None:
        self._client = client
        self._tokens = tokens
        self._on_status = on_status
        self._on_notice = on_notice
        self._clock = clock
        self._remember = False
        self._noticed = False
        self._pending_token: str | None = None
        self._writer: asyncio.Task[None] | None = None
        self.status = SessionStatus(SessionState.SIGNED_OUT)
        self._auth_subscription: Any = client.auth.on_auth_state_change(self._on_auth_event)

    @property
    def account(self) -> Account | None:
        return self.status.account

    @property
    def can_remember(self) -> bool:
        """Whether a sign-in can be kept across runs (a secure keyring exists)."""
        return self._tokens.available

    def _set_status(self, status: SessionStatus) -> None:
        old, self.status = self.status, status
        log.debug("session: %s -> %s", old.state.name, status.state.name)
        if self._on_status is not None:
            self._on_status(status)

    def _notice_keyring(self) -> None:
        if self._tokens.problem and not self._noticed:
            self._noticed = True
            log.info("session: %s", self._tokens.problem)
            if self._on_notice is not None:
                self._on_notice(self._tokens.problem)

    async def restore(self) -> SessionStatus:
        """Sign in silently from the profile's remembered account, if any.

        Network failures and server errors are retried with backoff until the server
        answers (the status says RESTORING meanwhile); an invalid token deletes the
        entry and yields SIGN_IN_REQUIRED with ``EXPIRED_MESSAGE``.
        """
        email = await self._tokens.last_account()
        token = await self._tokens.load(email) if email else None
        self._notice_keyring()
        if email is None or token is None:
            self._set_status(SessionStatus(SessionState.SIGNED_OUT))
            return self.status
        self._set_status(SessionStatus(SessionState.RESTORING, message=f"Signing in as {email}"))
        self._remember = True
        backoff = Backoff()
        attempt = 0
        while True:
            try:
                response = await self._client.auth.refresh_session(token)
            except AuthError as exc:
                if not _is_transient(exc):
                    log.info("session: stored sign-in refused: %s", error_text(exc))
                    self._remember = False
                    await self._tokens.delete(email)
                    self._set_status(SessionStatus(SessionState.SIGN_IN_REQUIRED,
                                                   message=EXPIRED_MESSAGE))
                    return self.status
                # The server is away (the app started offline): the stored sign-in is
                # still good, so keep trying, like the connection does.
                delay = backoff.delay(attempt, self._clock.random())
                attempt += 1
                log.info("session: silent sign-in failed (%s), retrying in %.1f s",
                         error_text(exc), delay)
                self._set_status(SessionStatus(
                    SessionState.RESTORING,
                    message=f"Waiting for the server to sign in as {email}"))
                await self._clock.sleep(delay)
                continue
            if response.user is None:
                self._set_status(SessionStatus(SessionState.SIGN_IN_REQUIRED,
                                               message=EXPIRED_MESSAGE))
                return self.status
            return self._signed_in(response.user)

    async def sign_in(self, credentials: Credentials, *, remember: bool = True) -> Account:
        """Sign in with email and password.

        Raises:
            AuthError: wrong credentials and other refusals (``error_text`` for the UI).
        """
        await self._prepare(credentials.email, remember)
        response = await self._client.auth.sign_in_with_password(
            {"email": credentials.email, "password": credentials.password})
        if response.user is None:
            raise AuthApiError("The server returned no user.", 500, None)
        return self._after_password(response.session, response.user).account or _never()

    async def sign_up(self, credentials: Credentials, *, remember: bool = True,
                      **metadata: Any) -> Account | None:
        """Create an account (metadata such as ``username``, ``display_name``).

        Returns:
            The account when the server signed the new user in, None when it asks
            for an email confirmation first.

        Raises:
            AuthError: a taken email, a weak password, and the like.
        """
        await self._prepare(credentials.email, remember)
        response = await self._client.auth.sign_up({
            "email": credentials.email, "password": credentials.password,
            "options": {"data": metadata}})
        if response.session is None or response.user is None:
            self._set_status(SessionStatus(
                SessionState.SIGNED_OUT, message="Check your email to confirm your account."))
            return None
        return self._after_password(response.session, response.user).account

    async def sign_out(self) -> None:
        """Sign out here (scope local) and forget the remembered token."""
        account = self.account
        self._remember = False
        self._pending_token = None
        try:
            await self._client.auth.sign_out({"scope": "local"})
        except AuthError as exc:
            # The session is removed locally before the request; a server that cannot
            # be told leaves a refresh token that expires on its own.
            log.info("session: server sign-out failed: %s", error_text(exc))
        if account is not None:
            await self._tokens.delete(account.email)
        await self._drain_writer()
        self._set_status(SessionStatus(SessionState.SIGNED_OUT))

    async def access_token(self) -> str | None:
        """The current access token, refreshed first if it is about to expire."""
        try:
            session = await self._client.auth.get_session()
        except AuthRetryableError:
            return None
        except AuthError as exc:
            log.info("session: refresh refused: %s", error_text(exc))
            await self._expired()
            return None
        return session.access_token if session else None

    async def aclose(self) -> None:
        """Stop listening to auth events and finish pending keyring writes."""
        subscription, self._auth_subscription = self._auth_subscription, None
        if subscription is not None:
            subscription.unsubscribe()
        await self._drain_writer()

    async def _prepare(self, email: str, remember: bool) -> None:
        self._remember = remember and self._tokens.available
        if remember:
            self._notice_keyring()
        elif self._tokens.available:
            await self._tokens.delete(email)

    def _after_password(self, session: Session | None, user: User) -> SessionStatus:
        status = self._signed_in(user)
        if session is not None:
            self._persist(session.refresh_token)  # the event may have come before _remember
        return status

    def _signed_in(self, user: User) -> SessionStatus:
        account = account_of(user)
        log.info("session: signed in as %s", account.user_id)
        self._set_status(SessionStatus(SessionState.SIGNED_IN, account,
                                       remembered=self._remember))
        return self.status

    async def _expired(self) -> None:
        account = self.account
        self._remember = False
        if account is not None:
            await self._tokens.delete(account.email)
        self._set_status(SessionStatus(SessionState.SIGN_IN_REQUIRED, message=EXPIRED_MESSAGE))

    def _on_auth_event(self, event: AuthChangeEvent, session: Session | None) -> None:
        log.debug("session: auth event %s", event)
        if event in ("SIGNED_IN", "TOKEN_REFRESHED") and session is not None:
            self._persist(session.refresh_token)

    def _persist(self, refresh_token: str) -> None:
        """Write the newest refresh token to the keyring (one writer, latest wins)."""
        if not self._remember or not refresh_token:
            return
        self._pending_token = refresh_token
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_tokens(), name="session:keyring")

    async def _write_tokens(self) -> None:
        while self._pending_token is not None and self._remember:
            token, self._pending_token = self._pending_token, None
            # The auth event fires inside sign-in, before the account is known; the
            # writer runs after the sign-in call has returned and set it.
            account = self.account
            if account is not None:
                await self._tokens.save(account.email, token)

    async def _drain_writer(self) -> None:
        if self._writer is not None:
            await asyncio.gather(self._writer, return_exceptions=True)
            self._writer = None


def _never() -> Account:
    raise AssertionError("signed in without an account")
