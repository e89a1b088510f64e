"""What gfdesk loads before its main window shows (issue 17, start-up).

The window must show before the network stack, the official client, the hub and the
features' code are imported: each costs start-up time the first frame does not need.
A real ``python -m gfdesk`` start in its own process, with a probe on the app's log that
lists ``sys.modules`` the moment "main window shown" is logged, then lets the loop run
once (the garbage collector, off until the window shows, must then run from the loop)
and exits.
No timing is asserted: the module list is what regresses.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

PROBE = textwrap.dedent(
    """
    import asyncio, builtins, gc, logging, os, sys

    seen = {}

    def report():
        import json  # not before: json is one of the modules the window must not need
        from gfdesk.core import collector
        # Collection, off until the window shows, is then the loop's (the GUI thread's).
        seen["collecting_after_show"] = collector.running() and not gc.isenabled()
        print(json.dumps(seen), flush=True)
        os._exit(0)

    class Probe(logging.Handler):
        def emit(self, record):
            if record.getMessage() == "main window shown" and not seen:
                seen["modules"] = sorted(sys.modules)
                seen["feature_hook_in_place"] = (
                    builtins.__import__ is getattr(builtins, "__feature_import__", None))
                # PySide6 makes a class's Python type (and its enums) on first use.
                seen["qt_classes"] = sorted(
                    name for module in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")
                    for name in vars(sys.modules[module]) if name.startswith("Q"))
                asyncio.get_running_loop().call_soon(report)

    logging.getLogger("gfdesk.app").addHandler(Probe())
    from gfdesk.app import main
    sys.exit(main(sys.argv[1:]))
    """
)

#: Loaded only after the window shows (or never, for a session without calls). Not
#: PySide6.QtNetwork: the single-instance check (QLocalSocket) must run before the window.
HEAVY = (
    "aiortc", "av", "supabase", "realtime", "postgrest", "supabase_auth", "gotrue",
    "httpx", "aiohttp", "websockets", "cryptography", "zeroconf", "PySide6.QtMultimedia",
    "gfdesk.hub", "gfdesk.core.backend", "gfdesk.accountflow",
    "gfdesk.tournament", "gfdesk.chat", "gfdesk.friends", "gfdesk.notifications",
    "gfdesk.calls", "gfdesk.ui.settingsdialog", "gfdesk.ui.signinscreen", "gfdesk.ui.tray",
    "gfdesk.kit.avatarstore",
    # Cheap alone, yet each is a few ms the first frame does not need.
    "uuid", "html", "json", "getpass",
)
#: Qt classes whose Python types cost the first window most and that it does not need:
#: QStyle's enums alone took about 5 ms (the style is named on the command line, and a
#: widget is re-polished only once polished under a stylesheet).
HEAVY_QT_CLASSES = ("QStyle",)


def first_show(tmp_path: Path, *args: str) -> dict[str, object]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        GFDESK_CONFIG_DIR=str(tmp_path / "config"),
        GFDESK_DATA_DIR=str(tmp_path / "data"),
        GFDESK_LOG_DIR=str(tmp_path / "logs"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    done = subprocess.run([sys.executable, "-c", PROBE, *args], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the probe never saw the window shown:\n{done.stderr}"
    result: dict[str, object] = json.loads(lines[-1])
    return result


@pytest.mark.parametrize("args", [
    pytest.param(("--url", "http://127.0.0.1:9", "--anon-key", "key"), id="client"),
    pytest.param(("--demo",), id="demo"),
])
def test_the_window_shows_before_the_heavy_modules_load(tmp_path: Path,
                                                        args: tuple[str, ...]) -> None:
    seen = first_show(tmp_path, *args)
    modules = seen["modules"]
    assert isinstance(modules, list)
    loaded = [m for m in modules
              if any(m == heavy or m.startswith(heavy + ".") for heavy in HEAVY)]
    assert loaded == []
    qt_classes = seen["qt_classes"]
    assert isinstance(qt_classes, list)
    assert [name for name in HEAVY_QT_CLASSES if name in qt_classes] == []
    # The window itself was built from gfdesk's shell (the probe saw the real start).
    assert "gfdesk.ui.mainwindow" in modules
    # PySide6's __feature__ hook no longer reads the source of each module imported.
    assert seen["feature_hook_in_place"] is False
    assert seen["collecting_after_show"] is True
