"""PySide6's ``__feature__`` import hook, which gfdesk does without.

Importing PySide6 replaces ``builtins.__import__`` with a hook that serves
``from __feature__ import snake_case, true_property`` and, to keep those switches per
module, reads the source of every module imported from then on to see whether it names
PySide6 (PYSIDE-2029). gfdesk switches no feature, and every one of its modules is
imported after Qt: that reading was the largest single cost of the time to the main
window that a bare PySide6 window does not pay (``bench/startup.py``).

``drop()`` puts back the import PySide6 wrapped, which keeps its lazy loading of Qt's
classes. Afterwards ``from __feature__ import ...`` still imports, but switches nothing.
"""

from __future__ import annotations

import builtins


def drop() -> bool:
    """Remove the hook if PySide6 installed it and it is still in place; True if done."""
    hook = getattr(builtins, "__feature_import__", None)
    wrapped = getattr(builtins, "__orig_import__", None)
    if hook is None or wrapped is None or builtins.__import__ is not hook:
        return False
    builtins.__import__ = wrapped
    return True
