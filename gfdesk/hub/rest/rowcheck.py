"""Row-rule checks a write runs inside its transaction (spec 7.5). Qt-free.

PostgreSQL checks a policy's WITH CHECK on each new row before it writes the row, so
a refused write is 42501 whatever constraint it would also break; the hub evaluates the
rule on the candidate row the same way (``sqlbuild.insert_candidate`` and
``update_candidates``, run by ``candidates_pass``). Upserts first look for the row they
would overwrite: the existing row must pass the UPDATE rule, or the upsert is refused;
the row an upsert then updates is re-read by primary key with the UPDATE check as an
extra condition (``assert_rows_pass``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from gfdesk.hub.rest.sqlbuild import Statement
from gfdesk.hub.tables import FALSE, TRUE, Predicate, Table, quote_ident

_PK_INDEXES: dict[str, tuple[int, ...]] = {}
#: SQL default expression of each column that has one, by table (the schema is fixed).
_DEFAULTS: dict[str, dict[str, str]] = {}


def pk_of(table: Table, row: Sequence[Any]) -> tuple[Any, ...]:
    """The primary-key values of a row fetched with all columns in table order."""
    indexes = _PK_INDEXES.get(table.name)
    if indexes is None:
        names = table.column_names
        indexes = _PK_INDEXES[table.name] = tuple(names.index(c) for c in table.primary_key)
    return tuple(row[i] for i in indexes)


def column_defaults(conn: sqlite3.Connection, table: Table) -> dict[str, str]:
    """Each column's SQL default expression as SQLite keeps it, by column name."""
    found = _DEFAULTS.get(table.name)
    if found is None:
        info = conn.execute(f"PRAGMA table_info({quote_ident(table.name)})").fetchall()
        found = _DEFAULTS[table.name] = {r[1]: r[4] for r in info if r[4] is not None}
    return found


def candidates_pass(conn: sqlite3.Connection, stmt: Statement) -> bool:
    """Whether every row of a ``SELECT (check) ...`` statement is true (none: vacuously)."""
    return all(row[0] for row in conn.execute(stmt.sql, stmt.params).fetchall())


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
