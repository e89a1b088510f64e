"""Who is typing in a conversation, and when to tell others that we are. Qt-free, pure.

The wire event is the seed's broadcast ``typing`` ``{user_id, timestamp}``. Broadcasts
are not stored and may be lost, so the state expires by itself: a typist is shown until
``TYPING_TTL_S`` after their last event, or until their message arrives. Time is always
an argument (monotonic seconds), never read here.
"""

from __future__ import annotations

from collections.abc import Iterable

from gfdesk.i18nmark import plural, translate

#: How long a typing event keeps its user shown.
TYPING_TTL_S = 5.0
#: At most one outgoing typing event per this many seconds.
TYPING_SEND_INTERVAL_S = 2.0
#: From this many typists on, the label counts instead of naming.
COUNT_FROM = 3


class TypingState:
    """The users typing in one conversation (never ourselves)."""

    def __init__(self, ttl_s: float = TYPING_TTL_S) -> None:
        self._ttl_s = ttl_s
        self._last: dict[str, float] = {}

    def on_event(self, user_id: str, now: float) -> bool:
        """A typing event from ``user_id``; True when the set of typists changed."""
        known = user_id in self._last
        self._last[user_id] = now
        return not known

    def on_message(self, user_id: str) -> bool:
        """``user_id``'s message arrived: they stopped typing. True when it changed."""
        return self._last.pop(user_id, None) is not None

    def expire(self, now: float) -> bool:
        """Forget typists silent for the TTL; True when any was forgotten."""
        stale = [u for u, t in self._last.items() if now - t >= self._ttl_s]
        for user_id in stale:
            del self._last[user_id]
        return bool(stale)

    def typists(self) -> list[str]:
        """User ids typing now, the earliest typist first."""
        return sorted(self._last, key=self._last.__getitem__)

    def next_expiry(self) -> float | None:
        """When the next typist expires (monotonic seconds), or None."""
        if not self._last:
            return None
        return min(self._last.values()) + self._ttl_s

    def clear(self) -> None:
        self._last.clear()


def typing_label(names: Iterable[str]) -> str:
    """"Alex is typing...", "Alex and Sam are typing...", "3 people are typing..."."""
    names = list(names)
    if not names:
        return ""
    if len(names) >= COUNT_FROM:
        return plural("%n people are typing...", len(names))
    if len(names) == 2:
        return translate("chat", "{first} and {second} are typing...").format(
            first=names[0], second=names[1])
    return translate("chat", "{name} is typing...").format(name=names[0])


class TypingThrottle:
    """Decides when a keystroke sends a ``typing`` event: at most once per interval.

    Args:
        interval_s: the minimum time between two events.
    """

    def __init__(self, interval_s: float = TYPING_SEND_INTERVAL_S) -> None:
        self._interval_s = interval_s
        self._sent_at: float | None = None

    def should_send(self, now: float) -> bool:
        """A keystroke at ``now``: True (and remembered) if an event is due."""
        if self._sent_at is not None and now - self._sent_at < self._interval_s:
            return False
        self._sent_at = now
        return True

    def reset(self) -> None:
        """The message was sent: the next keystroke announces typing again."""
        self._sent_at = None

