"""What the call windows say: the state line, why a call ended, the timer and the quality
indicator. Qt-free, pure.

Names come from remote users: callers put them in plain-text labels only.
"""

from __future__ import annotations

from gfdesk.calls.callstats import CallStats, Quality
from gfdesk.calls.states import CallInfo, CallKind, CallState, Direction, EndReason
from gfdesk.i18nmark import QT_TRANSLATE_NOOP, translate

#: What the self-view says when there is no camera and the test pattern is sent.
SYNTHETIC_VIDEO = QT_TRANSLATE_NOOP("wording", "Test pattern (no camera found)")
#: What the window says when there is no microphone and a tone is sent.
SYNTHETIC_AUDIO = QT_TRANSLATE_NOOP("wording", "Test tone (no microphone found)")

QUALITY_LABELS = {Quality.GOOD: QT_TRANSLATE_NOOP("wording", "Good"),
                  Quality.FAIR: QT_TRANSLATE_NOOP("wording", "Fair"),
                  Quality.POOR: QT_TRANSLATE_NOOP("wording", "Poor"),
                  Quality.UNKNOWN: QT_TRANSLATE_NOOP("wording", "Measuring")}


def kind_text(kind: CallKind) -> str:
    """"Video call" or "Voice call"."""
    return (translate("wording", "Video call") if kind is CallKind.VIDEO
            else translate("wording", "Voice call"))


def state_text(info: CallInfo, name: str) -> str:
    """The line under the other party's name while the call is not connected (and why
    it ended, once it did)."""
    if info.state is CallState.RINGING:
        return (translate("wording", "Calling {name}…") if info.direction is Direction.OUTGOING
                else translate("wording", "{name} is calling you")).format(name=name)
    if info.state is CallState.CONNECTING:
        return translate("wording", "Connecting…")
    if info.state is CallState.CONNECTED:
        return ""
    return end_text(info.end_reason or EndReason.HUNG_UP, info.direction, name)


def end_text(reason: EndReason, direction: Direction, name: str) -> str:
    """Why a call ended, worded for the person on this side."""
    return _end_text(reason, direction).format(name=name)


def _end_text(reason: EndReason, direction: Direction) -> str:
    outgoing = direction is Direction.OUTGOING
    match reason:
        case EndReason.HUNG_UP | EndReason.CLOSED:
            return translate("wording", "Call ended")
        case EndReason.REMOTE_HUNG_UP:
            return translate("wording", "{name} hung up")
        case EndReason.DECLINED:
            return (translate("wording", "{name} declined the call") if outgoing
                    else translate("wording", "You declined the call"))
        case EndReason.MISSED:
            return (translate("wording", "No answer from {name}") if outgoing
                    else translate("wording", "Missed call from {name}"))
        case EndReason.BUSY:
            return translate("wording", "{name} is in another call")
        case EndReason.CANCELLED:
            return translate("wording", "{name} cancelled the call")
        case EndReason.FAILED:
            return translate("wording", "The call could not connect")
        case EndReason.BAD_SIGNAL:
            return translate("wording",
                             "The call ended: the other app sent something gfdesk cannot read")
        case EndReason.ANSWERED_ELSEWHERE:
            return translate("wording", "Answered on another device")
    return translate("wording", "Call ended")


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
    parts = [translate("wording", QUALITY_LABELS[stats.quality])]
    if stats.rtt_ms is not None:
        parts.append(f"{stats.rtt_ms:.0f} ms")
    parts.append(translate("wording", "{percent}% loss").format(
        percent=f"{stats.loss * 100:.1f}"))
    parts.append(f"↑ {_rate(stats.send_kbps)} ↓ {_rate(stats.recv_kbps)}")
    if stats.width and stats.height:
        parts.append(f"{stats.width}×{stats.height}")
        parts.append(f"{stats.fps:.0f} fps")
    return " · ".join(parts)
