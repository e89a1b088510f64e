"""A test clock for backoff: real time, but every backoff wait is recorded and lasts one
loop turn, so retry loops run at full speed and the waits they chose can be checked."""

from __future__ import annotations

import asyncio

from gfdesk.core.clock import Clock


class SkippingClock(Clock):
    """Backoff sleeps are recorded in ``sleeps`` (and signalled by ``slept``) and skipped."""

    def __init__(self, seed: int = 1) -> None:
        super().__init__(seed=seed)
        self.sleeps: list[float] = []
        self.slept = asyncio.Event()

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.slept.set()
        await asyncio.sleep(0)
