"""Realtime Authorization at work: what a join, a token refresh, a broadcast may do. Qt-free.

``Authorizer`` evaluates ``gfdesk.hub.channelrules`` for a topic and the caller's
claims, as the real server evaluates the policies on ``realtime.messages`` when a
private channel is joined (and again on every ``access_token``): one small query on
the store's loop connection (``SELECT (read), (write)``), none when the claims decide.
A rule that cannot be evaluated denies.

The app's topics are private channels only: a public join of one is refused with the
real server's ``PrivateOnly`` reason (a private-only project), so an out-of-date client
fails loudly instead of listening to an empty public namespace.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from gfdesk.hub.channelrules import app_topic, channel_rules
from gfdesk.hub.tables import Predicate
from gfdesk.log import hub as log

PRIVATE_ONLY = "PrivateOnly: This project only allows private channels"
_CONSTANT = {"1": True, "0": False}


def read_denied(sub_topic: str) -> str:
    """The join reason when the read rule refuses (spec 2.11)."""
    return f"Unauthorized: You do not have permissions to read from this Channel topic: {sub_topic}"


def read_lost(sub_topic: str) -> str:
    """The shutdown text when a refreshed token no longer may read (spec 2.10)."""
    return f"You no longer have permission to read from this Channel topic: {sub_topic}"


class RowSource(Protocol):
    """What the authorizer needs of the store: a small read on the loop."""

    def query(self, sql: str, params: Sequence[Any] = ...) -> list[Any]: ...


@dataclass(frozen=True)
class Permissions:
    """What a caller may do on one private topic."""

    read: bool
    write: bool


class Authorizer:
    """Decides private-channel permissions from the hub's channel rules.

    Args:
        rows: the store whose tables the rules look at (members, calls, hosts).
    """

    def __init__(self, rows: RowSource) -> None:
        self._rows = rows

    def permissions(self, sub_topic: str, claims: Mapping[str, Any]) -> Permissions:
        """Read and write permission on the private topic ``sub_topic``."""
        rules = channel_rules(sub_topic, claims)
        read, write = _CONSTANT.get(rules.read.sql), _CONSTANT.get(rules.write.sql)
        if read is not None and write is not None:
            return Permissions(read, write)
        verdicts = self._evaluate(rules.read, rules.write)
        return Permissions(read if read is not None else verdicts[0],
                           write if write is not None else verdicts[1])

    def _evaluate(self, read: Predicate, write: Predicate) -> tuple[bool, bool]:
        try:
            row = self._rows.query(f"SELECT ({read.sql}), ({write.sql})",
                                   read.params + write.params)[0]
        except sqlite3.Error:
            log.exception("realtime: a channel rule could not be evaluated; denied")
            return False, False
        return bool(row[0]), bool(row[1])

    @staticmethod
    def public_join_allowed(sub_topic: str) -> bool:
        """Whether ``sub_topic`` may be joined as a public channel (not an app topic)."""
        return app_topic(sub_topic) is None
