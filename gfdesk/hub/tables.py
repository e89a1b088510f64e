"""What the hub knows of a table: columns with their PostgreSQL types, key, and the SQL
predicates row rules are made of. Qt-free, pure.

Columns carry the PostgreSQL type name a real Supabase project has (``uuid``, ``text``,
``int4``, ``bool``, ``timestamptz``, ``jsonb``) because Realtime reports it in
``columns`` (spec 5.2) and the migrations for a real project must match; SQLite stores
them as TEXT or INTEGER, and ``Column.to_db``/``Column.from_db`` convert at the edge.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

INTEGER_TYPES = frozenset({"int2", "int4", "int8"})
JSON_TYPES = frozenset({"json", "jsonb"})


@dataclass(frozen=True)
class Column:
    """One column. ``has_default`` means an insert may leave it out."""

    name: str
    pg_type: str
    nullable: bool = True
    has_default: bool = False

    def to_db(self, value: Any) -> Any:
        """A JSON value as SQLite stores it in this column."""
        if value is None:
            return None
        if self.pg_type == "bool":
            return 1 if value else 0
        if self.pg_type in JSON_TYPES:
            return json.dumps(value, separators=(",", ":"))
        return value

    def from_db(self, value: Any) -> Any:
        """A stored SQLite value as the JSON PostgREST returns for this column."""
        if value is None:
            return None
        if self.pg_type == "bool":
            return bool(value)
        if self.pg_type in JSON_TYPES:
            return json.loads(value)
        return value


@dataclass(frozen=True)
class Table:
    """A table of the public schema, in column order."""

    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    _by_name: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {c.name: c for c in self.columns})

    def column(self, name: str) -> Column | None:
        return self._by_name.get(name)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def row_to_json(self, row: Sequence[Any], names: Sequence[str] | None = None) -> dict[str, Any]:
        """A fetched row (values in ``names`` order, default all columns) as JSON."""
        names = names or self.column_names
        return {n: self._by_name[n].from_db(v) for n, v in zip(names, row, strict=True)}


@dataclass(frozen=True)
class Predicate:
    """A SQL boolean expression over one row of a table, with its parameters.

    Row rules are predicates: the same expression filters a REST read, checks a write,
    and decides whether a Realtime subscriber may see a changed row.
    """

    sql: str
    params: tuple[Any, ...] = ()

    def and_(self, other: Predicate) -> Predicate:
        if self is TRUE or self.sql == "1":
            return other
        if other is TRUE or other.sql == "1":
            return self
        return Predicate(f"({self.sql}) AND ({other.sql})", self.params + other.params)


TRUE = Predicate("1")
FALSE = Predicate("0")


def quote_ident(name: str) -> str:
    """Quote an identifier that was already checked against the schema."""
    return '"' + name.replace('"', '""') + '"'
