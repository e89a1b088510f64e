"""gfdesk.bridge on the qasync loop: spawn, ownership, exclusive groups, next_emit."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import SIGNAL, QObject, Signal

from gfdesk import bridge
from tests.helpers.logfail import ExpectedLogs


class Emitter(QObject):
    fired = Signal(int, str)


async def test_next_emit_returns_the_arguments(qapp: object) -> None:
    emitter = Emitter()
    asyncio.get_running_loop().call_soon(emitter.fired.emit, 7, "seven")
    assert await bridge.next_emit(emitter.fired, timeout=2) == (7, "seven")


async def test_next_emit_times_out(qapp: object) -> None:
    emitter = Emitter()
    with pytest.raises(TimeoutError):
        await bridge.next_emit(emitter.fired, timeout=0.05)


async def test_spawned_task_is_cancelled_with_its_owner(qapp: object) -> None:
    owner = QObject()
    started = asyncio.Event()

    async def forever() -> None:
        started.set()
        await asyncio.Event().wait()

    task = bridge.spawn(forever(), name="test:forever", owner=owner)
    await started.wait()
    owner.deleteLater()
    await bridge.next_emit(owner.destroyed)
    with pytest.raises(asyncio.CancelledError):
        await task
    assert task not in bridge.live_tasks()


async def test_exclusive_group_cancels_the_older_task(qapp: object) -> None:
    owner = QObject()
    first = bridge.spawn(asyncio.sleep(10), name="test:search", owner=owner, group="search")
    second = bridge.spawn(asyncio.sleep(0, "done"), name="test:search", owner=owner,
                          group="search")
    assert await second == "done"
    assert first.cancelled()


async def test_failed_task_is_logged(qapp: object, expected_logs: ExpectedLogs) -> None:
    expected_logs.allow("gfdesk.bridge", "test:boom failed")

    async def boom() -> None:
        raise ValueError("boom")

    task = bridge.spawn(boom(), name="test:boom")
    with pytest.raises(ValueError):
        await task


async def test_drain_cancels_everything_pending(qapp: object) -> None:
    tasks = [bridge.spawn(asyncio.sleep(10), name=f"test:sleep{i}") for i in range(3)]
    await bridge.drain()
    assert all(t.cancelled() for t in tasks)
    assert not bridge.live_tasks()


async def test_a_finished_task_no_longer_listens_to_its_owner(qapp: object) -> None:
    owner = QObject()
    # PySide adds a receiver of its own on the first connection: measure after one.
    await bridge.spawn(asyncio.sleep(0), name="test:warm", owner=owner)
    await asyncio.sleep(0)
    before = owner.receivers(SIGNAL("destroyed(QObject*)"))
    tasks = [bridge.spawn(asyncio.sleep(0), name=f"test:short{i}", owner=owner)
             for i in range(5)]
    assert owner.receivers(SIGNAL("destroyed(QObject*)")) == before + 5
    await asyncio.gather(*tasks)
    await asyncio.sleep(0)  # done callbacks run one loop turn after the tasks end
    assert owner.receivers(SIGNAL("destroyed(QObject*)")) == before
