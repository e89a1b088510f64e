"""Friends online: presence on ``presence:online`` and the friends list.

``FriendsFeature`` (Qt) is imported lazily, so importing the Qt-free ``presence`` and
``service`` modules never loads Qt.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FriendsFeature"]


def __getattr__(name: str) -> Any:
    if name == "FriendsFeature":
        from gfdesk.friends.feature import FriendsFeature

        return FriendsFeature
    raise AttributeError(name)
