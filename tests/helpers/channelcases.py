"""The Realtime Authorization matrix: who may receive and send on which topic, one table
of cases that both the hub (gfdesk/hub/channelrules.py) and the policies on
``realtime.messages`` (supabase/migrations/*_gfdesk_realtime_authorization.sql) pass.

A ``ChannelCase`` names an actor (as in rulescases: ``a`` ... ``d``, ``anon``,
``service``, ``nosub``), a topic (``@name`` parts are ids of rulescases' world), an
operation and the outcome:

- ``receive``: join the topic as a private channel (the select policy);
- ``send``: broadcast or track presence on it (the insert policy);

``allowed`` or ``denied``. The hub side joins with a raw socket and sends through REST
broadcast (the same rule decides a socket's broadcasts, which are dropped silently);
the PostgreSQL side asks the policies the way Supabase Realtime does (a select of a
message of the topic, an insert into ``realtime.messages``, as the actor's role with
``realtime.topic`` set). Run by tests/integration/hub/test_rules_hub.py and
tests/integration/postgres/test_rules_postgres.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.helpers.rulescases import ALLOWED, DENIED, NO_SUB, Names

RECEIVE = "receive"
SEND = "send"


@dataclass(frozen=True)
class ChannelCase:
    """One actor, one operation on one topic, and the outcome both backends must give."""

    actor: str
    topic: str
    op: str
    expect: str

    @property
    def id(self) -> str:
        return f"{self.topic}-{self.op}-{self.actor}"

    def resolve(self, names: Names) -> str:
        """The topic with its ``@name`` parts made ids."""
        prefix, _, rest = self.topic.partition(":")
        if rest.startswith("@"):
            return f"{prefix}:{names.id(rest[1:])}"
        return self.topic


def _cases(topic: str, receive: dict[str, str], send: dict[str, str] | None = None
           ) -> list[ChannelCase]:
    """Cases of one topic; ``send`` defaults to the same outcomes as ``receive``."""
    sends = receive if send is None else send
    return [*(ChannelCase(actor, topic, RECEIVE, expect) for actor, expect in receive.items()),
            *(ChannelCase(actor, topic, SEND, expect) for actor, expect in sends.items())]


_A, _D = ALLOWED, DENIED
_OWN = {"a": _A, "b": _D, "anon": _D, NO_SUB: _D, "service": _A}

CHANNEL_CASES: list[ChannelCase] = [
    # Issue 13, finding 1: B joined notifications:{A}; the anon key joined everything.
    *_cases("notifications:@a", _OWN),
    *_cases("calls:@a", _OWN),
    *_cases("inbox:@a", _OWN),
    *_cases("friends:@a", _OWN),
    *_cases("chat:@conv_ab", {"a": _A, "b": _A, "c": _D, "anon": _D, NO_SUB: _D,
                              "service": _A}),
    *_cases("chat:@conv_bc", {"a": _D, "b": _A, "c": _A}),
    *_cases("call:@call_ab", {"a": _A, "b": _A, "c": _D, "anon": _D, "service": _A}),
    # Everyone signed in follows a tournament; only its host sends score updates.
    *_cases("tournament:@t_a", {"a": _A, "b": _A, "c": _A, "anon": _D, NO_SUB: _D,
                                "service": _A},
            {"a": _A, "b": _D, "c": _D, "anon": _D, NO_SUB: _D, "service": _A}),
    *_cases("tournament:@t_b", {"a": _A}, {"a": _D, "b": _A}),
    *_cases("presence:online", {"a": _A, "b": _A, "anon": _D, NO_SUB: _D, "service": _A}),
    # Ids that are not UUIDs, and topics that are not the app's: nobody but the service.
    *_cases("chat:not-a-uuid", {"a": _D}),
    *_cases("notifications:not-a-uuid", {"a": _D}),
    *_cases("tournament:not-a-uuid", {"a": _D}),
    *_cases("room1", {"a": _D, "service": _A}),
    *_cases("chat", {"a": _D}),
]
