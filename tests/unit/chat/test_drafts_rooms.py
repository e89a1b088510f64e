"""Drafts per conversation (bounded, blank forgets) and group titles."""

from __future__ import annotations

import pytest

from gfdesk.chat.drafts import MAX_DRAFT_CHARS, Drafts
from gfdesk.chat.rooms import TITLE_MAX_CHARS, clean_title


def test_drafts_are_kept_per_conversation_and_bounded() -> None:
    drafts = Drafts(capacity=3)
    for n in range(5):
        drafts.put(f"c{n}", f"text {n}")
    assert len(drafts) == 3 and drafts.get("c0") == "" and drafts.get("c4") == "text 4"
    drafts.put("c2", "   ")
    assert drafts.get("c2") == "" and len(drafts) == 2
    drafts.put("c9", "y" * (MAX_DRAFT_CHARS + 10))
    assert len(drafts.get("c9")) == MAX_DRAFT_CHARS


@pytest.mark.parametrize(("title", "kept"), [
    ("  Friday \n Squad ", "Friday Squad"), ("x" * TITLE_MAX_CHARS, "x" * TITLE_MAX_CHARS)])
def test_titles_are_one_trimmed_line(title: str, kept: str) -> None:
    assert clean_title(title) == kept


@pytest.mark.parametrize("title", ["", "   ", "x" * (TITLE_MAX_CHARS + 1)])
def test_bad_titles_are_explained(title: str) -> None:
    with pytest.raises(ValueError):
        clean_title(title)
