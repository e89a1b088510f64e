"""Calls between headless Chromium and ``gfdesk call`` through the hub, inside a network
namespace of their own (run me under ``unshare -rn``; ``test_chromium_peer`` does).

Chromium never gathers 127.0.0.1 candidates, so the namespace gets a veth pair with
addresses of its own (10.77.0.1 and 10.77.0.2): every packet stays inside the
namespace, none can leave the machine. Inside it: the hub on loopback, a static HTTP
server for the page (``call.html`` with supabase-js's browser build from
``node_modules``), two users, then two calls:

1. the browser calls a gfdesk user (``gfdesk call --answer``);
2. a gfdesk user (``gfdesk call USER``) calls the browser.

Each side counts the frames it decoded and encoded (the browser from ``getStats``, the
CLI from its peer). The last line printed is one JSON object with both calls' figures.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PASSWORD = "browser-test-password"
#: Seconds of media each call measures before the browser hangs up.
MEDIA_S = 4
STEP_TIMEOUT_S = 90
ADDRESSES = ("10.77.0.1/24", "10.77.0.2/24")


def ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True)


def make_network() -> None:
    """Loopback up, and a veth pair with private addresses of this namespace's own."""
    if os.environ.get("GFDESK_NETNS") != "1":
        raise SystemExit("run me in a network namespace of my own: unshare -rn ...")
    ip("link", "set", "lo", "up")
    ip("link", "add", "gfa", "type", "veth", "peer", "name", "gfb")
    for name, address in zip(("gfa", "gfb"), ADDRESSES, strict=True):
        ip("addr", "add", address, "dev", name)
        ip("link", "set", name, "up")


@contextlib.contextmanager
def hub(data: Path) -> Iterator[tuple[str, str]]:
    proc = subprocess.Popen([sys.executable, "-m", "gfdesk", "hub", "--host", "127.0.0.1",
                             "--port", "0", "--data", str(data)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().split(": ", 1)[1].strip()
        key = proc.stdout.readline().split(": ", 1)[1].strip()
        yield url, key
    finally:
        proc.terminate()
        proc.wait(30)


def sign_up(url: str, key: str, name: str) -> str:
    """A new user on the hub; returns its id."""
    body = json.dumps({"email": f"{name}@example.com", "password": PASSWORD,
                       "data": {"username": name, "display_name": name.title()}}).encode()
    request = urllib.request.Request(f"{url}/auth/v1/signup", data=body, method="POST",
                                     headers={"apikey": key, "content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        reply = json.load(response)
    user = reply.get("user") or reply
    return str(user["id"])


@contextlib.contextmanager
def page_server() -> Iterator[str]:
    """The page and supabase-js, over HTTP on loopback (a secure context)."""
    handler = functools.partial(_QuietHandler, directory=str(HERE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="page-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/call.html"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class Browser:
    """``node drive.mjs``: Chromium on the page, until it prints its result."""

    def __init__(self, page: str, profile: Path) -> None:
        env = dict(os.environ, CHROMIUM_PROFILE=str(profile))
        self.proc = subprocess.Popen(["node", "drive.mjs", page, str(STEP_TIMEOUT_S)],
                                     cwd=HERE, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)

    def wait_ready(self) -> None:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith('{"ready"'):
            raise RuntimeError(f"the page never got ready: {line!r} "
                               f"{self.proc.stderr.read() if self.proc.stderr else ''}")

    def result(self) -> dict[str, Any]:
        out, err = self.proc.communicate(timeout=STEP_TIMEOUT_S)
        lines = [line for line in out.splitlines() if line.startswith("{")]
        if not lines:
            return {"ok": False, "error": f"no result; stderr: {err[-2000:]}"}
        result: dict[str, Any] = json.loads(lines[-1])
        result["exit"] = self.proc.returncode
        return result


def gfdesk_call(url: str, key: str, user: str, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, GFDESK_URL=url, GFDESK_ANON_KEY=key,
               GFDESK_EMAIL=f"{user}@example.com", GFDESK_PASSWORD=PASSWORD)
    return subprocess.Popen([sys.executable, "-m", "gfdesk", "call", *args], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def finish(proc: subprocess.Popen[str]) -> dict[str, Any]:
    try:
        out, err = proc.communicate(timeout=STEP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    lines = [line for line in out.splitlines() if line.startswith("{")]
    result: dict[str, Any] = json.loads(lines[-1]) if lines else {"error": err[-2000:]}
    result["exit"] = proc.returncode
    return result


def page_url(page: str, url: str, key: str, user: str, **extra: str) -> str:
    query = {"url": url, "key": key, "email": f"{user}@example.com", "password": PASSWORD,
             "seconds": str(MEDIA_S), **extra}
    return f"{page}?{urllib.parse.urlencode(query)}"


def browser_calls_gfdesk(url: str, key: str, page: str, tmp: Path, gfdesk_id: str
                         ) -> dict[str, Any]:
    ready = tmp / "ready.json"
    callee = gfdesk_call(url, key, "desk", "--answer", "--ready-file", str(ready))
    deadline = time.monotonic() + STEP_TIMEOUT_S
    while not ready.exists():  # noqa: ASYNC110 (a file written by another process)
        if callee.poll() is not None or time.monotonic() > deadline:
            return {"gfdesk": finish(callee), "browser": {"ok": False}}
        time.sleep(0.05)
    browser = Browser(page_url(page, url, key, "web", mode="call", target=gfdesk_id),
                      tmp / "profile-1")
    seen = browser.result()
    if not seen.get("ok"):
        callee.terminate()  # no call came: it waits for none
    return {"browser": seen, "gfdesk": finish(callee)}


def gfdesk_calls_browser(url: str, key: str, page: str, tmp: Path, browser_id: str
                         ) -> dict[str, Any]:
    browser = Browser(page_url(page, url, key, "web", mode="answer"), tmp / "profile-2")
    browser.wait_ready()
    caller = gfdesk_call(url, key, "desk", browser_id)
    return {"browser": browser.result(), "gfdesk": finish(caller)}


def main() -> int:
    started = time.monotonic()
    make_network()
    with tempfile.TemporaryDirectory(prefix="gfdesk-browser-") as name:
        tmp = Path(name)
        with hub(tmp / "hub") as (url, key), page_server() as page:
            desk = sign_up(url, key, "desk")
            web = sign_up(url, key, "web")
            first = browser_calls_gfdesk(url, key, page, tmp, desk)
            second = gfdesk_calls_browser(url, key, page, tmp, web)
    summary = {"browser_calls_gfdesk": first, "gfdesk_calls_browser": second,
               "seconds": round(time.monotonic() - started, 1)}
    print(json.dumps(summary), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
