"""Pure presence state: refs, diffs, updates, keys (spec 4.2, 4.3)."""

from __future__ import annotations

import itertools
import re
import uuid

from hypothesis import given
from hypothesis import strategies as st

from gfdesk.hub.realtime.presence import PresenceDiff, TopicPresence, presence_key, random_ref


def _refs() -> TopicPresence:
    counter = itertools.count(1)
    return TopicPresence(make_ref=lambda: f"ref{next(counter)}")


def test_random_ref_is_16_url_safe_characters() -> None:
    refs = {random_ref() for _ in range(100)}
    assert len(refs) == 100
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{16}", r) for r in refs)


def test_track_joins_with_phx_ref() -> None:
    presence = _refs()
    diff = presence.track("chan1", "alice", {"name": "alice"})
    assert diff == PresenceDiff(joins={"alice": {"metas": [{"name": "alice",
                                                            "phx_ref": "ref1"}]}})
    assert diff.payload() == {"joins": diff.joins, "leaves": {}}
    assert presence.state() == {"alice": {"metas": [{"name": "alice", "phx_ref": "ref1"}]}}


def test_same_payload_again_is_no_diff() -> None:
    presence = _refs()
    presence.track("c", "k", {"a": 1})
    assert presence.track("c", "k", {"a": 1}) is None


def test_update_leaves_old_meta_and_joins_new_with_phx_ref_prev() -> None:
    presence = _refs()
    presence.track("c", "k", {"s": "online"})
    diff = presence.track("c", "k", {"s": "away"})
    assert diff == PresenceDiff(
        joins={"k": {"metas": [{"s": "away", "phx_ref": "ref2", "phx_ref_prev": "ref1"}]}},
        leaves={"k": {"metas": [{"s": "online", "phx_ref": "ref1"}]}})


def test_untrack_leaves_and_unknown_owner_is_none() -> None:
    presence = _refs()
    presence.track("c", "k", {"s": 1})
    assert presence.untrack("c") == PresenceDiff(leaves={"k": {"metas": [{"s": 1,
                                                                          "phx_ref": "ref1"}]}})
    assert presence.untrack("c") is None
    assert presence.state() == {}


def test_one_key_on_two_channels_has_two_metas() -> None:
    presence = _refs()
    presence.track("phone", "user-1", {"device": "phone"})
    presence.track("desk", "user-1", {"device": "desk"})
    assert [m["device"] for m in presence.state()["user-1"]["metas"]] == ["phone", "desk"]


def test_client_cannot_forge_refs() -> None:
    presence = _refs()
    diff = presence.track("c", "k", {"phx_ref": "forged", "phx_ref_prev": "x", "v": 1})
    assert diff is not None
    assert diff.joins["k"]["metas"] == [{"v": 1, "phx_ref": "ref1"}]


def test_presence_key_defaults_to_a_uuid1_and_stringifies_scalars() -> None:
    assert uuid.UUID(presence_key("")).version == 1
    assert uuid.UUID(presence_key(None)).version == 1
    assert presence_key(42) == "42"
    assert presence_key("user-1") == "user-1"
    assert presence_key(True) == "true"


@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.booleans(),
                          st.integers(0, 3)), max_size=30))
def test_diffs_replayed_by_a_client_give_the_state(ops: list[tuple[str, bool, int]]) -> None:
    """Applying every diff the way the clients do reproduces ``state()``."""
    presence = TopicPresence()
    seen: dict[str, dict[str, dict[str, object]]] = {}
    for owner, track, value in ops:
        diff = presence.track(owner, f"key-{owner}", {"v": value}) if track \
            else presence.untrack(owner)
        if diff is None:
            continue
        for key, entry in diff.leaves.items():
            for meta in entry["metas"]:
                seen.get(key, {}).pop(str(meta["phx_ref"]), None)
        for key, entry in diff.joins.items():
            for meta in entry["metas"]:
                seen.setdefault(key, {})[str(meta["phx_ref"])] = meta
    expected = {k: sorted(m.values(), key=str) for k, m in seen.items() if m}
    actual = {k: sorted(e["metas"], key=str) for k, e in presence.state().items()}
    assert actual == expected
