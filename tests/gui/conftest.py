"""Fixtures for the shell's widget tests: a themed QApplication that never quits on its own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from gfdesk.ui import theme


@pytest.fixture
def ui_app(qapp: QApplication) -> Iterator[QApplication]:
    """``qapp`` with the gfdesk theme (so stylesheet warnings fail the test).

    Closing a test's last window must not post a quit to the shared application
    (a later test's qasync loop would receive it), so automatic quitting is off.
    """
    quits = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    theme.apply(qapp)
    try:
        yield qapp
    finally:
        qapp.setQuitOnLastWindowClosed(quits)
