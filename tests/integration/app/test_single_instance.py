"""One gfdesk per user, profile and data folder, between real processes.

A second ``python -m gfdesk --demo`` on the same folders hands its links to the first
(which brings its window up and opens them) and exits 0 without starting a window or
a hub of its own; after the first is killed (a crash: the lock file and the socket
stay behind), the next launch starts normally.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from gfdesk.desktop.activation import token_tag
from tests.integration.app.test_app_process import App, assert_quiet

pytestmark = pytest.mark.slow

ID = "0b6f4f0e-5a43-4c1a-9a55-2f1e6f7f3a10"


def test_a_second_launch_hands_its_link_to_the_first_and_exits(tmp_path: Path) -> None:
    first = App(tmp_path, "--demo", "--log-level", "DEBUG")
    try:
        first.wait_for("backend online: demo hub")
        started = time.monotonic()
        second = App(tmp_path, "--demo", f"gfdesk://conversation/{ID}",
                     "gfdesk://call/notauuid")
        out, err = second.proc.communicate(timeout=30)
        took = time.monotonic() - started
        assert second.proc.returncode == 0, err
        assert err == "" and out == ""
        print(f"second launch exited 0 in {took:.2f} s")
        first.wait_for("a later launch handed over 2 link(s)")
        first.wait_for("a later launch brings the window to the front")
        first.wait_for("the call id is not a UUID")
        first.wait_for(f"link opened: conversation {ID}")
        # The second run started no hub and wrote nothing to the log.
        log_text = "".join(p.read_text(encoding="utf-8")
                           for p in first.dirs["logs"].glob("gfdesk.log*"))
        assert log_text.count("demo hub listening on") == 1
        assert log_text.count("starting, profile demo") == 1
        code, stderr = first.close_window()
        assert code == 0, stderr
        assert_quiet(stderr)
    finally:
        first.kill()


def test_a_second_launch_hands_over_its_activation_token(tmp_path: Path) -> None:
    # What a Wayland desktop gives the process it launches; the running gfdesk needs it
    # to come to the front. Offscreen, Qt has no xdg-activation to use it with: the
    # first process says it got this very token and did not keep it.
    token = "gnome-shell/gfdesk/4012-3-host_TIME1234"
    first = App(tmp_path, "--demo")
    try:
        first.wait_for("backend online: demo hub")
        second = App(tmp_path, "--demo", env={"XDG_ACTIVATION_TOKEN": token})
        _, err = second.proc.communicate(timeout=30)
        assert second.proc.returncode == 0, err
        first.wait_for("a later launch brings the window to the front")
        first.wait_for(f"activation token {token_tag(token)} not used by Qt's offscreen "
                       "platform")
        code, stderr = first.close_window()
        assert code == 0, stderr
        assert token not in stderr
    finally:
        first.kill()


def test_a_link_given_while_nobody_is_signed_in_yet_opens_after_sign_in(
        tmp_path: Path) -> None:
    first = App(tmp_path, "--demo", f"gfdesk://tournament/{ID}")
    try:
        first.wait_for(f"link opened: tournament {ID}")
        code, stderr = first.close_window()
        assert code == 0, stderr
    finally:
        first.kill()


def test_after_a_crash_the_next_launch_starts_normally(tmp_path: Path) -> None:
    crashed = App(tmp_path, "--demo")
    crashed.wait_for("main window shown")
    os.kill(crashed.proc.pid, signal.SIGKILL)
    crashed.proc.communicate()
    assert any((tmp_path / "data" / "instance").glob("*.lock"))
    started = App(tmp_path, "--demo")
    try:
        started.wait_for("backend online: demo hub")
        later = App(tmp_path, "--demo")
        _, err = later.proc.communicate(timeout=30)
        assert later.proc.returncode == 0, err
        started.wait_for("a later launch handed over 0 link(s)")
        code, stderr = started.close_window()
        assert code == 0, stderr
    finally:
        started.kill()


def test_other_profiles_and_data_folders_are_other_instances(tmp_path: Path) -> None:
    first = App(tmp_path / "a", "--demo")
    second = App(tmp_path / "b", "--demo")
    try:
        first.wait_for("main window shown")
        second.wait_for("main window shown")
    finally:
        for app in (first, second):
            app.kill()


def test_background_without_a_tray_shows_the_window(tmp_path: Path) -> None:
    app = App(tmp_path, "--demo", "--background")
    try:
        app.wait_for("main window shown (no tray to start in)")
        code, stderr = app.close_window()
        assert code == 0, stderr
    finally:
        app.kill()


def test_the_socket_lives_in_the_users_runtime_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    first = App(tmp_path, "--demo")
    try:
        first.wait_for("backend online: demo hub")
        assert [p.name[:7] for p in runtime.iterdir()] == ["gfdesk-"]
        later = App(tmp_path, "--demo")
        _, err = later.proc.communicate(timeout=30)
        assert later.proc.returncode == 0, err
        first.wait_for("a later launch handed over 0 link(s)")
        code, stderr = first.close_window()
        assert code == 0, stderr
    finally:
        first.kill()
