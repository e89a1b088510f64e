"""The chat as gamers use it, on the real hub: an edit and a deletion reach every open
client live, a draft waits in its conversation, a new conversation says so, groups are
made with friends and renamed, and sender names are whole when they fit."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from gfdesk import bridge
from gfdesk.chat.feature import ChatFeature
from gfdesk.chat.groupdialog import GroupDialog, RenameDialog
from gfdesk.chat.messagedelegate import fitted
from gfdesk.chat.messages import SendState
from gfdesk.hub.demo import BOTS
from tests.gui.chat.test_chat_live import feature_for, group_of, open_and_wait, until
from tests.helpers.chatmembers import ChatWorld
from tests.helpers.hubfixture import service_client, user_client, user_id

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _message(feature: ChatFeature, message_id: str) -> object:
    model = feature.model.messages
    assert model is not None
    model.flush()
    return model.find(message_id)


async def test_an_edit_and_a_deletion_reach_every_open_client(
        chat_world: ChatWorld, qtbot: QtBot) -> None:
    ada, bob = await chat_world.member("ada"), await chat_world.member("bob")
    conversation = await group_of(chat_world, ada, bob)
    ada_chat, bob_chat = await feature_for(ada, qtbot), await feature_for(bob, qtbot)
    for feature in (ada_chat, bob_chat):
        await open_and_wait(feature, conversation)
    ada_chat.model.send("gg ez")
    model = ada_chat.model.messages
    assert model is not None
    sent = model.messages()[-1].id
    await until(lambda: _message(bob_chat, sent) is not None)
    await until(lambda: ada_chat.model.editable(sent) is not None)

    # Up in the empty box edits the last message; Enter saves.
    view = ada_chat.view
    QTest.keyClick(view.composer, Qt.Key.Key_Up)
    assert view.editing_id == sent and view.composer.toPlainText() == "gg ez"
    assert view.edit_banner.isVisible()
    view.composer.selectAll()
    QTest.keyClicks(view.composer, "gg, well played")
    QTest.keyClick(view.composer, Qt.Key.Key_Return)
    assert view.editing_id is None and view.composer.toPlainText() == ""
    await until(lambda: getattr(_message(bob_chat, sent), "edited_at", None) is not None)
    seen = _message(bob_chat, sent)
    assert getattr(seen, "body", "") == "gg, well played"

    ada_chat.model.delete(sent)
    await until(lambda: getattr(_message(bob_chat, sent), "deleted", False))
    assert getattr(_message(bob_chat, sent), "body", None) == ""
    # Bob's own view paints it as deleted; he cannot edit Ada's message.
    assert bob_chat.model.editable(sent) is None
    stored = (await (await service_client(chat_world.hub)).table("messages").select(
        "body,deleted_at").eq("id", sent).execute()).data
    assert stored[0]["body"] == "" and stored[0]["deleted_at"] is not None
    summary = bob_chat.model.conversations.get(conversation)
    assert summary is not None and summary.preview().endswith("message deleted")
    await ada_chat.aclose()
    await bob_chat.aclose()


async def test_a_draft_stays_with_its_conversation(chat_world: ChatWorld,
                                                   qtbot: QtBot) -> None:
    ada, bob, cat = [await chat_world.member(n) for n in ("ada", "bob", "cat")]
    first = await group_of(chat_world, ada, bob)
    second = await group_of(chat_world, ada, cat)
    chat = await feature_for(ada, qtbot)
    await open_and_wait(chat, first)
    QTest.keyClicks(chat.view.composer, "half a thought")
    await open_and_wait(chat, second)
    assert chat.view.composer.toPlainText() == ""
    QTest.keyClicks(chat.view.composer, "for cat")
    await open_and_wait(chat, first)
    assert chat.view.composer.toPlainText() == "half a thought"
    QTest.keyClick(chat.view.composer, Qt.Key.Key_Return)  # sent: the draft is gone
    await open_and_wait(chat, second)
    assert chat.view.composer.toPlainText() == "for cat"
    await open_and_wait(chat, first)
    assert chat.view.composer.toPlainText() == ""
    await chat.aclose()


async def test_a_new_conversation_says_it_is_new(chat_world: ChatWorld, qtbot: QtBot) -> None:
    ada, bob = await chat_world.member("ada"), await chat_world.member("bob")
    conversation = await group_of(chat_world, ada, bob)
    chat = await feature_for(ada, qtbot)
    await open_and_wait(chat, conversation)
    label = chat.view.message_list.empty_label
    assert label.isVisible()
    assert label.text() == "This is the beginning of Squad.\nSay hi to the group!"
    assert label.textFormat() == Qt.TextFormat.PlainText
    chat.model.send("hi")
    await until(lambda: not label.isVisible())
    await chat.aclose()


async def test_a_group_is_made_with_chosen_friends_and_renamed(
        chat_world: ChatWorld, qtbot: QtBot) -> None:
    ada, bob, cat = [await chat_world.member(n) for n in ("ada", "bob", "cat")]  # friends
    service = await service_client(chat_world.hub)
    chat = await feature_for(ada, qtbot)
    chat.set_friends([(bob.user_id, "Bob", None), (cat.user_id, "Cat", None)])
    dialog = chat.view.open_group_dialog()
    assert isinstance(dialog, GroupDialog)
    create = dialog.findChild(QPushButton, "createGroupButton")
    assert not create.isEnabled()
    QTest.keyClicks(dialog.title, "Scrim Team")
    friends = dialog.findChild(QListWidget, "groupFriends")
    for row in range(friends.count()):
        friends.item(row).setCheckState(Qt.CheckState.Checked)
    assert create.isEnabled()
    opened = bridge.next_emit(chat.conversation_opened, 15)
    create.click()
    (conversation_id,) = await opened
    summary = chat.model.conversations.get(conversation_id)
    assert summary is not None and summary.title == "Scrim Team"
    assert set(summary.member_ids) == {ada.user_id, bob.user_id, cat.user_id}

    rename = chat.view.open_rename_dialog()
    assert isinstance(rename, RenameDialog)
    rename.field.setText("  Scrim   Team  B ")
    rename.save.click()
    await until(lambda: chat.model.conversations.get(conversation_id).title  # type: ignore[union-attr]
                == "Scrim Team B")
    stored = (await service.table("conversations").select("title").eq(
        "id", conversation_id).execute()).data
    assert stored == [{"title": "Scrim Team B"}]
    await chat.aclose()


async def test_a_group_with_a_stranger_is_refused_and_said(chat_world: ChatWorld,
                                                           qtbot: QtBot) -> None:
    ada = await chat_world.member("ada")
    stranger = await user_id(await user_client(chat_world.hub, "zed@example.com",
                                               username="zed"))
    chat = await feature_for(ada, qtbot)
    notice = bridge.next_emit(chat.model.notice, 15)
    chat.model.create_group("Nope", [stranger])
    (text,) = await notice
    assert "Could not create the group" in text and "friends" in text
    await chat.aclose()


def test_sender_names_are_whole_when_they_fit(qapp: QApplication) -> None:
    from gfdesk.chat.messagedelegate import MessageDelegate
    from gfdesk.ui import theme

    theme.apply(qapp)
    delegate = MessageDelegate(lambda _u: "", "me", dt.UTC)
    delegate.set_fonts_from(qapp.font())
    for name in [b.display_name for b in BOTS] + ["You", "Demo Player", "Ada", "W"]:
        shown, width = fitted(delegate.name_metrics, name, 400)
        assert shown == name, name
        assert delegate.name_metrics.horizontalAdvance(name) <= width
    shown, width = fitted(delegate.name_metrics, "A very long display name indeed", 60)
    assert shown.endswith("…") and width == 60


async def test_a_failed_or_sending_message_cannot_be_edited(
        chat_world: ChatWorld, qtbot: QtBot) -> None:
    ada, bob = await chat_world.member("ada"), await chat_world.member("bob")
    conversation = await group_of(chat_world, ada, bob)
    chat = await feature_for(ada, qtbot)
    await open_and_wait(chat, conversation)
    model = chat.model.messages
    assert model is not None
    pending = chat.model.service.compose(conversation, "on its way")
    model.add_optimistic(pending)
    model.set_state(pending.id, SendState.FAILED, "refused")
    assert chat.model.editable(pending.id) is None
    assert chat.model.edit(pending.id, "changed") == "This message can no longer be edited."
    await asyncio.sleep(0)
    await chat.aclose()
