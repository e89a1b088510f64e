"""Live notifications: ``notifications:{user_id}``, the centre, badges and toasts.

``NotificationsFeature`` (Qt) is imported lazily, so the Qt-free ``service`` module
never loads Qt.
"""

from __future__ import annotations

from typing import Any

__all__ = ["NotificationsFeature"]


def __getattr__(name: str) -> Any:
    if name == "NotificationsFeature":
        from gfdesk.notifications.feature import NotificationsFeature

        return NotificationsFeature
    raise AttributeError(name)
