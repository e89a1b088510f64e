"""The one seam between asyncio and Qt (qasync). Nothing else imports qasync.

- ``run(main)`` runs a coroutine function on a qasync loop bound to the QApplication.
- ``spawn(coro, name=, owner=)`` starts a task, keeps a strong reference to it, logs its
  failure to ``gfdesk.bridge`` and cancels it when ``owner`` (a QObject) is destroyed;
  ``group=`` makes it exclusive: a newer task of the same (owner, group) cancels the older.
- ``drain()`` cancels every spawned task and waits for them: the last step of shutdown.
- ``next_emit(signal, timeout)`` awaits one emission of a Qt signal.

Data flows one way through here: models spawn core coroutines, and coroutines reach
widgets only through Qt signals emitted on the loop's (GUI) thread.
"""

from __future__ import annotations

import asyncio
import functools
import sys
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import qasync
from PySide6.QtCore import QMetaObject, QObject, SignalInstance
from PySide6.QtWidgets import QApplication

from gfdesk.log import bridge as log

T = TypeVar("T")

# Strong references to every task spawned here: asyncio keeps only weak ones, and a task
# that is garbage-collected mid-flight vanishes without a trace.
_tasks: set[asyncio.Task[Any]] = set()
_groups: dict[tuple[int, str], asyncio.Task[Any]] = {}


class _QtLoop(qasync.QEventLoop):  # type: ignore[misc]  # qasync is untyped
    """qasync's loop, except that the Qt events ``run_until_complete`` processes after the
    loop stops still see it as the running loop.

    qasync clears the running loop before that last pass, so a task step or a socket
    callback due then (a request arriving as a test's body ends, an answer as the app's
    last coroutine returns) fails with "no running event loop" or "Cannot enter into
    task", and that task never resumes.
    """

    _finishing = False

    def run_until_complete(self, future: Any) -> Any:
        self._finishing = True
        try:
            return super().run_until_complete(future)
        finally:
            self._finishing = False
            asyncio.events._set_running_loop(None)

    def _after_run_forever(self) -> None:
        super()._after_run_forever()
        if self._finishing:
            asyncio.events._set_running_loop(self)


def loop_factory() -> asyncio.AbstractEventLoop:
    """A qasync loop on the running QApplication (created if there is none yet)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    loop: asyncio.AbstractEventLoop = _QtLoop(app)
    return loop


def run(main: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run ``main()`` to completion on a qasync loop and return its result.

    ``main`` owns shutdown: it returns only after its services are closed, so nothing is
    pending when the loop stops (the cause of "Event loop stopped before Future
    completed" when ``app.quit()`` is called with work in flight).
    """
    with asyncio.Runner(loop_factory=loop_factory) as runner:
        try:
            return runner.run(main())
        finally:
            # Tasks spawned without an owner that were never drained (an error path).
            if _tasks:
                runner.run(drain())


def spawn(
    coro: Coroutine[Any, Any, T],
    *,
    name: str,
    owner: QObject | None = None,
    group: str | None = None,
) -> asyncio.Task[T]:
    """Start ``coro`` as a task owned by ``owner``.

    Args:
        coro: the work.
        name: ``"<owner>:<purpose>"``, shown in task dumps and failure logs.
        owner: cancel the task when this QObject is destroyed.
        group: with an owner, one live task per (owner, group): starting a new one
            cancels the previous (search-as-you-type, "refresh bracket").
    """
    task = asyncio.get_running_loop().create_task(coro, name=name)
    _tasks.add(task)
    task.add_done_callback(_on_task_done)
    if group is not None:
        key = (id(owner), group)
        previous = _groups.get(key)
        if previous is not None and not previous.done():
            previous.cancel()
        _groups[key] = task
        task.add_done_callback(functools.partial(_forget_group, key))
    if owner is not None:
        connection = owner.destroyed.connect(lambda *_: task.cancel())
        # Drop the connection once the task ends, or a long-lived owner would keep
        # every finished task (and its result) alive through it.
        task.add_done_callback(lambda _t: _disconnect(connection))
    return task


def _disconnect(connection: QMetaObject.Connection) -> None:
    try:
        QObject.disconnect(connection)
    except RuntimeError:
        pass  # the owner is already gone, and its connections with it


def _forget_group(key: tuple[int, str], task: asyncio.Task[Any]) -> None:
    if _groups.get(key) is task:
        del _groups[key]


def _on_task_done(task: asyncio.Task[Any]) -> None:
    _tasks.discard(task)
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None:
        log.error("task %s failed", task.get_name(), exc_info=exc)


def live_tasks() -> frozenset[asyncio.Task[Any]]:
    """The spawned tasks still running, for diagnostics and tests."""
    return frozenset(t for t in _tasks if not t.done())


async def drain(timeout: float = 5.0) -> None:
    """Cancel every spawned task and wait for them to finish (shutdown's last step)."""
    pending = [t for t in _tasks if not t.done()]
    for task in pending:
        task.cancel()
    if not pending:
        return
    _, still = await asyncio.wait(pending, timeout=timeout)
    for task in still:
        log.warning("task %s ignored cancellation at shutdown", task.get_name())


async def next_emit(signal: SignalInstance, timeout: float = 5.0) -> tuple[Any, ...]:
    """Wait for the next emission of ``signal`` and return its arguments.

    For tests and rare glue code. Unlike ``qtbot.waitSignal`` it does not start a nested
    Qt loop, so asyncio tasks keep running while it waits.

    Raises:
        TimeoutError: no emission within ``timeout`` seconds.
    """
    future: asyncio.Future[tuple[Any, ...]] = asyncio.get_running_loop().create_future()

    def _slot(*args: Any) -> None:
        if not future.done():
            future.set_result(args)

    signal.connect(_slot)
    try:
        async with asyncio.timeout(timeout):
            return await future
    finally:
        try:
            signal.disconnect(_slot)
        except RuntimeError:
            pass  # the sender was destroyed (awaiting ``destroyed`` ends this way)


async def wrap_modal(fn: Callable[..., T], *args: Any) -> T:
    """Run a blocking Qt call (a modal dialog's ``exec``) from a coroutine."""
    result: T = await qasync.asyncWrap(fn, *args)
    return result
