"""SQLite constraint failures as the PostgreSQL errors PostgREST forwards (spec 7.4). Qt-free.

SQLite names the failed constraint in its message (``UNIQUE constraint failed:
messages.id``, ``NOT NULL constraint failed: t.c``, ``CHECK constraint failed: name``,
``FOREIGN KEY constraint failed``, ``cannot store TEXT value in INTEGER column t.c``);
PostgreSQL's wording and SQLSTATE are rebuilt from it and from the offending row.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping
from typing import Any

from gfdesk.hub.rest.errors import RestError, pg_type_name
from gfdesk.hub.tables import Table

_UNIQUE = re.compile(r"UNIQUE constraint failed: (.+)")
_NOT_NULL = re.compile(r"NOT NULL constraint failed: \w+\.(\w+)")
_CHECK = re.compile(r"CHECK constraint failed: (.+)")
_DATATYPE = re.compile(r"cannot store (\w+) value in (\w+) column \w+\.(\w+)")


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value)


def _unique(table: Table, columns: list[str], row: Mapping[str, Any] | None) -> RestError:
    if tuple(columns) == table.primary_key:
        name = f"{table.name}_pkey"
    else:
        name = f"{table.name}_{'_'.join(columns)}_key"
    details = None
    if row is not None and all(c in row for c in columns):
        details = (f"Key ({', '.join(columns)})=({', '.join(_show(row[c]) for c in columns)})"
                   " already exists.")
    return RestError(409, "23505",
                     f'duplicate key value violates unique constraint "{name}"', details)


def integrity_error(exc: sqlite3.IntegrityError, table: Table,
                    row: Mapping[str, Any] | None) -> RestError:
    """The PostgREST error for a constraint SQLite refused while writing ``row``."""
    text = str(exc)
    if m := _UNIQUE.match(text):
        columns = [part.strip().split(".", 1)[-1] for part in m.group(1).split(",")]
        return _unique(table, columns, row)
    if m := _NOT_NULL.match(text):
        return RestError(
            400, "23502",
            f'null value in column "{m.group(1)}" of relation "{table.name}" violates '
            "not-null constraint")
    if text.startswith("FOREIGN KEY"):
        return RestError(
            409, "23503",
            f'insert or update on table "{table.name}" violates foreign key constraint',
            "Key is not present in the referenced table, or is still referenced.")
    if m := _CHECK.match(text):
        return RestError(
            400, "23514",
            f'new row for relation "{table.name}" violates check constraint "{m.group(1)}"')
    if m := _DATATYPE.match(text):
        column = table.column(m.group(3))
        pg_type = column.pg_type if column else m.group(2).lower()
        return RestError(400, "22P02",
                         f"invalid input syntax for type {pg_type_name(pg_type)}")
    return RestError(400, "23000", f"integrity constraint violation: {text}")
