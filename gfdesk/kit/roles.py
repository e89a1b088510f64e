"""Accessible roles for our own painted widgets, which Qt cannot guess.

Qt gives its own widgets a role (a button is a PushButton, a list a List). A widget
that paints its content itself, like the bracket (a QGraphicsView), would read as a
generic "client" area to a screen reader. ``give_role`` registers a role for such a
widget class; one accessibility factory (installed with the first registration) then
answers for instances of the registered classes. Qt only asks the factory when an
assistive technology (or a test) asks for an interface.

Imports only Qt (a kit module).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

_ROLES: dict[type[QWidget], QAccessible.Role] = {}
_installed = False


def give_role(kind: type[QWidget], role: QAccessible.Role) -> None:
    """Make screen readers see every ``kind`` widget with ``role``."""
    global _installed
    _ROLES[kind] = role
    if not _installed:
        QAccessible.installFactory(_interface_for)
        _installed = True


def _interface_for(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    if not obj.isWidgetType():
        return None
    for kind, role in _ROLES.items():
        if isinstance(obj, kind):
            assert isinstance(obj, QWidget)
            return QAccessibleWidget(obj, role)
    return None
