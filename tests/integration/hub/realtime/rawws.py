"""A raw Realtime WebSocket client for tests: exact frames in, exact frames out.

The official Python client speaks only vsn 1.0.0 and hides refs, so frame-level checks
(V2 arrays, binary kind 3, join_refs, close codes) go through this. It speaks the same
frames the clients do; nothing here imitates the server.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import aiohttp

from gfdesk.hub import keys as hubkeys
from gfdesk.hub.context import KEYS
from gfdesk.hub.runner import RunningHub

RECEIVE_TIMEOUT_S = 10.0


def ws_url(hub: RunningHub, vsn: str | None = "1.0.0", apikey: str | None = None) -> str:
    url = hub.url.replace("http://", "ws://") + "/realtime/v1/websocket"
    params = {"apikey": apikey if apikey is not None else hub.anon_key}
    if vsn is not None:
        params["vsn"] = vsn
    return url + "?" + "&".join(f"{k}={v}" for k, v in params.items())


def user_token(hub: RunningHub, *, exp_in_s: int = 3600, **claims: Any) -> str:
    """A token signed with the hub's secret (expired when ``exp_in_s`` < 0)."""
    body = {"role": "authenticated", "sub": "00000000-0000-0000-0000-000000000001",
            "exp": int(time.time()) + exp_in_s, **claims}
    return hubkeys.sign(hub.app[KEYS].secret, body)


class RawSocket:
    """One raw connection; ``v2`` selects array framing."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse, v2: bool) -> None:
        self.ws = ws
        self.v2 = v2
        self._ref = 0

    def ref(self) -> str:
        self._ref += 1
        return str(self._ref)

    async def push(self, topic: str, event: str, payload: Any, *, ref: str | None = None,
                   join_ref: str | None = None) -> str | None:
        if self.v2:
            await self.ws.send_str(json.dumps([join_ref, ref, topic, event, payload]))
        else:
            await self.ws.send_str(json.dumps({"topic": topic, "event": event,
                                               "payload": payload, "ref": ref,
                                               "join_ref": join_ref}))
        return ref

    async def join(self, topic: str, config: dict[str, Any] | None = None,
                   **extra: Any) -> tuple[str, Any]:
        """Join and return (join_ref, reply frame)."""
        ref = self.ref()
        payload = {"config": config or {}, **extra}
        await self.push(topic, "phx_join", payload, ref=ref, join_ref=ref)
        reply = await self.expect(lambda f: self.event(f) == "phx_reply"
                                  and self.ref_of(f) == ref)
        return ref, reply

    async def recv(self) -> Any:
        msg = await self.ws.receive(timeout=RECEIVE_TIMEOUT_S)
        if msg.type is aiohttp.WSMsgType.TEXT:
            return json.loads(msg.data)
        if msg.type is aiohttp.WSMsgType.BINARY:
            return msg.data
        raise ConnectionError(f"socket ended: {msg.type} {self.ws.close_code}")

    async def expect(self, match: Callable[[Any], bool]) -> Any:
        """The next frame for which ``match`` is true (earlier ones are skipped)."""
        while True:
            frame = await self.recv()
            if match(frame):
                return frame

    async def closed(self) -> int | None:
        """Read until the server closes; returns the close code."""
        while True:
            msg = await self.ws.receive(timeout=RECEIVE_TIMEOUT_S)
            if msg.type is aiohttp.WSMsgType.CLOSE:
                return int(msg.data)
            if msg.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING,
                            aiohttp.WSMsgType.ERROR):
                return self.ws.close_code

    def event(self, frame: Any) -> str | None:
        if isinstance(frame, bytes):
            return None
        event: str | None = frame[3] if self.v2 else frame.get("event")
        return event

    def ref_of(self, frame: Any) -> str | None:
        ref: str | None = frame[1] if self.v2 else frame.get("ref")
        return ref

    def payload(self, frame: Any) -> Any:
        return frame[4] if self.v2 else frame["payload"]


@asynccontextmanager
async def raw_socket(hub: RunningHub, vsn: str | None = "1.0.0",
                     apikey: str | None = None) -> AsyncIterator[RawSocket]:
    async with aiohttp.ClientSession() as session, \
            session.ws_connect(ws_url(hub, vsn, apikey), autoping=True) as ws:
        yield RawSocket(ws, v2=vsn == "2.0.0")
