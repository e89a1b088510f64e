"""Qt events are processed after a test's body has returned: by qasync's last pass in
``run_until_complete`` and by pytest-qt before the teardown, both when the test's loop is
not running. Work the test left queued on that loop must still run inside it: run
outside, a task step fails ("no running event loop", "Cannot enter into task"), a hub
request in flight then errors and a broken task can hang the teardown."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

ran_in_loop: list[bool] = []


def _note_running_loop() -> None:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        ran_in_loop.append(False)
    else:
        ran_in_loop.append(True)


@pytest.fixture
def left_work_checked() -> Iterator[None]:
    ran_in_loop.clear()
    yield
    # Torn down after pytest-qt's event processing of the call phase.
    assert ran_in_loop == [True]


async def test_callbacks_left_queued_run_inside_the_tests_loop(
        qapp: QApplication, left_work_checked: None) -> None:
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    assert task is not None
    # Queued once the body has returned, after the callback that stops the loop: it runs
    # in qasync's last pass.
    task.add_done_callback(lambda _task: loop.call_soon(_note_running_loop))


async def test_callbacks_queued_by_the_last_pass_run_inside_the_tests_loop(
        qapp: QApplication, left_work_checked: None) -> None:
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    assert task is not None
    # One hop later: queued during qasync's last pass, run in pytest-qt's processing.
    task.add_done_callback(
        lambda _task: loop.call_soon(loop.call_soon, _note_running_loop))
