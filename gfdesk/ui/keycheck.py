"""Checks on a pasted anon key before it is saved in a profile. Qt-free, pure.

The one mistake worth stopping is pasting the service_role (or a new-style secret)
key: it bypasses row-level security, so it must never sit in a desktop app's
settings file. The key is not verified (the app has no JWT secret); only its shape
and its ``role`` claim are read.
"""

from __future__ import annotations

import base64
import binascii
import json

from gfdesk.i18nmark import QT_TRANSLATE_NOOP, translate

#: Supabase's newer API keys (2025): publishable keys replace anon, secret keys service_role.
PUBLISHABLE_PREFIX = "sb_publishable_"
SECRET_PREFIX = "sb_secret_"
NOT_A_KEY = QT_TRANSLATE_NOOP("keycheck", "This does not look like an anon key: it is either "
                              "a JWT (three parts starting with eyJ) or starts with "
                              "sb_publishable_.")
SECRET_KEY = QT_TRANSLATE_NOOP("keycheck", "This is a secret key: it bypasses row-level "
                               "security and must never be in a desktop app. Paste the "
                               "project's anon (publishable) key instead.")


def key_problem(key: str) -> str | None:
    """Why ``key`` cannot be a client's anon key, worded for the user; None if it can."""
    if any(c.isspace() for c in key):
        return translate("keycheck", "The anon key cannot contain spaces or line breaks.")
    if key.startswith(SECRET_PREFIX):
        return translate("keycheck", SECRET_KEY)
    if key.startswith(PUBLISHABLE_PREFIX):
        return None
    parts = key.split(".")
    if len(parts) != 3 or not parts[0].startswith("eyJ"):
        return translate("keycheck", NOT_A_KEY)
    try:
        padded = parts[1] + "=" * (-len(parts[1]) % 4)
        claims = json.loads(base64.urlsafe_b64decode(padded))
    except (binascii.Error, ValueError):
        return translate("keycheck", NOT_A_KEY)
    if isinstance(claims, dict) and claims.get("role") == "service_role":
        return translate("keycheck", SECRET_KEY)
    return None
