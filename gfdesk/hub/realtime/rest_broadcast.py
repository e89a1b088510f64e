"""REST broadcast: ``POST /realtime/v1/api/broadcast[/{topic}/events/{event}]`` (spec 3.5). Qt-free.

Both endpoints authenticate with ``Authorization: Bearer <jwt>``, else the ``apikey``
header (401 ``{"message":"Unauthorized"}``), deliver to every subscriber of
``realtime:<topic>`` (no sender to exclude) and answer 202 with an empty body.

- Batch: ``{"messages":[{topic, event, payload, private?, id?}]}``; any invalid message
  makes the whole request a 422 with Ecto-style errors, one entry per message.
- Single: the body is the payload; JSON (a non-object is wrapped as ``{"_json": …}``
  like Phoenix's JSON parser does) or ``application/octet-stream`` (raw bytes, which
  only vsn 2.0.0 subscribers can receive, as kind-4 frames); other types get 415.
- A body that is not JSON (or nests too deep to read) is a 400, as Phoenix's body
  parser answers.

Private topics need the write rule of Realtime Authorization for the caller's token
(``authorization``): the batch skips the messages it refuses (still 202), the single
endpoint answers 403, as the real server does.
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from gfdesk.hub.keys import InvalidToken
from gfdesk.hub.realtime.channels import REALTIME, TOPIC_PREFIX, Registry
from gfdesk.hub.realtime.framing import FrameError, dumps, loads
from gfdesk.hub.realtime.joins import flexible_bool
from gfdesk.hub.realtime.tokens import check

BLANK = "can't be blank"
INVALID = "is invalid"
TOO_LARGE = "Payload size exceeds tenant limit"
JSON_TYPES = ("application/json",)
BINARY_TYPE = "application/octet-stream"


def _json(status: int, body: Any) -> web.Response:
    return web.Response(status=status, body=json.dumps(body).encode(),
                        content_type="application/json")


def _bad_request() -> web.Response:
    # Phoenix's body parser refuses what is not JSON before the controller runs.
    return _json(400, {"errors": {"detail": "Bad Request"}})


def _unauthorized() -> web.Response:
    return _json(401, {"message": "Unauthorized"})


def _claims(request: web.Request, registry: Registry) -> dict[str, Any] | None:
    """The claims of the request's token (Bearer, else ``apikey``); None if invalid."""
    auth = request.headers.get("Authorization", "")
    scheme, _, token = auth.partition(" ")
    if not (auth and scheme.lower() == "bearer" and token.strip()):
        token = request.headers.get("apikey", "")
    try:
        return check(registry.keys, token.strip())
    except InvalidToken:
        return None


def _may_send(registry: Registry, topic: str, private: bool, claims: dict[str, Any]) -> bool:
    return not private or registry.authorizer.permissions(topic, claims).write


def _accepted() -> web.Response:
    return web.Response(status=202)


def _message_errors(message: Any, limit: int) -> tuple[dict[str, list[str]], str | None]:
    """Ecto-style field errors of one batch message, and its payload JSON when valid."""
    if not isinstance(message, dict):
        return {"message": [INVALID]}, None
    errors: dict[str, list[str]] = {}
    for name in ("topic", "event"):
        value = message.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            errors[name] = [BLANK]
        elif not isinstance(value, str):
            errors[name] = [INVALID]
    payload = message.get("payload")
    payload_json = None
    if payload is None:
        errors["payload"] = [BLANK]
    elif not isinstance(payload, dict):
        errors["payload"] = [INVALID]
    else:
        outgoing: dict[str, Any] = {"type": "broadcast", "event": message.get("event"),
                                    "payload": payload}
        msg_id = message.get("id")
        if msg_id is not None:
            if isinstance(msg_id, str):
                outgoing["meta"] = {"id": msg_id}
            else:
                errors["id"] = [INVALID]
        try:
            payload_json = dumps(outgoing)
        except FrameError:
            errors["payload"] = [INVALID]
        else:
            if len(payload_json.encode()) > limit:
                errors["payload"] = [TOO_LARGE]
    return errors, payload_json if not errors else None


async def batch_handler(request: web.Request) -> web.StreamResponse:
    """``POST /api/broadcast``: several messages, all or nothing."""
    registry = request.config_dict[REALTIME]
    claims = _claims(request, registry)
    if claims is None:
        return _unauthorized()
    body: Any = None
    if request.content_type in JSON_TYPES:
        try:
            body = loads(await request.read())
        except FrameError:
            return _bad_request()
    messages = body.get("messages") if isinstance(body, dict) else None
    if messages is None:
        return _json(422, {"errors": {"messages": [BLANK]}})
    if not isinstance(messages, list):
        return _json(422, {"errors": {"messages": [INVALID]}})
    limit = registry.settings.max_payload_bytes
    checked = [_message_errors(m, limit) for m in messages]
    if any(errors for errors, _ in checked):
        return _json(422, {"errors": {"messages": [errors for errors, _ in checked]}})
    for message, (_, payload_json) in zip(messages, checked, strict=True):
        assert payload_json is not None
        private = flexible_bool(message.get("private"))
        if _may_send(registry, message["topic"], private, claims):
            registry.broadcast(TOPIC_PREFIX + message["topic"], private, payload_json)
    return _accepted()


async def single_handler(request: web.Request) -> web.StreamResponse:
    """``POST /api/broadcast/{topic}/events/{event}``: the body is the payload."""
    registry = request.config_dict[REALTIME]
    claims = _claims(request, registry)
    if claims is None:
        return _unauthorized()
    topic = TOPIC_PREFIX + request.match_info["topic"]
    event = request.match_info["event"]
    private = flexible_bool(request.query.get("private"))
    if not _may_send(registry, request.match_info["topic"], private, claims):
        return _json(403, {"message": "Unauthorized"})
    raw = await request.read()
    if len(raw) > registry.settings.max_payload_bytes:
        return _json(422, {"errors": {"payload": [TOO_LARGE]}})
    if request.content_type == BINARY_TYPE:
        registry.broadcast_binary(topic, private, event, raw)
        return _accepted()
    if request.content_type not in JSON_TYPES:
        return _json(415, {"message": f"Unsupported content type {request.content_type!r}"})
    try:
        payload = loads(raw) if raw.strip() else {}
    except FrameError:
        return _bad_request()
    if not isinstance(payload, dict):
        payload = {"_json": payload}
    registry.broadcast(topic, private, dumps({"type": "broadcast", "event": event,
                                              "payload": payload}))
    return _accepted()
