"""The [calls] table written by Settings (``config.save_calls``) and read when a call
starts (``config.read_calls``); TURN credentials in the keyring
(``core.icecredentials``), never in the file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import keyring.errors
import pytest

from gfdesk.config import (
    CallDevices,
    ConfigError,
    IceServer,
    Paths,
    load,
    read_calls,
    save_calls,
)
from gfdesk.core.icecredentials import IceCredentials, entry_name
from tests.helpers.memkeyring import InsecureKeyring, MemoryKeyring

STUN = IceServer(("stun:stun.example.org:3478",))
TURN = IceServer(("turn:turn.example.org:3478", "turns:turn.example.org:5349"), "gamer")
DEVICES = CallDevices(camera="/dev/video2", microphone="alsa_input.usb", speaker=None)

OTHER_TABLES = """# my settings
[app]
profile = "lan"  # the LAN party

[profiles.lan]
url = "http://192.168.1.20:54321"
anon_key = "eyJhbGciOiJIUzI1NiJ9.x.y"

[calls]
camera = "/dev/video0"
ice_servers = [
  { urls = ["turn:old.example.org"], username = "u", credential = "plain-secret" },
]

[profiles.cloud]
url = "https://abc.supabase.co"
anon_key = "eyJhbGciOiJIUzI1NiJ9.a.b"
"""


def test_saving_replaces_only_the_calls_table_and_drops_the_credential(
        tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(OTHER_TABLES, encoding="utf-8")
    before = tomllib.loads(OTHER_TABLES)
    save_calls(path, (STUN, TURN), DEVICES)
    text = path.read_text(encoding="utf-8")
    after = tomllib.loads(text)
    assert {k: v for k, v in after.items() if k != "calls"} == \
        {k: v for k, v in before.items() if k != "calls"}
    assert "plain-secret" not in text and "credential" not in text
    assert "# my settings" in text and "# the LAN party" in text
    assert read_calls(path) == ((STUN, TURN), DEVICES)
    assert path.stat().st_mode & 0o077 == 0


def test_saving_into_a_missing_file_creates_it(tmp_path: Path) -> None:
    path = tmp_path / "new" / "config.toml"
    save_calls(path, (), CallDevices(speaker="out"))
    assert read_calls(path) == ((), CallDevices(speaker="out"))
    paths = Paths(tmp_path / "new", tmp_path / "data", tmp_path / "logs")
    assert load(env={}, paths=paths).call_devices == CallDevices(speaker="out")


def test_a_file_that_does_not_parse_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[app\nbroken", encoding="utf-8")
    with pytest.raises(ConfigError, match="fix it"):
        save_calls(path, (STUN,), DEVICES)
    assert path.read_text(encoding="utf-8") == "[app\nbroken"


def test_a_layout_that_cannot_be_edited_safely_is_left_alone(tmp_path: Path) -> None:
    # A dotted key elsewhere that belongs to [calls]: removing the table textually
    # would not remove it, and the check sees the difference.
    text = 'calls.camera = "/dev/video0"\n[app]\nprofile = "demo"\n'
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError):
        save_calls(path, (STUN,), DEVICES)
    assert path.read_text(encoding="utf-8") == text


def test_a_device_that_is_not_text_is_a_problem(tmp_path: Path) -> None:
    paths = Paths(tmp_path, tmp_path / "data", tmp_path / "logs")
    paths.config_file.write_text("[calls]\ncamera = 3\nspeaker = 'out'\n", encoding="utf-8")
    config = load(env={}, paths=paths)
    assert config.call_devices == CallDevices(speaker="out")
    assert any("camera must be text" in p for p in config.problems)


async def test_turn_credentials_live_in_the_keyring(tmp_path: Path) -> None:
    ring = MemoryKeyring()
    store = IceCredentials(ring)
    assert await store.complete((STUN, TURN)) == (STUN,)  # no credential: not used
    await store.save(TURN, "s3cret-turn")
    assert ring.entries == {("gfdesk", entry_name(TURN)): "s3cret-turn"}
    assert await store.has(TURN)
    completed = await store.complete((STUN, TURN))
    assert completed[1].credential == "s3cret-turn" and "s3cret" not in repr(completed)
    await store.delete(TURN)
    await store.delete(TURN)  # twice: nothing stored is fine
    assert ring.entries == {}


async def test_an_insecure_keyring_keeps_no_credential() -> None:
    store = IceCredentials(InsecureKeyring())
    assert not store.available
    with pytest.raises(keyring.errors.KeyringError):
        await store.save(TURN, "s3cret-turn")
    assert await store.complete((TURN,)) == ()
