"""Chat messages as the client holds them, their order, and how they group. Qt-free, pure.

A message is a ``messages`` row plus where it stands for us (``SendState``): our own
messages are shown at once, optimistically, and stay SENDING until the server's row
(live INSERT or gap fill, matched by the client-chosen id) replaces them.

Grouping follows the usual chat layout: a sender's consecutive messages within
``GROUP_GAP`` on one local day share one header (avatar, name, time); each new local
day gets a separator. Times arrive as UTC ISO 8601 text and are shown in local time;
the time zone is an argument, so tests pin one.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from gfdesk.i18nmark import formats, translate
from gfdesk.timestamps import parse as parse_time

#: A sender's messages closer than this share one header.
GROUP_GAP = dt.timedelta(minutes=7)
#: The longest message body, in characters: the composer stops here and the server
#: refuses more (``messages_body_length_check`` in the hub and the migrations).
MAX_MESSAGE_CHARS = 2000


class SendState(enum.Enum):
    """Where a message stands for the one who sees it."""

    #: Stored on the server (every message of others, and ours once confirmed).
    SENT = "sent"
    #: Ours, queued in the outbox, not confirmed yet (offline: until reconnect).
    SENDING = "sending"
    #: Ours, refused by the server for good; can be retried.
    FAILED = "failed"


def format_time(moment: dt.datetime) -> str:
    """A UTC timestamp in the shape the server stores (microseconds, ``+00:00``)."""
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class ChatMessage:
    """One message of a conversation.

    Attributes:
        id: the row's UUID (chosen by the sender's client).
        conversation_id: where it was sent.
        sender_id: who sent it.
        body: the text, shown as plain text only.
        created_at: when the server stored it (for an optimistic one: when we sent it).
        state: sent, sending or failed.
        error: why it failed (the server's reason), else empty.
        edited_at: when its sender last edited it (None: never).
        deleted_at: when its sender deleted it (None: not deleted); its body is then
            gone and it shows as "message deleted".
    """

    id: str
    conversation_id: str
    sender_id: str
    body: str
    created_at: dt.datetime
    state: SendState = SendState.SENT
    error: str = ""
    edited_at: dt.datetime | None = None
    deleted_at: dt.datetime | None = None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def version(self) -> tuple[str, dt.datetime | None, dt.datetime | None]:
        """What tells two copies of one message apart (an edit, a deletion)."""
        return (self.id, self.edited_at, self.deleted_at)

    @property
    def key(self) -> tuple[dt.datetime, str]:
        """The ordering key: ``(created_at, id)``, as the server orders."""
        return (self.created_at, self.id)

    def with_state(self, state: SendState, error: str = "") -> ChatMessage:
        return replace(self, state=state, error=error)


def message_from_row(row: Mapping[str, Any]) -> ChatMessage:
    """A stored ``messages`` row as a SENT message."""
    edited, deleted = row.get("edited_at"), row.get("deleted_at")
    return ChatMessage(str(row["id"]), str(row["conversation_id"]), str(row["sender_id"]),
                       str(row.get("body") or ""), parse_time(str(row["created_at"])),
                       edited_at=parse_time(str(edited)) if edited else None,
                       deleted_at=parse_time(str(deleted)) if deleted else None)


def row_version(row: Mapping[str, Any]) -> tuple[Any, Any, Any]:
    """A row's identity in a stream of inserts and updates: ``(id, edited_at,
    deleted_at)``, so an edit is a new event and a repeat of it is not."""
    return (row["id"], row.get("edited_at"), row.get("deleted_at"))


def starts_day(previous: ChatMessage | None, current: ChatMessage, tz: dt.tzinfo) -> bool:
    """Whether ``current`` is the first message of its local day."""
    if previous is None:
        return True
    return previous.created_at.astimezone(tz).date() != current.created_at.astimezone(tz).date()


def starts_group(previous: ChatMessage | None, current: ChatMessage, tz: dt.tzinfo) -> bool:
    """Whether ``current`` shows a header (avatar, name, time) of its own."""
    if previous is None or starts_day(previous, current, tz):
        return True
    if previous.sender_id != current.sender_id:
        return True
    return current.created_at - previous.created_at > GROUP_GAP


def day_label(day: dt.date, today: dt.date) -> str:
    """"Today", "Yesterday", or the date ("Monday, 3 March 2026")."""
    if day == today:
        return translate("chat", "Today")
    if day == today - dt.timedelta(days=1):
        return translate("chat", "Yesterday")
    return formats().date_long(day)


def time_label(moment: dt.datetime, tz: dt.tzinfo) -> str:
    """The local wall-clock time of a message ("14:05")."""
    return formats().time(moment.astimezone(tz))


def short_when(moment: dt.datetime, now: dt.datetime, tz: dt.tzinfo) -> str:
    """A compact time for a conversation list: "14:05" today, "Yesterday", a weekday
    within a week, else "03/02/26"."""
    local, today = moment.astimezone(tz), now.astimezone(tz).date()
    if local.date() == today:
        return formats().time(local)
    if local.date() == today - dt.timedelta(days=1):
        return translate("chat", "Yesterday")
    if today - local.date() < dt.timedelta(days=7):
        return formats().weekday_short(local.date())
    return formats().date_short(local.date())


def length_problem(body: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """Why ``body`` cannot be sent, for the composer ("" when it can)."""
    if len(body) > limit:
        number = formats().number
        return translate("chat", "Messages can be at most {limit} characters; this one has "
                         "{length}. Shorten it by {excess}.").format(
            limit=number(limit), length=number(len(body)), excess=number(len(body) - limit))
    return ""
