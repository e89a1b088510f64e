"""Translating text, and formatting dates, times and numbers, in Qt-free modules. Qt-free.

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; ``translate(context,
text, disambiguation, n)`` returns it in the user's language. ``pyside6-lupdate`` finds
both calls by their names and extracts ``text`` under ``context``, so a module that may
not import Qt still has its words translated.

``translate`` is one seam, like the clock: until the Qt side installs its translator
(``install``: ``gfdesk.ui.language`` passes ``QCoreApplication.translate``), it returns
the English source, with ``%n`` replaced by ``n`` (a test, the command line).

Dates, times and numbers go through the same kind of seam: ``formats()`` is the
installed ``Formats`` (the Qt side installs QLocale's, ``gfdesk.ui.language``); the
default spells them the way gfdesk always did ("14:05", "Monday, 3 March 2026").
"""

from __future__ import annotations

import datetime as dt
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


class Formats:
    """How dates, times and numbers read; this base is the locale-free default.

    Every method takes local values (the caller converts to the user's time zone).
    """

    def time(self, moment: dt.datetime) -> str:
        """A wall-clock time ("14:05")."""
        return moment.strftime("%H:%M")

    def date_long(self, day: dt.date) -> str:
        """A date in words ("Monday, 3 March 2026")."""
        return f"{day:%A}, {day.day} {day:%B %Y}"

    def date_short(self, day: dt.date) -> str:
        """A compact date ("03/02/26")."""
        return day.strftime("%d/%m/%y")

    def weekday_short(self, day: dt.date) -> str:
        """The day of the week, abbreviated ("Mon")."""
        return day.strftime("%a")

    def date_time(self, moment: dt.datetime) -> str:
        """A full timestamp, for a tooltip ("2026-03-03 14:05:09")."""
        return moment.strftime("%Y-%m-%d %H:%M:%S")

    def number(self, value: int) -> str:
        """An integer with the locale's digit grouping ("12,345")."""
        return f"{value:,}"


_formats = Formats()


def formats() -> Formats:
    """The installed formats (the default until the Qt side installs QLocale's)."""
    return _formats


def install_formats(chosen: Formats | None) -> None:
    """Format through ``chosen`` from now on (None: the default again)."""
    global _formats
    _formats = chosen if chosen is not None else Formats()


_plural: Callable[[str, int], str] | None = None


def plural(text: str, n: int) -> str:
    """``text`` with ``%n`` as ``n``, in the user's language and its plural rule.

    ``pyside6-lupdate`` reads plurals only from ``self.tr(text, "", n)``: every ``text``
    given here is listed once more in ``gfdesk.ui.plurals``, where it extracts them
    (``tests/unit/test_i18n_coverage.py`` checks the list is complete).
    """
    if _plural is not None:
        return _plural(text, n)
    return text.replace("%n", str(n))


def install_plural(translator: Callable[[str, int], str] | None) -> None:
    """Route ``plural`` through ``translator`` (None: English sources again)."""
    global _plural
    _plural = translator
