"""gfdesk.hub.realtime.changeindex: eq-filter lookup never misses a matching subscriber."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gfdesk.hub.realtime.changefilter import parse_filter
from gfdesk.hub.realtime.changeindex import TableIndex
from gfdesk.hub.realtime.rowmatch import compile_filter, eq_index_key
from gfdesk.hub.tables import Column, Table

U1 = "0c5c2b7e-1d7e-4d2b-9d0e-3b2f7a1c9e11"
U2 = "7f3a9c1e-2b4d-4e6f-8a0b-1c2d3e4f5a6b"
CALLS = Table("calls", (
    Column("id", "uuid"), Column("caller_id", "uuid"), Column("callee_id", "uuid"),
    Column("round", "int4"), Column("status", "text"), Column("at", "timestamptz"),
), ("id",))


@pytest.mark.parametrize(("text", "key"), [
    (f"caller_id=eq.{U1}", ("caller_id", U1)),
    (f"caller_id=eq.{U1.upper()}", ("caller_id", U1)),
    ("round=eq.007", ("round", 7)),
    ("status=eq.ringing", ("status", "ringing")),
    ("status=neq.ringing", None), ("status=not.eq.x", None), ("round=in.(1)", None),
    ("round=eq.1,status=eq.x", None), ("at=eq.2024-05-01", None), ("", None),
])
def test_which_filters_are_indexed(text: str, key: tuple[str, Any] | None) -> None:
    assert eq_index_key(CALLS, parse_filter(text)) == key


def index_of(subs: dict[str, list[str]]) -> TableIndex[str]:
    index: TableIndex[str] = TableIndex(CALLS)
    for name, filters in subs.items():
        index.add(name, name, [eq_index_key(CALLS, parse_filter(f)) for f in filters])
    return index


def test_the_call_channel_shape_two_eq_bindings_on_two_columns() -> None:
    index = index_of({"alice": [f"callee_id=eq.{U1}", f"caller_id=eq.{U1}"],
                      "bob": [f"callee_id=eq.{U2}", f"caller_id=eq.{U2}"],
                      "scanner": ["status=neq.x"]})
    row = {"id": "c", "caller_id": U1, "callee_id": U2.upper()}
    assert sorted(index.candidates(row)) == ["alice", "bob", "scanner"]
    assert list(index.candidates({"id": "c", "caller_id": U1, "callee_id": U1})) == [
        "scanner", "alice"]
    assert list(index.candidates({"id": "c"})) == ["scanner"]


def test_two_bindings_with_one_filter_are_one_entry_and_leave_cleanly() -> None:
    # INSERT and UPDATE bindings on one filter (the chat channel): leaving raised
    # KeyError ("change feed unsubscribe failed") when the key was entered twice.
    index = index_of({"a": [f"caller_id=eq.{U1}", f"caller_id=eq.{U1}"]})
    assert list(index.candidates({"caller_id": U1})) == ["a"]
    index.remove("a")
    assert len(index) == 0 and list(index.candidates({"caller_id": U1})) == []


def test_remove_and_re_add_clean_up() -> None:
    index = index_of({"a": [f"caller_id=eq.{U1}"], "b": ["status=neq.x"]})
    assert len(index) == 2
    index.add("a", "a", [None])  # re-added, now scanned
    assert list(index.candidates({"caller_id": U2})) == ["b", "a"]
    index.remove("a")
    index.remove("b")
    index.remove("never")
    assert len(index) == 0 and list(index.candidates({"caller_id": U1})) == []


_FILTER = st.sampled_from([
    f"caller_id=eq.{U1}", f"caller_id=eq.{U2.upper()}", f"callee_id=eq.{U2}", "round=eq.1",
    "round=eq.2", "round=gt.1", "status=eq.ringing", "status=eq.Ringing", "",
    "status=neq.ringing", "round=eq.1,status=eq.ringing", "status=not.in.(ringing,x)",
])
_ROW = st.fixed_dictionaries({}, optional={
    "caller_id": st.sampled_from([U1, U2, U1.upper(), None, "junk"]),
    "callee_id": st.sampled_from([U1, U2, None]),
    "round": st.sampled_from([1, 2, None, "1", True]),
    "status": st.sampled_from(["ringing", "Ringing", None, 3]),
})


@given(st.dictionaries(st.sampled_from("abcdefgh"), st.lists(_FILTER, min_size=1, max_size=3)),
       _ROW)
def test_candidates_include_every_subscriber_a_binding_of_which_matches(
        subs: dict[str, list[str]], row: dict[str, Any]) -> None:
    index = index_of(subs)
    candidates = list(index.candidates(row))
    assert len(candidates) == len(set(candidates))
    for name, filters in subs.items():
        if any(compile_filter(CALLS, parse_filter(f))(row) for f in filters):
            assert name in candidates


def test_two_bindings_with_the_same_eq_filter_are_removed_cleanly() -> None:
    # The tournament channel: UPDATE and INSERT on tournament_matches, both filtered by
    # tournament_id=eq.{id}. Leaving it once raised KeyError (the second binding's key
    # was removed again), logged as "change feed unsubscribe failed".
    index = index_of({"viewer": [f"caller_id=eq.{U1}", f"caller_id=eq.{U1}"]})
    assert list(index.candidates({"caller_id": U1})) == ["viewer"]
    index.remove("viewer")
    assert len(index) == 0 and list(index.candidates({"caller_id": U1})) == []
    index.add("viewer", "viewer", [("caller_id", U1)])  # rejoined
    assert list(index.candidates({"caller_id": U1})) == ["viewer"]
