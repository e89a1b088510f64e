"""The hub's aiohttp application factory. Qt-free.

``create_app(config)`` builds the root app that serves Supabase's URL layout on one base
URL (spec 1.1): ``/auth/v1`` (GoTrue subset), ``/rest/v1`` (PostgREST subset),
``/realtime/v1`` and ``/storage/v1`` (public demo pictures only), behind the gateway
middlewares (CORS, API key), and ``/socket.io`` (the call relay, which checks the API
key in its own handshake).

Startup order (``cleanup_ctx``, run by ``AppRunner.setup``):
    1. the JWT secret is read or created and the keys minted (in the factory itself,
       so the runner can print them before serving);
    2. the SQLite store opens; migrations run: auth first (``profiles`` references
       ``auth_users``), then public; the SQL functions REST statements use are added,
       and the public schema's row triggers (``triggers``) registered;
    3. the profile hook is registered on ``ON_USER_CREATED``;
    4. with ``config.demo``, the demo world is seeded (idempotent);
    5. the realtime registry and change feed are created; then the call relay
       (``/socket.io``, Socket.IO call signalling) on the store, its output counted in
       the registry's hub-wide outbound budget;
    6. with ``config.demo``, the demo bots start on them (``demo.bots.bots_ctx``).
Shutdown order (reverse): the call relay's sockets are cut off (``on_shutdown``), the
requests are drained by the runner, then the store closes (WAL checkpoint happens on
close).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from aiohttp import web

from gfdesk.hub.auth import AUTH_MIGRATIONS, create_auth_app
from gfdesk.hub.callrelay import RELAY_PATH, close_relay, create_relay_app, relay_ctx
from gfdesk.hub.context import (
    CONFIG,
    KEYS,
    ON_USER_CREATED,
    STORE,
    HubConfig,
    UserCreatedHook,
)
from gfdesk.hub.demo.bots import bots_ctx
from gfdesk.hub.gateway import (
    TOKENS,
    TokenCache,
    add_cors_headers,
    api_key_check,
    body_in_time,
    cors_preflight,
)
from gfdesk.hub.keys import Keys, load_or_create_secret
from gfdesk.hub.realtime import create_realtime_app, realtime_ctx
from gfdesk.hub.rest import create_rest_app, sqlbuild
from gfdesk.hub.schema import PUBLIC_MIGRATIONS, on_user_created
from gfdesk.hub.storage import create_storage_app
from gfdesk.hub.store import Store
from gfdesk.hub.triggers import install as install_triggers
from gfdesk.log import hub as log

#: Request bodies above this are refused (413) before any handler reads them.
MAX_BODY_BYTES = 4 * 1024 * 1024


async def _store_ctx(app: web.Application) -> AsyncIterator[None]:
    config = app[CONFIG]
    store = Store.in_dir(config.data_dir)
    try:
        store.migrate("auth", AUTH_MIGRATIONS)
        store.migrate("public", PUBLIC_MIGRATIONS)
        store.setup_connections(sqlbuild.install_functions)
        install_triggers(store.triggers)
        app[STORE] = store
        if config.demo:
            from gfdesk.hub.demo import seed_demo_world

            hooks = app[ON_USER_CREATED]
            seed_demo_world(store, hooks)
        yield
    finally:
        store.close()
        log.debug("hub: store closed")


def create_app(config: HubConfig) -> web.Application:
    """Build the hub's root application (not yet started).

    Args:
        config: data dir, token lifetime, issuer, demo flag.

    Returns:
        The root app; start it with ``AppRunner`` (see ``gfdesk.hub.runner``).
    """
    app = web.Application(middlewares=[cors_preflight, api_key_check, body_in_time],
                          client_max_size=MAX_BODY_BYTES)
    app[CONFIG] = config
    app[KEYS] = Keys.from_secret(load_or_create_secret(config.data_dir))
    app[TOKENS] = TokenCache(app[KEYS])
    hooks: list[UserCreatedHook] = [on_user_created]
    app[ON_USER_CREATED] = hooks
    app.on_response_prepare.append(add_cors_headers)
    app.cleanup_ctx.append(_store_ctx)
    app.cleanup_ctx.append(realtime_ctx)
    app.cleanup_ctx.append(relay_ctx)
    app.on_shutdown.append(close_relay)
    app.cleanup_ctx.append(bots_ctx)
    app.add_subapp("/auth/v1", create_auth_app())
    app.add_subapp("/rest/v1", create_rest_app())
    app.add_subapp("/realtime/v1", create_realtime_app())
    app.add_subapp("/storage/v1", create_storage_app())
    app.add_subapp(RELAY_PATH, create_relay_app())
    return app
