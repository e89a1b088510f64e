"""Fonts a delegate derives from the font it is handed, built once per base font.

A delegate's ``paint`` gets ``option.font`` for every row; deriving its title, body and
badge fonts from it there would copy and adjust several ``QFont`` objects per row per
frame. ``DerivedFonts`` keeps what its ``make`` built until the base font changes
(a theme or style change).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QFont

T = TypeVar("T")


def font_at(base: QFont, pixel_size: int, *, bold: bool | None = None) -> QFont:
    """``base`` at ``pixel_size`` pixels; bold or not when ``bold`` says (else as ``base``)."""
    font = QFont(base)
    font.setPixelSize(pixel_size)
    if bold is not None:
        font.setBold(bold)
    return font


class DerivedFonts(Generic[T]):
    """``make(base)``, remembered while the base font stays the same.

    Args:
        make: builds the fonts (any value) from a base font.
    """

    def __init__(self, make: Callable[[QFont], T]) -> None:
        self._make = make
        self._base: QFont | None = None
        self._value: T | None = None

    def get(self, base: QFont) -> T:
        if self._value is None or base != self._base:
            self._value = self._make(base)
            self._base = QFont(base)
        return self._value
