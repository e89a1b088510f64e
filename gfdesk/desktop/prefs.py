"""The ``[desktop]`` settings while the app runs: one object every desktop part reads,
and that Settings changes (saved at once, applied live through ``changed``)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from gfdesk.config import ConfigError, DesktopSettings, read_desktop, save_desktop
from gfdesk.log import app as log


class DesktopPrefs(QObject):
    """The desktop settings of this run.

    Args:
        config_file: where they are kept (None: not kept, as in tests).

    Signals:
        changed(object): the new ``DesktopSettings``.
    """

    changed = Signal(object)

    def __init__(self, config_file: Path | None, parent: QObject | None = None,
                 settings: DesktopSettings | None = None) -> None:
        super().__init__(parent)
        self._file = config_file
        if settings is None:
            settings = read_desktop(config_file) if config_file is not None \
                else DesktopSettings()
        self._settings = settings

    @property
    def settings(self) -> DesktopSettings:
        return self._settings

    def update(self, **changes: Any) -> None:
        """Change some settings: saved, then announced (unchanged ones are not)."""
        new = dataclasses.replace(self._settings, **changes)
        if new == self._settings:
            return
        self._settings = new
        if self._file is not None:
            try:
                save_desktop(self._file, new)
            except (ConfigError, OSError) as exc:
                # Still applied for this run; the log says why it will not last.
                log.warning("desktop settings not saved: %s", exc)
        self.changed.emit(new)
