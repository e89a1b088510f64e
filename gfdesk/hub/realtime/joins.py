"""Parsing what clients put in ``phx_join`` and ``broadcast`` payloads (spec 2.6, 3.1). Qt-free.

Lenient like the real server: booleans are "flexible" (``true``, ``"true"``, ``1``),
``broadcast``/``presence`` may be null, null binding entries are dropped, and a payload
that is not an object means "all defaults". What cannot be used is ignored rather than
refused, since the real server logs an invalid join payload and goes on; a binding
that is not an object is kept, so the change feed answers it with the server's
"No subscription params provided" error instead of dropping it unanswered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gfdesk.hub.realtime.presence import presence_key
from gfdesk.hub.realtime.tokens import IGNORED_TOKEN_PREFIX

TOPIC_NAME_REQUIRED = "TopicNameRequired: You must provide a topic name"
REPLAY_NOT_ALLOWED = "UnableToReplayMessages: Replay is not allowed for public channels"
SUBSCRIBED_TO_POSTGRES = "Subscribed to PostgreSQL"
_TRUE_STRINGS = frozenset({"true", "1", "yes", "on"})


def flexible_bool(value: Any) -> bool:
    """Realtime's FlexibleBoolean: real booleans, ``"true"``-like strings, nonzero ints."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in _TRUE_STRINGS
    if isinstance(value, int | float):
        return value != 0
    return False


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class JoinRequest:
    """The parts of a join payload the hub acts on."""

    self_broadcast: bool = False
    ack: bool = False
    presence_enabled: bool = False
    presence_key: str = ""
    private: bool = False
    replay: bool = False
    #: ``config.postgres_changes`` without its null entries (others kept as sent).
    postgres_changes: list[Any] = field(default_factory=list)
    access_token: str | None = field(default=None, repr=False)


def parse(payload: Any) -> JoinRequest:
    """Read a ``phx_join`` payload; missing or odd parts take their defaults."""
    payload = _obj(payload)
    config = _obj(payload.get("config"))
    broadcast = _obj(config.get("broadcast"))
    presence = _obj(config.get("presence"))
    raw_changes = config.get("postgres_changes")
    changes = [b for b in raw_changes if b is not None] \
        if isinstance(raw_changes, list) else []
    token = payload.get("access_token", payload.get("user_token"))
    if not isinstance(token, str) or not token or token.startswith(IGNORED_TOKEN_PREFIX):
        token = None
    return JoinRequest(
        self_broadcast=flexible_bool(broadcast.get("self")),
        ack=flexible_bool(broadcast.get("ack")),
        presence_enabled=flexible_bool(presence.get("enabled")),
        presence_key=presence_key(presence.get("key")),
        private=flexible_bool(config.get("private")),
        replay=isinstance(broadcast.get("replay"), dict),
        postgres_changes=changes,
        access_token=token,
    )


def broadcast_message(payload: Any) -> dict[str, Any] | None:
    """The broadcast to fan out, rebuilt from a client's ``broadcast`` push.

    Only ``event`` (a string) and ``payload`` (an object; missing means ``{}``) are kept:
    the Python client drops a broadcast whose payload is not an object, and a stray
    ``meta`` it cannot validate would be logged as an error on every receiver.

    Returns:
        ``{"type": "broadcast", "event", "payload"}``, or None when unusable.
    """
    if not isinstance(payload, dict):
        return None
    event = payload.get("event")
    inner = payload.get("payload", {})
    if not isinstance(event, str) or not isinstance(inner, dict):
        return None
    return {"type": "broadcast", "event": event, "payload": inner}
