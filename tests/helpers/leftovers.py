"""What a finished call must not leave behind: threads, tasks, timers, sockets.

``Leftovers.take()`` notes what runs now; ``after.new_since(before)`` lists what is new.
Timers are the loop's scheduled handles that would wake a ``call:*`` task (every timer
of the call engine is a sleep inside such a task); the media loop's own timers die
with its thread, which the thread check covers.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass
from typing import Any

import psutil


def _wakes_call_task(handle: Any) -> bool:
    # asyncio.sleep schedules futures._set_result_unless_cancelled(future, result); the
    # future's done callbacks include the sleeping task's wake-up method.
    for arg in getattr(handle, "_args", None) or ():
        if isinstance(arg, asyncio.Future):
            for callback, _context in getattr(arg, "_callbacks", None) or []:
                task = getattr(callback, "__self__", None)
                if isinstance(task, asyncio.Task) and task.get_name().startswith("call:"):
                    return True
    return False


def _describe(task: asyncio.Task[Any]) -> str:
    coro = task.get_coro()
    return f"{task.get_name()}:{getattr(coro, '__qualname__', '?')}#{id(task)}"


def _serves_http(task: asyncio.Task[Any]) -> bool:
    # The hub runs on the test's loop: its keep-alive HTTP connections (opened by the
    # clients' REST calls) are the server's, not the call's. So are the Socket.IO
    # connections' packet tasks (Engine.IO's reader and writer waits, on both ends),
    # which come and go with every packet of a connection that outlives the call.
    coro = task.get_coro()
    code = getattr(coro, "cr_code", None)
    if code is None:
        return False
    if getattr(coro, "__qualname__", "") == "Queue.get":
        return True
    return any(part in code.co_filename for part in ("/aiohttp/", "/engineio/", "/socketio/"))


@dataclass(frozen=True)
class Leftovers:
    """What runs at one moment."""

    threads: frozenset[tuple[str, int | None]]
    tasks: frozenset[str]
    call_timers: int
    udp_sockets: int

    @classmethod
    def take(cls) -> Leftovers:
        loop = asyncio.get_running_loop()
        scheduled = getattr(loop, "_scheduled", [])
        return cls(
            # Not the loop's default executor ("asyncio_N"): it grows on first use (the
            # hub on this loop hashes a sign-in's password there) and stays with the loop.
            threads=frozenset((t.name, t.ident) for t in threading.enumerate()
                              if not t.name.startswith("asyncio_")),
            tasks=frozenset(_describe(t) for t in asyncio.all_tasks()
                            if not t.done() and t is not asyncio.current_task()
                            and not _serves_http(t)),
            call_timers=sum(1 for h in scheduled if not h.cancelled() and _wakes_call_task(h)),
            udp_sockets=len(psutil.Process().net_connections(kind="udp")),
        )

    def new_since(self, before: Leftovers) -> dict[str, object]:
        """What runs now that did not before (empty: nothing was left behind)."""
        found: dict[str, object] = {}
        threads = self.threads - before.threads
        if threads:
            found["threads"] = sorted(name for name, _ in threads)
        tasks = self.tasks - before.tasks
        if tasks:
            found["tasks"] = sorted(tasks)
        if self.call_timers:
            found["call_timers"] = self.call_timers
        if self.udp_sockets > before.udp_sockets:
            found["udp_sockets"] = self.udp_sockets - before.udp_sockets
        return found
