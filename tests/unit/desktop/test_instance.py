"""The instance lock (held across real processes, freed when its holder dies) and the
hand-over's line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gfdesk.desktop.instance import (
    ACTIVATION_TOKEN_ENV,
    MAX_LINKS,
    MAX_REQUEST_BYTES,
    InstanceLock,
    Request,
    activation_token_from,
    decode_request,
    encode_request,
    instance_key,
)

HOLD = """
import sys
from pathlib import Path
from gfdesk.desktop.instance import InstanceLock
lock = InstanceLock(Path(sys.argv[1]))
print("held" if lock.acquire() else "busy", flush=True)
sys.stdin.read()
"""


def holder(path: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_lock_another_process_holds_is_refused_until_it_ends(tmp_path: Path) -> None:
    path = tmp_path / "instance" / "x.lock"
    proc = holder(path)
    try:
        lock = InstanceLock(path)
        assert not lock.acquire()
        assert lock.holder() == proc.pid
    finally:
        proc.kill()  # a crash: no release, no clean-up
        proc.communicate()
    assert lock.acquire()
    assert lock.holder() is not None
    lock.release()


def test_release_frees_the_lock_for_another_process(tmp_path: Path) -> None:
    lock = InstanceLock.for_profile(tmp_path, "demo")
    assert lock.acquire()
    assert lock.acquire()  # again in the same run: still ours
    lock.release()
    proc = holder(lock.path)
    proc.kill()
    proc.communicate()


def test_each_profile_has_its_own_lock(tmp_path: Path) -> None:
    demo = InstanceLock.for_profile(tmp_path, "demo")
    lan = InstanceLock.for_profile(tmp_path, "lan")
    assert demo.path != lan.path
    assert demo.acquire() and lan.acquire()
    demo.release()
    lan.release()


def test_the_key_differs_per_user_profile_and_data_folder(tmp_path: Path) -> None:
    base = instance_key(tmp_path, "demo", "ann", env={})
    assert base == instance_key(tmp_path / ".", "demo", "ann", env={})
    others = {instance_key(tmp_path, "lan", "ann", env={}),
              instance_key(tmp_path, "demo", "bob", env={}),
              instance_key(tmp_path / "other", "demo", "ann", env={})}
    assert base not in others and len(others) == 3
    assert base.startswith("gfdesk-") and len(base) < 40  # macOS socket paths are short


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_RUNTIME_DIR is Linux's")
def test_on_linux_the_socket_is_in_the_users_runtime_folder(tmp_path: Path) -> None:
    key = instance_key(tmp_path, "demo", "ann", env={"XDG_RUNTIME_DIR": str(tmp_path)})
    assert Path(key).parent == tmp_path and Path(key).name.startswith("gfdesk-")
    missing = {"XDG_RUNTIME_DIR": str(tmp_path / "missing")}
    assert "/" not in instance_key(tmp_path, "demo", "ann", env=missing)


def test_a_request_survives_the_line() -> None:
    request = Request(("gfdesk://call/x", "gfdesk://tournament/y"), background=True)
    line = encode_request(request)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert decode_request(line.rstrip(b"\n")) == request


def test_at_most_max_links_are_handed_over() -> None:
    request = Request(tuple(f"gfdesk://call/{i}" for i in range(MAX_LINKS + 5)))
    assert len(decode_request(encode_request(request)).links) == MAX_LINKS


@pytest.mark.parametrize("line", [
    b"", b"not json", b"[]", b'{"v": 2, "links": []}', b'{"v": 1, "links": "x"}',
    b'{"v": 1, "links": [1]}', b'{"v": 1, "links": [], "background": "yes"}',
    b"\xff\xfe", b'{"v": 1, "links": ["' + b"a" * MAX_REQUEST_BYTES + b'"]}',
])
def test_anything_else_is_refused(line: bytes) -> None:
    with pytest.raises(ValueError):
        decode_request(line)


TOKEN = "gnome-shell/gfdesk/4012-3-host_TIME1234"


def test_the_activation_token_survives_the_line_and_stays_out_of_repr() -> None:
    request = Request(("gfdesk://call/x",), activation_token=TOKEN)
    assert decode_request(encode_request(request).rstrip(b"\n")) == request
    assert TOKEN not in repr(request)
    # A hand-over without one (a launch not from a desktop, or an older gfdesk).
    assert decode_request(b'{"v": 1, "links": []}').activation_token is None
    assert b"activation_token" not in encode_request(Request())


@pytest.mark.parametrize("token", [
    "", " leading-space", "two words", "tab\there", "new\nline", "nul\x00", "caf\u00e9",
    "x" * 257, 5, ["list"], {"a": 1}, True,
])
def test_a_hostile_activation_token_refuses_the_hand_over(token: object) -> None:
    line = json.dumps({"v": 1, "links": [], "activation_token": token}).encode()
    with pytest.raises(ValueError, match="activation_token"):
        decode_request(line)


def test_the_longest_accepted_token() -> None:
    line = json.dumps({"v": 1, "links": [], "activation_token": "x" * 256}).encode()
    assert decode_request(line).activation_token == "x" * 256


@pytest.mark.parametrize(("env", "expected"), [
    ({ACTIVATION_TOKEN_ENV: TOKEN}, TOKEN),
    ({ACTIVATION_TOKEN_ENV: "abc 123"}, None),
    ({ACTIVATION_TOKEN_ENV: ""}, None),
    ({ACTIVATION_TOKEN_ENV: "y" * 300}, None),
    ({}, None),
])
def test_a_later_launch_sends_only_a_token_the_receiver_accepts(
        env: dict[str, str], expected: str | None) -> None:
    assert activation_token_from(env) == expected
