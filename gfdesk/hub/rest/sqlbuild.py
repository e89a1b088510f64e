"""SQLite statements for PostgREST reads and writes. Qt-free, pure: builds, never executes.

Every identifier in the SQL comes from the :class:`~gfdesk.hub.tables.Table` after the
request's name was found in it (unknown select/filter/order/on_conflict names are 42703,
unknown body keys PGRST204) and is quoted with ``quote_ident``; every request value is a
``?`` parameter, converted by :mod:`gfdesk.hub.rest.values`. Row rules arrive as
:class:`~gfdesk.hub.tables.Predicate` and are ANDed in after the request's filters, so
parameters run: SET values, filter values, predicate values, limit, offset.

PostgreSQL semantics kept on SQLite: NULL fails every comparison but ``is`` (SQLite's
three-valued logic is the same), ``like`` is case-sensitive and ``ilike`` not (functions
from :func:`install_functions`, not SQLite's LIKE), ``in.()`` matches nothing (and its
negation everything), ordering defaults to NULLS LAST ascending and NULLS FIRST
descending. Text sorts by code point, as PostgreSQL's "C" collation does. ANDed filters
are joined as a balanced tree, so a long query string cannot exceed SQLite's expression
depth limit.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gfdesk.hub.tables import JSON_TYPES, TRUE, Column, Predicate, Table, quote_ident

from . import likematch
from .errors import RestError
from .model import Condition, Filter, RestQuery
from .values import body_value, canonical_json, filter_value

COMPARISONS = {"eq": "=", "neq": "<>", "gt": ">", "gte": ">=", "lt": "<", "lte": "<="}
LIKE_FUNCTIONS = {"like": ("gf_like", "~~"), "ilike": ("gf_ilike", "~~*")}
IS_BOOLEAN_TESTS = {"true": "IS 1", "false": "IS 0", "unknown": "IS NULL"}
#: SQLite refuses longer LIKE patterns (SQLITE_MAX_LIKE_PATTERN_LENGTH).
SQLITE_LIKE_PATTERN_MAX = 50000
#: Candidate-row checks kept, by (table, given columns, rule text): the app's writes repeat.
CANDIDATE_CACHE_MAX = 1024
_CANDIDATE_SQL: dict[tuple[str, tuple[str, ...], str], str] = {}


@dataclass(frozen=True)
class Statement:
    """One SQL statement with its positional parameters."""

    sql: str
    params: tuple[Any, ...]
    #: For an INSERT: the columns the parameters give values for, in order.
    columns: tuple[str, ...] = ()


def _jsonb_canonical(text: object) -> str | None:
    if text is None:
        return None
    try:
        return canonical_json(json.loads(str(text)))
    except (ValueError, RecursionError):
        return str(text)


def install_functions(conn: sqlite3.Connection) -> None:
    """Register the SQL functions these statements call (once per connection)."""
    conn.create_function("gf_like", 2, likematch.sql_like, deterministic=True)
    conn.create_function("gf_ilike", 2, likematch.sql_ilike, deterministic=True)
    conn.create_function("gf_jsonb", 1, _jsonb_canonical, deterministic=True)


def _column(table: Table, name: str) -> Column:
    column = table.column(name)
    if column is None:
        raise RestError.unknown_column(table.name, name)
    return column


def _columns_sql(table: Table) -> str:
    return ", ".join(quote_ident(c.name) for c in table.columns)


def _join(parts: Sequence[tuple[str, tuple[Any, ...]]], op: str) -> tuple[str, tuple[Any, ...]]:
    """``(a) op (b) op ...`` as a balanced tree of parenthesised halves."""
    if len(parts) == 1:
        return parts[0]
    middle = len(parts) // 2
    left_sql, left_params = _join(parts[:middle], op)
    right_sql, right_params = _join(parts[middle:], op)
    return f"({left_sql}) {op} ({right_sql})", left_params + right_params


def _filter_sql(table: Table, flt: Filter) -> tuple[str, tuple[Any, ...]]:
    column = _column(table, flt.column)
    ref = quote_ident(column.name)
    is_json = column.pg_type in JSON_TYPES
    lhs = f"gf_jsonb({ref})" if is_json else ref
    params: tuple[Any, ...] = ()
    if flt.op == "is":
        if flt.value in ("null", "not_null"):
            sql = f"{ref} IS {'NOT ' if flt.value == 'not_null' else ''}NULL"
        elif column.pg_type != "bool":
            raise RestError.not_boolean(str(flt.value), column.pg_type)
        else:
            sql = f"{ref} {IS_BOOLEAN_TESTS[str(flt.value)]}"
    elif flt.op == "in":
        values = flt.value if isinstance(flt.value, tuple) else ()
        if not values:
            sql = "0"
        else:
            params = tuple(filter_value(column, v) for v in values)
            sql = f"{lhs} IN ({', '.join('?' * len(params))})"
    elif flt.op in LIKE_FUNCTIONS:
        function, pg_operator = LIKE_FUNCTIONS[flt.op]
        if column.pg_type != "text":
            raise RestError.no_operator(column.pg_type, pg_operator)
        pattern = str(flt.value).replace("*", "%")
        likematch.check_pattern(pattern)
        filter_value(column, pattern)
        sql, params = f"{function}({ref}, ?)", (pattern,)
        if flt.op == "like" and len(pattern.encode()) < SQLITE_LIKE_PATTERN_MAX:
            # SQLite's LIKE ignores ASCII case only, so it admits a superset of the rows
            # PostgreSQL's LIKE does; letting it go first spares most Python calls.
            sql, params = f"({ref} LIKE ? ESCAPE '\\') AND {sql}", (pattern, pattern)
    elif flt.op == "isdistinct":
        sql, params = f"{lhs} IS NOT ?", (filter_value(column, str(flt.value)),)
    elif flt.op in COMPARISONS:
        sql = f"{lhs} {COMPARISONS[flt.op]} ?"
        params = (filter_value(column, str(flt.value)),)
    else:
        raise RestError.parse(f"failed to parse filter ({flt.op})", 1, "unknown operator")
    return (f"NOT ({sql})" if flt.negated else sql), params


def _condition_sql(table: Table, cond: Condition) -> tuple[str, tuple[Any, ...]]:
    if isinstance(cond, Filter):
        return _filter_sql(table, cond)
    parts = [_condition_sql(table, item) for item in cond.items]
    sql, params = _join(parts, "AND" if cond.op == "and" else "OR")
    return (f"NOT ({sql})" if cond.negated else f"({sql})"), params


def where_clause(
    table: Table, conditions: Sequence[Condition], rule: Predicate = TRUE
) -> tuple[str, tuple[Any, ...]]:
    """``WHERE <conditions> AND (<rule>)`` (empty text when both are trivially true)."""
    parts = [_condition_sql(table, c) for c in conditions]
    if rule is not TRUE and rule.sql != "1":
        parts.append((rule.sql, tuple(rule.params)))
    if not parts:
        return "", ()
    sql, params = _join(parts, "AND")
    return f" WHERE {sql}", params


def _order_sql(table: Table, q: RestQuery) -> str:
    terms = []
    for term in q.order:
        ref = quote_ident(_column(table, term.column).name)
        nulls_first = term.descending if term.nulls_first is None else term.nulls_first
        terms.append(
            f"{ref} {'DESC' if term.descending else 'ASC'} "
            f"NULLS {'FIRST' if nulls_first else 'LAST'}"
        )
    return f" ORDER BY {', '.join(terms)}" if terms else ""


def _limit_sql(q: RestQuery) -> tuple[str, tuple[Any, ...]]:
    if q.limit is None and not q.offset:
        return "", ()
    return " LIMIT ? OFFSET ?", (-1 if q.limit is None else q.limit, q.offset)


def _check_select(table: Table, q: RestQuery) -> None:
    for name in q.select or ():
        _column(table, name)


def select(table: Table, q: RestQuery, visible: Predicate) -> Statement:
    """All columns, in table order, of the rows the request and ``visible`` allow."""
    _check_select(table, q)
    where, params = where_clause(table, q.where, visible)
    order = _order_sql(table, q)
    limit, limit_params = _limit_sql(q)
    sql = f"SELECT {_columns_sql(table)} FROM {quote_ident(table.name)}{where}{order}{limit}"
    return Statement(sql, params + limit_params)


def count(table: Table, q: RestQuery, visible: Predicate) -> Statement:
    """The number of rows :func:`select` would return without limit and offset."""
    _check_select(table, q)
    where, params = where_clause(table, q.where, visible)
    _order_sql(table, q)
    return Statement(f"SELECT count(*) FROM {quote_ident(table.name)}{where}", params)


def _row_values(table: Table, row: dict[str, Any]) -> tuple[list[str], list[Any]]:
    names: list[str] = []
    values: list[Any] = []
    for key, value in row.items():
        column = table.column(key)
        if column is None:
            raise RestError.unknown_body_column(table.name, key)
        names.append(column.name)
        values.append(body_value(column, value))
    return names, values


def conflict_target(table: Table, q: RestQuery) -> tuple[str, ...] | None:
    """The upsert's conflict columns: ``on_conflict=`` or else the primary key; None when
    the request is a plain insert (no ``resolution`` preference)."""
    if q.prefer.resolution is None:
        return None
    target = q.on_conflict or table.primary_key
    return tuple(_column(table, name).name for name in target)


def insert(table: Table, q: RestQuery, rows: list[dict[str, Any]]) -> list[Statement]:
    """One ``INSERT ... RETURNING`` per row; absent columns take their defaults.

    With ``resolution=merge-duplicates`` a conflict on the target updates the row's
    other given columns; with ``ignore-duplicates`` it skips the row (which then returns
    nothing). A conflict target that is not a unique key fails in SQLite ("ON CONFLICT
    clause does not match"), which the caller reports as 42P10.
    """
    _check_select(table, q)
    target = conflict_target(table, q)
    returning = f" RETURNING {_columns_sql(table)}"
    statements = []
    for row in rows:
        names, values = _row_values(table, row)
        head = f"INSERT INTO {quote_ident(table.name)}"
        if not names:
            # SQLite allows no upsert clause after DEFAULT VALUES; a row of defaults
            # conflicts only if a default collides, which then reports 23505.
            statements.append(Statement(f"{head} DEFAULT VALUES{returning}", ()))
            continue
        sql = (
            f"{head} ({', '.join(quote_ident(n) for n in names)}) "
            f"VALUES ({', '.join('?' * len(values))})"
        )
        if target is not None:
            conflict = f" ON CONFLICT ({', '.join(quote_ident(n) for n in target)})"
            if q.prefer.resolution == "ignore-duplicates":
                sql += f"{conflict} DO NOTHING"
            else:
                updated = [n for n in names if n not in target] or [target[0]]
                sets = ", ".join(f"{quote_ident(n)} = excluded.{quote_ident(n)}" for n in updated)
                sql += f"{conflict} DO UPDATE SET {sets}"
        statements.append(Statement(sql + returning, tuple(values), tuple(names)))
    return statements


def insert_candidate(table: Table, insert: Statement, defaults: dict[str, str],
                     check: Predicate) -> Statement:
    """``SELECT (check)`` on the row an ``insert`` statement would write, before it runs.

    PostgreSQL evaluates a policy's WITH CHECK on the new row before any unique, check
    or foreign-key constraint, so the check must not wait for the row to be stored. The
    candidate is a one-row sub-select named like the table (the rules name their
    columns qualified): the given values, and for each absent column its SQL default
    (``defaults``, by column) if the check reads it, else NULL.
    """
    key = (table.name, insert.columns, check.sql)
    sql = _CANDIDATE_SQL.get(key)
    if sql is None:
        sql = _candidate_sql(table, insert.columns, defaults, check)
        if len(_CANDIDATE_SQL) >= CANDIDATE_CACHE_MAX:
            _CANDIDATE_SQL.clear()
        _CANDIDATE_SQL[key] = sql
    return Statement(sql, tuple(check.params) + insert.params)


def _candidate_sql(table: Table, names: Sequence[str], defaults: dict[str, str],
                   check: Predicate) -> str:
    given = {name: i for i, name in enumerate(names)}
    qualified = quote_ident(table.name) + "."
    columns = []
    for name in table.column_names:
        column = quote_ident(name)
        if name in given:
            # Numbered parameters keep the body's order whatever the table's.
            columns.append(f"?{len(check.params) + given[name] + 1} AS {column}")
        elif qualified + column in check.sql:
            columns.append(f"{defaults.get(name, 'NULL')} AS {column}")
        else:
            columns.append(f"NULL AS {column}")
    return (f"SELECT ({check.sql}) FROM (SELECT {', '.join(columns)})"
            f" AS {quote_ident(table.name)}")


def update_candidates(table: Table, q: RestQuery, values: dict[str, Any], using: Predicate,
                      check: Predicate) -> Statement:
    """``SELECT (check)`` on each new row the matching ``update`` would write, before it.

    The rows are the ones ``update(table, q, values, using)`` targets, with ``values``
    applied, in a sub-select named like the table.
    """
    names, params = _row_values(table, values)
    given = dict(zip(names, params, strict=True))
    name = quote_ident(table.name)
    where, where_params = _target_rows(table, q, using)
    columns = ", ".join(
        f"? AS {quote_ident(c)}" if c in given else f"{name}.{quote_ident(c)}"
        for c in table.column_names)
    set_params = tuple(given[c] for c in table.column_names if c in given)
    sql = f"SELECT ({check.sql}) FROM (SELECT {columns} FROM {name}{where}) AS {name}"
    return Statement(sql, tuple(check.params) + set_params + where_params)


def _target_rows(table: Table, q: RestQuery, rule: Predicate) -> tuple[str, tuple[Any, ...]]:
    """The WHERE of an UPDATE/DELETE; with ``limit``/``offset``/``order`` the rows are
    picked by primary key from an ordered, limited sub-select, as PostgREST limits them."""
    where, params = where_clause(table, q.where, rule)
    if q.limit is None and not q.offset:
        _order_sql(table, q)
        return where, params
    key = ", ".join(quote_ident(_column(table, n).name) for n in table.primary_key)
    limit, limit_params = _limit_sql(q)
    sub = f"SELECT {key} FROM {quote_ident(table.name)}{where}{_order_sql(table, q)}{limit}"
    return f" WHERE ({key}) IN ({sub})", params + limit_params


def update(table: Table, q: RestQuery, values: dict[str, Any], using: Predicate) -> Statement:
    """``UPDATE ... SET ... WHERE <filters> AND (using) RETURNING`` all columns.

    With no values the statement selects nothing, as PostgREST's empty PATCH does.
    """
    _check_select(table, q)
    names, params = _row_values(table, values)
    where, where_params = _target_rows(table, q, using)
    if not names:
        return Statement(f"SELECT {_columns_sql(table)} FROM {quote_ident(table.name)} "
                         "WHERE 0", ())
    sets = ", ".join(f"{quote_ident(n)} = ?" for n in names)
    sql = (
        f"UPDATE {quote_ident(table.name)} SET {sets}{where} "
        f"RETURNING {_columns_sql(table)}"
    )
    return Statement(sql, tuple(params) + where_params)


def delete(table: Table, q: RestQuery, using: Predicate) -> Statement:
    """``DELETE ... WHERE <filters> AND (using) RETURNING`` all columns."""
    _check_select(table, q)
    where, params = _target_rows(table, q, using)
    sql = f"DELETE FROM {quote_ident(table.name)}{where} RETURNING {_columns_sql(table)}"
    return Statement(sql, params)
