"""Theme-coloured copies of the SVG images the stylesheet names (spin box and combo box
arrows), written where Qt's stylesheet engine can load them by path. Qt-free.

A stylesheet ``image:`` takes a file, not SVG bytes, and Qt's SVG renderer
paints ``currentColor`` black; so the template names an image with the colour token to
paint it in, ``svg(chevron-up, @icon)``, and ``render_qss`` asks ``ImageFolder.url`` for
a file of ``resources/icons/chevron-up.svg`` with ``currentColor`` replaced by that
theme's colour. The files live in the user's cache folder (``GFDESK_CACHE_DIR``
overrides it), because the resources folder is read-only in an installed wheel and in
a bundle; a temporary folder stands in when the cache folder cannot be written.

A file's name carries a digest of its content, so a theme change gives the stylesheet
new paths (Qt caches a loaded image by path) and a newer gfdesk never reads an older
one's arrows. The folder is bounded: ``prune`` removes what the current palettes do not
use.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import platformdirs

from gfdesk import appresources
from gfdesk.kit.palettes import IMAGE
from gfdesk.log import ui as log

#: Overrides the cache folder (tests point it at a temporary folder).
CACHE_ENV = "GFDESK_CACHE_DIR"
APP_NAME = "gfdesk"
#: The subfolder of the cache folder that holds the images and nothing else.
SUBFOLDER = "stylesheet-images"
#: What the written files look like; ``prune`` touches nothing else.
FILE_NAME = re.compile(r"[a-z0-9-]+-[0-9a-f]{6}-[0-9a-f]{12}\.svg")


def cache_folder(env: Mapping[str, str] = os.environ) -> Path:
    """Where the images go: ``$GFDESK_CACHE_DIR`` or the platform's user cache folder."""
    base = env.get(CACHE_ENV) or platformdirs.user_cache_dir(APP_NAME)
    return Path(base) / SUBFOLDER


def image_names(template: str) -> set[tuple[str, str]]:
    """Every (SVG name, colour token) pair ``template`` asks for."""
    return {(m.group(1), m.group(2)) for m in IMAGE.finditer(template)}


def tinted_svg(name: str, color: str) -> bytes:
    """``resources/icons/<name>.svg`` with ``currentColor`` replaced by ``color``.

    Raises:
        FileNotFoundError: there is no such icon.
        ValueError: ``color`` is not an opaque ``#rrggbb`` (SVG 1.1 has no 8-digit colour).
    """
    if not re.fullmatch(r"#[0-9a-fA-F]{6}(ff|FF)?", color):
        raise ValueError(f"stylesheet images need an opaque #rrggbb colour, not {color!r}")
    return appresources.read_bytes(f"icons/{name}.svg").replace(
        b"currentColor", color[:7].lower().encode("ascii"))


def file_name(name: str, color: str, data: bytes) -> str:
    """``<name>-<rrggbb>-<digest>.svg``: readable, and new whenever the content is."""
    return f"{name}-{color[1:7].lower()}-{hashlib.sha256(data).hexdigest()[:12]}.svg"


class ImageFolder:
    """The folder of themed stylesheet images, written on demand.

    Args:
        folder: where to write; made if missing. On an OSError (read-only home, full
            disk) a fresh temporary folder is used instead.
    """

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._written: dict[tuple[str, str], Path] = {}

    @property
    def folder(self) -> Path:
        """The folder in use (the temporary one after a failure)."""
        return self._folder

    def path(self, name: str, color: str) -> Path:
        """The file of icon ``name`` painted ``color``, written if it is not there yet.

        Raises:
            FileNotFoundError: there is no such icon.
            ValueError: ``color`` is not opaque.
        """
        key = (name, color.lower())
        found = self._written.get(key)
        if found is not None and found.is_file():
            return found
        data = tinted_svg(name, color)
        try:
            target = self._write(file_name(name, color, data), data)
        except OSError as error:
            fallback = Path(tempfile.mkdtemp(prefix="gfdesk-qss-"))
            log.warning("stylesheet images: %s is not writable (%s); using %s",
                        self._folder, error, fallback)
            self._folder = fallback
            self._written.clear()
            target = self._write(file_name(name, color, data), data)
        self._written[key] = target
        return target

    def url(self, name: str, color: str) -> str:
        """``url("...")`` of ``path(name, color)`` for the stylesheet.

        Quoted, because an unquoted QSS url stops at a space ("Program Files"); forward
        slashes on every system (Qt reads ``C:/...``).
        """
        text = self.path(name, color).resolve().as_posix()
        return 'url("{}")'.format(text.replace("\\", "\\\\").replace('"', '\\"'))

    def prune(self, keep: Iterable[Path]) -> int:
        """Remove the images in the folder that are not in ``keep``; returns how many.

        Only files named like ours go: the folder may be a shared cache by mistake.
        """
        wanted = {p.resolve() for p in keep}
        removed = 0
        try:
            entries = list(self._folder.iterdir())
        except OSError:
            return 0
        for entry in entries:
            if FILE_NAME.fullmatch(entry.name) and entry.resolve() not in wanted:
                try:
                    entry.unlink()
                except OSError:
                    continue
                removed += 1
        self._written = {k: v for k, v in self._written.items() if v.resolve() in wanted}
        return removed

    def _write(self, name: str, data: bytes) -> Path:
        self._folder.mkdir(parents=True, exist_ok=True)
        target = self._folder / name
        if target.is_file() and target.read_bytes() == data:
            return target
        # Another gfdesk (another profile) may write the same file at the same moment:
        # write aside and rename, so neither ever reads half a file.
        fd, temporary = tempfile.mkstemp(dir=self._folder, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return target
