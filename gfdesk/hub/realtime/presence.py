"""Presence state of one topic: who is tracked, and the diffs to announce (spec 4). Qt-free.

Pure and synchronous. Each channel instance (one join) tracks at most one meta under
its presence key; several joins may share a key, giving that key several metas, as in
Phoenix Presence. Every meta carries a ``phx_ref`` (16-character URL-safe base64, like
phoenix_pubsub's ``random_ref``); the Python client dies on a meta without one
(spec 2.13). An update (track with a different payload) produces one diff with the old
meta in ``leaves`` and the new one, carrying ``phx_ref_prev``, in ``joins``. Diffs
always have both ``joins`` and ``leaves``.

Randomness comes in through ``make_ref`` so tests can make refs deterministic.
"""

from __future__ import annotations

import base64
import os
import uuid
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

REF_BYTES = 12  # 12 bytes -> 16 base64 characters, no padding

Meta = dict[str, Any]
PresenceMap = dict[str, dict[str, list[Meta]]]


def random_ref() -> str:
    """A fresh ``phx_ref``: 16 URL-safe base64 characters."""
    return base64.urlsafe_b64encode(os.urandom(REF_BYTES)).decode("ascii")


def presence_key(configured: Any) -> str:
    """The join's presence key: ``config.presence.key`` stringified, else a UUID v1.

    An empty or null key makes the server pick one per join (spec 4.2), so a client
    without a key reappears under a new key after a reconnect.
    """
    if configured is None or configured == "" or isinstance(configured, dict | list):
        return str(uuid.uuid1())
    if isinstance(configured, bool):
        return "true" if configured else "false"
    return str(configured)


@dataclass(frozen=True)
class PresenceDiff:
    """A ``presence_diff`` payload: keys to ``{"metas": [...]}``, both sides always present."""

    joins: PresenceMap = field(default_factory=dict)
    leaves: PresenceMap = field(default_factory=dict)

    def payload(self) -> dict[str, PresenceMap]:
        return {"joins": self.joins, "leaves": self.leaves}


@dataclass
class _Entry:
    key: str
    state: Meta  # the tracked payload as the client sent it
    meta: Meta  # state + phx_ref (+ phx_ref_prev after an update)


class TopicPresence:
    """Tracked metas of one topic, by owner (a channel instance)."""

    def __init__(self, make_ref: Callable[[], str] = random_ref) -> None:
        self._make_ref = make_ref
        self._entries: dict[Hashable, _Entry] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def state(self) -> PresenceMap:
        """The ``presence_state`` payload: every tracked meta, grouped by key."""
        result: PresenceMap = {}
        for entry in self._entries.values():
            result.setdefault(entry.key, {"metas": []})["metas"].append(entry.meta)
        return result

    def track(self, owner: Hashable, key: str, state: Meta) -> PresenceDiff | None:
        """Track or update ``owner``'s meta under ``key``.

        Returns:
            The diff to broadcast, or None when the payload did not change.
        """
        old = self._entries.get(owner)
        if old is not None and old.key == key and old.state == state:
            return None
        meta = {k: v for k, v in state.items() if k not in ("phx_ref", "phx_ref_prev")}
        meta["phx_ref"] = self._make_ref()
        leaves: PresenceMap = {}
        if old is not None:
            if old.key == key:
                meta["phx_ref_prev"] = old.meta["phx_ref"]
            leaves = {old.key: {"metas": [old.meta]}}
        self._entries[owner] = _Entry(key, dict(state), meta)
        return PresenceDiff(joins={key: {"metas": [meta]}}, leaves=leaves)

    def untrack(self, owner: Hashable) -> PresenceDiff | None:
        """Remove ``owner``'s meta (untrack, leave, disconnect).

        Returns:
            The diff to broadcast, or None when ``owner`` was not tracked.
        """
        entry = self._entries.pop(owner, None)
        if entry is None:
            return None
        return PresenceDiff(leaves={entry.key: {"metas": [entry.meta]}})
