"""Email address checks with GoTrue's wording. Qt-free, pure.

GoTrue accepts what a mail server could deliver to: one ``@``, a non-empty local part,
a dotted domain, no spaces, at most 255 characters. It stores the address in lower case.
"""

from __future__ import annotations

import re

from gfdesk.hub.auth.errors import validation_failed
from gfdesk.hub.auth.users import normalize_email

MAX_EMAIL_LENGTH = 255
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
