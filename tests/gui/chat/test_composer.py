"""The composer: the length limit is explained before sending; Enter sends,
Shift+Enter adds a line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gfdesk.chat.messages import MAX_MESSAGE_CHARS
from gfdesk.chat.model import ChatModel
from gfdesk.chat.service import ChatService
from gfdesk.chat.view import ChatView


def make_view(qtbot: QtBot) -> tuple[ChatView, list[str]]:
    # No backend: the composer only talks to the model, which refuses before sending.
    service = ChatService(None, None, None, "me")  # type: ignore[arg-type]
    model = ChatModel(service, tz=dt.UTC)
    sent: list[str] = []
    model.send = lambda text: sent.append(text) or ""  # type: ignore[method-assign]
    view = ChatView(model)
    qtbot.addWidget(view)
    return view, sent


def test_too_long_a_message_is_explained_and_cannot_be_sent(qtbot: QtBot) -> None:
    view, sent = make_view(qtbot)
    view.composer.setPlainText("x" * (MAX_MESSAGE_CHARS + 5))
    assert not view.send_button.isEnabled()
    assert not view.hint.isHidden()
    assert "at most 2,000 characters" in view.hint.text()
    assert "by 5" in view.hint.text()
    view.composer.setPlainText("x" * (MAX_MESSAGE_CHARS - 10))
    assert view.send_button.isEnabled()
    assert view.hint.text() == f"{MAX_MESSAGE_CHARS - 10:,} / {MAX_MESSAGE_CHARS:,} characters"
    view.composer.setPlainText("short")
    assert view.hint.isHidden()
    assert sent == []


def test_enter_sends_and_shift_enter_adds_a_line(qtbot: QtBot) -> None:
    view, sent = make_view(qtbot)
    qtbot.keyClicks(view.composer, "gg")
    qtbot.keyClick(view.composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(view.composer, "wp")
    assert view.composer.toPlainText() == "gg\nwp"
    qtbot.keyClick(view.composer, Qt.Key.Key_Return)
    assert sent == ["gg\nwp"]
    assert view.composer.toPlainText() == ""
