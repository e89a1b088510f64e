"""Shared test setup: offscreen Qt, a loop per test kind, noise fails tests.

- Qt runs offscreen; this is set before anything imports Qt.
- Tests that use ``qapp``/``qtbot`` get a qasync loop (through ``gfdesk.bridge``), the
  others a plain asyncio loop, via pytest-asyncio's loop-factory hook. Those tests are
  marked ``gui`` automatically, so ``pytest -m "not gui"`` is the fast Qt-free run.
- An unexpected WARNING log record fails the test (tests/helpers/logfail.py).
- pytest-qt processes Qt events after a test's body and around its teardown, when the
  test's qasync loop is not running; that processing is done inside the loop instead, so
  the test's leftover work (a task step, a hub request in flight) runs with its loop.
- After each Qt test, cyclic garbage is collected on the main (GUI) thread: left for
  Python's automatic collection, a later test's worker thread (a hub, a media thread)
  could be the one that frees those Qt objects ("Timers cannot be stopped from another
  thread", and now and then a crash in the next event).
"""

from __future__ import annotations

import asyncio
import atexit
import gc
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keyring must never reach a developer's real keychain from a test.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
# The stylesheet's themed images go to a folder of this run, not the user's cache.
if "GFDESK_CACHE_DIR" not in os.environ:
    os.environ["GFDESK_CACHE_DIR"] = tempfile.mkdtemp(prefix="gfdesk-test-cache-")
    atexit.register(shutil.rmtree, os.environ["GFDESK_CACHE_DIR"], ignore_errors=True)

import pytest  # noqa: E402
import pytestqt.plugin  # noqa: E402

pytest_plugins = ["tests.helpers.logfail", "tests.helpers.hubfixture"]

GUI_FIXTURES = {"qapp", "qtbot"}


def _wants_qt(item: pytest.Item) -> bool:
    return bool(GUI_FIXTURES & set(getattr(item, "fixturenames", ())))


#: The qasync loop the latest Qt test made (pytest-asyncio closes it after the test).
_qt_loop: asyncio.AbstractEventLoop | None = None


def _new_qt_loop() -> asyncio.AbstractEventLoop:
    global _qt_loop
    from gfdesk.bridge import loop_factory

    _qt_loop = loop_factory()
    return _qt_loop


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> Mapping[str, Callable[[], asyncio.AbstractEventLoop]]:
    if _wants_qt(item):
        return {"qasync": _new_qt_loop}
    return {"asyncio": asyncio.new_event_loop}


_process_events_outside_loops: Callable[[], None] = pytestqt.plugin._process_events


def _process_events_inside_the_loop() -> None:
    # Run outside its loop, a qasync callback or task step finds no running loop: the
    # step fails and its task never resumes (a hang in the teardown that awaits it).
    loop = _qt_loop
    if loop is None or loop.is_closed() or loop.is_running():
        _process_events_outside_loops()
        return
    loop.run_until_complete(asyncio.sleep(0))


pytestqt.plugin._process_events = _process_events_inside_the_loop


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _wants_qt(item):
            item.add_marker(pytest.mark.gui)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    yield
    if _wants_qt(item):
        gc.collect()
