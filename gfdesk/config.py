"""Settings and profiles: frozen dataclasses and their loader. Qt-free.

Layers, each overriding the one before: built-in defaults < the settings file
(``config.toml`` in the platform config dir) < environment (``GFDESK_*``) < command line.
A profile names a backend: the built-in ``demo`` profile is the embedded hub; any other
is a Supabase project (URL + anon key), the same for a LAN hub.

A settings file that cannot be read never stops the app: the loader records a problem
naming the file and line, starts with what it could use, and leaves the file untouched
so the user can fix it.

The file looks like::

    [app]
    profile = "lan"
    log_level = "INFO"

    [profiles.lan]
    url = "http://192.168.1.20:54321"
    anon_key = "eyJ..."

    [calls]
    camera = "/dev/video0"
    microphone = "alsa_input.usb-mic"
    speaker = "alsa_output.pci-analog-stereo"
    ice_servers = [
      { urls = ["stun:stun.example.org:3478"] },
      { urls = ["turn:turn.example.org:3478"], username = "u" },
    ]
    # "realtime" (the default) or a Socket.IO server's URL for each call's messages;
    # its token is kept in the OS keyring, never here (``gfdesk call --help``).
    signalling = "https://signal.example.org"

A TURN server's credential is a secret: it lives in the OS keyring
(``gfdesk.core.icecredentials``), never in this file. One found in the file still works
for the run, with a problem telling the user to save the server again from Settings,
which moves it to the keyring and writes the table without it (``save_calls``).
"""

from __future__ import annotations

import enum
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from gfdesk.i18nmark import QT_TRANSLATE_NOOP, translate

APP_NAME = "gfdesk"
CONFIG_FILE = "config.toml"
DEMO_PROFILE = "demo"
#: The profile built from --url/--anon-key or GFDESK_URL/GFDESK_ANON_KEY.
ADHOC_PROFILE = "command-line"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
DEFAULT_LOG_LEVEL = "INFO"
#: ``[calls] signalling`` for call messages on Realtime (the default).
REALTIME_SIGNALLING = "realtime"
_PROFILE_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


class ConfigError(Exception):
    """A settings problem the user has to fix (the message says where).

    ``str()`` is the English message (the log, the terminal); ``shown()`` is the same
    problem in the user's language, for a window.

    Args:
        problem: what is wrong (a ``Problem`` when its wording is marked for translation).
    """

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        #: What is wrong (``problem_text`` words it for the user).
        self.problem = problem

    def shown(self) -> str:
        """The problem in the user's language."""
        return problem_text(self.problem)


@dataclass(frozen=True)
class Profile:
    """A backend to connect to. ``url`` is None for the embedded demo hub."""

    name: str
    url: str | None = None
    anon_key: str | None = field(default=None, repr=False)

    @property
    def is_demo(self) -> bool:
        return self.url is None


@dataclass(frozen=True)
class IceServer:
    """A STUN or TURN server for calls (``stun:``, ``stuns:``, ``turn:``, ``turns:`` URLs;
    TURN needs a username and credential)."""

    urls: tuple[str, ...]
    username: str | None = None
    credential: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class CallDevices:
    """The devices chosen for calls (None: the system default, or none at all).

    Attributes:
        camera: the camera's FFmpeg name (``gfdesk.calls.camera.Camera.name``).
        microphone: the microphone's QtMultimedia device id.
        speaker: the speaker's QtMultimedia device id.
    """

    camera: str | None = None
    microphone: str | None = None
    speaker: str | None = None


@dataclass(frozen=True)
class Paths:
    """Where gfdesk keeps its files (platform dirs unless overridden)."""

    config_dir: Path
    data_dir: Path
    log_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / CONFIG_FILE

    @classmethod
    def for_platform(cls, env: Mapping[str, str] = os.environ) -> Paths:
        def pick(var: str, default: str) -> Path:
            return Path(env[var]) if env.get(var) else Path(default)

        return cls(
            config_dir=pick("GFDESK_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME)),
            data_dir=pick("GFDESK_DATA_DIR", platformdirs.user_data_dir(APP_NAME)),
            log_dir=pick("GFDESK_LOG_DIR", platformdirs.user_log_dir(APP_NAME)),
        )


@dataclass(frozen=True)
class Overrides:
    """What the command line asked for; None means "not given"."""

    demo: bool = False
    profile: str | None = None
    url: str | None = None
    anon_key: str | None = field(default=None, repr=False)
    log_level: str | None = None


@dataclass(frozen=True)
class AppConfig:
    """Everything the composition root needs to start."""

    profile: Profile
    profiles: tuple[Profile, ...]
    log_level: str
    paths: Paths
    #: What was wrong with the settings, worded for the user; empty when all is well.
    problems: tuple[str, ...] = ()
    #: STUN/TURN servers for calls; none: calls use host candidates only.
    ice_servers: tuple[IceServer, ...] = ()
    #: The Socket.IO server that carries each call's messages; None: Realtime.
    signalling_url: str | None = None
    #: The camera, microphone and speaker chosen for calls.
    call_devices: CallDevices = CallDevices()


def load(
    overrides: Overrides = Overrides(),
    env: Mapping[str, str] = os.environ,
    paths: Paths | None = None,
) -> AppConfig:
    """Build the configuration from defaults, the settings file, env and command line.

    Raises:
        ConfigError: only for contradictions on the command line itself (they come
            from the user who is looking at the terminal); everything else becomes a
            problem in ``AppConfig.problems``.
    """
    paths = paths or Paths.for_platform(env)
    problems: list[str] = []
    app_table, profiles, calls_table = _read_file(paths.config_file, problems)

    log_level = _level(app_table.get("log_level"), f"{paths.config_file}: [app] log_level",
                       problems) or DEFAULT_LOG_LEVEL
    log_level = _level(env.get("GFDESK_LOG_LEVEL"), "GFDESK_LOG_LEVEL", problems) or log_level
    if overrides.log_level:
        log_level = overrides.log_level.upper()
        if log_level not in LOG_LEVELS:
            raise ConfigError(Problem(QT_TRANSLATE_NOOP(
                "config", "--log-level must be one of {levels}"), levels=", ".join(LOG_LEVELS)))

    wanted = app_table.get("profile") if isinstance(app_table.get("profile"), str) else None
    wanted = env.get("GFDESK_PROFILE") or wanted
    url, key = env.get("GFDESK_URL"), env.get("GFDESK_ANON_KEY")
    if overrides.url or overrides.anon_key:
        if not (overrides.url and overrides.anon_key):
            raise ConfigError(Problem(QT_TRANSLATE_NOOP(
                "config", "--url and --anon-key go together: give both")))
        url, key = overrides.url, overrides.anon_key
    if url and key:
        profiles[ADHOC_PROFILE] = Profile(ADHOC_PROFILE, _check_url(url), key)
        wanted = ADHOC_PROFILE
    elif url or key:
        problems.append(Problem(QT_TRANSLATE_NOOP(
            "config", "GFDESK_URL and GFDESK_ANON_KEY go together; ignoring the one given")))
    if overrides.profile:
        if overrides.profile not in profiles:
            raise ConfigError(Problem(
                QT_TRANSLATE_NOOP("config", "no profile named {name} in {path}; known: {known}"),
                name=repr(overrides.profile), path=paths.config_file,
                known=", ".join(sorted(profiles))))
        wanted = overrides.profile
    if overrides.demo:
        wanted = DEMO_PROFILE

    if wanted is None:
        wanted = DEMO_PROFILE
    if wanted not in profiles:
        problems.append(Problem(
            QT_TRANSLATE_NOOP("config", "{path}: profile {name} is not defined; using the demo"),
            path=paths.config_file, name=repr(wanted)))
        wanted = DEMO_PROFILE
    return AppConfig(
        profile=profiles[wanted],
        profiles=tuple(profiles.values()),
        log_level=log_level,
        paths=paths,
        ice_servers=_ice_servers(calls_table.get("ice_servers", []),
                                 f"{paths.config_file}: [calls] ice_servers", problems),
        signalling_url=_signalling(
            env.get("GFDESK_SIGNALLING") or calls_table.get("signalling"),
            "GFDESK_SIGNALLING" if env.get("GFDESK_SIGNALLING")
            else f"{paths.config_file}: [calls] signalling", problems),
        call_devices=_call_devices(calls_table, f"{paths.config_file}: [calls]", problems),
        problems=tuple(problems),
    )


def read_calls(config_file: Path) -> tuple[tuple[IceServer, ...], CallDevices]:
    """The ``[calls]`` settings as the file holds them now (a call reads them when it
    starts, so what Settings saved applies to the next call); problems are dropped
    here: ``load`` reported them at start-up."""
    problems: list[str] = []
    _, _, table = _read_file(config_file, problems)
    return (_ice_servers(table.get("ice_servers", []), "", problems),
            _call_devices(table, "", problems))


def read_signalling(config_file: Path | None,
                    env: Mapping[str, str] | None = None) -> str | None:
    """The Socket.IO server that carries call messages (None: Realtime), as the file
    says now (``GFDESK_SIGNALLING`` first); read at each sign-in, so a change made in
    Settings applies from the next one. A bad value means Realtime (``load`` reported it).
    """
    env = os.environ if env is None else env
    table: dict[str, Any] = {}
    if config_file is not None:
        table = _read_file(config_file, [])[2]
    return _signalling(env.get("GFDESK_SIGNALLING") or table.get("signalling"), "", [])


class _Keep(enum.Enum):
    KEEP = "keep"


#: ``save_calls(signalling=KEEP_SIGNALLING)``: leave the file's choice as it is.
KEEP_SIGNALLING = _Keep.KEEP


def save_calls(config_file: Path, servers: tuple[IceServer, ...], devices: CallDevices, *,
               signalling: str | None | _Keep = KEEP_SIGNALLING) -> None:
    """Replace the ``[calls]`` table of the settings file, keeping everything else.

    Credentials are never written (they belong in the keyring). The new text is parsed
    before it is written: if anything but ``[calls]`` would change (a layout this
    function cannot edit safely), the file is left alone. ``signalling`` is a Socket.IO
    server's URL, None for Realtime, or ``KEEP_SIGNALLING`` (the file's value stays).

    Raises:
        ConfigError: the file cannot be read or parsed, or could not be edited safely.
    """
    text, before = _parsed(config_file, Problem(QT_TRANSLATE_NOOP("config", "call settings")))
    lines = ["[calls]"]
    for name in ("camera", "microphone", "speaker"):
        value = getattr(devices, name)
        if value:
            lines.append(f"{name} = {_toml_string(value)}")
    if servers:
        lines.append("ice_servers = [")
        for server in servers:
            urls = ", ".join(_toml_string(u) for u in server.urls)
            entry = f"urls = [{urls}]"
            if server.username:
                entry += f", username = {_toml_string(server.username)}"
            lines.append(f"  {{ {entry} }},")
        lines.append("]")
    if signalling is KEEP_SIGNALLING:
        old = before.get("calls", {})
        signalling = old.get("signalling") if isinstance(old, dict) else None
    if isinstance(signalling, str) and signalling:
        lines.append(f"signalling = {_toml_string(signalling)}")
    _replace_table(config_file, text, before, lines)


def _table(config_file: Path | None, name: str) -> dict[str, Any]:
    """The settings file's table ``name`` ({} when there is no file, no such table, or
    the file cannot be read: ``load`` reports that at start-up, once)."""
    if config_file is None:
        return {}
    try:
        data = tomllib.loads(config_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    table = data.get(name)
    return table if isinstance(table, dict) else {}


def _parsed(config_file: Path, what: Problem) -> tuple[str, dict[str, Any]]:
    """The settings file's text and its parsed tables ("" and {} when there is none).

    Args:
        config_file: the settings file.
        what: the settings being saved, for the message ("the theme").

    Raises:
        ConfigError: it cannot be read or parsed (saving ``what`` would lose it).
    """
    try:
        text = config_file.read_text(encoding="utf-8") if config_file.exists() else ""
        return text, tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(Problem(
            QT_TRANSLATE_NOOP("config", "{path}: {reason}; cannot save {what}"),
            path=config_file, reason=exc, what=what)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(Problem(
            QT_TRANSLATE_NOOP("config", "{path}: {reason}; fix it before saving {what}"),
            path=config_file, reason=exc, what=what)) from exc


def _replace_table(config_file: Path, text: str, before: dict[str, Any],
                   lines: list[str]) -> None:
    """Write ``text`` with the table ``lines`` begins (its header, then its keys) in place
    of the file's one of that name, keeping everything else.

    The new text is parsed before it is written: if anything but that table would change
    (a layout this cannot edit safely), the file is left alone. Written whole, then
    renamed over the old one, readable by the user only.

    Raises:
        ConfigError: it could not be edited safely.
    """
    name = lines[0].strip("[]")
    kept = _without_table(text, name)
    new_text = kept.rstrip("\n") + ("\n\n" if kept.strip() else "") + "\n".join(lines) + "\n"
    try:
        after: dict[str, Any] | None = tomllib.loads(new_text)
    except tomllib.TOMLDecodeError:
        after = None
    expected = {k: v for k, v in before.items() if k != name}
    if after is None or {k: v for k, v in after.items() if k != name} != expected:
        raise ConfigError(Problem(QT_TRANSLATE_NOOP(
            "config", "{path}: its [{table}] table could not be replaced safely; "
            "edit it by hand"), path=config_file, table=name))
    config_file.parent.mkdir(parents=True, exist_ok=True)
    partial = config_file.with_name(config_file.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(new_text)
    os.replace(partial, config_file)


def _without_table(text: str, table: str) -> str:
    """``text`` without the ``[table]`` header and the lines up to the next header."""
    header = re.compile(r"^\s*\[\s*" + re.escape(table) + r"\s*\]\s*(#.*)?$")
    any_header = re.compile(r"^\s*\[\[?\s*[A-Za-z0-9_.\"' -]+\]\]?\s*(#.*)?$")
    kept: list[str] = []
    skipping = False
    for line in text.splitlines(keepends=True):
        if header.match(line):
            skipping = True
            continue
        if skipping and any_header.match(line):
            skipping = False
        if not skipping:
            kept.append(line)
    return "".join(kept)


def _call_devices(table: Mapping[str, Any], where: str, problems: list[str]) -> CallDevices:
    chosen: dict[str, str | None] = {}
    for name in ("camera", "microphone", "speaker"):
        value = table.get(name)
        if value is not None and not isinstance(value, str):
            problems.append(Problem(QT_TRANSLATE_NOOP(
                "config", "{where} {name} must be text; ignored"),
                                    where=where, name=name))
            value = None
        chosen[name] = value or None
    return CallDevices(**chosen)


def add_profile(config_file: Path, profile: Profile) -> None:
    """Append a Supabase profile to the settings file, keeping what is already there.

    Raises:
        ConfigError: the name is taken or invalid, or the file is unreadable (it is
            then left alone rather than rewritten).
    """
    if not _PROFILE_NAME.match(profile.name) or profile.name in (DEMO_PROFILE, ADHOC_PROFILE):
        raise ConfigError(Problem(QT_TRANSLATE_NOOP("config", "{name} cannot be a profile name"),
                                  name=repr(profile.name)))
    if profile.url is None or not profile.anon_key:
        raise ConfigError(Problem(QT_TRANSLATE_NOOP(
            "config", "a profile needs a URL and an anon key")))
    problems: list[str] = []
    # Read and checked first: a file that cannot be read or parsed is left alone.
    _, profiles, _ = _read_file(config_file, problems)
    if problems:
        raise ConfigError(problems[0])
    text = config_file.read_text(encoding="utf-8") if config_file.exists() else ""
    if profile.name in profiles:
        raise ConfigError(Problem(QT_TRANSLATE_NOOP(
            "config", "a profile named {name} already exists"), name=repr(profile.name)))
    section = (
        f"\n[profiles.{profile.name}]\n"
        f"url = {_toml_string(_check_url(profile.url))}\n"
        f"anon_key = {_toml_string(profile.anon_key)}\n"
    )
    config_file.parent.mkdir(parents=True, exist_ok=True)
    # The anon key is a public client key, but the file is still the user's alone.
    fd = os.open(config_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as fh:
        if text and not text.endswith("\n"):
            fh.write("\n")
        fh.write(section)


def _read_file(path: Path, problems: list[str]
               ) -> tuple[dict[str, Any], dict[str, Profile], dict[str, Any]]:
    profiles: dict[str, Profile] = {DEMO_PROFILE: Profile(DEMO_PROFILE)}
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, profiles, {}
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(QT_TRANSLATE_NOOP(
            "config", "{path}: cannot be read ({reason}); using defaults"),
                                path=path, reason=exc))
        return {}, profiles, {}
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message ends with "(at line L, column C)": the user needs exactly that.
        problems.append(Problem(
            QT_TRANSLATE_NOOP(
                "config", "{path}: {reason}; using defaults (the file was left as it is)"),
            path=path, reason=exc))
        return {}, profiles, {}
    app_table = data.get("app", {})
    if not isinstance(app_table, dict):
        problems.append(Problem(QT_TRANSLATE_NOOP(
            "config", "{path}: line {line}: [app] must be a table"),
                                path=path, line=_line_of(text, "app")))
        app_table = {}
    raw_profiles = data.get("profiles", {})
    if not isinstance(raw_profiles, dict):
        problems.append(Problem(QT_TRANSLATE_NOOP(
            "config", "{path}: 'profiles' must be a table of tables"),
                                path=path))
        raw_profiles = {}
    for name, entry in raw_profiles.items():
        where = f"{path}: line {_line_of(text, f'profiles.{name}')}: profile {name!r}"
        if name in (DEMO_PROFILE, ADHOC_PROFILE) or not _PROFILE_NAME.match(name):
            problems.append(Problem(
                QT_TRANSLATE_NOOP(
                    "config", "{where}: this name is reserved or invalid; skipped"), where=where))
            continue
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str) and entry.get(k) for k in ("url", "anon_key")
        ):
            problems.append(Problem(
                QT_TRANSLATE_NOOP(
                    "config", "{where}: needs url and anon_key strings; skipped"), where=where))
            continue
        try:
            profiles[name] = Profile(name, _check_url(entry["url"]), entry["anon_key"])
        except ConfigError as exc:
            problems.append(Problem(QT_TRANSLATE_NOOP("config", "{where}: {reason}; skipped"),
                                    where=where, reason=exc.problem))
    calls_table = data.get("calls", {})
    if not isinstance(calls_table, dict):
        problems.append(Problem(QT_TRANSLATE_NOOP(
            "config", "{path}: line {line}: [calls] must be a table"),
                                path=path, line=_line_of(text, "calls")))
        calls_table = {}
    return app_table, profiles, calls_table


def _ice_servers(value: object, where: str, problems: list[str]) -> tuple[IceServer, ...]:
    """The ``ice_servers`` list; an entry that is not a usable server is skipped."""
    if not isinstance(value, list):
        problems.append(Problem(QT_TRANSLATE_NOOP(
            "config", "{where} must be a list of tables; ignored"),
                                where=where))
        return ()
    servers: list[IceServer] = []
    for number, entry in enumerate(value, start=1):
        try:
            servers.append(ice_server(entry, need_credential=False))
        except ConfigError as exc:
            problems.append(Problem(QT_TRANSLATE_NOOP(
                "config", "{where}: entry {number}: {reason}; skipped"),
                                    where=where, number=number, reason=exc.problem))
            continue
        if servers[-1].credential:
            problems.append(Problem(QT_TRANSLATE_NOOP(
                "config", "{where}: entry {number} keeps a TURN credential in plain text; "
                "save the server again in Settings > Calls to move it to the system keyring"),
                where=where, number=number))
    return tuple(servers)


def ice_server(entry: object, *, need_credential: bool = True) -> IceServer:
    """One ICE server from its settings table ``{urls, username, credential}``.

    Args:
        entry: the table.
        need_credential: a TURN server must carry its credential (the command line);
            the settings file leaves it to the keyring, so only the username is needed.

    Raises:
        ConfigError: not a usable server (what is wrong, never the credential).
    """
    if not isinstance(entry, dict):
        raise ConfigError(Problem(QT_TRANSLATE_NOOP("config", "not a table")))
    urls = entry.get("urls")
    if isinstance(urls, str):
        urls = [urls]
    if not isinstance(urls, list) or not urls or not all(isinstance(u, str) for u in urls):
        raise ConfigError(Problem(QT_TRANSLATE_NOOP(
            "config", "urls must be a URL or a list of URLs")))
    username, credential = entry.get("username"), entry.get("credential")
    for url in urls:
        scheme = url.split(":", 1)[0].lower()
        if scheme not in ("stun", "stuns", "turn", "turns") or ":" not in url:
            raise ConfigError(Problem(QT_TRANSLATE_NOOP(
                "config", "{url} is not a stun:, stuns:, turn: or turns: URL"), url=repr(url)))
        if scheme.startswith("turn") and not (
                isinstance(username, str) and username and (not need_credential or (
                    isinstance(credential, str) and credential))):
            raise ConfigError(Problem(QT_TRANSLATE_NOOP(
                "config", "{url} needs a username and a credential"), url=repr(url)))
    if username is not None and not isinstance(username, str):
        raise ConfigError(Problem(QT_TRANSLATE_NOOP("config", "username must be text")))
    if credential is not None and not isinstance(credential, str):
        raise ConfigError(Problem(QT_TRANSLATE_NOOP("config", "credential must be text")))
    return IceServer(tuple(urls), username, credential)


def signalling_choice(value: str) -> str | None:
    """What ``[calls] signalling`` (or ``--signalling``) says: None for Realtime, else
    the Socket.IO server's URL.

    Raises:
        ConfigError: neither ``realtime`` nor an http(s) URL.
    """
    if value.strip().lower() == REALTIME_SIGNALLING:
        return None
    try:
        return _check_url(value.strip())
    except ConfigError:
        raise ConfigError(Problem(QT_TRANSLATE_NOOP(
            "config", "{value} is neither {realtime} nor the http(s) URL of a Socket.IO server"),
            value=repr(value[:80]), realtime=repr(REALTIME_SIGNALLING))) from None


def _signalling(value: object, where: str, problems: list[str]) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        problems.append(Problem(QT_TRANSLATE_NOOP(
            "config", "{where} must be text; using Realtime"), where=where))
        return None
    try:
        return signalling_choice(value)
    except ConfigError as exc:
        problems.append(Problem(QT_TRANSLATE_NOOP("config", "{where}: {reason}; using Realtime"),
                                where=where, reason=exc.problem))
        return None


def _level(value: object, where: str, problems: list[str]) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.upper() in LOG_LEVELS:
        return value.upper()
    problems.append(Problem(QT_TRANSLATE_NOOP(
        "config", "{where}: {value} is not one of {levels}; ignored"),
                            where=where, value=repr(value), levels=", ".join(LOG_LEVELS)))
    return None


def _check_url(url: str) -> str:
    if not re.match(r"^https?://[^/\s]+", url):
        raise ConfigError(Problem(QT_TRANSLATE_NOOP("config", "{url} is not an http(s) URL"),
                                  url=repr(url)))
    return url.rstrip("/")


def _line_of(text: str, table: str) -> int:
    """The line of a ``[table]`` header, so a message can point at it."""
    pattern = re.compile(r"^\s*\[\s*" + re.escape(table).replace(r"\.", r"\s*\.\s*") + r"\s*\]")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped) + '"'


# -- [desktop]: the desktop part of issue 17 (tray, streamer mode, sound, idle) ----------
#
#     [desktop]
#     close_to_tray = true        # closing the window keeps gfdesk in the tray
#     hint_shown = true           # the "still running in the tray" hint was shown once
#     streamer_mode = false       # hide emails, notification bodies and previews
#     streamer_auto = false       # ... also while OBS or Streamlabs runs
#     notification_sound = true
#     idle_away_minutes = 10      # 0: never go away automatically
#
# Start at login is not kept here: the autostart entry itself says (``gfdesk.desktop.
# autostart``), so removing it by hand is never contradicted by this file.

#: The longest idle delay Settings offers (a day).
MAX_IDLE_AWAY_MINUTES = 24 * 60


@dataclass(frozen=True)
class DesktopSettings:
    """The ``[desktop]`` table."""

    close_to_tray: bool = True
    hint_shown: bool = False
    streamer_mode: bool = False
    streamer_auto: bool = False
    notification_sound: bool = True
    idle_away_minutes: int = 10


def read_desktop(config_file: Path) -> DesktopSettings:
    """The ``[desktop]`` table as the file holds it; a value of the wrong type keeps its
    default (an unreadable file gives the defaults: ``load`` reports it)."""
    table = _table(config_file, "desktop")
    defaults = DesktopSettings()
    chosen: dict[str, Any] = {}
    for name in ("close_to_tray", "hint_shown", "streamer_mode", "streamer_auto",
                 "notification_sound"):
        value = table.get(name)
        chosen[name] = value if isinstance(value, bool) else getattr(defaults, name)
    minutes = table.get("idle_away_minutes")
    chosen["idle_away_minutes"] = (
        minutes if isinstance(minutes, int) and not isinstance(minutes, bool)
        and 0 <= minutes <= MAX_IDLE_AWAY_MINUTES else defaults.idle_away_minutes)
    return DesktopSettings(**chosen)


def save_desktop(config_file: Path, settings: DesktopSettings) -> None:
    """Replace the ``[desktop]`` table of the settings file, keeping everything else
    (checked as ``save_calls`` does).

    Raises:
        ConfigError: the file cannot be read or parsed, or could not be edited safely.
    """
    lines = ["[desktop]"]
    for name in ("close_to_tray", "hint_shown", "streamer_mode", "streamer_auto",
                 "notification_sound"):
        lines.append(f"{name} = {'true' if getattr(settings, name) else 'false'}")
    lines.append(f"idle_away_minutes = {int(settings.idle_away_minutes)}")
    text, before = _parsed(config_file, Problem(QT_TRANSLATE_NOOP("config", "desktop settings")))
    _replace_table(config_file, text, before, lines)


# -- [language] (issue 17, languages) ------------------------------------------------------
#
#     [language]
#     code = "de"        # "system" (the default: the system's locale), "en", "de", "pt_BR"

#: ``[language] code`` that follows the system's locale.
SYSTEM_LANGUAGE = "system"
#: The languages gfdesk ships, by the code of their translation file.
LANGUAGES = ("en", "de", "pt_BR")


def language_code(value: object) -> str:
    """A ``[language] code`` made canonical: "system" or one of ``LANGUAGES``.

    Raises:
        ConfigError: anything else (a language gfdesk does not ship).
    """
    if isinstance(value, str):
        wanted = value.strip().replace("-", "_")
        if wanted.lower() == SYSTEM_LANGUAGE:
            return SYSTEM_LANGUAGE
        for code in LANGUAGES:
            if wanted.lower() == code.lower():
                return code
    raise ConfigError(Problem(QT_TRANSLATE_NOOP("config", "{value} is not one of {choices}"),
                              value=repr(str(value)[:40]),
                              choices=", ".join((SYSTEM_LANGUAGE, *LANGUAGES))))


def read_language(config_file: Path | None) -> str:
    """The language chosen in the settings file ("system" when none or a bad one)."""
    table = _table(config_file, "language")
    if "code" not in table:
        return SYSTEM_LANGUAGE
    try:
        return language_code(table["code"])
    except ConfigError:
        return SYSTEM_LANGUAGE


def save_language(config_file: Path, code: str) -> None:
    """Replace the ``[language]`` table of the settings file, keeping everything else.

    Raises:
        ConfigError: ``code`` is not a shipped language, or the file cannot be read,
            parsed or edited safely (it is then left alone).
    """
    code = language_code(code)
    text, before = _parsed(config_file, Problem(QT_TRANSLATE_NOOP("config", "the language")))
    _replace_table(config_file, text, before, ["[language]", f"code = {_toml_string(code)}"])


# ---- [appearance]: the theme (issue 17, themes part) ------------------------------------

#: ``[appearance] theme`` values; ``system`` follows the OS colour scheme.
THEMES = ("dark", "light", "system")
DEFAULT_THEME = "dark"


def read_theme(config_file: Path | None) -> str:
    """``[appearance] theme`` as the file says now (``dark`` when unset or unreadable;
    an unknown value means ``dark`` too, so a typo never leaves the app unstyled)."""
    value = _table(config_file, "appearance").get("theme")
    if isinstance(value, str) and value.strip().lower() in THEMES:
        return value.strip().lower()
    return DEFAULT_THEME


def save_theme(config_file: Path, theme: str) -> None:
    """Replace the ``[appearance]`` table of the settings file with ``theme``, keeping
    everything else (the same checks as ``save_calls``).

    Raises:
        ConfigError: ``theme`` is not one of ``THEMES``, or the file cannot be read,
            parsed or edited safely.
    """
    if theme not in THEMES:
        raise ConfigError(Problem(QT_TRANSLATE_NOOP("config", "{value} is not one of {choices}"),
                                  value=repr(theme), choices=", ".join(THEMES)))
    text, before = _parsed(config_file, Problem(QT_TRANSLATE_NOOP("config", "the theme")))
    _replace_table(config_file, text, before, ["[appearance]", f"theme = {_toml_string(theme)}"])


# -- trmarks (issue 17): settings problems in the user's language --------------------------


class Problem(str):
    """A settings problem: English as a ``str`` (logs, tests, ``AppConfig.problems``),
    in the user's language through ``shown`` (``problem_text``) where it is displayed.

    Config loads before the translators are installed, so the wording is kept as its
    marked template and values, and translated when shown.
    """

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, **values: object) -> Problem:
        made = super().__new__(cls, template.format(**values))
        made.template = template
        made.values = values
        return made

    def shown(self) -> str:
        """The problem in the user's language (a problem among its values too)."""
        values = {name: problem_text(value) if isinstance(value, Problem) else value
                  for name, value in self.values.items()}
        return translate("config", self.template).format(**values)


def problem_text(problem: str) -> str:
    """``problem`` as the user reads it (a plain ``str`` is shown as it is)."""
    return problem.shown() if isinstance(problem, Problem) else problem
