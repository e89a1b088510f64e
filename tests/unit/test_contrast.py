"""WCAG AA contrast of gfdesk's text in both themes, read from the stylesheet itself.

Each rule of the rendered stylesheet that sets a text ``color`` is checked: against its
own background when it sets one (a translucent one composited over the two surfaces it
is used on), else against every surface text can sit on. Painted pairs (delegates,
badges, the bracket) come from ``palettes.PAINTED_PAIRS``. AA asks 4.5:1 for text, 3:1
for large text (24 px, or 18.66 px bold) and for non-text UI; disabled controls are
exempt (WCAG 1.4.3).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import pytest

from gfdesk import appresources
from gfdesk.kit.avatar import AVATAR_COLORS
from gfdesk.kit.palettes import (
    AA_LARGE,
    AA_TEXT,
    PAINTED_PAIRS,
    PALETTES,
    TOKEN,
    TextPair,
    ThemeName,
    contrast,
    over,
    readable_on,
    render_qss,
    rgba,
)
from gfdesk.notifications.view import DEFAULT_STYLE, TYPE_STYLE

THEMES = (ThemeName.DARK, ThemeName.LIGHT)
#: Where a rule without its own background can sit.
SURFACES = ("bg_primary", "bg_secondary", "bg_tertiary", "bg_floating")
#: What a translucent background (a hover or selection tint) is laid over.
TINTED_SURFACES = ("bg_primary", "bg_secondary")
TEMPLATE = appresources.read_text("dark.qss")


def _rules(qss: str) -> Iterator[tuple[str, dict[str, str]]]:
    """(selector, declarations) of each rule; the stylesheet has no nested blocks."""
    qss = re.sub(r"/\*.*?\*/", "", qss, flags=re.S)
    for match in re.finditer(r"([^{}]+)\{([^{}]*)\}", qss):
        declarations = {}
        for declaration in match.group(2).split(";"):
            if ":" in declaration:
                key, value = declaration.split(":", 1)
                declarations[key.strip()] = value.strip()
        yield " ".join(match.group(1).split()), declarations


def _is_large(declarations: Mapping[str, str]) -> bool:
    size = re.fullmatch(r"(\d+(?:\.\d+)?)px", declarations.get("font-size", ""))
    px = float(size.group(1)) if size else 14.0
    bold = declarations.get("font-weight", "") in ("bold", "600", "700", "800")
    return px >= 24 or (bold and px >= 18.66)


def _token(value: str | None) -> str | None:
    match = TOKEN.fullmatch(value or "")
    return match.group(1) if match else None


def _text_rules() -> list[tuple[str, str, str | None, bool]]:
    """(selector, text token, background token or None, large) of every rule with text."""
    found = []
    for selector, declarations in _rules(TEMPLATE):
        fg = declarations.get("color")
        if fg is None or ":disabled" in selector:
            continue
        bg = declarations.get("background-color", declarations.get("background"))
        found.append((selector, fg, bg, _is_large(declarations)))
    return [(selector, fg, bg, large) for selector, fg, bg, large in found]


TEXT_RULES = _text_rules()


def test_the_template_spells_no_colour_literally() -> None:
    body = re.sub(r"/\*.*?\*/", "", TEMPLATE, flags=re.S)
    assert not re.findall(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|\bwhite\b|\bblack\b", body)


@pytest.mark.parametrize("name", THEMES, ids=lambda n: n.value)
def test_both_palettes_fill_every_token_of_the_template(name: ThemeName) -> None:
    rendered = render_qss(TEMPLATE, PALETTES[name])
    assert "@" not in re.sub(r"/\*.*?\*/", "", rendered, flags=re.S)
    assert set(PALETTES[ThemeName.DARK]) == set(PALETTES[ThemeName.LIGHT])


def test_the_rules_with_text_are_found() -> None:
    # A parser that silently found nothing would pass everything.
    selectors = {selector for selector, *_ in TEXT_RULES}
    assert len(TEXT_RULES) > 60
    assert {"QWidget", "QToolTip, QBalloonTip", "QPushButton"} <= selectors


@pytest.mark.parametrize("name", THEMES, ids=lambda n: n.value)
@pytest.mark.parametrize(("selector", "fg", "bg", "large"), TEXT_RULES,
                         ids=[rule[0][:60] for rule in TEXT_RULES])
def test_stylesheet_text_meets_wcag_aa(name: ThemeName, selector: str, fg: str,
                                       bg: str | None, large: bool) -> None:
    palette = PALETTES[name]
    fg_token = _token(fg)
    assert fg_token is not None, f"{selector}: color {fg!r} is not a theme token"
    text = rgba(palette[fg_token])
    bg_token = _token(bg)
    if bg_token is None:
        bases = [rgba(palette[s]) for s in SURFACES]
    else:
        fill = rgba(palette[bg_token])
        bases = [fill] if fill[3] == 255 else [over(fill, rgba(palette[s]))
                                               for s in TINTED_SURFACES]
    needed = AA_LARGE if large else AA_TEXT
    worst = min(contrast(text, base) for base in bases)
    assert worst >= needed, f"{name.value}: {selector}: {fg} on {bg or 'surfaces'} is {worst:.2f}:1"


@pytest.mark.parametrize("name", THEMES, ids=lambda n: n.value)
@pytest.mark.parametrize("pair", PAINTED_PAIRS, ids=lambda p: p.where)
def test_painted_text_meets_wcag_aa(name: ThemeName, pair: TextPair) -> None:
    palette = PALETTES[name]
    # A translucent row tint lies on the list's own background.
    base = over(rgba(palette[pair.bg]), rgba(palette["bg_secondary"]))
    ratio = contrast(rgba(palette[pair.fg]), base)
    assert ratio >= (AA_LARGE if pair.large else AA_TEXT), (
        f"{name.value}: {pair.where}: {pair.fg} on {pair.bg} is {ratio:.2f}:1")


@pytest.mark.parametrize("name", THEMES, ids=lambda n: n.value)
@pytest.mark.parametrize(("fg", "bg"), [
    ("text", "bg_primary"), ("text", "bg_tertiary"), ("text", "bg_floating"),
    ("text_on_fill", "button"), ("text_on_fill", "accent_fill"),
    ("text_muted", "bg_tertiary"),
])
def test_qpalette_roles_meet_wcag_aa(name: ThemeName, fg: str, bg: str) -> None:
    # WindowText/Window, Text/Base, ToolTipText/ToolTipBase, ButtonText/Button,
    # HighlightedText/Highlight, PlaceholderText/Base (ui.theme.palette_for).
    palette = PALETTES[name]
    assert contrast(rgba(palette[fg]), rgba(palette[bg])) >= AA_TEXT


@pytest.mark.parametrize("color", AVATAR_COLORS)
def test_white_initials_are_readable_on_every_avatar_colour(color: str) -> None:
    assert contrast(rgba("#ffffff"), rgba(color)) >= AA_TEXT


@pytest.mark.parametrize("name", THEMES, ids=lambda n: n.value)
@pytest.mark.parametrize("color", AVATAR_COLORS)
def test_sender_names_in_their_colour_are_readable(name: ThemeName, color: str) -> None:
    background = PALETTES[name]["bg_primary"]
    shown = readable_on(color, background)
    assert contrast(rgba(shown), rgba(background)) >= AA_TEXT
    # Still the person's colour, not plain white or black.
    assert shown not in ("#ffffff", "#000000")


@pytest.mark.parametrize(("color", "glyph"), [*TYPE_STYLE.values(), DEFAULT_STYLE])
def test_notification_glyphs_stand_out_on_their_discs(color: str, glyph: str) -> None:
    # A symbol on a small disc: non-text UI, 3:1.
    assert contrast(rgba("#ffffff"), rgba(color)) >= AA_LARGE, glyph


@pytest.mark.parametrize(("fg", "bg", "expected"), [
    ("#ffffff", "#000000", 21.0), ("#000000", "#000000", 1.0), ("#767676", "#ffffff", 4.54),
])
def test_contrast_matches_the_wcag_examples(fg: str, bg: str, expected: float) -> None:
    assert contrast(rgba(fg), rgba(bg)) == pytest.approx(expected, abs=0.01)
