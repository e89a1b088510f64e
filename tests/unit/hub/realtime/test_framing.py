"""Phoenix framing: V1 objects, V2 arrays, kind-3/kind-4 binary frames (spec 2.2, 2.3)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gfdesk.hub.realtime.framing import (
    Frame,
    FrameError,
    Version,
    decode_binary,
    decode_text,
    dumps,
    encode,
    encode_user_broadcast,
    encode_user_broadcast_push,
    ws_frame,
)

#: The spec's capture of supabase-js ``send({type:'broadcast', event:'msg', ...})``.
CAPTURED_KIND3 = bytes.fromhex("0301010e030001") + b'67realtime:room1msg{"hello":"world"}'


def test_v1_decode_reads_the_python_clients_frame() -> None:
    text = ('{"event":"phx_leave","payload":{},"topic":"realtime:room1","ref":"5",'
            '"join_ref":"1"}')
    assert decode_text(text, Version.V1) == Frame("realtime:room1", "phx_leave", {}, "5", "1")


def test_v1_join_ref_is_optional_and_ref_may_be_null() -> None:
    frame = decode_text('{"topic":"phoenix","event":"heartbeat","payload":{},"ref":null}',
                        Version.V1)
    assert frame.ref is None and frame.join_ref is None


def test_v2_decode_reads_the_js_clients_array() -> None:
    assert decode_text('["6","10","realtime:room1","phx_leave",{}]', Version.V2) == Frame(
        "realtime:room1", "phx_leave", {}, "10", "6")


@pytest.mark.parametrize(("text", "version"), [
    ("[]", Version.V1), ('{"topic":"t","event":"e","payload":{}}', Version.V1),
    ('{"topic":"t","event":"e","ref":null}', Version.V1),
    ('["1","2","t","e"]', Version.V2), ('{"topic":"t"}', Version.V2),
    ('[null,null,5,"e",{}]', Version.V2), ('[null,[],"t","e",{}]', Version.V2),
    ("NaN", Version.V1), ('{"a":1e999}', Version.V1), ("[" * 100000, Version.V1),
    ("\ud800", Version.V1),
])
def test_malformed_text_frames_are_refused_with_frame_error(text: str,
                                                            version: Version) -> None:
    with pytest.raises(FrameError):
        decode_text(text, version)


def test_kind3_capture_decodes_to_a_broadcast_push() -> None:
    frame = decode_binary(CAPTURED_KIND3, Version.V2)
    assert frame == Frame("realtime:room1", "broadcast", {
        "type": "broadcast", "event": "msg", "payload": {"hello": "world"}}, "7", "6")


def test_kind3_encoder_reproduces_the_capture() -> None:
    assert encode_user_broadcast_push("6", "7", "realtime:room1", "msg",
                                      b'{"hello":"world"}') == CAPTURED_KIND3


def test_kind3_with_raw_payload_keeps_the_bytes() -> None:
    data = encode_user_broadcast_push("1", "2", "realtime:r", "blob", b"\x00\xff",
                                      json_payload=False)
    frame = decode_binary(data, Version.V2)
    assert frame.binary_payload == b"\x00\xff" and frame.payload["event"] == "blob"


@pytest.mark.parametrize("data", [
    b"", b"\x04abc", b"\x03\x01", CAPTURED_KIND3[:20], b"\x03\x00\x00\x00\x00\x00\x07",
    b"\x03\x01\x00\x00\x00\x00\x01\xff"])
def test_bad_binary_frames_are_refused(data: bytes) -> None:
    with pytest.raises(FrameError):
        decode_binary(data, Version.V2)


def test_binary_frames_need_v2() -> None:
    with pytest.raises(FrameError):
        decode_binary(CAPTURED_KIND3, Version.V1)


def test_kind4_layout() -> None:
    assert encode_user_broadcast("realtime:r", "ev", b"{}", json_payload=True) == \
        bytes([4, 10, 2, 0, 1]) + b"realtime:rev{}"


def test_v1_output_has_exactly_four_keys_and_v2_five_elements() -> None:
    v1 = json.loads(encode(Version.V1, "1", "2", "realtime:r", "phx_reply", '{"status":"ok"}'))
    assert v1 == {"topic": "realtime:r", "event": "phx_reply", "payload": {"status": "ok"},
                  "ref": "2"}
    v2 = json.loads(encode(Version.V2, "1", None, "realtime:r", "broadcast", "{}"))
    assert v2 == ["1", None, "realtime:r", "broadcast", {}]


def test_dumps_refuses_what_a_client_could_not_parse() -> None:
    with pytest.raises(FrameError):
        dumps({"s": "\ud800"})
    with pytest.raises(FrameError):
        dumps({"f": float("nan")})


@pytest.mark.parametrize("size", [0, 125, 126, 65535, 65536])
def test_ws_frame_header_lengths(size: int) -> None:
    frame = ws_frame(b"x" * size)
    assert frame[0] == 0x81
    header = 2 if size < 126 else 4 if size < 65536 else 10
    assert len(frame) == header + size
    if size >= 126:
        assert frame[1] == (126 if size < 65536 else 127)
        assert int.from_bytes(frame[2:header], "big") == size


@given(topic=st.text(max_size=30), event=st.text(max_size=30),
       payload=st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5)),
       ref=st.none() | st.text(max_size=5), v2=st.booleans())
def test_encode_round_trips_through_decode(topic: str, event: str, payload: dict[str, object],
                                           ref: str | None, v2: bool) -> None:
    try:
        payload_json = dumps(payload)
        text = encode(Version.V2 if v2 else Version.V1, "j", ref, topic, event, payload_json)
        text.encode("utf-8")
    except (FrameError, UnicodeEncodeError):
        return  # lone surrogates: refused before they reach a socket
    frame = decode_text(text, Version.V2 if v2 else Version.V1)
    assert (frame.topic, frame.event, frame.payload, frame.ref) == (topic, event, payload, ref)
