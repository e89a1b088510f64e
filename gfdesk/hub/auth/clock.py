"""The auth service's one reading of the wall clock. Qt-free.

Token lifetimes, sign-in throttling windows and the timestamps on users and sessions
all come from ``now()``, so a test moves time by patching this one function
(``monkeypatch.setattr(clock, "now", ...)``) instead of sleeping. Callers must use
``clock.now()`` through the module, never ``from ... import now``, or the patch misses.
"""

from __future__ import annotations

import time


def now() -> float:
    """Seconds since the epoch, as ``time.time()``."""
    return time.time()
