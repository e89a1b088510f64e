"""Pure chat logic: links, grouping, typing state and throttle, conversation summaries."""

from __future__ import annotations

import datetime as dt

import pytest

from gfdesk.chat.conversations import (
    ConversationKind,
    ConversationSummary,
    by_activity,
    conversation_title,
)
from gfdesk.chat.links import find_links, link_at
from gfdesk.chat.messages import (
    MAX_MESSAGE_CHARS,
    ChatMessage,
    day_label,
    length_problem,
    message_from_row,
    starts_day,
    starts_group,
    time_label,
)
from gfdesk.chat.typingstate import TypingState, TypingThrottle, typing_label
from gfdesk.timestamps import parse as parse_time

UTC = dt.UTC
BERLIN = dt.timezone(dt.timedelta(hours=1))
T0 = dt.datetime(2026, 3, 2, 22, 30, tzinfo=UTC)


def msg(sender: str, minutes: float, mid: str = "x") -> ChatMessage:
    return ChatMessage(mid, "c", sender, "hi", T0 + dt.timedelta(minutes=minutes))


@pytest.mark.parametrize(("text", "urls"), [
    ("no links here", []),
    ("see https://gamerflick.gg/cup.", ["https://gamerflick.gg/cup"]),
    ("(http://a.io/x)", ["http://a.io/x"]),
    ("wiki https://en.wikipedia.org/wiki/Foo_(bar) ok", ["https://en.wikipedia.org/wiki/Foo_(bar)"]),
    ("www.twitch.tv/nova and HTTPS://X.IO", ["http://www.twitch.tv/nova", "HTTPS://X.IO"]),
    ("<a href='javascript:alert(1)'>x</a>", []),
    ("https:// alone", []),
])
def test_links_are_found_without_trailing_punctuation(text: str, urls: list[str]) -> None:
    assert [s.url for s in find_links(text)] == urls


def test_link_at_maps_a_character_to_its_link() -> None:
    spans = find_links("go https://x.io now")
    assert link_at(spans, 2) is None
    assert link_at(spans, 3).url == "https://x.io"
    assert link_at(spans, 14).url == "https://x.io"
    assert link_at(spans, 15) is None


def test_a_group_breaks_on_sender_gap_and_local_day() -> None:
    assert starts_group(None, msg("a", 0), UTC)
    assert not starts_group(msg("a", 0), msg("a", 5), UTC)
    assert starts_group(msg("a", 0), msg("b", 1), UTC)
    assert starts_group(msg("a", 0), msg("a", 8), UTC)
    # 22:30 and 23:10 UTC are one day in UTC and two days in UTC+1.
    assert not starts_day(msg("a", 0), msg("a", 40), UTC)
    assert starts_day(msg("a", 0), msg("a", 40), BERLIN)
    assert starts_group(msg("a", 0), msg("a", 3), BERLIN) is False
    assert time_label(T0, BERLIN) == "23:30"


def test_day_labels() -> None:
    today = dt.date(2026, 3, 4)
    assert day_label(today, today) == "Today"
    assert day_label(dt.date(2026, 3, 3), today) == "Yesterday"
    assert day_label(dt.date(2026, 3, 2), today) == "Monday, 2 March 2026"


def test_timestamps_of_either_shape_parse_to_utc() -> None:
    a = parse_time("2026-03-02T22:30:00.123000+00:00")
    b = parse_time("2026-03-02T23:30:00.123Z")
    assert b - a == dt.timedelta(hours=1) and a.tzinfo is not None
    row = {"id": "1", "conversation_id": "c", "sender_id": "s", "body": None,
           "created_at": "2026-03-02T22:30:00+00:00"}
    assert message_from_row(row).body == ""


def test_the_length_limit_says_by_how_much() -> None:
    assert length_problem("x" * MAX_MESSAGE_CHARS) == ""
    problem = length_problem("x" * (MAX_MESSAGE_CHARS + 12))
    assert "2,000" in problem and "12" in problem


def test_typing_shows_and_clears_after_ttl_or_message() -> None:
    state = TypingState(ttl_s=5)
    assert state.on_event("alex", 0.0)
    assert not state.on_event("alex", 1.0)
    assert state.on_event("sam", 2.0)
    assert state.typists() == ["alex", "sam"]
    assert state.next_expiry() == 6.0
    assert not state.expire(5.9)
    assert state.expire(6.0)
    assert state.typists() == ["sam"]
    assert state.on_message("sam")
    assert state.typists() == [] and state.next_expiry() is None


@pytest.mark.parametrize(("names", "label"), [
    ([], ""),
    (["Alex"], "Alex is typing..."),
    (["Alex", "Sam"], "Alex and Sam are typing..."),
    (["Alex", "Sam", "Kim"], "3 people are typing..."),
])
def test_typing_labels(names: list[str], label: str) -> None:
    assert typing_label(names) == label


def test_typing_is_sent_at_most_once_per_interval() -> None:
    throttle = TypingThrottle(2.0)
    sent = [t for t in (0.0, 0.5, 1.9, 2.0, 2.1, 4.5) if throttle.should_send(t)]
    assert sent == [0.0, 2.0, 4.5]
    throttle.reset()
    assert throttle.should_send(4.6)


def test_titles() -> None:
    names = {"me": "Me", "a": "Alex", "b": "Sam", "c": "Kim", "d": "Lee"}
    direct, group = ConversationKind.DIRECT, ConversationKind.GROUP
    assert conversation_title(direct, None, ["me", "a"], "me", names) == "Alex"
    assert conversation_title(group, " Squad ", ["me", "a"], "me", names) == "Squad"
    assert conversation_title(group, None, ["me", "a", "b"], "me", names) == "Alex, Sam"
    assert conversation_title(group, None, list(names), "me", names) == "Alex, Sam, Kim and 1 more"


def test_a_message_updates_preview_unread_and_order() -> None:
    a = ConversationSummary("a", ConversationKind.DIRECT, "Alex", ("me", "x"), "x", T0)
    b = ConversationSummary("b", ConversationKind.GROUP, "Squad", ("me", "y"), None,
                            T0 + dt.timedelta(minutes=1))
    assert [s.id for s in by_activity([a, b])] == ["b", "a"]
    a2 = a.with_message(msg("x", 5), "Alex", me="me", counts_unread=True)
    assert a2.unread == 1 and a2.preview() == "Alex: hi"
    a3 = a2.with_message(msg("me", 6), "You", me="me", counts_unread=True)
    assert a3.unread == 1 and a3.preview() == "You: hi"
    assert [s.id for s in by_activity([a3, b])] == ["a", "b"]
    assert a3.read_up_to(T0 + dt.timedelta(minutes=6)).unread == 0
    older = a3.with_message(msg("x", 1), "Alex", me="me", counts_unread=False)
    assert older.last_message == a3.last_message
