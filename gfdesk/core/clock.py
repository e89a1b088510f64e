"""The one seam for time and randomness in the client core. Qt-free.

Everything in ``gfdesk.core`` that waits, measures or draws a random number goes
through a ``Clock``, so a test swaps one object (a seeded random source, a recorded
sleep) instead of patching ``time`` and ``random`` in several modules.
"""

from __future__ import annotations

import asyncio
import random
import time


class Clock:
    """Monotonic time, sleeping and randomness; subclass it in tests.

    Args:
        seed: seeds the random source (None: from the OS).
    """

    def __init__(self, seed: int | None = None) -> None:
        self._random = random.Random(seed)

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back."""
        return time.monotonic()

    def wall(self) -> float:
        """Seconds since the epoch (for expiry of tokens and the like)."""
        return time.time()

    async def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` (cancellable)."""
        await asyncio.sleep(seconds)

    def random(self) -> float:
        """A float in [0, 1)."""
        return self._random.random()


SYSTEM_CLOCK = Clock()
