"""Email address and user metadata checks with GoTrue's wording. Qt-free, pure.

GoTrue accepts what a mail server could deliver to: one ``@``, a non-empty local part,
a dotted domain, no spaces, at most 255 characters. It stores the address in lower case.

User metadata travels in every access token the user gets, so every request and every
channel join carries it: the hub keeps it to ``MAX_USER_METADATA_BYTES`` of JSON (a
sign-up with 3 MB of it made 4 MB tokens).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from gfdesk.hub.auth.errors import validation_failed
from gfdesk.hub.auth.users import normalize_email

MAX_EMAIL_LENGTH = 255
MAX_USER_METADATA_BYTES = 4096
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+"
    r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)


def validate_email(email: str) -> str:
    """The normalised address, or an ``AuthError`` 400 ``validation_failed``.

    Raises:
        AuthError: empty, too long, or not an address.
    """
    address = normalize_email(email)
    if not address:
        raise validation_failed("An email address is required")
    if len(address) > MAX_EMAIL_LENGTH:
        raise validation_failed("An email address is too long")
    if not _EMAIL.match(address):
        raise validation_failed("Unable to validate email address: invalid format")
    return address


def validate_user_metadata(metadata: Mapping[str, Any]) -> None:
    """Refuse metadata larger than ``MAX_USER_METADATA_BYTES`` as compact JSON.

    Raises:
        AuthError: 400 ``validation_failed``.
    """
    size = len(json.dumps(metadata, separators=(",", ":"), ensure_ascii=False).encode())
    if size > MAX_USER_METADATA_BYTES:
        raise validation_failed(
            f"User metadata is too large: {size} bytes, at most {MAX_USER_METADATA_BYTES}")
