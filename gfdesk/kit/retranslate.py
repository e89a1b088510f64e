"""Widgets that re-word themselves when the language changes live.

Installing new QTranslators (Settings > Language) makes Qt send
``QEvent.LanguageChange`` to every widget. A widget that words itself (``self.tr``)
mixes in ``Retranslating`` and defines ``_retranslate``, which sets every text it
owns again from the same ``tr()`` calls, recomputing state-dependent texts from the
state it is in now. The mixin comes before the Qt base so that its ``changeEvent`` is
the one Qt calls:

    class InboxView(Retranslating, QWidget):
        def _retranslate(self) -> None:
            self.heading.setText(self.tr("Inbox"))

Imports only Qt (a kit module).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    # mypy sees the widget methods the mixin calls on; at run time the mixin is a plain
    # class, so the Qt base of each subclass decides its MRO.
    _Base = QWidget
else:
    _Base = object


class Retranslating(_Base):
    """Calls ``_retranslate`` on each ``LanguageChange``, then the Qt base's
    ``changeEvent`` (for every event, so palette, style and state changes still reach
    it)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        """Set every text this widget words itself again, in the current language."""
        raise NotImplementedError(f"{type(self).__name__} words nothing")
