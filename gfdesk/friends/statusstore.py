"""The player's chosen status, kept across restarts: status, game and recent games. Qt-free.

One small JSON file per account (``<data dir>/status/<user id>.json``), read at
sign-in and written on every change, in a worker thread. A missing or damaged file is
the default (online, no game): a status is a preference, never worth a failed start.
"Away" is not kept when it came from idling, only when chosen.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from gfdesk.friends.games import RECENT_MAX, clean_game
from gfdesk.log import app as log
from gfdesk.userstatus import CHOOSABLE, Status

_SAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]")


@dataclass(frozen=True)
class SavedStatus:
    """What a player chose last."""

    status: Status = Status.ONLINE
    game: str | None = None
    recent_games: tuple[str, ...] = ()


def _parse(text: str) -> SavedStatus:
    data = json.loads(text)
    if not isinstance(data, dict):
        return SavedStatus()
    try:
        status = Status(data.get("status"))
    except ValueError:
        status = Status.ONLINE
    if status not in CHOOSABLE:
        status = Status.ONLINE
    game = data.get("game")
    game = clean_game(game) if isinstance(game, str) and game.strip() else None
    if status is not Status.IN_GAME:
        game = None
    elif game is None:
        status = Status.ONLINE
    recent = data.get("recent_games")
    games = tuple(clean_game(g) for g in recent if isinstance(g, str) and g.strip()) \
        if isinstance(recent, list) else ()
    return SavedStatus(status, game, games[:RECENT_MAX])


class StatusStore:
    """Reads and writes one account's ``SavedStatus``.

    Args:
        directory: the data dir's ``status`` folder (None: nothing is kept).
        user_id: whose status.
    """

    def __init__(self, directory: Path | None, user_id: str) -> None:
        self.path = (directory / f"{_SAFE_NAME.sub('_', user_id)}.json"
                     if directory is not None else None)

    async def load(self) -> SavedStatus:
        if self.path is None:
            return SavedStatus()
        return await asyncio.to_thread(self._load)

    def _load(self) -> SavedStatus:
        assert self.path is not None
        try:
            return _parse(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return SavedStatus()
        except (OSError, ValueError, TypeError) as exc:
            log.info("status: %s not read (%s); starting online", self.path, exc)
            return SavedStatus()

    async def save(self, saved: SavedStatus) -> None:
        if self.path is None:
            return
        await asyncio.to_thread(self._save, saved)

    def _save(self, saved: SavedStatus) -> None:
        assert self.path is not None
        text = json.dumps({"status": saved.status.value, "game": saved.game,
                           "recent_games": list(saved.recent_games)})
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError as exc:
            log.info("status: %s not written (%s)", self.path, exc)
