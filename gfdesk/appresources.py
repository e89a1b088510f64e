"""Where the app's assets are: the one ``resources/`` folder, wherever gfdesk runs from.

The top-level ``resources/`` of the repository is the only source (stylesheet, UI icons,
app icon set, sounds, the .desktop file and AppStream metainfo). It reaches the app three
ways, and ``root()`` looks in this order:

1. A PyInstaller bundle: ``packaging/gfdesk.spec`` copies it to ``resources/`` beside the
   bundled modules, which PyInstaller names in ``sys._MEIPASS``.
2. An installed wheel: ``setup.py``'s ``build_py`` copies it into the package as
   ``gfdesk/_resources`` (a clone has no such folder, so this never shadows the clone's).
3. A clone (also an editable install): ``resources/`` next to the ``gfdesk`` package.

Qt-free, so the hub, the command line and the packaging scripts can use it too.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

#: The folder's name in a clone and in a bundle.
FOLDER = "resources"
#: The folder's name inside an installed package.
PACKAGED_FOLDER = "_resources"
#: A file every complete resources folder has: tells a real one from a stray folder.
MARKER = "dark.qss"


@cache
def root() -> Path:
    """The resources folder in use.

    Raises:
        FileNotFoundError: none of the places holds the assets (a broken install).
    """
    candidates = candidate_roots()
    for candidate in candidates:
        if (candidate / MARKER).is_file():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"gfdesk's resources are missing (looked in {tried})")


def candidate_roots() -> list[Path]:
    """The places ``root()`` looks, in order."""
    places: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        places.append(Path(bundle) / FOLDER)
    package = Path(__file__).resolve().parent
    places.append(package / PACKAGED_FOLDER)
    places.append(package.parent / FOLDER)
    return places


def path(name: str) -> Path:
    """The file or folder ``name`` (a ``/``-separated path under ``resources/``).

    Raises:
        FileNotFoundError: there is no such file or folder.
    """
    found = root().joinpath(*name.split("/"))
    if not found.exists():
        raise FileNotFoundError(f"no resource {name!r} in {root()}")
    return found


def read_bytes(name: str) -> bytes:
    """The bytes of the resource ``name``."""
    return path(name).read_bytes()


def read_text(name: str) -> str:
    """The UTF-8 text of the resource ``name``."""
    return path(name).read_text(encoding="utf-8")
