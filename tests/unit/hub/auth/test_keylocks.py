"""KeyedLocks: one holder per key at a time, and nothing kept once released."""

from __future__ import annotations

import asyncio

import pytest

from gfdesk.hub.auth.keylocks import KeyedLocks


async def test_holders_of_one_key_run_one_at_a_time_and_other_keys_do_not_wait() -> None:
    locks = KeyedLocks()
    order: list[str] = []
    release_first = asyncio.Event()
    first_in = asyncio.Event()

    async def first() -> None:
        async with locks.hold("ann"):
            order.append("first in")
            first_in.set()
            await release_first.wait()
            order.append("first out")

    async def second() -> None:
        await first_in.wait()
        async with locks.hold("ann"):
            order.append("second in")

    async def other() -> None:
        await first_in.wait()
        async with locks.hold("bob"):
            order.append("other in")

    tasks = [asyncio.create_task(c()) for c in (first, second, other)]
    await tasks[2]
    assert order == ["first in", "other in"]
    release_first.set()
    await asyncio.gather(*tasks)
    assert order == ["first in", "other in", "first out", "second in"]
    assert len(locks) == 0


async def test_the_lock_is_dropped_even_when_the_block_raises() -> None:
    locks = KeyedLocks()
    with pytest.raises(RuntimeError):
        async with locks.hold("ann"):
            raise RuntimeError("attempt failed")
    assert len(locks) == 0
