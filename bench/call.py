"""Call benchmark: a loopback video call between two processes, and the render path's cost.

Method:
- A hub runs in its own process. Two child processes (caller and callee) each run a
  call engine on a qasync loop with offscreen Qt, as the app does: aiortc on the call's
  media thread, the other side's pictures through ``render.VideoRenderer`` into a
  ``QVideoSink`` on the GUI thread. Both send the synthetic picture at 1280x720, 30 fps.
- After both are connected and a warm-up (the encoder's bitrate settles), each child
  measures for ``--duration`` seconds: pictures rendered per second, and its own CPU
  time as a percentage of one core. Every rendered picture's frame counter is read and
  timed; the sender remembered when it made each one (``time.monotonic``, the same
  system-wide clock in both processes), so glass to glass = rendered - made, for both
  directions pooled.
- A shorter second call with aiortc's own receive buffer (``early_release`` off) shows
  what releasing each picture at its last packet saves (``early_release_saves_ms``).
- In this process, the render path's cost per 1080p picture (decoded, so with the
  decoder's strides): ``render_ms`` (``to_video_frame`` + ``QVideoSink.setVideoFrame``),
  ``copy_ms`` (a plain copy of the picture's bytes), ``naive_ms`` (``to_ndarray`` RGB +
  ``QImage`` + ``drawImage``), and ``image_ms`` (the QImage fallback), medians.

Targets: fps_caller and fps_callee >= 29, g2g_p50_ms < 100, render_ratio (render_ms /
copy_ms) <= 3, naive_over_render >= 10.

Usage: python bench/call.py [--quick] [--duration S]
Last line: one JSON object with every figure and ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from startup import start_hub  # noqa: E402  (bench/ is this script's own directory)

WIDTH, HEIGHT, FPS = 1280, 720, 30.0
PASSWORD = "correct-horse-battery-staple-42"
CHILD_TIMEOUT_S = 180.0


# -- the two call processes -----------------------------------------------------------


def child_main(args: argparse.Namespace) -> int:
    """One side of the call (``--child caller|callee``); prints READY, then RESULT."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from gfdesk import bridge

    QApplication.instance() or QApplication([])
    return bridge.run(lambda: _child(args))


async def _child(args: argparse.Namespace) -> int:
    import keyring.backends.null

    from gfdesk.calls.callmedia import CallMedia
    from gfdesk.calls.engine import CallEngine
    from gfdesk.calls.media import SyntheticVideoTrack, ToneTrack
    from gfdesk.calls.peer import PeerConfig
    from gfdesk.calls.planes import plane_view
    from gfdesk.calls.render import VideoRenderer
    from gfdesk.calls.signaling import RealtimeSignaling
    from gfdesk.calls.states import CallInfo, CallState
    from gfdesk.calls.testpattern import read_counter
    from gfdesk.core.backend import BackendService, Credentials

    renderer = VideoRenderer()
    tracks: list[SyntheticVideoTrack] = []
    renders: list[tuple[int, float]] = []
    window: list[float] = []  # [start, end] of the measured stretch

    def on_shown(_: int) -> None:
        frame = renderer.last_frame
        if frame is None or len(window) != 1:
            return
        plane = frame.planes[0]
        counter = read_counter(plane_view(plane), frame.width, frame.height, plane.line_size)
        if counter is not None:
            renders.append((counter, time.monotonic()))

    renderer.frame_shown.connect(on_shown)

    def video() -> SyntheticVideoTrack:
        tracks.append(SyntheticVideoTrack(WIDTH, HEIGHT, FPS))
        return tracks[-1]

    def media(info: CallInfo) -> CallMedia:
        return CallMedia(audio=ToneTrack, video=video, remote_video=renderer)

    connected, ended = asyncio.Event(), asyncio.Event()

    def on_change(info: CallInfo) -> None:
        if info.state is CallState.CONNECTED:
            connected.set()
        elif info.state is CallState.ENDED:
            ended.set()

    backend = BackendService(args.url, args.anon_key, label="bench", on_status=lambda _: None,
                             keyring_backend=keyring.backends.null.Keyring())  # type: ignore[no-untyped-call]
    account = await backend.start(Credentials(args.email, PASSWORD))
    assert account is not None and backend.connection is not None
    signaling = RealtimeSignaling(backend.client, backend.connection, account.user_id)
    engine = CallEngine(signaling, account.user_id, media=media, on_change=on_change,
                        peer_config=PeerConfig(early_release=not args.no_early_release))
    await engine.start()
    await signaling.wait_live()
    print(f"READY {account.user_id}", flush=True)
    if args.child == "callee":
        while engine.call is None:
            await _next_change(engine)
        await engine.accept()
    else:
        await engine.place(args.callee)
    await connected.wait()
    await asyncio.sleep(args.warmup)
    shown_before, cpu_before = renderer.shown, time.process_time()
    window.append(time.monotonic())
    if args.child == "caller":
        await asyncio.sleep(args.duration)
    else:
        await ended.wait()
    window.append(time.monotonic())
    shown, cpu = renderer.shown - shown_before, time.process_time() - cpu_before
    elapsed = window[1] - window[0]
    if args.child == "caller":
        await engine.hang_up()
    await engine.aclose()
    await backend.aclose()
    captures = tracks[-1].captures() if tracks else {}
    print("RESULT " + json.dumps({
        "fps": shown / elapsed, "cpu": 100.0 * cpu / elapsed, "seconds": elapsed,
        "renders": renders, "captures": captures, "skipped": renderer.skipped}), flush=True)
    return 0


async def _next_change(engine: Any) -> None:
    changed = asyncio.Event()
    remove = engine.add_listener(lambda _: changed.set())
    try:
        await changed.wait()
    finally:
        remove()


# -- the parent: hub, users, the two children ---------------------------------------


async def _sign_up(url: str, key: str, names: list[str]) -> None:
    from supabase import acreate_client

    for name in names:
        client = await acreate_client(url, key)
        await client.auth.sign_up({"email": f"{name}@example.com", "password": PASSWORD,
                                   "options": {"data": {"username": name}}})
        await client.auth.close()


def _spawn(role: str, url: str, key: str, email: str, extra: list[str]
           ) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, __file__, "--child", role, "--url", url, "--anon-key", key,
         "--email", email, *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, cwd=ROOT, env=env)


def _read_line(proc: subprocess.Popen[str], prefix: str) -> str:
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(prefix):
            return line[len(prefix):].strip()
    _, err = proc.communicate(timeout=10)
    raise RuntimeError(f"child ended before {prefix!r}:\n{err[-3000:]}")


def one_call(url: str, key: str, *, duration: float, warmup: float,
             early_release: bool) -> dict[str, Any]:
    """A call between two child processes; the figures of both sides."""
    extra = ["--duration", str(duration), "--warmup", str(warmup)]
    if not early_release:
        extra.append("--no-early-release")
    callee = _spawn("callee", url, key, "bob@example.com", extra)
    caller: subprocess.Popen[str] | None = None
    try:
        callee_id = _read_line(callee, "READY ")
        caller = _spawn("caller", url, key, "ada@example.com", [*extra, "--callee", callee_id])
        results = {role: json.loads(_read_line(proc, "RESULT "))
                   for role, proc in (("caller", caller), ("callee", callee))}
        for proc in (caller, callee):
            proc.wait(timeout=CHILD_TIMEOUT_S)
    finally:
        for proc in (caller, callee):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()
    return results


def glass_to_glass(results: dict[str, Any]) -> list[float]:
    """Milliseconds from made to rendered, for every picture of both directions."""
    out: list[float] = []
    for sender, receiver in (("caller", "callee"), ("callee", "caller")):
        made = {int(k): v for k, v in results[sender]["captures"].items()}
        for counter, rendered in results[receiver]["renders"]:
            if counter in made:
                out.append((rendered - made[counter]) * 1000.0)
    return out


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


# -- the render path, in this process -----------------------------------------------


def render_costs(iterations: int) -> dict[str, float]:
    """Median milliseconds per decoded 1080p picture for each way of showing it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtMultimedia import QVideoSink
    from PySide6.QtWidgets import QApplication

    from gfdesk.calls.planes import plane_view
    from gfdesk.calls.render import to_image, to_video_frame
    from tests.helpers.videoframes import decoded_frames

    QApplication.instance() or QApplication([])
    frames = decoded_frames(1920, 1080, list(range(4)))
    sink = QVideoSink()
    target = QImage(1920, 1080, QImage.Format.Format_RGB32)

    def render(frame: Any) -> None:
        sink.setVideoFrame(to_video_frame(frame))

    def copy(frame: Any) -> None:
        for plane in frame.planes:
            bytes(plane_view(plane))

    def naive(frame: Any) -> None:
        rgb = frame.to_ndarray(format="rgb24")
        image = QImage(rgb.data, frame.width, frame.height, 3 * frame.width,
                       QImage.Format.Format_RGB888)
        painter = QPainter(target)
        painter.drawImage(0, 0, image)
        painter.end()

    reused = QImage(1920, 1080, QImage.Format.Format_RGB32)

    def image(frame: Any) -> None:
        painter = QPainter(target)
        painter.drawImage(0, 0, to_image(frame, reused))
        painter.end()

    def median_ms(fn: Any, count: int) -> float:
        times = []
        for n in range(count):
            frame = frames[n % len(frames)]
            start = time.perf_counter()
            fn(frame)
            times.append(time.perf_counter() - start)
        return statistics.median(times) * 1000.0

    # Interleaved rounds, so load on this shared machine hits every way alike.
    rounds: dict[str, list[float]] = {"render": [], "copy": [], "naive": [], "image": []}
    for _ in range(5):
        rounds["render"].append(median_ms(render, iterations))
        rounds["copy"].append(median_ms(copy, iterations))
        rounds["naive"].append(median_ms(naive, max(5, iterations // 10)))
        rounds["image"].append(median_ms(image, max(5, iterations // 10)))
    return {name: statistics.median(values) for name, values in rounds.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a short call (under a minute)")
    parser.add_argument("--duration", type=float, help="measured seconds of the call")
    parser.add_argument("--child", choices=["caller", "callee"], help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--anon-key", help=argparse.SUPPRESS)
    parser.add_argument("--email", help=argparse.SUPPRESS)
    parser.add_argument("--callee", help=argparse.SUPPRESS)
    parser.add_argument("--warmup", type=float, default=3.0, help=argparse.SUPPRESS)
    parser.add_argument("--no-early-release", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.exit(child_main(args))

    duration = args.duration or (10.0 if args.quick else 60.0)
    compare_s = 5.0 if args.quick else 20.0
    warmup = 2.0 if args.quick else 3.0
    with tempfile.TemporaryDirectory() as tmp:
        hub, url, key = start_hub(Path(tmp) / "hub", demo=False)
        try:
            asyncio.run(_sign_up(url, key, ["ada", "bob"]))
            main_call = one_call(url, key, duration=duration, warmup=warmup,
                                 early_release=True)
            held_call = one_call(url, key, duration=compare_s, warmup=warmup,
                                 early_release=False)
        finally:
            hub.send_signal(signal.SIGINT)
            hub.wait(timeout=30)
    costs = render_costs(40 if args.quick else 200)

    g2g = glass_to_glass(main_call)
    held = glass_to_glass(held_call)
    result = {
        "duration_s": duration,
        "size": f"{WIDTH}x{HEIGHT}",
        "fps_caller": round(main_call["caller"]["fps"], 2),
        "fps_callee": round(main_call["callee"]["fps"], 2),
        "g2g_p50_ms": round(statistics.median(g2g), 1),
        "g2g_p95_ms": round(percentile(g2g, 0.95), 1),
        "g2g_samples": len(g2g),
        "cpu_caller": round(main_call["caller"]["cpu"], 1),
        "cpu_callee": round(main_call["callee"]["cpu"], 1),
        "skipped_caller": main_call["caller"]["skipped"],
        "skipped_callee": main_call["callee"]["skipped"],
        "g2g_p50_ms_aiortc_hold": round(statistics.median(held), 1),
        "early_release_saves_ms": round(statistics.median(held) - statistics.median(g2g), 1),
        "render_ms": round(costs["render"], 3),
        "copy_ms": round(costs["copy"], 3),
        "naive_ms": round(costs["naive"], 3),
        "image_ms": round(costs["image"], 3),
        "render_ratio": round(costs["render"] / costs["copy"], 2),
        "naive_over_render": round(costs["naive"] / costs["render"], 1),
    }
    print(f"call {WIDTH}x{HEIGHT} @ {FPS:g} fps, {duration:g} s measured:")
    print(f"  rendered fps: caller {result['fps_caller']}, callee {result['fps_callee']} "
          f"(target >= 29)")
    print(f"  glass to glass: p50 {result['g2g_p50_ms']} ms, p95 {result['g2g_p95_ms']} ms "
          f"(target p50 < 100); with aiortc's own hold p50 "
          f"{result['g2g_p50_ms_aiortc_hold']} ms")
    print(f"  cpu (% of one core): caller {result['cpu_caller']}, callee "
          f"{result['cpu_callee']}")
    print(f"render per 1080p picture: QVideoFrame {result['render_ms']} ms, plain copy "
          f"{result['copy_ms']} ms (ratio {result['render_ratio']}, target <= 3), naive "
          f"{result['naive_ms']} ms ({result['naive_over_render']}x, target >= 10), "
          f"QImage fallback {result['image_ms']} ms")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
