"""``gfdesk://`` links are read strictly: three kinds, a UUID, nothing else."""

from __future__ import annotations

import pytest

from gfdesk.desktop.links import LinkError, is_link, link_for, parse_link
from gfdesk.targets import Target, TargetKind

ID = "0b6f4f0e-5a43-4c1a-9a55-2f1e6f7f3a10"


@pytest.mark.parametrize(("link", "kind"), [
    (f"gfdesk://conversation/{ID}", TargetKind.CONVERSATION),
    (f"gfdesk://tournament/{ID}", TargetKind.TOURNAMENT),
    (f"gfdesk://call/{ID}", TargetKind.CALL),
    (f"GFDESK://Call/{ID.upper()}", TargetKind.CALL),
    (f"gfdesk://call/{ID}/", TargetKind.CALL),
])
def test_the_three_kinds_open_their_target(link: str, kind: TargetKind) -> None:
    assert parse_link(link) == Target(kind, ID)


@pytest.mark.parametrize(("link", "reason"), [
    (f"https://conversation/{ID}", "not a gfdesk:// link"),
    (f"gfdesk:conversation/{ID}", "not a gfdesk:// link"),
    (f"gfdesk://friend_request/{ID}", "unknown kind"),
    ("gfdesk://conversation/notauuid", "not a UUID"),
    ("gfdesk://conversation/0b6f4f0e5a434c1a9a552f1e6f7f3a10", "not a UUID"),
    (f"gfdesk://conversation/{{{ID}}}", "not a UUID"),
    (f"gfdesk://conversation/{ID}?x=1", "no query"),
    (f"gfdesk://conversation/{ID}#top", "no query"),
    (f"gfdesk://user@conversation/{ID}", "no query"),
    (f"gfdesk://conversation:80/{ID}", "no query"),
    (f"gfdesk://conversation/%2e%2e/{ID}", "no query"),
    (f"gfdesk://conversation/{ID}/extra", "expected gfdesk://<kind>/<id>"),
    (f"gfdesk://conversation//{ID}", "expected gfdesk://<kind>/<id>"),
    (f"gfdesk://conversation/ {ID}", "spaces"),
    (f"gfdesk://conversation/{ID}\n", "spaces"),
    ("gfdesk://conversation", "expected gfdesk://<kind>/<id>"),
    ("gfdesk://", "expected gfdesk://<kind>/<id>"),
    ("gfdesk://" + "a" * 300, "longer than"),
])
def test_anything_else_is_refused_with_a_reason(link: str, reason: str) -> None:
    with pytest.raises(LinkError, match=reason.replace("?", r"\?")):
        parse_link(link)


def test_is_link_tells_links_from_other_arguments() -> None:
    assert is_link(f"gfdesk://call/{ID}")
    assert is_link("GFDESK://nonsense")
    assert not is_link("--demo")
    assert not is_link(f"https://x/{ID}")


def test_link_for_is_the_inverse_of_parse_link() -> None:
    for kind in (TargetKind.CONVERSATION, TargetKind.TOURNAMENT, TargetKind.CALL):
        assert parse_link(link_for(Target(kind, ID))) == Target(kind, ID)
    with pytest.raises(LinkError):
        link_for(Target(TargetKind.FRIEND_REQUEST, ID))
