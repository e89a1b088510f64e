"""NamedTimer: a QTimer that says whose it is."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gfdesk.kit.timer import NamedTimer


def test_named_timer_carries_its_name_and_fires(qapp: QApplication, qtbot: QtBot) -> None:
    owner = QObject()
    timer = NamedTimer(owner, "test-tick", interval_ms=5, single_shot=True)
    assert owner.findChild(QTimer, "test-tick") is timer
    assert repr(timer) == "<NamedTimer 'test-tick' 5 ms idle>"
    with qtbot.waitSignal(timer.timeout, timeout=2000):
        timer.start()
    assert not timer.isActive()
