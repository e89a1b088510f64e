"""The hub's PostgREST subset, mounted at ``/rest/v1`` (spec 7). Qt-free."""

from __future__ import annotations

from aiohttp import web

from gfdesk.hub.rest.handlers import handle_root, handle_table


def create_rest_app() -> web.Application:
    """The ``/rest/v1`` sub-app: one route per table name, any method."""
    app = web.Application()
    app.router.add_route("*", "/", handle_root)
    app.router.add_route("*", "/{table}", handle_table)
    app.router.add_route("*", "/{table}/{rest:.*}", handle_root)
    return app
