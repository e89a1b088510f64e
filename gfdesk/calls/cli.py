"""``gfdesk call``: scripted calls without a window. Qt-free.

Checks a deployment or a TURN server, and drives tests::

    gfdesk call --answer                 accept the next incoming call
    gfdesk call USER                     call USER (a user id or a username)

Signed in with ``--url/--anon-key/--email/--password`` or ``GFDESK_URL``,
``GFDESK_ANON_KEY``, ``GFDESK_EMAIL``, ``GFDESK_PASSWORD``. ``--signalling URL`` (or
``GFDESK_SIGNALLING``) carries the call's messages through that Socket.IO server
instead of Realtime; its token comes from ``GFDESK_SIGNALLING_TOKEN``, else the OS
keyring (service ``gfdesk``, user ``secret:signalling:<URL>``), else the anon key (what
a gfdesk hub's relay takes). ``--ready-file PATH`` gets
``{"user_id": ...}`` once calls can reach us (a named pipe is written directly, so a
script can block reading it); ``--duration S`` hangs up after S seconds
of media (default: until the other side hangs up). Media is synthetic (the test
pattern and a tone). At the end one JSON line goes to stdout (frames decoded and
encoded, picture size, codecs, states seen, why it ended); the exit status is 0 only
if video flowed both ways, 1 if it did not, 2 for bad arguments or a failed sign-in.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gfdesk import log
from gfdesk.calls.callmedia import CallMedia, synthetic
from gfdesk.calls.engine import CallEngine
from gfdesk.calls.states import CallInfo, CallState, Direction
from gfdesk.config import ConfigError, IceServer, ice_server, signalling_choice

if TYPE_CHECKING:
    from gfdesk.calls.signaling import RealtimeSignaling

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                   r"[0-9a-fA-F]{12}$")


def parse_args(argv: list[str], env: dict[str, str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="gfdesk call", description="Place or answer one video call without a window, "
        "with synthetic media; prints one JSON line at the end.")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("user", nargs="?", metavar="USER", help="a user id or username to call")
    target.add_argument("--answer", action="store_true", help="accept the next incoming call")
    parser.add_argument("--url", default=env.get("GFDESK_URL"), help="API URL (GFDESK_URL)")
    parser.add_argument("--anon-key", default=env.get("GFDESK_ANON_KEY"),
                        help="anon key (GFDESK_ANON_KEY)")
    parser.add_argument("--email", default=env.get("GFDESK_EMAIL"), help="(GFDESK_EMAIL)")
    parser.add_argument("--password", default=env.get("GFDESK_PASSWORD"),
                        help="(GFDESK_PASSWORD; prefer the variable: arguments show in ps)")
    parser.add_argument("--ready-file", type=Path, metavar="PATH",
                        help='write {"user_id": ...} here once calls can reach us')
    parser.add_argument("--duration", type=float, metavar="S",
                        help="hang up after S seconds of media (default: wait for the "
                             "other side)")
    parser.add_argument("--ring-timeout", type=float, default=30.0, metavar="S",
                        help="an unanswered call is missed after S seconds (default 30)")
    parser.add_argument("--size", default="640x360", metavar="WxH",
                        help="synthetic picture size (default 640x360)")
    parser.add_argument("--fps", type=float, default=30.0, help="frames per second")
    parser.add_argument("--ice-server", action="append", default=[], metavar="URL",
                        help="a stun:/turn: URL (repeat for more); TURN uses --turn-username"
                             " and GFDESK_TURN_CREDENTIAL")
    parser.add_argument("--turn-username", default=env.get("GFDESK_TURN_USERNAME"))
    parser.add_argument("--relay-only", action="store_true",
                        help="connect through the TURN relay only (checks the TURN server)")
    parser.add_argument("--signalling", default=env.get("GFDESK_SIGNALLING", "realtime"),
                        metavar="URL", help="'realtime' (default) or a Socket.IO server's URL "
                        "for the call's messages (GFDESK_SIGNALLING; its token: "
                        "GFDESK_SIGNALLING_TOKEN or the keyring)")
    parser.add_argument("--log-level", default="WARNING", type=str.upper,
                        choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    args = parser.parse_args(argv)
    missing = [name for name in ("url", "anon_key", "email", "password")
               if not getattr(args, name)]
    if missing:
        parser.error("missing " + ", ".join("--" + m.replace("_", "-") for m in missing))
    if not re.match(r"^\d+x\d+$", args.size):
        parser.error("--size must look like 640x360")
    try:
        args.ice = _ice_servers(args.ice_server, args.turn_username,
                                env.get("GFDESK_TURN_CREDENTIAL"))
    except ConfigError as exc:
        parser.error(str(exc))
    if args.relay_only and not any(u.startswith("turn") for s in args.ice for u in s.urls):
        parser.error("--relay-only needs a turn: server")
    try:
        args.signalling_url = signalling_choice(args.signalling)
    except ConfigError as exc:
        parser.error(f"--signalling: {exc}")
    args.signalling_token = env.get("GFDESK_SIGNALLING_TOKEN")
    return args


def _ice_servers(urls: list[str], username: str | None,
                 credential: str | None) -> tuple[IceServer, ...]:
    servers = []
    for url in urls:
        entry: dict[str, Any] = {"urls": [url]}
        if url.startswith("turn"):
            entry.update(username=username, credential=credential)
        servers.append(ice_server(entry))
    return tuple(servers)


class Recorder:
    """What the call did, for the final JSON line.

    Args:
        base: the media factory (synthetic).
    """

    def __init__(self, base: Any) -> None:
        self._base = base
        self.media: CallMedia | None = None
        self.infos: list[CallInfo] = []
        self.states: list[str] = []
        self.ringing = asyncio.Event()
        self.connected = asyncio.Event()
        self.ended = asyncio.Event()
        self.connected_at: float | None = None
        self.ended_at: float | None = None

    def make_media(self, info: CallInfo) -> CallMedia:
        self.media = self._base(info)
        return self.media

    def on_change(self, info: CallInfo) -> None:
        if self.infos and self.infos[-1].id != info.id and not self.ended.is_set():
            return  # a second call (busy): not the one this run is about
        self.infos.append(info)
        if not self.states or self.states[-1] != info.state.value:
            self.states.append(info.state.value)
        if info.state is CallState.RINGING:
            self.ringing.set()
        elif info.state is CallState.CONNECTED:
            self.connected_at = time.monotonic()
            self.connected.set()
        elif info.state is CallState.ENDED:
            self.ended_at = time.monotonic()
            self.ended.set()

    def summary(self, user_id: str) -> dict[str, Any]:
        last = self.infos[-1] if self.infos else None
        media = self.media
        decoded = media.received_video.frames if media else 0
        encoded = media.sent_video.frames if media else 0
        media_s = 0.0
        if self.connected_at is not None:
            media_s = (self.ended_at or time.monotonic()) - self.connected_at
        return {
            "ok": decoded > 0 and encoded > 0,
            "user_id": user_id,
            "call_id": last.id if last else None,
            "role": (("caller" if last.direction is Direction.OUTGOING else "callee")
                     if last else None),
            "other_id": last.other_id if last else None,
            "states": self.states,
            "end_reason": last.end_reason.value if last and last.end_reason else None,
            "media_s": round(media_s, 2),
            "frames_decoded": decoded,
            "frames_encoded": encoded,
            "audio_frames_decoded": media.received_audio.frames if media else 0,
            "width": media.received_video.width if media else 0,
            "height": media.received_video.height if media else 0,
            "video_codec": next((i.video_codec for i in reversed(self.infos) if i.video_codec),
                                ""),
            "audio_codec": next((i.audio_codec for i in reversed(self.infos) if i.audio_codec),
                                ""),
        }


async def _resolve(client: Any, user: str) -> str:
    if _UUID.match(user):
        return user
    rows = (await client.table("profiles").select("id").eq("username", user).execute()).data
    if not rows:
        raise LookupError(f"no user named {user!r}")
    return str(rows[0]["id"])


def _write_ready(path: Path, user_id: str) -> None:
    text = json.dumps({"user_id": user_id})
    if path.is_fifo():
        # A script blocks reading it (mkfifo ready; gfdesk call --answer ... & read <ready).
        path.write_text(text, encoding="utf-8")
        return
    # Written whole, then renamed: a reader never sees half a file.
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


async def run(args: argparse.Namespace) -> tuple[int, dict[str, Any]]:
    """Sign in, place or answer one call, and report it."""
    import keyring.backends.null

    from gfdesk.calls.peer import PeerConfig
    from gfdesk.core.backend import BackendService, Credentials

    width, height = (int(v) for v in args.size.split("x"))
    recorder = Recorder(synthetic(width, height, args.fps))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    backend = BackendService(args.url, args.anon_key, label="call", on_status=lambda _: None,
                             keyring_backend=keyring.backends.null.Keyring())  # type: ignore[no-untyped-call]
    engine: CallEngine | None = None
    user_id = ""
    try:
        account = await backend.start(Credentials(args.email, args.password))
        if account is None or backend.connection is None:
            return 2, {"ok": False, "error": f"sign-in failed: {backend.status.reason}"}
        user_id = account.user_id
        signaling = await _signaling(args, backend.client, backend.connection, user_id)
        engine = CallEngine(signaling, user_id, media=recorder.make_media,
                            peer_config=PeerConfig(args.ice, args.relay_only),
                            on_change=recorder.on_change, missed_after_s=args.ring_timeout)
        await engine.start()
        await signaling.wait_live()
        if args.ready_file is not None:
            _write_ready(args.ready_file, user_id)
        if args.answer:
            if not await _first(recorder.ringing, stop):
                return 1, {**recorder.summary(user_id), "error": "stopped before a call came"}
            await engine.accept()
        else:
            await engine.place(await _resolve(backend.client, args.user))
        if await _first(recorder.connected, recorder.ended, stop) and args.duration:
            await _first(recorder.ended, stop, timeout=args.duration)
        else:
            await _first(recorder.ended, stop)
        await engine.hang_up()
    except LookupError as exc:
        return 2, {"ok": False, "error": str(exc)}
    finally:
        if engine is not None:
            await engine.aclose()
        await backend.aclose()
    summary = recorder.summary(user_id)
    return (0 if summary["ok"] else 1), summary


async def _signaling(args: argparse.Namespace, client: Any, connection: Any,
                     user_id: str) -> RealtimeSignaling:
    """Realtime signalling, or Socket.IO signalling with the server's token."""
    from gfdesk.calls.signaling import RealtimeSignaling
    from gfdesk.calls.sioclient import SignallingServer
    from gfdesk.calls.siosignaling import SocketIOSignaling
    from gfdesk.core.tokenstore import SecretStore, signalling_secret

    if args.signalling_url is None:
        return RealtimeSignaling(client, connection, user_id)
    token = args.signalling_token or await SecretStore().load(
        signalling_secret(args.signalling_url)) or args.anon_key
    log.redact(token)
    return SocketIOSignaling(client, connection, user_id,
                             SignallingServer(args.signalling_url, token))


async def _first(*events: asyncio.Event, timeout: float | None = None) -> bool:
    """Wait until the first of ``events`` is set (or ``timeout``); True if it was the
    first one."""
    waiters = [asyncio.ensure_future(e.wait()) for e in events]
    try:
        await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
        await asyncio.gather(*waiters, return_exceptions=True)
    return events[0].is_set()


def main(argv: list[str], env: dict[str, str] | None = None) -> int:
    """Entry point of ``gfdesk call``."""
    args = parse_args(argv, dict(os.environ) if env is None else env)
    for secret in (args.password, args.anon_key, args.signalling_token,
                   *(s.credential for s in args.ice)):
        log.redact(secret)
    log.setup(args.log_level, None)
    code, summary = asyncio.run(run(args))
    print(json.dumps(summary, sort_keys=True), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
