"""What the hub does with each client message on a Realtime socket (spec 2.4-2.10, 3, 4). Qt-free.

``handle(conn, frame)`` routes one decoded frame: heartbeats, joins, leaves, token
refreshes, broadcasts and presence. Every way a message can be wrong ends in the
real server's reply or shutdown for that client only; nothing here raises for bad
input. postgres_changes subscriptions are handed to the change feed
(``gfdesk.hub.realtime.changes``); ``joins.py`` parses join payloads.

Private channels are authorized (``authorization``): a join needs the topic's read
rule, and the write rule, evaluated at join and at each token refresh, decides
whether the channel's broadcasts go out (silently dropped otherwise, as on the real
server) and whether presence may be tracked (an error reply otherwise). A tracked
meta's ``user_id`` must be the caller's own on a private channel.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from gfdesk.hub.channelrules import presence_meta_allowed
from gfdesk.hub.keys import InvalidToken
from gfdesk.hub.realtime import joins
from gfdesk.hub.realtime.authorization import PRIVATE_ONLY, read_denied, read_lost
from gfdesk.hub.realtime.changes import ChangeSubscription
from gfdesk.hub.realtime.channels import TOPIC_PREFIX, Channel, sub_topic
from gfdesk.hub.realtime.connection import CLOSE_POLICY, Connection
from gfdesk.hub.realtime.framing import Frame, FrameError, dumps
from gfdesk.hub.realtime.limits import (
    PAYLOAD_TOO_LARGE,
    TOO_MANY_CHANNELS,
    TOO_MANY_JOINS,
    TOO_MANY_MESSAGES,
    TRACK_TOO_LARGE,
)
from gfdesk.hub.realtime.tokens import IGNORED_TOKEN_PREFIX, join_reason, token_text
from gfdesk.log import hub as log

PHOENIX_TOPIC = "phoenix"
UNMATCHED_TOPIC = {"reason": "unmatched topic"}
#: A client this far over the message rate is flooding: its socket is closed.
FLOOD_FACTOR = 10
TRACK_NOT_A_MAP = {"reason": "Presence track payload must be a map"}
BROADCAST_INVALID = {"reason": "Broadcast payload must be an object with a string event"}
PRESENCE_NOT_YOURS = {"reason": "Presence meta user_id must be your own user id"}


async def handle(conn: Connection, frame: Frame) -> None:
    """Act on one client message (the socket's receive loop awaits this)."""
    if frame.topic == PHOENIX_TOPIC and frame.event == "heartbeat":
        conn.reply(None, frame.ref, PHOENIX_TOPIC, "ok", {})
        return
    if not conn.message_rate.hit(time.monotonic()):
        await _over_message_rate(conn, frame)
        return
    if frame.event == "phx_join":
        await _join(conn, frame)
        return
    channel = conn.channels.get(frame.topic)
    if channel is None:
        if frame.event == "phx_leave":
            conn.reply(frame.join_ref, frame.ref, frame.topic, "ok", {})
        else:
            conn.reply(frame.join_ref, frame.ref, frame.topic, "error", UNMATCHED_TOPIC)
        return
    if frame.join_ref is not None and frame.join_ref != channel.join_ref:
        return  # a push for an earlier instance of this channel (spec 2.3)
    handler = _CHANNEL_EVENTS.get(frame.event)
    if handler is not None:
        handler(conn, channel, frame)
    # Unknown events on a joined channel are ignored, as on the real server.


async def _over_message_rate(conn: Connection, frame: Frame) -> None:
    if conn.message_rate.count > conn.message_rate.limit * FLOOD_FACTOR:
        await conn.close(CLOSE_POLICY, TOO_MANY_MESSAGES)
        return
    channel = conn.channels.get(frame.topic)
    if channel is not None:
        conn.shutdown_channel(channel, TOO_MANY_MESSAGES)
    elif frame.ref is not None:
        conn.reply(frame.join_ref, frame.ref, frame.topic, "error",
                   {"reason": TOO_MANY_MESSAGES})


# -- join -----------------------------------------------------------------------------

async def _join_error(conn: Connection, frame: Frame, reason: str) -> None:
    delay = conn.registry.settings.join_error_delay_s
    if delay > 0:
        await asyncio.sleep(delay)
    log.info("realtime: connection %d: join %s refused: %s", conn.id, frame.topic, reason)
    conn.reply(frame.join_ref, frame.ref, frame.topic, "error", {"reason": reason})


async def _join(conn: Connection, frame: Frame) -> None:
    if not frame.topic.startswith(TOPIC_PREFIX):
        conn.reply(frame.join_ref, frame.ref, frame.topic, "error", UNMATCHED_TOPIC)
        return
    old = conn.channels.get(frame.topic)
    if old is not None:
        # Duplicate join (a client rejoin): the old instance closes first (spec 2.9).
        conn.send_close(old.topic, old.join_ref)
        conn.drop_channel(old)
    settings = conn.registry.settings
    if not conn.join_rate.hit(time.monotonic()):
        conn.reply(frame.join_ref, frame.ref, frame.topic, "error", {"reason": TOO_MANY_JOINS})
        await conn.close(CLOSE_POLICY, "Too many joins per second")
        return
    if frame.topic == TOPIC_PREFIX:
        await _join_error(conn, frame, joins.TOPIC_NAME_REQUIRED)
        return
    if len(conn.channels) >= settings.channels_per_connection:
        await _join_error(conn, frame, TOO_MANY_CHANNELS)
        return
    request = joins.parse(frame.payload)
    token = request.access_token or conn.token
    try:
        claims = conn.tokens.decode(token)
    except InvalidToken as exc:
        await _join_error(conn, frame, join_reason(exc))
        return
    name = sub_topic(frame.topic)
    authorizer = conn.registry.authorizer
    if not request.private and not authorizer.public_join_allowed(name):
        await _join_error(conn, frame, PRIVATE_ONLY)
        return
    if request.replay and not request.private:
        await _join_error(conn, frame, joins.REPLAY_NOT_ALLOWED)
        return
    may_send = True
    if request.private:
        permissions = authorizer.permissions(name, claims)
        if not permissions.read:
            await _join_error(conn, frame, read_denied(name))
            return
        may_send = permissions.write
    if conn.closed or conn.channels.get(frame.topic) is not None:
        return  # the socket closed, or another join won, while the error delay ran
    channel = Channel(conn, frame.topic, frame.join_ref, request.private,
                      request.self_broadcast, request.ack, request.presence_key,
                      request.presence_enabled, claims, token, may_send)
    conn.channels[frame.topic] = channel
    topic = conn.registry.add(channel)
    bindings, system_messages = _subscribe_changes(conn, channel, request.postgres_changes)
    conn.reply(channel.join_ref, frame.ref, frame.topic, "ok", {"postgres_changes": bindings})
    if channel.presence_enabled:
        conn.send(channel.join_ref, None, frame.topic, "presence_state", topic.presence.state())
    for message in system_messages:
        conn.send(channel.join_ref, None, frame.topic, "system",
                  {**message, "channel": channel.sub_topic})
    _schedule_expiry(conn, channel)


def _subscribe_changes(conn: Connection, channel: Channel,
                       bindings: list[Any]) -> tuple[list[Any], list[dict[str, Any]]]:
    if not bindings:
        return [], []
    feed = conn.registry.change_feed
    if feed is None:
        # No database behind this registry: ids keep the clients' binding check happy.
        return [{**b, "id": conn.registry.next_id()} for b in bindings
                if isinstance(b, dict)], []
    key = conn.registry.next_id()
    result = feed.subscribe(ChangeSubscription(
        key=key, bindings_config=bindings, claims=channel.claims,
        deliver=channel.deliver_change))
    channel.change_key = key
    return list(result.reply_bindings), list(result.system_messages)


def _schedule_expiry(conn: Connection, channel: Channel) -> None:
    """Shut the channel down when its token expires (the real ``:confirm_token``)."""
    if channel.expiry is not None:
        channel.expiry.cancel()
    exp = channel.claims.get("exp")
    if not isinstance(exp, int | float):
        return
    delay = max(0.0, float(exp) - time.time()) + 0.01
    channel.expiry = asyncio.get_running_loop().call_later(
        min(delay, 86400.0 * 365), _confirm_token, conn, channel)


def _confirm_token(conn: Connection, channel: Channel) -> None:
    channel.expiry = None
    try:
        conn.tokens.decode(channel.token)
    except InvalidToken as exc:
        conn.shutdown_channel(channel, token_text(exc, with_age=True))
        return
    _schedule_expiry(conn, channel)


# -- events on a joined channel ----------------------------------------------------------

def _leave(conn: Connection, channel: Channel, frame: Frame) -> None:
    conn.reply(channel.join_ref, frame.ref, channel.topic, "ok", {})
    conn.send_close(channel.topic, channel.join_ref)
    conn.drop_channel(channel)


def _access_token(conn: Connection, channel: Channel, frame: Frame) -> None:
    payload = frame.payload if isinstance(frame.payload, dict) else {}
    token = payload.get("access_token")
    if not isinstance(token, str) or token.startswith(IGNORED_TOKEN_PREFIX) \
            or token == channel.token:
        return
    try:
        claims = conn.tokens.decode(token)
    except InvalidToken as exc:
        conn.shutdown_channel(channel, token_text(exc, with_age=True))
        return
    if channel.private:
        # The real server re-evaluates the policies with the new claims.
        permissions = conn.registry.authorizer.permissions(channel.sub_topic, claims)
        if not permissions.read:
            conn.shutdown_channel(channel, read_lost(channel.sub_topic))
            return
        channel.may_send = permissions.write
    channel.token, channel.claims = token, claims
    _schedule_expiry(conn, channel)
    feed = conn.registry.change_feed
    if channel.change_key is not None and feed is not None:
        feed.update_claims(channel.change_key, claims)
        conn.system(channel, joins.SUBSCRIBED_TO_POSTGRES, ok=True,
                    extension="postgres_changes")


def _broadcast(conn: Connection, channel: Channel, frame: Frame) -> None:
    if not channel.may_send:
        return  # no write permission: dropped, no ack either (spec 2.11)
    message = joins.broadcast_message(frame.payload)
    if message is None:
        if channel.ack:
            conn.reply(channel.join_ref, frame.ref, channel.topic, "error", BROADCAST_INVALID)
        return
    registry = conn.registry
    exclude = None if channel.self_broadcast else channel
    if frame.binary_payload is not None:
        too_big = len(frame.binary_payload) > registry.settings.max_payload_bytes
        if not too_big:
            registry.broadcast_binary(channel.topic, channel.private, message["event"],
                                      frame.binary_payload, exclude=exclude)
    else:
        try:
            payload_json = dumps(message)
        except FrameError:
            if channel.ack:
                conn.reply(channel.join_ref, frame.ref, channel.topic, "error",
                           BROADCAST_INVALID)
            return
        # The limit is in bytes (max_payload_size_in_kb), not characters.
        too_big = len(payload_json.encode()) > registry.settings.max_payload_bytes
        if not too_big:
            registry.broadcast(channel.topic, channel.private, payload_json, exclude=exclude)
    if channel.ack:
        if too_big:
            conn.reply(channel.join_ref, frame.ref, channel.topic, "error", PAYLOAD_TOO_LARGE)
        else:
            conn.reply(channel.join_ref, frame.ref, channel.topic, "ok", {})


def _presence(conn: Connection, channel: Channel, frame: Frame) -> None:
    payload = frame.payload if isinstance(frame.payload, dict) else {}
    event = payload.get("event")
    event = event.lower() if isinstance(event, str) else None
    registry = conn.registry
    topic = registry.add(channel)  # idempotent: the channel's topic
    if event == "track":
        state = payload.get("payload")
        if not channel.may_send:
            conn.reply(channel.join_ref, frame.ref, channel.topic, "error", {})
            return
        if not isinstance(state, dict):
            conn.reply(channel.join_ref, frame.ref, channel.topic, "error", TRACK_NOT_A_MAP)
            return
        if channel.private and not presence_meta_allowed(state, channel.claims):
            # Someone else's user_id: everyone would see that user in this state.
            conn.reply(channel.join_ref, frame.ref, channel.topic, "error",
                       PRESENCE_NOT_YOURS)
            return
        try:
            size = len(dumps(state).encode())
        except FrameError:
            conn.reply(channel.join_ref, frame.ref, channel.topic, "error", TRACK_NOT_A_MAP)
            return
        if size > registry.settings.max_payload_bytes:
            conn.shutdown_channel(channel, TRACK_TOO_LARGE)
            return
        diff = topic.presence.track(channel, channel.presence_key, state)
    elif event == "untrack":
        diff = topic.presence.untrack(channel)
    else:
        conn.reply(channel.join_ref, frame.ref, channel.topic, "error", {})
        return
    if diff is not None:
        registry.fan_presence_diff(topic, diff)
    conn.reply(channel.join_ref, frame.ref, channel.topic, "ok", {})


_CHANNEL_EVENTS = {
    "phx_leave": _leave,
    "access_token": _access_token,
    "broadcast": _broadcast,
    "presence": _presence,
}
