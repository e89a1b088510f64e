"""ISO 8601 timestamps as the server and the mobile app write them. Qt-free, pure.

Rows carry ``timestamptz`` text (``...+00:00``); presence metas carry the mobile app's
``toIso8601String`` (``Z``, or no zone at all, meaning UTC). Every feature reads them
through here, as aware UTC datetimes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def parse(text: str) -> dt.datetime:
    """``text`` as an aware UTC datetime (``Z``, an offset, or no zone meaning UTC).

    Raises:
        ValueError: ``text`` is not ISO 8601.
    """
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def parse_or_none(value: Any) -> dt.datetime | None:
    """Like ``parse``, for values a remote client wrote: None when not a timestamp."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return parse(value)
    except ValueError:
        return None


def format_utc(moment: dt.datetime) -> str:
    """``moment`` as the server stores a ``timestamptz`` (UTC, microseconds, ``+00:00``)."""
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def local_tz() -> dt.tzinfo:
    """The machine's time zone now (times are shown in it)."""
    tz = dt.datetime.now().astimezone().tzinfo
    return tz if tz is not None else dt.UTC
