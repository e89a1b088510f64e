"""The hub's Socket.IO endpoint for call signalling, ``/socket.io/``. Qt-free.

Deployments that run a Socket.IO server can carry a call's messages (offer, answer,
ice, media, hangup) there instead of on Realtime; the hub serves one so the app can
use either against a LAN hub too. Call rows still live in the ``calls`` table; only
the per-call message channel moves. The event contract, for a backend team to
implement on their own server, is ``docs/socketio-signalling.md``.

``create_relay_app()`` is the sub-app the root app mounts at ``/socket.io``;
``relay_ctx`` (after the store's and the Realtime service's contexts) builds the
``CallRelay`` on the store and the hub's token cache, its output counted in the
Realtime service's hub-wide outbound budget; ``close_relay`` (root ``on_shutdown``)
cuts every socket off so the runner never waits on one. Modules: ``relay`` (the
server, its rooms and checks), ``outbound`` (unsent bytes per socket).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from aiohttp import web

from gfdesk.hub.callrelay.relay import CallRelay, RelaySettings
from gfdesk.hub.context import STORE
from gfdesk.hub.gateway import TOKENS
from gfdesk.hub.realtime import REALTIME

#: Where the relay is mounted (Socket.IO's default path).
RELAY_PATH = "/socket.io"
CALL_RELAY = web.AppKey("call_relay", CallRelay)
RELAY_SETTINGS = web.AppKey("call_relay_settings", RelaySettings)


async def _handle(request: web.Request) -> web.StreamResponse:
    relay = request.config_dict.get(CALL_RELAY)
    if relay is None:  # stopping
        raise web.HTTPServiceUnavailable(text="the call relay is stopping")
    response: web.StreamResponse = await relay.server.handle_request(request)
    return response


def create_relay_app() -> web.Application:
    """The ``/socket.io`` sub-app (Engine.IO's GET for the WebSocket transport; POST and
    OPTIONS get Engine.IO's own answer, a refusal of the polling transport)."""
    app = web.Application()
    for method in ("GET", "POST", "OPTIONS"):
        app.router.add_route(method, "/", _handle)
    return app


async def relay_ctx(app: web.Application) -> AsyncIterator[None]:
    """Root-app cleanup context: the relay for the hub's lifetime."""
    registry = app[REALTIME]
    relay = CallRelay(app[TOKENS], app[STORE], settings=app.get(RELAY_SETTINGS),
                      hub_unsent=lambda: registry.unsent_bytes,
                      budget=registry.settings.max_outbound_bytes)
    registry.outside_unsent = relay.meter.current
    app[CALL_RELAY] = relay
    try:
        yield
    finally:
        registry.outside_unsent = None
        await relay.close()


async def close_relay(app: web.Application) -> None:
    """Root ``on_shutdown``: cut every relay socket off (clients reconnect elsewhere or
    later), so the runner does not wait for them."""
    relay = app.get(CALL_RELAY)
    if relay is not None:
        await relay.close()


__all__ = ["CALL_RELAY", "RELAY_PATH", "RELAY_SETTINGS", "CallRelay", "RelaySettings",
           "close_relay", "create_relay_app", "relay_ctx"]
