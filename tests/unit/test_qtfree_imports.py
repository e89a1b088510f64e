"""Qt-free means Qt-free: importing a module whose docstring says so never loads PySide6.

import-linter checks the import graph, but not what a parent package's ``__init__``
runs on import: a feature class defined in ``chat/__init__.py`` once made every
Qt-free chat module load Qt and every chat view. This imports each declared module in
a fresh interpreter, as the app would, and asks ``sys.modules``.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import gfdesk

PACKAGE = Path(gfdesk.__file__).parent
#: The declaration: "Qt-free" in the first paragraph of the module docstring.
DECLARED = re.compile(r"\bQt-free\b")
#: Modules the layering promises are Qt-free; the scan must find each of them.
PROMISED = {"gfdesk.core.connection", "gfdesk.chat.service", "gfdesk.chat.messages",
            "gfdesk.friends.presence", "gfdesk.friends.service",
            "gfdesk.notifications.service", "gfdesk.feature", "gfdesk.targets",
            "gfdesk.hub.app", "gfdesk.tournament.service", "gfdesk.tournament.feed",
            "gfdesk.tournament.host", "gfdesk.tournament.bracket"}

PROBE = """
import importlib, json, sys
found = {}
for name in sys.argv[1:]:
    importlib.import_module(name)
    qt = sorted(m for m in sys.modules if m == "PySide6" or m.startswith("PySide6.")
                or m == "qasync")
    if qt:
        found[name] = qt[:3]
        break
print(json.dumps(found))
"""


def declared_qt_free() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "__main__.py":
            continue  # runs the program when imported
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        if DECLARED.search(doc.split("\n\n")[0]):
            parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            names.append(".".join(parts))
    return names


def test_the_scan_finds_every_promised_module() -> None:
    assert PROMISED <= set(declared_qt_free())


def probe(*modules: str) -> dict[str, list[str]]:
    """Import ``modules`` in order in a fresh interpreter: the first that loaded Qt."""
    result = subprocess.run([sys.executable, "-c", PROBE, *modules], capture_output=True,
                            text=True, timeout=120, cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr
    found: dict[str, list[str]] = json.loads(result.stdout)
    return found


def test_no_declared_qt_free_module_loads_qt() -> None:
    # The packages' faces first: a Qt-free module's parent __init__ runs before it.
    assert probe("gfdesk.chat", "gfdesk.friends", "gfdesk.notifications",
                 "gfdesk.tournament", *declared_qt_free()) == {}


def test_the_probe_sees_a_module_that_loads_qt() -> None:
    assert list(probe("gfdesk.chat.messages", "gfdesk.chat.feature")) == ["gfdesk.chat.feature"]
