"""Step-wise JSON parsing of large frames (``gfdesk.core.chunkedjson``) and the realtime
client's large-frame path built on it."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from realtime.message import PresenceStateMessage, ReplyMessage

from gfdesk.core.chunkedjson import ChunkedJsonError, aloads_object, iter_object, loads_object
from gfdesk.core.realtimeclient import _parse_large

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20)


@given(st.dictionaries(st.text(), JSON_VALUES), st.sampled_from([None, 0, 2]))
def test_it_parses_any_object_as_json_loads_does(value: dict, indent: int | None) -> None:
    text = json.dumps({"topic": "t", "payload": value}, indent=indent)
    assert loads_object(text) == json.loads(text)


def test_it_yields_while_walking_a_large_payload() -> None:
    payload = {f"k{i}": {"metas": [{"n": i}]} for i in range(5000)}
    steps = iter_object(json.dumps({"event": "e", "payload": payload}))
    yields = 0
    try:
        while True:
            next(steps)
            yields += 1
    except StopIteration as done:
        assert done.value["payload"] == payload
    assert yields >= 5000 // 256


@pytest.mark.parametrize("text", ["[1, 2]", "{", '{"a": 1,}', '{"a" 1}', '{"a": 1} x', "",
                                  b"\xff"])
def test_it_rejects_what_is_not_one_json_object(text: str | bytes) -> None:
    with pytest.raises(ChunkedJsonError):
        loads_object(text)


async def test_the_async_form_gives_the_same_object() -> None:
    payload = {str(i): [i, "x" * 10] for i in range(3000)}
    text = json.dumps({"payload": payload})
    assert await aloads_object(text, budget_s=0.0) == {"payload": payload}


async def test_a_large_presence_state_becomes_the_library_message_without_validation() -> None:
    state = {f"user-{i}": {"metas": [{"user_id": f"user-{i}", "phx_ref": f"r{i}"}]}
             for i in range(2000)}
    raw = json.dumps({"topic": "realtime:presence:online", "event": "presence_state",
                      "payload": state, "ref": None})
    message = await _parse_large(raw)
    assert isinstance(message, PresenceStateMessage)
    assert message.topic == "realtime:presence:online"
    assert message.payload == state


async def test_other_large_frames_are_still_validated() -> None:
    raw = json.dumps({"topic": "realtime:x", "event": "phx_reply", "ref": "1",
                      "payload": {"status": "ok", "response": {"big": "y" * 300_000}}})
    message = await _parse_large(raw)
    assert isinstance(message, ReplyMessage)
    assert message.payload.status == "ok"


def test_bytes_are_decoded_in_slices_even_across_a_character(monkeypatch: object) -> None:
    import pytest as _pytest

    from gfdesk.core import chunkedjson

    mp = _pytest.MonkeyPatch()
    mp.setattr(chunkedjson, "DECODE_SLICE_BYTES", 3)  # "é" (2 bytes) straddles slices
    try:
        text = '{"payload": {"a": "héé☃", "b": [1, 2]}, "topic": "t"}'
        steps = chunkedjson.iter_object(text.encode("utf-8"))
        yields = 0
        while True:
            try:
                next(steps)
            except StopIteration as done:
                result = done.value
                break
            yields += 1
        assert result == {"payload": {"a": "héé☃", "b": [1, 2]}, "topic": "t"}
        assert yields >= len(text.encode("utf-8")) // 3  # one per slice, at least
        with _pytest.raises(chunkedjson.ChunkedJsonError):
            chunkedjson.loads_object(b'{"a": "\\xff"}'.replace(b"\\xff", b"\xff"))
    finally:
        mp.undo()
