"""Call signalling with each call's messages on a Socket.IO server. Qt-free.

``SocketIOSignaling`` is ``RealtimeSignaling`` for the ``calls`` rows (they ring on
``calls:{user_id}`` as always) with each call's channel on a Socket.IO server
(``SocketIOCallChannel``): the same five events and payloads as the Realtime channel
(DESIGN.md, call signalling), in a Socket.IO room per call, validated on arrival by
the same ``signals.parse_signal``. The contract with the server is
``docs/socketio-signalling.md``.

What Socket.IO adds over a Realtime broadcast: ``offer`` and ``answer`` are
acknowledged by the server with the number of sockets they reached, and sent again
(under the same message id, which the receiver drops if it has it already) until
the other side's socket got one, through reconnects, within ``JOIN_TIMEOUT_S``. The
other events wait out a reconnect, as the Realtime channel's do. A call whose server
stays away for ``SocketIOLink.lost_after_s`` (or no longer lets it in) ends:
``receive`` raises ``SignallingLost``.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import OrderedDict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import socketio

from gfdesk.calls.signaling import (
    JOIN_TIMEOUT_S,
    MAX_QUEUED,
    RESEND_PAUSE_S,
    CallChannel,
    ChannelClosed,
    QueuedChannel,
    RealtimeSignaling,
    RowListener,
    SignallingLost,
)
from gfdesk.calls.signals import Signal, SignalKind, signal_payload
from gfdesk.calls.sioclient import RelayRefused, SignallingServer, SocketIOLink
from gfdesk.log import call as log

if TYPE_CHECKING:
    from supabase import AsyncClient

    from gfdesk.core.connection import ConnectionSupervisor

#: Message ids remembered per channel to drop a message sent again.
MAX_SEEN_IDS = 256
#: Events the server acknowledges (the others are sent and forgotten).
ACKED = frozenset({SignalKind.OFFER, SignalKind.ANSWER})


class SocketIOCallChannel(QueuedChannel):
    """One call's room on a Socket.IO server.

    Args:
        link: the account's Socket.IO connection.
        call_id: the call.
        max_queued: messages held before ``receive`` (more is a flood).
    """

    def __init__(self, link: SocketIOLink, call_id: str, *,
                 max_queued: int = MAX_QUEUED) -> None:
        super().__init__(call_id, max_queued=max_queued)
        self._link = link
        self._joined = asyncio.Event()
        self._gone: str | None = None
        self._refusal: RelayRefused | None = None
        self._seen: OrderedDict[str, None] = OrderedDict()

    # -- RoomListener (called by the link) -------------------------------------------

    def message(self, event: str, envelope: Mapping[str, Any]) -> None:
        message_id = envelope.get("id")
        if isinstance(message_id, str):
            if message_id in self._seen:
                return  # sent again after a lost acknowledgement
            self._seen[message_id] = None
            if len(self._seen) > MAX_SEEN_IDS:
                self._seen.popitem(last=False)
        self._arrived(event, envelope.get("payload"))

    def up(self) -> None:
        self._joined.set()

    def lost(self, reason: str, refusal: RelayRefused | None = None) -> None:
        self._gone, self._refusal = reason, refusal
        self._joined.set()  # wake whoever waits to send: they fail now
        self._lost(reason)

    # -- CallChannel ----------------------------------------------------------------

    async def connect(self) -> None:
        try:
            async with asyncio.timeout(JOIN_TIMEOUT_S):
                await self._link.join(self.call_id, self)
                await self._joined.wait()
        except TimeoutError:
            await self._link.leave(self.call_id)
            raise TimeoutError(f"{self.topic}: not joined on {self._link.server.url} in "
                               f"{JOIN_TIMEOUT_S:.0f} s ({self._link.last_error or 'no answer'})"
                               ) from None
        if self._refusal is not None:
            raise self._refusal
        if self._gone is not None:
            raise SignallingLost(f"{self.topic}: {self._gone}")

    async def send(self, signal: Signal) -> None:
        if self._closed:
            raise ChannelClosed(self.topic)
        kind, payload = signal_payload(signal)
        envelope = {"call_id": self.call_id, "id": uuid.uuid4().hex, "payload": payload}
        async with asyncio.timeout(JOIN_TIMEOUT_S):
            while True:
                await self._wait_joined()
                try:
                    if kind not in ACKED:
                        await self._link.emit(kind.value, envelope)
                        return
                    ack = await self._link.call(kind.value, envelope)
                except (TimeoutError, socketio.exceptions.SocketIOError):
                    continue  # the connection dropped: after the rejoin, once more
                if _delivered(ack, kind) > 0:
                    return
                # Nobody else in the room yet (their socket is reconnecting): again.
                await asyncio.sleep(RESEND_PAUSE_S)

    async def _wait_joined(self) -> None:
        while not self._link.joined(self.call_id):
            if self._gone is not None:
                raise SignallingLost(f"{self.topic}: {self._gone}")
            if self._closed:
                raise ChannelClosed(self.topic)
            self._joined.clear()
            if self._link.joined(self.call_id):
                break
            await self._joined.wait()

    async def close(self) -> None:
        if not self._close_queue():
            return
        await self._link.leave(self.call_id)


def _delivered(ack: object, kind: SignalKind) -> int:
    """How many sockets an acknowledged message reached.

    Raises:
        RelayRefused: the server refused it for a reason sending again cannot fix.
    """
    if isinstance(ack, Mapping) and ack.get("ok") is True:
        delivered = ack.get("delivered")
        return delivered if isinstance(delivered, int) else 1
    code = str(ack.get("code", "")) if isinstance(ack, Mapping) else "bad_ack"
    if code == "not_joined":
        return 0  # the server restarted and our rejoin is on its way
    message = str(ack.get("message", "")) if isinstance(ack, Mapping) else ""
    raise RelayRefused(code or "refused", f"{kind.value} refused: {message[:200]}")


class SocketIOSignaling(RealtimeSignaling):
    """Rows as ``RealtimeSignaling``, each call's messages on a Socket.IO server.

    Args:
        client: the signed-in official client (rows, and the access token the
            Socket.IO server checks).
        connection: the realtime supervisor (for ``calls:{user_id}``).
        user_id: who we are.
        server: the Socket.IO server and its token.
        link: a link to use instead of one made here (tests tune its timers).
    """

    def __init__(self, client: AsyncClient, connection: ConnectionSupervisor, user_id: str,
                 server: SignallingServer, *, link: SocketIOLink | None = None) -> None:
        super().__init__(client, connection, user_id)
        self.link = link or SocketIOLink(server, self._access_token)

    async def _access_token(self) -> str:
        session = await self._client.auth.get_session()
        if session is None:
            raise RuntimeError("signed out")
        return str(session.access_token)

    async def connect(self, on_row: RowListener) -> None:
        await super().connect(on_row)
        # Connected before the first call, so a call does not wait for the handshake.
        self.link.start()

    def channel(self, call_id: str) -> CallChannel:
        return SocketIOCallChannel(self.link, call_id)

    async def close(self) -> None:
        await super().close()
        await self.link.aclose()
        log.debug("socketio %s: closed", self.link.server.url)
