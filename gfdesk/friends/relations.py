"""Who is whose friend, who asked whom: the user's ``friendships`` rows. Qt-free, pure.

A ``friendships`` row (``user_id`` asked ``friend_id``; ``pending`` until the
addressee accepts) is seen from the signed-in user's side as a ``Relation`` with the
other player: a friend, an incoming request, or an outgoing one. Two rows may exist
for one pair (both asked before either answered): an accepted row wins, then the
incoming request (answering it settles both).

``FriendshipBook`` holds the rows of one user and answers, for each change (a whole
snapshot, a row added or changed, a row deleted), which other players it concerned.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

PENDING = "pending"
ACCEPTED = "accepted"


class Relation(enum.Enum):
    """Where the user stands with another player."""

    NONE = "none"
    FRIEND = "friend"
    #: They asked the user.
    INCOMING = "incoming"
    #: The user asked them.
    OUTGOING = "outgoing"


@dataclass(frozen=True, slots=True)
class Friendship:
    """One ``friendships`` row."""

    user_id: str
    friend_id: str
    status: str
    created_at: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.user_id, self.friend_id)

    def other(self, me: str) -> str:
        return self.friend_id if self.user_id == me else self.user_id

    def relation(self, me: str) -> Relation:
        if self.status == ACCEPTED:
            return Relation.FRIEND
        return Relation.OUTGOING if self.user_id == me else Relation.INCOMING


def friendship_from_row(row: Mapping[str, Any]) -> Friendship | None:
    """A row as a ``Friendship`` (None when it is not one: a row needs both ids)."""
    user_id, friend_id = row.get("user_id"), row.get("friend_id")
    if not isinstance(user_id, str) or not isinstance(friend_id, str):
        return None
    return Friendship(user_id, friend_id, str(row.get("status") or PENDING),
                      str(row.get("created_at") or ""))


_PREFERENCE = {Relation.FRIEND: 0, Relation.INCOMING: 1, Relation.OUTGOING: 2,
               Relation.NONE: 3}


class FriendshipBook:
    """The friendships of ``me``, by the other player.

    Args:
        me: the signed-in user.
    """

    def __init__(self, me: str) -> None:
        self.me = me
        self._rows: dict[tuple[str, str], Friendship] = {}
        self._by_other: dict[str, set[tuple[str, str]]] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def relation(self, other: str) -> Relation:
        """The user's relation with ``other``."""
        keys = self._by_other.get(other)
        if not keys:
            return Relation.NONE
        return min((self._rows[k].relation(self.me) for k in keys), key=_PREFERENCE.__getitem__)

    def since(self, other: str) -> str:
        """When the row that decides the relation with ``other`` was made ("" if none)."""
        keys = self._by_other.get(other, ())
        relation = self.relation(other)
        stamps = [self._rows[k].created_at for k in keys
                  if self._rows[k].relation(self.me) is relation]
        return max(stamps, default="")

    def others(self, relation: Relation) -> list[str]:
        """Every other player with ``relation``."""
        return [o for o in self._by_other if self.relation(o) is relation]

    def replace(self, rows: Iterable[Friendship]) -> set[str]:
        """A whole snapshot; returns the others whose relation may have changed."""
        before = {o: self.relation(o) for o in self._by_other}
        self._rows.clear()
        self._by_other.clear()
        for row in rows:
            self._put(row)
        after = {o: self.relation(o) for o in self._by_other}
        return {o for o in before.keys() | after.keys() if before.get(o) != after.get(o)}

    def upsert(self, row: Friendship) -> set[str]:
        """A row added or changed; returns the other player if their relation changed."""
        if self.me not in row.key:
            return set()
        other = row.other(self.me)
        before = self.relation(other)
        self._put(row)
        return {other} if self.relation(other) is not before else set()

    def remove(self, user_id: str, friend_id: str) -> set[str]:
        """A row deleted; returns the other player if their relation changed."""
        key = (user_id, friend_id)
        row = self._rows.get(key)
        if row is None:
            return set()
        other = row.other(self.me)
        before = self.relation(other)
        del self._rows[key]
        keys = self._by_other[other]
        keys.discard(key)
        if not keys:
            del self._by_other[other]
        return {other} if self.relation(other) is not before else set()

    def _put(self, row: Friendship) -> None:
        if self.me not in row.key or row.user_id == row.friend_id:
            return
        self._rows[row.key] = row
        self._by_other.setdefault(row.other(self.me), set()).add(row.key)
