"""Check by hand, on a running sway, that a second launch's activation token brings the
running gfdesk's window to the front (packaging/README.md says what it showed).

    WAYLAND_DISPLAY=... SWAYSOCK=... python scripts/wayland_activation_check.py

It starts gfdesk on the demo hub (in a temporary folder), opens another window, which
takes the focus, then asks the compositor for an xdg-activation token the way a
launcher does and starts gfdesk again with it in XDG_ACTIVATION_TOKEN; the first one
must then have the focus (``swaymsg -t get_tree``). Sway must activate on request:
``swaymsg focus_on_window_activation focus`` (its default only marks the window urgent).
The token request speaks the Wayland wire protocol itself (four requests), so the
check needs nothing beyond sway and gfdesk's own environment.
"""

from __future__ import annotations

import json
import os
import socket
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# Objects of the token request: the display is 1, then as created.
DISPLAY, REGISTRY, SYNC, ACTIVATION, TOKEN = 1, 2, 3, 4, 5
OTHER_WINDOW = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
app.setDesktopFileName("othercheck")
label = QLabel("another window")
label.resize(300, 200)
label.show()
app.exec()
"""


class Wire:
    """Just enough of a Wayland client connection for one request and its events."""

    def __init__(self) -> None:
        name = os.environ["WAYLAND_DISPLAY"]
        path = name if name.startswith("/") else os.path.join(os.environ["XDG_RUNTIME_DIR"],
                                                               name)
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._socket.connect(path)
        self._buffer = b""

    def send(self, target: int, opcode: int, payload: bytes = b"") -> None:
        self._socket.sendall(struct.pack("=II", target, ((8 + len(payload)) << 16) | opcode)
                             + payload)

    def events(self) -> Iterator[tuple[int, int, bytes]]:
        while True:
            while len(self._buffer) >= 8:
                target, word = struct.unpack("=II", self._buffer[:8])
                size = word >> 16
                if len(self._buffer) < size:
                    break
                body, self._buffer = self._buffer[8:size], self._buffer[size:]
                if target == DISPLAY and word & 0xFFFF == 0:
                    raise SystemExit(f"Wayland protocol error: {body!r}")
                yield target, word & 0xFFFF, body
            chunk = self._socket.recv(4096)
            if not chunk:
                raise SystemExit("the compositor closed the connection")
            self._buffer += chunk

    def close(self) -> None:
        self._socket.close()


def wl_string(text: str) -> bytes:
    data = text.encode() + b"\0"
    return struct.pack("=I", len(data)) + data + b"\0" * (-len(data) % 4)


def read_string(body: bytes, at: int) -> str:
    (size,) = struct.unpack_from("=I", body, at)
    return body[at + 4:at + 3 + size].decode()


def activation_token() -> str:
    """A fresh xdg-activation token from the compositor, as a launcher gets one."""
    wire = Wire()
    try:
        wire.send(DISPLAY, 1, struct.pack("=I", REGISTRY))  # get_registry
        wire.send(DISPLAY, 0, struct.pack("=I", SYNC))  # sync: the globals come first
        global_name = None
        for target, opcode, body in wire.events():
            if target == REGISTRY and opcode == 0 and read_string(body, 4) == "xdg_activation_v1":
                (global_name,) = struct.unpack_from("=I", body, 0)
            elif target == SYNC:
                break
        if global_name is None:
            raise SystemExit("the compositor has no xdg_activation_v1")
        wire.send(REGISTRY, 0, struct.pack("=I", global_name) + wl_string("xdg_activation_v1")
                  + struct.pack("=II", 1, ACTIVATION))  # bind
        wire.send(ACTIVATION, 1, struct.pack("=I", TOKEN))  # get_activation_token
        wire.send(TOKEN, 3)  # commit
        for target, opcode, body in wire.events():
            if target == TOKEN and opcode == 0:  # done
                return read_string(body, 0)
        raise AssertionError("unreachable")
    finally:
        wire.close()


def focused_app() -> str:
    tree = json.loads(subprocess.run(["swaymsg", "-t", "get_tree"], check=True,
                                     capture_output=True, text=True).stdout)

    def walk(node: dict[str, Any]) -> dict[str, Any] | None:
        if node.get("focused"):
            return node
        for child in node.get("nodes", []) + node.get("floating_nodes", []):
            found = walk(child)
            if found is not None:
                return found
        return None

    found = walk(tree)
    return str(found.get("app_id") or found.get("name")) if found else "(none)"


def wait_for(predicate: Any, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit(f"no {what} within {timeout} s")
        time.sleep(0.2)


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="gfdesk-wayland-check-"))
    env = {k: v for k, v in os.environ.items() if k != "XDG_ACTIVATION_TOKEN"}
    env |= {"QT_QPA_PLATFORM": "wayland", "GFDESK_CONFIG_DIR": str(folder / "config"),
            "GFDESK_DATA_DIR": str(folder / "data"), "GFDESK_LOG_DIR": str(folder / "logs"),
            "GFDESK_CACHE_DIR": str(folder / "cache")}
    log = folder / "first.err"
    gfdesk = [sys.executable, "-m", "gfdesk", "--demo"]
    with open(log, "w") as err:
        first = subprocess.Popen(gfdesk, env=env, stdout=subprocess.DEVNULL, stderr=err)
    other = None
    try:
        wait_for(lambda: "backend online" in log.read_text(), "gfdesk online")
        print("gfdesk started, focused:", focused_app())
        other = subprocess.Popen([sys.executable, "-c", OTHER_WINDOW], env=env)
        wait_for(lambda: focused_app() == "othercheck", "focus on the other window", 20)
        print("other window opened, focused:", focused_app())
        token = activation_token()
        second = subprocess.run(gfdesk, env=env | {"XDG_ACTIVATION_TOKEN": token}, timeout=60)
        print("second launch with a token exited", second.returncode)
        wait_for(lambda: focused_app() == "gfdesk", "focus back on gfdesk", 10)
        print("focused:", focused_app())
        print(*[line for line in log.read_text().splitlines() if "activation token" in line],
              sep="\n")
        return 0
    finally:
        if other is not None:
            other.terminate()
            other.wait()
        first.terminate()
        first.wait()


if __name__ == "__main__":
    sys.exit(main())
