"""Emoji that no installed font can draw are shown as ``:name:`` text, not empty boxes.

A machine without an emoji font (a fresh Linux box, a minimal container) draws every
emoji as a "tofu" box: a message of three emoji reads as three identical squares.
``GlyphCheck`` asks Qt whether the font, with all of Qt's fallback fonts, has a glyph for
a code point (a ``QTextLayout`` of that one character: glyph index 0 is the "missing"
glyph); for the emoji it lacks, ``fallback_spans`` gives their Unicode names instead
(``😀`` becomes ``:grinning_face:``, a family joined with U+200D becomes
``:man::woman::girl:``), which ``with_fallback`` applies to a string and
``apply_to_document`` to a laid-out ``QTextDocument`` (keeping its formats and links).
Emoji a font has are left alone.

Imports only Qt (a kit module).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from PySide6.QtGui import QFont, QTextCursor, QTextDocument, QTextLayout

#: Code point ranges that hold emoji (pictographs, symbols, dingbats, flags' letters).
EMOJI_RANGES = (
    (0x1F000, 0x1FAFF),
    (0x2600, 0x27BF),
    (0x2B00, 0x2BFF),
    (0x2300, 0x23FF),
    (0x1FC00, 0x1FFFD),
)
#: What joins or modifies an emoji without being one: variation selectors, the
#: zero-width joiner, skin tones, the keycap mark, tag characters.
_MODIFIERS = frozenset({0xFE0E, 0xFE0F, 0x200D, 0x20E3, *range(0x1F3FB, 0x1F400),
                        *range(0xE0020, 0xE0080)})
#: Code points whose answer is kept per font (the check lays text out: not free).
CACHE_SIZE = 4096

HasGlyph = Callable[[int], bool]


def is_emoji(code_point: int) -> bool:
    """Whether ``code_point`` is in an emoji block."""
    return any(low <= code_point <= high for low, high in EMOJI_RANGES)


def emoji_name(code_point: int) -> str:
    """``:grinning_face:`` for 😀 (``:U+1FAE8:`` for one Python has no name for)."""
    name = unicodedata.name(chr(code_point), "")
    if not name:
        return f":U+{code_point:04X}:"
    return f":{name.lower().replace(' ', '_').replace('-', '_')}:"


class GlyphCheck:
    """Whether ``font`` (with Qt's font fallback) can draw a code point; answers cached.

    Args:
        font: the font the text is drawn in.
    """

    def __init__(self, font: QFont) -> None:
        self._font = QFont(font)
        self._known: dict[int, bool] = {}

    def __call__(self, code_point: int) -> bool:
        known = self._known.get(code_point)
        if known is None:
            if len(self._known) >= CACHE_SIZE:
                self._known.clear()
            known = self._known[code_point] = self._lay_out(code_point)
        return known

    def _lay_out(self, code_point: int) -> bool:
        layout = QTextLayout(chr(code_point), self._font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        runs = layout.glyphRuns()
        return bool(runs) and all(0 not in run.glyphIndexes() for run in runs)


def _utf16_length(text: str) -> int:
    return sum(2 if ord(c) > 0xFFFF else 1 for c in text)


def fallback_spans(text: str, has_glyph: HasGlyph) -> list[tuple[int, int, str]]:
    """The emoji sequences of ``text`` that cannot be drawn, as (start, end, names).

    Positions count UTF-16 code units, as Qt's text positions do. A sequence is an
    emoji with what modifies or joins it; it is replaced whole when any emoji in it
    has no glyph.
    """
    spans: list[tuple[int, int, str]] = []
    position = 0
    index = 0
    while index < len(text):
        code_point = ord(text[index])
        if not is_emoji(code_point):
            position += 2 if code_point > 0xFFFF else 1
            index += 1
            continue
        end = index + 1
        while end < len(text) and (ord(text[end]) in _MODIFIERS
                                   or (ord(text[end - 1]) == 0x200D
                                       and is_emoji(ord(text[end])))):
            end += 1
        sequence = text[index:end]
        emoji = [ord(c) for c in sequence if is_emoji(ord(c)) and ord(c) not in _MODIFIERS]
        length = _utf16_length(sequence)
        if not all(has_glyph(c) for c in emoji):
            spans.append((position, position + length, "".join(map(emoji_name, emoji))))
        position += length
        index = end
    return spans


def with_fallback(text: str, has_glyph: HasGlyph) -> str:
    """``text`` with the emoji that cannot be drawn replaced by their names."""
    spans = fallback_spans(text, has_glyph)
    if not spans:
        return text
    units = text.encode("utf-16-le")
    for start, end, names in reversed(spans):
        units = units[:start * 2] + names.encode("utf-16-le") + units[end * 2:]
    return units.decode("utf-16-le")


def apply_to_document(document: QTextDocument, has_glyph: HasGlyph) -> bool:
    """Replace, in place, the emoji of ``document`` that cannot be drawn; returns
    whether anything changed. Formats (a link's colour and target) carry over."""
    spans = fallback_spans(document.toPlainText(), has_glyph)
    for start, end, names in reversed(spans):  # from the end: earlier positions hold
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(names, cursor.charFormat())
    return bool(spans)


#: Fonts ``drawable`` keeps a check for (a delegate paints with a handful).
_FONT_CHECKS = 32
_checks: dict[str, GlyphCheck] = {}


def drawable(text: str, font: QFont) -> str:
    """``text`` as it can be painted in ``font``: emoji without a glyph as names.

    For painting code that changes fonts as it goes (a delegate's title, then its
    body); the checks are kept per font, and text without emoji is returned at once.
    """
    if not any(is_emoji(ord(c)) for c in text):
        return text
    key = font.key()
    check = _checks.get(key)
    if check is None:
        if len(_checks) >= _FONT_CHECKS:
            _checks.clear()
        check = _checks[key] = GlyphCheck(font)
    return with_fallback(text, check)
