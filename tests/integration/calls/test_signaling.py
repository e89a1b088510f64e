"""RealtimeSignaling against the real hub: call rows through REST and ``calls:{user_id}``,
messages through private ``call:{call_id}`` channels."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest

from gfdesk.calls.signaling import ChannelClosed, RealtimeCallChannel, RealtimeSignaling
from gfdesk.calls.signals import Candidate, Description, Hangup, MediaState, SignalError, SignalKind
from gfdesk.calls.states import CallKind, CallRow, CallStatus
from gfdesk.core.connection import ConnectionSupervisor
from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import user_client, user_id
from tests.helpers.supervisors import supervisor_for

OFFER = Description(SignalKind.OFFER, "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                    "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n")


class Side:
    def __init__(self, signaling: RealtimeSignaling, connection: ConnectionSupervisor) -> None:
        self.signaling = signaling
        self.connection = connection
        self.rows: list[CallRow] = []
        self.changed = asyncio.Event()

    def on_row(self, row: CallRow) -> None:
        self.rows.append(row)
        self.changed.set()

    async def wait_row(self, call_id: str, status: CallStatus) -> CallRow:
        async with asyncio.timeout(10):
            while True:
                for row in self.rows:
                    if row.id == call_id and row.status is status:
                        return row
                self.changed.clear()
                await self.changed.wait()


@pytest.fixture
async def sides(hub: RunningHub) -> AsyncIterator[dict[str, Side]]:
    made: dict[str, Side] = {}
    for name in ("ada", "bob"):
        client = await user_client(hub, f"{name}@example.com", username=name)
        connection = supervisor_for(client)
        connection.start()
        made[name] = Side(RealtimeSignaling(client, connection, await user_id(client)),
                          connection)
    try:
        yield made
    finally:
        for side in made.values():
            await side.signaling.close()
            await side.connection.aclose()


async def _listen(side: Side) -> None:
    await side.signaling.connect(side.on_row)
    await side.signaling.wait_live()


async def test_both_parties_hear_every_status_of_a_call_on_their_own_topic(
        sides: dict[str, Side]) -> None:
    ada, bob = sides["ada"], sides["bob"]
    await _listen(ada)
    await _listen(bob)
    call_id = str(uuid.uuid4())
    placed = await ada.signaling.place(call_id, bob.signaling.user_id, CallKind.VIDEO)
    assert placed.status is CallStatus.RINGING and placed.kind is CallKind.VIDEO
    assert (await bob.wait_row(call_id, CallStatus.RINGING)).caller_id == ada.signaling.user_id
    await ada.wait_row(call_id, CallStatus.RINGING)  # the caller_id binding

    accepted = await bob.signaling.move(call_id, CallStatus.ACCEPTED)
    assert accepted is not None and accepted.answered_at is not None
    assert accepted.ended_at is None
    await ada.wait_row(call_id, CallStatus.ACCEPTED)
    ended = await ada.signaling.move(call_id, CallStatus.ENDED)
    assert ended is not None and ended.ended_at is not None
    await bob.wait_row(call_id, CallStatus.ENDED)


async def test_a_move_from_the_wrong_status_changes_nothing(sides: dict[str, Side]) -> None:
    ada, bob = sides["ada"], sides["bob"]
    call_id = str(uuid.uuid4())
    await ada.signaling.place(call_id, bob.signaling.user_id, CallKind.AUDIO)
    assert await ada.signaling.move(call_id, CallStatus.MISSED) is not None
    # The callee accepting after the caller's missed timer fired: one winner.
    assert await bob.signaling.move(call_id, CallStatus.ACCEPTED) is None
    assert await bob.signaling.move(call_id, CallStatus.DECLINED) is None


async def test_a_call_that_rang_while_we_were_away_comes_with_the_first_gap_fill(
        sides: dict[str, Side]) -> None:
    ada, bob = sides["ada"], sides["bob"]
    rang = str(uuid.uuid4())
    over = str(uuid.uuid4())
    await ada.signaling.place(over, bob.signaling.user_id, CallKind.VIDEO)
    await ada.signaling.move(over, CallStatus.ENDED)
    await ada.signaling.place(rang, bob.signaling.user_id, CallKind.VIDEO)
    await _listen(bob)
    assert [(r.id, r.status) for r in bob.rows] == [(rang, CallStatus.RINGING)]


async def _channels(sides: dict[str, Side], call_id: str, *, max_queued: int = 256
                    ) -> tuple[RealtimeCallChannel, RealtimeCallChannel]:
    # call:{id} is private: only the caller and callee of a calls row may join it.
    await sides["ada"].signaling.place(call_id, sides["bob"].signaling.user_id, CallKind.AUDIO)
    sender = RealtimeCallChannel(sides["ada"].connection, call_id)
    receiver = RealtimeCallChannel(sides["bob"].connection, call_id, max_queued=max_queued)
    await sender.connect()
    await receiver.connect()
    return sender, receiver


async def test_messages_that_arrive_before_anyone_reads_are_kept_in_order(
        sides: dict[str, Side]) -> None:
    sender, receiver = await _channels(sides, str(uuid.uuid4()))
    sent = [OFFER, Candidate("candidate:1 1 udp 2122260223 10.0.0.1 50000 typ host", "0", 0),
            Candidate(""), MediaState(True, False), Hangup("bye")]
    for signal in sent:
        await sender.send(signal)
    async with asyncio.timeout(10):
        await receiver.wait_waiting(len(sent))  # all of them came before any was read
    received = [await receiver.receive() for _ in sent]
    assert received == sent
    await receiver.close()
    with pytest.raises(ChannelClosed):
        await receiver.receive()
    await sender.close()


async def test_malformed_messages_are_refused_in_their_place_in_the_stream(
        sides: dict[str, Side]) -> None:
    call_id = str(uuid.uuid4())
    sender, receiver = await _channels(sides, call_id)
    handle = next(h for h in sides["ada"].connection.subscriptions
                  if h.topic == f"call:{call_id}")
    await sender.send(MediaState(True, True))
    await handle.channel.send_broadcast("ice", {"candidate": "candidate:junk", "sdpMid": "0"})
    await sender.send(Hangup())
    assert await receiver.receive() == MediaState(True, True)
    with pytest.raises(SignalError, match="too few fields"):
        await receiver.receive()
    assert await receiver.receive() == Hangup()
    await receiver.close()
    await sender.close()


async def test_a_flood_the_reader_cannot_keep_up_with_ends_in_an_error(
        sides: dict[str, Side]) -> None:
    sender, receiver = await _channels(sides, str(uuid.uuid4()), max_queued=8)
    for _ in range(12):
        await sender.send(MediaState(True, True))
    await sender.send(Hangup("after the flood"))
    async with asyncio.timeout(10):
        await receiver.wait_waiting(9)
    kept = [await receiver.receive() for _ in range(8)]
    assert kept == [MediaState(True, True)] * 8
    with pytest.raises(SignalError, match="more than 8 messages waiting"):
        await receiver.receive()
    await receiver.close()
    await sender.close()
