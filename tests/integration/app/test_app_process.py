"""The whole app as a user starts it: ``python -m gfdesk --demo`` in its own process.

Closing the main window (what SIGINT does, like Ctrl+Q and the tray's Quit) while the
hub, the client's timers and sockets are live must exit 0 without a word of complaint
on stderr, and no key or token may reach the log file.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from gfdesk.hub.keys import Keys

pytestmark = pytest.mark.slow

# What asyncio, qasync and Python print when shutdown leaves work behind.
COMPLAINTS = (
    "Task was destroyed but it is pending",
    "Event loop stopped before Future completed",
    "Traceback",
    "Warning",
    "Exception ignored",
    "never awaited",
    "Unclosed",
)
JWT = re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")


class App:
    def __init__(self, tmp_path: Path, *args: str, env: Mapping[str, str] | None = None) -> None:
        self.dirs = {name: tmp_path / name for name in ("config", "data", "logs")}
        # A desktop's activation token in the test's own environment is not the app's.
        inherited = {k: v for k, v in os.environ.items() if k != "XDG_ACTIVATION_TOKEN"}
        env = dict(
            inherited,
            **(env or {}),
            QT_QPA_PLATFORM="offscreen",
            GFDESK_CONFIG_DIR=str(self.dirs["config"]),
            GFDESK_DATA_DIR=str(self.dirs["data"]),
            GFDESK_LOG_DIR=str(self.dirs["logs"]),
            # Every warning shown, except supabase 2.34 warning about its own call to
            # postgrest (pyproject's pytest filters say the same for in-process tests).
            PYTHONWARNINGS="default,ignore::DeprecationWarning:supabase._async.client",
            PYTHONDEVMODE="",
        )
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gfdesk", *args], env=env, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True,
        )
        self.lines: list[str] = []

    def wait_for(self, text: str, timeout: float = 60) -> None:
        assert self.proc.stderr is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            if not line:
                pytest.fail("gfdesk ended early:\n" + "".join(self.lines))
            self.lines.append(line)
            if text in line:
                return
        pytest.fail(f"no {text!r} within {timeout} s:\n" + "".join(self.lines))

    def close_window(self) -> tuple[int, str]:
        self.proc.send_signal(signal.SIGINT)
        _, rest = self.proc.communicate(timeout=60)
        return self.proc.returncode, "".join(self.lines) + rest

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()


@pytest.fixture
def demo_app(tmp_path: Path) -> Iterator[App]:
    app = App(tmp_path, "--demo", "--log-level", "DEBUG")
    yield app
    app.kill()


def assert_quiet(stderr: str) -> None:
    found = [c for c in COMPLAINTS if c in stderr]
    assert not found, f"shutdown complained ({found}):\n{stderr}"


def test_closing_the_window_while_connected_exits_cleanly(demo_app: App) -> None:
    demo_app.wait_for("backend online: demo hub")
    code, stderr = demo_app.close_window()
    assert code == 0, stderr
    assert_quiet(stderr)
    assert "bye" in stderr


def test_closing_the_window_while_the_hub_starts_exits_cleanly(demo_app: App) -> None:
    demo_app.wait_for("main window shown")
    code, stderr = demo_app.close_window()
    assert code == 0, stderr
    assert_quiet(stderr)


def test_no_key_or_token_reaches_the_log(demo_app: App) -> None:
    demo_app.wait_for("backend online: demo hub")
    code, stderr = demo_app.close_window()
    assert code == 0, stderr
    log_text = "\n".join(p.read_text(encoding="utf-8")
                         for p in demo_app.dirs["logs"].glob("gfdesk.log*"))
    assert "signed in to demo hub" in log_text  # the log is real and at DEBUG
    secret = (demo_app.dirs["data"] / "demo-hub" / "jwt_secret").read_text().strip()
    keys = Keys.from_secret(secret)
    for text in (log_text, stderr):
        for value in (secret, keys.anon_key, keys.service_role_key):
            assert value not in text
        assert not JWT.search(text), JWT.search(text)
    from gfdesk.hub.demo import DEMO_PASSWORD

    assert DEMO_PASSWORD not in log_text
