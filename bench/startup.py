"""Start-up benchmark: time to the main window and idle memory, gfdesk against a bare
PySide6 window under qasync, in the same run.

Method: each run starts a fresh process (offscreen Qt) and times from just before the
process is spawned to the line it prints once its window is shown (gfdesk logs
"main window shown" right after ``show()``; the bare script prints after its own
``show()``). The process then idles for a while (gfdesk connects to its backend in that
time) and its peak resident set (VmHWM) is read before it is told to quit with SIGINT,
which for gfdesk is the normal close-the-window path; its exit time is reported too.

gfdesk is measured twice: ``--demo`` (the embedded hub runs in the same process, what a
newcomer starts) and as a client of a hub in another process (``--url``), which is
what a LAN player or a Supabase user runs. A third process sets the memory floor: the
bare window plus the official async client (supabase-py) connected to the same hub's
realtime. The targets (window within 1.3x of the bare window's time, ``window_ratio``;
idle RSS within 1.25x of the floor, ``rss_over_floor``) are read on the client figures;
the demo's are printed beside them.

gfdesk is timed from its bytecode, compiled before the runs: what users run has it (pip
compiles a wheel at install, the bundle ships it), as the bare window's PySide6, qasync
and standard library have it here. Without it, a clone run under PYTHONDONTWRITEBYTECODE
(as on the shared build machine) compiles gfdesk's modules from source in every timed run,
about 16 ms that no installed copy spends.

Usage: python bench/startup.py [--quick] [--runs N]
Last line: one JSON object with every figure and ratio.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOWN_MARKER = "main window shown"
BARE_SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    import qasync
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])

    async def main():
        window = QMainWindow()
        window.resize(1100, 720)
        window.show()
        print("main window shown", file=sys.stderr, flush=True)
        await asyncio.Event().wait()

    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(main())
    """
)
#: The memory floor: the bare window plus the official async client (supabase-py) made
#: for the same hub with its realtime socket connected: what any app doing gfdesk's job
#: with the official client would hold at least. argv: API URL, anon key.
FLOOR_SCRIPT = BARE_SCRIPT.replace(
    "    await asyncio.Event().wait()",
    "    from supabase import acreate_client\n"
    "    client = await acreate_client(sys.argv[1], sys.argv[2])\n"
    "    await client.realtime.connect()\n"
    '    print("backend online", file=sys.stderr, flush=True)\n'
    "    await asyncio.Event().wait()",
)
assert FLOOR_SCRIPT != BARE_SCRIPT


def peak_rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else float("nan")


def wait_for_line(proc: subprocess.Popen[str], marker: str, timeout: float) -> list[str]:
    assert proc.stderr is not None
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            raise RuntimeError(f"process ended before {marker!r}:\n{''.join(lines)}")
        lines.append(line)
        if marker in line:
            return lines
    raise TimeoutError(marker)


def one_run(cmd: list[str], env: dict[str, str], idle_s: float,
            ready_marker: str | None, *, graceful: bool | None = None) -> dict[str, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True, cwd=ROOT)
    try:
        wait_for_line(proc, SHOWN_MARKER, 60)
        shown = time.perf_counter() - start
        if ready_marker:
            wait_for_line(proc, ready_marker, 60)
        time.sleep(idle_s)
        rss = peak_rss_mb(proc.pid)
        quit_at = time.perf_counter()
        # gfdesk closes its window on SIGINT; the bare script has no handler (Qt's
        # loop never returns to Python for KeyboardInterrupt), so it is killed.
        if graceful is None:
            graceful = ready_marker is not None
        proc.send_signal(signal.SIGINT if graceful else signal.SIGKILL)
        proc.communicate(timeout=30)
        exit_s = time.perf_counter() - quit_at
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return {"window_s": shown, "rss_mb": rss, "exit_s": exit_s, "rc": float(proc.returncode)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_hub(data_dir: Path, *, demo: bool = True) -> tuple[subprocess.Popen[str], str, str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "gfdesk", "hub", "--port", str(port), "--data", str(data_dir),
         *(["--demo"] if demo else [])],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT,
    )
    assert proc.stdout is not None
    url = key = ""
    for line in proc.stdout:
        if line.startswith("API URL:"):
            url = line.split(":", 1)[1].strip()
        elif line.startswith("anon key:"):
            key = line.split(":", 1)[1].strip()
        if url and key:
            return proc, url, key
    raise RuntimeError("the hub did not start")


def summarize(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in runs) for k in ("window_s", "rss_mb", "exit_s")}


def exits_cleanly(runs: list[dict[str, float]]) -> bool:
    return all(r["rc"] == 0 for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 runs, short idle")
    parser.add_argument("--runs", type=int, default=None)
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 7)
    idle_s = 1.0 if args.quick else 3.0

    compileall.compile_dir(ROOT / "gfdesk", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        base_env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                        GFDESK_CONFIG_DIR=f"{tmp}/config", GFDESK_DATA_DIR=f"{tmp}/data",
                        GFDESK_LOG_DIR=f"{tmp}/logs", PYTHON_KEYRING_BACKEND=
                        "keyring.backends.fail.Keyring")
        hub, url, key = start_hub(Path(tmp) / "hub")
        try:
            bare, floor, client, demo = [], [], [], []
            # Interleaved, so load on this shared machine hits all three alike.
            for i in range(runs):
                bare.append(one_run([sys.executable, "-c", BARE_SCRIPT], base_env, idle_s, None))
                floor.append(one_run([sys.executable, "-c", FLOOR_SCRIPT, url, key], base_env,
                                     idle_s, "backend online", graceful=False))
                client.append(one_run(
                    [sys.executable, "-m", "gfdesk", "--url", url, "--anon-key", key],
                    base_env, idle_s, "backend online"))
                demo.append(one_run([sys.executable, "-m", "gfdesk", "--demo"], base_env,
                                    idle_s, "backend online"))
                print(f"run {i + 1}/{runs}: bare {bare[-1]['window_s']:.3f} s, "
                      f"client {client[-1]['window_s']:.3f} s, demo {demo[-1]['window_s']:.3f} s",
                      file=sys.stderr)
        finally:
            hub.send_signal(signal.SIGINT)
            hub.wait(timeout=30)

    b, c, d = summarize(bare), summarize(client), summarize(demo)
    f = summarize(floor)
    result = {
        "runs": runs,
        "bare_window_s": round(b["window_s"], 3),
        "bare_rss_mb": round(b["rss_mb"], 1),
        "window_s": round(c["window_s"], 3),
        "rss_mb": round(c["rss_mb"], 1),
        "window_ratio": round(c["window_s"] / b["window_s"], 2),
        "rss_ratio": round(c["rss_mb"] / b["rss_mb"], 2),
        "floor_rss_mb": round(f["rss_mb"], 1),
        "rss_over_floor": round(c["rss_mb"] / f["rss_mb"], 2),
        "exit_s": round(c["exit_s"], 3),
        "demo_window_s": round(d["window_s"], 3),
        "demo_rss_mb": round(d["rss_mb"], 1),
        "demo_window_ratio": round(d["window_s"] / b["window_s"], 2),
        "demo_rss_ratio": round(d["rss_mb"] / b["rss_mb"], 2),
        "demo_exit_s": round(d["exit_s"], 3),
        "clean_exits": exits_cleanly(client + demo),
    }
    print(f"bare PySide6+qasync window: {b['window_s']:.3f} s, {b['rss_mb']:.1f} MB")
    print(f"gfdesk (client of a hub):   {c['window_s']:.3f} s, {c['rss_mb']:.1f} MB "
          f"-> window {result['window_ratio']}x, RSS {result['rss_ratio']}x, "
          f"RSS {result['rss_over_floor']}x the floor")
    print(f"floor (bare window + official async client, realtime connected): "
          f"{f['rss_mb']:.1f} MB")
    print(f"gfdesk --demo (hub inside): {d['window_s']:.3f} s, {d['rss_mb']:.1f} MB "
          f"-> window {result['demo_window_ratio']}x, RSS {result['demo_rss_ratio']}x")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
