"""Emoji without a font: shown as ``:name:`` text instead of empty boxes, in plain text
and in a laid-out chat message (its links kept); emoji a font has are left alone."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from gfdesk.chat.messages import ChatMessage, SendState
from gfdesk.kit.emoji import (
    GlyphCheck,
    apply_to_document,
    drawable,
    emoji_name,
    fallback_spans,
    with_fallback,
)

GRIN = "\U0001F600"
HEART = "\u2764\ufe0f"
FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
THUMBS_DARK = "\U0001F44D\U0001F3FF"
#: A code point no font draws (the last private-use one of plane 16).
NO_FONT = 0x10FFFD


def none_drawn(_code_point: int) -> bool:
    return False


def all_drawn(_code_point: int) -> bool:
    return True


@pytest.mark.parametrize(("text", "expected"), [
    (f"gg {GRIN}!", "gg :grinning_face:!"),
    (f"{HEART} you", ":heavy_black_heart: you"),
    (f"{FAMILY} night", ":man::woman::girl: night"),
    (f"nice {THUMBS_DARK}", "nice :thumbs_up_sign:"),
    ("plain text, ünïcödé and 中文", "plain text, ünïcödé and 中文"),
    (f"{GRIN}{GRIN}", ":grinning_face::grinning_face:"),
])
def test_emoji_no_font_has_read_as_their_names(text: str, expected: str) -> None:
    assert with_fallback(text, none_drawn) == expected


def test_emoji_a_font_has_are_left_alone() -> None:
    text = f"gg {GRIN} {FAMILY}"
    assert fallback_spans(text, all_drawn) == []
    assert with_fallback(text, all_drawn) == text


def test_only_the_emoji_without_a_glyph_are_replaced() -> None:
    def only_hearts(code_point: int) -> bool:
        return code_point == 0x2764

    assert with_fallback(f"{HEART}{GRIN}", only_hearts) == f"{HEART}:grinning_face:"


def test_spans_count_utf16_units_as_qt_does() -> None:
    # The grin before the heart takes two UTF-16 units.
    assert fallback_spans(f"{GRIN}a{HEART}", none_drawn) == [
        (0, 2, ":grinning_face:"), (3, 5, ":heavy_black_heart:")]


def test_a_code_point_without_a_name_reads_as_its_number() -> None:
    assert emoji_name(0x1FFFD) == ":U+1FFFD:"  # unassigned
    assert emoji_name(0x1F000) == ":mahjong_tile_east_wind:"


def test_glyph_check_asks_the_fonts(qapp: QApplication) -> None:
    check = GlyphCheck(QFont())
    assert check(ord("A"))
    assert not check(NO_FONT)
    assert check(ord("A"))  # from the cache, the same answer


def test_the_document_keeps_its_link_after_the_names_go_in(qapp: QApplication) -> None:
    document = QTextDocument()
    document.setPlainText(f"{GRIN} https://example.com")
    cursor = QTextCursor(document)
    cursor.setPosition(3)
    cursor.setPosition(document.characterCount() - 1, QTextCursor.MoveMode.KeepAnchor)
    link = QTextCharFormat()
    link.setAnchor(True)
    link.setAnchorHref("https://example.com")
    cursor.mergeCharFormat(link)
    assert apply_to_document(document, none_drawn)
    assert document.toPlainText() == ":grinning_face: https://example.com"
    at = QTextCursor(document)
    at.setPosition(len(":grinning_face: h"))
    assert at.charFormat().anchorHref() == "https://example.com"
    assert not apply_to_document(document, none_drawn)  # nothing left to replace


def test_a_chat_message_shows_names_only_where_this_machine_lacks_the_font(
        qapp: QApplication) -> None:
    from gfdesk.chat.messagedelegate import MessageDelegate

    delegate = MessageDelegate(lambda user_id: user_id, "ada", dt.UTC)
    message = ChatMessage("m1", "c", "bob", f"gg {GRIN}",
                          dt.datetime(2026, 1, 1, tzinfo=dt.UTC), SendState.SENT)
    body = delegate._body(message, 300)
    font = QFont()
    font.setPixelSize(15)
    if GlyphCheck(font)(ord(GRIN)):
        assert body.doc.toPlainText() == f"gg {GRIN}"
    else:  # no emoji font on this machine: names, not empty boxes
        assert body.doc.toPlainText() == "gg :grinning_face:"
    assert body.text == f"gg {GRIN}"  # the cache still knows the message as sent


def test_drawable_follows_the_fonts_of_this_machine(qapp: QApplication) -> None:
    font = QFont()
    assert drawable("no emoji here", font) == "no emoji here"
    expected = f"gg {GRIN}" if GlyphCheck(font)(ord(GRIN)) else "gg :grinning_face:"
    assert drawable(f"gg {GRIN}", font) == expected
    bold = QFont(font)
    bold.setBold(True)
    assert drawable(f"gg {GRIN}", bold) == (
        f"gg {GRIN}" if GlyphCheck(bold)(ord(GRIN)) else "gg :grinning_face:")
