"""What the call windows say: the state line, why a call ended, the timer and the quality
indicator. Qt-free, pure.

Names come from remote users: callers put them in plain-text labels only.
"""

from __future__ import annotations

from gfdesk.calls.callstats import CallStats, Quality
from gfdesk.calls.states import CallInfo, CallKind, CallState, Direction, EndReason

#: What the self-view says when there is no camera and the test pattern is sent.
SYNTHETIC_VIDEO = "Test pattern (no camera found)"
#: What the window says when there is no microphone and a tone is sent.
SYNTHETIC_AUDIO = "Test tone (no microphone found)"

QUALITY_LABELS = {Quality.GOOD: "Good", Quality.FAIR: "Fair", Quality.POOR: "Poor",
                  Quality.UNKNOWN: "Measuring"}


def kind_text(kind: CallKind) -> str:
    """"Video call" or "Voice call"."""
    return "Video call" if kind is CallKind.VIDEO else "Voice call"


def state_text(info: CallInfo, name: str) -> str:
    """The line under the other party's name while the call is not connected (and why
    it ended, once it did)."""
    if info.state is CallState.RINGING:
        return f"Calling {name}…" if info.direction is Direction.OUTGOING \
            else f"{name} is calling you"
    if info.state is CallState.CONNECTING:
        return "Connecting…"
    if info.state is CallState.CONNECTED:
        return ""
    return end_text(info.end_reason or EndReason.HUNG_UP, info.direction, name)


def end_text(reason: EndReason, direction: Direction, name: str) -> str:
    """Why a call ended, worded for the person on this side."""
    outgoing = direction is Direction.OUTGOING
    match reason:
        case EndReason.HUNG_UP | EndReason.CLOSED:
            return "Call ended"
        case EndReason.REMOTE_HUNG_UP:
            return f"{name} hung up"
        case EndReason.DECLINED:
            return f"{name} declined the call" if outgoing else "You declined the call"
        case EndReason.MISSED:
            return f"No answer from {name}" if outgoing else f"Missed call from {name}"
        case EndReason.BUSY:
            return f"{name} is in another call"
        case EndReason.CANCELLED:
            return f"{name} cancelled the call"
        case EndReason.FAILED:
            return "The call could not connect"
        case EndReason.BAD_SIGNAL:
            return "The call ended: the other app sent something gfdesk cannot read"
        case EndReason.ANSWERED_ELSEWHERE:
            return "Answered on another device"
    return "Call ended"


def timer_text(seconds: float) -> str:
    """A call's length as ``m:ss`` (``h:mm:ss`` from an hour on)."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _rate(kbps: float) -> str:
    return f"{kbps / 1000:.1f} Mb/s" if kbps >= 1000 else f"{kbps:.0f} kb/s"


def quality_text(stats: CallStats) -> str:
    """The quality indicator's one line: verdict, round trip, loss, bitrate both ways,
    the received picture's size and frame rate."""
    parts = [QUALITY_LABELS[stats.quality]]
    if stats.rtt_ms is not None:
        parts.append(f"{stats.rtt_ms:.0f} ms")
    parts.append(f"{stats.loss * 100:.1f}% loss")
    parts.append(f"↑ {_rate(stats.send_kbps)} ↓ {_rate(stats.recv_kbps)}")
    if stats.width and stats.height:
        parts.append(f"{stats.width}×{stats.height}")
        parts.append(f"{stats.fps:.0f} fps")
    return " · ".join(parts)
