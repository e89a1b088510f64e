"""A throwaway in-memory keyring backend for tests (never the developer's keychain).

Select it with ``keyring.set_keyring(MemoryKeyring())`` or
``PYTHON_KEYRING_BACKEND=tests.helpers.memkeyring.MemoryKeyring``. Its priority is 1,
so gfdesk treats it as a secure store.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Passwords in a dict; ``entries`` is there for assertions."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such entry")


class InsecureKeyring(MemoryKeyring):
    """A plain-text-grade backend (priority below 1), which gfdesk must refuse."""

    priority = 0.5  # type: ignore[assignment]
