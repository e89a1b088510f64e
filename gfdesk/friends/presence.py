"""Who is online on ``presence:online``: an incremental index of presence metas. Qt-free, pure.

Identity comes from each meta's ``user_id``, never from the presence key (DESIGN.md
"Presence identity"): the mobile app joins without a key, so the server gives it a
random one, while the desktop app joins with its user id, so one user on several
devices is one key with several metas. A user is online while any meta names them;
their status is the highest-priority status among their metas (in game, busy,
online, away).

``PresenceIndex`` keeps every meta by ``(presence key, phx_ref)``, so a diff costs
O(size of the diff) whatever the number of members; a full state (after a join or
rejoin) is loaded in steps (``load_state`` is a generator) so a 100,000-member state
never blocks the caller for long. Time comes in as arguments.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from gfdesk.timestamps import parse_or_none as parse_time
from gfdesk.userstatus import CHOOSABLE, Status

__all__ = ["CHOOSABLE", "MetaInfo", "Presence", "PresenceIndex", "Status", "last_seen_text",
           "parse_status", "read_meta", "summarize", "tracked_meta"]

#: Metas indexed between two yields of ``PresenceIndex.load_state``.
ENTRIES_PER_STEP = 512
#: Longest game name kept (a remote user controls it).
MAX_GAME_CHARS = 80
DEVICE_DESKTOP = "desktop"


def parse_status(value: Any) -> Status:
    """A meta's status; unknown or missing values count as online (they are present).
    (A meta saying "invisible" is nobody: ``read_meta`` drops it.)"""
    try:
        status = Status(value)
    except ValueError:
        return Status.ONLINE
    return Status.ONLINE if status is Status.OFFLINE else status


def iso(moment: datetime) -> str:
    """``moment`` as ISO 8601 (what the mobile app's ``toIso8601String`` produces)."""
    return moment.astimezone(UTC).isoformat()


@dataclass(frozen=True)
class MetaInfo:
    """What one presence meta says."""

    user_id: str
    status: Status
    game: str | None
    last_seen: str | None
    device: str | None


def read_meta(meta: Any) -> MetaInfo | None:
    """A meta's fields, or None when it names no user (then it is nobody)."""
    if not isinstance(meta, Mapping):
        return None
    user_id = meta.get("user_id")
    if not isinstance(user_id, str) or not user_id:
        return None
    status = parse_status(meta.get("status"))
    if status is Status.INVISIBLE:
        return None  # this app never tracks it; another client that does shows nobody
    game = meta.get("game")
    game = game[:MAX_GAME_CHARS] if isinstance(game, str) and game.strip() else None
    last_seen = meta.get("last_seen")
    device = meta.get("device")
    return MetaInfo(user_id, status, game,
                    last_seen if isinstance(last_seen, str) else None,
                    device if isinstance(device, str) else None)


@dataclass(frozen=True)
class Presence:
    """One user's presence across all their devices."""

    user_id: str
    status: Status = Status.OFFLINE
    game: str | None = None
    #: The newest ``last_seen`` any of their metas carried (None: none did).
    last_seen: datetime | None = None
    devices: int = 0

    @property
    def online(self) -> bool:
        return self.status is not Status.OFFLINE


def summarize(user_id: str, metas: Iterable[MetaInfo]) -> Presence:
    """Combine a user's metas: best status by rank, its game, newest last_seen."""
    best: MetaInfo | None = None
    newest: datetime | None = None
    count = 0
    for meta in metas:
        count += 1
        if best is None or meta.status.priority < best.status.priority:
            best = meta
        seen = parse_time(meta.last_seen)
        if seen is not None and (newest is None or seen > newest):
            newest = seen
    if best is None:
        return Presence(user_id)
    game = best.game if best.status is Status.IN_GAME else None
    return Presence(user_id, best.status, game, newest, count)


RefKey = tuple[str, str]


class PresenceIndex:
    """Every meta of one presence topic, indexed by user and by ``(key, phx_ref)``."""

    def __init__(self) -> None:
        self._by_user: dict[str, dict[RefKey, MetaInfo]] = {}
        self._owner: dict[RefKey, str] = {}

    def __len__(self) -> int:
        """How many users are online."""
        return len(self._by_user)

    @property
    def metas(self) -> int:
        """How many metas are held."""
        return len(self._owner)

    def presence(self, user_id: str) -> Presence:
        """``user_id``'s combined presence (OFFLINE when no meta names them)."""
        metas = self._by_user.get(user_id)
        return summarize(user_id, metas.values()) if metas else Presence(user_id)

    def user_ids(self) -> Iterable[str]:
        """Everyone online."""
        return self._by_user.keys()

    def apply_diff(self, diff: Mapping[str, Any]) -> set[str]:
        """Apply a ``presence_diff`` payload (joins, then leaves); O(size of the diff).

        Returns:
            The users whose metas changed.
        """
        touched: set[str] = set()
        for key, entry in _entries(diff.get("joins")):
            for meta in _metas(entry):
                user = self._add(key, meta)
                if user is not None:
                    touched.add(user)
        for key, entry in _entries(diff.get("leaves")):
            for meta in _metas(entry):
                user = self._remove(key, meta)
                if user is not None:
                    touched.add(user)
        return touched

    def load_state(self, state: dict[str, Any]) -> Generator[None, None, None]:
        """Replace everything with a ``presence_state`` payload, in steps; consumes it.

        A generator: it yields every ``ENTRIES_PER_STEP`` presence keys and swaps the
        new index in at the end, so lookups see the old index until it is complete.
        Entries are popped from ``state`` as they are indexed, so the raw payload is
        freed bit by bit rather than all at once (100,000 dicts freed in one go are a
        visible freeze). The old index is released the same way.
        """
        fresh = PresenceIndex()
        count = 0
        while state:
            key, entry = state.popitem()
            if isinstance(key, str):
                for meta in _metas(entry):
                    fresh._add(key, meta)
            count += 1
            if count % ENTRIES_PER_STEP == 0:
                yield
        old_by_user, old_owner = self._by_user, self._owner
        self._by_user, self._owner = fresh._by_user, fresh._owner
        count = 0
        while old_by_user:
            old_by_user.popitem()
            count += 1
            if count % ENTRIES_PER_STEP == 0:
                yield
        while old_owner:
            old_owner.popitem()
            count += 1
            if count % ENTRIES_PER_STEP == 0:
                yield

    def _add(self, key: str, meta: Any) -> str | None:
        ref = meta.get("phx_ref") if isinstance(meta, Mapping) else None
        info = read_meta(meta)
        if info is None or not isinstance(ref, str):
            return None
        ref_key = (key, ref)
        previous = self._owner.get(ref_key)
        if previous is not None and previous != info.user_id:
            self._drop(ref_key, previous)
        self._owner[ref_key] = info.user_id
        self._by_user.setdefault(info.user_id, {})[ref_key] = info
        return info.user_id

    def _remove(self, key: str, meta: Any) -> str | None:
        ref = meta.get("phx_ref") if isinstance(meta, Mapping) else None
        if not isinstance(ref, str):
            return None
        ref_key = (key, ref)
        user = self._owner.pop(ref_key, None)
        if user is None:
            return None
        self._drop(ref_key, user)
        return user

    def _drop(self, ref_key: RefKey, user: str) -> None:
        metas = self._by_user.get(user)
        if metas is None:
            return
        metas.pop(ref_key, None)
        if not metas:
            del self._by_user[user]


def _entries(presences: Any) -> Iterable[tuple[str, Any]]:
    if not isinstance(presences, Mapping):
        return ()
    return ((k, v) for k, v in presences.items() if isinstance(k, str))


def _metas(entry: Any) -> list[Any]:
    # The wire form is {"metas": [...]}; the library's transformed form is a bare list.
    metas = entry.get("metas") if isinstance(entry, Mapping) else entry
    return metas if isinstance(metas, list) else []


def tracked_meta(user_id: str, status: Status, game: str | None, now: datetime) -> dict[str, Any]:
    """The meta this app tracks for its user (DESIGN.md; ``device`` marks the desktop)."""
    meta: dict[str, Any] = {"user_id": user_id, "status": status.value,
                            "last_seen": iso(now), "device": DEVICE_DESKTOP}
    if status is Status.IN_GAME and game:
        meta["game"] = game[:MAX_GAME_CHARS]
    return meta


def last_seen_text(last_seen: datetime | None, now: datetime) -> str:
    """"last seen 5 min ago" and friends; "Offline" when nothing is known."""
    if last_seen is None:
        return "Offline"
    seconds = max(0.0, (now - last_seen).total_seconds())
    if seconds < 60:
        return "last seen just now"
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"last seen {minutes} min ago"
    hours = minutes // 60
    if hours < 24:
        return f"last seen {hours} h ago"
    days = hours // 24
    return "last seen yesterday" if days == 1 else f"last seen {days} days ago"
