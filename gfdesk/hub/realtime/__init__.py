"""The hub's Realtime service: Phoenix channels over WebSocket, plus REST broadcast. Qt-free.

``create_realtime_app()`` is the sub-app the root app mounts at ``/realtime/v1``
(spec 1.1); ``realtime_ctx`` is the root app's cleanup context that creates the
change feed and the topic registry (``REALTIME``) and closes them. Modules:
``framing`` (V1/V2 codec), ``presence`` (pure presence state), ``channels`` (registry
and fan-out), ``authorization`` (private channels, by ``gfdesk.hub.channelrules``),
``connection`` (one socket's output and channels), ``dispatch`` (what each event
does), ``joins`` (join/broadcast payload parsing), ``tokens`` (JWT texts, verified
once per socket), ``limits`` and ``settings`` (spec 2.12), ``socket`` (the endpoint),
``rest_broadcast``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from aiohttp import web

from gfdesk.hub.context import KEYS, STORE
from gfdesk.hub.realtime.authorization import Authorizer
from gfdesk.hub.realtime.changes import ChangeFeed
from gfdesk.hub.realtime.channels import REALTIME, Registry
from gfdesk.hub.realtime.rest_broadcast import batch_handler, single_handler
from gfdesk.hub.realtime.socket import LIVE_SOCKETS, close_live_sockets, websocket_handler


def create_realtime_app() -> web.Application:
    """The ``/realtime/v1`` sub-app; needs ``KEYS`` and ``REALTIME`` on the root app."""
    app = web.Application()
    app[LIVE_SOCKETS] = set()
    app.router.add_get("/websocket", websocket_handler)
    app.router.add_post("/api/broadcast", batch_handler)
    app.router.add_post("/api/broadcast/{topic:.+}/events/{event}", single_handler)
    app.on_shutdown.append(close_live_sockets)
    return app


async def realtime_ctx(app: web.Application) -> AsyncIterator[None]:
    """Root-app cleanup context: the registry (and change feed) for the hub's lifetime.

    Runs after the store's context; the sockets themselves are closed earlier, by the
    sub-app's ``on_shutdown``, so the runner never waits on an open WebSocket.
    """
    feed = ChangeFeed(app[STORE])
    store = app[STORE]
    registry = Registry(app[KEYS], Authorizer(store), change_feed=feed)
    app[REALTIME] = registry
    try:
        yield
    finally:
        registry.close()
        feed.close()


__all__ = ["REALTIME", "Registry", "create_realtime_app", "realtime_ctx"]
