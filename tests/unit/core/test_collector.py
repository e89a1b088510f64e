"""gfdesk.core.collector: cyclic garbage is collected on the loop's thread only."""

from __future__ import annotations

import asyncio
import gc
import threading
from collections.abc import Iterator

import pytest

from gfdesk.core import collector


@pytest.fixture(autouse=True)
def gc_restored() -> Iterator[None]:
    enabled, thresholds = gc.isenabled(), gc.get_threshold()
    yield
    collector.stop()
    gc.set_threshold(*thresholds)
    gc.unfreeze()
    if enabled:
        gc.enable()
    else:
        gc.disable()


class Node:
    """Records the thread that frees it."""

    def __init__(self, freed_on: list[int]) -> None:
        self.freed_on = freed_on
        self.me = self  # a cycle: only the cyclic collector frees it

    def __del__(self) -> None:
        self.freed_on.append(threading.get_ident())


class Box:
    """A tracked object that no free list recycles (each one counts as an allocation)."""

    __slots__ = ("content",)

    def __init__(self) -> None:
        self.content = None


def allocate_past_the_threshold() -> list[Box]:
    """What a busy worker does: allocate many tracked objects (kept while the caller
    holds them: the counts CPython compares with its thresholds are net of frees)."""
    return [Box() for _ in range(max(gc.get_threshold()[0], 1) * 20)]


async def next_collection() -> None:
    """Returns once a collection has ended (gc.callbacks run in the collecting thread,
    here the loop's)."""
    ended = asyncio.Event()

    def on_phase(phase: str, _info: dict[str, int]) -> None:
        if phase == "stop":
            ended.set()

    gc.callbacks.append(on_phase)
    try:
        await asyncio.wait_for(ended.wait(), 5)
    finally:
        gc.callbacks.remove(on_phase)


def test_without_it_a_worker_thread_collects_the_loop_threads_garbage() -> None:
    """Why the module exists: CPython collects in whichever thread allocates."""
    gc.enable()
    gc.collect()
    freed_on: list[int] = []
    Node(freed_on)
    worker = threading.Thread(target=allocate_past_the_threshold)
    worker.start()
    worker.join()
    assert freed_on == [worker.ident]


async def test_with_it_the_garbage_waits_for_the_loop_and_is_freed_there() -> None:
    gc.enable()
    gc.collect()
    collector.start(asyncio.get_running_loop())
    assert not gc.isenabled() and collector.running()
    freed_on: list[int] = []
    Node(freed_on)
    kept = await asyncio.to_thread(allocate_past_the_threshold)
    assert freed_on == []  # the worker crossed the threshold and did not collect
    while not freed_on:
        await next_collection()
    assert freed_on == [threading.get_ident()]
    assert sum(collector.runs()) > 0
    del kept

    collector.stop()
    assert gc.isenabled() and not collector.running()


async def test_full_collections_are_spaced(monkeypatch: pytest.MonkeyPatch) -> None:
    collector.start(asyncio.get_running_loop())
    gc.set_threshold(1, 1, 1)
    gc.collect(1)  # count the young collections up past the full one's threshold
    gc.collect(1)
    kept = allocate_past_the_threshold()
    assert collector.collect_due() == 0  # a full one is due, but the start was just now
    monkeypatch.setattr(collector, "FULL_EVERY_S", 0.0)
    assert collector.collect_due() == 2
    assert collector.runs()[2] == 1
    assert len(kept) > 0
    gc.set_threshold(0)
    assert collector.collect_due() is None  # switched off on purpose: left off


def test_overlapping_pauses_turn_collection_back_on_when_the_last_ends() -> None:
    gc.enable()
    first, second = collector.paused(), collector.paused()
    first.__enter__()
    second.__enter__()
    assert not gc.isenabled()
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the second still holds it off
    second.__exit__(None, None, None)
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0  # what was built is out of later collections' way


async def test_a_pause_holds_the_loops_collections_off() -> None:
    collector.start(asyncio.get_running_loop())
    gc.set_threshold(1, 1, 1)
    with collector.paused():
        kept = allocate_past_the_threshold()
        assert collector.collect_due() is None
    assert not gc.isenabled()  # still the loop's to collect, not CPython's
    assert gc.get_freeze_count() > 0
    more = allocate_past_the_threshold()
    assert collector.collect_due() is not None
    assert len(kept) + len(more) > 0


async def test_stopping_during_a_pause_gives_collection_back_when_it_ends() -> None:
    collector.start(asyncio.get_running_loop())
    with collector.paused():
        collector.stop()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_pause_without_collection_leaves_it_off_and_freezes_nothing() -> None:
    gc.disable()
    with collector.paused(collect_young_first=True):
        pass
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0
