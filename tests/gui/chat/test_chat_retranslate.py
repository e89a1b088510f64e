"""The chat view, its message list and its composer re-word themselves live."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from gfdesk.chat.groupdialog import GroupDialog, RenameDialog
from gfdesk.chat.model import ChatModel
from gfdesk.chat.service import ChatService
from gfdesk.chat.view import ChatView
from gfdesk.ui.language import Languages
from tests.gui.chat.test_chat_live import feature_for, group_of, open_and_wait, until
from tests.gui.languages import languages
from tests.helpers.chatmembers import ChatWorld

__all__ = ["languages"]

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_chat_view_rewords_itself_live(qtbot: QtBot, languages: Languages) -> None:
    service = ChatService(None, None, None, "me")  # type: ignore[arg-type]
    view = ChatView(ChatModel(service, tz=dt.UTC))
    qtbot.addWidget(view)
    view.show()
    languages.apply("de")
    qtbot.waitUntil(lambda: view.send_button.text() == "Senden")
    assert view.new_group.text() == "+ Gruppe"
    assert view.new_group.toolTip() == "Gruppenchat mit Freunden erstellen"
    assert view.conversation_list.accessibleName() == "Unterhaltungen"
    assert view.rename_button.text() == "Umbenennen"
    assert view._empty.text() == "Wähl eine Unterhaltung, um loszuchatten."
    assert view.composer.accessibleName() == "Nachricht"
    assert view.message_list.accessibleName() == "Nachrichten"
    assert view.message_list.jump_button.text() == "Neue Nachrichten  \u2193"
    assert view.message_list.loading_label.text() == "Ältere Nachrichten werden geladen …"
    languages.apply("en")
    qtbot.waitUntil(lambda: view.send_button.text() == "Send")
    assert view.new_group.text() == "+ Group"
    assert view.conversation_list.accessibleName() == "Conversations"
    assert view._empty.text() == "Pick a conversation to start chatting."
    assert view.composer.accessibleName() == "Message"
    assert view.message_list.loading_label.text() == "Loading older messages..."


def test_group_and_rename_dialogs_reword_themselves_live(qtbot: QtBot,
                                                         languages: Languages) -> None:
    group = GroupDialog([])
    rename = RenameDialog("Squad")
    for dialog in (group, rename):
        qtbot.addWidget(dialog)
        dialog.show()
    languages.apply("de")
    qtbot.waitUntil(lambda: group.create_button.text() == "Gruppe erstellen")
    assert group.windowTitle() == "Neue Gruppe"
    qtbot.waitUntil(lambda: rename.save.text() == "Speichern")
    assert rename.windowTitle() == "Unterhaltung umbenennen"
    languages.apply("en")
    qtbot.waitUntil(lambda: group.create_button.text() == "Create group")
    qtbot.waitUntil(lambda: rename.save.text() == "Save")
    assert group.windowTitle() == "New group"
    assert rename.windowTitle() == "Rename conversation"


async def test_an_empty_conversation_says_it_is_new_in_the_language_of_the_moment(
        chat_world: ChatWorld, qtbot: QtBot, languages: Languages) -> None:
    ada, bob = await chat_world.member("ada"), await chat_world.member("bob")
    conversation = await group_of(chat_world, ada, bob)
    chat = await feature_for(ada, qtbot)
    await open_and_wait(chat, conversation)
    label = chat.view.message_list.empty_label
    english = "This is the beginning of Squad.\nSay hi to the group!"
    await until(lambda: label.text() == english)
    languages.apply("de")
    await until(lambda: chat.view.send_button.text() == "Senden")
    assert label.text() == "Hier beginnt Squad.\nSag der Gruppe hallo!"
    assert label.isVisible()
    languages.apply("en")
    await until(lambda: chat.view.send_button.text() == "Send")
    assert label.text() == english
    await chat.aclose()
