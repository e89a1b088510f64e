"""Turning request values into what SQLite stores, with PostgreSQL's input rules. Qt-free, pure.

A filter value arrives as text (``id=eq.5``) and a body value as JSON; both are checked
the way PostgreSQL's type input functions check them and converted to the storage
conventions of :mod:`gfdesk.hub.tables` and :mod:`gfdesk.hub.schema`:

- ``int2``/``int4``/``int8``: INTEGER; text must be a decimal integer in range
  (22P02 / 22003). A JSON string holding an integer is accepted, as PostgREST's
  ``json_populate_record`` accepts it; a JSON float or boolean is not.
- ``bool``: 0/1; text ``t``/``true``/``yes``/``on``/``1`` and their false forms, any case,
  unique prefixes allowed, as ``boolin`` does.
- ``uuid``: lower-case canonical text; hyphens optional and braces allowed on input.
- ``timestamptz``: text in the one shape the hub stores (``now_timestamp`` in schema.py):
  UTC, microseconds, ``+00:00`` (``2024-05-01T10:00:00.123000+00:00``). Any ISO 8601 input
  is converted to it, a value without offset is taken as UTC (Supabase's session time
  zone). Because every stored value has that fixed shape, comparing the text compares
  the instants, so ``gt``/``lt``/``order`` on timestamps need no SQL date functions.
- ``json``/``jsonb``: compact JSON text. Filters compare a canonical form (keys sorted),
  so key order does not matter, as with jsonb; ``1`` and ``1.0`` stay different, and
  ``gt``/``lt``/ordering compare that canonical text (an approximation of jsonb order).
- ``text``: as is; a JSON number or boolean is stored as its JSON text, as PostgreSQL
  does. U+0000 is refused (22021), as PostgreSQL text cannot hold it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from gfdesk.hub.tables import INTEGER_TYPES, JSON_TYPES, Column

from .errors import RestError

INTEGER_RANGES = {
    "int2": (-(2**15), 2**15 - 1),
    "int4": (-(2**31), 2**31 - 1),
    "int8": (-(2**63), 2**63 - 1),
}
INTEGER_RE = re.compile(r"^\s*([+-]?[0-9]+)\s*$", re.ASCII)
UUID_RE = re.compile(r"^[0-9a-f]{4}(?:-?[0-9a-f]{4}){7}$", re.ASCII)
TRUE_WORDS = ("true", "yes")
FALSE_WORDS = ("false", "no")


def canonical_json(value: Any) -> str:
    """JSON text with sorted keys, the form jsonb filters compare."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_timestamptz(moment: dt.datetime) -> str:
    """``moment`` in the stored ``timestamptz`` shape; naive means UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    utc = moment.astimezone(dt.UTC)
    return (
        f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T{utc.hour:02d}:{utc.minute:02d}:"
        f"{utc.second:02d}.{utc.microsecond:06d}+00:00"
    )


def parse_timestamptz(text: str, pg_type: str = "timestamptz") -> str:
    """ISO 8601 text as the stored ``timestamptz`` text.

    Raises:
        RestError: 22007 when the text is not a timestamp.
    """
    try:
        return canonical_timestamptz(dt.datetime.fromisoformat(text.strip()))
    except (ValueError, OverflowError):
        raise RestError.invalid_datetime(pg_type, text) from None


def parse_integer(text: str, pg_type: str) -> int:
    """Integer input: decimal digits with an optional sign, in the type's range."""
    match = INTEGER_RE.match(text)
    if match is None:
        raise RestError.invalid_text(pg_type, text)
    digits = match.group(1).lstrip("+-").lstrip("0")
    if len(digits) > 20:
        raise RestError.out_of_range(pg_type, text)
    number = int(match.group(1))
    low, high = INTEGER_RANGES.get(pg_type, INTEGER_RANGES["int8"])
    if not low <= number <= high:
        raise RestError.out_of_range(pg_type, text)
    return number


def parse_bool(text: str) -> int:
    """Boolean input as 1/0."""
    word = text.strip().lower()
    if word in ("1", "on") or (word and any(w.startswith(word) for w in TRUE_WORDS)):
        return 1
    if word in ("0", "of", "off") or (word and any(w.startswith(word) for w in FALSE_WORDS)):
        return 0
    raise RestError.invalid_text("bool", text)


def parse_uuid(text: str) -> str:
    """UUID input as lower-case canonical text."""
    body = text.lower()
    if body.startswith("{") and body.endswith("}"):
        body = body[1:-1]
    if not UUID_RE.match(body):
        raise RestError.invalid_text("uuid", text)
    digits = body.replace("-", "")
    return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


def _check_text(text: str) -> str:
    if "\x00" in text:
        raise RestError.nul_character()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (e.g. from a JSON "\\ud800" escape) is not UTF-8.
        raise RestError(400, "22021", "invalid byte sequence for encoding \"UTF8\"") from None
    return text


def filter_value(column: Column, text: str) -> Any:
    """A filter's text value as the stored value it is compared with.

    For json/jsonb columns the result is the canonical JSON text (compare it with
    ``gf_jsonb(column)``).

    Raises:
        RestError: 22P02/22003/22007/22021 when the text is not valid input for the type.
    """
    _check_text(text)
    pg_type = column.pg_type
    if pg_type in INTEGER_TYPES:
        return parse_integer(text, pg_type)
    if pg_type == "bool":
        return parse_bool(text)
    if pg_type == "uuid":
        return parse_uuid(text)
    if pg_type == "timestamptz":
        return parse_timestamptz(text)
    if pg_type in JSON_TYPES:
        try:
            return canonical_json(json.loads(text))
        except (ValueError, RecursionError):
            raise RestError.invalid_text(pg_type, text) from None
    return text


def _as_text(value: Any) -> str:
    """A JSON scalar as PostgreSQL sees it when a json field meets a typed column."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def body_value(column: Column, value: Any) -> Any:
    """A JSON body value as the stored value for ``column``; None stays NULL.

    Raises:
        RestError: 22P02/22003/22007/22021/22P05 when the value does not fit the type.
    """
    if value is None:
        return None
    pg_type = column.pg_type
    if pg_type in JSON_TYPES:
        stored = column.to_db(value)
        if "\\u0000" in stored:
            raise RestError(
                400, "22P05", "unsupported Unicode escape sequence",
                "\\u0000 cannot be converted to text.",
            )
        return stored
    text = _as_text(value)
    if pg_type in INTEGER_TYPES:
        if isinstance(value, bool | float) or not isinstance(value, int | str):
            raise RestError.invalid_text(pg_type, text)
        return parse_integer(text, pg_type)
    if pg_type == "bool":
        if isinstance(value, bool):
            return 1 if value else 0
        if isinstance(value, dict | list):
            raise RestError.invalid_text(pg_type, text)
        return parse_bool(_check_text(text))
    if pg_type == "uuid":
        if not isinstance(value, str):
            raise RestError.invalid_text(pg_type, text)
        return parse_uuid(value)
    if pg_type == "timestamptz":
        if not isinstance(value, str):
            raise RestError.invalid_datetime(pg_type, text)
        return parse_timestamptz(_check_text(value))
    return column.to_db(_check_text(text))
