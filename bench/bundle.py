"""The Linux bundle (packaging/build-linux.sh's dist/gfdesk/): its size, unpacked and by
component, the tarball's size, and its start-up beside the venv's, in the same run.

Start-up: each run starts a fresh process (offscreen, ``--demo``, a throwaway data
folder) and times from the spawn to the log line "main window shown", then waits for
"backend online", idles, reads the peak resident set (VmHWM) and closes the window with
SIGINT. The bundle and the venv run interleaved, so load on this shared machine hits
both alike: compare the ratio, not the times.

Usage: python bench/bundle.py [--quick] [--runs N] [--dist DIR]
(build first: packaging/build-linux.sh). Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import one_run  # noqa: E402  (a sibling script, not a package)

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024  # sizes in MiB, as du -sh prints them

#: Components, first match wins: (name, test on the path inside _internal/).
COMPONENTS: list[tuple[str, tuple[str, ...]]] = [
    ("qt_icu", ("PySide6/Qt/lib/libicu",)),
    ("qt_ffmpeg", ("PySide6/Qt/lib/libav", "PySide6/Qt/lib/libsw", "PySide6/Qt/lib/libQt6FFmpeg",
                   "PySide6/Qt/plugins/multimedia")),
    ("qt_plugins", ("PySide6/Qt/plugins",)),
    ("qt_translations", ("PySide6/Qt/translations",)),
    ("qt_libs", ("PySide6/Qt/lib",)),
    ("pyside_bindings", ("PySide6/", "shiboken6/")),
    ("pyav_ffmpeg", ("av.libs/",)),
    ("pyav", ("av/",)),
    ("aiortc_srtp_opus_vpx", ("aiortc", "pylibsrtp", "aioice", "google_crc32c")),
    ("cryptography_ssl", ("cryptography", "libcrypto", "libssl", "_cffi_backend")),
    ("python", ("libpython", "base_library.zip", "python3.", "lib-dynload")),
    ("resources", ("resources/",)),
]


def component(relative: str) -> str:
    for name, prefixes in COMPONENTS:
        if relative.startswith(prefixes):
            return name
    if "/" not in relative and ".so" in relative:
        return "system_libs"
    return "other_python"


def sizes(bundle: Path) -> tuple[int, dict[str, int]]:
    by_part: dict[str, int] = defaultdict(int)
    total = 0
    internal = bundle / "_internal"
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.is_relative_to(internal):
            by_part[component(path.relative_to(internal).as_posix())] += size
        else:
            by_part["executable_and_pyz"] += size
    return total, dict(by_part)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2 runs each, short idle")
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args()
    runs = args.runs or (2 if args.quick else 5)
    idle_s = 1.0 if args.quick else 3.0
    bundle = args.dist / "gfdesk"
    if not (bundle / "gfdesk").is_file():
        raise SystemExit(f"no bundle in {bundle}: run packaging/build-linux.sh first")

    total, parts = sizes(bundle)
    tarballs = sorted(args.dist.glob("gfdesk-*-linux-*.tar.gz"))
    tarball = tarballs[-1].stat().st_size if tarballs else 0

    bundle_runs, venv_runs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GFDESK_CONFIG_DIR=f"{tmp}/config",
                   GFDESK_DATA_DIR=f"{tmp}/data", GFDESK_LOG_DIR=f"{tmp}/logs",
                   PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
        for i in range(runs):
            bundle_runs.append(one_run([str(bundle / "gfdesk"), "--demo"], env, idle_s,
                                       "backend online"))
            venv_runs.append(one_run([sys.executable, "-m", "gfdesk", "--demo"], env, idle_s,
                                     "backend online"))
            print(f"run {i + 1}/{runs}: bundle {bundle_runs[-1]['window_s']:.3f} s, "
                  f"venv {venv_runs[-1]['window_s']:.3f} s", file=sys.stderr)

    def median(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    result = {
        "runs": runs,
        "bundle_mb": round(total / MB, 1),
        # The target is in decimal megabytes (packaging/build-linux.sh fails the
        # build past 250 of them).
        "bundle_bytes": total,
        "bundle_decimal_mb": round(total / 1e6, 1),
        "tarball_decimal_mb": round(tarball / 1e6, 1),
        "parts_mb": {k: round(v / MB, 1) for k, v in sorted(parts.items(), key=lambda kv: -kv[1])},
        "tarball_mb": round(tarball / MB, 1),
        "bundle_window_s": round(median(bundle_runs, "window_s"), 3),
        "venv_window_s": round(median(venv_runs, "window_s"), 3),
        "bundle_over_venv_window": round(median(bundle_runs, "window_s")
                                         / median(venv_runs, "window_s"), 2),
        "bundle_rss_mb": round(median(bundle_runs, "rss_mb"), 1),
        "venv_rss_mb": round(median(venv_runs, "rss_mb"), 1),
        "clean_exits": all(r["rc"] == 0 for r in bundle_runs + venv_runs),
    }
    print(f"bundle: {result['bundle_mb']} MiB ({result['bundle_decimal_mb']} MB) unpacked, "
          f"tarball {result['tarball_mb']} MiB ({result['tarball_decimal_mb']} MB)")
    for name, mb in result["parts_mb"].items():  # type: ignore[union-attr]
        print(f"  {name:24} {mb:7.1f} MiB")
    print(f"time to window: bundle {result['bundle_window_s']} s, venv "
          f"{result['venv_window_s']} s ({result['bundle_over_venv_window']}x)")
    print(f"idle RSS: bundle {result['bundle_rss_mb']} MB, venv {result['venv_rss_mb']} MB")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
