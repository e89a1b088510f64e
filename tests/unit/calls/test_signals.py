"""gfdesk.calls.signals: what the other side may send, and what is refused."""

from __future__ import annotations

from typing import Any

import pytest

from gfdesk.calls.signals import (
    MAX_CANDIDATE_CHARS,
    MAX_SDP_CHARS,
    Candidate,
    Description,
    Hangup,
    MediaState,
    SignalError,
    SignalKind,
    parse_signal,
    signal_payload,
)

SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
#: As Chromium trickles them (RTCIceCandidate.toJSON()).
CHROME_HOST = ("candidate:2395300328 1 udp 2122260223 10.0.0.2 56143 typ host generation 0 "
               "ufrag EsAw network-id 1")
CHROME_MDNS = ("candidate:1 1 udp 2122262783 4c0a1a7e-3c1b-4b9c-9a0e-5f1d2c3b4a59.local "
               "50391 typ host generation 0 ufrag EsAw network-id 2")
CHROME_SRFLX = ("candidate:842163049 1 udp 1677729535 203.0.113.7 47523 typ srflx raddr "
                "10.0.0.2 rport 56143 generation 0 ufrag EsAw network-cost 999")
TCP = "candidate:3 1 tcp 1518280447 10.0.0.2 9 typ host tcptype active generation 0"


@pytest.mark.parametrize(("event", "payload", "expected"), [
    ("offer", {"type": "offer", "sdp": SDP}, Description(SignalKind.OFFER, SDP)),
    ("answer", {"type": "answer", "sdp": SDP}, Description(SignalKind.ANSWER, SDP)),
    ("ice", {"candidate": CHROME_HOST, "sdpMid": "0", "sdpMLineIndex": 0,
             "usernameFragment": "EsAw"}, Candidate(CHROME_HOST, "0", 0)),
    ("ice", {"candidate": CHROME_MDNS, "sdpMid": "0", "sdpMLineIndex": 0},
     Candidate(CHROME_MDNS, "0", 0)),
    ("ice", {"candidate": CHROME_SRFLX, "sdpMid": None, "sdpMLineIndex": 1},
     Candidate(CHROME_SRFLX, None, 1)),
    ("ice", {"candidate": "a=" + TCP, "sdpMid": "audio"}, Candidate(TCP, "audio", None)),
    ("ice", {"candidate": "", "sdpMid": "0", "sdpMLineIndex": 0}, Candidate("", "0", 0)),
    ("ice", {"candidate": None}, Candidate("")),
    ("media", {"audio": False, "video": True}, MediaState(False, True)),
    ("hangup", {"reason": "bye"}, Hangup("bye")),
    ("hangup", {}, Hangup("")),
    # Cut at 200 characters, then the unprintable ones left out.
    ("hangup", {"reason": "a\x00b\nc" + "x" * 500}, Hangup("abc" + "x" * 195)),
])
def test_valid_signalling_parses_to_its_message(event: str, payload: Any,
                                                 expected: object) -> None:
    assert parse_signal(event, payload) == expected


@pytest.mark.parametrize(("event", "payload", "reason"), [
    ("renegotiate", {}, "unknown event"),
    ("offer", ["v=0"], "not an object"),
    ("offer", {"type": "answer", "sdp": SDP}, "offer with type 'answer'"),
    ("offer", {"type": "offer"}, "without an sdp string"),
    ("offer", {"type": "offer", "sdp": 5}, "without an sdp string"),
    ("offer", {"type": "offer", "sdp": "hello"}, "not a session description"),
    ("offer", {"type": "offer", "sdp": "v=0\r\ns=-\r\n"}, "not a session description"),
    ("offer", {"type": "offer", "sdp": SDP + "\x00"}, "not a session description"),
    ("offer", {"type": "offer", "sdp": SDP + "a=x\r\n" * (MAX_SDP_CHARS // 5)},
     f"(limit {MAX_SDP_CHARS})"),
    ("ice", {"candidate": CHROME_HOST}, "neither sdpMid nor sdpMLineIndex"),
    ("ice", {"candidate": 7, "sdpMid": "0"}, "without a candidate string"),
    ("ice", {"candidate": CHROME_HOST + " x" * MAX_CANDIDATE_CHARS, "sdpMid": "0"},
     f"(limit {MAX_CANDIDATE_CHARS})"),
    ("ice", {"candidate": "2395300328 1 udp 1 10.0.0.2 1 typ host", "sdpMid": "0"},
     "without the 'candidate:' prefix"),
    ("ice", {"candidate": "candidate:1 1 udp 1 10.0.0.2 1 host", "sdpMid": "0"},
     "too few fields"),
    ("ice", {"candidate": "candidate:1 1 udp 1 10.0.0.2 70000 typ host", "sdpMid": "0"},
     "out-of-range"),
    ("ice", {"candidate": "candidate:1 x udp 1 10.0.0.2 1 typ host", "sdpMid": "0"},
     "non-numeric"),
    ("ice", {"candidate": "candidate:1 1 sctp 1 10.0.0.2 1 typ host", "sdpMid": "0"},
     "unknown transport"),
    ("ice", {"candidate": "candidate:1 1 udp 1 10.0.0.2 1 typ local", "sdpMid": "0"},
     "unknown transport or type"),
    ("ice", {"candidate": "candidate:1 1 udp 1 10.0.0.2 1 typ host raddr", "sdpMid": "0"},
     "odd extension"),
    ("ice", {"candidate": CHROME_HOST, "sdpMid": "0" * 40}, "bad sdpMid"),
    ("ice", {"candidate": CHROME_HOST, "sdpMLineIndex": -1}, "bad sdpMLineIndex"),
    ("ice", {"candidate": CHROME_HOST, "sdpMLineIndex": True}, "bad sdpMLineIndex"),
    ("ice", {"candidate": CHROME_HOST, "sdpMLineIndex": 1000}, "bad sdpMLineIndex"),
    ("media", {"audio": 1, "video": True}, "booleans"),
    ("media", {"audio": True}, "booleans"),
    ("hangup", {"reason": ["x"]}, "not text"),
    ("hangup", {str(n): n for n in range(20)}, "20 keys"),
])
def test_malformed_or_oversized_signalling_is_refused_with_a_reason(
        event: str, payload: Any, reason: str) -> None:
    with pytest.raises(SignalError) as refused:
        parse_signal(event, payload)
    assert reason in str(refused.value)
    assert "10.0.0.2" not in str(refused.value)  # the sender's addresses stay out of logs


@pytest.mark.parametrize("signal", [
    Description(SignalKind.OFFER, SDP), Description(SignalKind.ANSWER, SDP),
    Candidate(CHROME_SRFLX, "0", 0), Candidate(""), MediaState(True, False), Hangup("done"),
])
def test_what_is_sent_parses_back_to_itself(signal: object) -> None:
    event, payload = signal_payload(signal)  # type: ignore[arg-type]
    assert parse_signal(event.value, payload) == signal
