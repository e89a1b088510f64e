"""Raw HTTP to the hub's auth endpoints, for what the official client will not send
(empty passwords, missing grant fields, no API-version header) or does not show
(response headers, exact bodies)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import aiohttp

from gfdesk.hub.runner import RunningHub

API_VERSION = {"X-Supabase-Api-Version": "2024-01-01"}


@dataclass(frozen=True)
class RawResponse:
    status: int
    headers: dict[str, str]
    body: Any


async def auth_request(hub: RunningHub, method: str, path: str, *, json: Any = None,
                       headers: dict[str, str] | None = None,
                       api_version: bool = True) -> RawResponse:
    """One request to ``<hub>/auth/v1/<path>`` with the anon key as ``apikey``."""
    sent = {"apikey": hub.anon_key, **(API_VERSION if api_version else {}), **(headers or {})}
    async with aiohttp.ClientSession() as session, session.request(
        method, f"{hub.url}/auth/v1/{path}", json=json, headers=sent
    ) as response:
        body = await response.json() if response.content_type == "application/json" else None
        return RawResponse(response.status, dict(response.headers), body)
