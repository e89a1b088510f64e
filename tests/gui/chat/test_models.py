"""The chat's Qt models without a server: batching, ordering, optimistic rows, the list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication

from gfdesk.chat.conversations import ConversationKind, ConversationSummary
from gfdesk.chat.listmodel import ONLINE_ROLE, ConversationListModel
from gfdesk.chat.messagemodel import DAY_START_ROLE, GROUP_START_ROLE, MessageListModel
from gfdesk.chat.messages import ChatMessage, SendState

T0 = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC)


def msg(n: int, sender: str = "bob", *, minutes: float | None = None,
        state: SendState = SendState.SENT, mid: str | None = None) -> ChatMessage:
    at = T0 + dt.timedelta(minutes=n if minutes is None else minutes)
    return ChatMessage(mid or f"m{n:05d}", "c", sender, f"body {n}", at, state)


class Recorder:
    """Counts the model's insert notifications."""

    def __init__(self, model: MessageListModel) -> None:
        self.inserts: list[tuple[int, int]] = []
        model.rowsInserted.connect(lambda _p, first, last: self.inserts.append((first, last)))


def test_a_burst_of_live_rows_is_one_insert(qapp: QApplication) -> None:
    model = MessageListModel("c", dt.UTC)
    seen = Recorder(model)
    for n in range(5000):
        model.queue_live([msg(n)])
    assert model.rowCount() == 0  # nothing until the frame's flush
    model.flush()
    assert seen.inserts == [(0, 4999)]
    assert [m.id for m in model.messages()] == [f"m{n:05d}" for n in range(5000)]


def test_late_and_duplicate_rows_land_in_order_once(qapp: QApplication) -> None:
    model = MessageListModel("c", dt.UTC)
    model.queue_live([msg(n) for n in (0, 2, 4)])
    model.flush()
    model.queue_live([msg(3), msg(5), msg(1), msg(2), msg(5)])
    model.flush()
    assert [m.id for m in model.messages()] == [f"m{n:05d}" for n in range(6)]


def test_an_older_page_is_prepended_in_one_insert(qapp: QApplication) -> None:
    model = MessageListModel("c", dt.UTC)
    model.prepend_page([msg(n) for n in range(59, 49, -1)])  # pages come newest first
    seen = Recorder(model)
    assert model.prepend_page([msg(n) for n in range(49, -1, -1)]) == 50
    assert seen.inserts == [(0, 49)]
    assert model.prepend_page([msg(n) for n in range(10)]) == 0  # already held
    assert [m.id for m in model.messages()] == [f"m{n:05d}" for n in range(60)]


def test_our_optimistic_message_is_replaced_by_the_stored_row(qapp: QApplication) -> None:
    model = MessageListModel("c", dt.UTC)
    model.prepend_page([msg(0)])
    mine = msg(99, "me", state=SendState.SENDING, mid="mine")
    model.add_optimistic(mine)
    assert model.rowCount() == 2 and model.message_at(1).state is SendState.SENDING
    assert model.set_state("mine", SendState.FAILED, "refused")
    assert model.pending_message("mine").error == "refused"
    # The stored row (server time, earlier than a message that came meanwhile) replaces it.
    model.queue_live([msg(2), msg(1, "me", mid="mine")])
    model.flush()
    assert [(m.id, m.state) for m in model.messages()] == [
        ("m00000", SendState.SENT), ("mine", SendState.SENT), ("m00002", SendState.SENT)]
    assert model.pending_message("mine") is None


def test_headers_and_day_separators(qapp: QApplication) -> None:
    model = MessageListModel("c", dt.UTC)
    model.queue_live([msg(0, "bob"), msg(1, "bob"), msg(2, "ann"),
                      msg(3, "ann", minutes=24 * 60)])
    model.flush()
    group = [model.data(model.index(r), GROUP_START_ROLE) for r in range(4)]
    day = [model.data(model.index(r), DAY_START_ROLE) for r in range(4)]
    assert group == [True, False, True, True]
    assert day == [True, False, False, True]


def summary(cid: str, minutes: int, *, unread: int = 0, other: str | None = "x"
            ) -> ConversationSummary:
    kind = ConversationKind.DIRECT if other else ConversationKind.GROUP
    return ConversationSummary(cid, kind, cid.upper(), ("me", "x"), other,
                               T0 + dt.timedelta(minutes=minutes), unread=unread)


def test_the_list_resorts_keeps_the_selection_and_sums_unread(qapp: QApplication) -> None:
    model = ConversationListModel()
    totals: list[int] = []
    model.unread_changed.connect(totals.append)
    model.set_summaries([summary("a", 1, unread=2), summary("b", 2, other=None)])
    assert [s.id for s in model.summaries()] == ["b", "a"] and totals == [2]
    from PySide6.QtCore import QPersistentModelIndex

    selected = QPersistentModelIndex(model.index(1))  # "a"
    newer = summary("a", 1, unread=3).with_message(msg(30, "x"), "X", me="me",
                                                  counts_unread=True)
    model.update([newer])
    assert [s.id for s in model.summaries()] == ["a", "b"]
    assert selected.row() == 0 and totals == [2, 4]
    assert model.data(model.index(0), ONLINE_ROLE) is None  # no presence source
    model.set_online({"x"})
    assert model.data(model.index(0), ONLINE_ROLE) is True
    assert model.data(model.index(1), ONLINE_ROLE) is None  # a group has no dot


def test_presence_repaints_the_list_only_when_who_is_online_changes(
        qapp: QApplication) -> None:
    # Every friend row change reports who is online again, mostly the same people.
    model = ConversationListModel()
    model.set_summaries([summary("a", 1), summary("b", 2, other="y")])
    changes: list[int] = []
    model.dataChanged.connect(lambda *_: changes.append(1))
    model.set_online({"x"})
    model.set_online(["x"])
    assert len(changes) == 1
    model.set_online({"x", "y"})
    model.set_online(None)
    model.set_online(None)
    assert len(changes) == 3
    assert model.data(model.index(0), ONLINE_ROLE) is None


def test_a_body_qt_normalises_is_laid_out_once(qapp: QApplication) -> None:
    # QTextDocument turns "\r\n" and no-break spaces into other characters: the cache
    # must still recognise the message it laid out.
    from gfdesk.chat.messagedelegate import MessageDelegate

    delegate = MessageDelegate(lambda user_id: user_id, "ada", dt.UTC)
    for body in ("line one\r\nline two", "no\u00a0break"):
        message = ChatMessage(f"m-{len(body)}", "c", "bob", body, T0, SendState.SENT)
        assert delegate._body(message, 300) is delegate._body(message, 300)
