"""The sign-in dialog: input checks, sign-in/sign-up toggle, busy state, inline server
errors, remember-me without a keyring, and a real round trip against the hub."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QProgressBar, QPushButton
from pytestqt.qtbot import QtBot

from gfdesk import bridge
from gfdesk.core.backend import BackendService
from gfdesk.core.session import error_text
from gfdesk.hub.runner import RunningHub
from gfdesk.ui.signin import (
    NO_KEYRING_HINT,
    SignInDialog,
    SignInMode,
    SignInRequest,
)
from tests.gui.finders import child
from tests.helpers.hubfixture import DEFAULT_PASSWORD, user_client
from tests.helpers.memkeyring import MemoryKeyring


def make(qtbot: QtBot, **kwargs: object) -> tuple[SignInDialog, list[SignInRequest]]:
    dialog = SignInDialog(**kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    sent: list[SignInRequest] = []
    dialog.submitted.connect(sent.append)
    return dialog, sent


def fill(dialog: SignInDialog, email: str, password: str, name: str = "") -> None:
    for field, text in (("signInEmail", email), ("signInPassword", password),
                        ("signInDisplayName", name)):
        line = child(dialog, QLineEdit, field)
        line.clear()
        QTest.keyClicks(line, text)


def submit(dialog: SignInDialog) -> None:
    QTest.mouseClick(child(dialog, QPushButton, "signInSubmit"), Qt.MouseButton.LeftButton)


def test_it_submits_email_password_and_remember_me(ui_app: QApplication, qtbot: QtBot) -> None:
    dialog, sent = make(qtbot)
    fill(dialog, "ada@example.com", "hunter2-hunter2")
    submit(dialog)
    assert sent == [SignInRequest(SignInMode.SIGN_IN, "ada@example.com", "hunter2-hunter2",
                                  remember=True)]
    assert dialog.busy and child(dialog, QProgressBar, "signInProgress").isVisibleTo(dialog)
    assert not child(dialog, QLineEdit, "signInEmail").isEnabled()
    submit(dialog)  # a second click while busy sends nothing
    assert len(sent) == 1


def test_obvious_mistakes_are_shown_inline_without_asking_the_server(
        ui_app: QApplication, qtbot: QtBot) -> None:
    dialog, sent = make(qtbot)
    fill(dialog, "ada", "pw")
    submit(dialog)
    assert dialog.error_text() == "Enter a valid email address."
    fill(dialog, "ada@example.com", "")
    submit(dialog)
    assert dialog.error_text() == "Enter your password."
    assert sent == [] and not dialog.busy


def test_the_toggle_switches_to_sign_up_with_a_display_name(
        ui_app: QApplication, qtbot: QtBot) -> None:
    dialog, sent = make(qtbot)
    name = child(dialog, QLineEdit, "signInDisplayName")
    assert not name.isVisibleTo(dialog)
    QTest.mouseClick(child(dialog, QPushButton, "signInSwitchMode"), Qt.MouseButton.LeftButton)
    assert dialog.mode is SignInMode.SIGN_UP and name.isVisibleTo(dialog)
    assert child(dialog, QPushButton, "signInSubmit").text() == "Create account"
    fill(dialog, "neo@example.com", "a-long-password-1", "")
    submit(dialog)
    assert dialog.error_text() == "Choose a display name."
    fill(dialog, "neo@example.com", "a-long-password-1", "Neo")
    submit(dialog)
    assert sent[-1].mode is SignInMode.SIGN_UP and sent[-1].display_name == "Neo"


def test_a_server_error_ends_busy_and_shows_as_plain_text(
        ui_app: QApplication, qtbot: QtBot) -> None:
    dialog, _ = make(qtbot, email="ada@example.com", message="Please sign in again.")
    fill(dialog, "ada@example.com", "wrong")
    submit(dialog)
    dialog.show_error("<b>Invalid login credentials</b>")
    assert not dialog.busy
    assert dialog.error_text() == "<b>Invalid login credentials</b>"
    assert child(dialog, QLineEdit, "signInPassword").isEnabled()


def test_without_a_keyring_remember_me_is_off_and_says_why(
        ui_app: QApplication, qtbot: QtBot) -> None:
    dialog, sent = make(qtbot, keyring_available=False)
    remember = child(dialog, QCheckBox, "signInRemember")
    assert not remember.isChecked() and not remember.isEnabled()
    assert NO_KEYRING_HINT in [w.text() for w in dialog.findChildren(QLabel)]
    fill(dialog, "ada@example.com", "pw-pw-pw-pw")
    submit(dialog)
    dialog.set_busy(False)
    assert not remember.isEnabled() and sent[-1].remember is False


async def test_round_trip_against_the_hub_shows_the_servers_message_then_signs_in(
        ui_app: QApplication, qtbot: QtBot, hub: RunningHub, tmp_path: Path) -> None:
    await user_client(hub, "ada@example.com")
    backend = BackendService(hub.url, hub.anon_key, label="hub", on_status=lambda s: None,
                             data_dir=tmp_path, keyring_backend=MemoryKeyring())
    await backend.start(None)
    dialog, _ = make(qtbot, email="ada@example.com")

    async def sign_in(request: SignInRequest) -> None:
        try:
            await backend.sign_in(request.credentials, remember=request.remember)
        except Exception as exc:
            dialog.show_error(error_text(exc))
        else:
            dialog.accept()

    tasks: list[asyncio.Task[None]] = []
    dialog.submitted.connect(lambda r: tasks.append(
        bridge.spawn(sign_in(r), name="signin:submit", owner=dialog)))
    try:
        fill(dialog, "ada@example.com", "not-the-password")
        submit(dialog)
        async with asyncio.timeout(10):
            await tasks[-1]
        assert not dialog.busy
        assert dialog.error_text() == "Wrong email or password."
        fill(dialog, "ada@example.com", DEFAULT_PASSWORD)
        submit(dialog)
        (result,) = await bridge.next_emit(dialog.finished, 10)
        assert result == SignInDialog.DialogCode.Accepted.value
        assert backend.account is not None and backend.account.email == "ada@example.com"
    finally:
        await backend.aclose()
