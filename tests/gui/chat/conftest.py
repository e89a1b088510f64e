"""Chat integration tests use the chat world on the real hub."""

from tests.helpers.chatmembers import chat_world

__all__ = ["chat_world"]
