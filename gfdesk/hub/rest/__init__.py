"""The hub's PostgREST subset, mounted at ``/rest/v1`` (spec 7). Qt-free.

``create_rest_app`` imports the handlers when called, so the pure modules of this
package (``grammar``, ``errors``, ``sqlbuild``) import without the web layer.
"""

from __future__ import annotations

from aiohttp import web


def create_rest_app() -> web.Application:
    """The ``/rest/v1`` sub-app: one route per table name, any method, and the
    functions under ``/rpc``."""
    from gfdesk.hub.rest.handlers import handle_root, handle_table, postgrest_errors
    from gfdesk.hub.rest.rpc import handle_rpc

    app = web.Application(middlewares=[postgrest_errors])
    app.router.add_route("*", "/", handle_root)
    app.router.add_route("*", "/rpc/{function}", handle_rpc)
    app.router.add_route("*", "/{table}", handle_table)
    app.router.add_route("*", "/{table}/{rest:.*}", handle_root)
    return app
