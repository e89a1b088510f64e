"""The hub's Auth service: the subset of GoTrue the official clients use. Qt-free.

The hub core mounts ``create_auth_app()`` at ``/auth/v1``, applies ``AUTH_MIGRATIONS``
as the ``auth`` component before the public schema, and the demo seeder creates users
with ``hash_password`` and ``insert_user``. Modules: ``routes`` (the sub-app),
``handlers`` (endpoints), ``bearer`` (access-token checks), ``users`` and ``sessions``
(rows), ``tokens`` and ``passwords`` (credentials), ``throttle``, ``errors``,
``validation``, ``schema``, ``keylocks``, and ``clock`` (the one time seam tests patch).

Where the hub knowingly differs from GoTrue:

- Refresh-token reuse has no grace interval: any reuse of a consumed token revokes the
  session. Clients must not refresh one session from two places at once.
- Failed sign-ins are throttled per client address and email (5 in 5 minutes) and per
  client address (30), with ``Retry-After``; GoTrue limits per IP only.
- Email and password only: no phone, anonymous, OAuth, OTP or MFA; sign-ups are
  confirmed at once; ``PUT /user`` cannot change the email.
"""

from __future__ import annotations

from gfdesk.hub.auth.passwords import hash_password, verify_password
from gfdesk.hub.auth.routes import create_auth_app
from gfdesk.hub.auth.schema import AUTH_MIGRATIONS
from gfdesk.hub.auth.throttle import SignInGuard, SignInThrottle
from gfdesk.hub.auth.users import UserExists, insert_user

__all__ = [
    "AUTH_MIGRATIONS",
    "SignInGuard",
    "SignInThrottle",
    "UserExists",
    "create_auth_app",
    "hash_password",
    "insert_user",
    "verify_password",
]
