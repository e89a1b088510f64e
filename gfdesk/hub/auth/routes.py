"""The auth sub-app the hub mounts at ``/auth/v1``. Qt-free.

It reads ``CONFIG``, ``KEYS``, ``STORE`` and ``ON_USER_CREATED`` from the root app
(``request.config_dict``) and owns only its sign-in throttle. The gateway in front of it
has checked the API key and answers CORS.
"""

from __future__ import annotations

from aiohttp import web

from gfdesk.hub.auth import handlers
from gfdesk.hub.auth.errors import error_middleware
from gfdesk.hub.auth.keylocks import KeyedLocks
from gfdesk.hub.auth.throttle import SignInGuard


def create_auth_app(throttle: SignInGuard | None = None) -> web.Application:
    """Build the auth sub-app.

    Args:
        throttle: The failed-sign-in throttle; a default one (5 failures per client
            and email, 30 per client, in 5 minutes) when None.
    """
    app = web.Application(middlewares=[error_middleware])
    app[handlers.THROTTLE] = throttle or SignInGuard()
    app[handlers.SIGN_IN_LOCKS] = KeyedLocks()
    app.router.add_post("/signup", handlers.signup)
    app.router.add_post("/token", handlers.token)
    app.router.add_get("/user", handlers.get_user)
    app.router.add_put("/user", handlers.put_user)
    app.router.add_post("/logout", handlers.logout)
    app.router.add_get("/settings", handlers.settings)
    app.router.add_get("/health", handlers.health)
    return app
