"""Setuptools hook: the top-level ``resources/`` goes into the wheel as ``gfdesk/_resources``.

Everything else is in pyproject.toml. ``gfdesk.appresources`` finds the folder there in an
installed wheel; a clone (and an editable install) uses ``resources/`` itself.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads resources/ in the clone
        target = Path(self.build_lib) / "gfdesk" / "_resources"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(ROOT / "resources", target)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        if not self.editable_mode:
            target = Path(self.build_lib) / "gfdesk" / "_resources"
            outputs += [str(target / f.relative_to(ROOT / "resources"))
                        for f in (ROOT / "resources").rglob("*") if f.is_file()]
        return outputs


setup(cmdclass={"build_py": BuildWithResources})
