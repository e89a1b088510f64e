"""packaging/linux/install.sh (in the Linux tarball): installs for the user and removes
again, in a throwaway home (a stand-in bundle: the script only copies it)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="a Linux install script")


def test_install_registers_the_app_and_remove_undoes_it(tmp_path: Path) -> None:
    stage = tmp_path / "gfdesk-x-linux"
    (stage / "gfdesk").mkdir(parents=True)
    app = stage / "gfdesk" / "gfdesk"
    app.write_text("#!/bin/sh\necho gfdesk-standin \"$@\"\n")
    app.chmod(0o755)
    (stage / "share" / "applications").mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "linux" / "gfdesk.desktop", stage / "share" / "applications")
    (stage / "share" / "icons" / "hicolor" / "48x48" / "apps").mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "appicon" / "gfdesk-48.png",
                stage / "share" / "icons" / "hicolor" / "48x48" / "apps" / "gfdesk.png")
    shutil.copy(ROOT / "packaging" / "linux" / "install.sh", stage / "install.sh")
    home = tmp_path / "home"
    env = dict(os.environ, HOME=str(home), PREFIX=str(home / ".local"),
               XDG_DATA_HOME=str(home / ".local" / "share"),
               XDG_CONFIG_HOME=str(home / ".config"))
    subprocess.run(["bash", str(stage / "install.sh")], env=env, check=True,
                   capture_output=True, timeout=60)

    command = home / ".local" / "bin" / "gfdesk"
    ran = subprocess.run([str(command), "gfdesk://x"], capture_output=True, text=True,
                         check=True, timeout=10)
    assert ran.stdout.strip() == "gfdesk-standin gfdesk://x"
    desktop = (home / ".local" / "share" / "applications" / "gfdesk.desktop").read_text()
    assert f"Exec={command} %u" in desktop
    assert (home / ".local/share/icons/hicolor/48x48/apps/gfdesk.png").is_file()
    mimeapps = home / ".config" / "mimeapps.list"
    if shutil.which("xdg-mime"):
        assert "x-scheme-handler/gfdesk=gfdesk.desktop" in mimeapps.read_text()

    subprocess.run(["bash", str(stage / "install.sh"), "--remove"], env=env, check=True,
                   capture_output=True, timeout=60)
    left = [p for p in (home / ".local").rglob("*gfdesk*")]
    assert left == []
    if mimeapps.exists():
        assert "gfdesk" not in mimeapps.read_text()
