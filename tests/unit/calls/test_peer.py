"""gfdesk.calls.peer: two real aiortc peers in one process, each on its media thread,
exchanging offer, answer and candidates directly (no signalling server)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator

import pytest

from gfdesk.calls.callmedia import CallMedia, synthetic
from gfdesk.calls.peer import MAX_EARLY_CANDIDATES, CallPeer, PeerConfig, PeerState
from gfdesk.calls.peerthread import PeerThread
from gfdesk.calls.signals import Candidate, Description, SignalError, SignalKind
from gfdesk.calls.states import CallInfo, CallKind, CallState, Direction
from gfdesk.config import IceServer

INFO = CallInfo("c", Direction.OUTGOING, CallKind.VIDEO, "b", CallState.RINGING)


class Side:
    def __init__(self, thread: PeerThread, config: PeerConfig) -> None:
        self.thread = thread
        self.media: CallMedia = synthetic(160, 120, 30)(INFO)
        self.states: list[PeerState] = []
        self.connected = asyncio.Event()
        self.peer = CallPeer(thread, config, self.media, video=True, on_state=self._state)

    def _state(self, state: PeerState) -> None:
        self.states.append(state)
        if state is PeerState.CONNECTED:
            self.connected.set()


@pytest.fixture
async def pair() -> AsyncIterator[tuple[Side, Side]]:
    threads = [PeerThread("media-a"), PeerThread("media-b")]
    for thread in threads:
        thread.start()
    sides = (Side(threads[0], PeerConfig()), Side(threads[1], PeerConfig()))
    yield sides
    for side in sides:
        await side.peer.close()
        await side.thread.stop()


def test_no_ice_servers_is_an_explicit_empty_list_and_turn_keeps_its_credentials() -> None:
    assert PeerConfig().rtc_configuration().iceServers == []
    config = PeerConfig((IceServer(("stun:s.example:3478",)),
                         IceServer(("turn:t.example:3478",), "u", "p")), relay_only=True)
    rtc = config.rtc_configuration()
    assert [(s.urls, s.username, s.credential) for s in rtc.iceServers or []] == [
        (["stun:s.example:3478"], None, None), (["turn:t.example:3478"], "u", "p")]
    assert rtc.iceTransportPolicy.value == "relay" and rtc.bundlePolicy.value == "max-bundle"


async def _until_connected(a: Side, b: Side) -> None:
    async with asyncio.timeout(20):
        await a.connected.wait()
        await b.connected.wait()


async def test_candidates_inside_the_sdp_connect_the_peers(pair: tuple[Side, Side]) -> None:
    a, b = pair
    offer = await a.peer.offer()
    assert "a=candidate:" in offer.sdp
    answer = await b.peer.answer(offer)
    await a.peer.accept_answer(answer)
    await _until_connected(a, b)
    assert (a.peer.video_codec, b.peer.video_codec) == ("VP8", "VP8")
    stats = await a.peer.stats()
    assert stats.frames_sent >= 0 and stats.rtt_ms is None or stats.rtt_ms >= 0  # type: ignore[operator]


async def test_candidates_that_come_before_the_sdp_wait_for_it(
        pair: tuple[Side, Side]) -> None:
    a, b = pair
    offer = await a.peer.offer()
    lines = re.findall(r"^a=(candidate:.*)\r$", offer.sdp, re.MULTILINE)
    bare = Description(SignalKind.OFFER, re.sub(r"a=(candidate:.*|end-of-candidates)\r\n", "",
                                                offer.sdp))
    for line in lines:
        await b.peer.add_candidate(Candidate(line, "0", 0))  # all before the offer
    await b.peer.add_candidate(Candidate("", "0", 0))
    await a.peer.accept_answer(await b.peer.answer(bare))
    await _until_connected(a, b)


async def test_what_the_peer_cannot_use_is_a_signal_error(pair: tuple[Side, Side]) -> None:
    a, b = pair
    with pytest.raises(SignalError, match="answer before our offer"):
        await b.peer.accept_answer(Description(SignalKind.ANSWER, "v=0\r\nm=audio 9\r\n"))
    with pytest.raises(SignalError, match="offer could not be used"):
        await b.peer.answer(Description(SignalKind.OFFER, "v=0\r\nm=video 9 RTP/AVP\r\n"))
    for n in range(MAX_EARLY_CANDIDATES):
        await a.peer.add_candidate(Candidate(f"candidate:{n} 1 udp 1 10.0.0.1 {n + 1} typ host",
                                             "0", 0))
    with pytest.raises(SignalError, match="candidates before the session description"):
        await a.peer.add_candidate(Candidate("candidate:x 1 udp 1 10.0.0.1 9 typ host", "0", 0))
