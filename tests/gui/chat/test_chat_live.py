"""The chat feature (service, models, view) with two or three users on the real hub:
order on every client, typing, offline sends, plain-text rendering, links, paging."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from gfdesk import bridge
from gfdesk.chat.feature import ChatFeature
from gfdesk.chat.messages import SendState
from gfdesk.chat.service import ChatService
from tests.helpers.chatmembers import ChatWorld, Member
from tests.helpers.chatworld import all_rows
from tests.helpers.hubfixture import service_client
from tests.helpers.tcpproxy import TcpProxy

TIMEOUT_S = 20
UTC = dt.UTC
#: The offscreen platform says so whenever a shown window's size constraints change.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


async def until(condition: Callable[[], bool], signal: object | None = None,
                timeout: float = TIMEOUT_S) -> None:
    """Wait for ``condition``, re-checking on each emission of ``signal`` or every 20 ms."""
    async with asyncio.timeout(timeout):
        while not condition():
            if signal is not None:
                try:
                    await bridge.next_emit(signal, timeout=0.2)  # type: ignore[arg-type]
                except TimeoutError:
                    pass
            else:
                await asyncio.sleep(0.02)


async def feature_for(member: Member, qtbot: QtBot, opened: list[QUrl] | None = None,
                      typing_ttl_s: float = 5.0) -> ChatFeature:
    feature = ChatFeature(member.scope, tz=UTC,
                          open_url=(opened.append if opened is not None else None),
                          typing_ttl_s=typing_ttl_s)
    qtbot.addWidget(feature.view)
    feature.view.resize(900, 600)
    feature.view.show()
    await feature.start()
    return feature


async def open_and_wait(feature: ChatFeature, conversation_id: str) -> None:
    feature.open_conversation(conversation_id)
    await until(lambda: feature.model.current_id == conversation_id)
    assert feature.model.current is not None
    await feature.model.current.live()


def shown_ids(feature: ChatFeature) -> list[str]:
    model = feature.model.messages
    assert model is not None
    model.flush()
    return [m.id for m in model.messages()]


async def group_of(world: ChatWorld, *members: Member) -> str:
    service = await service_client(world.hub)
    row = (await service.table("conversations").insert(
        {"kind": "group", "title": "Squad"}).execute()).data[0]
    await service.table("conversation_members").insert(
        [{"conversation_id": row["id"], "user_id": m.user_id} for m in members]).execute()
    return str(row["id"])


async def test_messages_appear_in_order_on_every_client(
        chat_world: ChatWorld, qtbot: QtBot) -> None:
    ada, bob, cat = [await chat_world.member(n) for n in ("ada", "bob", "cat")]
    conversation_id = await group_of(chat_world, ada, bob, cat)
    features = [await feature_for(m, qtbot) for m in (ada, bob, cat)]
    for feature in features:
        await open_and_wait(feature, conversation_id)
    for n in range(10):
        for feature in features:
            assert feature.model.send(f"{feature.service.user_id[:4]} says {n}") == ""
        await asyncio.sleep(0)
    stored: list[str] = []

    async def stored_all() -> None:
        nonlocal stored
        while len(stored) < 30:
            stored = [r["id"] for r in await all_rows(
                await service_client(chat_world.hub), "messages", "conversation_id",
                conversation_id)]
            await asyncio.sleep(0.05)

    async with asyncio.timeout(TIMEOUT_S):
        await stored_all()
    for feature in features:
        await until(lambda f=feature: shown_ids(f) == stored)
        assert all(m.state is SendState.SENT for m in feature.model.messages.messages())
    # Each client's conversation list shows the last message and no unread (on screen).
    for feature in features:
        await until(lambda f=feature: f.model.conversations.get(conversation_id).last_message
                    is not None and f.model.conversations.get(
                        conversation_id).last_message.id == stored[-1])


async def test_typing_shows_and_clears_when_the_message_arrives(
        chat_world: ChatWorld, qtbot: QtBot) -> None:
    ada, bob = await chat_world.member("ada"), await chat_world.member("bob")
    conversation_id = await ada.service.find_or_create_direct(bob.user_id)
    ada_chat, bob_chat = await feature_for(ada, qtbot), await feature_for(bob, qtbot)
    await open_and_wait(ada_chat, conversation_id)
    await open_and_wait(bob_chat, conversation_id)

    qtbot.keyClicks(bob_chat.view.composer, "hey")
    label = await bridge.next_emit(ada_chat.model.current.typing_changed, TIMEOUT_S)
    assert label == ("Bob is typing...",)
    # Three keystrokes, one broadcast (throttled to one per 2 s).
    qtbot.keyClick(bob_chat.view.composer, Qt.Key.Key_Return)
    label = await bridge.next_emit(ada_chat.model.current.typing_changed, TIMEOUT_S)
    assert label == ("",)
    await until(lambda: [ada_chat.model.messages.message_at(i).body for i in
                         range(ada_chat.model.messages.rowCount())] == ["hey"])


async def test_typing_shows_names_then_counts_and_clears_after_the_ttl(
        chat_world: ChatWorld, qtbot: QtBot) -> None:
    ada, bob, cat, dan = [await chat_world.member(n) for n in ("ada", "bob", "cat", "dan")]
    conversation_id = await group_of(chat_world, ada, bob, cat, dan)
    ada_chat = await feature_for(ada, qtbot, typing_ttl_s=2.0)
    others = [await feature_for(m, qtbot) for m in (bob, cat, dan)]
    for feature in (ada_chat, *others):
        await open_and_wait(feature, conversation_id)
    labels: list[str] = []
    ada_chat.model.current.typing_changed.connect(labels.append)
    for feature in others:
        count = len(labels)
        feature.model.current.user_typed()
        await until(lambda count=count: len(labels) > count)
    assert labels == ["Bob is typing...", "Bob and Cat are typing...", "3 people are typing..."]
    # Nobody types any more: the line empties by itself (as typists expire).
    await until(lambda: ada_chat.model.current.typing_text == "")
    assert labels[-1] == ""


async def test_offline_sends_arrive_once_after_reconnect(
        chat_world: ChatWorld, qtbot: QtBot) -> None:
    proxy = await TcpProxy(int(chat_world.hub.url.rsplit(":", 1)[1])).start()
    try:
        bob = await chat_world.member("bob")
        ada = await chat_world.member("ada", url=proxy.url)
        conversation_id = await ada.service.find_or_create_direct(bob.user_id)
        ada_chat, bob_chat = await feature_for(ada, qtbot), await feature_for(bob, qtbot)
        await open_and_wait(ada_chat, conversation_id)
        await open_and_wait(bob_chat, conversation_id)

        await proxy.go_down()
        proxy.drop()
        for n in range(3):
            assert ada_chat.model.send(f"offline {n}") == ""
        states = [m.state for m in ada_chat.model.messages.messages()]
        assert states == [SendState.SENDING] * 3
        await asyncio.sleep(0.3)  # the outbox tries and fails meanwhile
        await proxy.come_up()

        bodies = ["offline 0", "offline 1", "offline 2"]
        try:
            await until(lambda: sorted(m.body for m in bob_chat.model.messages.messages())
                        == bodies)
        except TimeoutError:
            stored = await all_rows(await service_client(chat_world.hub), "messages",
                                    "conversation_id", conversation_id)
            # Say where it stuck: not stored (outbox), or stored but not delivered.
            print("stored:", [r["body"] for r in stored], "queued:",
                  await ada.outbox.pending(), "bob shows:",
                  [m.body for m in bob_chat.model.messages.messages()],
                  "ada:", ada.connection.status, "bob:", bob_chat.model.current_id)
            raise
        stored = await all_rows(await service_client(chat_world.hub), "messages",
                                "conversation_id", conversation_id)
        # Each stored once. (The hub stamps created_at in milliseconds, so two sends in
        # one millisecond are ordered by id: the order to check is the server's.)
        assert sorted(r["body"] for r in stored) == bodies
        assert shown_ids(bob_chat) == [r["id"] for r in stored]
        # Ada's optimistic rows were replaced by the stored ones, not added to.
        await until(lambda: shown_ids(ada_chat) == [r["id"] for r in stored])
        assert all(m.state is SendState.SENT for m in ada_chat.model.messages.messages())
    finally:
        await proxy.aclose()


async def test_a_refused_message_fails_and_a_retry_sends_it_once(
        chat_world: ChatWorld, qtbot: QtBot) -> None:
    ada, bob = await chat_world.member("ada"), await chat_world.member("bob")
    conversation_id = await ada.service.find_or_create_direct(bob.user_id)
    ada_chat = await feature_for(ada, qtbot)
    await open_and_wait(ada_chat, conversation_id)
    service = await service_client(chat_world.hub)
    # Ada is removed: her message is refused (42501) for good.
    await service.table("conversation_members").delete().eq(
        "conversation_id", conversation_id).eq("user_id", ada.user_id).execute()
    assert ada_chat.model.send("are you there?") == ""
    model = ada_chat.model.messages
    await until(lambda: model.messages()[-1].state is SendState.FAILED)
    assert model.messages()[-1].error
    await service.table("conversation_members").insert(
        {"conversation_id": conversation_id, "user_id": ada.user_id}).execute()
    failed = model.messages()[-1]
    ada_chat.model.retry(failed.id)
    assert model.messages()[-1].state is SendState.SENDING
    await until(lambda: model.messages()[-1].state is SendState.SENT)
    ada_chat.model.retry(failed.id)  # not failed any more: nothing happens
    stored = await all_rows(service, "messages", "conversation_id", conversation_id)
    assert [r["id"] for r in stored] == [failed.id]


async def test_text_is_plain_links_open_on_click_and_long_words_wrap(
        chat_world: ChatWorld, qtbot: QtBot) -> None:
    ada, bob = await chat_world.member("ada"), await chat_world.member("bob")
    conversation_id = await ada.service.find_or_create_direct(bob.user_id)
    opened: list[QUrl] = []
    ada_chat = await feature_for(ada, qtbot, opened)
    await open_and_wait(ada_chat, conversation_id)
    hostile = ("<b>bold</b> <img src=x onerror=alert(1)> <script>alert('x')</script>"
               " &amp; <a href='https://evil.example'>click</a>")
    long_word = "a" * 600
    for body in (hostile, long_word, "bracket: https://gamerflick.gg/cup/42 gl"):
        await bob.service.send(bob.service.compose(conversation_id, body))
    model = ada_chat.model.messages
    await until(lambda: (model.flush(), model.rowCount())[1] == 3)
    view = ada_chat.view.message_list
    delegate = ada_chat.view.delegate
    width = view.viewport().width()

    first = delegate._body(model.message_at(0), width - 88)
    assert first.doc.toPlainText() == hostile
    fragments = []
    block = first.doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragments.append(it.fragment())
            it += 1
        block = block.next()
    # The only link is the URL that is literally in the text; no markup became anything.
    assert [(f.text(), f.charFormat().anchorHref()) for f in fragments
            if f.charFormat().isAnchor()] == [("https://evil.example", "https://evil.example")]
    assert all(f.charFormat().fontWeight() == QFont.Weight.Normal for f in fragments)
    assert first.doc.allFormats() and not first.doc.resource(2, QUrl("x"))

    long_hint = delegate.sizeHint(view.viewOptions() if hasattr(view, "viewOptions") else
                                  _option(view), model.index(1))
    assert long_hint.width() <= width
    assert long_hint.height() > 3 * view.fontMetrics().height()

    # The link is clickable; the text around it is not.
    view.scrollToBottom()
    await asyncio.sleep(0.05)
    index = model.index(2)
    rect = view.visualRect(index)
    link_point = next(QPoint(x, y) for y in range(rect.top(), rect.bottom(), 3)
                      for x in range(rect.left(), rect.right(), 3)
                      if delegate.link_at(rect, index, QPointF(x, y)))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=link_point)
    assert [u.toString() for u in opened] == ["https://gamerflick.gg/cup/42"]
    plain_point = QPoint(rect.left() + 80, link_point.y())
    assert delegate.link_at(rect, index, QPointF(plain_point)) is None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=plain_point)
    assert len(opened) == 1


def _option(view: object) -> object:
    from PySide6.QtWidgets import QStyleOptionViewItem

    return QStyleOptionViewItem()


async def test_scrolling_up_loads_older_pages_without_jumping(
        chat_world: ChatWorld, qtbot: QtBot) -> None:
    ada, bob = await chat_world.member("ada"), await chat_world.member("bob")
    conversation_id = await ada.service.find_or_create_direct(bob.user_id)
    service = await service_client(chat_world.hub)
    start = dt.datetime(2026, 1, 1, tzinfo=UTC)
    await service.table("messages").insert([{
        "conversation_id": conversation_id, "sender_id": bob.user_id if n % 3 else ada.user_id,
        "body": f"history {n}", "created_at": (start + dt.timedelta(minutes=n)).isoformat()}
        for n in range(120)]).execute()
    ada_chat = await feature_for(ada, qtbot)
    await open_and_wait(ada_chat, conversation_id)
    model = ada_chat.model.messages
    view = ada_chat.view.message_list
    assert model.rowCount() == 50
    await until(view.at_bottom)
    # Scroll to the top: the next page comes, and the row that was on top stays put.
    top_before = model.message_at(0).id
    bar = view.verticalScrollBar()
    bar.setValue(0)
    await until(lambda: model.rowCount() == 100)
    await asyncio.sleep(0.05)
    row = [m.id for m in model.messages()].index(top_before)
    assert view.visualRect(model.index(row)).top() >= -5
    assert view.visualRect(model.index(row)).top() <= view.viewport().height()
    bar.setValue(0)
    await until(lambda: model.rowCount() == 120)
    assert [m.body for m in model.messages()] == [f"history {n}" for n in range(120)]
    assert not ada_chat.model.current.has_more
    # Reading old messages, a new one arrives: the view stays, a button offers the way down.
    assert view.jump_button.isHidden()
    top_row = view.indexAt(view.viewport().rect().topLeft()).row()
    await bob.service.send(bob.service.compose(conversation_id, "new one"))
    await until(lambda: model.rowCount() == 121)
    await until(lambda: view.jump_button.isVisible())
    assert view.indexAt(view.viewport().rect().topLeft()).row() == top_row
    qtbot.mouseClick(view.jump_button, Qt.MouseButton.LeftButton)
    await until(view.at_bottom)
    assert view.jump_button.isHidden()
    # Writing while scrolled up brings the list down to what we wrote.
    bar.setValue(bar.maximum() // 2)
    qtbot.keyClicks(ada_chat.view.composer, "mine")
    qtbot.keyClick(ada_chat.view.composer, Qt.Key.Key_Return)
    await until(view.at_bottom)
    assert view.jump_button.isHidden()


async def test_open_direct_from_the_friends_list_creates_and_shows_it(
        chat_world: ChatWorld, qtbot: QtBot) -> None:
    ada, bob = await chat_world.member("ada"), await chat_world.member("bob")
    ada_chat = await feature_for(ada, qtbot)
    bob_chat = await feature_for(bob, qtbot)
    opened = bridge.next_emit(ada_chat.conversation_opened, TIMEOUT_S)
    ada_chat.open_direct(bob.user_id)
    (conversation_id,) = await opened
    assert ada_chat.model.current_id == conversation_id
    assert ada_chat.model.conversations.get(conversation_id).title == "Bob"
    # Bob's list picks the new conversation up with its first message, unread.
    await ada_chat.model.current.live()
    assert bob_chat.model.conversations.get(conversation_id) is None
    ada_chat.model.send("gg")
    await until(lambda: bob_chat.unread == 1)
    assert bob_chat.model.conversations.get(conversation_id).preview() == "Ada: gg"
    # Opening it reads it: the count drops and last_read_at is written.
    bob_chat.open_conversation(conversation_id)
    await until(lambda: bob_chat.unread == 0)
    service = await service_client(chat_world.hub)

    async def read_mark() -> str | None:
        rows = (await service.table("conversation_members").select("last_read_at").eq(
            "conversation_id", conversation_id).eq("user_id", bob.user_id).execute()).data
        return rows[0]["last_read_at"]

    async with asyncio.timeout(TIMEOUT_S):
        while await read_mark() is None:  # noqa: ASYNC110 (polling the server)
            await asyncio.sleep(0.05)
    assert isinstance(bob_chat.service, ChatService)


async def test_starting_offline_loads_the_list_once_the_backend_answers(
        chat_world: ChatWorld, qtbot: QtBot) -> None:
    proxy = await TcpProxy(int(chat_world.hub.url.rsplit(":", 1)[1])).start()
    try:
        bob = await chat_world.member("bob")
        ada = await chat_world.member("ada", url=proxy.url)
        conversation_id = await bob.service.find_or_create_direct(ada.user_id)
        await proxy.go_down()
        proxy.drop()
        feature = ChatFeature(ada.scope, tz=UTC)
        qtbot.addWidget(feature.view)
        notices: list[str] = []
        feature.model.notice.connect(notices.append)
        await feature.start()  # does not raise: the list comes later
        assert feature.model.conversations.rowCount() == 0
        assert notices and "retrying" in notices[0]
        await proxy.come_up()
        await until(lambda: feature.model.conversations.get(conversation_id) is not None)
        assert notices[-1] == ""
        await feature.aclose()
    finally:
        await proxy.aclose()


async def test_closing_while_the_list_retries_stops_the_retries(
        chat_world: ChatWorld, qtbot: QtBot) -> None:
    proxy = await TcpProxy(int(chat_world.hub.url.rsplit(":", 1)[1])).start()
    try:
        ada = await chat_world.member("ada", url=proxy.url)
        await proxy.go_down()
        proxy.drop()
        feature = ChatFeature(ada.scope, tz=UTC)
        qtbot.addWidget(feature.view)
        await feature.start()
        retrying = [t for t in bridge.live_tasks() if t.get_name() == "chat:list"]
        assert retrying
        await feature.aclose()
        _, still = await asyncio.wait(retrying, timeout=TIMEOUT_S)
        assert not still and all(t.cancelled() for t in retrying)
    finally:
        await proxy.aclose()


async def test_switching_conversations_quickly_leaves_one_live_channel(
        chat_world: ChatWorld, qtbot: QtBot) -> None:
    ada, bob, cat = [await chat_world.member(n) for n in ("ada", "bob", "cat")]
    with_bob = await ada.service.find_or_create_direct(bob.user_id)
    with_cat = await ada.service.find_or_create_direct(cat.user_id)
    ada_chat = await feature_for(ada, qtbot)
    for _ in range(3):
        for conversation_id in (with_bob, with_cat):
            ada_chat.open_conversation(conversation_id)
            await asyncio.sleep(0)  # the previous open is cancelled wherever it was
    await open_and_wait(ada_chat, with_bob)
    topics = sorted(h.topic for h in ada.connection.subscriptions)
    assert topics == sorted([f"chat:{with_bob}", f"inbox:{ada.user_id}"])
    await bob.service.send(bob.service.compose(with_bob, "still here"))
    await until(lambda: [m.body for m in ada_chat.model.messages.messages()] == ["still here"])
    await ada_chat.aclose()
    assert ada.connection.subscriptions == []
