"""Marking text for translation in Qt-free modules. Qt-free.

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; ``pyside6-lupdate``
finds the call by its name and extracts ``text`` under ``context``. The Qt side shows
it with ``QCoreApplication.translate(context, text)`` (the same context), so a module
that may not import Qt still has its words translated where they reach the screen.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate's name)
    """``text``, marked for extraction under ``context``."""
    return text
