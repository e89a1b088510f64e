"""The call relay: one Socket.IO room per call, between the call's two parties only. Qt-free.

The event contract is ``docs/socketio-signalling.md``; in short:

- connect with ``auth = {token, access_token}``: ``token`` is this hub's API key (the
  anon key the app signs in with), ``access_token`` the user's session JWT; refused
  with a ``connect_error`` whose ``data.code`` says why;
- ``join`` / ``leave`` ``{call_id}`` (acknowledged): a socket joins ``call:{call_id}``
  only if its user is the ``calls`` row's caller or callee and the row still rings
  or talks (the same row rule as the Realtime topic ``call:{call_id}``);
- ``offer``, ``answer``, ``ice``, ``media``, ``hangup`` with ``{call_id, id, payload}``
  go to the room's other sockets as ``{call_id, id, from, payload}``; the
  acknowledgement says how many sockets it went to.

Handlers run inline, one event at a time per socket (``async_handlers=False``), so a
call's messages leave in the order they came. The relay checks envelopes, not
signalling: the payloads are validated by the receiving app (``gfdesk.calls.signals``),
as the Realtime service leaves broadcasts to their receivers.

Bounds, like the Realtime service's (``realtime.limits``, ``realtime.settings``): a
frame over ``max_frame_bytes`` closes the socket (aiohttp's 1009), a payload over
``max_payload_bytes`` is refused, events and joins per second are limited per socket,
a socket joins at most ``calls_per_socket`` calls, a room holds at most
``sockets_per_call`` sockets; a socket whose unsent output passes
``max_socket_backlog_bytes`` is cut off, and so are the largest backlogs while the
hub's unsent output (Realtime's and the relay's, ``outbound``) is over its budget.
"""

from __future__ import annotations

import enum
import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from gfdesk.hub.callrelay.outbound import MeteredQueue, MeteredServer, OutboundMeter
from gfdesk.hub.channelrules import caller_uid, canonical_uuid
from gfdesk.hub.gateway import TokenCache
from gfdesk.hub.keys import InvalidToken, TokenError
from gfdesk.hub.realtime.limits import RateWindow
from gfdesk.hub.realtime.socket import limit_kernel_buffer
from gfdesk.log import hub as log

ROOM_PREFIX = "call:"
#: The signalling events relayed (DESIGN.md, call signalling).
SIGNAL_EVENTS = ("offer", "answer", "ice", "media", "hangup")
#: Statuses of a call whose room may be joined.
LIVE_STATUSES = frozenset({"ringing", "accepted"})
API_KEY_ROLES = frozenset({"anon", "service_role"})
#: Keys of a signalling envelope from a client.
ENVELOPE_KEYS = frozenset({"call_id", "id", "payload"})
MAX_MESSAGE_ID_CHARS = 64
#: python-socketio's and Engine.IO's own chatter (INFO lines carry payloads) stays out
#: of the hub's log; their warnings and errors come through.
LIBRARY_LOGGER = "gfdesk.hub.socketio"


class Code(enum.Enum):
    """Why the relay refused something (``code`` on the wire)."""

    TOKEN_INVALID = "token_invalid"
    ACCESS_TOKEN_INVALID = "access_token_invalid"
    ACCESS_TOKEN_EXPIRED = "access_token_expired"
    NOT_SIGNED_IN = "not_signed_in"
    BAD_REQUEST = "bad_request"
    FORBIDDEN = "forbidden"
    CALL_OVER = "call_over"
    NOT_JOINED = "not_joined"
    TOO_LARGE = "too_large"
    TOO_MANY_CALLS = "too_many_calls"
    CALL_FULL = "call_full"
    RATE_LIMITED = "rate_limited"
    UNKNOWN_EVENT = "unknown_event"


class Refused(Exception):
    """A request the relay refuses; ``code`` and the message go back to the client."""

    def __init__(self, code: Code, message: str) -> None:
        super().__init__(message)
        self.code = code

    def ack(self) -> dict[str, Any]:
        return {"ok": False, "code": self.code.value, "message": str(self)}


@dataclass(frozen=True)
class RelaySettings:
    """Limits and timers of the call relay."""

    #: Largest Engine.IO packet a client may send (its ``maxPayload``).
    max_frame_bytes: int = 256 * 1024
    #: Largest signalling payload relayed (JSON); an SDP is at most 64 Ki characters.
    max_payload_bytes: int = 160 * 1024
    #: Signalling events per second per socket (Realtime's client message limit).
    messages_per_second: int = 100
    joins_per_second: int = 10
    calls_per_socket: int = 4
    #: A party may be in a call from more than one device; more is not a 1:1 call.
    sockets_per_call: int = 8
    #: Unsent output one socket may have before it is cut off as too slow.
    max_socket_backlog_bytes: int = 4 * 1024 * 1024
    #: Engine.IO heartbeats: a silent client is gone after interval + timeout.
    ping_interval_s: float = 10.0
    ping_timeout_s: float = 10.0


class RowSource(Protocol):
    """What the relay needs of the store: a small read on the loop."""

    def query(self, sql: str, params: Any = ...) -> list[Any]: ...


@dataclass(eq=False)
class Member:
    """One connected socket: who it is, what it joined, what it has not sent yet."""

    sid: str
    user_id: str
    token: str = field(repr=False)
    transport: Any = field(repr=False)
    queue: MeteredQueue | None = field(repr=False)
    message_rate: RateWindow
    join_rate: RateWindow
    calls: set[str] = field(default_factory=set)
    dropped: bool = False

    @property
    def backlog(self) -> int:
        return self.queue.bytes if self.queue is not None else 0


def _call_id(data: object) -> str:
    value = data.get("call_id") if isinstance(data, Mapping) else None
    call_id = canonical_uuid(value) if isinstance(value, str) else None
    if call_id is None:
        raise Refused(Code.BAD_REQUEST, "call_id must be a call's UUID")
    return call_id


class CallRelay:
    """The Socket.IO server of the call relay and the rooms of its calls.

    Args:
        tokens: verifies API keys and access tokens (the hub's JWT secret).
        rows: the store, for the ``calls`` row of a join.
        settings: limits and timers.
        hub_unsent: the rest of the hub's unsent output (the Realtime service's).
        budget: the hub-wide outbound budget the relay's output counts towards.
        clock: monotonic time for the rate windows.
    """

    def __init__(self, tokens: TokenCache, rows: RowSource, *,
                 settings: RelaySettings | None = None,
                 hub_unsent: Callable[[], int] = lambda: 0,
                 budget: int = 192 * 1024 * 1024,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings or RelaySettings()
        self._tokens = tokens
        self._rows = rows
        self._hub_unsent = hub_unsent
        self._budget = budget
        self._clock = clock
        self.meter = OutboundMeter()
        self._closed = False
        self.members: dict[str, Member] = {}
        #: Sockets in each call's room (the Socket.IO room holds the same).
        self.rooms: dict[str, set[str]] = {}
        library_log = logging.getLogger(LIBRARY_LOGGER)
        if library_log.level == logging.NOTSET:
            library_log.setLevel(logging.WARNING)
        s = self.settings
        self.server = MeteredServer(
            meter=self.meter, async_mode="aiohttp", async_handlers=False,
            logger=library_log, engineio_logger=library_log, transports=["websocket"],
            max_http_buffer_size=s.max_frame_bytes, ping_interval=s.ping_interval_s,
            ping_timeout=s.ping_timeout_s, cors_allowed_origins="*", http_compression=False)
        self.server.on("connect", self._connect)
        self.server.on("disconnect", self._disconnect)
        self.server.on("join", self._join)
        self.server.on("leave", self._leave)
        for event in SIGNAL_EVENTS:
            self.server.on(event, self._relay_handler(event))
        self.server.on("*", self._unknown)

    def __repr__(self) -> str:
        return f"CallRelay({len(self.members)} sockets, {len(self.rooms)} calls)"

    @property
    def unsent_bytes(self) -> int:
        """Output of the relay's sockets not yet written."""
        return self.meter.total

    # -- connecting -----------------------------------------------------------------

    async def _connect(self, sid: str, environ: dict[str, Any], auth: object) -> bool:
        try:
            user_id, access_token = self._authenticate(auth)
        except Refused as exc:
            log.info("call relay: connection refused: %s", exc.code.value)
            from socketio.exceptions import ConnectionRefusedError

            raise ConnectionRefusedError(str(exc), {"code": exc.code.value}) from None
        request = environ.get("aiohttp.request")
        transport = request.transport if request is not None else None
        if transport is not None:
            limit_kernel_buffer(transport)
        eio_sid = self.server.manager.eio_sid_from_sid(sid, "/")
        engine_socket = self.server.eio.sockets.get(eio_sid)
        queue = engine_socket.queue if engine_socket is not None else None
        s = self.settings
        self.members[sid] = Member(sid, user_id, access_token, transport,
                                   queue if isinstance(queue, MeteredQueue) else None,
                                   RateWindow(s.messages_per_second),
                                   RateWindow(s.joins_per_second))
        log.debug("call relay: %s connected (user %s)", sid, user_id)
        return True

    def _authenticate(self, auth: object) -> tuple[str, str]:
        if not isinstance(auth, Mapping):
            raise Refused(Code.TOKEN_INVALID, "auth must be {token, access_token}")
        key, access_token = auth.get("token"), auth.get("access_token")
        try:
            if not isinstance(key, str) or \
                    self._tokens.decode(key).get("role") not in API_KEY_ROLES:
                raise Refused(Code.TOKEN_INVALID, "token is not this server's API key")
        except InvalidToken:
            raise Refused(Code.TOKEN_INVALID, "token is not this server's API key") from None
        if not isinstance(access_token, str):
            raise Refused(Code.ACCESS_TOKEN_INVALID, "access_token is missing")
        claims = self._claims(access_token)
        user_id = caller_uid(claims)
        if user_id is None:
            raise Refused(Code.NOT_SIGNED_IN, "access_token is not a signed-in user's")
        return user_id, access_token

    def _claims(self, access_token: str) -> dict[str, Any]:
        try:
            return self._tokens.decode(access_token)
        except InvalidToken as exc:
            if exc.reason is TokenError.EXPIRED:
                raise Refused(Code.ACCESS_TOKEN_EXPIRED, "access_token has expired") from None
            raise Refused(Code.ACCESS_TOKEN_INVALID, "access_token is not valid") from None

    async def _disconnect(self, sid: str, reason: object = None) -> None:
        member = self.members.pop(sid, None)
        if member is None:
            return
        if member.queue is not None:
            member.queue.detach()
        for call_id in member.calls:
            self._forget(call_id, sid)
        log.debug("call relay: %s disconnected (%s)", sid, reason)

    def _forget(self, call_id: str, sid: str) -> None:
        room = self.rooms.get(call_id)
        if room is not None:
            room.discard(sid)
            if not room:
                del self.rooms[call_id]

    # -- rooms ----------------------------------------------------------------------

    def _member(self, sid: str) -> Member:
        member = self.members.get(sid)
        if member is None or member.dropped:
            raise Refused(Code.NOT_JOINED, "not connected")
        return member

    async def _join(self, sid: str, data: object = None) -> dict[str, Any]:
        try:
            member = self._member(sid)
            if not member.join_rate.hit(self._clock()):
                raise Refused(Code.RATE_LIMITED, "too many joins per second")
            call_id = _call_id(data)
            self._claims(member.token)  # still valid (a reconnect brings a fresh one)
            if call_id not in member.calls:
                self._check_party(member, call_id)
                await self.server.enter_room(sid, ROOM_PREFIX + call_id)
                member.calls.add(call_id)
                self.rooms.setdefault(call_id, set()).add(sid)
        except Refused as exc:
            return exc.ack()
        others = len(self.rooms[call_id]) - 1
        log.debug("call relay: %s joined call %s (%d other sockets)", sid, call_id[:8], others)
        return {"ok": True, "call_id": call_id, "others": others}

    def _check_party(self, member: Member, call_id: str) -> None:
        rows = self._rows.query("SELECT caller_id, callee_id, status FROM calls WHERE id = ?",
                                (call_id,))
        if not rows or member.user_id not in (str(rows[0][0]).lower(), str(rows[0][1]).lower()):
            # The same answer for a call that does not exist: ids are not probed.
            raise Refused(Code.FORBIDDEN, "not a party of this call")
        if rows[0][2] not in LIVE_STATUSES:
            raise Refused(Code.CALL_OVER, f"the call is {rows[0][2]}")
        if len(member.calls) >= self.settings.calls_per_socket:
            raise Refused(Code.TOO_MANY_CALLS,
                          f"at most {self.settings.calls_per_socket} calls per connection")
        if len(self.rooms.get(call_id, ())) >= self.settings.sockets_per_call:
            raise Refused(Code.CALL_FULL, "this call has too many connections")

    async def _leave(self, sid: str, data: object = None) -> dict[str, Any]:
        try:
            member = self._member(sid)
            call_id = _call_id(data)
        except Refused as exc:
            return exc.ack()
        if call_id in member.calls:
            member.calls.discard(call_id)
            self._forget(call_id, sid)
            await self.server.leave_room(sid, ROOM_PREFIX + call_id)
        return {"ok": True, "call_id": call_id}

    # -- relaying -------------------------------------------------------------------

    def _relay_handler(self, event: str) -> Callable[[str, object], Any]:
        async def relay(sid: str, data: object = None) -> dict[str, Any]:
            try:
                return await self._relay(event, sid, data)
            except Refused as exc:
                return exc.ack()
        return relay

    async def _relay(self, event: str, sid: str, data: object) -> dict[str, Any]:
        member = self._member(sid)
        if not member.message_rate.hit(self._clock()):
            raise Refused(Code.RATE_LIMITED, "too many messages per second")
        call_id = _call_id(data)
        assert isinstance(data, Mapping)
        if not set(data) <= ENVELOPE_KEYS:
            raise Refused(Code.BAD_REQUEST, "unknown keys in the message")
        message_id, payload = data.get("id"), data.get("payload")
        if message_id is not None and (not isinstance(message_id, str)
                                       or len(message_id) > MAX_MESSAGE_ID_CHARS):
            raise Refused(Code.BAD_REQUEST, "id must be a short string")
        if not isinstance(payload, Mapping):
            raise Refused(Code.BAD_REQUEST, "payload must be an object")
        if call_id not in member.calls:
            raise Refused(Code.NOT_JOINED, "join the call first")
        size = len(json.dumps(payload, separators=(",", ":")))
        if size > self.settings.max_payload_bytes:
            raise Refused(Code.TOO_LARGE, f"payload of {size} bytes (limit "
                                          f"{self.settings.max_payload_bytes})")
        recipients = [self.members[other] for other in self.rooms.get(call_id, ())
                      if other != sid and other in self.members
                      and not self.members[other].dropped]
        skipped = [sid, *(other for other in self.rooms.get(call_id, ())
                          if other not in {r.sid for r in recipients})]
        if recipients:
            await self.server.emit(event, {"call_id": call_id, "id": message_id,
                                           "from": member.user_id, "payload": dict(payload)},
                                   to=ROOM_PREFIX + call_id, skip_sid=skipped)
            for recipient in recipients:
                if recipient.backlog > self.settings.max_socket_backlog_bytes:
                    self._drop(recipient, f"too slow: {recipient.backlog} bytes unsent")
            self._keep_budget()
        return {"ok": True, "delivered": len(recipients)}

    async def _unknown(self, event: str, sid: str, *args: object) -> dict[str, Any]:
        return Refused(Code.UNKNOWN_EVENT, f"unknown event {event[:32]!r}").ack()

    # -- slow consumers -------------------------------------------------------------

    def _drop(self, member: Member, reason: str) -> None:
        """Cut a socket off at once (its backlog no longer counts)."""
        if member.dropped:
            return
        member.dropped = True
        log.info("call relay: %s dropped: %s", member.sid, reason)
        if member.queue is not None:
            member.queue.detach()
        if member.transport is not None:
            member.transport.abort()

    def _keep_budget(self) -> None:
        """Cut off the largest backlogs while the hub's unsent output is over budget."""
        budget = self._budget - self._hub_unsent()
        if self.meter.total <= budget:
            return
        for member in sorted(self.members.values(), key=lambda m: -m.backlog):
            if self.meter.total <= budget or not member.backlog:
                break
            self._drop(member, f"too slow: {member.backlog} bytes unsent while the hub is "
                               f"over its outbound budget of {self._budget}")

    async def close(self) -> None:
        """Close every socket (the hub is stopping) and stop the server's tasks."""
        for member in list(self.members.values()):
            self._drop(member, "the hub is stopping")
        if not self._closed:
            self._closed = True
            await self.server.shutdown()
