"""``gfdesk --self-check [SECONDS]``: does this install (a venv, a wheel, a bundle) work?

``prepare`` runs before the configuration is read and Qt starts: the app runs offscreen
on the demo hub, with a throwaway config, data and log folder (so it never meets a
running copy's data, lock or single-instance socket), and the null keyring (so it writes
nothing into the user's password store). ``SelfCheck`` then follows the real app as it
starts, stage by stage: the window shows, the demo user is signed in, friends are
online, the conversations load, a message sent to a bot friend gets its answer over
the hub's realtime channel, the call encoders (PyAV) exist, Qt's multimedia backend
loads and a video sink takes a picture, Qt's ICU services answer and the LAN discovery
library reads an mDNS record (the last four catch a bundle that left a native library,
data or a module out). It closes the
window (the normal quit path) when all passed or on the first stage that did not pass
in time; the exit code and the stage that failed (on stderr) say which.
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gfdesk.accountflow import AccountFlow
    from gfdesk.ui.mainwindow import MainWindow
    from gfdesk.ui.usermessages import MessageBridge

#: Seconds the whole check may take unless the command line says otherwise.
DEFAULT_SECONDS = 90.0
#: How often a stage's condition is looked at (it is cheap: a few attribute reads).
POLL_S = 0.1
#: What the check writes in the demo conversation (a bot friend answers it).
PING = "self-check: anyone there?"
#: The encoders calls use (aiortc through PyAV): VP8, H.264 and Opus.
MEDIA_CODECS = ("libvpx", "libx264", "libopus")
#: Exit code when a stage did not pass (2 is argparse's, 1 an unexpected error).
FAILED = 3


def prepare(env: MutableMapping[str, str] = os.environ) -> Path:
    """Point the app at a fresh temporary folder, offscreen Qt and the null keyring;
    returns the folder (``cleanup`` removes it)."""
    folder = Path(tempfile.mkdtemp(prefix="gfdesk-self-check-"))
    for name in ("config", "data", "logs"):
        (folder / name).mkdir()
    env["GFDESK_CONFIG_DIR"] = str(folder / "config")
    env["GFDESK_DATA_DIR"] = str(folder / "data")
    env["GFDESK_LOG_DIR"] = str(folder / "logs")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env.pop("GFDESK_PROFILE", None)
    env.pop("GFDESK_URL", None)
    env.pop("GFDESK_ANON_KEY", None)
    return folder


def cleanup(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def say(text: str) -> None:
    # A windowed Windows build has no stderr unless the caller redirected it.
    if sys.stderr is not None:
        print(f"self-check: {text}", file=sys.stderr, flush=True)


class StageFailed(Exception):
    """A stage did not pass; the message says which and what was seen."""


class SelfCheck:
    """Follows the starting app and closes its window when done.

    Args:
        window: the main window.
        flow: returns the account flow once the backend is connecting (else None).
        seconds: the time the whole check may take.
        close: closes the app (the window's close, the normal quit path).
        messages: the app's messages to the user; an error among them fails the check.
    """

    def __init__(self, window: MainWindow, flow: Callable[[], AccountFlow | None],
                 seconds: float, close: Callable[[], object],
                 messages: MessageBridge | None = None) -> None:
        self._window = window
        #: Errors the app showed the user: the check fails on the first, not at its end.
        self._errors: list[str] = []
        if messages is not None:
            messages.message_shown.connect(self._on_message)
        self._flow = flow
        self._close = close
        self._deadline = time.monotonic() + seconds
        self._seconds = seconds
        self._started = time.monotonic()
        self.exit_code = FAILED
        """0 once every stage passed."""

    async def run(self) -> None:
        try:
            await self._stages()
        except StageFailed as exc:
            say(f"FAILED: {exc}")
        except asyncio.CancelledError:
            say("FAILED: the app closed before the check ended")
            raise
        except Exception as exc:  # reported, never swallowed into a hang
            say(f"FAILED: {type(exc).__name__}: {exc}")
            self.exit_code = 1
        else:
            say(f"passed in {time.monotonic() - self._started:.1f} s")
            self.exit_code = 0
        finally:
            self._close()

    def _on_message(self, message: Any) -> None:
        if message.level.name == "ERROR":
            self._errors.append(message.text)

    async def _until(self, stage: str, ready: Callable[[], bool],
                     seen: Callable[[], str] = lambda: "") -> None:
        while not ready():
            if self._errors:
                raise StageFailed(f"{stage}: the app showed an error: {self._errors[0]}")
            if time.monotonic() > self._deadline:
                detail = seen()
                raise StageFailed(f"{stage}: not within {self._seconds:g} s"
                                  + (f" ({detail})" if detail else ""))
            await asyncio.sleep(POLL_S)
        say(f"ok: {stage} ({time.monotonic() - self._started:.1f} s)")

    async def _stages(self) -> None:
        from gfdesk.chat.feature import ChatFeature
        from gfdesk.friends.feature import FriendsFeature

        backends = importlib.metadata.entry_points(group="keyring.backends")
        if not backends:
            raise StageFailed("keyring has no backends registered (their entry-point "
                              "metadata is missing from this install)")
        say(f"ok: keyring backends registered: {', '.join(sorted(e.name for e in backends))}")
        await self._until("the main window shows", self._window.isVisible)

        def feature(kind: type[Any]) -> Any:
            flow = self._flow()
            if flow is None or flow.account is None:
                return None
            return next((f for f in flow.features if isinstance(f, kind)), None)

        await self._until("signed in to the demo hub",
                          lambda: feature(FriendsFeature) is not None
                          and feature(ChatFeature) is not None,
                          lambda: self._window.windowTitle())
        friends: FriendsFeature = feature(FriendsFeature)
        chat: ChatFeature = feature(ChatFeature)
        await self._until("friends online", lambda: bool(friends.online_friends),
                          lambda: "nobody online yet")
        say(f"  {len(friends.online_friends)} friends online")
        conversations = chat.model.conversations
        await self._until("the conversations load", lambda: conversations.rowCount() > 0)
        me = chat.service.user_id
        target = conversations.summaries()[0].id
        chat.open_conversation(target)
        await self._until("the conversation opens",
                          lambda: chat.model.current_id == target
                          and chat.model.messages is not None)
        opened = chat.model.messages
        assert opened is not None
        before = {m.id for m in opened.messages()}
        problem = chat.model.send(PING)
        if problem:
            raise StageFailed(f"sending a message: {problem}")
        sent = time.monotonic()

        def answered() -> bool:
            messages = chat.model.messages
            if messages is None:
                return False
            return any(m.sender_id != me and m.id not in before for m in messages.messages())

        await self._until("a chat message arrived (a friend's answer)", answered,
                          lambda: "no answer to the check's message")
        say(f"  answered {time.monotonic() - sent:.1f} s after sending")
        self._media_codecs()
        self._qt_multimedia()
        if sys.platform.startswith("linux"):  # Qt uses ICU there (the OS's own elsewhere)
            self._text_services()
        self._lan_discovery()

    def _lan_discovery(self) -> None:
        """The LAN hub discovery's modules load (zeroconf: the Linux bundle carries its
        pure-Python modules, not the compiled ones) and parse an mDNS record."""
        import importlib

        from zeroconf import const
        from zeroconf._dns import DNSText
        from zeroconf._protocol.incoming import DNSIncoming
        from zeroconf._protocol.outgoing import DNSOutgoing

        for module in ("gfdesk.core.hubdiscovery", "gfdesk.hub.discovery"):
            importlib.import_module(module)
        out = DNSOutgoing(const._FLAGS_QR_RESPONSE | const._FLAGS_AA)
        out.add_answer_at_time(DNSText("self-check._gfdesk._tcp.local.", const._TYPE_TXT,
                                       const._CLASS_IN, 120, b"\x04ok=1"), 0)
        parsed = DNSIncoming(out.packets()[0])
        if not parsed.answers() or parsed.answers()[0].name != "self-check._gfdesk._tcp.local.":
            raise StageFailed("zeroconf did not read back an mDNS record it wrote")
        say("ok: LAN discovery (zeroconf) loads and reads mDNS records")

    def _qt_multimedia(self) -> None:
        """Qt's multimedia backend loads and a video sink takes a picture: without the
        backend (its plugin or a library it links against missing) ``QVideoSink``
        drops every frame, so a call's video has nowhere to go, and Qt only warns."""
        from PySide6.QtCore import QSize
        from PySide6.QtMultimedia import (
            QMediaFormat,
            QVideoFrame,
            QVideoFrameFormat,
            QVideoSink,
        )

        if not QMediaFormat().supportedVideoCodecs(QMediaFormat.ConversionMode.Decode):
            raise StageFailed("Qt's multimedia backend did not load (no video codecs): "
                              "the call window cannot show video")
        frame = QVideoFrame(QVideoFrameFormat(QSize(64, 48),
                                              QVideoFrameFormat.PixelFormat.Format_YUV420P))
        sink = QVideoSink()
        sink.setVideoFrame(frame)
        if not sink.videoFrame().isValid():
            raise StageFailed("a QVideoSink dropped a picture (no video sink backend): "
                              "the call window cannot show video")
        say("ok: Qt's multimedia backend loaded, a video sink takes pictures")

    def _text_services(self) -> None:
        """Qt's ICU services answer: collation, time-zone names and a legacy encoding
        (the Linux bundle carries a trimmed ICU data library, packaging/linux/icudata.py;
        a tree it should have kept shows here)."""
        from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone

        german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
        if QCollator(german).compare("\u00c4pfel", "Zebra") >= 0:
            raise StageFailed("ICU's collation data is missing (\u00c4 sorts after Z)")
        zone = QTimeZone(b"Europe/Berlin").displayName(
            QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, german)
        if not zone or zone.startswith(("UTC", "GMT")):
            raise StageFailed(f"ICU's time-zone names are missing (Europe/Berlin: {zone!r})")
        if not QStringDecoder("Shift_JIS").isValid():
            raise StageFailed("ICU's converters are missing (no Shift_JIS)")
        say("ok: text services (ICU collation, time-zone names, converters)")

    def _media_codecs(self) -> None:
        """The call encoders exist (PyAV's native libraries load and have the encoders)."""
        import av

        for codec in MEDIA_CODECS:
            try:
                av.CodecContext.create(codec, "w")
            except Exception as exc:
                raise StageFailed(f"the call codec {codec} is not available: {exc}") from exc
        say(f"ok: call codecs available ({', '.join(MEDIA_CODECS)})")

