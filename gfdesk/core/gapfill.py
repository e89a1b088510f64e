"""Exactly-once, in-order delivery across reconnects: the gate between live rows and
gap-fill rows of one subscription. Qt-free, pure (no I/O, no asyncio).

While a subscription (re)joins, live ``postgres_changes`` rows may already arrive
before the rows missed during the outage have been fetched. The gate buffers live rows
while a gap fill is running, then releases gap rows and buffered rows merged by the
feature's ordering key, dropping every row whose primary key was already delivered
(a bounded memory of recent keys), and from then on passes live rows straight through.
"""

from __future__ import annotations

import enum
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

#: How many delivered keys a gate remembers for deduplication.
DEFAULT_RECENT_KEYS = 4096

Row = Mapping[str, Any]
KeyFn = Callable[[Row], Hashable]
OrderFn = Callable[[Row], Any]


class RecentKeys:
    """A set of the most recently added keys, bounded to ``capacity`` (oldest dropped).

    Args:
        capacity: how many keys to keep.
    """

    def __init__(self, capacity: int = DEFAULT_RECENT_KEYS) -> None:
        if capacity < 1:
            raise ValueError("capacity must be >= 1")
        self._capacity = capacity
        self._keys: OrderedDict[Hashable, None] = OrderedDict()

    def add(self, key: Hashable) -> bool:
        """Remember ``key``; True when it was not known yet."""
        if key in self._keys:
            self._keys.move_to_end(key)
            return False
        self._keys[key] = None
        if len(self._keys) > self._capacity:
            self._keys.popitem(last=False)
        return True

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __len__(self) -> int:
        return len(self._keys)


def merge_rows(gap: Iterable[Row], buffered: Iterable[Row], *, key: KeyFn,
               order: OrderFn, seen: RecentKeys) -> list[Row]:
    """Gap rows and buffered live rows in order, each key once, minus keys in ``seen``.

    ``seen`` is updated with every key returned. The sort is stable, so rows with equal
    ordering keys keep gap-before-live order.
    """
    out: list[Row] = []
    for row in sorted([*gap, *buffered], key=order):
        if seen.add(key(row)):
            out.append(row)
    return out


class GateState(enum.Enum):
    """Whether live rows pass through or wait for a gap fill."""

    BUFFERING = "buffering"
    LIVE = "live"


class DeliveryGate:
    """Orders and deduplicates the rows of one subscription.

    Starts BUFFERING: the first join gap-fills too, so a row inserted between the
    feature's initial load and the join is not missed.

    Args:
        key: the primary key of a row (for an UPDATE stream, include the version,
            e.g. ``(id, updated_at)``, so each update is a distinct event).
        order: the ordering key, e.g. ``(created_at, id)``.
        newest: the newest row the feature already holds, if any.
        capacity: how many delivered keys to remember.
    """

    def __init__(self, *, key: KeyFn, order: OrderFn, newest: Row | None = None,
                 capacity: int = DEFAULT_RECENT_KEYS) -> None:
        self._key = key
        self._order = order
        self._seen = RecentKeys(capacity)
        self._buffer: list[Row] = []
        self.state = GateState.BUFFERING
        #: The newest row delivered (by the ordering key), the gap fill's starting point.
        self.newest: Row | None = newest
        # The ordering key of ``newest``, kept so each row costs one ``order`` call.
        self._newest_order: Any = None
        if newest is not None:
            self._seen.add(key(newest))
            self._newest_order = order(newest)

    def begin_gap_fill(self) -> None:
        """The connection or channel was lost: hold live rows until the next gap fill."""
        self.state = GateState.BUFFERING

    def live(self, row: Row) -> list[Row]:
        """A live row arrived; returns what to deliver now (it or nothing)."""
        if self.state is GateState.BUFFERING:
            self._buffer.append(row)
            return []
        if not self._seen.add(self._key(row)):
            return []
        self._advance(row)
        return [row]

    def complete_gap_fill(self, gap: Iterable[Row]) -> list[Row]:
        """The gap fill returned ``gap``; returns gap + buffered rows to deliver, and
        goes LIVE."""
        buffered, self._buffer = self._buffer, []
        rows = merge_rows(gap, buffered, key=self._key, order=self._order, seen=self._seen)
        for row in rows:
            self._advance(row)
        self.state = GateState.LIVE
        return rows

    @property
    def buffered(self) -> int:
        """How many live rows wait for the gap fill."""
        return len(self._buffer)

    def _advance(self, row: Row) -> None:
        order = self._order(row)
        if self.newest is None or order > self._newest_order:
            self.newest, self._newest_order = row, order
