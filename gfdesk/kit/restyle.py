"""Restyling a widget after a dynamic property its stylesheet selects on changed.

Qt's stylesheet reads ``[state="error"]``-style selectors when it polishes a widget,
so a changed property shows only after an explicit unpolish and polish.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget


def repolish(*widgets: QWidget) -> None:
    """Re-apply the stylesheet to each of ``widgets`` whose properties changed."""
    for widget in widgets:
        # Nothing to redo for a widget never polished yet (it reads its properties
        # when it first is, on show) or under no stylesheet at all (the main window is
        # built before the app's is set, which then polishes every widget). Skipping
        # saves more than the calls: before the first window, the first Python wrap of
        # the style builds QStyle's large enums (about 5 ms).
        if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished) and _styled(widget):
            style = widget.style()
            style.unpolish(widget)
            style.polish(widget)


def _styled(widget: QWidget) -> bool:
    app = QCoreApplication.instance()
    if isinstance(app, QApplication) and app.styleSheet():
        return True
    node: QWidget | None = widget
    while node is not None:
        if node.styleSheet():
            return True
        node = node.parentWidget()
    return False
