"""Find user-visible strings that escape Qt's translation: a static check. Qt-free.

Walks the syntax tree of the Qt code and reports string literals (and f-strings) passed
straight to the calls that put text on screen (``setText``, ``setWindowTitle``,
``QLabel(...)``, ``addTab``, ``setToolTip``...). A literal inside ``tr(...)``,
``translate(...)`` or a ``QT_TRANSLATE_NOOP`` marker is fine: those are what
``pyside6-lupdate`` extracts. Strings without a letter ("—", "…", " · ") are not words
and are let through, and so are the texts of a line marked ``# i18n: verbatim`` (a brand name).

``tests/unit/test_i18n_coverage.py`` runs it over the package; run it by hand with
``python -m gfdesk.i18nscan``.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: Methods whose first text argument is shown to the user.
TEXT_METHODS = frozenset({
    "setText", "setWindowTitle", "setPlaceholderText", "setToolTip", "setStatusTip",
    "setWhatsThis", "setTitle", "setTabText", "setTabToolTip", "setLabelText",
    "setInformativeText", "setDetailedText", "setSpecialValueText", "setPrefix",
    "setSuffix", "showMessage", "setAccessibleName", "setAccessibleDescription",
    "setHeaderLabels", "setWindowIconText", "setButtonText", "show_error",
})
#: Signals whose first argument is a message shown to the user (``self.notice.emit(...)``).
NOTICE_SIGNALS = frozenset({"notice", "failed", "problem"})
#: Methods whose text is their last string argument (after a widget or an icon).
TRAILING_TEXT_METHODS = frozenset({"addTab", "insertTab", "addAction", "addButton", "addItem",
                                   "addRow", "insertItem", "addSection"})
#: Constructors whose first string argument is shown.
TEXT_CLASSES = frozenset({
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
    "QToolButton", "QMenu", "QListWidgetItem", "QCommandLinkButton", "QMessageBox",
})
#: Static QMessageBox helpers: (parent, title, text, ...).
MESSAGE_BOX = frozenset({"information", "warning", "critical", "question", "about"})
#: Calls whose string arguments are translated (or marked for translation).
TRANSLATING = frozenset({"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP",
                         "QT_TRANSLATE_NOOP3", "qsTr"})
NOQA = "i18n: verbatim"


@dataclass(frozen=True, slots=True)
class Escape:
    """A visible string not passed through the translation."""

    path: Path
    line: int
    call: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.call}({self.text!r})"


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _is_wordy(node: ast.expr) -> str | None:
    """The text of a literal (or f-string) holding a letter, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(part.value for part in node.values
                       if isinstance(part, ast.Constant) and isinstance(part.value, str))
    else:
        return None
    return text if any(ch.isalpha() for ch in text) else None


def _text_arguments(node: ast.Call) -> list[ast.expr]:
    name = _call_name(node)
    args = list(node.args)
    if name in TEXT_METHODS:
        if name == "setHeaderLabels" and args and isinstance(args[0], ast.List | ast.Tuple):
            return list(args[0].elts)
        return args[:1]
    if name in TRAILING_TEXT_METHODS:
        strings = [a for a in args if _is_wordy(a) is not None]
        return strings[-1:] if name != "addItem" else strings[:1]
    if name in TEXT_CLASSES:
        texts = [a for a in args if _is_wordy(a) is not None]
        return texts[:1] if name != "QMessageBox" else texts
    if (name == "emit" and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Attribute)
            and node.func.value.attr in NOTICE_SIGNALS):
        return args[:1]
    if name in MESSAGE_BOX and isinstance(node.func, ast.Attribute):
        owner = node.func.value
        if isinstance(owner, ast.Name) and owner.id == "QMessageBox":
            return args[1:3]
    return []


def _escapes_in(tree: ast.AST, lines: list[str], path: Path) -> Iterator[Escape]:
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _call_name(node) in TRANSLATING:
            continue
        for arg in _text_arguments(node):
            text = _is_wordy(arg)
            if text is None:
                continue
            if NOQA in lines[arg.lineno - 1] or NOQA in lines[node.lineno - 1]:
                continue
            yield Escape(path, arg.lineno, _call_name(node), text)


def scan_file(path: Path) -> list[Escape]:
    """The escapes in one Python file."""
    source = path.read_text(encoding="utf-8")
    return list(_escapes_in(ast.parse(source, str(path)), source.splitlines(), path))


def scan(paths: list[Path]) -> list[Escape]:
    """The escapes in every ``.py`` file under ``paths``."""
    found: list[Escape] = []
    for root in paths:
        files = [root] if root.is_file() else sorted(root.rglob("*.py"))
        for file in files:
            found.extend(scan_file(file))
    return found


def qt_sources(package: Path) -> list[Path]:
    """The package's modules that import Qt widgets or GUI (the ones that show text)."""
    files = []
    for file in sorted(package.rglob("*.py")):
        if "hub" in file.relative_to(package).parts:
            continue
        text = file.read_text(encoding="utf-8")
        if "PySide6" in text:
            files.append(file)
    return files


def main() -> int:
    package = Path(__file__).resolve().parent
    escapes = scan(qt_sources(package))
    for escape in escapes:
        print(escape)
    return 1 if escapes else 0


if __name__ == "__main__":
    sys.exit(main())
