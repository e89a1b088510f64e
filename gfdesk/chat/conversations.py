"""The conversation list as data: one summary per conversation, ordered by activity. Qt-free, pure.

A summary holds what the list shows (title, the other member for a direct chat, the
last message and its time, the unread count) and how a new message changes it. The
title of a direct conversation is the other member's name; a group without a title
lists its members.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from gfdesk.chat.messages import ChatMessage
from gfdesk.fallbacknames import unknown
from gfdesk.i18nmark import QT_TRANSLATE_NOOP, translate

#: How many member names an untitled group's title lists before "and N more".
TITLE_NAMES = 3
_CONTEXT = "conversations"
_JUST_YOU = QT_TRANSLATE_NOOP("conversations", "Just you")
_AND_MORE = QT_TRANSLATE_NOOP("conversations", "{shown} and {extra} more")


class ConversationKind(enum.Enum):
    DIRECT = "direct"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class ConversationSummary:
    """One row of the conversation list.

    Attributes:
        id: the conversation's id.
        kind: direct or group.
        title: what the list shows as its name.
        member_ids: every member, us included.
        other_id: for a direct conversation, the other member (presence dot), else None.
        created_at: when the conversation was created (its activity before any message).
        last_message: the newest message, if any.
        last_sender_name: who sent it, for the preview ("You", a name).
        unread: messages of others newer than our ``last_read_at``.
        last_read_at: when we last read it.
    """

    id: str
    kind: ConversationKind
    title: str
    member_ids: tuple[str, ...]
    other_id: str | None
    created_at: dt.datetime
    last_message: ChatMessage | None = None
    last_sender_name: str = ""
    unread: int = 0
    last_read_at: dt.datetime | None = None

    @property
    def activity(self) -> dt.datetime:
        """When something last happened here (the list's sort key)."""
        return self.last_message.created_at if self.last_message else self.created_at

    def preview(self) -> str:
        """The last message as one line ("You: omw", "Nova: gg")."""
        if self.last_message is None:
            return "No messages yet"
        body = ("message deleted" if self.last_message.deleted
                else " ".join(self.last_message.body.split()))
        return f"{self.last_sender_name}: {body}" if self.last_sender_name else body

    def with_message(self, message: ChatMessage, sender_name: str, *, me: str,
                     counts_unread: bool) -> ConversationSummary:
        """This summary after ``message`` arrived.

        Args:
            message: the new message.
            sender_name: how the preview names its sender.
            me: our user id (our own messages are never unread).
            counts_unread: whether it adds to the unread count (the conversation is not
                on screen).
        """
        newer = self.last_message is None or message.key >= self.last_message.key
        unread = self.unread
        if counts_unread and message.sender_id != me and (
                self.last_read_at is None or message.created_at > self.last_read_at):
            unread += 1
        if not newer:
            return replace(self, unread=unread)
        return replace(self, last_message=message, last_sender_name=sender_name, unread=unread)

    def read_up_to(self, moment: dt.datetime) -> ConversationSummary:
        """This summary once everything up to ``moment`` is read."""
        return replace(self, unread=0, last_read_at=max(moment, self.last_read_at or moment))


def conversation_title(kind: ConversationKind, title: str | None, member_ids: Iterable[str],
                       me: str, names: Mapping[str, str]) -> str:
    """The name the list shows: the title, the other member, or up to three members."""
    if title and title.strip():
        return title.strip()
    others = [names.get(m) or unknown() for m in member_ids if m != me]
    if not others:
        return translate(_CONTEXT, _JUST_YOU)
    if kind is ConversationKind.DIRECT or len(others) == 1:
        return others[0]
    shown = ", ".join(others[:TITLE_NAMES])
    extra = len(others) - TITLE_NAMES
    return translate(_CONTEXT, _AND_MORE).format(shown=shown, extra=extra) if extra > 0 \
        else shown


def by_activity(summaries: Iterable[ConversationSummary]) -> list[ConversationSummary]:
    """Most recently active first; ties by title then id, so the order is stable."""
    return sorted(summaries, key=lambda s: (-s.activity.timestamp(), s.title.casefold(), s.id))
