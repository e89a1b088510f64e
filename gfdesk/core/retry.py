"""Calling something until it works, waiting the shared backoff between tries. Qt-free.

One retry loop for reads that must eventually succeed (a conversation list while the
server is away, a gap fill right after a reconnect): capped exponential backoff with
full jitter (``Backoff``), time and randomness from a ``Clock`` so tests decide both.
It retries until it succeeds or its task is cancelled; whoever starts it owns that
task and cancels it when the result is no longer wanted.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from gfdesk.core.backoff import Backoff
from gfdesk.core.clock import SYSTEM_CLOCK, Clock

T = TypeVar("T")


async def retry(call: Callable[[], Awaitable[T]], *, what: str, log: logging.Logger,
                backoff: Backoff | None = None, clock: Clock = SYSTEM_CLOCK) -> T:
    """``await call()`` until it returns, waiting ``backoff`` between failures.

    Args:
        call: makes one attempt.
        what: names the attempt in the log line of each failure.
        log: the caller's logger (its area).
        backoff: the policy (core's default: 0.5 s doubling up to 30 s).
        clock: time and randomness.

    Returns:
        What the first successful attempt returned.
    """
    policy = backoff or Backoff()
    attempt = 0
    while True:
        try:
            return await call()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            delay = policy.delay(attempt, clock.random())
            attempt += 1
            log.info("%s failed (%s: %s), retry in %.2f s", what, type(exc).__name__, exc,
                     delay)
            await clock.sleep(delay)
