"""Throttling of repeated failed sign-ins, per client and account. Qt-free, pure.

``SignInThrottle`` counts failures per key in a sliding window: after ``limit``
failures within ``window_s`` further attempts for that key are refused until the
oldest failure leaves the window; a success clears the key's record.

``SignInGuard`` keys it the way GoTrue's per-IP limits protect an account without
handing its lock to strangers: failures count per (client address, email), so guesses
from one player's machine lock that machine out of that account and nobody else (the
owner, at their own machine, still signs in), and per client address across all
accounts, so one machine cannot guess at every account in turn. A success clears only
its own (client, email) record. Unknown emails are throttled the same way, so the
answer never tells whether an account exists. Time is passed in by the caller (see
``clock``); the caller also runs one attempt per (client, email) at a time
(``keylocks``), so a burst of parallel guesses cannot all pass the check before the
first failure is recorded.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from dataclasses import dataclass, field

DEFAULT_LIMIT = 5
DEFAULT_WINDOW_S = 300.0
#: Failures one client address may make across all accounts in the window.
DEFAULT_CLIENT_LIMIT = 30
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


@dataclass
class SignInGuard:
    """Failed sign-ins per (client, account) and per client (see the module)."""

    pair: SignInThrottle = field(default_factory=SignInThrottle)
    client: SignInThrottle = field(
        default_factory=lambda: SignInThrottle(limit=DEFAULT_CLIENT_LIMIT))

    @staticmethod
    def _pair_key(client: str, account: str) -> str:
        return f"{client}\n{account}"

    def retry_after(self, client: str, account: str, now: float) -> float:
        """Seconds until this client may try this account again (0: it may now)."""
        return max(self.pair.retry_after(self._pair_key(client, account), now),
                   self.client.retry_after(client, now))

    def record_failure(self, client: str, account: str, now: float) -> None:
        self.pair.record_failure(self._pair_key(client, account), now)
        self.client.record_failure(client, now)

    def succeeded(self, client: str, account: str) -> None:
        """The right password from this client: its record for the account is cleared
        (not its count across accounts, or one known account would reset it)."""
        self.pair.succeeded(self._pair_key(client, account))
