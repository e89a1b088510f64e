"""gfdesk.config: layering, profiles, and settings files that are wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from gfdesk.config import (
    ADHOC_PROFILE,
    DEMO_PROFILE,
    ConfigError,
    Overrides,
    Paths,
    Profile,
    add_profile,
    load,
)

GOOD = """\
[app]
profile = "lan"
log_level = "warning"

[profiles.lan]
url = "http://192.168.1.20:54321/"
anon_key = "lan-anon-key"

[profiles.cloud]
url = "https://abc.supabase.co"
anon_key = "cloud-anon-key"
"""


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")


def write(paths: Paths, text: str) -> Path:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(text, encoding="utf-8")
    return paths.config_file


def test_defaults_without_a_file_are_the_demo(paths: Paths) -> None:
    config = load(env={}, paths=paths)
    assert config.profile == Profile(DEMO_PROFILE)
    assert config.profile.is_demo
    assert config.log_level == "INFO"
    assert config.problems == ()


def test_file_overrides_defaults(paths: Paths) -> None:
    write(paths, GOOD)
    config = load(env={}, paths=paths)
    assert config.profile.name == "lan"
    assert config.profile.url == "http://192.168.1.20:54321"
    assert config.log_level == "WARNING"
    assert {p.name for p in config.profiles} == {"demo", "lan", "cloud"}


def test_env_overrides_file_and_cli_overrides_env(paths: Paths) -> None:
    write(paths, GOOD)
    env = {"GFDESK_PROFILE": "cloud", "GFDESK_LOG_LEVEL": "debug"}
    assert load(env=env, paths=paths).profile.name == "cloud"
    assert load(env=env, paths=paths).log_level == "DEBUG"
    config = load(Overrides(profile="lan", log_level="error"), env=env, paths=paths)
    assert (config.profile.name, config.log_level) == ("lan", "ERROR")
    assert load(Overrides(demo=True), env=env, paths=paths).profile.is_demo


def test_url_and_key_make_an_adhoc_profile(paths: Paths) -> None:
    config = load(Overrides(url="https://x.supabase.co", anon_key="k" * 20), env={},
                  paths=paths)
    assert config.profile.name == ADHOC_PROFILE
    assert config.profile.url == "https://x.supabase.co"
    env = {"GFDESK_URL": "http://10.0.0.2:54321", "GFDESK_ANON_KEY": "env-key"}
    assert load(env=env, paths=paths).profile.url == "http://10.0.0.2:54321"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (Overrides(url="https://x.supabase.co"), "go together"),
        (Overrides(profile="nope"), "no profile named 'nope'"),
        (Overrides(url="ftp://x", anon_key="k"), r"not an http\(s\) URL"),
        (Overrides(log_level="loud"), "--log-level"),
    ],
)
def test_command_line_contradictions_are_errors(paths: Paths, overrides: Overrides,
                                                message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load(overrides, env={}, paths=paths)


def test_malformed_file_names_file_and_line_and_is_kept(paths: Paths) -> None:
    text = '[app]\nprofile = "lan"\nlog_level = \n'
    path = write(paths, text)
    config = load(env={}, paths=paths)
    assert config.profile.is_demo
    assert len(config.problems) == 1
    assert str(path) in config.problems[0]
    assert "line 3" in config.problems[0]
    assert path.read_text(encoding="utf-8") == text


def test_bad_profile_entries_are_skipped_with_their_line(paths: Paths) -> None:
    path = write(paths, GOOD + '\n[profiles.broken]\nurl = "http://h:1"\n\n[profiles.demo]\n'
                 'url = "http://h:2"\nanon_key = "k"\n')
    config = load(env={}, paths=paths)
    assert {p.name for p in config.profiles} == {"demo", "lan", "cloud"}
    assert any("line 13" in p and "'broken'" in p for p in config.problems)
    assert any("line 16" in p and "reserved" in p for p in config.problems)
    assert all(str(path) in p for p in config.problems)


def test_unknown_profile_in_file_falls_back_to_demo(paths: Paths) -> None:
    write(paths, '[app]\nprofile = "gone"\n')
    config = load(env={}, paths=paths)
    assert config.profile.is_demo
    assert "'gone'" in config.problems[0]


def test_add_profile_appends_and_keeps_comments(paths: Paths) -> None:
    write(paths, "# my settings\n" + GOOD)
    add_profile(paths.config_file, Profile("home", "http://127.0.0.1:54321", 'k"ey\\'))
    text = paths.config_file.read_text(encoding="utf-8")
    assert text.startswith("# my settings\n")
    config = load(Overrides(profile="home"), env={}, paths=paths)
    assert config.profile.anon_key == 'k"ey\\'
    with pytest.raises(ConfigError, match="already exists"):
        add_profile(paths.config_file, Profile("home", "http://127.0.0.1:1", "k"))


def test_add_profile_refuses_to_touch_a_malformed_file(paths: Paths) -> None:
    path = write(paths, "[app\n")
    with pytest.raises(ConfigError, match="line 1"):
        add_profile(path, Profile("home", "http://127.0.0.1:54321", "key"))
    assert path.read_text(encoding="utf-8") == "[app\n"


def test_add_profile_reports_an_unreadable_file_as_a_config_error(paths: Paths) -> None:
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_bytes(b"[app]\nprofile = \"\xff\"\n")
    with pytest.raises(ConfigError, match="cannot be read"):
        add_profile(paths.config_file, Profile("home", "http://127.0.0.1:54321", "key"))
    assert paths.config_file.read_bytes() == b"[app]\nprofile = \"\xff\"\n"


def test_anon_key_is_not_in_repr() -> None:
    assert "secret-anon" not in repr(Profile("p", "http://h", "secret-anon"))
    assert "secret-anon" not in repr(Overrides(anon_key="secret-anon"))


# -- [desktop] (issue 17, desktop part) -------------------------------------------------


def test_desktop_settings_default_when_absent(tmp_path: Path) -> None:
    from gfdesk.config import DesktopSettings, read_desktop

    assert read_desktop(tmp_path / "missing.toml") == DesktopSettings()


def test_desktop_settings_round_trip_keeping_the_rest(tmp_path: Path) -> None:
    from gfdesk.config import DesktopSettings, read_desktop, save_desktop

    path = tmp_path / "config.toml"
    path.write_text('[app]\nprofile = "demo"\n\n[desktop]\nclose_to_tray = true\n\n'
                    '[calls]\ncamera = "cam"\n', encoding="utf-8")
    chosen = DesktopSettings(close_to_tray=False, hint_shown=True, streamer_mode=True,
                             streamer_auto=True, notification_sound=False,
                             idle_away_minutes=3)
    save_desktop(path, chosen)
    assert read_desktop(path) == chosen
    text = path.read_text(encoding="utf-8")
    assert 'profile = "demo"' in text and 'camera = "cam"' in text
    assert text.count("[desktop]") == 1


def test_desktop_values_of_the_wrong_type_keep_their_defaults(tmp_path: Path) -> None:
    from gfdesk.config import DesktopSettings, read_desktop

    path = tmp_path / "config.toml"
    path.write_text('[desktop]\nclose_to_tray = "no"\nidle_away_minutes = -4\n'
                    'streamer_mode = true\n', encoding="utf-8")
    assert read_desktop(path) == DesktopSettings(streamer_mode=True)
