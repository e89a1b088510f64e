"""The hub's Auth service: the subset of GoTrue the official clients use. Qt-free.

The hub core mounts ``create_auth_app()`` at ``/auth/v1``, applies ``AUTH_MIGRATIONS``
as the ``auth`` component before the public schema, and the demo seeder creates users
with ``hash_password`` and ``insert_user``. Modules: ``routes`` (the sub-app),
``handlers`` (endpoints), ``bearer`` (access-token checks), ``users`` and ``sessions``
(rows), ``tokens`` and ``passwords`` (credentials), ``throttle``, ``errors``,
``validation``, ``schema``, and ``clock`` (the one time seam tests patch).
"""

from __future__ import annotations

from gfdesk.hub.auth.passwords import hash_password, verify_password
from gfdesk.hub.auth.routes import create_auth_app
from gfdesk.hub.auth.schema import AUTH_MIGRATIONS
from gfdesk.hub.auth.throttle import SignInThrottle
from gfdesk.hub.auth.users import UserExists, insert_user

__all__ = [
    "AUTH_MIGRATIONS",
    "SignInThrottle",
    "UserExists",
    "create_auth_app",
    "hash_password",
    "insert_user",
    "verify_password",
]
