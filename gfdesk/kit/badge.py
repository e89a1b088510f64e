"""Unread badges: their colour and what they say, the same on the sidebar, the tray
icon and the conversation list."""

from __future__ import annotations

#: The same in both themes (the palettes' ``badge`` token): white on it reaches 4.5:1.
BADGE_COLOR = "#cc2f34"
#: Counts above this show as "99+".
BADGE_MAX = 99


def badge_text(count: int) -> str:
    """What a badge says: the count, capped at "99+"."""
    return f"{BADGE_MAX}+" if count > BADGE_MAX else str(count)
