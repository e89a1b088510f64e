"""Realtime Authorization: who may receive and who may send on the app's topics. Qt-free, pure.

These are the hub's row rules on ``realtime.messages`` (Supabase Realtime
Authorization, DESIGN.md "Channels"): joining a private channel needs the topic's
``read`` rule, a broadcast or a presence track its ``write`` rule. The same decisions
are the policies of ``supabase/migrations/*_gfdesk_realtime_authorization.sql``;
tests/helpers/rulescases.py holds the cases both must pass.

=========================  ==========================  ============================
topic                      read (join)                 write (broadcast, track)
=========================  ==========================  ============================
``notifications:{uid}``,   that user                   that user
``calls:{uid}``,
``inbox:{uid}``, ``friends:{uid}``
``chat:{conversation}``    the conversation's members  the members
``call:{call}``            its caller and callee       its caller and callee
``tournament:{id}``        everyone signed in          the tournament's host
``presence:online``        everyone signed in          everyone signed in
anything else              nobody                      nobody
=========================  ==========================  ============================

"Signed in" is role ``authenticated`` with a ``sub`` that is a UUID (PostgreSQL's
``auth.uid()``); ``service_role`` bypasses the rules, ``anon`` gets nothing. Ids in
topics are compared as UUIDs, as the migrations cast them. A rule is a
``Predicate``: constant when the claims decide it, else a sub-query on the public
schema that the caller evaluates (``SELECT (read), (write)``).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gfdesk.hub.policies import AUTHENTICATED, SERVICE_ROLE, role_of
from gfdesk.hub.tables import FALSE, TRUE, Predicate

PRESENCE_TOPIC = "presence:online"


class TopicKind(enum.Enum):
    """The app's topic families (DESIGN.md), by the prefix before ``:``."""

    NOTIFICATIONS = "notifications"
    CALLS = "calls"
    INBOX = "inbox"
    FRIENDS = "friends"
    CHAT = "chat"
    CALL = "call"
    TOURNAMENT = "tournament"
    PRESENCE = "presence"


#: Topics that belong to one user, named by their id.
OWN_TOPICS = frozenset({TopicKind.NOTIFICATIONS, TopicKind.CALLS, TopicKind.INBOX,
                        TopicKind.FRIENDS})
#: A UUID as PostgreSQL prints it (any case); the ids the app puts in topics.
_UUID = re.compile(r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
_BY_PREFIX = {k.value: k for k in TopicKind if k is not TopicKind.PRESENCE}


@dataclass(frozen=True)
class AppTopic:
    """A topic of the app: its family and the id after the prefix (canonical UUID
    text, or None when that part is not a UUID, which no rule lets through)."""

    kind: TopicKind
    id: str | None


@dataclass(frozen=True)
class ChannelRules:
    """The two rules of one topic for one caller."""

    #: May join (receive broadcasts, presence and the channel's messages).
    read: Predicate
    #: May send broadcasts and track presence.
    write: Predicate


ALL = ChannelRules(TRUE, TRUE)
NONE = ChannelRules(FALSE, FALSE)


def canonical_uuid(text: str) -> str | None:
    """``text`` in lower case if it is a UUID in PostgreSQL's printed form, else None.

    (PostgreSQL's ``::uuid`` also reads braces and other hyphen places, which no topic
    of the app uses; the hub refuses those.)
    """
    return text.lower() if _UUID.fullmatch(text) else None


def app_topic(sub_topic: str) -> AppTopic | None:
    """The app topic named ``sub_topic`` (without ``realtime:``), or None for any other."""
    if sub_topic == PRESENCE_TOPIC:
        return AppTopic(TopicKind.PRESENCE, None)
    prefix, colon, rest = sub_topic.partition(":")
    kind = _BY_PREFIX.get(prefix)
    if kind is None or not colon:
        return None
    return AppTopic(kind, canonical_uuid(rest))


def caller_uid(claims: Mapping[str, Any]) -> str | None:
    """``auth.uid()`` of signed-in claims (canonical UUID text), else None."""
    sub = claims.get("sub")
    if role_of(claims) != AUTHENTICATED or not isinstance(sub, str):
        return None
    return canonical_uuid(sub)


def channel_rules(sub_topic: str, claims: Mapping[str, Any]) -> ChannelRules:
    """The read and write rules of ``sub_topic`` for the caller with these claims."""
    if role_of(claims) == SERVICE_ROLE:
        return ALL
    uid = caller_uid(claims)
    topic = app_topic(sub_topic)
    if uid is None or topic is None:
        return NONE
    if topic.kind is TopicKind.PRESENCE:
        return ALL
    if topic.id is None:
        return NONE
    if topic.kind in OWN_TOPICS:
        return ALL if topic.id == uid else NONE
    if topic.kind is TopicKind.CHAT:
        member = Predicate("EXISTS (SELECT 1 FROM conversation_members AS _m"
                           " WHERE _m.conversation_id = ? AND _m.user_id = ?)", (topic.id, uid))
        return ChannelRules(member, member)
    if topic.kind is TopicKind.CALL:
        party = Predicate("EXISTS (SELECT 1 FROM calls AS _c WHERE _c.id = ?"
                          " AND ? IN (_c.caller_id, _c.callee_id))", (topic.id, uid))
        return ChannelRules(party, party)
    host = Predicate("EXISTS (SELECT 1 FROM tournaments AS _t WHERE _t.id = ?"
                     " AND _t.host_id = ?)", (topic.id, uid))
    return ChannelRules(TRUE, host)


def presence_meta_allowed(meta: Mapping[str, Any], claims: Mapping[str, Any]) -> bool:
    """Whether a tracked presence meta may carry its ``user_id``: absent, or the
    caller's own (service_role: any).

    Supabase's policies cannot see presence payloads (they decide by topic and
    extension only), so a real project cannot enforce this; the hub does.
    """
    if "user_id" not in meta or role_of(claims) == SERVICE_ROLE:
        return True
    claimed = meta["user_id"]
    uid = caller_uid(claims)
    return uid is not None and isinstance(claimed, str) and canonical_uuid(claimed) == uid
