"""``gfdesk --self-check``: a real process on the demo hub, in its own throwaway folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def self_check(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # The folders a normal run would use: the check must leave them alone.
    env = dict(os.environ, GFDESK_CONFIG_DIR=str(tmp_path / "config"),
               GFDESK_DATA_DIR=str(tmp_path / "data"), GFDESK_LOG_DIR=str(tmp_path / "logs"),
               GFDESK_PROFILE="no-such-profile")
    env.pop("QT_QPA_PLATFORM", None)  # the check itself makes Qt offscreen
    return subprocess.run([sys.executable, "-m", "gfdesk", "--self-check", *args], env=env,
                          capture_output=True, text=True, timeout=150, check=False)


def test_it_passes_once_friends_are_online_and_a_message_arrived(tmp_path: Path) -> None:
    result = self_check(tmp_path, "90")
    assert result.returncode == 0, result.stderr
    for stage in ("friends online", "a chat message arrived",
                  "Qt's multimedia backend loaded, a video sink takes pictures",
                  "LAN discovery (zeroconf) loads and reads mDNS records"):
        assert f"self-check: ok: {stage}" in result.stderr
    if sys.platform.startswith("linux"):
        assert "self-check: ok: text services" in result.stderr
    assert "self-check: passed in" in result.stderr
    assert not any((tmp_path / name).exists() for name in ("config", "data", "logs"))
    # Its own folder held the demo hub's data, and is gone afterwards.
    used = re.search(r"\(data (\S*gfdesk-self-check-[^/\s]+)", result.stderr)
    assert used is not None, result.stderr
    assert not Path(used.group(1)).exists()


def test_it_fails_with_the_stage_that_did_not_pass(tmp_path: Path) -> None:
    result = self_check(tmp_path, "0.01")
    assert result.returncode == 3, result.stderr
    assert re.search(r"self-check: FAILED: .+: not within 0\.01 s", result.stderr)
    assert "Traceback" not in result.stderr
