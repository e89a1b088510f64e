"""Throttling of repeated failed sign-ins per account. Qt-free, pure.

GoTrue rate-limits sign-ins per IP; a LAN hub sees one IP for a whole party, so the hub
limits per email instead: after ``limit`` failures within ``window_s`` further attempts
for that email are refused until the oldest failure leaves the window. A success clears
the email's record. Unknown emails are throttled the same way, so the answer never
tells whether an account exists. Time is passed in by the caller (see ``clock``); the
caller also runs one attempt per email at a time (``keylocks``), so a burst of parallel
guesses cannot all pass the check before the first failure is recorded.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from dataclasses import dataclass, field

DEFAULT_LIMIT = 5
DEFAULT_WINDOW_S = 300.0
#: Bound on the emails remembered, so a flood of made-up addresses cannot grow memory.
MAX_TRACKED_KEYS = 10_000


@dataclass
class SignInThrottle:
    """Failure windows per key (a normalised email)."""

    limit: int = DEFAULT_LIMIT
    window_s: float = DEFAULT_WINDOW_S
    max_keys: int = MAX_TRACKED_KEYS
    _failures: OrderedDict[str, deque[float]] = field(default_factory=OrderedDict, repr=False)

    def is_throttled(self, key: str, now: float) -> bool:
        """Whether an attempt for ``key`` at ``now`` must be refused unchecked."""
        return len(self._live(key, now)) >= self.limit

    def record_failure(self, key: str, now: float) -> None:
        """Count a failed attempt for ``key`` at ``now``."""
        stamps = self._live(key, now)
        stamps.append(now)
        self._failures[key] = stamps
        self._failures.move_to_end(key)
        while len(self._failures) > self.max_keys:
            self._failures.popitem(last=False)

    def succeeded(self, key: str) -> None:
        """Forget the key's failures: the right password was given."""
        self._failures.pop(key, None)

    def retry_after(self, key: str, now: float) -> float:
        """Seconds until the key may try again (0 when it may try now)."""
        stamps = self._live(key, now)
        if len(stamps) < self.limit:
            return 0.0
        return max(0.0, stamps[len(stamps) - self.limit] + self.window_s - now)

    def _live(self, key: str, now: float) -> deque[float]:
        stamps = self._failures.get(key, deque())
        while stamps and stamps[0] <= now - self.window_s:
            stamps.popleft()
        if not stamps:
            self._failures.pop(key, None)
        return stamps
