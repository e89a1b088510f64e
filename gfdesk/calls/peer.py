"""One aiortc ``RTCPeerConnection`` per call, run on the call's media thread. Qt-free.

``CallPeer``'s methods are awaited from the engine's loop and run on the call's
``PeerThread``; what the peer reports (its connection state) comes back to the engine's
loop through ``call_soon_threadsafe``. Decoded frames go straight from the media thread
to the sinks (``sinks``): nothing waits for the GUI on the receive path.

ICE: the servers come from settings (STUN, TURN with credentials); with none, the
configuration says so with an explicit empty list, because aiortc otherwise tries a
public STUN server. Bundling is ``max-bundle`` (one transport, as libwebrtc does).
aiortc gathers all its candidates before ``setLocalDescription`` returns, so ours travel
inside the SDP; the other side's may come inside its SDP or trickle in, before or after
its SDP: candidates that arrive before the remote description wait (bounded) and are
added right after it.

Sending: each outgoing kind has one ``SwitchTrack`` attached to its sender for the whole
call; muting or turning the camera off detaches the source (nothing is sent, the camera
closes) without touching the sender. Video receivers release each frame as soon as its
last packet is in (``receivehold``).
"""

from __future__ import annotations

import asyncio
import enum
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiortc import (
    RTCConfiguration,
    RTCIceServer,
    RTCPeerConnection,
    RTCSessionDescription,
)
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from aiortc.rtcconfiguration import RTCBundlePolicy, RTCIceTransportPolicy
from aiortc.sdp import SessionDescription, candidate_from_sdp
from av import AudioFrame, VideoFrame

from gfdesk.calls.callmedia import CallMedia
from gfdesk.calls.callstats import CallStats, Snapshot, call_stats, snapshot
from gfdesk.calls.media import SwitchTrack
from gfdesk.calls.peerthread import PeerThread
from gfdesk.calls.receivehold import release_on_marker
from gfdesk.calls.signals import Candidate, Description, SignalError, SignalKind
from gfdesk.calls.sinks import FrameMeter, FrameSink
from gfdesk.config import IceServer

#: Remote candidates held until the remote description is set; more is a flood.
MAX_EARLY_CANDIDATES = 64


class PeerState(enum.Enum):
    """The media connection (WebRTC's ``connectionState``)."""

    NEW = "new"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    FAILED = "failed"
    CLOSED = "closed"


@dataclass(frozen=True)
class PeerConfig:
    """How the peer connects.

    Attributes:
        ice_servers: STUN/TURN servers (none: host candidates only).
        relay_only: use TURN relays only (to check a TURN server).
        early_release: decode each received picture as soon as its last packet is in
            (``receivehold``); off only to measure what that saves.
    """

    ice_servers: tuple[IceServer, ...] = ()
    relay_only: bool = False
    early_release: bool = True

    def rtc_configuration(self) -> RTCConfiguration:
        servers = [RTCIceServer(urls=list(s.urls), username=s.username,
                                credential=s.credential) for s in self.ice_servers]
        return RTCConfiguration(
            iceServers=servers,  # explicitly empty: no public STUN server behind our back
            bundlePolicy=RTCBundlePolicy.MAX_BUNDLE,
            iceTransportPolicy=(RTCIceTransportPolicy.RELAY if self.relay_only
                                else RTCIceTransportPolicy.ALL))


def _codec_of(sdp: str, kind: str) -> str:
    """The first (negotiated) codec of ``kind`` in an answer, as ``VP8``, ``opus``."""
    for media in SessionDescription.parse(sdp).media:
        if media.kind == kind and media.rtp.codecs:
            return media.rtp.codecs[0].mimeType.split("/", 1)[1]
    return ""


class CallPeer:
    """One call's ``RTCPeerConnection``.

    Args:
        thread: the call's media thread (started).
        config: ICE settings.
        media: sources and sinks.
        video: whether the call has video (else audio only).
        on_state: called with each connection state change, on the loop that created
            this object.
        send_audio: send audio from the start (not muted).
        send_video: send video from the start (camera on).
    """

    def __init__(self, thread: PeerThread, config: PeerConfig, media: CallMedia, *,
                 video: bool, on_state: Callable[[PeerState], None],
                 send_audio: bool = True, send_video: bool = True) -> None:
        self._thread = thread
        self._config = config
        self.media = media
        self._video = video
        self._on_state = on_state
        self._owner_loop = asyncio.get_running_loop()
        self._pc: RTCPeerConnection | None = None
        self._switches: dict[str, SwitchTrack] = {}
        self._early: list[Candidate] = []
        self._consumers: set[asyncio.Task[None]] = set()
        self._last: Snapshot | None = None
        self._state = PeerState.NEW
        #: The negotiated video and audio codecs (empty until answered).
        self.video_codec = ""
        self.audio_codec = ""
        #: What we send now.
        self.sending_audio = send_audio
        self.sending_video = send_video and video

    # -- on the media loop ----------------------------------------------------------

    def _create(self) -> RTCPeerConnection:
        pc = RTCPeerConnection(self._config.rtc_configuration())
        pc.on("connectionstatechange", lambda: self._state_changed(pc.connectionState))
        pc.on("track", self._on_track)
        self._pc = pc
        for kind in self._kinds():
            switch = SwitchTrack(kind, self._sent if kind == "video" else None)
            self._switches[kind] = switch
        self._apply_sending()
        return pc

    def _kinds(self) -> tuple[str, ...]:
        return ("audio", "video") if self._video else ("audio",)

    def _state_changed(self, value: str) -> None:
        try:
            state = PeerState(value)
        except ValueError:
            return
        self._owner_loop.call_soon_threadsafe(self._report, state)

    def _report(self, state: PeerState) -> None:
        old, self._state = self._state, state
        if old is not state:
            self._on_state(state)

    def _sent(self, frame: VideoFrame | AudioFrame) -> None:
        if isinstance(frame, VideoFrame):
            self.media.sent_video.count(frame.width, frame.height)
            if self.media.local_video is not None:
                self.media.local_video.deliver(frame)

    def _on_track(self, track: MediaStreamTrack) -> None:
        if track.kind == "video":
            sink: Any = self.media.remote_video
            meter = self.media.received_video
        else:
            sink, meter = self.media.remote_audio, self.media.received_audio
        task = asyncio.get_running_loop().create_task(
            self._consume(track, sink, meter), name=f"call:receive-{track.kind}")
        self._consumers.add(task)
        task.add_done_callback(self._consumers.discard)

    @staticmethod
    async def _consume(track: MediaStreamTrack, sink: FrameSink[Any] | None,
                       meter: FrameMeter) -> None:
        # Reads every frame as soon as it is decoded, so aiortc's queue never grows;
        # the sink keeps what it needs (for pictures: the newest only).
        while True:
            try:
                frame = await track.recv()
            except MediaStreamError:
                return
            if isinstance(frame, VideoFrame):
                meter.count(frame.width, frame.height)
            else:
                meter.count()
            if sink is not None:
                sink.deliver(frame)

    def _apply_sending(self) -> None:
        wanted = {"audio": (self.sending_audio, self.media.audio),
                  "video": (self.sending_video, self.media.video)}
        for kind, switch in self._switches.items():
            on, factory = wanted[kind]
            if on and factory is not None and switch.source is None:
                switch.set_source(factory())
            elif not on and switch.source is not None:
                switch.set_source(None)

    def _attach(self, pc: RTCPeerConnection) -> None:
        """Point every transceiver's sender at our switch track; releases frames early."""
        for transceiver in pc.getTransceivers():
            switch = self._switches.get(transceiver.kind)
            if switch is None:
                continue
            transceiver.direction = "sendrecv"
            if transceiver.sender.track is None:
                transceiver.sender.replaceTrack(switch)
            if transceiver.kind == "video" and self._config.early_release:
                release_on_marker(transceiver.receiver)

    async def _offer(self) -> Description:
        pc = self._pc or self._create()
        if not pc.getTransceivers():
            for kind in self._kinds():
                pc.addTransceiver(self._switches[kind], direction="sendrecv")
            self._attach(pc)
        await pc.setLocalDescription(await pc.createOffer())
        return Description(SignalKind.OFFER, pc.localDescription.sdp)

    async def _set_remote(self, pc: RTCPeerConnection, description: Description) -> None:
        try:
            await pc.setRemoteDescription(RTCSessionDescription(description.sdp,
                                                                description.kind.value))
        except Exception as exc:
            raise SignalError(f"{description.kind.value} could not be used "
                              f"({type(exc).__name__}: {str(exc)[:120]})") from None

    async def _answer(self, offer: Description) -> Description:
        pc = self._pc or self._create()
        await self._set_remote(pc, offer)
        self._attach(pc)
        await self._add_early(pc)
        await pc.setLocalDescription(await pc.createAnswer())
        answer = pc.localDescription.sdp
        self.video_codec, self.audio_codec = _codec_of(answer, "video"), _codec_of(answer, "audio")
        return Description(SignalKind.ANSWER, answer)

    async def _accept_answer(self, answer: Description) -> None:
        if self._pc is None:
            raise SignalError("answer before our offer")
        await self._set_remote(self._pc, answer)
        self.video_codec = _codec_of(answer.sdp, "video")
        self.audio_codec = _codec_of(answer.sdp, "audio")
        await self._add_early(self._pc)

    async def _add_early(self, pc: RTCPeerConnection) -> None:
        early, self._early = self._early, []
        for candidate in early:
            await self._add(pc, candidate)

    async def _add_candidate(self, candidate: Candidate) -> None:
        pc = self._pc
        if pc is None or pc.remoteDescription is None:
            if len(self._early) >= MAX_EARLY_CANDIDATES:
                raise SignalError(f"more than {MAX_EARLY_CANDIDATES} candidates before the "
                                  "session description")
            self._early.append(candidate)
            return
        await self._add(pc, candidate)

    @staticmethod
    async def _add(pc: RTCPeerConnection, candidate: Candidate) -> None:
        if candidate.is_end:
            await pc.addIceCandidate(None)
            return
        try:
            parsed = candidate_from_sdp(candidate.candidate.removeprefix("candidate:"))
        except (ValueError, IndexError, KeyError) as exc:
            raise SignalError(f"ice candidate could not be read ({type(exc).__name__})") \
                from None
        parsed.sdpMid = candidate.sdp_mid
        parsed.sdpMLineIndex = candidate.sdp_mline_index
        await pc.addIceCandidate(parsed)

    async def _set_sending(self, audio: bool, video: bool) -> None:
        self.sending_audio, self.sending_video = audio, video and self._video
        self._apply_sending()

    async def _replace_video(self, factory: Callable[[], MediaStreamTrack]) -> None:
        self.media.video = factory
        switch = self._switches.get("video")
        if switch is not None and self.sending_video:
            switch.set_source(factory())

    async def _stats(self) -> CallStats:
        entries: list[dict[str, Any]] = []
        if self._pc is not None:
            report = await self._pc.getStats()
            entries = [dict(vars(entry)) for entry in report.values()]
        now = snapshot(entries, time.monotonic())
        before, self._last = self._last, now
        received, sent = self.media.received_video, self.media.sent_video
        return call_stats(before, now, width=received.width, height=received.height,
                          fps=received.fps, frames_decoded=received.frames,
                          frames_sent=sent.frames)

    async def _close(self) -> None:
        for switch in self._switches.values():
            switch.set_source(None)
        pc, self._pc = self._pc, None
        if pc is not None:
            await pc.close()
        consumers = list(self._consumers)
        for task in consumers:
            task.cancel()
        await asyncio.gather(*consumers, return_exceptions=True)
        for switch in self._switches.values():
            switch.stop()

    # -- from the engine's loop -----------------------------------------------------

    async def offer(self) -> Description:
        """Our offer (ICE gathered, candidates inside)."""
        return await self._thread.run(self._offer())

    async def answer(self, offer: Description) -> Description:
        """Take the other side's offer and answer it.

        Raises:
            SignalError: the offer cannot be used.
        """
        return await self._thread.run(self._answer(offer))

    async def accept_answer(self, answer: Description) -> None:
        """Take the other side's answer to our offer.

        Raises:
            SignalError: the answer cannot be used.
        """
        await self._thread.run(self._accept_answer(answer))

    async def add_candidate(self, candidate: Candidate) -> None:
        """Add a remote candidate now, or right after the remote description.

        Raises:
            SignalError: it cannot be read, or too many came before the description.
        """
        await self._thread.run(self._add_candidate(candidate))

    async def set_sending(self, *, audio: bool, video: bool) -> None:
        """Send audio and/or video, or stop sending them (mute, camera off)."""
        await self._thread.run(self._set_sending(audio, video))

    async def replace_video(self, factory: Callable[[], MediaStreamTrack]) -> None:
        """Send video from ``factory``'s source from now on (another camera); the old
        source stops. While the camera is off, the new source is used when it is
        turned on again."""
        await self._thread.run(self._replace_video(factory))

    async def stats(self) -> CallStats:
        """The quality figures since the last call of this."""
        return await self._thread.run(self._stats())

    async def close(self) -> None:
        """Close the connection, its transports and sources (the thread stays)."""
        await self._thread.run(self._close())
