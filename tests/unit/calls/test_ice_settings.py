"""ICE servers in the settings file ([calls] ice_servers): what is kept, what is a problem."""

from __future__ import annotations

from pathlib import Path

from gfdesk.config import IceServer, Paths, load


def _load(tmp_path: Path, text: str) -> tuple[tuple[IceServer, ...], tuple[str, ...]]:
    paths = Paths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(text, encoding="utf-8")
    config = load(env={}, paths=paths)
    return config.ice_servers, config.problems


def test_a_credential_left_in_the_file_still_works_with_a_problem_to_move_it(
        tmp_path: Path) -> None:
    turn = ('{ urls = ["turn:turn.example.org:3478", "turns:turn.example.org:5349"], '
            'username = "gamer", credential = "hunter22" }')
    servers, problems = _load(tmp_path, f"""
[calls]
ice_servers = [
  {{ urls = "stun:stun.example.org:3478" }},
  {turn},
]
""")
    assert len(problems) == 1 and "entry 2 keeps a TURN credential in plain text" in problems[0]
    assert "hunter22" not in problems[0]
    assert servers == (IceServer(("stun:stun.example.org:3478",)),
                       IceServer(("turn:turn.example.org:3478", "turns:turn.example.org:5349"),
                                 "gamer", "hunter22"))
    assert "hunter22" not in repr(servers)


def test_unusable_entries_are_skipped_with_a_problem_each(tmp_path: Path) -> None:
    servers, problems = _load(tmp_path, """
[calls]
ice_servers = [
  { urls = "turn:turn.example.org" },
  { urls = "https://example.org" },
  "stun:bare.example.org",
  { urls = "stun:ok.example.org" },
]
""")
    assert servers == (IceServer(("stun:ok.example.org",)),)
    assert len(problems) == 3
    assert "entry 1" in problems[0] and "needs a username and a credential" in problems[0]
    assert "entry 2" in problems[1] and "entry 3" in problems[2]


def test_without_a_calls_table_there_are_no_servers(tmp_path: Path) -> None:
    assert _load(tmp_path, "[app]\nlog_level = 'INFO'\n") == ((), ())
    servers, problems = _load(tmp_path, "calls = 3\n")
    assert servers == () and "[calls] must be a table" in problems[0]


def test_a_turn_server_needs_only_its_username_in_the_file(tmp_path: Path) -> None:
    servers, problems = _load(tmp_path, """
[calls]
ice_servers = [{ urls = "turn:turn.example.org", username = "gamer" }]
""")
    assert problems == ()
    assert servers == (IceServer(("turn:turn.example.org",), "gamer"),)
