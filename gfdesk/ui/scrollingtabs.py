"""A tab widget whose pages scroll when they are taller than the room the dialog gives
them, instead of squeezing their fields until the letters clip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget


class ScrollingTabWidget(QTabWidget):
    """A QTabWidget that puts each page in a frameless, vertically scrolling area.

    ``page(index)`` gives the page itself; ``widget(index)`` the scroll area around it.
    """

    def addTab(self, page: QWidget, label: str) -> int:  # type: ignore[override]
        return super().addTab(self._scrolling(page), label)

    def insertTab(self, index: int, page: QWidget,  # type: ignore[override]
                  label: str) -> int:
        return super().insertTab(index, self._scrolling(page), label)

    def page(self, index: int) -> QWidget | None:
        """The page at ``index`` without its scroll area."""
        area = self.widget(index)
        return area.widget() if isinstance(area, QScrollArea) else area

    def _scrolling(self, page: QWidget) -> QScrollArea:
        area = QScrollArea(self)
        area.setObjectName("settingsPageScroll")
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(page)
        return area
