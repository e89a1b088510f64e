"""Which postgres_changes subscribers of one table a change can concern. Qt-free, pure.

The app's bindings are ``column=eq.value`` filters that differ per user
(``notifications`` by ``user_id``, ``messages`` by ``conversation_id``), so most
subscribers of a table cannot match a given row. ``TableIndex`` keeps subscribers whose
every binding on the table is such an ``eq`` filter in hash maps by (column, value),
and the rest in a list to scan; ``candidates(row)`` returns the scanned ones plus those
the row's values look up. It only narrows: the caller still runs every binding's
matcher, so an index hit that does not match costs a check, never a wrong delivery.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar

from gfdesk.hub.realtime.rowmatch import row_index_value
from gfdesk.hub.tables import Table

S = TypeVar("S")


class TableIndex(Generic[S]):
    """Subscribers of one table, by key, indexed by their ``eq`` filter values."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self._scan: dict[object, S] = {}
        self._eq: dict[str, dict[Any, dict[object, S]]] = {}
        self._entries: dict[object, Sequence[tuple[str, Any]] | None] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, key: object, sub: S, eq_keys: Sequence[tuple[str, Any] | None]) -> None:
        """Add a subscriber with the ``eq_index_key`` of each of its bindings here.

        One binding without a key (None) puts the subscriber on the scan list.
        """
        self.remove(key)
        if not eq_keys or any(k is None for k in eq_keys):
            self._scan[key] = sub
            self._entries[key] = None
            return
        # Two bindings may share a key (INSERT and UPDATE with one filter): once each.
        keys = list(dict.fromkeys(k for k in eq_keys if k is not None))
        for column, value in keys:
            self._eq.setdefault(column, {}).setdefault(value, {})[key] = sub
        self._entries[key] = keys

    def remove(self, key: object) -> None:
        if key not in self._entries:
            return
        keys = self._entries.pop(key)
        if keys is None:
            del self._scan[key]
            return
        for column, value in keys:
            by_value = self._eq[column]
            subs = by_value[value]
            subs.pop(key, None)
            if not subs:
                del by_value[value]
                if not by_value:
                    del self._eq[column]

    def candidates(self, row: Mapping[str, Any]) -> Iterator[S]:
        """Each subscriber that may match ``row``, once."""
        yield from self._scan.values()
        if not self._eq:
            return
        seen: set[object] = set()
        for column, by_value in self._eq.items():
            col = self.table.column(column)
            if col is None or column not in row:
                continue
            value = row_index_value(col, row[column])
            if value is None:
                continue
            subs = by_value.get(value)
            if subs:
                for key, sub in subs.items():
                    if key not in seen:
                        seen.add(key)
                        yield sub
