"""Row-rule checks a write runs inside its transaction (spec 7.5). Qt-free.

PostgreSQL checks a policy's WITH CHECK on each new row and refuses the statement if
one fails; the hub does the same by re-reading the rows it just wrote, by primary key,
with the rule as an extra condition. Upserts first look for the row they would
overwrite: the existing row must pass the UPDATE rule, or the upsert is refused.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from gfdesk.hub.tables import FALSE, TRUE, Predicate, Table, quote_ident

_PK_INDEXES: dict[str, tuple[int, ...]] = {}


def pk_of(table: Table, row: Sequence[Any]) -> tuple[Any, ...]:
    """The primary-key values of a row fetched with all columns in table order."""
    indexes = _PK_INDEXES.get(table.name)
    if indexes is None:
        names = table.column_names
        indexes = _PK_INDEXES[table.name] = tuple(names.index(c) for c in table.primary_key)
    return tuple(row[i] for i in indexes)


def _key_where(columns: Sequence[str]) -> str:
    return " AND ".join(f"{quote_ident(c)} = ?" for c in columns)


def assert_rows_pass(conn: sqlite3.Connection, table: Table, rows: Sequence[Sequence[Any]],
                     rule: Predicate) -> bool:
    """Whether every row (all columns, table order) satisfies ``rule`` as stored now."""
    if not rows or rule is TRUE or rule.sql == "1":
        return True
    if rule is FALSE or rule.sql == "0":
        return False
    sql = (f"SELECT 1 FROM {quote_ident(table.name)} WHERE {_key_where(table.primary_key)}"
           f" AND ({rule.sql})")
    return all(
        conn.execute(sql, pk_of(table, row) + rule.params).fetchone() is not None
        for row in rows
    )


def existing_conflicts(conn: sqlite3.Connection, table: Table, target: Sequence[str],
                       row: Mapping[str, Any], using: Predicate
                       ) -> tuple[set[tuple[Any, ...]], bool]:
    """The rows an upsert of ``row`` would hit on ``target``.

    Returns:
        The primary keys of those rows, and whether any of them fails ``using`` (the
        caller may not update it).
    """
    if any(c not in row or table.column(c) is None for c in target):
        return set(), False
    try:
        values = tuple(table.column(c).to_db(row[c]) for c in target)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return set(), False
    pk_cols = ", ".join(quote_ident(c) for c in table.primary_key)
    sql = (f"SELECT {pk_cols}, ({using.sql}) FROM {quote_ident(table.name)}"
           f" WHERE {_key_where(target)}")
    try:
        found = conn.execute(sql, using.params + values).fetchall()
    except (sqlite3.InterfaceError, sqlite3.ProgrammingError):
        return set(), False
    keys = {tuple(r[: len(table.primary_key)]) for r in found}
    hidden = any(not r[len(table.primary_key)] for r in found)
    return keys, hidden


def fk_violations(conn: sqlite3.Connection, table: Table) -> str | None:
    """PostgreSQL's message for a deferred foreign key that does not hold, else None."""
    bad = conn.execute(f"PRAGMA foreign_key_check({quote_ident(table.name)})").fetchone()
    if bad is None:
        return None
    return (f'insert or update on table "{table.name}" violates foreign key constraint'
            f' "{table.name}_fkey"')
