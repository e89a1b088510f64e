"""Chat: conversations, live messages, typing indicators, sending that never loses a message.

Inside: ``service`` (Qt-free: REST, channels, outbox writes) -> ``model`` (Qt models and
signals) -> ``view`` (widgets). Pure logic lives in ``messages``, ``conversations``,
``links`` and ``typingstate``. ``ChatFeature`` (Qt, in ``feature``) is imported lazily,
so importing the Qt-free modules never loads Qt.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ChatFeature"]


def __getattr__(name: str) -> Any:
    if name == "ChatFeature":
        from gfdesk.chat.feature import ChatFeature

        return ChatFeature
    raise AttributeError(name)
