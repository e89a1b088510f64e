"""Email validation with GoTrue's messages."""

from __future__ import annotations

import pytest

from gfdesk.hub.auth.errors import AuthError
from gfdesk.hub.auth.validation import validate_email


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("a@b.co", "a@b.co"),
        ("  Ann.Lee+gg@Example.COM ", "ann.lee+gg@example.com"),
        ("x_y@sub.domain-1.example", "x_y@sub.domain-1.example"),
    ],
)
def test_good_addresses_are_normalised(raw: str, stored: str) -> None:
    assert validate_email(raw) == stored


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "An email address is required"),
        ("   ", "An email address is required"),
        ("plainaddress", "Unable to validate email address: invalid format"),
        ("a@b", "Unable to validate email address: invalid format"),
        ("a b@c.de", "Unable to validate email address: invalid format"),
        ("a@@c.de", "Unable to validate email address: invalid format"),
        ("a@-c.de", "Unable to validate email address: invalid format"),
        ("a" * 251 + "@c.de", "An email address is too long"),
    ],
)
def test_bad_addresses_fail_validation(raw: str, message: str) -> None:
    with pytest.raises(AuthError) as caught:
        validate_email(raw)
    assert (caught.value.status, caught.value.code, caught.value.message) == (
        400, "validation_failed", message,
    )
