"""The top-level places of the app: what the sidebar lists and the main window shows. Qt-free."""

from __future__ import annotations

import enum

from gfdesk.i18nmark import QT_TRANSLATE_NOOP


class Section(enum.Enum):
    """A sidebar entry and the page it opens, in sidebar order."""

    FRIENDS = "friends"
    CONVERSATIONS = "conversations"
    TOURNAMENTS = "tournaments"

    @property
    def title(self) -> str:
        """The user-facing name ("Friends"), in English: ``QCoreApplication.translate(
        "Section", title)`` shows it in the user's language."""
        return _TITLES[self]

    @property
    def icon_name(self) -> str:
        """The icon in ``resources/icons`` (without ``.svg``)."""
        return self.value

    @property
    def shortcut(self) -> str:
        """The key sequence that opens it ("Ctrl+1" for the first)."""
        return f"Ctrl+{list(Section).index(self) + 1}"


_TITLES = {
    Section.FRIENDS: QT_TRANSLATE_NOOP("Section", "Friends"),
    Section.CONVERSATIONS: QT_TRANSLATE_NOOP("Section", "Conversations"),
    Section.TOURNAMENTS: QT_TRANSLATE_NOOP("Section", "Tournaments"),
}
