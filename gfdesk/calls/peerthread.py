"""An asyncio loop on a thread of its own, where aiortc runs. Qt-free.

Why a thread: aiortc reads RTP, runs its jitter buffers and hands decoded frames over on
the loop it was created on. On the GUI's loop a busy frame (a layout, a long paint) holds
all of that up: the kernel's UDP buffer and aiortc's unbounded queues fill, and measured
glass-to-glass latency climbed to 4 s. On its own loop the receive path never waits for
the GUI, and consumers take only the newest frame (``sinks.LatestFrame``).

One ``PeerThread`` per call: started when the call starts, stopped (tasks cancelled,
async generators and the default executor shut down, the loop closed, the thread
joined) when it ends, so a finished call leaves no thread behind.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from gfdesk.log import call as log

T = TypeVar("T")

#: How long ``stop`` lets the loop's leftovers finish before giving up on them.
STOP_TIMEOUT_S = 5.0


class PeerThread:
    """Runs coroutines on a private loop in a daemon thread.

    Args:
        name: the thread's name (shown in thread dumps).
    """

    def __init__(self, name: str = "call-media") -> None:
        self.name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stopped: concurrent.futures.Future[None] = concurrent.futures.Future()

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            raise RuntimeError("the peer thread is not running")
        return self._loop

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def in_thread(self) -> bool:
        """Whether the caller runs on this thread."""
        return threading.current_thread() is self._thread

    def start(self) -> None:
        """Start the thread and its loop (returns once the loop runs)."""
        if self._thread is not None:
            raise RuntimeError("already started")
        self._thread = threading.Thread(target=self._main, name=self.name, daemon=True)
        self._thread.start()
        self._ready.wait()

    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        loop.call_soon(self._ready.set)
        try:
            loop.run_forever()
            loop.run_until_complete(self._wind_down())
        except BaseException as exc:  # the thread must always report that it ended
            log.exception("call: the media loop failed")
            self._stopped.set_exception(exc)
        else:
            self._stopped.set_result(None)
        finally:
            asyncio.set_event_loop(None)
            loop.close()

    async def _wind_down(self) -> None:
        current = asyncio.current_task()
        pending = [t for t in asyncio.all_tasks() if t is not current]
        for task in pending:
            task.cancel()
        if pending:
            _done, late = await asyncio.wait(pending, timeout=STOP_TIMEOUT_S)
            for task in late:
                log.warning("call: media task %s did not end", task.get_name())
        loop = asyncio.get_running_loop()
        await loop.shutdown_asyncgens()
        await loop.shutdown_default_executor()

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Schedule ``coro`` on the media loop from any thread."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` on the media loop and await its result from another loop."""
        if self.in_thread():
            return await coro
        return await asyncio.wrap_future(self.submit(coro))

    def call_soon(self, callback: Callable[..., object], *args: object) -> None:
        """Call ``callback(*args)`` on the media loop, from any thread."""
        self.loop.call_soon_threadsafe(callback, *args)

    async def stop(self) -> None:
        """Stop the loop (cancelling what still runs on it) and join the thread."""
        thread, loop = self._thread, self._loop
        if thread is None or loop is None or not thread.is_alive():
            return
        if not loop.is_closed():
            loop.call_soon_threadsafe(loop.stop)
        # Waited for without blocking the caller's loop (and without borrowing a thread
        # of its executor); the join afterwards returns at once.
        await asyncio.wrap_future(self._stopped)
        thread.join()
