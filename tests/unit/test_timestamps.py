"""gfdesk.timestamps: server and mobile-app timestamps read as aware UTC datetimes."""

from __future__ import annotations

import datetime as dt

import pytest

from gfdesk.timestamps import parse, parse_or_none

TEN = dt.datetime(2026, 1, 1, 10, tzinfo=dt.UTC)


@pytest.mark.parametrize("text", [
    "2026-01-01T10:00:00+00:00", "2026-01-01T10:00:00.000000+00:00",
    "2026-01-01T10:00:00Z", "2026-01-01T10:00:00", "2026-01-01T11:00:00+01:00",
])
def test_every_shape_reads_as_the_same_utc_moment(text: str) -> None:
    assert parse(text) == TEN and parse(text).tzinfo is dt.UTC
    assert parse_or_none(text) == TEN


def test_what_is_not_a_timestamp() -> None:
    with pytest.raises(ValueError):
        parse("yesterday")
    assert parse_or_none("yesterday") is None
    assert parse_or_none(5) is None and parse_or_none("") is None
