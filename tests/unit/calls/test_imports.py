"""aiortc and av load when the first call starts, never at start-up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

STARTUP_AND_ENGINE = """
import sys
import gfdesk.app, gfdesk.calls, gfdesk.calls.engine, gfdesk.calls.signaling
import gfdesk.calls.callmedia, gfdesk.calls.states, gfdesk.calls.cli, gfdesk.calls.sinks
print(sorted(m for m in ("aiortc", "av", "PySide6") if m in sys.modules))
"""


def test_the_app_and_the_call_engine_import_without_aiortc_av_or_qt() -> None:
    out = subprocess.run([sys.executable, "-c", STARTUP_AND_ENGINE], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    assert out.strip() == "[]"
