"""gfdesk's translations with Qt's own tools (pyside6-lupdate, pyside6-lrelease).

    python scripts/translations.py update   # sources -> gfdesk/translations/*.ts
    python scripts/translations.py build    # *.ts -> *.qm beside them (not committed)
    python scripts/translations.py check    # .ts up to date with the code, de/pt_BR complete

``update`` keeps the translations already made and marks new messages unfinished; the
``.ts`` files carry no line numbers, so moving code does not churn them. English holds
the plural forms only (``-pluralonly``). ``build`` runs at build time (CI, before a
bundle or a wheel is made); an unbuilt checkout compiles on first run instead
(``gfdesk.ui.language``). ``check`` exits 1 and says what is wrong.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "gfdesk"
TRANSLATIONS = PACKAGE / "translations"
#: The languages gfdesk ships; every message of each must be finished (English holds
#: only the plurals, whose forms it spells out).
LANGUAGES = ("en", "de", "pt_BR")


def _tool(name: str) -> str:
    bundled = Path(PySide6.__file__).resolve().parent / name
    for candidate in (bundled, bundled.with_suffix(".exe")):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install pyside6)")
    return found


def sources() -> list[Path]:
    """The modules whose messages are extracted: all but the hub (a server, no UI)."""
    return sorted(p for p in PACKAGE.rglob("*.py")
                  if "hub" not in p.relative_to(PACKAGE).parts)


def ts_file(code: str, directory: Path = TRANSLATIONS) -> Path:
    return directory / f"gfdesk_{code}.ts"


def update(directory: Path = TRANSLATIONS, quiet: bool = False) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    files = [str(p) for p in sources()]
    for code in LANGUAGES:
        command = [_tool("lupdate"), "-no-obsolete", "-locations", "none",
                   "-target-language", code, "-source-language", "en", *files,
                   "-ts", str(ts_file(code, directory))]
        if code == "en":
            command.insert(1, "-pluralonly")
        if quiet:
            command.insert(1, "-silent")
        subprocess.run(command, check=True, cwd=ROOT)


def build(directory: Path = TRANSLATIONS) -> None:
    for code in LANGUAGES:
        source = ts_file(code, directory)
        subprocess.run([_tool("lrelease"), "-silent", str(source), "-qm",
                        str(source.with_suffix(".qm"))], check=True)
        print(f"built {source.with_suffix('.qm').relative_to(ROOT)}")


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    """The messages of a .ts file by (context, source)."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def unfinished(path: Path) -> list[tuple[str, str]]:
    """The messages of ``path`` without a finished translation."""
    missing = []
    for key, message in messages(path).items():
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished",
                                                               "obsolete"):
            missing.append(key)
            continue
        forms = translation.findall("numerusform")
        texts = [f.text for f in forms] if forms else [translation.text]
        if not all(text and text.strip() for text in texts):
            missing.append(key)
    return missing


def check() -> list[str]:
    """What is wrong: messages in the code missing from the .ts files (run ``update``),
    stale ones, and unfinished translations (en's plural forms, de, pt_BR)."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        update(fresh, quiet=True)
        for code in LANGUAGES:
            committed = ts_file(code)
            if not committed.is_file():
                problems.append(f"{committed.name} is missing: run `update`")
                continue
            want, have = set(messages(ts_file(code, fresh))), set(messages(committed))
            for context, source in sorted(want - have):
                problems.append(f"{committed.name}: not extracted yet: {context}: {source!r}")
            for context, source in sorted(have - want):
                problems.append(f"{committed.name}: no longer in the code: {context}: "
                                f"{source!r}")
            for context, source in unfinished(committed):
                problems.append(f"{committed.name}: unfinished: {context}: {source!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("update", "build", "check"))
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    elif args.command == "build":
        build()
    else:
        problems = check()
        for problem in problems:
            print(problem)
        counts = {code: len(messages(ts_file(code))) for code in LANGUAGES
                  if ts_file(code).is_file()}
        print("messages: " + ", ".join(f"{c} {n}" for c, n in counts.items()))
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
