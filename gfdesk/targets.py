"""What a click or a link can open: a conversation, a friend request, a tournament. Qt-free, pure.

A notification says what it is about with a ``Target``; whoever opens it (the account
flow) decides how, so the notifications feature never knows the chat exists.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class TargetKind(enum.Enum):
    """The kinds of things a click or a link can open."""

    CONVERSATION = "conversation"
    TOURNAMENT = "tournament"
    #: The requests page; the id is the player who asked.
    FRIEND_REQUEST = "friend_request"
    #: A call (a ``gfdesk://call/`` link): its window, while the call lasts.
    CALL = "call"


@dataclass(frozen=True)
class Target:
    """Something to open: its kind and id."""

    kind: TargetKind
    id: str
