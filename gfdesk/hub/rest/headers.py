"""The request headers PostgREST reads: ``Prefer``, ``Accept`` and ``Range``. Qt-free, pure.

Behaviour follows PostgREST (``ApiRequest/Preferences.hs``, ``RangeQuery.hs``,
``ApiRequest.hs``): tokens of ``Prefer`` may be separated by ``,`` or ``, `` and may come in
several headers, the first token of each kind wins, unknown tokens are ignored unless
``handling=strict`` is given (then PGRST122); ``Range`` is honoured on GET only and an
unparseable one is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .errors import RestError
from .model import Prefer

#: ``.single()``; PostgREST also takes the name without ``+json``.
OBJECT_MEDIA_TYPES = frozenset(
    {"application/vnd.pgrst.object+json", "application/vnd.pgrst.object"}
)
ARRAY_MEDIA_TYPES = frozenset(
    {"application/vnd.pgrst.array+json", "application/vnd.pgrst.array"}
)
#: Media types a table read can be answered in (as a JSON array).
JSON_MEDIA_TYPES = frozenset({"application/json", "*/*", "application/*"}) | ARRAY_MEDIA_TYPES
PREFER_VALUES = {
    "return": frozenset({"minimal", "representation", "headers-only"}),
    "count": frozenset({"exact", "planned", "estimated"}),
    "resolution": frozenset({"merge-duplicates", "ignore-duplicates"}),
    "missing": frozenset({"default", "null"}),
    "handling": frozenset({"strict", "lenient"}),
    "tx": frozenset({"commit", "rollback"}),
}
#: Tokens PostgREST accepts with any value.
FREE_PREFERENCES = ("timezone=", "max-affected=")
RANGE_RE = re.compile(r"^([0-9]+)-([0-9]*)$", re.ASCII)
INTEGER_RE = re.compile(r"^\s*(-?[0-9]+)\s*$", re.ASCII)
#: Limits, offsets and ranges are clamped to what SQLite's LIMIT/OFFSET can take.
INT64_MAX = 2**63 - 1


def _bounded_int(digits: str) -> int:
    """Decimal digits as an int clamped to int64 (and without Python's digit limit)."""
    negative = digits.startswith("-")
    magnitude = digits.lstrip("-").lstrip("0") or "0"
    value = INT64_MAX if len(magnitude) > 19 else min(int(magnitude), INT64_MAX)
    return -value if negative else value


def header_values(headers: Mapping[str, str], name: str) -> list[str]:
    """All values of a header, from a multidict when the mapping is one."""
    getall = getattr(headers, "getall", None)
    if getall is not None:
        return [str(v) for v in getall(name, [])]
    value = headers.get(name)
    if value is None:
        # A plain dict is case-sensitive; look the name up case-insensitively.
        value = next((v for k, v in headers.items() if k.lower() == name.lower()), None)
    return [] if value is None else [value]


def parse_prefer(headers: Mapping[str, str]) -> Prefer:
    """The ``Prefer`` headers as a :class:`Prefer`.

    Raises:
        RestError: PGRST122 when ``handling=strict`` meets a token PostgREST does not know.
    """
    tokens = [
        token.strip()
        for value in header_values(headers, "Prefer")
        for token in value.split(",")
        if token.strip()
    ]
    chosen: dict[str, str] = {}
    max_affected: int | None = None
    max_affected_seen = False
    invalid: list[str] = []
    for token in tokens:
        kind, _, value = token.partition("=")
        if kind in PREFER_VALUES and value in PREFER_VALUES[kind]:
            chosen.setdefault(kind, value)
        elif token.startswith("max-affected="):
            if not max_affected_seen:
                max_affected_seen = True
                match = INTEGER_RE.match(value)
                max_affected = _bounded_int(match.group(1)) if match else None
        elif not token.startswith(FREE_PREFERENCES):
            invalid.append(token)
    if chosen.get("handling") == "strict" and invalid:
        raise RestError.invalid_preferences(invalid)
    return Prefer(
        return_=chosen.get("return"),
        count=chosen.get("count"),
        resolution=chosen.get("resolution"),
        missing_default=chosen.get("missing") == "default",
        max_affected=max_affected,
        handling=chosen.get("handling"),
    )


def parse_accept(headers: Mapping[str, str]) -> tuple[bool, bool]:
    """``(single_object, strip_nulls)`` from ``Accept``.

    Raises:
        RestError: PGRST107 (406) when no listed media type is JSON the hub can produce.
    """
    ranges: list[tuple[float, int, str, dict[str, str]]] = []
    for value in header_values(headers, "Accept"):
        for part in value.split(","):
            media, *raw_params = (p.strip() for p in part.split(";"))
            if not media:
                continue
            params = {}
            for raw in raw_params:
                key, _, val = raw.partition("=")
                params[key.strip().lower()] = val.strip().strip('"')
            try:
                quality = float(params.get("q", "1"))
            except ValueError:
                quality = 1.0
            if quality > 0:
                ranges.append((-quality, len(ranges), media.lower(), params))
    if not ranges:
        return False, False
    for _, _, media, params in sorted(ranges):
        stripped = params.get("nulls") == "stripped"
        if media in OBJECT_MEDIA_TYPES:
            return True, stripped
        if media in JSON_MEDIA_TYPES:
            return False, stripped and media in ARRAY_MEDIA_TYPES
    raise RestError.media_type([media for _, _, media, _ in sorted(ranges)])


def parse_integer(name: str, value: str) -> int:
    """``limit=``/``offset=`` as an integer.

    Raises:
        RestError: PGRST100 for anything but an optionally negative decimal integer
            (PostgREST itself silently ignores such values; the hub refuses them).
    """
    match = INTEGER_RE.match(value)
    if match is None:
        raise RestError.parse(
            f"failed to parse {name} parameter ({value})", 1,
            f"{name} must be an integer",
        )
    return _bounded_int(match.group(1))


def resolve_range(
    method: str,
    headers: Mapping[str, str],
    limit: int | None,
    offset: int | None,
) -> tuple[int | None, int]:
    """Combine ``limit``/``offset`` with the ``Range`` header into ``(limit, offset)``.

    Raises:
        RestError: PGRST103 (416) for a negative limit or a ``Range`` whose end precedes
            its start, or 2201X for a negative offset.
    """
    if limit is not None and limit < 0:
        raise RestError.negative_limit()
    if offset is not None and offset < 0:
        raise RestError.negative_offset()
    lower = offset or 0
    upper = None if limit is None else min(lower + limit - 1, INT64_MAX)
    if limit == 0 or method.upper() != "GET":
        return limit, lower
    values = header_values(headers, "Range")
    match = RANGE_RE.match(values[0].strip()) if values else None
    if match is None:
        return limit, lower
    range_lower = _bounded_int(match.group(1))
    range_upper = _bounded_int(match.group(2)) if match.group(2) else None
    if range_upper is not None and range_upper < range_lower:
        raise RestError.range_lower_gt_upper()
    lower = max(lower, range_lower)
    if range_upper is not None:
        upper = range_upper if upper is None else min(upper, range_upper)
    if upper is None:
        return None, lower
    if upper < lower:
        raise RestError.negative_limit()
    return upper - lower + 1, lower
