"""Phoenix channel framing for Realtime, vsn 1.0.0 and 2.0.0 (spec 2.2, 2.3). Qt-free.

Pure codec, no I/O:

- V1 text frames are JSON objects; the server sends exactly ``topic``, ``event``,
  ``payload`` and ``ref`` (never ``join_ref``).
- V2 text frames are JSON arrays ``[join_ref, ref, topic, event, payload]``.
- V2 binary frames: kind 3 (client "user broadcast push") is decoded, kind 4 (server
  "user broadcast") is encoded; nothing else is binary.

Outgoing frames are built from an already serialized payload so a fan-out serializes
each payload once (``encode_v1``/``encode_v2`` take the payload's JSON text), and
``ws_frame`` wraps the encoded text in a complete, unmasked WebSocket frame so the
same bytes can be written to every subscriber's transport.
"""

from __future__ import annotations

import enum
import json
import math
import struct
from dataclasses import dataclass
from typing import Any

V1 = "1.0.0"
V2 = "2.0.0"
KIND_USER_BROADCAST_PUSH = 3
KIND_USER_BROADCAST = 4
ENCODING_BINARY = 0
ENCODING_JSON = 1
MAX_SHORT_STRING = 255
KIND3_HEADER_LEN = 7
OPCODE_TEXT = 0x1
OPCODE_BINARY = 0x2
_FIN = 0x80
_PACK_LEN1 = struct.Struct("!BB").pack
_PACK_LEN2 = struct.Struct("!BBH").pack
_PACK_LEN3 = struct.Struct("!BBQ").pack


class Version(enum.Enum):
    """The serializer a socket negotiated through its ``vsn`` query parameter."""

    V1 = V1
    V2 = V2


class FrameError(ValueError):
    """A client frame that is not a Phoenix message; the text says what is wrong."""


@dataclass(frozen=True)
class Frame:
    """One decoded client message."""

    topic: str
    event: str
    payload: Any
    ref: str | None
    join_ref: str | None
    #: A kind-3 push whose user payload is raw bytes (encoding 0); V1 cannot carry it.
    binary_payload: bytes | None = None


def _reject_constant(name: str) -> Any:
    raise FrameError(f"{name} is not valid JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise FrameError(f"number {text[:20]} is out of range")
    return value


_DECODER = json.JSONDecoder(parse_constant=_reject_constant, parse_float=_finite_float)


def loads(text: str | bytes) -> Any:
    """Strict JSON: no NaN/Infinity, no out-of-range floats, bounded nesting.

    Raises:
        FrameError: not JSON, or JSON the clients could not parse back.
    """
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        return _DECODER.decode(text)
    except FrameError:
        raise
    except (ValueError, RecursionError) as exc:
        raise FrameError(f"invalid JSON: {str(exc)[:80]}") from None


def dumps(value: Any) -> str:
    """Compact JSON text; refuses values a client could not parse (lone surrogates).

    Raises:
        FrameError: the value cannot be encoded as UTF-8 JSON.
    """
    try:
        text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        text.encode("utf-8")
    except (ValueError, TypeError, RecursionError, UnicodeEncodeError) as exc:
        raise FrameError(f"payload cannot be encoded: {str(exc)[:80]}") from None
    return text


def _opt_ref(value: Any, name: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise FrameError(f"{name} must be a string or null")


def decode_text(text: str, version: Version) -> Frame:
    """Decode a text frame of the socket's serializer.

    Raises:
        FrameError: not a well-formed message for ``version``.
    """
    data = loads(text)
    if version is Version.V1:
        if not isinstance(data, dict):
            raise FrameError("a vsn 1.0.0 message must be a JSON object")
        missing = [k for k in ("topic", "event", "payload", "ref") if k not in data]
        if missing:
            raise FrameError(f"message lacks {', '.join(missing)}")
        join_ref, ref = data.get("join_ref"), data["ref"]
        topic, event, payload = data["topic"], data["event"], data["payload"]
    else:
        if not isinstance(data, list) or len(data) != 5:
            raise FrameError("a vsn 2.0.0 message must be a 5-element JSON array")
        join_ref, ref, topic, event, payload = data
    if not isinstance(topic, str) or not isinstance(event, str):
        raise FrameError("topic and event must be strings")
    return Frame(topic, event, payload, _opt_ref(ref, "ref"), _opt_ref(join_ref, "join_ref"))


def decode_binary(data: bytes, version: Version) -> Frame:
    """Decode a binary frame: only V2 kind 3 (user broadcast push) exists.

    Raises:
        FrameError: V1 socket, unknown kind, or a truncated/inconsistent frame.
    """
    if version is Version.V1:
        raise FrameError("binary frames need vsn 2.0.0")
    if not data:
        raise FrameError("empty binary frame")
    if data[0] != KIND_USER_BROADCAST_PUSH:
        raise FrameError(f"unsupported binary frame kind {data[0]}")
    if len(data) < KIND3_HEADER_LEN:
        raise FrameError("truncated binary frame header")
    lens = data[1:6]
    encoding = data[6]
    if encoding not in (ENCODING_BINARY, ENCODING_JSON):
        raise FrameError(f"unknown payload encoding {encoding}")
    pos = KIND3_HEADER_LEN
    parts: list[bytes] = []
    for length in lens:
        if pos + length > len(data):
            raise FrameError("truncated binary frame")
        parts.append(data[pos:pos + length])
        pos += length
    try:
        join_ref, ref, topic, user_event, metadata = (p.decode("utf-8") for p in parts)
    except UnicodeDecodeError:
        raise FrameError("binary frame strings must be UTF-8") from None
    body = data[pos:]
    meta = loads(metadata) if metadata else None
    if meta is not None and not isinstance(meta, dict):
        raise FrameError("binary frame metadata must be a JSON object")
    payload: dict[str, Any] = {"type": "broadcast", "event": user_event}
    binary: bytes | None = None
    if encoding == ENCODING_JSON:
        payload["payload"] = loads(body)
    else:
        binary = bytes(body)
    if meta:
        payload["meta"] = meta
    return Frame(topic, "broadcast", payload, ref or None, join_ref or None, binary)


def _ref_json(ref: str | None) -> str:
    return "null" if ref is None else json.dumps(ref)


def encode_v1(topic: str, event: str, payload_json: str, ref: str | None = None) -> str:
    """A server->client V1 frame with exactly the four keys the clients expect."""
    return (f'{{"topic":{json.dumps(topic)},"event":{json.dumps(event)},'
            f'"payload":{payload_json},"ref":{_ref_json(ref)}}}')


def encode_v2(join_ref: str | None, ref: str | None, topic: str, event: str,
              payload_json: str) -> str:
    """A server->client V2 frame ``[join_ref, ref, topic, event, payload]``."""
    return (f"[{_ref_json(join_ref)},{_ref_json(ref)},{json.dumps(topic)},"
            f"{json.dumps(event)},{payload_json}]")


def encode(version: Version, join_ref: str | None, ref: str | None, topic: str, event: str,
           payload_json: str) -> str:
    """Encode for ``version``; V1 drops ``join_ref`` as Phoenix's V1 serializer does."""
    if version is Version.V1:
        return encode_v1(topic, event, payload_json, ref)
    return encode_v2(join_ref, ref, topic, event, payload_json)


def encode_user_broadcast(topic: str, user_event: str, payload: bytes, *,
                          json_payload: bool) -> bytes:
    """A kind-4 binary frame (server -> V2 client) carrying one user broadcast.

    Raises:
        FrameError: topic or event longer than 255 bytes.
    """
    topic_b, event_b = topic.encode(), user_event.encode()
    if len(topic_b) > MAX_SHORT_STRING or len(event_b) > MAX_SHORT_STRING:
        raise FrameError("topic and event must be at most 255 bytes")
    encoding = ENCODING_JSON if json_payload else ENCODING_BINARY
    header = bytes((KIND_USER_BROADCAST, len(topic_b), len(event_b), 0, encoding))
    return header + topic_b + event_b + payload


def encode_user_broadcast_push(join_ref: str, ref: str, topic: str, user_event: str,
                               payload: bytes, *, json_payload: bool = True) -> bytes:
    """A kind-3 binary frame, as supabase-js sends it (used by tests and benchmarks)."""
    fields = [s.encode() for s in (join_ref, ref, topic, user_event)]
    encoding = ENCODING_JSON if json_payload else ENCODING_BINARY
    header = bytes((KIND_USER_BROADCAST_PUSH, *(len(f) for f in fields), 0, encoding))
    return header + b"".join(fields) + payload


def ws_frame(data: bytes, opcode: int = OPCODE_TEXT) -> bytes:
    """A complete unmasked, uncompressed server WebSocket frame (RFC 6455 5.2)."""
    length = len(data)
    first = _FIN | opcode
    if length < 126:
        return _PACK_LEN1(first, length) + data
    if length < 65536:
        return _PACK_LEN2(first, 126, length) + data
    return _PACK_LEN3(first, 127, length) + data
