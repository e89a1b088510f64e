"""A later launch's activation token: carried over the real local socket, refused when
it is not a token, put in the environment only while the window asks for the focus,
and never left there."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QProcessEnvironment, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gfdesk import bridge
from gfdesk.desktop.activation import bring_to_front, token_tag
from gfdesk.desktop.instance import ACTIVATION_TOKEN_ENV, Request, instance_key
from gfdesk.desktop.instanceserver import InstanceServer, hand_over
from tests.helpers.logfail import ExpectedLogs

# The offscreen platform cannot raise a window, and says so.
pytestmark = pytest.mark.qt_log_ignore("does not support raise")

TOKEN = "kwin-7f3c9a2e-1b4d-4e8f-9a6b-2c1d0e5f4a3b"


@pytest.fixture
def server(ui_app: QApplication, tmp_path: Path) -> Iterator[InstanceServer]:
    listening = InstanceServer(instance_key(tmp_path, "demo", env={}))
    assert listening.listen()
    yield listening
    listening.close()


@pytest.fixture
def clean_env() -> Iterator[None]:
    before = os.environ.pop(ACTIVATION_TOKEN_ENV, None)
    yield
    os.environ.pop(ACTIVATION_TOKEN_ENV, None)
    if before is not None:
        os.environ[ACTIVATION_TOKEN_ENV] = before


def _process_has_token() -> bool:
    return QProcessEnvironment.systemEnvironment().contains(ACTIVATION_TOKEN_ENV)


async def test_the_token_crosses_the_socket(server: InstanceServer) -> None:
    sent = Request(("gfdesk://call/x",), activation_token=TOKEN)
    answered = asyncio.ensure_future(asyncio.to_thread(hand_over, server.key, sent, 10.0))
    (received,) = await bridge.next_emit(server.request_received, 10)
    assert received == sent and received.activation_token == TOKEN
    assert await answered


async def test_a_request_with_a_bad_token_is_refused_and_the_server_goes_on(
        server: InstanceServer, expected_logs: ExpectedLogs) -> None:
    expected_logs.allow("gfdesk.app", "refused a hand-over: activation_token")
    received: list[Request] = []
    server.request_received.connect(received.append)
    hostile = Request(activation_token="$(rm -rf ~) with spaces")
    assert not await asyncio.to_thread(hand_over, server.key, hostile, 0.5)
    assert received == []
    good = Request(activation_token=TOKEN)
    assert await asyncio.to_thread(hand_over, server.key, good, 10.0)
    assert received == [good]


def test_the_token_is_in_the_environment_only_while_the_window_asks(
        ui_app: QApplication, qtbot: QtBot, clean_env: None,
        caplog: pytest.LogCaptureFixture) -> None:
    seen: list[str | None] = []

    class Window(QWidget):
        def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
            seen.append(os.environ.get(ACTIVATION_TOKEN_ENV))

    window = Window()
    qtbot.addWidget(window)
    with caplog.at_level("INFO", logger="gfdesk.app"):
        used = bring_to_front(window, TOKEN)
    assert seen == [TOKEN]
    assert window.isVisible()
    # The offscreen platform has no xdg-activation: Qt leaves the token, we take it back.
    assert used is False
    assert ACTIVATION_TOKEN_ENV not in os.environ and not _process_has_token()
    assert f"activation token {token_tag(TOKEN)} not used by Qt's offscreen platform" in (
        caplog.text)
    assert TOKEN not in caplog.text


def test_bringing_up_keeps_a_maximised_window_maximised_and_restores_a_minimised_one(
        ui_app: QApplication, qtbot: QtBot, clean_env: None) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMaximized()
    bring_to_front(window)
    assert window.windowState() & Qt.WindowState.WindowMaximized
    window.showMinimized()
    bring_to_front(window)
    assert not window.windowState() & Qt.WindowState.WindowMinimized
    assert window.isVisible()


def test_without_a_token_the_environment_is_left_alone(
        ui_app: QApplication, qtbot: QtBot, clean_env: None) -> None:
    # This process's own launch token (started in the tray, never shown) stays Qt's.
    os.environ[ACTIVATION_TOKEN_ENV] = "own-launch-token"
    window = QWidget()
    qtbot.addWidget(window)
    assert bring_to_front(window) is False
    assert os.environ[ACTIVATION_TOKEN_ENV] == "own-launch-token"


def test_something_that_is_no_token_never_reaches_the_environment(
        ui_app: QApplication, qtbot: QtBot, clean_env: None) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    with pytest.raises(ValueError):
        bring_to_front(window, "x\ny")
    assert ACTIVATION_TOKEN_ENV not in os.environ and not _process_has_token()
    assert not window.isVisible()
