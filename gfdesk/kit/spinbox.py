"""Spin boxes whose number sits where a line edit's text does.

The stylesheet (``resources/dark.qss``, "inputs") gives ``QLineEdit`` and
``QAbstractSpinBox`` alike a 1px border and ``padding: 7px 10px``. On PySide6 6.11 the
spin box's padding does not reach the line edit inside it: that edit spans the box from
its left edge and draws the number on the border, clipped, 12 px left of where a line
edit above or below starts its text. ``pad`` gives the inner edit a left text margin of
the border and the padding, so every input's text starts at the same place.

Imports only Qt (a kit module).
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox

#: ``border`` of the inputs rule in ``resources/dark.qss``, in pixels.
BORDER_PX = 1
#: The left ``padding`` of the inputs rule in ``resources/dark.qss``, in pixels.
PADDING_LEFT_PX = 10


def pad(spin: QAbstractSpinBox) -> None:
    """Give ``spin``'s inner line edit the left margin of a styled ``QLineEdit``."""
    edit = spin.lineEdit()
    margins = edit.textMargins()
    edit.setTextMargins(BORDER_PX + PADDING_LEFT_PX, margins.top(), margins.right(),
                        margins.bottom())
