"""The app side of the benchmarks: the GUI thread's longest freeze (the lateness of a
5 ms Qt ``NamedTimer`` while the work under test runs on the same qasync loop), and a
signed-in client with its started connection supervisor."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gfdesk.core.connection import ConnectionSupervisor

TICK_MS = 5


class StallMeter:
    """The lateness of a 5 ms Qt timer, i.e. how long the GUI thread was busy.

    ``worst_ms`` is the worst lateness, whatever its cause. ``worst_busy_ms`` counts
    only the GUI thread's own CPU time in each gap: on a shared machine the process may
    simply not be scheduled for a while, which is no work of the app's (the two agree
    when the machine is otherwise idle).
    """

    def __init__(self) -> None:
        from gfdesk.kit.timer import NamedTimer

        self.timer = NamedTimer(None, "bench:stall", interval_ms=TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.worst_ms = 0.0
        self.worst_busy_ms = 0.0
        self._last = 0.0
        self._last_cpu = 0.0

    def start(self) -> None:
        self.worst_ms = self.worst_busy_ms = 0.0
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self.timer.start()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        late = (now - self._last) * 1000 - TICK_MS
        self.worst_ms = max(self.worst_ms, late)
        self.worst_busy_ms = max(self.worst_busy_ms, min(late, (cpu - self._last_cpu) * 1000))
        self._last, self._last_cpu = now, cpu

    def stop(self) -> float:
        self.timer.stop()
        return self.worst_ms


async def signed_in(url: str, anon: str, email: str, password: str
                    ) -> tuple[Any, str, ConnectionSupervisor]:
    """A client signed in as ``email``, the user's id, and a started supervisor."""
    from gfdesk.core.backoff import Backoff
    from gfdesk.core.clientfactory import create_client
    from gfdesk.core.connection import ConnectionSupervisor

    client = await create_client(url, anon)
    await client.auth.sign_in_with_password({"email": email, "password": password})
    session = await client.auth.get_session()
    assert session is not None

    async def token() -> str | None:
        current = await client.auth.get_session()
        return current.access_token if current else None

    supervisor = ConnectionSupervisor(client, label="bench", token=token,
                                      backoff=Backoff(base_s=0.2, cap_s=2.0))
    supervisor.start()
    return client, session.user.id, supervisor
