"""Texts the translation scan used to miss (built through helpers, loops, f-strings, or
worded by the Qt-free core) now switch to German live."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, cast

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from supabase_auth.errors import AuthApiError

from gfdesk.calls.callwindow import CallWindow
from gfdesk.chat.groupdialog import GroupDialog
from gfdesk.chat.model import ChatModel
from gfdesk.chat.service import ChatService
from gfdesk.chat.view import ChatView
from gfdesk.config import Paths, load, problem_text
from gfdesk.core.session import error_text
from gfdesk.core.status import (
    CONNECTION_LOST_DETAIL,
    DEMO_HUB,
    NO_CLOSE_FRAME,
    NOT_SIGNED_IN,
    ConnectionState,
    ConnectionStatus,
)
from gfdesk.friends.model import FriendsModel
from gfdesk.friends.view import FriendsView
from gfdesk.ui.language import Languages
from gfdesk.ui.statusbar import ConnectionIndicator, reason_text, status_text
from tests.gui.calls.test_callwindow_retranslate import _Model
from tests.gui.languages import languages

__all__ = ["languages"]

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise", "does not support activate")


def test_the_friends_summary_counts_in_german(qtbot: QtBot, languages: Languages) -> None:
    model = FriendsModel()
    view = FriendsView(model)
    qtbot.addWidget(view)
    model.counts_changed.emit(3, 12)
    assert view.summary.text() == "3 of 12 friends online"
    assert view.requests_tab.text() == "Requests"

    languages.apply("de")
    qtbot.waitUntil(lambda: view.summary.text() == "3 von 12 Freunden online")
    assert view.requests_tab.text() == "Anfragen"
    model.counts_changed.emit(1, 1)
    assert view.summary.text() == "1 von 1 Freund online"

    languages.apply("en")
    qtbot.waitUntil(lambda: view.summary.text() == "1 of 1 friend online")


def test_the_call_window_tooltips_switch_live(qtbot: QtBot, languages: Languages) -> None:
    window = CallWindow(cast(Any, _Model()))
    qtbot.addWidget(window)
    assert window.hang_up.toolTip() == "Hang up"
    assert window.mute.accessibleName() == "Mute"

    languages.apply("de")
    qtbot.waitUntil(lambda: window.hang_up.toolTip() == "Auflegen")
    assert window.mute.toolTip() == "Stummschalten"
    assert window.mute.accessibleName() == "Stummschalten"

    languages.apply("en")
    qtbot.waitUntil(lambda: window.hang_up.toolTip() == "Hang up")


def test_the_core_s_connection_reasons_read_in_german(qtbot: QtBot,
                                                       languages: Languages) -> None:
    indicator = ConnectionIndicator()
    qtbot.addWidget(indicator)
    lost = ConnectionStatus(ConnectionState.OFFLINE, CONNECTION_LOST_DETAIL.format(detail=1006),
                            backend=DEMO_HUB)
    indicator.set_status(lost)
    assert status_text(lost) == "Offline — connection lost (1006), retrying"

    languages.apply("de")
    qtbot.waitUntil(lambda: "Verbindung verloren (1006)" in indicator.toolTip()
                    or "Verbindung verloren (1006)" in indicator._text.toolTip())
    assert status_text(lost) == "Offline — Verbindung verloren (1006), neuer Versuch läuft"
    assert status_text(ConnectionStatus(ConnectionState.ONLINE, NOT_SIGNED_IN,
                                        backend=DEMO_HUB)) == "Online · Demo-Hub"
    assert reason_text(CONNECTION_LOST_DETAIL.format(detail=NO_CLOSE_FRAME)) == (
        "Verbindung verloren (ohne Close-Frame)")
    # A reason the core does not mark (a server's own words) is shown as it came.
    assert reason_text("Invalid login credentials") == "Invalid login credentials"


def test_a_settings_problem_is_shown_in_german(tmp_path: Path, languages: Languages) -> None:
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    paths.config_dir.mkdir(parents=True)
    paths.config_file.write_text('[app]\nprofile = "nowhere"\n', encoding="utf-8")
    config = load(env={}, paths=paths)
    [problem] = config.problems
    # Loaded before any translator: English where it is logged, German where it is shown.
    assert problem == f"{paths.config_file}: profile 'nowhere' is not defined; using the demo"
    languages.apply("de")
    assert problem_text(problem) == (
        f"{paths.config_file}: Profil 'nowhere' ist nicht definiert; die Demo wird verwendet")
    assert problem_text("plain words") == "plain words"


def test_a_sign_in_error_is_shown_in_german(languages: Languages) -> None:
    wrong = AuthApiError("Invalid login credentials", 400, "invalid_credentials")
    weak = AuthApiError("Password should be at least 6 characters.", 422, "weak_password")
    unknown = AuthApiError("Something the server says", 400, "unexpected_failure")
    assert error_text(wrong) == "Wrong email or password."
    languages.apply("de")
    assert error_text(wrong) == "E-Mail-Adresse oder Passwort ist falsch."
    assert error_text(weak) == "Das Passwort ist zu schwach: Verwende mindestens 6 Zeichen."
    assert error_text(unknown) == "Something the server says"


def test_the_chat_call_buttons_and_group_dialog_switch_live(qtbot: QtBot,
                                                             languages: Languages) -> None:
    service = ChatService(None, None, None, "me")  # type: ignore[arg-type]
    view = ChatView(ChatModel(service, tz=dt.UTC))
    group = GroupDialog([("u1", "Ada", None), ("u2", "Bo", None)])
    qtbot.addWidget(view)
    qtbot.addWidget(group)
    assert view.call_buttons["video"].toolTip() == "Start a video call"
    assert group.chosen_label.text() == "Choose at least one friend."

    languages.apply("de")
    qtbot.waitUntil(lambda: view.call_buttons["video"].toolTip() == "Videoanruf starten")
    assert view.call_buttons["audio"].accessibleName() == "Sprachanruf starten"
    assert group.members_label.text() == "Mitglieder"
    assert group.chosen_label.text() == "Wähle mindestens einen Freund aus."
    group.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert group.chosen_label.text() == "1 Freund ausgewählt"
    group.list.item(1).setCheckState(Qt.CheckState.Checked)
    assert group.chosen_label.text() == "2 Freunde ausgewählt"

    languages.apply("en")
    qtbot.waitUntil(lambda: group.chosen_label.text() == "2 friends chosen")
    assert view.call_buttons["video"].toolTip() == "Start a video call"
