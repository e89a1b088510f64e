"""One running gfdesk per user, profile and data folder: the lock and the hand-over's
words. Qt-free.

The first launch takes an exclusive lock on a file in the data folder and listens on a
local socket (``instanceserver``); a later launch finds the lock taken, connects to that
socket, hands over what it was asked to open and exits. The operating system drops the
lock when its process ends, however it ends, so a crash leaves no stale lock: the next
launch takes it and clears the dead socket before listening again.

The hand-over is one line of JSON (``encode_request``), answered with ``ACK``; both
sides bound what they read.

On Wayland a window may come to the front only with an xdg-activation token, which
the desktop gives the process it launches in ``XDG_ACTIVATION_TOKEN``: the later
launch got it, the running instance needs it, so the hand-over carries it
(``activation_token_from``; ``desktop.activation`` gives it to Qt).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

#: The reply to a hand-over the first instance accepted.
ACK = b"ok\n"
#: A request longer than this is refused (a few links fit many times over).
MAX_REQUEST_BYTES = 16 * 1024
#: At most this many links are handed over at once.
MAX_LINKS = 8
#: Where a launcher puts a Wayland xdg-activation token for the process it starts.
ACTIVATION_TOKEN_ENV = "XDG_ACTIVATION_TOKEN"
#: What a token may look like. The protocol says only "a string"; compositors make
#: short printable ones (a UUID, "kwin-12", "gnome-shell/gfdesk/1234-5-host_TIME9"), and
#: anything else from the socket is someone else's: it would land in our environment.
ACTIVATION_TOKEN = re.compile(r"[\x21-\x7e]{1,256}")
# Version 1 still: the token is an optional key, which a gfdesk of before ignores.
_PROTOCOL = 1


def _user() -> str:
    import getpass  # here: this module loads before the main window shows

    try:
        return getpass.getuser()
    except Exception:  # no login name (a container without USER and no passwd entry)
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def instance_key(data_dir: Path, profile: str, user: str | None = None,
                 env: Mapping[str, str] | None = None) -> str:
    """The name shared by every launch for ``user``, ``profile`` and ``data_dir``:
    the local socket's name (hashed: the path may hold anything, and a socket path
    must be short).

    On Linux the socket goes in the user's own ``$XDG_RUNTIME_DIR`` when there is one
    (Qt would put a bare name in the shared /tmp, where another user could take the
    name first); macOS's temporary folder is the user's own already, and Windows
    names a pipe.
    """
    who = user if user is not None else _user()
    folder = os.path.normcase(str(data_dir.expanduser().resolve()))
    digest = hashlib.sha256("\0".join((who, profile, folder)).encode()).hexdigest()
    name = f"gfdesk-{digest[:24]}"
    env = os.environ if env is None else env
    runtime = env.get("XDG_RUNTIME_DIR")
    if sys.platform.startswith("linux") and runtime and os.path.isdir(runtime):
        return os.path.join(runtime, name)
    return name


@dataclass(frozen=True)
class Request:
    """What a later launch hands to the first one.

    Attributes:
        links: the ``gfdesk://`` links it was given (not checked here: the first
            instance parses them, and says in its log what it refused).
        background: the later launch was started with ``--background`` (autostart):
            the running window is then left as it is.
        activation_token: the Wayland xdg-activation token the later launch was
            given (``ACTIVATION_TOKEN``), for the running window to come to the front
            with; single-use, kept out of ``repr`` and so out of logs.
    """

    links: tuple[str, ...] = ()
    background: bool = False
    activation_token: str | None = field(default=None, repr=False)


def activation_token_from(env: Mapping[str, str]) -> str | None:
    """The activation token in ``env`` when it is one we would accept, else None."""
    token = env.get(ACTIVATION_TOKEN_ENV, "")
    return token if ACTIVATION_TOKEN.fullmatch(token) else None


def encode_request(request: Request) -> bytes:
    """One JSON line."""
    import json  # only a later launch's hand-over needs it, after the window shows

    data: dict[str, object] = {"v": _PROTOCOL, "links": list(request.links[:MAX_LINKS]),
                               "background": request.background}
    if request.activation_token is not None:
        data["activation_token"] = request.activation_token
    return json.dumps(data, separators=(",", ":")).encode() + b"\n"


def decode_request(line: bytes) -> Request:
    """The request in one line from ``encode_request``.

    Raises:
        ValueError: not such a line.
    """
    if len(line) > MAX_REQUEST_BYTES:
        raise ValueError("request too long")
    import json

    try:
        data = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("v") != _PROTOCOL:
        raise ValueError("not a gfdesk hand-over")
    links = data.get("links", [])
    if not isinstance(links, list) or not all(isinstance(x, str) for x in links):
        raise ValueError("links must be a list of strings")
    background = data.get("background", False)
    if not isinstance(background, bool):
        raise ValueError("background must be true or false")
    token = data.get("activation_token")
    if token is not None and not (isinstance(token, str) and ACTIVATION_TOKEN.fullmatch(token)):
        raise ValueError("activation_token must be 1 to 256 printable ASCII characters")
    return Request(tuple(links[:MAX_LINKS]), background, token)


class InstanceLock:
    """An exclusive, non-blocking lock on ``path``, held while this process runs.

    The file holds the holder's process id, for people reading the data folder; the
    lock itself is the OS's (``flock`` or ``msvcrt.locking``), released when the
    process ends, so a crash leaves nothing stale.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[bytes] | None = None

    @classmethod
    def for_profile(cls, data_dir: Path, profile: str) -> InstanceLock:
        name = hashlib.sha256(profile.encode()).hexdigest()[:12]
        return cls(data_dir / "instance" / f"{name}.lock")

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self) -> bool:
        """Take the lock; returns False at once if another process holds it.

        Raises:
            OSError: the data folder cannot be written.
        """
        if self._file is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+b")  # noqa: SIM115 - held open while the app runs
        try:
            if not _try_lock(fh):
                fh.close()
                return False
            fh.seek(0)
            fh.truncate()
            fh.write(f"{os.getpid()}\n".encode())
            fh.flush()
        except BaseException:
            fh.close()
            raise
        self._file = fh
        return True

    def holder(self) -> int | None:
        """The process id the lock file names (None: none or unreadable)."""
        try:
            text = self.path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return int(text) if text.isdigit() else None

    def release(self) -> None:
        fh, self._file = self._file, None
        if fh is not None:
            _unlock(fh)
            fh.close()


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fh: IO[bytes]) -> bool:
        fh.seek(0)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fh: IO[bytes]) -> None:
        fh.seek(0)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _try_lock(fh: IO[bytes]) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
