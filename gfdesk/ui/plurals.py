"""The plural messages of modules that cannot use ``self.tr``, where lupdate reads them.

``pyside6-lupdate`` extracts a plural ("%n players": one form per number class of the
language) only from ``self.tr(text, "", n)``. Qt-free modules say ``plural(text, n)``
(``gfdesk.i18nmark``); each such text is listed in ``Plurals._extracted`` so the
translation files hold it, and ``Plurals.translated`` looks it up under this class's
context at run time.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


class Plurals(QObject):
    """Translates ``gfdesk.i18nmark.plural`` texts (context ``Plurals``)."""

    def translated(self, text: str, n: int) -> str:
        return self.tr(text, "", n)

    def _extracted(self, n: int) -> list[str]:
        # Never called: the list lupdate reads. Keep it in step with plural() calls.
        return [
            self.tr("%n people are typing...", "", n),
            self.tr("%n players", "", n),
            self.tr("{count} / %n players", "", n),
            self.tr("%n min ago", "", n),
            self.tr("%n h ago", "", n),
            self.tr("%n d ago", "", n),
        ]
