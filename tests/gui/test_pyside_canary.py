"""Canary for a PySide6 fault on CPython 3.11 (found in 6.12.0).

PySide6 6.12.0 drops a reference to ``None`` on every call of a method returning
nothing (``QLabel.setText``, ``QWidget.update``, ``processEvents``, ``QVideoFrame.unmap``)
and to ``True`` on every ``Signal.emit``. On 3.11 those objects are not immortal, so
a qasync loop bleeds about 300 references a second until the process aborts with
"Fatal Python error: none_dealloc". pyproject.toml keeps 3.11 below 6.12; this test
catches a future release with the same fault before users do. On 3.12+ both objects
are immortal and their refcounts mean nothing, so it is skipped there.
"""

from __future__ import annotations

import asyncio
import gc
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None and True are immortal on 3.12+"
)

# 500 rounds are about 2,500 Qt calls and emits. Against PySide6 6.12.0 this test
# measured a fall of about 1,000 references to None per 300 rounds, an assertion
# failure well before the process runs out of references and aborts.
ROUNDS = 500
# Other code may take or drop a few references meanwhile; the fault drops thousands.
SLACK = 200


class Pinger(QObject):
    pinged = Signal(int)


async def test_hot_qt_calls_do_not_drop_references_to_none_or_true(qapp: QApplication) -> None:
    # What earlier tests left for deletion goes first: widgets freed during the loop
    # would take their references to None with them and look like the fault.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    label = QLabel()
    pinger = Pinger()
    received: list[int] = []
    pinger.pinged.connect(received.append)
    loop = asyncio.get_running_loop()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(ROUNDS):
        label.setText(str(i))
        label.update()
        pinger.pinged.emit(i)
        # The qasync loop's own hot path: a cross-thread-style wakeup and a loop turn.
        done = loop.create_future()
        loop.call_soon_threadsafe(done.set_result, None)
        await done
    qapp.processEvents()
    assert len(received) == ROUNDS
    assert sys.getrefcount(None) >= none_before - SLACK
    assert sys.getrefcount(True) >= true_before - SLACK
