"""gfdesk.calls.cli: the command line of 'gfdesk call'."""

from __future__ import annotations

import pytest

from gfdesk.calls.cli import parse_args
from gfdesk.config import IceServer

ENV = {"GFDESK_URL": "http://127.0.0.1:54321", "GFDESK_ANON_KEY": "anon",
       "GFDESK_EMAIL": "a@example.com", "GFDESK_PASSWORD": "pw"}


def test_sign_in_comes_from_the_environment_or_the_arguments() -> None:
    args = parse_args(["--answer"], ENV)
    assert (args.url, args.email, args.answer, args.user) == (
        "http://127.0.0.1:54321", "a@example.com", True, None)
    args = parse_args(["bob", "--email", "b@example.com", "--duration", "5"], ENV)
    assert (args.user, args.email, args.duration) == ("bob", "b@example.com", 5.0)


@pytest.mark.parametrize(("argv", "env", "message"), [
    (["--answer"], {}, "missing --url, --anon-key, --email, --password"),
    ([], ENV, "one of the arguments"),
    (["bob", "--answer"], ENV, "not allowed with"),
    (["bob", "--size", "big"], ENV, "--size must look like"),
    (["bob", "--ice-server", "turn:t.example:3478"], ENV, "needs a username and a credential"),
    (["bob", "--ice-server", "http://x"], ENV, "is not a stun:"),
    (["bob", "--relay-only"], ENV, "--relay-only needs a turn: server"),
])
def test_bad_command_lines_exit_2_with_the_reason(
        argv: list[str], env: dict[str, str], message: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        parse_args(argv, env)
    assert exited.value.code == 2
    assert message in capsys.readouterr().err


def test_ice_servers_take_the_turn_credential_from_the_environment() -> None:
    env = {**ENV, "GFDESK_TURN_CREDENTIAL": "s3cret"}
    args = parse_args(["bob", "--ice-server", "stun:s.example:3478", "--ice-server",
                       "turn:t.example:3478", "--turn-username", "u", "--relay-only"], env)
    assert args.ice == (IceServer(("stun:s.example:3478",)),
                        IceServer(("turn:t.example:3478",), "u", "s3cret"))
    assert "s3cret" not in repr(args.ice)
