"""Shared test setup: offscreen Qt, a loop per test kind, noise fails tests.

- Qt runs offscreen; this is set before anything imports Qt.
- Tests that use ``qapp``/``qtbot`` get a qasync loop (through ``gfdesk.bridge``), the
  others a plain asyncio loop, via pytest-asyncio's loop-factory hook. Those tests are
  marked ``gui`` automatically, so ``pytest -m "not gui"`` is the fast Qt-free run.
- An unexpected WARNING log record fails the test (tests/helpers/logfail.py).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Mapping

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keyring must never reach a developer's real keychain from a test.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

import pytest  # noqa: E402

pytest_plugins = ["tests.helpers.logfail", "tests.helpers.hubfixture"]

GUI_FIXTURES = {"qapp", "qtbot"}


def _wants_qt(item: pytest.Item) -> bool:
    return bool(GUI_FIXTURES & set(getattr(item, "fixturenames", ())))


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> Mapping[str, Callable[[], asyncio.AbstractEventLoop]]:
    if _wants_qt(item):
        from gfdesk.bridge import loop_factory

        return {"qasync": loop_factory}
    return {"asyncio": asyncio.new_event_loop}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _wants_qt(item):
            item.add_marker(pytest.mark.gui)
