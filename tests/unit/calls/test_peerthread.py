"""gfdesk.calls.peerthread: a loop of its own on a thread of its own, gone when stopped."""

from __future__ import annotations

import asyncio
import threading

import pytest

from gfdesk.calls.peerthread import PeerThread


async def test_coroutines_run_on_the_media_thread_and_results_come_back() -> None:
    thread = PeerThread("test-media")
    thread.start()

    async def where() -> str:
        return threading.current_thread().name

    async def fail() -> None:
        raise ValueError("on the media thread")

    assert await thread.run(where()) == "test-media"
    with pytest.raises(ValueError, match="on the media thread"):
        await thread.run(fail())
    await thread.stop()


async def test_stopping_cancels_what_still_runs_and_leaves_no_thread() -> None:
    before = set(threading.enumerate())
    thread = PeerThread("test-media")
    thread.start()
    cancelled = threading.Event()

    async def forever() -> None:
        try:
            await asyncio.Event().wait()
        finally:
            cancelled.set()

    async def use_executor() -> None:  # aiortc encodes in the loop's default executor
        await asyncio.get_running_loop().run_in_executor(None, sum, [1, 2])

    thread.submit(forever())
    await thread.run(use_executor())
    await thread.stop()
    assert cancelled.is_set()
    assert set(threading.enumerate()) == before
    await thread.stop()  # twice is fine


async def test_a_thread_that_never_started_stops_quietly() -> None:
    await PeerThread().stop()
    with pytest.raises(RuntimeError):
        PeerThread().loop  # noqa: B018
