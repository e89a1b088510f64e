"""Python's cyclic garbage collection, done on the loop's (GUI) thread only. Qt-free.

CPython collects cyclic garbage in whichever thread's allocations cross its threshold.
In gfdesk that is often a worker: the embedded demo hub's thread, a call's media
threads, the loop's executor. A garbage cycle holding a Qt object that Python owns (a
timer, or a widget's model kept alive by a lambda it connected) is then destroyed on
that thread, which Qt forbids ("Timers cannot be stopped from another thread") and
which can crash the GUI in its next event.

``start(loop)`` turns CPython's automatic collection off and runs the same collections
from ``loop`` instead: every ``TICK_S`` it collects the generation CPython would by the
allocation counts and thresholds (``gc.get_count``, ``gc.get_threshold``), the whole heap
at most every ``FULL_EVERY_S`` (CPython also puts full collections off, by the share of
objects new since the last one, which Python does not expose). ``stop()`` gives the
collection back to CPython.

``paused()`` holds collection off, on either regime, around work that builds a large
structure at once (a presence state of 100,000 members), and freezes what exists when
the last pause ends, so no later collection rescans it.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager

#: How often the loop checks whether a collection is due (CPython checks at every
#: allocation of a tracked object; garbage waits at most this long here).
TICK_S = 0.05
#: The least time between two full collections.
FULL_EVERY_S = 10.0


class _Collector:
    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self.handle: asyncio.TimerHandle | None = None
        self.pauses = 0
        # Collection was on when the first of the current pauses began.
        self.collecting_before_pause = False
        self.last_full = time.monotonic()
        #: How many collections of each generation the loop ran (for tests, benches).
        self.runs = [0, 0, 0]


_state = _Collector()


def start(loop: asyncio.AbstractEventLoop) -> None:
    """Collect on ``loop``'s thread from now on (call on that thread)."""
    stop()
    gc.disable()
    _state.loop = loop
    _state.last_full = time.monotonic()
    _state.handle = loop.call_later(TICK_S, _tick)


def stop() -> None:
    """Cyclic collection is CPython's again (automatic, in any thread)."""
    if _state.handle is not None:
        _state.handle.cancel()
    was_running = _state.loop is not None
    _state.handle = None
    _state.loop = None
    if not was_running:
        return
    if _state.pauses:
        _state.collecting_before_pause = True  # the last pause turns it on
    else:
        gc.enable()


def running() -> bool:
    """Whether collections run from a loop (``start``)."""
    return _state.loop is not None


def runs() -> tuple[int, int, int]:
    """How many collections of generations 0, 1 and 2 the loop has run so far."""
    return (_state.runs[0], _state.runs[1], _state.runs[2])


def collect_due() -> int | None:
    """Run the collection CPython would run now, if any; its generation (None: none)."""
    if _state.pauses:
        return None
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if thresholds[0] == 0:  # gc.set_threshold(0): collection switched off on purpose
        return None
    due = None
    if counts[2] > thresholds[2] and time.monotonic() - _state.last_full >= FULL_EVERY_S:
        due = 2
    elif counts[1] > thresholds[1]:
        due = 1
    elif counts[0] > thresholds[0]:
        due = 0
    if due is None:
        return None
    gc.collect(due)
    _state.runs[due] += 1
    if due == 2:
        _state.last_full = time.monotonic()
    return due


def _tick() -> None:
    loop = _state.loop
    if loop is None:
        return
    collect_due()
    _state.handle = loop.call_later(TICK_S, _tick)


@contextmanager
def paused(*, collect_young_first: bool = False) -> Iterator[None]:
    """No cyclic collection inside; what exists when the last pause ends is frozen.

    Args:
        collect_young_first: collect the two young generations before pausing (cheap,
            and where cyclic garbage lives: freezing keeps whatever garbage there is).
    """
    if _state.pauses == 0:
        _state.collecting_before_pause = gc.isenabled() or running()
    if collect_young_first and _state.collecting_before_pause:
        gc.collect(1)
    _state.pauses += 1
    gc.disable()
    try:
        yield
    finally:
        _state.pauses -= 1
        if _state.pauses == 0 and _state.collecting_before_pause:
            gc.freeze()
            if not running():
                gc.enable()
