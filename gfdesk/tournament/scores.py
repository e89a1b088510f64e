"""Live scores and participant counts as the ``tournament:{id}`` broadcasts carry them,
and the host's throttle. Qt-free, pure (no I/O; time is an argument).

``score_update`` carries ``{match_id, score1, score2, ...}`` (the seed's shape; we add
``sent_at``, an ISO 8601 time, which others ignore); ``participant_count`` carries
``{count}``. Payloads come from other clients: anything that does not fit is dropped
(``None``), never half-read.

A host taps "+1" faster than anyone needs to see it: ``ScoreThrottle`` lets out at
most one broadcast per match every ``interval_s`` and keeps the newest score of a
burst for the end of the interval, so the last score always goes out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

SCORE_EVENT = "score_update"
COUNT_EVENT = "participant_count"
#: At most this many live-score broadcasts per match per second.
SCORES_PER_SECOND = 4
#: The largest score a broadcast may carry (anything above is a bad payload).
MAX_SCORE = 1_000_000


def _whole(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            return None
    return value if 0 <= value <= MAX_SCORE else None


@dataclass(frozen=True, slots=True)
class LiveScore:
    """An in-progress score of one match."""

    match_id: str
    score1: int
    score2: int

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> LiveScore | None:
        """The score a ``score_update`` payload carries (None when it does not fit)."""
        match_id = payload.get("match_id")
        s1, s2 = _whole(payload.get("score1")), _whole(payload.get("score2"))
        if not isinstance(match_id, str) or not match_id or s1 is None or s2 is None:
            return None
        return cls(match_id, s1, s2)

    def payload(self, sent_at: str) -> dict[str, Any]:
        return {"match_id": self.match_id, "score1": self.score1, "score2": self.score2,
                "sent_at": sent_at}


def count_from_payload(payload: Mapping[str, Any]) -> int | None:
    """The count a ``participant_count`` payload carries (None when it does not fit)."""
    return _whole(payload.get("count"))


class ScoreThrottle:
    """Which live scores to broadcast now, and when to look again.

    Args:
        interval_s: the least time between two broadcasts of one match.
    """

    def __init__(self, interval_s: float = 1 / SCORES_PER_SECOND) -> None:
        self.interval_s = interval_s
        self._last_sent: dict[str, float] = {}
        self._waiting: dict[str, LiveScore] = {}

    def offer(self, score: LiveScore, now: float) -> LiveScore | None:
        """A new score: returns it when it may go out now, else keeps it (the newest of
        a burst wins) for ``due``."""
        last = self._last_sent.get(score.match_id)
        if last is None or now - last >= self.interval_s:
            self._waiting.pop(score.match_id, None)
            self._last_sent[score.match_id] = now
            return score
        self._waiting[score.match_id] = score
        return None

    def next_due(self) -> float | None:
        """When the earliest kept score may go out (None: nothing kept)."""
        if not self._waiting:
            return None
        return min(self._last_sent[m] + self.interval_s for m in self._waiting)

    def due(self, now: float) -> list[LiveScore]:
        """The kept scores whose interval is over (they count as sent now)."""
        out = []
        for match_id, score in list(self._waiting.items()):
            if now - self._last_sent[match_id] >= self.interval_s:
                del self._waiting[match_id]
                self._last_sent[match_id] = now
                out.append(score)
        return out

    def forget(self, match_id: str) -> None:
        """The match has its final result: a kept live score must not follow it."""
        self._waiting.pop(match_id, None)
        self._last_sent.pop(match_id, None)
