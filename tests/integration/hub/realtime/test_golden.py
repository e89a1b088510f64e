"""Golden frames: the spec's captured client frames in, the recorded answers out (both vsn).

Each ``tests/data/realtime/*.json`` file is one session on one raw socket: ``send``
(a JSON frame), ``send_hex`` (a binary frame) and ``expect`` (the next frame the hub
must send). Refs are sent as captured, so they compare exactly; random ``phx_ref``s and
binding ids compare by shape (16-character URL-safe base64, positive integers).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from gfdesk.hub.runner import RunningHub
from tests.integration.hub.realtime.rawws import raw_socket, user_token

DATA = Path(__file__).parents[3] / "data" / "realtime"
PHX_REF = re.compile(r"^[A-Za-z0-9_-]{16}$")
EXPIRED_AGE = re.compile(r"expired \d+ seconds ago")


def _normalize(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _normalize(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalize(v) for v in value]
    if key in ("phx_ref", "phx_ref_prev"):
        assert isinstance(value, str) and PHX_REF.match(value), value
        return "<phx_ref>"
    if key == "id" and isinstance(value, int):
        assert value > 0
        return "<id>"
    if key == "reason" and isinstance(value, str):
        return EXPIRED_AGE.sub("expired <n> seconds ago", value)
    return value


def _substitute(frame: Any, values: dict[str, str]) -> Any:
    text = json.dumps(frame)
    for name, value in values.items():
        text = text.replace(f'"${name}"', json.dumps(value))
    return json.loads(text)


SESSIONS = {path.stem: json.loads(path.read_text()) for path in sorted(DATA.glob("*.json"))}


@pytest.mark.parametrize("name", sorted(SESSIONS))
async def test_golden_session(hub: RunningHub, name: str) -> None:
    session = SESSIONS[name]
    values = {"ANON_KEY": hub.anon_key, "USER_TOKEN": user_token(hub),
              "EXPIRED_TOKEN": user_token(hub, exp_in_s=-30)}
    async with raw_socket(hub, session["vsn"]) as sock:
        for number, step in enumerate(session["steps"]):
            if "send" in step:
                await sock.ws.send_str(json.dumps(_substitute(step["send"], values)))
            elif "send_hex" in step:
                await sock.ws.send_bytes(bytes.fromhex(step["send_hex"]))
            else:
                got = await sock.recv()
                assert _normalize(got) == _normalize(step["expect"]), f"step {number}"
