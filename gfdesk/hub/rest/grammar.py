"""The PostgREST request grammar of spec 7.2: query string, headers and JSON body into a
:class:`RestQuery` and rows. Qt-free, pure: no I/O, no schema.

``parse_query`` takes the decoded ``(key, value)`` pairs in order (aiohttp's
``request.query.items()``) and a case-insensitive header mapping. Keys ``select``,
``columns``, ``on_conflict``, ``order``, ``limit``, ``offset``, ``and``, ``or``,
``not.and``, ``not.or`` and ``apikey`` (the gateway's key parameter, spec 1.2) are not
filters; every other key is a ``column=[not.]op.value`` filter, and repeated keys are
ANDed. When a reserved key repeats, the first ``select``/``columns``/``on_conflict``/
``order`` and the last ``limit``/``offset`` win, as in PostgREST. Column names are
checked against the table later, by :mod:`gfdesk.hub.rest.sqlbuild`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from . import syntax
from .errors import RestError
from .headers import parse_accept, parse_integer, parse_prefer, resolve_range
from .model import BoolGroup, Condition, Filter, Order, Prefer, RestQuery

__all__ = [
    "BoolGroup",
    "Condition",
    "Filter",
    "Order",
    "Prefer",
    "RestQuery",
    "parse_body",
    "parse_json",
    "parse_query",
]

#: Keys PostgREST also accepts with an embedded-resource prefix (``rel.order``).
EMBEDDABLE_KEYS = frozenset({"order", "limit", "offset", "and", "or"})
LOGIC_KEYS = {"and": ("and", False), "or": ("or", False),
              "not.and": ("and", True), "not.or": ("or", True)}
WRITE_METHODS = frozenset({"POST", "PATCH", "PUT"})


def parse_query(
    table: str,
    method: str,
    query: Sequence[tuple[str, str]],
    headers: Mapping[str, str],
) -> RestQuery:
    """Parse a REST request's query string and headers.

    Args:
        table: The table named in the path.
        method: The HTTP method (the ``Range`` header applies to GET only).
        query: Decoded query parameters in request order.
        headers: Request headers, looked up case-insensitively.

    Returns:
        The parsed request.

    Raises:
        RestError: PGRST100 for a malformed or unsupported parameter, PGRST103/2201X for
            bad ranges, PGRST107 for an unproducible ``Accept``, PGRST122 for unknown
            preferences under ``handling=strict``.
    """
    select: tuple[str, ...] | None = None
    where: list[Condition] = []
    order: tuple[Order, ...] = ()
    limit: int | None = None
    offset: int | None = None
    columns: tuple[str, ...] | None = None
    on_conflict: tuple[str, ...] | None = None
    seen: set[str] = set()
    for key, value in query:
        first = key not in seen
        seen.add(key)
        if key == "select":
            parsed_select = syntax.select_param(value)
            select = parsed_select if first else select
        elif key == "columns":
            parsed_columns = syntax.names_param("columns", value)
            columns = parsed_columns if first else columns
        elif key == "on_conflict":
            parsed_conflict = syntax.names_param("on_conflict", value)
            on_conflict = parsed_conflict if first else on_conflict
        elif key == "apikey":
            continue
        elif key == "order":
            parsed_order = syntax.order_param(value)
            order = parsed_order if first else order
        elif key == "limit":
            limit = parse_integer("limit", value)
        elif key == "offset":
            offset = parse_integer("offset", value)
        elif key in LOGIC_KEYS:
            op, negated = LOGIC_KEYS[key]
            where.append(syntax.logic_param(op, negated, value))
        elif key.rsplit(".", 1)[-1] in EMBEDDABLE_KEYS:
            raise RestError.parse(
                f"failed to parse tree path ({key})", 1,
                f"{key.rsplit('.', 1)[-1]} on an embedded resource {syntax.UNSUPPORTED}",
            )
        else:
            where.append(syntax.filter_param(key, value))
    limit, skip = resolve_range(method, headers, limit, offset)
    single_object, strip_nulls = parse_accept(headers)
    return RestQuery(
        table=table,
        select=select,
        where=tuple(where),
        order=order,
        limit=limit,
        offset=skip,
        prefer=parse_prefer(headers),
        columns=columns,
        on_conflict=on_conflict,
        single_object=single_object,
        strip_nulls=strip_nulls,
    )


def _reject_constant(name: str) -> Any:
    # Python's json accepts NaN and Infinity; PostgREST's JSON parser does not.
    raise ValueError(name)


def parse_json(raw: bytes) -> Any:
    """A request body as JSON, as PostgREST's parser takes it.

    Raises:
        RestError: PGRST102 for anything that is not UTF-8 JSON a client could read.
    """
    try:
        value = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
        # JSON may escape lone surrogates ("\\ud800"), which no UTF-8 text can hold.
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeError, ValueError, RecursionError) as exc:
        raise RestError.invalid_body() from exc
    return value


def parse_body(raw: bytes, method: str, query: RestQuery) -> list[dict[str, Any]]:
    """The rows of a POST (insert/upsert) or the values of a PATCH.

    POST takes an object or an array of objects; without ``columns=`` every object of an
    array must have the same keys. Any other JSON value inserts nothing, as in PostgREST.
    PATCH takes one object. With ``columns=`` only those keys are kept; on POST a key an
    object lacks becomes NULL, or is left out (so the column default applies) under
    ``Prefer: missing=default``. On PATCH an absent key is simply not set (PostgREST
    would set it to NULL; no client sends ``columns=`` with an update). GET, HEAD and
    DELETE bodies are ignored (the Python client sends ``{}`` on DELETE).

    Raises:
        RestError: PGRST102 for an empty or invalid body, or mismatched array keys.
    """
    method = method.upper()
    if method not in WRITE_METHODS:
        return []
    body = parse_json(raw)
    if method == "POST":
        if isinstance(body, dict):
            rows = [body]
        elif isinstance(body, list):
            rows = body
        else:
            return []
        if not all(isinstance(row, dict) for row in rows):
            raise RestError.invalid_body("All object keys must match")
        if query.columns is None and rows:
            keys = set(rows[0])
            if any(set(row) != keys for row in rows):
                raise RestError.invalid_body("All object keys must match")
    else:
        if not isinstance(body, dict):
            raise RestError.invalid_body()
        rows = [body]
    if query.columns is None:
        return [dict(row) for row in rows]
    missing_default = query.prefer.missing_default or method != "POST"
    kept: list[dict[str, Any]] = []
    for row in rows:
        if missing_default:
            kept.append({c: row[c] for c in query.columns if c in row})
        else:
            kept.append({c: row.get(c) for c in query.columns})
    return kept
