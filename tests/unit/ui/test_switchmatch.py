"""The quick switcher's matching: plain substring, case-insensitive, best first, bounded."""

from __future__ import annotations

import pytest

from gfdesk.feature import SwitcherEntry, SwitcherKind
from gfdesk.ui.switchmatch import MAX_QUERY, match, normalise


def entry(title: str, detail: str = "", kind: SwitcherKind = SwitcherKind.FRIEND
          ) -> SwitcherEntry:
    return SwitcherEntry(kind, title, title, detail)


ENTRIES = [entry("Squad Night", "Group", SwitcherKind.CONVERSATION),
           entry("NovaStrike", "Playing Neon Drift"),
           entry("Neon Clash Cup", "Neon Drift · Live", SwitcherKind.TOURNAMENT),
           entry("supernova"),
           entry("Pixel Paladin")]


@pytest.mark.parametrize(("query", "titles"), [
    ("", ["Squad Night", "NovaStrike", "Neon Clash Cup", "supernova", "Pixel Paladin"]),
    ("nova", ["NovaStrike", "supernova"]),           # start of title, then inside
    ("NOVA", ["NovaStrike", "supernova"]),           # case does not matter
    ("night", ["Squad Night"]),                      # start of a word
    ("neon", ["Neon Clash Cup", "NovaStrike"]),      # a title, then a detail line
    ("  pixel   paladin ", ["Pixel Paladin"]),       # spaces collapse
    (".*", []), ("[", []), ("(a|b)", []), ("%", []),  # nothing is a pattern
    ("zzz", []),
])
def test_matches_best_first(query: str, titles: list[str]) -> None:
    assert [e.title for e in match(ENTRIES, query)] == titles


def test_the_result_is_bounded_and_keeps_the_source_order_within_a_rank() -> None:
    many = [entry(f"player {n}") for n in range(500)]
    found = match(many, "player", limit=20)
    assert [e.title for e in found] == [f"player {n}" for n in range(20)]
    assert len(match(many, "", limit=7)) == 7


def test_a_long_query_is_cut() -> None:
    assert len(normalise("x" * (MAX_QUERY * 10))) == MAX_QUERY
