"""Creating and closing the official supabase client the app runs on. Qt-free.

The client gets one ``httpx.AsyncClient`` that we own, shared by auth, REST, storage
and functions. Without it the supabase client builds a fresh REST client on every auth
event (every token refresh) and drops the old one unclosed, leaking its connection
pool (and a ResourceWarning per refresh with short-lived tokens).
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl

import httpx
from supabase import AsyncClient, AsyncClientOptions

from gfdesk.core.realtimeclient import stop_client_tasks

#: Per-request timeout of REST and auth calls, in seconds.
HTTP_TIMEOUT_S = 10.0


async def create_client(url: str, anon_key: str, *,
                        ssl_context: ssl.SSLContext | None = None) -> AsyncClient:
    """A supabase client for ``url`` with the anon key (no session yet).

    Its session lives in memory only: refresh tokens belong in the OS keyring
    (``SessionService``), never in a file.

    Args:
        url: the API URL.
        anon_key: the project's anon key.
        ssl_context: the TLS trust for a pinned LAN hub (``tlspin.context_for``); None
            for the system's verification. Give the realtime client the same one.
    """
    http = httpx.AsyncClient(timeout=httpx.Timeout(HTTP_TIMEOUT_S), follow_redirects=True,
                             verify=ssl_context if ssl_context is not None else True)
    try:
        return await AsyncClient.create(url, anon_key, AsyncClientOptions(httpx_client=http))
    except BaseException:
        await http.aclose()
        raise


async def close_client(client: AsyncClient) -> None:
    """Stop the client's refresh timer and background tasks and close its connections."""
    tasks = stop_client_tasks(client)
    if tasks:
        await asyncio.gather(*tasks, return_exceptions=True)
    if client.realtime.is_connected:
        with contextlib.suppress(Exception):
            await client.realtime.close()
    http = client.options.httpx_client
    await client.auth.close()
    if http is not None:
        await http.aclose()
