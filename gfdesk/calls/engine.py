"""The calls of one signed-in account: place, ring, accept, decline, hang up. Qt-free.

``CallEngine`` ties the signalling (``signaling.CallSignaling``), one ``peer.CallPeer``
per call (on the call's own media thread) and the media the caller of the engine
chooses (``MediaFactory``). It holds at most one call; a call that rings while there is
one is answered ``busy``. It follows DESIGN.md's call signalling sequence:

- outgoing: insert the ringing row, join ``call:{id}``, prepare the offer while it
  rings; on ``accepted`` send the offer, then our ``media`` state; ``missed`` is
  written if nobody answers within ``missed_after_s``;
- incoming: ring on a ringing row; to accept, join ``call:{id}`` first, then move the
  row to ``accepted`` and answer the offer (kept if it came early); to refuse,
  ``declined``;
- ending: the side that hangs up sends ``hangup`` and moves the row to ``ended``;
  the other side ends on that message (or on the row). A message that is not valid
  signalling ends the call the same way, with the reason logged; so does a channel
  whose server is gone for good (``SIGNALLING_LOST``: the row says ended, as no
  ``hangup`` can be sent).

Every change of the call reaches ``on_change`` as a ``CallInfo`` snapshot, on the
engine's loop; state changes are logged as ``old -> new``. aiortc and av are imported
when the first call starts, never when the engine is built.

Tasks: one ``call:rows`` task for the engine's life (rows are handled one at a time, in
order) and, per call, its reader and timers; all are held here and cancelled when the
call or the engine ends. Ending a call closes the peer, the channel and the media
thread before ``hang_up`` (or the ending) returns.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import time
import uuid
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from gfdesk.calls.signaling import CallChannel, CallSignaling, ChannelClosed, SignallingLost
from gfdesk.calls.signals import Candidate, Description, Hangup, MediaState, SignalError, SignalKind
from gfdesk.calls.states import (
    CallInfo,
    CallKind,
    CallRow,
    CallState,
    CallStatus,
    Direction,
    EndReason,
    end_reason_for,
)
from gfdesk.core.clock import SYSTEM_CLOCK, Clock
from gfdesk.log import call as log

if TYPE_CHECKING:
    from gfdesk.calls.callmedia import CallMedia, TrackFactory
    from gfdesk.calls.callstats import CallStats
    from gfdesk.calls.peer import CallPeer, PeerConfig, PeerState
    from gfdesk.calls.peerthread import PeerThread

#: Nobody answering for this long makes an outgoing call ``missed`` (DESIGN.md).
MISSED_AFTER_S = 30.0
#: An incoming call stops ringing here this long after the caller should have written
#: ``missed`` (its app may be gone).
RING_GRACE_S = 15.0
#: Accepted but no media connection after this long: the call failed.
CONNECT_TIMEOUT_S = 30.0
#: Longest wait for the ``hangup`` message to go out while ending.
HANGUP_SEND_TIMEOUT_S = 2.0
#: Rows waiting to be handled; more means something is flooding us.
MAX_PENDING_ROWS = 256

ChangeListener = Callable[[CallInfo], None]
#: Builds the media of a call (sources and sinks) when it starts.
MediaFactory = Callable[[CallInfo], "CallMedia"]


class CallError(Exception):
    """A call action that cannot be done now (already in a call, nothing ringing)."""


def _short(call_id: str) -> str:
    return call_id[:8]


class _Call:
    """What the engine holds for its one call."""

    def __init__(self, info: CallInfo) -> None:
        self.info = info
        self.row_status = CallStatus.RINGING
        self.channel: CallChannel | None = None
        self.thread: PeerThread | None = None
        self.peer: CallPeer | None = None
        self.offer: asyncio.Task[Description] | None = None
        self.offered = False
        self.answered = False
        self.accepted_here = False
        self.ending = False
        self.tasks: set[asyncio.Task[Any]] = set()


class CallEngine:
    """One account's calls.

    Args:
        signaling: rows and channels (``RealtimeSignaling``).
        user_id: who we are.
        media: builds each call's sources and sinks (on the engine's loop; the track
            factories it returns run on the media thread).
        peer_config: ICE servers and policy.
        on_change: called with every change of the call.
        missed_after_s: how long an outgoing call rings before it is ``missed``.
        connect_timeout_s: how long an accepted call may take to connect.
        clock: time (the timers sleep through it).
    """

    def __init__(self, signaling: CallSignaling, user_id: str, *, media: MediaFactory,
                 peer_config: PeerConfig | None = None,
                 on_change: ChangeListener | None = None,
                 missed_after_s: float = MISSED_AFTER_S,
                 connect_timeout_s: float = CONNECT_TIMEOUT_S,
                 clock: Clock = SYSTEM_CLOCK) -> None:
        self._signaling = signaling
        self.user_id = user_id
        self._media = media
        #: ICE servers and policy of the next call (set it before ``place`` or
        #: ``accept`` to apply settings changed since the engine was built).
        self.peer_config = peer_config
        self._listeners: list[ChangeListener] = [on_change] if on_change else []
        self.missed_after_s = missed_after_s
        self.connect_timeout_s = connect_timeout_s
        self._clock = clock
        self._call: _Call | None = None
        self._rows: asyncio.Queue[CallRow] = asyncio.Queue(MAX_PENDING_ROWS)
        self._row_task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self._closed = False
        self._idle = asyncio.Event()
        self._idle.set()

    # -- state ----------------------------------------------------------------------

    @property
    def call(self) -> CallInfo | None:
        """The call in progress (ringing either way, connecting or connected)."""
        return self._call.info if self._call is not None else None

    @property
    def peer(self) -> CallPeer | None:
        """The current call's peer (its meters, codecs), once it has one."""
        return self._call.peer if self._call is not None else None

    async def wait_idle(self) -> None:
        """Wait until there is no call, its peer, channel and media thread all closed."""
        await self._idle.wait()

    def add_listener(self, listener: ChangeListener) -> Callable[[], None]:
        """Hear every change of a call; returns a remover."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _update(self, call: _Call, **changes: Any) -> None:
        old = call.info
        new = dataclasses.replace(old, **changes)
        if new == old:
            return
        call.info = new
        if old.state is not new.state:
            log.debug("call %s: %s -> %s%s", _short(new.id), old.state.name, new.state.name,
                      f" ({new.end_reason.name})" if new.end_reason else "")
        for listener in list(self._listeners):
            listener(new)

    def _spawn(self, call: _Call, coro: Coroutine[Any, Any, Any], purpose: str
               ) -> asyncio.Task[Any]:
        task = asyncio.create_task(coro, name=f"call:{purpose}")
        call.tasks.add(task)
        task.add_done_callback(call.tasks.discard)
        return task

    # -- lifecycle ------------------------------------------------------------------

    async def start(self) -> None:
        """Hear our call rows (incoming calls ring from now on)."""
        self._row_task = asyncio.create_task(self._handle_rows(), name="call:rows")
        await self._signaling.connect(self._row_arrived)

    async def aclose(self) -> None:
        """End the call (``hangup`` sent, row ended), stop hearing rows."""
        if self._closed:
            return
        self._closed = True
        call = self._call
        if call is not None:
            outgoing_or_talking = (call.info.direction is Direction.OUTGOING
                                   or call.info.state is not CallState.RINGING)
            await self._end(call, EndReason.CLOSED,
                            write=CallStatus.ENDED if outgoing_or_talking else None,
                            notify=outgoing_or_talking)
            # A hang-up under way returns from ``_end`` at once: wait for it to close
            # the peer and the media thread too.
            await self._idle.wait()
        task, self._row_task = self._row_task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        await self._signaling.close()

    # -- actions --------------------------------------------------------------------

    async def place(self, callee_id: str, kind: CallKind = CallKind.VIDEO) -> CallInfo:
        """Call ``callee_id``; returns once their app can ring (row placed, channel
        joined). Follow the call through ``on_change``.

        Raises:
            CallError: there is a call already.
            Exception: the row could not be placed (the call ends FAILED first).
        """
        async with self._lock:
            if self._closed or self._call is not None:
                raise CallError("already in a call")
            if callee_id == self.user_id:
                raise CallError("you cannot call yourself")
            info = CallInfo(id=str(uuid.uuid4()), direction=Direction.OUTGOING, kind=kind,
                            other_id=callee_id, state=CallState.RINGING,
                            sending_video=kind is CallKind.VIDEO,
                            remote_video=kind is CallKind.VIDEO)
            call = self._call = _Call(info)
            self._idle.clear()
            log.info("call %s: calling %s (%s)", _short(info.id), callee_id, kind.value)
            for listener in list(self._listeners):
                listener(info)
            try:
                await self._signaling.place(info.id, callee_id, kind)
                call.channel = self._signaling.channel(info.id)
                await call.channel.connect()
                self._start_peer(call)
                assert call.peer is not None
                call.offer = self._spawn(call, call.peer.offer(), "offer")
                self._spawn(call, self._read(call), "read")
                self._spawn(call, self._ring_out(call), "missed-timer")
            except BaseException as exc:
                log.warning("call %s: could not be placed (%s: %s)", _short(info.id),
                            type(exc).__name__, exc)
                await self._end(call, EndReason.FAILED, write=CallStatus.ENDED, notify=False,
                                locked=True)
                raise
            return call.info

    def _incoming_ringing(self) -> _Call:
        call = self._call
        if call is None or call.info.direction is not Direction.INCOMING \
                or call.info.state is not CallState.RINGING:
            raise CallError("no incoming call rings")
        return call

    async def accept(self) -> None:
        """Accept the ringing incoming call.

        Raises:
            CallError: nothing rings.
        """
        async with self._lock:
            call = self._incoming_ringing()
            call.accepted_here = True
            self._update(call, state=CallState.CONNECTING)
            try:
                call.channel = self._signaling.channel(call.info.id)
                # Joined before the row says accepted: the caller sends its offer when
                # it sees that, and a broadcast to nobody is lost.
                await call.channel.connect()
                self._start_peer(call)
                self._spawn(call, self._read(call), "read")
                self._spawn(call, self._connect_timer(call), "connect-timer")
                row = await self._signaling.move(call.info.id, CallStatus.ACCEPTED)
            except BaseException as exc:
                if not isinstance(exc, asyncio.CancelledError):
                    log.warning("call %s: could not accept (%s: %s)", _short(call.info.id),
                                type(exc).__name__, exc)
                await self._end(call, EndReason.FAILED, write=CallStatus.ENDED, notify=False,
                                locked=True)
                raise
            if row is None:
                # It stopped ringing meanwhile: cancelled, missed, or taken elsewhere.
                await self._end(call, EndReason.CANCELLED, write=None, notify=False,
                                locked=True)
                return
            call.row_status = CallStatus.ACCEPTED

    async def decline(self) -> None:
        """Refuse the ringing incoming call.

        Raises:
            CallError: nothing rings.
        """
        async with self._lock:
            await self._end(self._incoming_ringing(), EndReason.DECLINED,
                            write=CallStatus.DECLINED, notify=False, locked=True)

    async def hang_up(self) -> None:
        """End the call: cancel ours while it rings, or hang up a call in progress
        (an incoming call that rings is declined)."""
        async with self._lock:
            # Checked under the lock: an accept under way finishes first, and then
            # this is a hang-up the other side hears, not a decline it never sees.
            call = self._call
            if call is None or call.ending:
                return
            if call.info.direction is Direction.INCOMING \
                    and call.info.state is CallState.RINGING:
                await self._end(call, EndReason.DECLINED, write=CallStatus.DECLINED,
                                notify=False, locked=True)
            else:
                await self._end(call, EndReason.HUNG_UP, write=CallStatus.ENDED, notify=True,
                                locked=True)

    async def set_audio(self, on: bool) -> None:
        """Unmute or mute (nothing is sent while muted); the other side is told."""
        await self._set_media(audio=on)

    async def set_video(self, on: bool) -> None:
        """Turn the camera on or off (nothing is sent while off); the other side is told."""
        await self._set_media(video=on)

    async def switch_video(self, factory: TrackFactory) -> None:
        """Send video from another source (the next camera) without renegotiating.

        Raises:
            CallError: no video call.
        """
        call = self._call
        if call is None or call.info.kind is not CallKind.VIDEO:
            raise CallError("no video call")
        if call.peer is not None:
            await call.peer.replace_video(factory)

    async def _set_media(self, **change: bool) -> None:
        call = self._call
        if call is None:
            raise CallError("no call")
        if change.get("video") and call.info.kind is not CallKind.VIDEO:
            raise CallError("an audio call has no video")
        self._update(call, **{f"sending_{k}": v for k, v in change.items()})
        if call.peer is not None:
            await call.peer.set_sending(audio=call.info.sending_audio,
                                        video=call.info.sending_video)
        if call.offered or call.answered:
            await self._announce(call)

    async def stats(self) -> CallStats | None:
        """The call's quality figures since the last call of this (None: no media)."""
        call = self._call
        if call is None or call.peer is None:
            return None
        return await call.peer.stats()

    # -- rows -----------------------------------------------------------------------

    def _row_arrived(self, row: CallRow) -> None:
        try:
            self._rows.put_nowait(row)
        except asyncio.QueueFull:
            log.warning("call: %d call rows waiting, dropped one", MAX_PENDING_ROWS)

    async def _handle_rows(self) -> None:
        while True:
            row = await self._rows.get()
            try:
                await self._handle_row(row)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("call %s: handling its row failed", _short(row.id))

    async def _handle_row(self, row: CallRow) -> None:
        call = self._call
        if call is not None and row.id == call.info.id:
            await self._row_of_call(call, row)
        elif row.callee_id == self.user_id and row.status is CallStatus.RINGING:
            await self._ringing(row)

    async def _ringing(self, row: CallRow) -> None:
        if self._call is not None or self._closed:
            log.info("call %s: %s calls while we are in a call: busy", _short(row.id),
                     row.caller_id)
            try:
                await self._signaling.move(row.id, CallStatus.BUSY)
            except Exception as exc:  # the caller's missed timer ends it then
                log.warning("call %s: could not answer busy (%s: %s)", _short(row.id),
                            type(exc).__name__, exc)
            return
        kind = row.kind
        info = CallInfo(id=row.id, direction=Direction.INCOMING, kind=kind,
                        other_id=row.caller_id, state=CallState.RINGING,
                        sending_video=kind is CallKind.VIDEO,
                        remote_video=kind is CallKind.VIDEO)
        call = self._call = _Call(info)
        self._idle.clear()
        log.info("call %s: %s calls (%s)", _short(row.id), row.caller_id, kind.value)
        for listener in list(self._listeners):
            listener(info)
        self._spawn(call, self._ring_in(call), "ring-timer")

    async def _row_of_call(self, call: _Call, row: CallRow) -> None:
        if row.status.rank <= call.row_status.rank or call.ending:
            return
        call.row_status = row.status
        if row.status is CallStatus.ACCEPTED:
            if call.info.direction is Direction.OUTGOING:
                # A quick callee accepts while ``place`` still joins the channel and
                # starts the offer; it holds the lock until both are there.
                async with self._lock:
                    pass
                if call.ending or self._call is not call:
                    return
                await self._send_offer(call)
            elif not call.accepted_here:
                await self._end(call, EndReason.ANSWERED_ELSEWHERE, write=None, notify=False)
            return
        await self._end(call, end_reason_for(row.status, answered=call.info.state
                                             is not CallState.RINGING),
                        write=None, notify=False)

    async def _send_offer(self, call: _Call) -> None:
        self._update(call, state=CallState.CONNECTING)
        self._spawn(call, self._connect_timer(call), "connect-timer")
        assert call.offer is not None and call.channel is not None
        try:
            offer = await call.offer
            await call.channel.send(offer)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("call %s: the offer could not be made or sent (%s: %s)",
                        _short(call.info.id), type(exc).__name__, exc)
            await self._end(call, EndReason.FAILED, write=CallStatus.ENDED, notify=True)
            return
        call.offered = True
        await self._announce(call)

    async def _announce(self, call: _Call) -> None:
        if call.channel is None:
            return
        try:
            await call.channel.send(MediaState(call.info.sending_audio,
                                               call.info.sending_video))
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the other side misses one update; the call goes on
            log.info("call %s: media state not sent (%s)", _short(call.info.id),
                     type(exc).__name__)

    # -- timers ---------------------------------------------------------------------

    async def _ring_out(self, call: _Call) -> None:
        await self._clock.sleep(self.missed_after_s)
        if call.info.state is not CallState.RINGING or call.ending:
            return
        if await self._signaling.move(call.info.id, CallStatus.MISSED) is not None:
            await self._end(call, EndReason.MISSED, write=None, notify=False)
        # else: the row moved on (accepted at the last moment); its row decides.

    async def _ring_in(self, call: _Call) -> None:
        # The caller's app writes missed; this only stops the ringing if it never does.
        await self._clock.sleep(self.missed_after_s + RING_GRACE_S)
        if call.info.state is CallState.RINGING and not call.ending:
            await self._end(call, EndReason.MISSED, write=None, notify=False)

    async def _connect_timer(self, call: _Call) -> None:
        await self._clock.sleep(self.connect_timeout_s)
        if call.info.state is CallState.CONNECTING and not call.ending:
            log.warning("call %s: no media connection after %.0f s", _short(call.info.id),
                        self.connect_timeout_s)
            await self._end(call, EndReason.FAILED, write=CallStatus.ENDED, notify=True)

    # -- the call's channel -----------------------------------------------------------

    async def _read(self, call: _Call) -> None:
        assert call.channel is not None
        while True:
            try:
                signal = await call.channel.receive()
                await self._on_signal(call, signal)
            except ChannelClosed:
                return
            except SignallingLost as exc:
                # Nothing can reach the other side now; the row tells it the call ended.
                log.warning("call %s: %s", _short(call.info.id), exc)
                await self._end(call, EndReason.SIGNALLING_LOST, write=CallStatus.ENDED,
                                notify=False)
                return
            except SignalError as exc:
                log.warning("call %s: rejected a message from %s: %s", _short(call.info.id),
                            call.info.other_id, exc)
                await self._end(call, EndReason.BAD_SIGNAL, write=CallStatus.ENDED,
                                notify=True)
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                # The peer or the channel failed under a valid message (a socket gone,
                # an aiortc error): the call cannot go on.
                log.warning("call %s: %s: %s", _short(call.info.id), type(exc).__name__, exc)
                await self._end(call, EndReason.FAILED, write=CallStatus.ENDED, notify=True)
                return
            if call.ending:
                return

    async def _on_signal(self, call: _Call, signal: Any) -> None:
        peer = call.peer
        assert peer is not None and call.channel is not None
        if isinstance(signal, Description):
            if signal.kind is SignalKind.OFFER:
                if call.info.direction is not Direction.INCOMING or call.answered:
                    raise SignalError("an offer this side did not expect")
                answer = await peer.answer(signal)
                call.answered = True
                await call.channel.send(answer)
                await self._announce(call)
            else:
                if call.info.direction is not Direction.OUTGOING or not call.offered \
                        or call.answered:
                    raise SignalError("an answer this side did not expect")
                await peer.accept_answer(signal)
                call.answered = True
            self._update(call, video_codec=peer.video_codec, audio_codec=peer.audio_codec)
        elif isinstance(signal, Candidate):
            await peer.add_candidate(signal)
        elif isinstance(signal, MediaState):
            self._update(call, remote_audio=signal.audio,
                         remote_video=signal.video and call.info.kind is CallKind.VIDEO)
        elif isinstance(signal, Hangup):
            log.info("call %s: %s hung up (%s)", _short(call.info.id), call.info.other_id,
                     signal.reason or "no reason")
            await self._end(call, EndReason.REMOTE_HUNG_UP, write=None, notify=False)

    # -- the peer -------------------------------------------------------------------

    def _start_peer(self, call: _Call) -> None:
        # The first call pays for importing aiortc and av; start-up never does.
        from gfdesk.calls.peer import CallPeer, PeerConfig
        from gfdesk.calls.peerthread import PeerThread

        thread = PeerThread(f"call-media-{_short(call.info.id)}")
        thread.start()
        call.thread = thread
        call.peer = CallPeer(thread, self.peer_config or PeerConfig(), self._media(call.info),
                             video=call.info.kind is CallKind.VIDEO,
                             on_state=lambda state: self._peer_state(call, state),
                             send_audio=call.info.sending_audio,
                             send_video=call.info.sending_video)

    def _peer_state(self, call: _Call, state: PeerState) -> None:
        log.debug("call %s: media %s", _short(call.info.id), state.value)
        if call.ending:
            return
        if state.value == "connected" and call.info.state is CallState.CONNECTING:
            self._update(call, state=CallState.CONNECTED, connected_at=time.monotonic())
        elif state.value == "failed":
            self._spawn(call, self._end(call, EndReason.FAILED, write=CallStatus.ENDED,
                                        notify=True), "fail")

    # -- ending ---------------------------------------------------------------------

    async def _end(self, call: _Call, reason: EndReason, *, write: CallStatus | None,
                   notify: bool, locked: bool = False) -> None:
        """End ``call`` for ``reason``: tell the other side (``notify``), move the row
        (``write``), then close the peer, channel and media thread.

        Waits for a ``place`` or ``accept`` under way (``locked``: the caller is one), so
        nothing is set up for a call after it was torn down.
        """
        if call.ending:
            return
        if not locked:
            async with self._lock:
                await self._end(call, reason, write=write, notify=notify, locked=True)
            return
        call.ending = True
        self._update(call, state=CallState.ENDED, end_reason=reason)
        log.info("call %s: ended (%s)", _short(call.info.id), reason.value)
        current = asyncio.current_task()
        others = [t for t in call.tasks if t is not current]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)
        if notify and call.channel is not None:
            with contextlib.suppress(Exception):
                async with asyncio.timeout(HANGUP_SEND_TIMEOUT_S):
                    await call.channel.send(Hangup(reason.value))
        if write is not None:
            try:
                await self._signaling.move(call.info.id, write)
            except Exception as exc:
                log.warning("call %s: the row could not be set %s (%s: %s)",
                            _short(call.info.id), write.value, type(exc).__name__, exc)
        try:
            if call.channel is not None:
                await call.channel.close()
            if call.peer is not None:
                await call.peer.close()
            if call.thread is not None:
                await call.thread.stop()
        finally:
            # Even when cancelled half-way: ``aclose`` waits for this.
            if self._call is call:
                self._call = None
                self._idle.set()
