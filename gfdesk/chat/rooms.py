"""Starting and naming conversations: the direct one with a friend, a group, a new title. Qt-free.

Conversations are created by the server's ``create_conversation(conversation_kind,
member_ids, conversation_title)`` (an RPC, in the hub and in the migrations): the
conversation and its members come into being together, with only the caller's accepted,
unblocked friends, and the client never inserts conversations or members itself (the
row rules refuse it: no self-join, no adding a stranger). A title is changed by a
member (the row rules let members rename). Titles are user text: trimmed, one line,
``TITLE_MAX_CHARS`` at most.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from gfdesk.log import rest as log

if TYPE_CHECKING:
    from supabase import AsyncClient

#: The longest group title (the server's limit too).
TITLE_MAX_CHARS = 100
#: The largest ``in.(...)`` list sent in one request.
IN_CHUNK = 100


def clean_title(title: str) -> str:
    """A typed title as it is stored: one line, trimmed.

    Raises:
        ValueError: empty, or longer than ``TITLE_MAX_CHARS``.
    """
    text = " ".join(title.split())
    if not text:
        raise ValueError("A group needs a name.")
    if len(text) > TITLE_MAX_CHARS:
        raise ValueError(f"A group name has at most {TITLE_MAX_CHARS} characters.")
    return text


def _rows(result: Any) -> list[dict[str, Any]]:
    return list(result.data)


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), IN_CHUNK):
        yield values[start:start + IN_CHUNK]


async def find_direct(client: AsyncClient, me: str, other_id: str) -> str | None:
    """Our direct conversation with ``other_id``, if there is one."""
    mine = [r["conversation_id"] for r in _rows(await client.table(
        "conversation_members").select("conversation_id").eq("user_id", me).execute())]
    for chunk in _chunks(sorted(mine)):
        direct = [r["id"] for r in _rows(await client.table("conversations").select(
            "id").in_("id", chunk).eq("kind", "direct").execute())]
        if not direct:
            continue
        rows = _rows(await client.table("conversation_members").select(
            "conversation_id,user_id").in_("conversation_id", direct).execute())
        members: dict[str, set[str]] = {}
        for row in rows:
            members.setdefault(row["conversation_id"], set()).add(row["user_id"])
        for conversation_id in sorted(members):
            if members[conversation_id] == {me, other_id}:
                return conversation_id
    return None


async def find_or_create_direct(client: AsyncClient, me: str, other_id: str) -> str:
    """Our direct conversation with ``other_id`` (a friend), created if there is none;
    the server returns the existing one if another device made it meanwhile.

    Raises:
        postgrest.exceptions.APIError: 42501 when ``other_id`` is not a friend.
    """
    if other_id == me:
        raise ValueError("a direct conversation needs another user")
    existing = await find_direct(client, me, other_id)
    if existing is not None:
        return existing
    made = await client.rpc("create_conversation", {
        "conversation_kind": "direct", "member_ids": [other_id]}).execute()
    conversation_id = str(made.data)
    log.info("chat: direct conversation %s created", conversation_id)
    return conversation_id


async def create_group(client: AsyncClient, title: str, member_ids: Iterable[str]) -> str:
    """A new group named ``title`` with us and ``member_ids`` (our friends); its id.

    Raises:
        ValueError: the title is empty or too long, or nobody was chosen.
        postgrest.exceptions.APIError: the server refused (42501: not a friend).
    """
    members = sorted(set(member_ids))
    if not members:
        raise ValueError("Choose at least one friend.")
    result = await client.rpc("create_conversation", {
        "conversation_kind": "group", "member_ids": members,
        "conversation_title": clean_title(title)}).execute()
    conversation_id = str(result.data)
    log.info("chat: group %s created with %d members", conversation_id, len(members) + 1)
    return conversation_id


async def rename(client: AsyncClient, conversation_id: str, title: str) -> str:
    """Give ``conversation_id`` the title ``title`` (members only); the stored title.

    Raises:
        ValueError: the title is empty or too long, or the row rules refused (not a
            member any more).
    """
    text = clean_title(title)
    rows = _rows(await client.table("conversations").update({"title": text}).eq(
        "id", conversation_id).execute())
    if not rows:
        raise ValueError("You are no longer a member of this conversation.")
    return text
