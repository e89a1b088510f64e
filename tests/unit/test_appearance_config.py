"""``[appearance] theme`` in the settings file: read with a safe default, saved without
touching the rest of the file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from gfdesk.config import ConfigError, read_theme, save_theme

OTHER_TABLES = """\
[app]
profile = "lan"

[profiles.lan]
url = "http://192.168.1.20:54321"

[calls]
camera = "Integrated Camera"
"""


def test_no_file_or_no_table_means_dark(tmp_path: Path) -> None:
    assert read_theme(None) == "dark"
    assert read_theme(tmp_path / "missing.toml") == "dark"
    file = tmp_path / "config.toml"
    file.write_text(OTHER_TABLES, encoding="utf-8")
    assert read_theme(file) == "dark"


@pytest.mark.parametrize("text", ['[appearance]\ntheme = "purple"\n',
                                  "[appearance]\ntheme = 3\n", "appearance = 1\n",
                                  "not toml at all ["])
def test_a_bad_value_or_file_means_dark(tmp_path: Path, text: str) -> None:
    file = tmp_path / "config.toml"
    file.write_text(text, encoding="utf-8")
    assert read_theme(file) == "dark"


def test_save_replaces_only_the_appearance_table(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text(OTHER_TABLES + '\n[appearance]\ntheme = "dark"\n', encoding="utf-8")
    before = tomllib.loads(file.read_text(encoding="utf-8"))
    save_theme(file, "system")
    after = tomllib.loads(file.read_text(encoding="utf-8"))
    assert after.pop("appearance") == {"theme": "system"}
    before.pop("appearance")
    assert after == before
    assert read_theme(file) == "system"
    save_theme(file, "light")
    assert read_theme(file) == "light"
    assert file.read_text(encoding="utf-8").count("[appearance]") == 1


def test_save_creates_the_file_private(tmp_path: Path) -> None:
    file = tmp_path / "new" / "config.toml"
    save_theme(file, "light")
    assert read_theme(file) == "light"
    assert file.stat().st_mode & 0o077 == 0


def test_save_refuses_an_unknown_theme_and_a_broken_file(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    with pytest.raises(ConfigError):
        save_theme(file, "purple")
    file.write_text("broken = [", encoding="utf-8")
    with pytest.raises(ConfigError):
        save_theme(file, "light")
    assert file.read_text(encoding="utf-8") == "broken = ["
