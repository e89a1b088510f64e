"""The messages of a call's channel and their validation. Qt-free, pure.

``call:{call_id}`` carries five broadcast events (DESIGN.md, call signalling):

- ``offer`` / ``answer``: ``{type, sdp}``;
- ``ice``: ``{candidate, sdpMid, sdpMLineIndex}``, as libwebrtc's ``RTCIceCandidate``
  serialises (an empty ``candidate`` is the end of candidates; ``usernameFragment`` is
  allowed and ignored);
- ``media``: ``{audio: bool, video: bool}``, what the sender is sending now;
- ``hangup``: ``{reason}``.

Everything from the other side is checked here before any of it reaches aiortc:
types, sizes (an SDP over ``MAX_SDP_CHARS``, a candidate over ``MAX_CANDIDATE_CHARS``)
and the candidate's grammar, so that a malformed message becomes a ``SignalError``
with a reason to log rather than an exception deep inside the peer.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: Largest SDP accepted. A browser's audio+video offer is 4-8 KB; 64 KiB leaves room
#: for many codecs and candidates, and still bounds what a peer has to parse.
MAX_SDP_CHARS = 64 * 1024
#: Largest ICE candidate line (real ones are 100-250 characters).
MAX_CANDIDATE_CHARS = 1024
#: Longest ``sdpMid`` (browsers use "0", "1", or short names like "audio").
MAX_MID_CHARS = 32
#: Highest m-line index accepted (a 1:1 call has two or three m-lines).
MAX_MLINE_INDEX = 63
#: Longest hang-up reason kept.
MAX_REASON_CHARS = 200
#: More keys than this in a payload is not a signalling message.
MAX_KEYS = 8

_TRANSPORTS = frozenset({"udp", "tcp"})
_CANDIDATE_TYPES = frozenset({"host", "srflx", "prflx", "relay"})


class SignalError(ValueError):
    """A message from the other side that is not valid signalling; ``str()`` is the
    reason to log (never the message itself: it carries the sender's addresses)."""


class SignalKind(enum.Enum):
    """The broadcast event of a call's channel."""

    OFFER = "offer"
    ANSWER = "answer"
    ICE = "ice"
    MEDIA = "media"
    HANGUP = "hangup"


@dataclass(frozen=True, slots=True)
class Description:
    """An offer or answer."""

    kind: SignalKind
    sdp: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A trickled ICE candidate; ``candidate == ""`` is the end of candidates."""

    candidate: str
    sdp_mid: str | None = None
    sdp_mline_index: int | None = None

    @property
    def is_end(self) -> bool:
        return self.candidate == ""


@dataclass(frozen=True, slots=True)
class MediaState:
    """What the sender is sending now."""

    audio: bool
    video: bool


@dataclass(frozen=True, slots=True)
class Hangup:
    """The sender hung up."""

    reason: str = ""


Signal = Description | Candidate | MediaState | Hangup


def _sdp(payload: Mapping[str, Any], kind: SignalKind) -> Description:
    if payload.get("type") != kind.value:
        raise SignalError(f"{kind.value} with type {str(payload.get('type'))[:20]!r}")
    sdp = payload.get("sdp")
    if not isinstance(sdp, str):
        raise SignalError(f"{kind.value} without an sdp string")
    if len(sdp) > MAX_SDP_CHARS:
        raise SignalError(f"{kind.value} of {len(sdp)} characters (limit {MAX_SDP_CHARS})")
    if not sdp.startswith("v=0") or "\nm=" not in sdp or "\x00" in sdp:
        raise SignalError(f"{kind.value} is not a session description")
    return Description(kind, sdp)


def check_candidate_line(line: str) -> None:
    """Check a ``candidate:...`` attribute value the way RFC 8839 section 5.1 writes it.

    Raises:
        SignalError: it is not one.
    """
    if not line.startswith("candidate:"):
        raise SignalError("ice candidate without the 'candidate:' prefix")
    fields = line[len("candidate:"):].split()
    if len(fields) < 8 or fields[6] != "typ":
        raise SignalError("ice candidate with too few fields")
    foundation, component, transport, priority, address, port, _, kind = fields[:8]
    if not (component.isdigit() and priority.isdigit() and port.isdigit()):
        raise SignalError("ice candidate with a non-numeric component, priority or port")
    if not 1 <= len(foundation) <= 32 or not 1 <= len(address) <= 255:
        raise SignalError("ice candidate with a bad foundation or address")
    if int(port) > 65535 or int(component) > 256 or int(priority) >= 2 ** 32:
        raise SignalError("ice candidate with an out-of-range number")
    if transport.lower() not in _TRANSPORTS or kind not in _CANDIDATE_TYPES:
        raise SignalError("ice candidate with an unknown transport or type")
    if len(fields) % 2:
        raise SignalError("ice candidate with an odd extension")


def _candidate(payload: Mapping[str, Any]) -> Candidate:
    line = payload.get("candidate")
    if line is None:
        line = ""
    if not isinstance(line, str):
        raise SignalError("ice without a candidate string")
    if len(line) > MAX_CANDIDATE_CHARS:
        raise SignalError(f"ice candidate of {len(line)} characters "
                          f"(limit {MAX_CANDIDATE_CHARS})")
    line = line.removeprefix("a=").strip()
    mid = payload.get("sdpMid")
    index = payload.get("sdpMLineIndex")
    if mid is not None and (not isinstance(mid, str) or len(mid) > MAX_MID_CHARS):
        raise SignalError("ice with a bad sdpMid")
    if index is not None and (isinstance(index, bool) or not isinstance(index, int)
                              or not 0 <= index <= MAX_MLINE_INDEX):
        raise SignalError("ice with a bad sdpMLineIndex")
    if line:
        check_candidate_line(line)
        if mid is None and index is None:
            raise SignalError("ice candidate with neither sdpMid nor sdpMLineIndex")
    return Candidate(line, mid, index)


def _media(payload: Mapping[str, Any]) -> MediaState:
    audio, video = payload.get("audio"), payload.get("video")
    if not isinstance(audio, bool) or not isinstance(video, bool):
        raise SignalError("media without audio and video booleans")
    return MediaState(audio, video)


def _hangup(payload: Mapping[str, Any]) -> Hangup:
    reason = payload.get("reason", "")
    if reason is None:
        reason = ""
    if not isinstance(reason, str):
        raise SignalError("hangup with a reason that is not text")
    return Hangup("".join(c for c in reason[:MAX_REASON_CHARS] if c.isprintable()))


def parse_signal(event: str, payload: object) -> Signal:
    """A broadcast of a call's channel as a typed message.

    Raises:
        SignalError: an unknown event, or a payload that is not valid for its event.
    """
    try:
        kind = SignalKind(event)
    except ValueError:
        raise SignalError(f"unknown event {event[:20]!r}") from None
    if not isinstance(payload, Mapping):
        raise SignalError(f"{kind.value} payload is not an object")
    if len(payload) > MAX_KEYS:
        raise SignalError(f"{kind.value} payload with {len(payload)} keys")
    if kind in (SignalKind.OFFER, SignalKind.ANSWER):
        return _sdp(payload, kind)
    if kind is SignalKind.ICE:
        return _candidate(payload)
    if kind is SignalKind.MEDIA:
        return _media(payload)
    return _hangup(payload)


def signal_payload(signal: Signal) -> tuple[SignalKind, dict[str, Any]]:
    """The event and payload that send ``signal``."""
    if isinstance(signal, Description):
        return signal.kind, {"type": signal.kind.value, "sdp": signal.sdp}
    if isinstance(signal, Candidate):
        return SignalKind.ICE, {"candidate": signal.candidate, "sdpMid": signal.sdp_mid,
                                "sdpMLineIndex": signal.sdp_mline_index}
    if isinstance(signal, MediaState):
        return SignalKind.MEDIA, {"audio": signal.audio, "video": signal.video}
    return SignalKind.HANGUP, {"reason": signal.reason}
