"""postgres_changes filters compiled against a table: does this row pass? Qt-free, pure.

The real server checks a subscription's filters when it stores it (the
``realtime.subscription_check_filters`` trigger: the column exists, the value casts to
the column's type, ``in`` has at most 100 values, ...) and evaluates them in SQL for
every change (``realtime.is_visible_through_filters``). ``compile_filter`` does both:
it refuses what the trigger refuses (``FilterCheckError``, with PostgreSQL's message)
and returns a matcher, a plain function of a change's record.

Comparison uses the column's type, as the SQL cast does: integers numerically,
booleans as booleans, timestamptz as instants, uuid case-insensitively, jsonb as JSON
values, text as text (by code point; PostgreSQL would use the database collation).
SQL three-valued logic holds: a NULL or missing column fails every operator, negated
or not. The operators are ``changefilter.FILTER_OPS``: comparisons and ``in``, each a
constant cost per row.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import operator
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from gfdesk.hub.realtime.changefilter import Condition
from gfdesk.hub.tables import Column, Table

#: A compiled filter: True when the record passes every condition.
RowMatcher = Callable[[Mapping[str, Any]], bool]

IN_MAX_VALUES = 100
INT_RANGES = {"int2": ("smallint", 2**15), "int4": ("integer", 2**31), "int8": ("bigint", 2**63)}
FLOAT_TYPES = frozenset({"float4", "float8", "numeric"})
#: Column types whose cast values hash exactly as they compare (for ``eq_index_key``).
INDEXABLE = frozenset({"int2", "int4", "int8", "text", "uuid"})
_ORDER_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq, "neq": operator.ne, "lt": operator.lt, "lte": operator.le,
    "gt": operator.gt, "gte": operator.ge,
}
_INT_TEXT = re.compile(r"\s*[+-]?[0-9]+\s*")
_BOOL_WORDS = {"true": True, "yes": True, "on": True, "1": True,
               "false": False, "no": False, "off": False, "0": False}
_MISSING = object()


class FilterCheckError(ValueError):
    """A filter the subscription trigger refuses; ``str()`` is the error as Postgrex
    reports it (``ERROR P0001 (raise_exception) invalid column for filter x``)."""


class _Uncastable(ValueError):
    pass


def _raise(message: str) -> FilterCheckError:
    return FilterCheckError(f"ERROR P0001 (raise_exception) {message}")


def _pg_type_label(pg_type: str) -> str:
    labels = {"bool": "boolean", "timestamptz": "timestamp with time zone", "jsonb": "jsonb",
              "json": "json", "uuid": "uuid", "text": "text"}
    return INT_RANGES[pg_type][0] if pg_type in INT_RANGES else labels.get(pg_type, pg_type)


@functools.cache
def caster(pg_type: str) -> Callable[[Any], Any]:
    """A function turning a filter literal or a record value into a comparable value.

    Raises ``_Uncastable`` (a ``ValueError``) for input the SQL cast would reject.
    Cached: the change index asks for it once per indexed column of every change.
    """
    if pg_type in INT_RANGES:
        bound = INT_RANGES[pg_type][1]

        def to_int(value: Any) -> int:
            if isinstance(value, bool) or not isinstance(value, int | str):
                raise _Uncastable(value)
            number = value if isinstance(value, int) else None
            if isinstance(value, str):
                if not _INT_TEXT.fullmatch(value):
                    raise _Uncastable(value)
                number = int(value)
            if number is None or not -bound <= number < bound:
                raise _Uncastable(value)
            return number
        return to_int
    if pg_type in FLOAT_TYPES:
        return _to_float
    if pg_type == "bool":
        return _to_bool
    if pg_type == "uuid":
        return _to_uuid
    if pg_type == "timestamptz":
        return _to_instant
    if pg_type in ("json", "jsonb"):
        return _to_json_text
    return _to_text


@functools.cache
def row_caster(pg_type: str) -> Callable[[Any], Any]:
    """Like ``caster``, for values of a change's record (typed JSON, as stored)."""
    if pg_type == "uuid":
        return _uuid_row_value
    if pg_type in ("json", "jsonb"):
        return _json_row_value
    return caster(pg_type)


def _uuid_row_value(value: Any) -> str:
    if not isinstance(value, str):
        raise _Uncastable(value)
    return value.lower()


def _to_float(value: Any) -> float:
    if isinstance(value, bool):
        raise _Uncastable(value)
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise _Uncastable(value) from exc


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if not isinstance(value, str):
        raise _Uncastable(value)
    word = value.strip().lower()
    if word in _BOOL_WORDS:
        return _BOOL_WORDS[word]
    # PostgreSQL also takes any unambiguous prefix: t, tr, f, fa, y, n, ...
    hits = {v for k, v in _BOOL_WORDS.items() if len(k) > 1 and word and k.startswith(word)}
    if len(hits) == 1 and word != "o":
        return hits.pop()
    raise _Uncastable(value)


def _to_uuid(value: Any) -> str:
    if not isinstance(value, str):
        raise _Uncastable(value)
    try:
        return str(uuid.UUID(value.strip()))
    except ValueError as exc:
        raise _Uncastable(value) from exc


def _to_instant(value: Any) -> dt.datetime:
    if not isinstance(value, str):
        raise _Uncastable(value)
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise _Uncastable(value) from exc
    # The database session runs in UTC, so a literal without an offset means UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _to_json_text(value: Any) -> str:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError as exc:
            raise _Uncastable(value) from exc
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def _to_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None or isinstance(value, dict | list):
        raise _Uncastable(value)
    return str(value)


def _json_row_value(value: Any) -> str:
    # A jsonb record value is already a JSON value; a str is a JSON string, not JSON text.
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def parse_array_literal(literal: str) -> list[str | None]:
    """Elements of a PostgreSQL array literal ``{a,"b,c",NULL}`` (one dimension).

    Unquoted elements are trimmed and ``NULL`` (any case) is SQL NULL; quoted ones keep
    their text with backslash escapes resolved.

    Raises:
        ValueError: not an array literal.
    """
    if len(literal) < 2 or literal[0] != "{" or literal[-1] != "}":
        raise ValueError(literal)
    body = literal[1:-1]
    if not body.strip():
        return []
    items: list[str | None] = []
    i, n = 0, len(body)
    while True:
        while i < n and body[i].isspace():
            i += 1
        if i < n and body[i] == '"':
            i += 1
            chars: list[str] = []
            while i < n and body[i] != '"':
                if body[i] == "\\" and i + 1 < n:
                    i += 1
                chars.append(body[i])
                i += 1
            if i >= n:
                raise ValueError(literal)
            i += 1
            while i < n and body[i].isspace():
                i += 1
            items.append("".join(chars))
        else:
            start = i
            while i < n and body[i] != ",":
                if body[i] in '{}"':
                    raise ValueError(literal)
                i += 1
            word = body[start:i].strip()
            if not word:
                raise ValueError(literal)
            items.append(None if word.upper() == "NULL" else word)
        if i >= n:
            return items
        if body[i] != ",":
            raise ValueError(literal)
        i += 1


def compile_filter(table: Table, conditions: Sequence[Condition]) -> RowMatcher:
    """Check ``conditions`` against ``table`` and compile them into one matcher.

    Raises:
        FilterCheckError: the subscription trigger of the real server would refuse it.
    """
    tests = [_compile_condition(table, c) for c in conditions]
    if not tests:
        return _always
    if len(tests) == 1:
        return tests[0]
    return lambda row: all(test(row) for test in tests)


def _always(row: Mapping[str, Any]) -> bool:
    return True


def _compile_condition(table: Table, cond: Condition) -> RowMatcher:
    column = table.column(cond.column)
    if column is None:
        raise _raise(f"invalid column for filter {cond.column}")
    op, name, negate = cond.op, cond.column, cond.negate
    cast = caster(column.pg_type)
    row_cast = row_caster(column.pg_type)
    if op == "in":
        try:
            elements = parse_array_literal(cond.value)
        except ValueError as exc:
            raise FilterCheckError(
                f'ERROR 22P02 (invalid_text_representation) malformed array literal: '
                f'"{cond.value}"') from exc
        targets = frozenset(_cast_literal(cast, column, e) for e in elements if e is not None)
        if len(elements) > IN_MAX_VALUES:
            raise _raise(f"too many values for `in` filter. Maximum {IN_MAX_VALUES}")
        has_null = any(e is None for e in elements)

        def test_in(row: Mapping[str, Any]) -> bool:
            value = _row_value(row, name, row_cast)
            if value is _MISSING:
                return False
            if value in targets:
                return not negate
            # x = ANY(array with NULL) and no hit is NULL, which NOT leaves NULL.
            return False if has_null else negate
        return test_in
    target = _cast_literal(cast, column, cond.value)
    compare = _ORDER_OPS[op]

    def test(row: Mapping[str, Any]) -> bool:
        value = _row_value(row, name, row_cast)
        if value is _MISSING:
            return False
        try:
            return compare(value, target) != negate
        except TypeError:
            return False
    return test


def _cast_literal(cast: Callable[[Any], Any], column: Column, literal: str) -> Any:
    try:
        return cast(literal)
    except _Uncastable as exc:
        raise FilterCheckError(
            "ERROR 22P02 (invalid_text_representation) invalid input syntax for type "
            f'{_pg_type_label(column.pg_type)}: "{literal}"') from exc


def _row_value(row: Mapping[str, Any], name: str, cast: Callable[[Any], Any]) -> Any:
    """The record's value cast for comparison; ``_MISSING`` for absent, NULL or odd."""
    value = row.get(name)
    if value is None:
        return _MISSING
    try:
        return cast(value)
    except _Uncastable:
        return _MISSING


def eq_index_key(table: Table, conditions: Sequence[Condition]) -> tuple[str, Any] | None:
    """``(column, value)`` when the filter is exactly one ``eq`` a hash index can serve.

    A row passes such a filter exactly when ``row_index_value`` of its column equals
    ``value``, so subscribers can be found by lookup instead of by a scan.
    """
    if len(conditions) != 1:
        return None
    cond = conditions[0]
    column = table.column(cond.column)
    if cond.op != "eq" or cond.negate or column is None or column.pg_type not in INDEXABLE:
        return None
    try:
        return cond.column, caster(column.pg_type)(cond.value)
    except _Uncastable:
        return None


def row_index_value(column: Column, value: Any) -> Any:
    """A record value as ``eq_index_key`` keys it; None for NULL or uncastable values."""
    if value is None:
        return None
    try:
        return row_caster(column.pg_type)(value)
    except _Uncastable:
        return None
