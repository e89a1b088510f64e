"""What the user was writing in each conversation, kept while they look elsewhere. Qt-free, pure.

Switching conversations must not lose a half-written message: the composer's text is
kept per conversation and given back when the user returns. Drafts live in memory for
the signed-in session only (sign-out forgets them with the rest of the account) and
are bounded: the least recently touched ones go first.
"""

from __future__ import annotations

from collections import OrderedDict

#: Conversations whose drafts are kept at most.
MAX_DRAFTS = 200
#: The longest draft kept, in characters (more than a message may hold, so a user who
#: pasted too much still gets it back to shorten).
MAX_DRAFT_CHARS = 20_000


class Drafts:
    """Unsent text by conversation id."""

    def __init__(self, capacity: int = MAX_DRAFTS) -> None:
        self._capacity = capacity
        self._texts: OrderedDict[str, str] = OrderedDict()

    def __len__(self) -> int:
        return len(self._texts)

    def get(self, conversation_id: str) -> str:
        """The draft of ``conversation_id`` ("" when none)."""
        return self._texts.get(conversation_id, "")

    def put(self, conversation_id: str, text: str) -> None:
        """Keep ``text`` for ``conversation_id`` (blank text forgets the draft)."""
        if not text.strip():
            self._texts.pop(conversation_id, None)
            return
        self._texts[conversation_id] = text[:MAX_DRAFT_CHARS]
        self._texts.move_to_end(conversation_id)
        while len(self._texts) > self._capacity:
            self._texts.popitem(last=False)

    def clear(self) -> None:
        self._texts.clear()
