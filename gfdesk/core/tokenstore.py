"""Refresh tokens in the OS keyring, one entry per profile and account, and the app's
other secrets (a Socket.IO signalling server's token). Qt-free.

Entries live under service ``gfdesk``: username ``<profile>:<email>`` holds that
account's refresh token, username ``<profile>`` the email of the account last signed
in with that profile (an email is not a secret, but keeping it next to the token means
forgetting one forgets both); username ``secret:<name>`` one of the other secrets
(``SecretStore``). Nothing is ever written to a file.

A keyring is usable only when its backend is secure: the "fail" backend of a headless
Linux box and every backend with priority below 1 (plain-text files, the null keyring)
are refused, and the session then lasts for this run only. Keyring calls may block
(D-Bus, the macOS keychain prompt), so they run on a worker thread.
"""

from __future__ import annotations

import asyncio

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import fail

from gfdesk.log import auth as log

SERVICE = "gfdesk"
#: Backends below this priority are not secure storage (plain text, null, fail).
MIN_PRIORITY = 1.0
UNAVAILABLE_MESSAGE = (
    "No secure password store (keyring) is available on this system, so your sign-in "
    "is kept for this session only and you will be asked to sign in again next time."
)


def keyring_is_secure(backend: keyring.backend.KeyringBackend) -> bool:
    """Whether ``backend`` is a real OS keyring (not the fail, null or a plain-text one)."""
    if isinstance(backend, fail.Keyring):
        return False
    try:
        priority = float(backend.priority)
    except Exception:  # a backend whose priority check itself fails is not usable
        return False
    return priority >= MIN_PRIORITY


class KeyringEntries:
    """Entries of service ``gfdesk`` in a secure OS keyring, read and written on a
    worker thread; a keyring that is not secure, or fails, is not used.

    Args:
        backend: the keyring backend; None for keyring's configured one
            (``PYTHON_KEYRING_BACKEND``, the keyring config file, or auto-detection).
    """

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend or keyring.get_keyring()
        self._secure = keyring_is_secure(self._backend)
        #: Why the keyring cannot be used, for the user; empty while it can.
        self.problem = "" if self._secure else UNAVAILABLE_MESSAGE

    @property
    def available(self) -> bool:
        """Whether entries can be kept across runs."""
        return not self.problem

    async def _delete(self, user: str) -> None:
        try:
            await self._call("delete", self._backend.delete_password, SERVICE, user)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored: the wanted outcome

    async def _call(self, what: str, fn: object, *args: str) -> str | None:
        if not self.available:
            return None
        assert callable(fn)
        try:
            result = await asyncio.to_thread(fn, *args)
        except keyring.errors.PasswordDeleteError:
            raise
        except keyring.errors.KeyringError as exc:
            # A locked or broken keyring: carry on for this run without it, say so once.
            log.warning("keyring %s failed (%s); sign-in kept for this run only",
                        what, type(exc).__name__)
            self.problem = (f"The system keyring refused to {what} your sign-in "
                            f"({type(exc).__name__}); it is kept for this session only.")
            return None
        return result if isinstance(result, str) else None


class TokenStore(KeyringEntries):
    """Refresh tokens of one profile's accounts in the OS keyring.

    Args:
        profile: the profile name (each backend has its own accounts).
        backend: as ``KeyringEntries``.
    """

    def __init__(self, profile: str, backend: keyring.backend.KeyringBackend | None = None
                 ) -> None:
        super().__init__(backend)
        self._profile = profile

    def __repr__(self) -> str:
        return f"TokenStore(profile={self._profile!r}, secure={self.available})"

    def _user(self, email: str) -> str:
        return f"{self._profile}:{email.lower()}"

    async def load(self, email: str) -> str | None:
        """The stored refresh token of ``email``, or None."""
        return await self._call("read", self._backend.get_password, SERVICE, self._user(email))

    async def save(self, email: str, refresh_token: str) -> None:
        """Store (replace) the refresh token of ``email`` and remember it as last account."""
        await self._call("write", self._backend.set_password, SERVICE, self._user(email),
                         refresh_token)
        await self._call("write", self._backend.set_password, SERVICE, self._profile,
                         email.lower())

    async def delete(self, email: str) -> None:
        """Forget ``email``'s token (and it as the last account)."""
        await self._delete(self._user(email))
        if await self.last_account() == email.lower():
            await self._delete(self._profile)

    async def last_account(self) -> str | None:
        """The email last signed in with this profile, if it was remembered."""
        return await self._call("read", self._backend.get_password, SERVICE, self._profile)


class SecretStore(KeyringEntries):
    """The app's other secrets in the OS keyring, by name (``signalling_secret``)."""

    def __repr__(self) -> str:
        return f"SecretStore(secure={self.available})"

    async def load(self, name: str) -> str | None:
        """The secret called ``name``, or None."""
        return await self._call("read", self._backend.get_password, SERVICE, f"secret:{name}")

    async def save(self, name: str, value: str) -> None:
        """Store (replace) the secret called ``name``."""
        await self._call("write", self._backend.set_password, SERVICE, f"secret:{name}", value)

    async def delete(self, name: str) -> None:
        """Forget the secret called ``name``."""
        await self._delete(f"secret:{name}")


def signalling_secret(url: str) -> str:
    """The name of a Socket.IO signalling server's token in ``SecretStore``."""
    return f"signalling:{url.rstrip('/')}"
