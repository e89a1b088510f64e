"""Is a streaming app running (OBS Studio, Streamlabs)? Qt-free.

Blocking (it lists processes): call it from a worker thread, never on the event loop.
psutil when it is installed; else ``/proc`` on Linux, ``ps`` on macOS and ``tasklist``
on Windows. A listing that fails counts as "none found" (and is logged once by the
caller), so a locked-down system never turns streamer mode on by itself.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

#: Process names (lower case, without ".exe") of the streaming apps looked for.
STREAMING_APPS = frozenset({
    "obs", "obs64", "obs32", "obs-studio", "obs-browser-page",
    "streamlabs obs", "streamlabs desktop", "slobs",
})
#: ``ps``/``tasklist`` get this long before the check gives up.
COMMAND_TIMEOUT_S = 5.0


def _normal(name: str) -> str:
    name = name.strip().strip('"').rsplit("/", 1)[-1].rsplit("\\", 1)[-1].lower()
    return name.removesuffix(".exe")


def find_streaming_app(names: Iterable[str]) -> str | None:
    """The first of ``names`` (process names or paths) that is a streaming app."""
    for name in names:
        if _normal(name) in STREAMING_APPS:
            return name.strip()
    return None


def process_names(platform: str = sys.platform, proc: Path = Path("/proc"), *,
                  use_psutil: bool = True) -> list[str]:
    """The names of the running processes (this user's and others', where visible).

    Raises:
        OSError: they could not be listed.
    """
    try:
        if not use_psutil:
            raise ImportError
        import psutil
    except ImportError:
        pass
    else:
        return [str(p.info.get("name") or "") for p in psutil.process_iter(["name"])]
    if platform.startswith("linux"):
        names = []
        for entry in proc.iterdir():
            if not entry.name.isdigit():
                continue
            try:
                names.append((entry / "comm").read_text(encoding="utf-8",
                                                         errors="replace").strip())
            except OSError:
                continue  # it ended while we looked, or it is not ours to read
        return names
    if platform == "win32":
        out = _run(["tasklist", "/fo", "csv", "/nh"])
        return [line.split('","', 1)[0].strip('"') for line in out.splitlines() if line]
    out = _run(["ps", "-axco", "comm="])
    return [line.strip() for line in out.splitlines() if line.strip()]


def _run(command: list[str]) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=True,
                                timeout=COMMAND_TIMEOUT_S)
    except (subprocess.SubprocessError, OSError) as exc:
        raise OSError(f"{command[0]} failed: {exc}") from exc
    return result.stdout


def streaming_app_running(platform: str = sys.platform) -> str | None:
    """The streaming app found running (None: none). Blocking.

    Raises:
        OSError: the processes could not be listed.
    """
    return find_streaming_app(process_names(platform))
