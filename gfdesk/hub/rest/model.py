"""The parsed form of a PostgREST request: filters, boolean groups, ordering, preferences.
Qt-free, pure value types.

:func:`gfdesk.hub.rest.grammar.parse_query` produces these from a query string and
headers; :mod:`gfdesk.hub.rest.sqlbuild` turns them into SQLite statements. Nothing here
has been checked against a table yet: column names are whatever the request said.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

#: Operators the hub implements (spec 7.2), plus PostgREST's ``isdistinct``.
OPERATORS = frozenset(
    {"eq", "neq", "gt", "gte", "lt", "lte", "like", "ilike", "is", "in", "isdistinct"}
)
#: Values of an ``is`` filter, lower-cased.
IS_VALUES = frozenset({"null", "not_null", "true", "false", "unknown"})


@dataclass(frozen=True)
class Filter:
    """One ``column=[not.]op.value`` test.

    ``value`` is the raw text for scalar operators (``like``/``ilike`` keep PostgREST's
    ``*`` wildcard; the SQL builder reads it as ``%``), a tuple of texts for ``in``
    (empty for ``in.()``, which matches nothing), and one of :data:`IS_VALUES` for ``is``.
    """

    column: str
    op: str
    negated: bool
    value: str | tuple[str, ...] | None


@dataclass(frozen=True)
class BoolGroup:
    """``or=(...)``, ``and=(...)``, ``not.or=(...)`` and their nested forms."""

    op: Literal["and", "or"]
    negated: bool
    items: tuple[Condition, ...]


Condition: TypeAlias = Filter | BoolGroup


@dataclass(frozen=True)
class Order:
    """One ``order`` term; ``nulls_first=None`` means PostgreSQL's default for the direction
    (NULLS LAST ascending, NULLS FIRST descending)."""

    column: str
    descending: bool = False
    nulls_first: bool | None = None


@dataclass(frozen=True)
class Prefer:
    """The ``Prefer`` tokens the hub honours; the first occurrence of each kind wins.

    Attributes:
        return_: ``minimal``, ``representation`` or ``headers-only``.
        count: ``exact``, ``planned`` or ``estimated``.
        resolution: ``merge-duplicates`` or ``ignore-duplicates`` (upsert).
        missing_default: ``missing=default``: absent keys of a bulk insert take the
            column default instead of NULL.
        max_affected: ``max-affected=N``; PostgREST enforces it only with
            ``handling=strict``.
        handling: ``strict`` or ``lenient``.
    """

    return_: str | None = None
    count: str | None = None
    resolution: str | None = None
    missing_default: bool = False
    max_affected: int | None = None
    handling: str | None = None


@dataclass(frozen=True)
class RestQuery:
    """Everything about a REST request except its body and its caller.

    Attributes:
        table: The table named in the path (not yet checked against the schema).
        select: Column names to return, in request order; None means ``*``.
        where: Conditions ANDed together (repeated keys and ``and=``/``or=`` groups).
        order: Sort terms, in priority order.
        limit: Row limit from ``limit=`` and the ``Range`` header; None means no limit.
        offset: Rows to skip (never negative).
        prefer: Parsed ``Prefer`` header.
        columns: ``columns=`` of an insert/update: the body keys to use.
        on_conflict: ``on_conflict=`` of an upsert.
        single_object: ``Accept: application/vnd.pgrst.object+json`` (``.single()``).
        strip_nulls: ``nulls=stripped`` in ``Accept``: leave null-valued keys out.
    """

    table: str
    select: tuple[str, ...] | None = None
    where: tuple[Condition, ...] = ()
    order: tuple[Order, ...] = ()
    limit: int | None = None
    offset: int = 0
    prefer: Prefer = Prefer()
    columns: tuple[str, ...] | None = None
    on_conflict: tuple[str, ...] | None = None
    single_object: bool = False
    strip_nulls: bool = False
