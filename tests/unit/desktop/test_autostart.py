"""Start at login: the XDG autostart file written and removed (Linux, for real, in a
temporary config home); the LaunchAgent and the Run key's contents checked as data."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gfdesk.desktop.autostart import (
    LAUNCH_AGENT_LABEL,
    Autostart,
    desktop_entry,
    launch_agent,
    launch_command,
    run_key_value,
)

SPACED = ["/opt/My Games/gfdesk/gfdesk"]


def exec_of(entry: str) -> str:
    line = next(x for x in entry.splitlines() if x.startswith("Exec="))
    # Undo the file's string escaping, then read the Exec quoting as a shell would
    # (the spec's quoting is a subset of the shell's double quotes).
    return line.removeprefix("Exec=").replace("\\\\", "\\")


def test_the_linux_entry_is_written_and_removed(tmp_path: Path) -> None:
    autostart = Autostart("linux", env={"XDG_CONFIG_HOME": str(tmp_path / "cfg")},
                          command=["/usr/bin/gfdesk"])
    assert autostart.file == tmp_path / "cfg" / "autostart" / "gfdesk.desktop"
    assert not autostart.is_enabled()
    autostart.set_enabled(True)
    assert autostart.is_enabled()
    text = autostart.file.read_text(encoding="utf-8")
    assert "Exec=/usr/bin/gfdesk --background\n" in text
    assert "Type=Application" in text
    autostart.set_enabled(False)
    assert not autostart.is_enabled()
    assert not autostart.file.exists()
    autostart.set_enabled(False)  # already off: nothing to do


def test_without_xdg_config_home_the_entry_goes_under_dot_config(tmp_path: Path) -> None:
    autostart = Autostart("linux", env={}, home=tmp_path, command=["gfdesk"])
    assert autostart.file == tmp_path / ".config" / "autostart" / "gfdesk.desktop"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed")
def test_the_linux_entry_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "gfdesk.desktop"
    path.write_text(desktop_entry([*SPACED, "--profile", "a$b"]), encoding="utf-8")
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True,
                            text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_exec_quotes_what_the_spec_reserves() -> None:
    command = [*SPACED, "--profile", 'we"ird$', "100%"]
    line = exec_of(desktop_entry(command))
    assert line == ('"/opt/My Games/gfdesk/gfdesk" --profile "we\\"ird\\$" 100%% '
                    "--background")


def test_the_launch_agent_runs_at_load_in_the_background(tmp_path: Path) -> None:
    data = plistlib.loads(launch_agent(SPACED))
    assert data == {"Label": LAUNCH_AGENT_LABEL, "RunAtLoad": True,
                    "ProgramArguments": [*SPACED, "--background"],
                    "ProcessType": "Interactive"}
    autostart = Autostart("darwin", home=tmp_path, command=SPACED)
    assert autostart.file == (tmp_path / "Library" / "LaunchAgents"
                              / f"{LAUNCH_AGENT_LABEL}.plist")
    autostart.set_enabled(True)
    assert plistlib.loads(autostart.file.read_bytes())["RunAtLoad"] is True
    autostart.set_enabled(False)
    assert not autostart.is_enabled()


def test_the_run_key_value_quotes_paths_with_spaces() -> None:
    assert run_key_value([r"C:\Program Files\gfdesk\gfdesk.exe"]) == \
        r'"C:\Program Files\gfdesk\gfdesk.exe" --background'
    assert run_key_value([r"C:\gfdesk\gfdesk.exe"]) == r"C:\gfdesk\gfdesk.exe --background"


@pytest.mark.skipif(sys.platform == "win32", reason="the registry is real there")
def test_the_run_key_is_refused_off_windows() -> None:
    with pytest.raises(OSError):
        Autostart("win32", command=["x"]).set_enabled(True)


def test_the_launch_command_starts_this_gfdesk(tmp_path: Path) -> None:
    assert launch_command("/bundle/gfdesk", frozen=True) == ["/bundle/gfdesk"]
    python = tmp_path / "python"
    assert launch_command(str(python), frozen=False) == [str(python), "-m", "gfdesk"]
    (tmp_path / "gfdesk").write_text("#!/bin/sh\n")
    assert launch_command(str(python), frozen=False) == [str(tmp_path / "gfdesk")]
