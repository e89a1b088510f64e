"""The colours of gfdesk's two themes as named tokens, and WCAG contrast arithmetic.

Qt-free: the stylesheet template (``resources/dark.qss``, with ``@token`` names in place
of colours) is rendered here with ``render_qss``, and the contrast test reads the same
tables. A colour is ``#rrggbb`` or ``#rrggbbaa`` (CSS order, the alpha last).

Widgets that paint by hand read these tokens through ``gfdesk.kit.themecolors``; they
never spell a colour themselves, so a theme is one table.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from gfdesk.kit.badge import BADGE_COLOR

#: ``@name`` in the stylesheet template; names are lowercase with underscores.
TOKEN = re.compile(r"@([a-z][a-z0-9_]*)")
#: ``svg(name, @token)``: the icon ``resources/icons/<name>.svg`` painted in that colour.
IMAGE = re.compile(r"svg\(\s*([a-z0-9-]+)\s*,\s*@([a-z][a-z0-9_]*)\s*\)")
#: WCAG 2.x AA: body text, and large text (18.66 px bold / 24 px) or non-text UI.
AA_TEXT = 4.5
AA_LARGE = 3.0


class ThemeName(enum.Enum):
    """What the user chose in Settings > Appearance (``[appearance] theme``)."""

    DARK = "dark"
    LIGHT = "light"
    SYSTEM = "system"


# Charcoal tones after Discord's and Steam's dark themes, one violet accent. Fills that
# carry white text (accent_fill, danger_fill, success_fill, badge) are darker than the
# decorative accent so the text reaches 4.5:1.
DARK: Mapping[str, str] = {
    "bg_primary": "#313338",
    "bg_secondary": "#2b2d31",
    "bg_tertiary": "#1e1f22",
    "bg_floating": "#111214",
    "bg_footer": "#232428",
    "bg_raised": "#383a40",
    "bg_hover": "#35373c",
    "row_hover": "#2e3035a0",
    "bg_selected": "#404249",
    "bg_alt": "#2e3035",
    "bg_unread": "#32343a",
    "bg_unread_hover": "#393b41",
    "bg_warning": "#33302a",
    "bg_error": "#3a2a2d",
    "bg_danger_hover": "#3b2a2c",
    "bg_video": "#000000",
    "border": "#3f4147",
    "border_subtle": "#26272b",
    "border_strong": "#3a3c42",
    "border_dark": "#1f2023",
    "overlay_hover": "#4e505859",
    "overlay_hover_soft": "#4e50584d",
    "overlay_medium": "#4e505880",
    "overlay_selected": "#4e505899",
    "overlay_pressed": "#4e5058cc",
    "overlay_accent": "#7b61ff47",
    "overlay_accent_soft": "#7b61ff4d",
    "overlay_light": "#ffffff14",
    "text_strong": "#f2f3f5",
    "text": "#dbdee1",
    "text_soft": "#b5bac1",
    "text_muted": "#a1a7b0",
    "ingame_text": "#b8abff",
    "text_disabled": "#5c5e66",
    "text_on_fill": "#ffffff",
    "text_on_light_fill": "#1e1f22",
    "link": "#00a8fc",
    "accent": "#7b61ff",
    "accent_fill": "#6a4fef",
    "accent_fill_hover": "#5d43e3",
    "accent_fill_pressed": "#5238d0",
    "accent_fill_disabled": "#4a4470",
    "accent_text_disabled": "#b3aed6",
    "selected_ring": "#8f7aff",
    "focus_ring": "#9b87ff",
    "button": "#4e5058",
    "button_hover": "#6d6f78",
    "button_pressed": "#3f4147",
    "button_disabled": "#3b3d44",
    "button_text_disabled": "#a3a7ae",
    "blurple_fill": "#5865f2",
    "success_fill": "#248046",
    "success_fill_hover": "#1a6334",
    "danger_fill": "#c9302f",
    "danger_fill_hover": "#a12d31",
    "badge": BADGE_COLOR,
    "danger_text": "#fa777c",
    "success_text": "#57d68d",
    "warning_text": "#f0b232",
    "offline_text": "#f6a4a6",
    "info": "#00a8fc",
    "warning": "#f0b232",
    "danger": "#f23f43",
    "online": "#23a55a",
    "mention": "#eb459e",
    "icon": "#b5bac1",
    "icon_faint": "#80848e",
    "icon_empty": "#6d6f78",
    "scroll_handle": "#1a1b1e",
    "scroll_handle_hover": "#111214",
    "bracket_card": "#383a40",
    "bracket_score": "#2e3035",
    "bracket_connector": "#4e5058",
    "spinner_track": "#ffffff1c",
    "video_band": "#000000aa",
    "shadow": "#000000",
}

# After Discord's light theme: white content, pale grey chrome, the same accent.
LIGHT: Mapping[str, str] = {
    "bg_primary": "#ffffff",
    "bg_secondary": "#f2f3f5",
    "bg_tertiary": "#e3e5e8",
    "bg_floating": "#ffffff",
    "bg_footer": "#ebedef",
    "bg_raised": "#ebedef",
    "bg_hover": "#e3e5e8",
    "row_hover": "#f2f3f5",
    "bg_selected": "#d4d7dc",
    "bg_alt": "#f6f6f7",
    "bg_unread": "#eef0ff",
    "bg_unread_hover": "#e3e6fb",
    "bg_warning": "#fff4dc",
    "bg_error": "#fde8e8",
    "bg_danger_hover": "#fde8e8",
    "bg_video": "#000000",
    "border": "#d4d7dc",
    "border_subtle": "#e3e5e8",
    "border_strong": "#c4c9ce",
    "border_dark": "#d4d7dc",
    "overlay_hover": "#74778033",
    "overlay_hover_soft": "#74778026",
    "overlay_medium": "#74778040",
    "overlay_selected": "#74778052",
    "overlay_pressed": "#74778073",
    "overlay_accent": "#5d43e333",
    "overlay_accent_soft": "#5d43e333",
    "overlay_light": "#0000000f",
    "text_strong": "#060607",
    "text": "#2e3338",
    "text_soft": "#4e5058",
    "text_muted": "#5c5e66",
    "ingame_text": "#4f37cf",
    "text_disabled": "#a3a6aa",
    "text_on_fill": "#ffffff",
    "text_on_light_fill": "#ffffff",
    "link": "#0058bb",
    "accent": "#5d43e3",
    "accent_fill": "#5d43e3",
    "accent_fill_hover": "#4f37cf",
    "accent_fill_pressed": "#452fb8",
    "accent_fill_disabled": "#c9c0f5",
    "accent_text_disabled": "#4a4470",
    "selected_ring": "#5d43e3",
    "focus_ring": "#5d43e3",
    "button": "#4e5058",
    "button_hover": "#5c5e66",
    "button_pressed": "#3f4147",
    "button_disabled": "#d4d7dc",
    "button_text_disabled": "#5c5e66",
    "blurple_fill": "#4752c4",
    "success_fill": "#1f7a40",
    "success_fill_hover": "#1a6334",
    "danger_fill": "#c9302f",
    "danger_fill_hover": "#a12d31",
    "badge": BADGE_COLOR,
    "danger_text": "#c4252a",
    "success_text": "#156b34",
    "warning_text": "#8a5a00",
    "offline_text": "#c4252a",
    "info": "#0058bb",
    "warning": "#c27c0e",
    "danger": "#d83c3e",
    "online": "#1f8b4c",
    "mention": "#c22d7c",
    "icon": "#4e5058",
    "icon_faint": "#6d6f78",
    "icon_empty": "#80848e",
    "scroll_handle": "#c4c9ce",
    "scroll_handle_hover": "#a3a6aa",
    "bracket_card": "#ffffff",
    "bracket_score": "#ebedef",
    "bracket_connector": "#a3a6aa",
    "spinner_track": "#0000001c",
    "video_band": "#000000aa",
    "shadow": "#00000066",
}

PALETTES: Mapping[ThemeName, Mapping[str, str]] = {
    ThemeName.DARK: DARK, ThemeName.LIGHT: LIGHT,
}


@dataclass(frozen=True)
class TextPair:
    """A foreground token painted on a background token somewhere outside the stylesheet
    (a delegate, a painted badge), checked by the contrast test like the stylesheet's rules.

    ``large`` marks large text or non-text UI, for which WCAG AA asks only 3:1. A
    translucent ``bg`` (a row tint) is taken over ``bg_secondary``, the lists' surface.
    """

    fg: str
    bg: str
    where: str
    large: bool = False


#: What painted code draws on what; the stylesheet's own pairs come from its rules.
PAINTED_PAIRS: tuple[TextPair, ...] = (
    TextPair("text", "bg_primary", "chat message body"),
    TextPair("text_strong", "bg_primary", "chat sender name"),
    TextPair("text_muted", "bg_primary", "chat time stamps"),
    TextPair("link", "bg_primary", "chat links"),
    TextPair("danger_text", "bg_primary", "chat send failure"),
    TextPair("text_strong", "bg_secondary", "conversation title"),
    TextPair("text_soft", "bg_secondary", "read conversation title"),
    TextPair("text_muted", "bg_secondary", "conversation preview, friend activity"),
    TextPair("text_on_fill", "badge", "unread badge count"),
    TextPair("text_strong", "overlay_selected", "selected conversation title"),
    TextPair("text_soft", "overlay_selected", "selected conversation preview and time"),
    TextPair("text_muted", "overlay_hover_soft", "hovered conversation preview"),
    TextPair("text_strong", "bg_selected", "selected friend name"),
    TextPair("ingame_text", "bg_secondary", "friend playing a game"),
    TextPair("ingame_text", "bg_hover", "hovered friend playing a game"),
    TextPair("ingame_text", "bg_selected", "selected friend playing a game"),
    TextPair("text_soft", "bg_selected", "selected friend activity"),
    TextPair("text_muted", "bg_hover", "hovered friend activity"),
    TextPair("text_strong", "bg_unread", "unread notification title"),
    TextPair("text_muted", "bg_unread", "unread notification time"),
    TextPair("text_soft", "bg_primary", "read notification title"),
    TextPair("text_on_fill", "accent_fill", "notification glyph on its disc", large=True),
    TextPair("text_strong", "bracket_card", "bracket player name"),
    TextPair("text_muted", "bracket_card", "bracket score and TBD"),
    TextPair("text_soft", "bg_secondary", "bracket round heading"),
    TextPair("text_on_fill", "accent_fill", "bracket winner score"),
    TextPair("text_muted", "bracket_score", "bracket score box"),
    TextPair("text_strong", "bracket_card", "tournament list name"),
    TextPair("text_muted", "bg_secondary", "tournament list detail"),
    TextPair("icon", "bg_primary", "icons", large=True),
    TextPair("focus_ring", "bg_primary", "focus ring on content", large=True),
    TextPair("focus_ring", "bg_secondary", "focus ring on lists and cards", large=True),
    TextPair("focus_ring", "bg_tertiary", "focus ring on fields", large=True),
    TextPair("icon", "bg_tertiary", "icons on the status bar", large=True),
    TextPair("text_strong", "bg_floating", "video caption band and popped-out pane"),
    TextPair("text_soft", "bg_floating", "call pane captions"),
)


def readable_on(color: str, background: str, ratio: float = AA_TEXT) -> str:
    """``color`` mixed toward white (on a dark ``background``) or black (on a light one)
    just enough to reach ``ratio`` against it, as ``#rrggbb``: an identity colour kept
    recognisable as text on either theme."""
    base, fg = rgba(background), rgba(color)
    target = (255, 255, 255, 255) if luminance(base) < 0.18 else (0, 0, 0, 255)
    for step in range(0, 101, 5):
        t = step / 100
        mixed = tuple(round(c + (g - c) * t) for c, g in zip(fg[:3], target[:3], strict=True))
        candidate = (mixed[0], mixed[1], mixed[2], 255)
        if contrast(candidate, base) >= ratio:
            return "#{:02x}{:02x}{:02x}".format(*candidate[:3])
    return "#{:02x}{:02x}{:02x}".format(*target[:3])


def render_qss(template: str, palette: Mapping[str, str],
               image_url: Callable[[str, str], str] | None = None) -> str:
    """``template`` with each ``@token`` replaced by the palette's colour.

    An image, ``svg(name, @token)``, becomes what ``image_url(name, colour)`` returns
    (a ``url("...")`` of the icon painted that colour: ``kit.qssimages``); without
    ``image_url`` it becomes ``none``, for readers of the colours alone.

    Raises:
        KeyError: the template names a token the palette lacks.
    """
    def image(match: re.Match[str]) -> str:
        color = palette[match.group(2)]
        return "none" if image_url is None else image_url(match.group(1), color)

    return TOKEN.sub(lambda m: qss_color(palette[m.group(1)]), IMAGE.sub(image, template))


def qss_color(value: str) -> str:
    """A palette colour as the stylesheet spells it: ``#rrggbb`` or ``rgba(r, g, b, a)``."""
    r, g, b, a = rgba(value)
    if a == 255:
        return f"#{r:02x}{g:02x}{b:02x}"
    return f"rgba({r}, {g}, {b}, {a / 255:.3f})"


def rgba(value: str) -> tuple[int, int, int, int]:
    """``#rrggbb`` or ``#rrggbbaa`` as four 0..255 integers.

    Raises:
        ValueError: not one of those spellings.
    """
    text = value.strip().lstrip("#")
    if not re.fullmatch(r"[0-9a-fA-F]{6}([0-9a-fA-F]{2})?", text):
        raise ValueError(f"{value!r} is not #rrggbb or #rrggbbaa")
    alpha = int(text[6:8], 16) if len(text) == 8 else 255
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16), alpha


def over(top: tuple[int, int, int, int], base: tuple[int, int, int, int],
         ) -> tuple[int, int, int, int]:
    """``top`` composited over an opaque ``base`` (what a translucent fill looks like)."""
    alpha = top[3] / 255
    r, g, b = (round(t * alpha + u * (1 - alpha)) for t, u in zip(top[:3], base[:3], strict=True))
    return r, g, b, 255


def luminance(color: tuple[int, int, int, int]) -> float:
    """WCAG 2.x relative luminance of an opaque colour."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in color[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: tuple[int, int, int, int], bg: tuple[int, int, int, int]) -> float:
    """WCAG contrast ratio (1..21) of ``fg`` drawn on ``bg`` (translucent ``fg`` is
    composited over ``bg`` first; ``bg`` must be opaque)."""
    lighter, darker = sorted((luminance(over(fg, bg)), luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
