"""What a screen reader and a keyboard user meet in a widget tree, for the a11y tests.

``interactive_widgets`` lists the controls of a screen that a user operates (buttons,
fields, lists, combo boxes, check boxes, sliders, tab bars), visible now; the parts Qt
composes inside another control (a combo box's line edit, a spin box's field, a line
edit's clear button, a tab bar's scroll arrows, a scroll area's bars, a view's header)
belong to that control and are skipped. ``missing_names`` asks Qt's accessibility layer
(``QAccessible.queryAccessibleInterface``) for each control's name and role, the way a
screen reader does, so a button's text or a field's buddy label counts as its name;
item views are checked item by item (the first rows), through the model's accessible
text or its display text.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE: tuple[type[QWidget], ...] = (
    QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QAbstractItemView, QComboBox,
    QAbstractSpinBox, QAbstractSlider, QTabBar, QGraphicsView,
)
#: Controls whose inner widgets are parts of them, not controls of their own.
_COMPOSITES: tuple[type[QWidget], ...] = (QComboBox, QAbstractSpinBox, QLineEdit, QTabBar)
#: Item views are checked on this many rows (a long list is the same delegate again).
ITEM_ROWS = 20
#: Roles no control should have: a screen reader would not offer to operate it.
_NON_CONTROL_ROLES = {QAccessible.Role.NoRole, QAccessible.Role.Client,
                      QAccessible.Role.Pane, QAccessible.Role.StaticText}


def _is_part(widget: QWidget) -> bool:
    if isinstance(widget, (QScrollBar, QHeaderView)):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, _COMPOSITES):
            return True
        if isinstance(parent, QAbstractScrollArea) and widget.parentWidget() is parent:
            return True  # the area's own corner or scroll bar container
        parent = parent.parentWidget() if not parent.isWindow() else None
    return False


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """The controls of ``root``'s screen a user operates, visible now, in tree order."""
    found = [root] if isinstance(root, INTERACTIVE) else []
    found += [w for w in root.findChildren(QWidget)
              if isinstance(w, INTERACTIVE) and w.isVisibleTo(root) and not _is_part(w)
              and w.window() is root.window()]
    return [w for w in found if w.isVisible()]


def describe(widget: QWidget) -> str:
    """Which widget, for a failure message: its class, name and where it sits."""
    path: list[str] = []
    node: QWidget | None = widget
    while node is not None and len(path) < 5:
        path.append(node.objectName() or type(node).__name__)
        node = node.parentWidget()
    return f"{type(widget).__name__} ({' < '.join(path)})"


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader says for ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return "" if interface is None else interface.text(QAccessible.Text.Name).strip()


def accessible_role(widget: QWidget) -> QAccessible.Role:
    interface = QAccessible.queryAccessibleInterface(widget)
    return QAccessible.Role.NoRole if interface is None else interface.role()


def missing_names(root: QWidget) -> list[str]:
    """Every control of ``root`` (and item of its views) without a name or a role."""
    problems = []
    for widget in interactive_widgets(root):
        if not accessible_name(widget):
            problems.append(f"no accessible name: {describe(widget)}")
        if accessible_role(widget) in _NON_CONTROL_ROLES:
            problems.append(f"no control role: {describe(widget)}")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            root_index = widget.rootIndex()
            for row in range(min(model.rowCount(root_index), ITEM_ROWS)):
                index = model.index(row, 0, root_index)
                if widget.isIndexHidden(index) if hasattr(widget, "isIndexHidden") else False:
                    continue
                if not (index.flags() & Qt.ItemFlag.ItemIsEnabled) and \
                        not (index.flags() & Qt.ItemFlag.ItemIsSelectable):
                    continue  # a heading row, not an item
                if not _item_name(index):
                    problems.append(f"item {row} without a name: {describe(widget)}")
    return problems


def _item_name(index: QModelIndex) -> str:
    for role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.DisplayRole):
        value = index.data(role)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def tab_reachable(widget: QWidget) -> bool:
    """Whether Tab may land on ``widget`` (a focus policy with Tab, enabled, shown)."""
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isEnabled() \
        and widget.isVisible()


def walk_tab_chain(start: QWidget, limit: int = 400) -> list[QWidget]:
    """Press Tab from ``start`` until focus comes back to it (or ``limit`` presses);
    returns the widgets focus visited, in order, ``start`` first."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    start.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is start, f"cannot focus {describe(start)}"
    visited = [start]
    for _ in range(limit):
        current = QApplication.focusWidget()
        assert current is not None, "focus left the window"
        QTest.keyClick(current, Qt.Key.Key_Tab)
        after = QApplication.focusWidget()
        assert after is not None, "focus left the window"
        if after is start:
            return visited
        assert after is not current, f"Tab is trapped in {describe(current)}"
        visited.append(after)
    raise AssertionError(f"Tab never came back to {describe(start)}")


def _in_a_visited_group(widget: QWidget, seen: set[int]) -> bool:
    # Buttons of an exclusive group are one stop for Tab, like radio buttons: Tab lands
    # on the checked one and the arrow keys move between them.
    group = widget.group() if isinstance(widget, QAbstractButton) else None
    return group is not None and group.exclusive() and \
        any(id(b) in seen for b in group.buttons())


def unreachable(root: QWidget, visited: list[QWidget]) -> list[str]:
    """The controls of ``root`` that Tab never reached."""
    seen = set(map(id, visited))
    return [describe(w) for w in interactive_widgets(root)
            if w.isEnabled() and id(w) not in seen
            and not (w.focusProxy() is not None and id(w.focusProxy()) in seen)
            and not _in_a_visited_group(w, seen)]
