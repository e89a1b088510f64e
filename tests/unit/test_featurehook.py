"""gfdesk.kit.featurehook: PySide6's __feature__ import hook, removed.

Run in a child process: the hook is process-wide, and the test session's own imports
must not change under other tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

CHILD = textwrap.dedent(
    """
    import builtins, json, sys
    import PySide6.QtCore
    feature = sys.modules["shibokensupport.feature"]

    def checked(name):  # the hook read this module's source and filed it
        return name in feature.pyside_feature_dict

    import gfdesk_probe_before
    from gfdesk.kit import featurehook
    dropped = featurehook.drop()
    import gfdesk_probe_after
    from PySide6.QtWidgets import QLabel  # Qt's lazily made classes still load
    from __feature__ import snake_case  # found, but it switches nothing any more
    snake = hasattr(QLabel, "set_text")
    print(json.dumps({
        "dropped": dropped, "again": featurehook.drop(),
        "before": checked("gfdesk_probe_before"), "after": checked("gfdesk_probe_after"),
        "label": QLabel.__name__, "snake_case": snake,
    }))
    """
)


def test_modules_imported_after_the_drop_are_no_longer_read(tmp_path: Path) -> None:
    for name in ("gfdesk_probe_before", "gfdesk_probe_after"):
        (tmp_path / f"{name}.py").write_text("VALUE = 1\n")
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                          timeout=60, env={"PYTHONPATH": f"{tmp_path}:{Path.cwd()}",
                                           "QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result == {"dropped": True, "again": False, "before": True, "after": False,
                      "label": "QLabel", "snake_case": False}
