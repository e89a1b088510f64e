"""What a call is and where it stands: the ``calls`` row, its statuses and the states and
end reasons of a call on this side. Qt-free, pure.

The row moves as DESIGN.md's call signalling sequence says::

    ringing -> accepted (callee, with answered_at) -> ended (either side, with ended_at)
    ringing -> declined (callee) | missed (caller, after 30 s) | busy (callee, already
               in a call) | ended (caller gave up before an answer)

Every terminal status also carries ``ended_at``: the moment the call stopped ringing or
talking, which call history needs. Each write is conditional on the status it leaves
(``ALLOWED_FROM``), so two sides racing (an accept against the missed timer) leave one
winner and the other learns it from the row.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gfdesk.timestamps import format_utc
from gfdesk.timestamps import parse as parse_time


class CallKind(enum.Enum):
    """What the caller asked for."""

    AUDIO = "audio"
    VIDEO = "video"


class CallStatus(enum.Enum):
    """The ``status`` column of a ``calls`` row."""

    RINGING = "ringing"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    MISSED = "missed"
    BUSY = "busy"
    ENDED = "ended"

    @property
    def terminal(self) -> bool:
        """The call is over (nothing moves the row further)."""
        return self not in (CallStatus.RINGING, CallStatus.ACCEPTED)

    @property
    def rank(self) -> int:
        """How far along the sequence the row is (a row never moves back)."""
        return {CallStatus.RINGING: 0, CallStatus.ACCEPTED: 1}.get(self, 2)


#: The statuses a write of each status may start from.
ALLOWED_FROM: dict[CallStatus, tuple[CallStatus, ...]] = {
    CallStatus.ACCEPTED: (CallStatus.RINGING,),
    CallStatus.DECLINED: (CallStatus.RINGING,),
    CallStatus.MISSED: (CallStatus.RINGING,),
    CallStatus.BUSY: (CallStatus.RINGING,),
    CallStatus.ENDED: (CallStatus.RINGING, CallStatus.ACCEPTED),
}


class Direction(enum.Enum):
    """Who placed the call, seen from this side."""

    OUTGOING = "outgoing"
    INCOMING = "incoming"


class CallState(enum.Enum):
    """A call on this side."""

    #: Outgoing: the row is placed, the callee's app rings. Incoming: we ring.
    RINGING = "ringing"
    #: Accepted; offer, answer and ICE are under way.
    CONNECTING = "connecting"
    #: Media flows (ICE connected).
    CONNECTED = "connected"
    #: Over, for the call's ``end_reason``.
    ENDED = "ended"


class EndReason(enum.Enum):
    """Why a call ended, seen from this side."""

    #: We hung up (or cancelled our own ringing call).
    HUNG_UP = "hung up"
    #: The other side hung up.
    REMOTE_HUNG_UP = "remote hung up"
    #: The callee declined (we called), or we declined (we were called).
    DECLINED = "declined"
    #: Nobody answered in time.
    MISSED = "missed"
    #: The callee was in another call.
    BUSY = "busy"
    #: The caller gave up before anyone answered.
    CANCELLED = "cancelled"
    #: The media connection failed or could not be set up.
    FAILED = "failed"
    #: The other side sent malformed or oversized signalling.
    BAD_SIGNAL = "bad signalling"
    #: The call's signalling server went away and did not come back in time.
    SIGNALLING_LOST = "signalling lost"
    #: Someone else answered first, or the row was gone (another device, a race).
    ANSWERED_ELSEWHERE = "answered elsewhere"
    #: This app closed (sign-out, quit).
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class CallRow:
    """One ``calls`` row.

    Attributes:
        id: the call's UUID (chosen by the caller's client).
        caller_id: who placed it.
        callee_id: who is called.
        kind: audio or video.
        status: where the row stands.
        created_at: when it was placed (the server's time).
        answered_at: when it was accepted, if it was.
        ended_at: when it stopped ringing or talking, if it did.
    """

    id: str
    caller_id: str
    callee_id: str
    kind: CallKind
    status: CallStatus
    created_at: dt.datetime
    answered_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None

    def other(self, user_id: str) -> str:
        """The other party, seen by ``user_id``."""
        return self.callee_id if user_id == self.caller_id else self.caller_id

    def direction(self, user_id: str) -> Direction:
        return Direction.OUTGOING if user_id == self.caller_id else Direction.INCOMING


def call_from_row(row: Mapping[str, Any]) -> CallRow:
    """A ``calls`` row as sent by REST or postgres_changes.

    Raises:
        ValueError: a column is missing or holds something that is not a call.
    """
    try:
        def stamp(name: str) -> dt.datetime | None:
            value = row.get(name)
            return parse_time(str(value)) if value else None

        created = stamp("created_at")
        if created is None:
            raise ValueError("created_at is missing")
        return CallRow(id=str(row["id"]), caller_id=str(row["caller_id"]),
                       callee_id=str(row["callee_id"]), kind=CallKind(row.get("kind")),
                       status=CallStatus(row.get("status")), created_at=created,
                       answered_at=stamp("answered_at"), ended_at=stamp("ended_at"))
    except (KeyError, TypeError) as exc:
        raise ValueError(f"not a calls row: {exc!r}") from exc


def status_change(status: CallStatus, now: dt.datetime) -> dict[str, Any]:
    """The columns a move to ``status`` writes: ``answered_at`` with ``accepted``,
    ``ended_at`` with every terminal status."""
    if status is CallStatus.RINGING:
        raise ValueError("a call is placed ringing, never moved back to it")
    change: dict[str, Any] = {"status": status.value}
    change["answered_at" if status is CallStatus.ACCEPTED else "ended_at"] = format_utc(now)
    return change


def end_reason_for(status: CallStatus, *, answered: bool) -> EndReason:
    """Why a call ended when its row reached the terminal ``status`` written by the
    other side (``answered``: it had been accepted)."""
    if status is CallStatus.DECLINED:
        return EndReason.DECLINED
    if status is CallStatus.MISSED:
        return EndReason.MISSED
    if status is CallStatus.BUSY:
        return EndReason.BUSY
    if status is CallStatus.ENDED:
        return EndReason.REMOTE_HUNG_UP if answered else EndReason.CANCELLED
    raise ValueError(f"{status.value} is not terminal")


@dataclass(frozen=True, slots=True)
class CallInfo:
    """A call as this side sees it at one moment (what listeners get on each change).

    Attributes:
        id: the call's id.
        direction: who called.
        kind: audio or video.
        other_id: the other party.
        state: where the call stands.
        end_reason: why it ended (None before it did).
        sending_audio: we send audio (not muted).
        sending_video: we send video (camera on).
        remote_audio: the other side says it sends audio.
        remote_video: the other side says it sends video.
        connected_at: when media started flowing (``time.monotonic``), for the timer.
        video_codec: the negotiated video codec ("VP8"), once answered.
        audio_codec: the negotiated audio codec ("opus"), once answered.
    """

    id: str
    direction: Direction
    kind: CallKind
    other_id: str
    state: CallState
    end_reason: EndReason | None = None
    sending_audio: bool = True
    sending_video: bool = True
    remote_audio: bool = True
    remote_video: bool = True
    connected_at: float | None = None
    video_codec: str = ""
    audio_codec: str = ""
