"""packaging/linux/tlsstub.py: with the GnuTLS stand-in in place of the wheel's, PyAV
still loads, encodes and decodes what calls use, muxes and demuxes, resamples audio
(libavfilter), and opening a TLS URL fails with an error instead of a crash.

The stand-in is preloaded into a fresh process (the dynamic linker then satisfies
libavformat's GnuTLS with it); the real GnuTLS's own dependencies not being mapped shows
the preload took effect."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle's PyAV"),
    pytest.mark.skipif((shutil.which("cc") is None and shutil.which("gcc") is None)
                       or shutil.which("nm") is None, reason="needs a C compiler and nm"),
]

PROBE = r'''
import io, json, sys
import av
out = {}
for codec in ("libvpx", "libx264", "libopus"):
    av.CodecContext.create(codec, "w")
buffer = io.BytesIO()
with av.open(buffer, "w", format="webm") as container:
    stream = container.add_stream("libvpx", rate=30)
    stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
    for i in range(5):
        frame = av.VideoFrame(64, 48, "yuv420p")
        frame.pts = i
        for packet in stream.encode(frame):
            container.mux(packet)
    for packet in stream.encode(None):
        container.mux(packet)
buffer.seek(0)
with av.open(buffer, "r") as container:
    out["decoded"] = sum(1 for _ in container.decode(video=0))
resampler = av.AudioResampler(format="s16", layout="mono", rate=48000)
frame = av.AudioFrame(format="s16", layout="stereo", samples=960)
frame.sample_rate = 48000
for plane in frame.planes:
    plane.update(bytes(plane.buffer_size))
out["resampled"] = sum(f.samples for f in resampler.resample(frame))
try:
    av.open(f"https://127.0.0.1:{sys.argv[1]}/x.webm", timeout=5)
    out["https"] = "opened"
except Exception as exc:
    out["https"] = type(exc).__name__
maps = open("/proc/self/maps").read()
out["real_tls_deps"] = "libunistring" in maps or "libnettle" in maps
print(json.dumps(out))
'''


def _tlsstub() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "tlsstub", ROOT / "packaging" / "linux" / "tlsstub.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def tcp_port() -> Iterator[int]:
    """A TCP server that answers a TLS hello with garbage (so the TLS layer runs)."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(10)

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                conn.sendall(b"not TLS\r\n\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    server.close()


def _run(port: int, preload: Path | None) -> dict[str, object]:
    env = dict(os.environ)
    if preload is not None:
        env["LD_PRELOAD"] = str(preload)
    ran = subprocess.run([sys.executable, "-c", PROBE, str(port)], env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    assert ran.returncode == 0, ran.stderr
    result: dict[str, object] = json.loads(ran.stdout)
    return result


def test_pyav_works_without_gnutls_and_tls_urls_fail_cleanly(tmp_path: Path,
                                                             tcp_port: int) -> None:
    import av

    libs = Path(av.__file__).parent.parent / "av.libs"
    avformat = next(libs.glob("libavformat-*.so*"), None)
    gnutls = next(libs.glob("libgnutls-*.so*"), None)
    if avformat is None or gnutls is None:
        pytest.skip("this PyAV has no GnuTLS of its own")
    stub = tmp_path / gnutls.name
    assert _tlsstub().build(avformat, stub, gnutls.name) > 10
    assert stub.stat().st_size < 100_000

    real = _run(tcp_port, None)
    assert real["real_tls_deps"] is True
    standin = _run(tcp_port, stub)
    assert standin["real_tls_deps"] is False
    assert standin["decoded"] == real["decoded"] == 5
    assert standin["resampled"] == real["resampled"] == 960
    # Both fail against a server that does not speak TLS; the stand-in fails earlier.
    assert standin["https"] != "opened" and real["https"] != "opened"
