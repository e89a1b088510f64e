"""PostgreSQL input rules for filter and body values, the stored timestamp shape, and the
LIKE matcher (checked against a regular-expression reference)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gfdesk.hub.rest import likematch
from gfdesk.hub.rest.errors import RestError
from gfdesk.hub.rest.values import (
    body_value,
    canonical_timestamptz,
    filter_value,
    parse_bool,
    parse_integer,
    parse_timestamptz,
    parse_uuid,
)
from gfdesk.hub.tables import Column

UID = "0b5e6f1c-8d4a-4c3b-9a2e-7f1d2c3b4a59"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("t", 1), ("TRUE", 1), (" tr ", 1), ("y", 1), ("yes", 1), ("on", 1), ("1", 1),
     ("f", 0), ("False", 0), ("n", 0), ("no", 0), ("of", 0), ("off", 0), ("0", 0)],
)
def test_boolean_input(text: str, expected: int) -> None:
    assert parse_bool(text) == expected


@pytest.mark.parametrize("text", ["", "o", "2", "truth", "yess", "nah", "-1"])
def test_boolean_input_rejects(text: str) -> None:
    with pytest.raises(RestError) as caught:
        parse_bool(text)
    assert caught.value.message == f'invalid input syntax for type boolean: "{text}"'


@pytest.mark.parametrize(
    "text", [UID, UID.upper(), UID.replace("-", ""), "{" + UID + "}",
             "0b5e-6f1c-8d4a-4c3b-9a2e-7f1d-2c3b-4a59"],
)
def test_uuid_input_forms(text: str) -> None:
    assert parse_uuid(text) == UID


@pytest.mark.parametrize("text", ["", "x", UID[:-1], UID + "0", "{" + UID, f"urn:uuid:{UID}",
                                  UID.replace("b", "g"), " " + UID])
def test_uuid_input_rejects(text: str) -> None:
    with pytest.raises(RestError) as caught:
        parse_uuid(text)
    assert caught.value.code == "22P02"


@pytest.mark.parametrize(
    ("pg_type", "text", "expected"),
    [("int2", "-32768", -32768), ("int2", "32767", 32767), ("int4", " +7 ", 7),
     ("int4", "-2147483648", -2147483648), ("int8", "9223372036854775807", 2**63 - 1),
     ("int8", "007", 7)],
)
def test_integer_input(pg_type: str, text: str, expected: int) -> None:
    assert parse_integer(text, pg_type) == expected


@pytest.mark.parametrize(
    ("pg_type", "text", "code"),
    [("int2", "32768", "22003"), ("int4", "2147483648", "22003"),
     ("int8", "9223372036854775808", "22003"), ("int8", "9" * 5000, "22003"),
     ("int4", "1e3", "22P02"), ("int4", "0x10", "22P02"), ("int4", "١٢", "22P02"),
     ("int4", "", "22P02")],
)
def test_integer_input_rejects(pg_type: str, text: str, code: str) -> None:
    with pytest.raises(RestError) as caught:
        parse_integer(text, pg_type)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "stored"),
    [("2024-05-01T10:00:00Z", "2024-05-01T10:00:00.000000+00:00"),
     ("2024-05-01 12:00:00+02", "2024-05-01T10:00:00.000000+00:00"),
     ("2024-05-01T10:00:00.5", "2024-05-01T10:00:00.500000+00:00"),
     ("2024-05-01", "2024-05-01T00:00:00.000000+00:00"),
     ("2024-05-01T10:00:00.123456-01:30", "2024-05-01T11:30:00.123456+00:00")],
)
def test_timestamps_are_stored_in_one_utc_shape(text: str, stored: str) -> None:
    assert parse_timestamptz(text) == stored


@pytest.mark.parametrize("text", ["", "now", "2024-02-30", "0001-01-01T00:00:00+05:00"])
def test_timestamp_input_rejects(text: str) -> None:
    with pytest.raises(RestError) as caught:
        parse_timestamptz(text)
    assert caught.value.code == "22007"


aware_datetimes = st.datetimes(
    min_value=dt.datetime(1000, 1, 2), max_value=dt.datetime(9999, 12, 30),
    timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=5, minutes=30)),
                               dt.timezone(dt.timedelta(hours=-8))]),
)


@settings(max_examples=200)
@given(a=aware_datetimes, b=aware_datetimes)
def test_stored_timestamp_text_order_is_time_order(a: dt.datetime, b: dt.datetime) -> None:
    ta, tb = canonical_timestamptz(a), canonical_timestamptz(b)
    assert (ta < tb) == (a < b) and (ta == tb) == (a == b)
    assert parse_timestamptz(a.isoformat()) == ta


BODY_VALUES: list[tuple[str, Any, Any]] = [
    ("int4", 5, 5), ("int4", "5", 5), ("int8", -(2**63), -(2**63)), ("int2", None, None),
    ("bool", True, 1), ("bool", False, 0), ("bool", "yes", 1), ("bool", 0, 0),
    ("uuid", UID.upper(), UID), ("text", "x", "x"), ("text", 12, "12"), ("text", True, "true"),
    ("text", {"a": 1}, '{"a": 1}'), ("timestamptz", "2024-05-01T10:00:00Z",
                                     "2024-05-01T10:00:00.000000+00:00"),
    ("jsonb", {"b": [1, None], "a": "é"}, '{"b":[1,null],"a":"\\u00e9"}'),
    ("jsonb", "plain", '"plain"'), ("jsonb", None, None),
]


@pytest.mark.parametrize(("pg_type", "value", "stored"), BODY_VALUES)
def test_body_values(pg_type: str, value: Any, stored: Any) -> None:
    assert body_value(Column("c", pg_type), value) == stored


@pytest.mark.parametrize(
    ("pg_type", "value", "code"),
    [("int4", 1.0, "22P02"), ("int4", [1], "22P02"), ("int4", False, "22P02"),
     ("bool", 2, "22P02"), ("bool", {"a": 1}, "22P02"), ("uuid", 1, "22P02"),
     ("timestamptz", 0, "22007"), ("text", "a\x00", "22021"), ("text", "\ud800", "22021"),
     ("jsonb", {"a": "\x00"}, "22P05")],
)
def test_body_values_rejected(pg_type: str, value: Any, code: str) -> None:
    with pytest.raises(RestError) as caught:
        body_value(Column("c", pg_type), value)
    assert caught.value.code == code


def test_jsonb_filter_values_are_canonical() -> None:
    column = Column("c", "jsonb")
    assert filter_value(column, '{"b": 1, "a": [2]}') == '{"a":[2],"b":1}'


LIKES: list[tuple[str, str, bool]] = [
    ("abc", "abc", True), ("abc", "ABC", False), ("abc", "a%", True), ("abc", "%c", True),
    ("abc", "_b_", True), ("abc", "__", False), ("abc", "%", True), ("", "%", True),
    ("", "_", False), ("a%c", "a\\%c", True), ("abc", "a\\%c", False), ("a_c", "a\\_c", True),
    ("a\\c", "a\\\\c", True), ("ab", "a\\b", True), ("aaa", "%a%a%a%", True),
    ("aa", "%a%a%a%", False), ("x\ny", "x_y", True), ("Zoë", "Zo_", True),
    ("🎮x", "_x", True), ("mississippi", "%iss%ppi", True), ("mississippi", "m%s%s%x", False),
]


@pytest.mark.parametrize(("value", "pattern", "expected"), LIKES)
def test_like(value: str, pattern: str, expected: bool) -> None:
    assert likematch.like(value, pattern) is expected


def test_ilike_ignores_case_beyond_ascii() -> None:
    assert likematch.sql_ilike("ZOË", "zoë") == 1
    assert likematch.sql_like("ZOË", "zoë") == 0
    assert likematch.sql_like(None, "%") is None


def reference_like(value: str, pattern: str) -> bool:
    out, chars = [], iter(pattern)
    for char in chars:
        if char == "\\":
            out.append(re.escape(next(chars, "")))
        elif char == "%":
            out.append(".*")
        elif char == "_":
            out.append(".")
        else:
            out.append(re.escape(char))
    return re.fullmatch("".join(out), value, re.DOTALL) is not None


@settings(max_examples=300)
@given(value=st.text(alphabet="ab%_\\", max_size=8), pattern=st.text(alphabet="ab%_\\",
                                                                     max_size=6))
def test_like_agrees_with_a_regex_reference(value: str, pattern: str) -> None:
    assert likematch.like(value, pattern) == reference_like(value, pattern)
