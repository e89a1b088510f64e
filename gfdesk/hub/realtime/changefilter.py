"""postgres_changes bindings: parsing, ids and the real server's error texts. Qt-free, pure.

A channel join carries ``config.postgres_changes``, a list of bindings such as
``{"event": "INSERT", "schema": "public", "table": "notifications",
"filter": "user_id=eq.42"}`` (spec 5.1). This module turns one binding into a
``BindingParams`` the way Supabase Realtime's ``parse_subscription_params`` does
(rt/lib/extensions/postgres_cdc_rls/subscriptions.ex), and refuses what it refuses with
the same message text, because that text reaches the client in a ``system`` push
(spec 2.8, 5.4). It also gives each binding its reply ``id`` (spec 2.7).

Grammar of ``filter``: ``column=[not.]op.value`` segments joined by top-level commas
(ANDed); commas inside ``(...)`` or inside a double-quoted value do not split; a value
may be double-quoted with backslash escapes; ``in`` needs ``(a,b,c)``; a blank filter
means none. Operators are ``FILTER_OPS``; any other is refused with the server's text
for an unknown operator. Evaluating a parsed filter against rows is
``gfdesk.hub.realtime.rowmatch``.

Nothing here touches the network, the database or the clock.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gfdesk.hub.rest.likematch import like

#: Operators Supabase Realtime accepts: each costs a comparison, so no filter a client
#: writes can make the hub's work grow with it (``like`` or ``match`` would: a pattern's
#: cost is text x pattern or worse, and it would run for every change).
FILTER_OPS = frozenset({"eq", "neq", "lt", "lte", "gt", "gte", "in"})
#: Row change types a binding can ask for; anything else means all of them.
EVENT_TYPES = ("INSERT", "UPDATE", "DELETE")
WILDCARD = "*"
DEFAULT_SCHEMA = "public"
#: Longest schema or table pattern looked at (PostgreSQL names have at most 63 bytes).
MAX_NAME_PATTERN = 256
#: Ids are below this (the real server's ``:erlang.phash2`` range) and never 0.
ID_RANGE = 2**27

FILTER_ERROR_PREFIX = "Error parsing `filter` params: "
EMPTY_SEGMENT = "filter must not contain empty segments (check for extra commas)"
IN_NEEDS_PARENS = "`in` filter value must be wrapped by parentheses"
SELECT_NOT_A_LIST = (
    'Error parsing `select` params: expected a list of column name strings, e.g. '
    'select: ["col1", "col2"]'
)
SELECT_ON_WILDCARD = (
    "Column selection is not supported for wildcard subscriptions. Provide an explicit "
    "schema and table name."
)
NO_PARAMS = (
    "No subscription params provided. Please provide at least a `schema` or `table` to "
    "subscribe to: "
)
NOT_PUBLISHED = (
    "Unable to subscribe to changes with given parameters. Please check Realtime is "
    "enabled for the given connect parameters: [{params}]"
)
CHECK_FAILED = (
    "Unable to subscribe to changes with given parameters. An exception happened so "
    "please check your connect parameters: [{params}]. Exception: {detail}"
)

# Characters Elixir's ``inspect`` writes as escapes inside a string literal.
_ELIXIR_ESCAPES = {
    "\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\e",
    "\f": "\\f", "\v": "\\v", "\b": "\\b", "\a": "\\a", "\0": "\\0",
}


class BindingError(ValueError):
    """A binding the real server refuses; ``str(error)`` is its ``system`` message text."""


@dataclass(frozen=True)
class Condition:
    """One ``column=[not.]op.value`` segment.

    ``value`` is as the server stores it: unquoted for scalar operators, rewritten to a
    PostgreSQL array literal ``{a,b}`` for ``in``.
    """

    column: str
    op: str
    value: str
    negate: bool = False


@dataclass(frozen=True)
class BindingParams:
    """A parsed binding: the server's ``{action_filter, schema, table, filters, select}``."""

    event: str
    schema: str
    table: str
    conditions: tuple[Condition, ...] = ()
    select: tuple[str, ...] | None = None

    @property
    def events(self) -> frozenset[str]:
        """The change types this binding receives."""
        return frozenset(EVENT_TYPES) if self.event == WILDCARD else frozenset((self.event,))

    def describe(self) -> str:
        """The server's ``params_to_log`` text, used inside its subscribe errors."""
        filters = "[" + ", ".join(
            "{" + ", ".join((inspect(c.column), inspect(c.op), inspect(c.value),
                             inspect(c.negate))) + "}"
            for c in self.conditions
        ) + "]"
        select = inspect(list(self.select)) if self.select is not None else "nil"
        return (f"event: {self.event}, schema: {self.schema}, table: {self.table}, "
                f"filters: {filters}, select: {select}")


def binding_id(binding: Any) -> int:
    """The reply ``id`` of a binding: a stable hash of its params, in ``1 .. 2**27-1``.

    Identical bindings (same keys and values, in any key order) get identical ids, on
    every channel and across hub restarts, as the real server's ``phash2`` ids do.
    Clients treat 0 as "no id", so 0 is never returned.
    """
    canonical = json.dumps(binding, sort_keys=True, separators=(",", ":"), default=repr)
    digest = hashlib.blake2b(canonical.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % (ID_RANGE - 1) + 1


def inspect(value: Any) -> str:
    """``value`` as Elixir's ``inspect`` prints it (the subset the error texts need)."""
    if value is None:
        return "nil"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        out = "".join(_ELIXIR_ESCAPES.get(ch, ch) for ch in value).replace("#{", "\\#{")
        return f'"{out}"'
    if isinstance(value, Mapping):
        items = sorted(value.items(), key=lambda kv: str(kv[0]))
        return "%{" + ", ".join(f"{inspect(k)} => {inspect(v)}" for k, v in items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(inspect(v) for v in value) + "]"
    return repr(value)


def action_filter(params: Mapping[str, Any]) -> str:
    """The binding's change type: ``*`` unless ``event`` names one (any case)."""
    event = params.get("event")
    if isinstance(event, str) and event.upper() in EVENT_TYPES:
        return event.upper()
    return WILDCARD


def parse_binding(params: Any) -> BindingParams:
    """Parse one binding of ``config.postgres_changes`` as the real server does.

    Args:
        params: the binding object as the client sent it.

    Returns:
        The parsed binding (its tables are not checked here).

    Raises:
        BindingError: the server would refuse it; the message is the server's text.
    """
    if not isinstance(params, Mapping):
        raise BindingError(NO_PARAMS + inspect(params))
    event = action_filter(params)
    select = _parse_select(params)
    schema, table, filt = params.get("schema"), params.get("table"), params.get("filter")
    has_schema, has_table, has_filter = "schema" in params, "table" in params, "filter" in params
    if isinstance(schema, str) and isinstance(table, str) and isinstance(filt, str):
        conditions = parse_filter(filt)
    elif isinstance(schema, str) and isinstance(table, str) and not has_filter:
        conditions = ()
    elif isinstance(schema, str) and not has_table and not has_filter:
        table, conditions = WILDCARD, ()
    elif isinstance(table, str) and not has_schema and not has_filter:
        schema, conditions = DEFAULT_SCHEMA, ()
    elif "user_token" in params or "auth_token" in params:
        raise BindingError(NO_PARAMS + "<redacted>")
    else:
        raise BindingError(NO_PARAMS + inspect(dict(params)))
    if select is not None and WILDCARD in (schema, table):
        raise BindingError(SELECT_ON_WILDCARD)
    return BindingParams(event, schema, table, conditions, select)


def _parse_select(params: Mapping[str, Any]) -> tuple[str, ...] | None:
    cols = params.get("select")
    if isinstance(cols, list):
        names = tuple(c for c in cols if isinstance(c, str))
        return names or None
    if isinstance(cols, str):
        raise BindingError(SELECT_NOT_A_LIST)
    return None


def parse_filter(text: str) -> tuple[Condition, ...]:
    """Parse a ``filter`` string into its ANDed conditions.

    Raises:
        BindingError: with the server's ``Error parsing `filter` params: ...`` text.
    """
    trimmed = text.strip()
    if not trimmed:
        return ()
    conditions = []
    for segment in split_top_level(trimmed):
        conditions.append(_parse_segment(segment))
    return tuple(conditions)


def split_top_level(text: str) -> list[str]:
    """Split at commas that are outside parentheses and outside double-quoted values.

    A ``"`` opens a quoted value only right after ``.``, ``(`` or ``,`` (as in
    ``col=eq."a,b"`` or ``col=in.("a,b",c)``); inside one, ``\\`` escapes the next char.
    """
    parts: list[str] = []
    current: list[str] = []
    depth, quoted, prev, i = 0, False, "", 0
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == "\\" and i + 1 < len(text):
                current += (ch, text[i + 1])
                prev = text[i + 1]
                i += 2
                continue
            if ch == '"':
                quoted = False
            current.append(ch)
            prev = ch
        elif ch == '"' and prev in (".", "(", ","):
            quoted = True
            current.append(ch)
            prev = ch
        elif ch == "(":
            depth += 1
            current.append(ch)
            prev = ch
        elif ch == ")":
            depth = max(0, depth - 1)
            current.append(ch)
            prev = ch
        elif ch == "," and depth == 0:
            parts.append("".join(current))
            current, prev = [], ""
        else:
            current.append(ch)
            prev = ch
        i += 1
    parts.append("".join(current))
    return parts


def _parse_segment(segment: str) -> Condition:
    trimmed = segment.strip()
    if not trimmed:
        raise BindingError(FILTER_ERROR_PREFIX + EMPTY_SEGMENT)
    column, eq, rest = trimmed.partition("=")
    if not eq:
        raise BindingError(FILTER_ERROR_PREFIX + inspect([trimmed]))
    negate = rest.startswith("not.")
    op_value = rest[4:] if negate else rest
    op, dot, value = op_value.partition(".")
    if not dot:
        raise BindingError(FILTER_ERROR_PREFIX + inspect([op_value]))
    if op not in FILTER_OPS:
        raise BindingError(FILTER_ERROR_PREFIX + inspect([op, value]))
    if op == "in":
        if len(value) < 2 or value[0] != "(" or value[-1] != ")":
            raise BindingError(FILTER_ERROR_PREFIX + IN_NEEDS_PARENS)
        return Condition(column, op, "{" + value[1:-1] + "}", negate)
    return Condition(column, op, unquote_value(value), negate)


def unquote_value(value: str) -> str:
    """A PostgREST-style ``"..."`` value without its quotes and escapes.

    A value that is not exactly one well-formed quoted string stays as it is.
    """
    if not value.startswith('"'):
        return value
    out: list[str] = []
    i = 1
    while i < len(value):
        ch = value[i]
        if ch == '"':
            return "".join(out) if i == len(value) - 1 else value
        if ch == "\\" and i + 1 < len(value):
            out.append(value[i + 1])
            i += 2
            continue
        out.append(ch)
        i += 1
    return value


def reply_binding(binding: Mapping[str, Any]) -> dict[str, Any]:
    """A binding as the join reply echoes it: verbatim, plus its ``id`` (spec 2.7)."""
    echoed = dict(binding)
    echoed["id"] = binding_id(binding)
    return echoed


def like_matches(pattern: str, candidates: Sequence[str]) -> list[str]:
    """Names matched by a SQL ``LIKE`` pattern without escape, ``*`` meaning all.

    The server selects the published tables of a binding this way
    (``tablename like (case $3 when '*' then '%' else $3 end) escape ''``). A pattern
    longer than ``MAX_NAME_PATTERN`` matches nothing here (no identifier is that long,
    and the cost stays a few steps per name).
    """
    if pattern == WILDCARD:
        return list(candidates)
    if len(pattern) > MAX_NAME_PATTERN:
        return []
    return [c for c in candidates if like(c, pattern, escape=False)]
