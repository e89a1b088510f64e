"""The callee engine against a caller that behaves like other WebRTC stacks: one that
sends its offer before the row says accepted, and one that trickles its candidates
(before and after its SDP) as libwebrtc does, instead of putting them in the SDP."""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

import pytest

from gfdesk.calls.callmedia import synthetic
from gfdesk.calls.peer import CallPeer, PeerConfig, PeerState
from gfdesk.calls.peerthread import PeerThread
from gfdesk.calls.signaling import CallChannel
from gfdesk.calls.signals import Candidate, Description, Hangup, SignalKind
from gfdesk.calls.states import CallInfo, CallKind, CallState, CallStatus, Direction
from tests.helpers.callworld import CallWorld, Party

pytestmark = pytest.mark.slow

_CANDIDATE = re.compile(r"^a=(candidate:.*)$", re.MULTILINE)


@dataclass
class RawCaller:
    """A caller made of the signalling and peer pieces, without the engine's rules."""

    party: Party
    channel: CallChannel
    thread: PeerThread
    peer: CallPeer
    states: list[PeerState]


@pytest.fixture
async def raw_callers() -> AsyncIterator[list[RawCaller]]:
    made: list[RawCaller] = []
    yield made
    for raw in made:
        await raw.peer.close()
        await raw.channel.close()
        await raw.thread.stop()


async def _raw_call(world: CallWorld, made: list[RawCaller]
                    ) -> tuple[Party, RawCaller, Description]:
    """Ada (raw) places a call to bob (an engine) and makes her offer; bob rings."""
    ada = await world.party("ada")
    bob = await world.party("bob")
    raw = await _raw_caller(ada, bob, made)
    offer = await raw.peer.offer()
    await bob.wait_state(CallState.RINGING)
    return bob, raw, offer


async def _raw_caller(party: Party, callee: Party, made: list[RawCaller]) -> RawCaller:
    call_id = str(uuid.uuid4())
    await party.signaling.place(call_id, callee.user_id, CallKind.VIDEO)
    channel = party.signaling.channel(call_id)
    await channel.connect()
    thread = PeerThread("raw-caller")
    thread.start()
    info = CallInfo(call_id, Direction.OUTGOING, CallKind.VIDEO, callee.user_id,
                    CallState.RINGING)
    states: list[PeerState] = []
    peer = CallPeer(thread, PeerConfig(), synthetic(320, 240, 30)(info), video=True,
                    on_state=states.append)
    raw = RawCaller(party, channel, thread, peer, states)
    made.append(raw)
    return raw


def _hold_move(party: Party, before: Callable[[], Awaitable[None]]) -> None:
    """Make ``party``'s next row move wait for ``before()`` first."""
    original = party.signaling.move

    async def move(call_id: str, status: CallStatus) -> object:
        party.signaling.move = original  # type: ignore[method-assign]
        await before()
        return await original(call_id, status)

    party.signaling.move = move  # type: ignore[method-assign]


async def _answer_of(raw: RawCaller) -> Description:
    async with asyncio.timeout(20):
        while True:
            signal = await raw.channel.receive()
            if isinstance(signal, Description) and signal.kind is SignalKind.ANSWER:
                return signal


async def _finish(bob: Party, raw: RawCaller) -> None:
    since = time.monotonic()
    assert len(await bob.wait_pictures(10, after=since)) >= 10
    await bob.engine.hang_up()
    async with asyncio.timeout(10):
        while not isinstance(await raw.channel.receive(), Hangup):
            pass
    await bob.engine.wait_idle()


async def test_the_callee_keeps_an_offer_that_came_before_it_accepted(
        call_world: CallWorld, raw_callers: list[RawCaller]) -> None:
    bob, raw, offer = await _raw_call(call_world, raw_callers)
    answers: list[Description] = []

    async def offer_first() -> None:
        # Bob has joined the call's channel but not yet written "accepted": the offer
        # comes now, and bob answers it.
        await raw.channel.send(offer)
        answers.append(await _answer_of(raw))

    _hold_move(bob, offer_first)
    await bob.engine.accept()
    assert bob.info is not None and bob.info.state is not CallState.ENDED
    await raw.peer.accept_answer(answers[0])
    await bob.wait_state(CallState.CONNECTED)
    await _finish(bob, raw)


async def test_candidates_trickled_before_and_after_the_sdp_are_all_used(
        call_world: CallWorld, raw_callers: list[RawCaller]) -> None:
    bob, raw, offer = await _raw_call(call_world, raw_callers)
    lines = _CANDIDATE.findall(offer.sdp)
    assert lines, "aiortc put no candidate into its offer"
    bare = Description(SignalKind.OFFER, re.sub(r"a=(candidate:.*|end-of-candidates)\r\n", "",
                                                offer.sdp))
    assert "a=candidate" not in bare.sdp
    await bob.engine.accept()  # returns once bob joined and wrote "accepted"
    first, rest = lines[0], lines[1:]
    await raw.channel.send(Candidate(first.strip(), "0", 0))  # before the SDP
    await raw.channel.send(bare)
    for line in rest:
        await raw.channel.send(Candidate(line.strip(), "0", 0))  # after it
    await raw.channel.send(Candidate("", "0", 0))  # end of candidates
    await raw.peer.accept_answer(await _answer_of(raw))
    await bob.wait_state(CallState.CONNECTED)
    await _finish(bob, raw)
