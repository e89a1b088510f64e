"""Colours belong to the themes: Python modules name theme tokens, and the few fixed
colours left (identity and status colours that are the same in both themes, white on
coloured fills) are listed here, so a new hard-coded colour fails this test instead
of showing up dark-on-dark in the light theme."""

from __future__ import annotations

import re
from pathlib import Path

import gfdesk

PACKAGE = Path(gfdesk.__file__).parent
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|QColor\(\d")
#: File -> how many fixed colours it may spell, and why.
ALLOWED = {
    # Identity colours (10), the signed-out grey, the user glyph and white initials.
    "kit/avatar.py": 13,
    # The unread badge red, the same in both themes (the palettes' badge token).
    "kit/badge.py": 1,
    # Status colours, Qt-free; painted through themecolors.readable.
    "userstatus.py": 6,
    # Tournament status dots (live, registration, finished).
    "tournament/listdelegate.py": 3,
    # Notification type discs under white glyphs.
    "notifications/view.py": 7,
    # White icons on the green and red call buttons.
    "calls/incomingwindow.py": 3,
    # White folder icon on the grey 'Open log folder' button.
    "ui/settingsdialog.py": 1,
}


def test_no_module_spells_a_colour_the_themes_do_not_know() -> None:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("hub/") or relative == "kit/palettes.py":
            continue  # the server draws nothing; the palettes are where colours live
        lines = path.read_text(encoding="utf-8").splitlines()
        count = sum(len(COLOUR.findall(line)) for line in lines)
        if count:
            found[relative] = count
    over = {name: count for name, count in found.items() if count > ALLOWED.get(name, 0)}
    assert not over, f"hard-coded colours (use a theme token, kit/palettes.py): {over}"
