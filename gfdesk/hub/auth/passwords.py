"""Password hashing (argon2id) and GoTrue's password rules. Qt-free.

Hashes are argon2id with OWASP's minimum recommended parameters (19 MiB, two passes,
one lane): memory-hard enough that a copied database is costly to attack, cheap enough
(tens of milliseconds) for a LAN party's sign-ins on a laptop. Hashing and verifying
run in the default thread executor (``hash_in_executor``, ``verify_in_executor``) so
the hub's event loop keeps serving Realtime while a hash is computed.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Sequence

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_PASSWORD_LENGTH = 6
# OWASP Password Storage Cheat Sheet, argon2id minimum: m=19 MiB, t=2, p=1.
PASSWORD_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
#: Verified against when the email is unknown, so both answers cost the same time.
_DUMMY_PASSWORD = "gfdesk-hub-timing-equaliser"


def hash_password(password: str) -> str:
    """The argon2id hash of ``password`` (PHC string with salt and parameters)."""
    return PASSWORD_HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether ``password`` matches ``password_hash``; a malformed hash never matches."""
    try:
        return PASSWORD_HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with other parameters than today's."""
    try:
        return PASSWORD_HASHER.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


@functools.cache
def dummy_hash() -> str:
    """A hash of a fixed password, made once, for the unknown-email path."""
    return hash_password(_DUMMY_PASSWORD)


def weak_password_reasons(password: str) -> Sequence[str]:
    """GoTrue's ``weak_password.reasons`` for a non-empty password (empty: acceptable).

    Only the length rule is enforced, as on a default Supabase project.
    """
    return ["length"] if len(password) < MIN_PASSWORD_LENGTH else []


async def hash_in_executor(password: str) -> str:
    """``hash_password`` on a worker thread."""
    return await asyncio.get_running_loop().run_in_executor(None, hash_password, password)


async def verify_in_executor(password_hash: str | None, password: str) -> bool:
    """``verify_password`` on a worker thread; ``None`` (no such user) verifies against
    the dummy hash and returns False, taking as long as a real check."""
    loop = asyncio.get_running_loop()
    if password_hash is None:
        dummy = await loop.run_in_executor(None, dummy_hash)
        await loop.run_in_executor(None, verify_password, dummy, password)
        return False
    return await loop.run_in_executor(None, verify_password, password_hash, password)
