"""Choosing the call signalling: ``[calls] signalling``, GFDESK_SIGNALLING, --signalling,
and where the Socket.IO server's token is kept (the keyring, never the file)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from gfdesk.calls.cli import parse_args
from gfdesk.calls.service import signaling_for
from gfdesk.calls.signaling import RealtimeSignaling
from gfdesk.calls.sioclient import SignallingServer
from gfdesk.calls.siosignaling import SocketIOSignaling
from gfdesk.config import CallDevices, Paths, load, read_calls, read_signalling, save_calls
from gfdesk.core.tokenstore import SecretStore, signalling_secret
from tests.helpers.memkeyring import InsecureKeyring, MemoryKeyring

ENV = {"GFDESK_URL": "http://127.0.0.1:54321", "GFDESK_ANON_KEY": "anon",
       "GFDESK_EMAIL": "a@example.com", "GFDESK_PASSWORD": "pw"}


def _paths(tmp_path: Path, text: str | None) -> Paths:
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    if text is not None:
        paths.config_dir.mkdir(parents=True)
        paths.config_file.write_text(text, encoding="utf-8")
    return paths


@pytest.mark.parametrize(("text", "env", "url", "problem"), [
    (None, {}, None, ""),
    ('[calls]\nsignalling = "realtime"\n', {}, None, ""),
    ('[calls]\nsignalling = "https://signal.example.org/"\n', {},
     "https://signal.example.org", ""),
    ('[calls]\nsignalling = "http://10.0.0.2:3000"\n',
     {"GFDESK_SIGNALLING": "Realtime"}, None, ""),
    (None, {"GFDESK_SIGNALLING": "http://10.0.0.2:3000"}, "http://10.0.0.2:3000", ""),
    ('[calls]\nsignalling = "ws://x"\n', {}, None,
     "signalling: 'ws://x' is neither 'realtime' nor the http(s) URL"),
    ('[calls]\nsignalling = 3\n', {}, None, "signalling must be text; using Realtime"),
])
def test_the_setting_picks_realtime_or_a_socketio_server(
        tmp_path: Path, text: str | None, env: dict[str, str], url: str | None,
        problem: str) -> None:
    config = load(env=env, paths=_paths(tmp_path, text))
    assert config.signalling_url == url
    if problem:
        assert len(config.problems) == 1 and problem in config.problems[0]
    else:
        assert config.problems == ()


def test_the_command_line_takes_a_url_and_the_token_only_from_the_environment(
        capsys: pytest.CaptureFixture[str]) -> None:
    args = parse_args(["bob"], ENV)
    assert (args.signalling_url, args.signalling_token) == (None, None)
    args = parse_args(["bob", "--signalling", "http://10.0.0.2:3000/"],
                      {**ENV, "GFDESK_SIGNALLING_TOKEN": "s3cret-token"})
    assert (args.signalling_url, args.signalling_token) == ("http://10.0.0.2:3000",
                                                            "s3cret-token")
    with pytest.raises(SystemExit):
        parse_args(["bob", "--signalling", "socket.example.org"], ENV)
    assert "--signalling: 'socket.example.org' is neither" in capsys.readouterr().err


async def test_the_token_is_kept_in_a_secure_keyring_by_server_url() -> None:
    backend = MemoryKeyring()
    store = SecretStore(backend)
    name = signalling_secret("https://signal.example.org/")
    await store.save(name, "s3cret-token")
    assert backend.entries == {("gfdesk", "secret:signalling:https://signal.example.org"):
                               "s3cret-token"}
    assert await SecretStore(backend).load(name) == "s3cret-token"
    await store.delete(name)
    assert backend.entries == {} and await store.load(name) is None
    await store.delete(name)  # nothing stored: fine


async def test_an_insecure_keyring_keeps_no_token() -> None:
    backend = InsecureKeyring()
    store = SecretStore(backend)
    await store.save("signalling:x", "s3cret-token")
    assert not store.available and backend.entries == {}


def test_the_token_is_not_in_the_servers_repr() -> None:
    assert "s3cret" not in repr(SignallingServer("http://x", "s3cret-token"))


def test_saving_the_calls_table_keeps_the_signalling_server_unless_told(
        tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[app]\nlog_level = "info"\n\n[calls]\nsignalling = "http://10.0.0.2:3000"\n',
                    encoding="utf-8")
    save_calls(path, (), CallDevices(camera="/dev/video0"))
    assert read_signalling(path, env={}) == "http://10.0.0.2:3000"
    assert read_calls(path)[1] == CallDevices(camera="/dev/video0")
    assert read_signalling(path, env={"GFDESK_SIGNALLING": "realtime"}) is None
    save_calls(path, (), CallDevices(), signalling=None)
    assert read_signalling(path, env={}) is None
    assert tomllib.loads(path.read_text(encoding="utf-8"))["app"] == {"log_level": "info"}


async def test_the_app_signals_over_socketio_with_the_keyring_token_else_the_anon_key(
        tmp_path: Path) -> None:
    from supabase import AsyncClientOptions, acreate_client

    client = await acreate_client("http://127.0.0.1:9", "anon-key", AsyncClientOptions())
    assert isinstance(signaling_for(client, None, "u", None),  # type: ignore[arg-type]
                      RealtimeSignaling)
    signaling = signaling_for(client, None, "u", "http://10.0.0.2:3000")  # type: ignore[arg-type]
    assert isinstance(signaling, SocketIOSignaling)
    token = signaling.link.server.token
    assert not isinstance(token, str)
    assert await token() == "anon-key"  # the fail keyring of the tests holds nothing
    ring = MemoryKeyring()
    await SecretStore(ring).save(signalling_secret("http://10.0.0.2:3000"), "s3cret-token")
    keyring.set_keyring(ring)
    try:
        assert await token() == "s3cret-token"
    finally:
        keyring.set_keyring(keyring.backends.fail.Keyring())
