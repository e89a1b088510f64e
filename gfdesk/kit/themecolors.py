"""The current theme's colours for widgets that paint by hand, and the signal that says
they changed.

Like ``QApplication.palette()``, there is one set of colours per process: the shell's
``ui.theme.apply`` sets it, and delegates, painted badges and scenes read ``color(token)``
at paint time. A widget that caches something made from a colour (a tinted icon, a
pixmap) connects to ``notifier().changed`` and rebuilds it.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor

from gfdesk.kit.palettes import AA_LARGE, DARK, ThemeName, readable_on, rgba


class ThemeNotifier(QObject):
    """Says when the theme's colours change.

    Signals:
        changed(str): the new theme's name (``dark`` or ``light``); colours read
            from now on are the new ones.
    """

    changed = Signal(str)


_palette: Mapping[str, str] = DARK
_name = ThemeName.DARK
_notifier: ThemeNotifier | None = None


def notifier() -> ThemeNotifier:
    """The process's theme notifier (made on first use, after the QApplication)."""
    global _notifier
    if _notifier is None:
        _notifier = ThemeNotifier()
    return _notifier


def set_palette(name: ThemeName, palette: Mapping[str, str]) -> None:
    """Make ``palette`` the current colours and tell the listeners (if they changed)."""
    global _palette, _name
    if palette == _palette and name is _name:
        return
    _palette, _name = palette, name
    notifier().changed.emit(name.value)


def current_name() -> ThemeName:
    """``DARK`` or ``LIGHT``: the theme now showing (never ``SYSTEM``)."""
    return _name


def is_dark() -> bool:
    """Whether the theme now showing is dark."""
    return _name is ThemeName.DARK


def hex_color(token: str) -> str:
    """The current colour of ``token`` as ``#rrggbb`` or ``#rrggbbaa``.

    Raises:
        KeyError: no such token.
    """
    return _palette[token]


def color(token: str) -> QColor:
    """The current colour of ``token``.

    Raises:
        KeyError: no such token.
    """
    r, g, b, a = rgba(_palette[token])
    return QColor(r, g, b, a)


def readable(color_hex: str, background: str, ratio: float = AA_LARGE) -> QColor:
    """``color_hex`` (a status or identity colour) adjusted, if it must be, to ``ratio``
    against the current colour of the ``background`` token: 3:1 (WCAG's non-text
    minimum) by default, for status dots; pass ``AA_TEXT`` for text."""
    return QColor(_readable(color_hex, _palette[background], ratio))


@functools.lru_cache(maxsize=128)
def _readable(color_hex: str, background_hex: str, ratio: float) -> str:
    # A handful of status and identity colours on a few backgrounds: never fills.
    return readable_on(color_hex, background_hex, ratio)
