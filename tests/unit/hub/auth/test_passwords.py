"""Password hashing: argon2id, verification, the length rule, executor wrappers."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from gfdesk.hub.auth import passwords


def test_hashes_are_salted_argon2id_with_the_configured_cost() -> None:
    first = passwords.hash_password("secret123")
    second = passwords.hash_password("secret123")
    assert first.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert first != second
    assert "secret123" not in first


def test_verify_accepts_the_password_and_nothing_else() -> None:
    stored = passwords.hash_password("secret123")
    assert passwords.verify_password(stored, "secret123") is True
    assert passwords.verify_password(stored, "secret124") is False
    assert passwords.verify_password(stored, "") is False
    assert passwords.verify_password("not a hash", "secret123") is False


def test_hashes_made_with_other_parameters_need_a_rehash() -> None:
    old = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash("secret123")
    assert passwords.verify_password(old, "secret123") is True
    assert passwords.needs_rehash(old) is True
    assert passwords.needs_rehash(passwords.hash_password("secret123")) is False
    assert passwords.needs_rehash("garbage") is True


@pytest.mark.parametrize(
    ("password", "reasons"),
    [("12345", ["length"]), ("123456", []), ("a" * 100, []), ("é" * 5, ["length"])],
)
def test_weak_password_reasons_follow_the_length_rule(password: str, reasons: list[str]) -> None:
    assert list(passwords.weak_password_reasons(password)) == reasons


async def test_executor_wrappers_hash_and_verify() -> None:
    stored = await passwords.hash_in_executor("secret123")
    assert await passwords.verify_in_executor(stored, "secret123") is True
    assert await passwords.verify_in_executor(stored, "nope") is False


async def test_an_unknown_user_is_verified_against_the_dummy_and_fails() -> None:
    dummy_password = passwords._DUMMY_PASSWORD
    assert await passwords.verify_in_executor(None, dummy_password) is False
    assert passwords.verify_password(passwords.dummy_hash(), dummy_password) is True
