"""Which quick-switcher entries match what the user typed, best first. Qt-free, pure.

Plain case-insensitive substring search: the query is never compiled into a pattern
(no regular expression, no glob), so any text is safe to type. Titles that start with
the query come first, then titles with a word starting with it, then titles containing
it anywhere, then entries whose detail line contains it; within a rank, the order the
features listed them in (their own notion of recent or relevant) is kept.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from itertools import islice

from gfdesk.feature import SwitcherEntry

#: The most entries the switcher lists at once (a bounded list, whatever the sources hold).
MAX_RESULTS = 50
#: Longer queries are cut here: nothing a person types to find a name is longer.
MAX_QUERY = 100


def normalise(query: str) -> str:
    """``query`` as it is compared: spaces collapsed, case folded, bounded."""
    return " ".join(query[:MAX_QUERY].split()).casefold()


def _rank(entry: SwitcherEntry, needle: str) -> int | None:
    title = " ".join(entry.title.split()).casefold()
    if title.startswith(needle):
        return 0
    if f" {needle}" in f" {title}":
        return 1
    if needle in title:
        return 2
    if needle in entry.detail.casefold():
        return 3
    return None


def match(entries: Iterable[SwitcherEntry], query: str,
          limit: int = MAX_RESULTS) -> list[SwitcherEntry]:
    """The entries matching ``query``, best first, at most ``limit`` of them.

    An empty query matches everything, in the given order.
    """
    needle = normalise(query)
    if not needle:
        return list(islice(entries, limit))
    ranked = ((rank, order, entry) for order, entry in enumerate(entries)
              if (rank := _rank(entry, needle)) is not None)
    return [entry for _, _, entry in heapq.nsmallest(limit, ranked,
                                                     key=lambda r: (r[0], r[1]))]
