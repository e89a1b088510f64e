"""A real libwebrtc peer: headless Chromium with supabase-js calls a gfdesk user and is
called by one, through the hub, frames counted both ways (``netns_call.py``, run in a
network namespace of its own: Chromium never uses 127.0.0.1 for WebRTC).

Needs Debian's ``chromium``, ``node`` and ``npm ci`` in this folder (``.ci/run``
installs them); without them the test is skipped, unless ``GFDESK_REQUIRE_BROWSER=1``
(set by CI) makes a missing piece a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
TIMEOUT_S = 240

pytestmark = [pytest.mark.slow, pytest.mark.timeout(TIMEOUT_S + 30)]


def _missing() -> str | None:
    if shutil.which("chromium") is None and not os.environ.get("CHROMIUM"):
        return "Debian's chromium is not installed"
    if shutil.which("node") is None:
        return "node is not installed"
    if not (HERE / "node_modules" / "playwright-core").is_dir():
        return "run npm ci in tests/browser"
    if shutil.which("unshare") is None or subprocess.run(
            ["unshare", "-rn", "true"], capture_output=True).returncode != 0:
        return "cannot make a network namespace here (unshare -rn)"
    return None


def test_chromium_calls_a_gfdesk_user_and_is_called_by_one() -> None:
    missing = _missing()
    if missing is not None:
        if os.environ.get("GFDESK_REQUIRE_BROWSER") == "1":
            pytest.fail(missing)
        pytest.skip(missing)
    run = subprocess.run(["unshare", "-rn", sys.executable, str(HERE / "netns_call.py")],
                         env=dict(os.environ, GFDESK_NETNS="1"), capture_output=True,
                         text=True, timeout=TIMEOUT_S)
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    assert run.returncode == 0 and lines, run.stderr[-3000:]
    summary = json.loads(lines[-1])
    for name in ("browser_calls_gfdesk", "gfdesk_calls_browser"):
        browser, desk = summary[name]["browser"], summary[name]["gfdesk"]
        assert browser["ok"] and desk["ok"], summary[name]
        assert browser["call_id"] == desk["call_id"]
        # Frames both ways, counted on each side: Chromium's getStats and gfdesk's peer.
        assert browser["decoded"] > 30 and browser["encoded"] > 30, browser
        assert desk["frames_decoded"] > 30 and desk["frames_encoded"] > 30, desk
        assert (browser["width"], browser["height"]) == (640, 360)  # gfdesk's pattern
        assert desk["states"] == ["ringing", "connecting", "connected", "ended"]
        assert desk["end_reason"] == "remote hung up" and desk["exit"] == 0
        assert desk["video_codec"] == "VP8" and desk["audio_codec"] == "opus"
    assert summary["browser_calls_gfdesk"]["gfdesk"]["role"] == "callee"
    assert summary["gfdesk_calls_browser"]["gfdesk"]["role"] == "caller"
