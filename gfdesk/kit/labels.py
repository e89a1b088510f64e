"""Labels for text that may come from other players: always plain text.

Qt guesses whether a label's text is HTML; a name or a reason from the network must
never be rendered as markup, so every such label is made here with
``Qt.PlainText``; ``plain_tooltip`` does the same for a tooltip. ``stacked`` puts a
title and its detail line one above the other.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def plain_label(text: str, parent: QWidget | None, name: str = "", *,
                wrap: bool = False) -> QLabel:
    """A plain-text label named ``name`` (its stylesheet selector)."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    return label


def stacked(*widgets: QWidget) -> QVBoxLayout:
    """``widgets`` one above the other, without spacing (a name over its detail)."""
    column = QVBoxLayout()
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    for widget in widgets:
        column.addWidget(widget)
    return column


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` verbatim (QToolTip would render "<b>" as bold)."""
    # Imported here: the module costs the first window about a millisecond, and the
    # first tooltip with remote text comes later.
    import html

    return f"<qt>{html.escape(text)}</qt>"
