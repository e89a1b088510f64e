"""Qt's messages reach the gfdesk.ui logger at matching levels."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import qDebug, qWarning
from PySide6.QtWidgets import QApplication

from gfdesk.ui.qtlog import install_qt_message_handler, uninstall_qt_message_handler
from tests.helpers.logfail import ExpectedLogs


def test_qt_warnings_and_debug_go_to_the_ui_logger(
    qapp: QApplication, caplog: pytest.LogCaptureFixture, expected_logs: ExpectedLogs
) -> None:
    expected_logs.allow("gfdesk.ui", "Qt: something odd")
    install_qt_message_handler()
    with caplog.at_level(logging.DEBUG, logger="gfdesk.ui"):
        qWarning("something odd")
        qDebug("just chatter")
    records = [(r.name, r.levelno, r.getMessage()) for r in caplog.records
               if r.name == "gfdesk.ui"]
    assert ("gfdesk.ui", logging.WARNING, "Qt: something odd") in [
        (name, level, message.split(" (")[0]) for name, level, message in records
    ]
    assert any(level == logging.DEBUG and "just chatter" in message
               for _, level, message in records)


def test_known_platform_noise_is_debug(
    qapp: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    install_qt_message_handler()
    with caplog.at_level(logging.DEBUG, logger="gfdesk.ui"):
        qWarning("This plugin does not support propagateSizeHints()")
    (record,) = [r for r in caplog.records if "propagateSizeHints" in r.getMessage()]
    assert record.levelno == logging.DEBUG


def test_uninstall_stops_the_routing(
    qapp: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    install_qt_message_handler()
    uninstall_qt_message_handler()
    with caplog.at_level(logging.DEBUG, logger="gfdesk.ui"):
        qDebug("after uninstall")
    assert not [r for r in caplog.records if "after uninstall" in r.getMessage()]
