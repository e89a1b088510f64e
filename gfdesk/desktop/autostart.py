"""Start at login, the way each system does it. Qt-free.

- Linux and other freedesktop systems: ``$XDG_CONFIG_HOME/autostart/gfdesk.desktop``.
- macOS: a LaunchAgent, ``~/Library/LaunchAgents/<LABEL>.plist`` (``RunAtLoad``).
- Windows: the ``gfdesk`` value of ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.

Each starts gfdesk with ``--background`` (the tray icon only). Whether it is on is read
from the entry itself, never remembered elsewhere: an entry the user removed by hand is
simply off. Opt-in: nothing is written until the user turns it on in Settings.
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

APP_ID = "gfdesk"
#: The LaunchAgent's label (reverse DNS, as launchd wants).
LAUNCH_AGENT_LABEL = "com.gamerflick.gfdesk"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
BACKGROUND_FLAG = "--background"


def launch_command(executable: str | None = None, frozen: bool | None = None) -> list[str]:
    """How to start this gfdesk again: the bundle's executable, the ``gfdesk`` script
    beside the interpreter (a venv, pipx), or ``python -m gfdesk``."""
    executable = executable or sys.executable
    if frozen if frozen is not None else getattr(sys, "frozen", False):
        return [executable]
    folder = Path(executable).parent
    for name in ("gfdesk.exe", "gfdesk") if sys.platform == "win32" else ("gfdesk",):
        script = folder / name
        if script.is_file():
            return [str(script)]
    return [executable, "-m", "gfdesk"]


# -- the three kinds of entry -----------------------------------------------------------


def _desktop_exec_arg(arg: str) -> str:
    """One argument of a desktop entry's ``Exec`` key (Desktop Entry spec, "The Exec
    key"): quoted when it holds a reserved character, ``%`` doubled."""
    arg = arg.replace("%", "%%")
    if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`='):
        return arg
    quoted = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{quoted}"'


def desktop_entry(command: Sequence[str]) -> str:
    """The XDG autostart file that runs ``command`` with ``--background``."""
    exec_line = " ".join(_desktop_exec_arg(a) for a in [*command, BACKGROUND_FLAG])
    # The file's own string escaping comes on top of Exec's quoting.
    exec_line = exec_line.replace("\\", "\\\\")
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=gfdesk\n"
        "Comment=GamerFlick desktop in the tray\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def launch_agent(command: Sequence[str]) -> bytes:
    """The LaunchAgent plist that runs ``command`` with ``--background`` at login."""
    return plistlib.dumps({
        "Label": LAUNCH_AGENT_LABEL,
        "ProgramArguments": [*command, BACKGROUND_FLAG],
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    })


def run_key_value(command: Sequence[str]) -> str:
    """The Run key's command line (Windows quoting rules)."""
    return subprocess.list2cmdline([*command, BACKGROUND_FLAG])


# -- where they go ----------------------------------------------------------------------


def xdg_autostart_file(env: Mapping[str, str] | None = None,
                       home: Path | None = None) -> Path:
    env = os.environ if env is None else env
    base = Path(env["XDG_CONFIG_HOME"]) if env.get("XDG_CONFIG_HOME") \
        else (home or Path.home()) / ".config"
    return base / "autostart" / f"{APP_ID}.desktop"


def launch_agent_file(home: Path | None = None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"


class Autostart:
    """Start at login on this system.

    Args:
        platform: ``sys.platform`` (tests pass another to check the files' places).
        env, home: where the user's files are (tests pass a temporary folder).
        command: what to start (default: ``launch_command()``).
    """

    def __init__(self, platform: str = sys.platform, env: Mapping[str, str] | None = None,
                 home: Path | None = None, command: Sequence[str] | None = None) -> None:
        self.platform = platform
        self._env = os.environ if env is None else env
        self._home = home
        self.command = list(command) if command is not None else launch_command()

    @property
    def file(self) -> Path | None:
        """The file that makes it start (None on Windows: a registry value)."""
        if self.platform == "win32":
            return None
        if self.platform == "darwin":
            return launch_agent_file(self._home)
        return xdg_autostart_file(self._env, self._home)

    def is_enabled(self) -> bool:
        if self.platform == "win32":
            return _read_run_key() is not None
        file = self.file
        return file is not None and file.is_file()

    def set_enabled(self, on: bool) -> None:
        """Write or remove the entry.

        Raises:
            OSError: it could not be written or removed.
        """
        if self.platform == "win32":
            _write_run_key(run_key_value(self.command) if on else None)
            return
        file = self.file
        assert file is not None
        if not on:
            file.unlink(missing_ok=True)
            return
        content = launch_agent(self.command) if self.platform == "darwin" \
            else desktop_entry(self.command).encode()
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_name(file.name + ".partial")
        partial.write_bytes(content)
        os.replace(partial, file)


if sys.platform == "win32":
    import winreg

    def _read_run_key() -> str | None:
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _ = winreg.QueryValueEx(key, APP_ID)
        except FileNotFoundError:
            return None
        return str(value)

    def _write_run_key(value: str | None) -> None:
        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, RUN_KEY, 0,
                                winreg.KEY_SET_VALUE) as key:
            if value is None:
                try:
                    winreg.DeleteValue(key, APP_ID)
                except FileNotFoundError:
                    pass
            else:
                winreg.SetValueEx(key, APP_ID, 0, winreg.REG_SZ, value)
else:
    def _read_run_key() -> str | None:
        raise OSError("the Windows registry exists only on Windows")

    def _write_run_key(value: str | None) -> None:
        raise OSError("the Windows registry exists only on Windows")
