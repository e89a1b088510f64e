"""``gfdesk call`` in separate processes, through the real hub on loopback."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from gfdesk.hub.runner import RunningHub
from tests.helpers.hubfixture import DEFAULT_PASSWORD, user_client, user_id

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[3]
TIMEOUT_S = 60.0


def _env(hub: RunningHub, name: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GFDESK_")}
    env.update(GFDESK_URL=hub.url, GFDESK_ANON_KEY=hub.anon_key,
               GFDESK_EMAIL=f"{name}@example.com", GFDESK_PASSWORD=DEFAULT_PASSWORD,
               PYTHONPATH=str(ROOT))
    return env


async def _start(hub: RunningHub, name: str, *args: str,
                 token: str | None = None) -> asyncio.subprocess.Process:
    env = _env(hub, name)
    if token is not None:
        env["GFDESK_SIGNALLING_TOKEN"] = token
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "gfdesk", "call", *args, env=env, cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)


async def _finish(proc: asyncio.subprocess.Process) -> tuple[int, dict[str, Any], str]:
    out, err = await asyncio.wait_for(proc.communicate(), TIMEOUT_S)
    lines = out.decode().strip().splitlines()
    assert len(lines) == 1, (out, err)
    assert proc.returncode is not None
    return proc.returncode, json.loads(lines[0]), err.decode()


async def _users(hub: RunningHub, *names: str) -> dict[str, str]:
    return {name: await user_id(await user_client(hub, f"{name}@example.com", username=name))
            for name in names}


@pytest.mark.parametrize("signalling", ["realtime", "socketio"])
async def test_two_processes_call_each_other_and_report_video_both_ways(
        hub: RunningHub, tmp_path: Path, signalling: str) -> None:
    ids = await _users(hub, "ann", "ben")
    ready = tmp_path / "ben.ready"
    os.mkfifo(ready)  # reading blocks until ben listens for calls
    # Over Socket.IO: through the hub's call relay, ann's token from the environment,
    # ben's the anon key (no keyring in tests).
    via = ["--signalling", hub.url] if signalling == "socketio" else []
    ben = await _start(hub, "ben", "--answer", "--ready-file", str(ready), *via)
    try:
        text = await asyncio.wait_for(asyncio.to_thread(ready.read_text), TIMEOUT_S)
        assert json.loads(text) == {"user_id": ids["ben"]}
        ann = await _start(hub, "ann", "ben", "--duration", "2", "--size", "320x240", *via,
                           token=hub.anon_key if via else None)
        code_a, caller, err_a = await _finish(ann)
        code_b, callee, err_b = await _finish(ben)
    finally:
        if ben.returncode is None:
            ben.kill()
            await ben.wait()
    assert (code_a, code_b) == (0, 0), (err_a, err_b)
    assert caller["ok"] and callee["ok"]
    assert caller["call_id"] == callee["call_id"]
    assert (caller["role"], callee["role"]) == ("caller", "callee")
    assert (caller["other_id"], callee["other_id"]) == (ids["ben"], ids["ann"])
    assert caller["states"] == callee["states"] == ["ringing", "connecting", "connected",
                                                    "ended"]
    assert (caller["end_reason"], callee["end_reason"]) == ("hung up", "remote hung up")
    assert caller["frames_decoded"] > 0 and caller["frames_encoded"] > 0
    assert callee["frames_decoded"] > 0 and callee["frames_encoded"] > 0
    assert (callee["width"], callee["height"]) == (320, 240)
    assert caller["video_codec"] == callee["video_codec"] == "VP8"
    assert DEFAULT_PASSWORD not in err_a + err_b


async def test_an_unanswered_call_exits_1_with_the_reason(hub: RunningHub) -> None:
    await _users(hub, "ann", "ben")
    ann = await _start(hub, "ann", "ben", "--ring-timeout", "1")
    code, summary, _ = await _finish(ann)
    assert code == 1
    assert not summary["ok"] and summary["end_reason"] == "missed"
    assert summary["states"] == ["ringing", "ended"]


async def test_an_unknown_user_or_a_failed_sign_in_exits_2(hub: RunningHub) -> None:
    await _users(hub, "ann")
    code, summary, _ = await _finish(await _start(hub, "ann", "nobody-of-that-name"))
    assert (code, summary["ok"]) == (2, False) and "no user named" in summary["error"]
    code, summary, _ = await _finish(await _start(hub, "stranger", "--answer"))
    assert (code, summary["ok"]) == (2, False) and "sign-in failed" in summary["error"]
