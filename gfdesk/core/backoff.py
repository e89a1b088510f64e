"""Capped exponential backoff with full jitter: when to try again. Qt-free, pure.

Full jitter (a uniform draw between 0 and the capped exponential ceiling) spreads the
reconnects of many clients after a server restart instead of having them arrive in
waves. The draw comes in as an argument so the function stays deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The ceiling of the first retry, in seconds.
BASE_DELAY_S = 0.5
#: No wait is ever longer than this, however many attempts failed.
MAX_DELAY_S = 30.0


@dataclass(frozen=True)
class Backoff:
    """A backoff policy.

    Attributes:
        base_s: ceiling of the first retry.
        cap_s: largest ceiling.
    """

    base_s: float = BASE_DELAY_S
    cap_s: float = MAX_DELAY_S

    def ceiling(self, attempt: int) -> float:
        """The largest delay before retry number ``attempt`` (0 for the first retry)."""
        if attempt < 0:
            raise ValueError("attempt must be >= 0")
        # 2**64 is plenty and keeps float overflow away from days-long outages.
        return min(self.cap_s, self.base_s * 2.0 ** min(attempt, 64))

    def delay(self, attempt: int, draw: float) -> float:
        """The delay before retry number ``attempt``.

        Args:
            attempt: how many retries came before this one (0 for the first).
            draw: a uniform random number in [0, 1).

        Returns:
            Seconds to wait, in [0, ceiling(attempt)).
        """
        if not 0.0 <= draw < 1.0:
            raise ValueError("draw must be in [0, 1)")
        return self.ceiling(attempt) * draw
