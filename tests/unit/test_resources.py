"""resources/: the locator finds it from a clone, a wheel and a bundle; the generated
assets are well-formed; the .desktop file and AppStream metainfo pass their validators;
the wheel carries the folder."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import wave
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from gfdesk import appresources

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
DESKTOP_FILE = RESOURCES / "linux" / "gfdesk.desktop"
METAINFO = RESOURCES / "linux" / "io.gamerflick.gfdesk.metainfo.xml"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Set in CI (.ci/run installs the validators): a missing validator fails instead of skipping.
REQUIRE_VALIDATORS = os.environ.get("GFDESK_REQUIRE_VALIDATORS") == "1"


@pytest.fixture(autouse=True)
def fresh_root() -> Iterator[None]:
    appresources.root.cache_clear()
    yield
    appresources.root.cache_clear()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def validator(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if REQUIRE_VALIDATORS:
            pytest.fail(f"{name} is not installed (GFDESK_REQUIRE_VALIDATORS=1)")
        pytest.skip(f"{name} is not installed")
    return found


def test_a_clone_uses_the_top_level_folder() -> None:
    assert appresources.root() == RESOURCES
    assert appresources.path("icons/gfdesk.svg") == RESOURCES / "icons" / "gfdesk.svg"
    assert "QWidget" in appresources.read_text("dark.qss")


def test_a_bundle_uses_its_own_folder_first(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = tmp_path / "resources"
    bundled.mkdir()
    (bundled / "dark.qss").write_text("/* bundled */", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert appresources.root() == bundled
    assert appresources.read_text("dark.qss") == "/* bundled */"


def test_a_missing_file_is_named() -> None:
    with pytest.raises(FileNotFoundError, match="no-such.svg"):
        appresources.path("icons/no-such.svg")


def test_the_png_icon_set_has_every_size() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        data = (RESOURCES / "appicon" / f"gfdesk-{size}.png").read_bytes()
        assert png_size(data) == (size, size)


def test_the_ico_holds_png_images_of_the_sizes_it_lists() -> None:
    data = (RESOURCES / "appicon" / "gfdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = set()
    for n in range(count):
        side, _, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * n: 22 + 16 * n])
        image = data[offset: offset + length]
        assert png_size(image) == (side or 256, side or 256)
        sizes.add(side or 256)
    assert {16, 32, 48, 256} <= sizes


def test_the_icns_chunks_are_pngs_of_their_type_size() -> None:
    data = (RESOURCES / "appicon" / "gfdesk.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    expected = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256,
                b"ic09": 512, b"ic11": 32, b"ic12": 64, b"ic13": 256, b"ic14": 512}
    seen = {}
    at = 8
    while at < len(data):
        kind, length = data[at: at + 4], struct.unpack(">I", data[at + 4: at + 8])[0]
        seen[kind] = png_size(data[at + 8: at + length])[0]
        at += length
    assert at == len(data)
    assert seen == expected


@pytest.mark.parametrize(("name", "min_s", "max_s"),
                         [("ringtone.wav", 2.0, 3.0), ("notification.wav", 0.1, 0.6)])
def test_the_sounds_are_short_16_bit_mono_wavs(name: str, min_s: float, max_s: float) -> None:
    with wave.open(str(appresources.path(f"sounds/{name}")), "rb") as sound:
        assert (sound.getnchannels(), sound.getsampwidth()) == (1, 2)
        frames = sound.readframes(sound.getnframes())
        seconds = sound.getnframes() / sound.getframerate()
    assert min_s <= seconds <= max_s
    samples = struct.unpack(f"<{len(frames) // 2}h", frames)
    assert max(abs(s) for s in samples) > 3000  # audible
    # Starts and ends at silence: looping or cutting it never clicks.
    assert abs(samples[0]) < 200 and abs(samples[-1]) < 200


def test_the_ringer_plays_the_ringtone_file() -> None:
    from gfdesk.calls.ringer import ring_wav

    pcm, rate = ring_wav()
    with wave.open(str(RESOURCES / "sounds" / "ringtone.wav"), "rb") as sound:
        assert (pcm, rate) == (sound.readframes(sound.getnframes()), sound.getframerate())


def test_the_desktop_file_is_valid_and_opens_gfdesk_links() -> None:
    text = DESKTOP_FILE.read_text(encoding="utf-8")
    assert "Exec=gfdesk %u" in text
    assert "MimeType=x-scheme-handler/gfdesk;" in text
    result = subprocess.run([validator("desktop-file-validate"), str(DESKTOP_FILE)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_appstream_metainfo_is_valid() -> None:
    from gfdesk import __version__

    assert f'<release version="{__version__}"' in METAINFO.read_text(encoding="utf-8")
    result = subprocess.run([validator("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_the_script_makes_the_committed_sounds_and_a_full_icon_set(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_resources.py"),
                    "--out", str(tmp_path)], check=True, env=env, capture_output=True,
                   timeout=60)
    for name in ("ringtone.wav", "notification.wav"):
        assert (tmp_path / "sounds" / name).read_bytes() == (
            RESOURCES / "sounds" / name).read_bytes()
    made = sorted(p.name for p in (tmp_path / "appicon").iterdir())
    assert made == sorted(p.name for p in (RESOURCES / "appicon").iterdir())


@pytest.mark.slow
def test_the_wheel_carries_the_resources_and_finds_them(tmp_path: Path) -> None:
    source = tmp_path / "src"
    # A copy, so building never leaves build/ or egg-info behind in the clone.
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", ".ci-venv", "node_modules", "build", "dist", "*.egg-info",
        "__pycache__", ".mypy_cache", ".ruff_cache", ".hypothesis", "tests", "bench", "docs"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(tmp_path / "dist"), str(source)], check=True, capture_output=True,
                   timeout=300)
    wheel = next((tmp_path / "dist").glob("gfdesk-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    wanted = {f"gfdesk/_resources/{p.relative_to(RESOURCES).as_posix()}"
              for p in RESOURCES.rglob("*") if p.is_file()}
    assert wanted <= names, sorted(wanted - names)
    assert not any(n.startswith("resources/") for n in names)
    # The installed layout: the package finds its own copy, not the clone's.
    found = subprocess.run(
        [sys.executable, "-c", "from gfdesk import appresources; "
         "print(appresources.path('icons/gfdesk.svg'))"],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(tmp_path / "site")},
        capture_output=True, text=True, check=True, timeout=60)
    assert Path(found.stdout.strip()) == (
        tmp_path / "site" / "gfdesk" / "_resources" / "icons" / "gfdesk.svg")
