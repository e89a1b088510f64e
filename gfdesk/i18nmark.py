"""Translating text in Qt-free modules. Qt-free.

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; ``translate(context,
text, disambiguation, n)`` returns it in the user's language. ``pyside6-lupdate`` finds
both calls by their names and extracts ``text`` under ``context``, so a module that may
not import Qt still has its words translated.

``translate`` is one seam, like the clock: until the Qt side installs its translator
(``install``: ``gfdesk.ui.language`` passes ``QCoreApplication.translate``), it returns
the English source, with ``%n`` replaced by ``n`` (a test, the command line).
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str, "str | None", int], str]

_translator: Translator | None = None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate's name)
    """``text``, marked for extraction under ``context``."""
    return text


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language (``%n`` is ``n`` for a plural)."""
    if _translator is not None:
        return _translator(context, text, disambiguation, n)
    return text.replace("%n", str(n)) if n >= 0 else text


def install(translator: Translator | None) -> None:
    """Route ``translate`` through ``translator`` (None: English sources again)."""
    global _translator
    _translator = translator
