"""Chat over the backend: conversations, history pages, live channels, sending. Qt-free.

Reads go straight to REST (the row rules limit them to the user's conversations);
writes go through the core ``Outbox`` (a message insert with a client-chosen id, a
``last_read_at`` update), so they survive being offline and a retry never stores a
message twice. Live rows come through the ``ConnectionSupervisor``:

- ``chat:{conversation_id}``: INSERTs and UPDATEs (an edit sets ``edited_at``, a
  deletion ``deleted_at`` and empties the body) on ``messages`` of one conversation and
  the ``typing`` broadcast ``{user_id, timestamp}``, as the mobile app uses it (the seed);
- ``inbox:{user_id}``: INSERTs on ``messages`` of every conversation of the user (the
  row rules filter them) for the conversation list; a message in a conversation the
  list does not know yet (someone started one with us) brings that conversation in.
  (``conversation_members`` is not in the realtime publication, so memberships cannot
  be followed directly.)

Every live subscription is gap-filled over REST after each (re)join, in
``(created_at, id)`` order; the supervisor delivers each row once.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from postgrest.types import CountMethod

from gfdesk.chat import rooms
from gfdesk.chat.conversations import ConversationKind, ConversationSummary, conversation_title
from gfdesk.chat.messages import (
    ChatMessage,
    SendState,
    format_time,
    message_from_row,
    row_version,
)
from gfdesk.core.gapfill import Row
from gfdesk.core.subscription import ChangeBinding, ChangeEvent, Subscription
from gfdesk.fallbacknames import unknown
from gfdesk.timestamps import parse as parse_time

if TYPE_CHECKING:
    from supabase import AsyncClient

    from gfdesk.core.connection import ConnectionSupervisor
    from gfdesk.core.outbox import Outbox
    from gfdesk.core.subscription import SubscriptionHandle


#: Messages per history page.
PAGE_SIZE = 50
#: The broadcast event of typing indicators (the seed's name).
TYPING_EVENT = "typing"
#: Conversation summaries read at once when the list loads.
PARALLEL_READS = 8
#: The largest ``in.(...)`` list sent in one request.
IN_CHUNK = 100


def _quoted(value: str) -> str:
    # PostgREST logic trees reserve ".,:()": a timestamp must be quoted inside or=(...).
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), IN_CHUNK):
        yield values[start:start + IN_CHUNK]


def _rows(result: Any) -> list[dict[str, Any]]:
    """The rows of a PostgREST response (its JSON typing is too loose to index)."""
    return list(result.data)


def message_row(message: ChatMessage) -> dict[str, Any]:
    """The ``messages`` row an outgoing message is stored as (created_at: the server's)."""
    return {"id": message.id, "conversation_id": message.conversation_id,
            "sender_id": message.sender_id, "body": message.body}


def newest_row(message: ChatMessage | None) -> Row | None:
    """A message as the row a subscription's gap fill starts after."""
    if message is None:
        return None
    return {"id": message.id, "created_at": format_time(message.created_at)}


class ChatService:
    """The chat of one signed-in user.

    Args:
        client: the signed-in official client.
        connection: the realtime supervisor every channel goes through.
        outbox: where writes are queued.
        user_id: who we are.
        page_size: messages per history page.
    """

    def __init__(self, client: AsyncClient, connection: ConnectionSupervisor, outbox: Outbox,
                 user_id: str, *, page_size: int = PAGE_SIZE) -> None:
        self._client = client
        self._connection = connection
        self._outbox = outbox
        self.user_id = user_id
        self.page_size = page_size
        #: Display names by user id (every member of our conversations, once loaded).
        self.names: dict[str, str] = {}
        #: Picture URLs by user id (None: no picture), loaded with the names.
        self.avatar_urls: dict[str, str | None] = {}

    # -- reads ----------------------------------------------------------------------

    async def load_names(self, user_ids: Iterable[str]) -> dict[str, str]:
        """Fetch the display names of ``user_ids`` not known yet; returns all names."""
        missing = sorted({u for u in user_ids if u and u not in self.names})
        for chunk in _chunks(missing):
            result = await self._client.table("profiles").select(
                "id,username,display_name,avatar_url").in_("id", chunk).execute()
            for row in _rows(result):
                # "" for a profile without a name: ``name_of`` and the titles word the
                # fallback when they are asked, so it follows a language switch.
                self.names[row["id"]] = str(row.get("display_name") or row.get("username")
                                            or "")
                avatar = row.get("avatar_url")
                self.avatar_urls[row["id"]] = avatar if isinstance(avatar, str) and avatar \
                    else None
        return self.names

    def name_of(self, user_id: str) -> str:
        return self.names.get(user_id) or unknown()

    def avatar_url_of(self, user_id: str) -> str | None:
        return self.avatar_urls.get(user_id)

    async def conversations(self) -> list[ConversationSummary]:
        """Every conversation of the user, with last message and unread count."""
        mine = _rows(await self._client.table("conversation_members").select(
            "conversation_id,last_read_at").eq("user_id", self.user_id).execute())
        if not mine:
            return []
        read_at = {r["conversation_id"]: r.get("last_read_at") for r in mine}
        ids = sorted(read_at)
        conversations: list[dict[str, Any]] = []
        members: dict[str, list[str]] = {i: [] for i in ids}
        for chunk in _chunks(ids):
            conversations += _rows(await self._client.table("conversations").select(
                "id,kind,title,created_at").in_("id", chunk).execute())
            for row in _rows(await self._client.table("conversation_members").select(
                    "conversation_id,user_id").in_("conversation_id", chunk).execute()):
                members[row["conversation_id"]].append(row["user_id"])
        await self.load_names(u for ms in members.values() for u in ms)
        # Two small reads per conversation (newest message, unread count), a few at a
        # time: the list costs a handful of round trips, not two per conversation.
        limit = asyncio.Semaphore(PARALLEL_READS)

        async def summary(row: dict[str, Any]) -> ConversationSummary:
            async with limit:
                return await self._summary(row, members.get(row["id"], []),
                                           read_at.get(row["id"]))

        return list(await asyncio.gather(*(summary(row) for row in conversations)))

    async def conversation(self, conversation_id: str) -> ConversationSummary | None:
        """One conversation's summary (None: not ours, or gone)."""
        rows = _rows(await self._client.table("conversations").select(
            "id,kind,title,created_at").eq("id", conversation_id).execute())
        if not rows:
            return None
        member_rows = _rows(await self._client.table("conversation_members").select(
            "user_id,last_read_at").eq("conversation_id", conversation_id).execute())
        member_ids = [r["user_id"] for r in member_rows]
        await self.load_names(member_ids)
        read_at = next((r.get("last_read_at") for r in member_rows
                        if r["user_id"] == self.user_id), None)
        return await self._summary(rows[0], member_ids, read_at)

    async def _summary(self, row: Mapping[str, Any], member_ids: list[str],
                       last_read: str | None) -> ConversationSummary:
        kind = ConversationKind(row.get("kind") or "direct")
        others = [m for m in member_ids if m != self.user_id]
        newest = _rows(await self._client.table("messages").select("*").eq(
            "conversation_id", row["id"]).is_("deleted_at", "null").order(
            "created_at", desc=True).order("id", desc=True).limit(1).execute())
        unread_query = self._client.table("messages").select("id", count=CountMethod.exact).eq(
            "conversation_id", row["id"]).neq("sender_id", self.user_id).is_(
            "deleted_at", "null")
        if last_read:
            unread_query = unread_query.gt("created_at", last_read)
        unread = (await unread_query.limit(1).execute()).count or 0
        last = message_from_row(newest[0]) if newest else None
        return ConversationSummary(
            id=row["id"], kind=kind,
            title=conversation_title(kind, row.get("title"), member_ids, self.user_id,
                                     self.names),
            member_ids=tuple(sorted(member_ids)),
            other_id=others[0] if kind is ConversationKind.DIRECT and others else None,
            created_at=parse_time(row["created_at"]),
            last_message=last,
            last_sender_name=self.sender_label(last.sender_id) if last else "",
            unread=int(unread),
            last_read_at=parse_time(last_read) if last_read else None)

    def sender_label(self, sender_id: str) -> str:
        """How a preview names a sender: "You" for us."""
        return "You" if sender_id == self.user_id else self.name_of(sender_id)

    async def page(self, conversation_id: str, before: ChatMessage | None) -> list[ChatMessage]:
        """Up to ``page_size`` messages older than ``before`` (None: the newest), newest
        first."""
        # Deleted messages (deleted_at set) are not shown.
        query = self._client.table("messages").select("*").eq(
            "conversation_id", conversation_id).is_("deleted_at", "null")
        if before is not None:
            stamp = _quoted(format_time(before.created_at))
            query = query.or_(f"created_at.lt.{stamp},"
                              f"and(created_at.eq.{stamp},id.lt.{_quoted(before.id)})")
        result = await query.order("created_at", desc=True).order("id", desc=True).limit(
            self.page_size).execute()
        return [message_from_row(r) for r in _rows(result)]

    # -- live -----------------------------------------------------------------------

    async def watch_conversation(self, conversation_id: str, *,
                                 on_row: Callable[[Row], None],
                                 on_typing: Callable[[dict[str, Any]], None],
                                 newest: ChatMessage | None) -> SubscriptionHandle:
        """Join ``chat:{conversation_id}``: its new messages (gap-filled after
        ``newest``) and typing broadcasts."""

        async def gap_fill(after: Row | None) -> list[Row]:
            # Like pages: a message deleted while we were away is not filled in.
            query = self._client.table("messages").select("*").eq(
                "conversation_id", conversation_id).is_("deleted_at", "null")
            if after is not None:
                query = query.gte("created_at", after["created_at"])
            return list(_rows(await query.order("created_at").order("id").retry(False)
                              .execute()))

        topic = f"chat:{conversation_id}"
        for stale in self._connection.subscriptions:
            # Left behind by an open that was cancelled half-way (the user clicked on).
            if stale.topic == topic:
                await stale.close()
        # One binding for every event (INSERT for new messages, UPDATE for edits and
        # deletions; hard DELETEs are not used and have no handler).
        return await self._connection.subscribe(Subscription(
            topic=topic,
            changes=(ChangeBinding(ChangeEvent.ALL, "messages",
                                   f"conversation_id=eq.{conversation_id}"),),
            on_row=on_row, gap_fill=gap_fill, newest=newest_row(newest), key=row_version,
            broadcasts={TYPING_EVENT: on_typing}, private=True))

    async def watch_inbox(self, *, on_message: Callable[[Row], None],
                          newest: ChatMessage | None) -> SubscriptionHandle:
        """Join ``inbox:{user_id}``: new messages of all our conversations."""

        async def gap_fill(after: Row | None) -> list[Row]:
            query = self._client.table("messages").select("*").is_("deleted_at", "null")
            if after is not None:
                query = query.gte("created_at", after["created_at"])
            else:
                # Nothing held yet: only what arrives from now on matters to the list.
                query = query.gte("created_at", format_time(dt.datetime.now(dt.UTC)))
            return list(_rows(await query.order("created_at").order("id").retry(False)
                              .execute()))

        return await self._connection.subscribe(Subscription(
            topic=f"inbox:{self.user_id}",
            changes=(ChangeBinding(ChangeEvent.INSERT, "messages"),),
            on_row=on_message, gap_fill=gap_fill, newest=newest_row(newest), private=True))

    async def leave_all(self) -> None:
        """Leave every chat channel still joined (one an interrupted open left behind)."""
        for handle in self._connection.subscriptions:
            if handle.topic.startswith("chat:") or handle.topic == f"inbox:{self.user_id}":
                await handle.close()

    async def send_typing(self, handle: SubscriptionHandle) -> bool:
        """Tell the conversation we are typing (dropped while offline)."""
        return await handle.send_broadcast(TYPING_EVENT, {
            "user_id": self.user_id,
            "timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")})

    # -- writes ---------------------------------------------------------------------

    def compose(self, conversation_id: str, body: str) -> ChatMessage:
        """A new outgoing message (not sent yet) with a fresh client-chosen id."""
        return ChatMessage(str(uuid.uuid4()), conversation_id, self.user_id, body,
                           dt.datetime.now(dt.UTC), SendState.SENDING)

    async def send(self, message: ChatMessage) -> None:
        """Queue ``message`` in the outbox (a retry re-queues the same id)."""
        await self._outbox.insert("messages", message_row(message),
                                  label=f"message in {message.conversation_id}")

    async def mark_read(self, conversation_id: str, moment: dt.datetime) -> None:
        """Queue our ``last_read_at`` = ``moment`` for the conversation."""
        await self._outbox.update("conversation_members",
                                  {"last_read_at": format_time(moment)},
                                  {"conversation_id": conversation_id, "user_id": self.user_id},
                                  label="read mark")

    async def edit(self, message: ChatMessage, body: str, moment: dt.datetime) -> None:
        """Queue our edit of ``message``: the new body and ``edited_at``."""
        await self._outbox.update(
            "messages", {"body": body, "edited_at": format_time(moment)},
            {"id": message.id, "sender_id": self.user_id}, label="edited message")

    async def delete(self, message: ChatMessage, moment: dt.datetime) -> None:
        """Queue the deletion of our ``message``: ``deleted_at`` set, the body gone."""
        await self._outbox.update(
            "messages", {"body": "", "deleted_at": format_time(moment)},
            {"id": message.id, "sender_id": self.user_id}, label="deleted message")

    async def find_direct(self, other_id: str) -> str | None:
        """Our direct conversation with ``other_id``, if there is one."""
        return await rooms.find_direct(self._client, self.user_id, other_id)

    async def find_or_create_direct(self, other_id: str) -> str:
        """Our direct conversation with ``other_id``, created if there is none."""
        return await rooms.find_or_create_direct(self._client, self.user_id, other_id)

    async def create_group(self, title: str, member_ids: Iterable[str]) -> str:
        """A new group with us and ``member_ids``; its id (see ``rooms.create_group``)."""
        return await rooms.create_group(self._client, title, member_ids)

    async def rename(self, conversation_id: str, title: str) -> str:
        """Rename a conversation we belong to; the stored title."""
        return await rooms.rename(self._client, conversation_id, title)
