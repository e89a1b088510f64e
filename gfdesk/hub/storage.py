"""The one corner of Supabase Storage the hub serves: public demo pictures. Qt-free.

``GET /storage/v1/object/public/avatars/{username}.png`` answers the built-in demo
world's profile pictures (``demo.pictures``), as a public bucket object: without an
API key, like an ``<img>`` on the web loads it, with a long cache lifetime. Anything
else under ``/storage/v1`` is 404: the hub keeps no uploaded files.
"""

from __future__ import annotations

import functools

from aiohttp import web

from gfdesk.hub.demo.pictures import picture

CACHE_CONTROL = "public, max-age=86400"


@functools.lru_cache(maxsize=16)
def _picture(username: str) -> bytes | None:
    return picture(username)


async def handle_avatar(request: web.Request) -> web.StreamResponse:
    name = request.match_info["name"]
    data = _picture(name[:-4]) if name.endswith(".png") else None
    if data is None:
        raise web.HTTPNotFound()
    return web.Response(body=data, content_type="image/png",
                        headers={"Cache-Control": CACHE_CONTROL})


def create_storage_app() -> web.Application:
    """The ``/storage/v1`` sub-app."""
    app = web.Application()
    app.router.add_get("/object/public/avatars/{name}", handle_avatar)
    return app
