"""The status picker: the plain statuses, invisible, a searchable game list with the
recent games first, a game typed in; the tray's short menu; and the choice kept in
the status store across restarts (automatic away never is)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gfdesk import bridge
from gfdesk.friends.games import CATALOGUE
from gfdesk.friends.statusmodel import StatusModel
from gfdesk.friends.statuspicker import StatusPicker, status_menu
from gfdesk.friends.statusstore import SavedStatus, StatusStore
from gfdesk.userstatus import Status


async def _saved(status: StatusModel) -> None:
    await asyncio.gather(*(t for t in bridge.live_tasks() if t.get_name() == "status:save"),
                         return_exceptions=True)


async def test_the_picker_sets_each_status_and_lists_recent_games_first(
        qapp: QApplication, qtbot: QtBot, tmp_path: Path) -> None:
    store = StatusStore(tmp_path, "me")
    status = StatusModel(store=store)
    status.restore(SavedStatus(recent_games=("Hollow Crown", "Valorant")))
    picker = StatusPicker(status)
    qtbot.addWidget(picker)
    assert picker.game_names()[:2] == ["Hollow Crown", "Valorant"]
    assert set(picker.game_names()) >= set(CATALOGUE)
    assert picker.choices[Status.ONLINE].isChecked()

    QTest.mouseClick(picker.choices[Status.INVISIBLE], Qt.MouseButton.LeftButton)
    assert status.status is Status.INVISIBLE and picker.choices[Status.INVISIBLE].isChecked()
    assert not picker.choices[Status.ONLINE].isChecked()

    QTest.keyClicks(picker.search, "lo")
    names = picker.game_names()
    # Recent ones first (in their order), then the catalogue's matches.
    assert names[:2] == ["Hollow Crown", "Valorant"]
    assert all("lo" in n.casefold() for n in names)
    picker.search.clear()
    QTest.keyClicks(picker.search, "Space Goose Party")
    assert picker.game_names()[-1] == "Space Goose Party"
    QTest.keyClick(picker.search, Qt.Key.Key_Return)  # only match: the typed game
    assert (status.status, status.game) == (Status.IN_GAME, "Space Goose Party")
    assert status.recent_games[:3] == ("Space Goose Party", "Hollow Crown", "Valorant")
    await _saved(status)

    # The next start comes back in that game, with the same recent games.
    again = StatusModel(store=StatusStore(tmp_path, "me"))
    await again.load_saved()
    assert (again.status, again.game) == (Status.IN_GAME, "Space Goose Party")
    assert again.recent_games[0] == "Space Goose Party"


async def test_automatic_away_is_shown_but_never_kept(
        qapp: QApplication, tmp_path: Path) -> None:
    now = [0.0]
    status = StatusModel(store=StatusStore(tmp_path, "me"), monotonic=lambda: now[0],
                         idle_away_s=60)
    status.set_status(Status.BUSY)
    status.set_status(Status.ONLINE)
    await _saved(status)
    now[0] = 61
    status.check_idle()
    assert status.status is Status.AWAY
    await _saved(status)
    again = StatusModel(store=StatusStore(tmp_path, "me"))
    await again.load_saved()
    assert again.status is Status.ONLINE


def test_the_tray_menu_offers_recent_games_and_the_picker(qapp: QApplication) -> None:
    status = StatusModel()
    status.restore(SavedStatus(Status.IN_GAME, "Valorant", ("Valorant", "Apex Legends")))
    picked: list[int] = []
    menu = status_menu(status, choose_game=lambda: picked.append(1))
    menu.aboutToShow.emit()
    labels = [a.text() for a in menu.actions() if a.text()]
    assert labels == ["Online", "Away", "Do not disturb", "Invisible", "Playing Valorant",
                      "Playing Apex Legends", "Choose a game…"]
    game = next(a for a in menu.actions() if a.text() == "Playing Apex Legends")
    game.trigger()
    assert status.game == "Apex Legends"
    next(a for a in menu.actions() if a.text() == "Choose a game…").trigger()
    assert picked == [1]
    menu.deleteLater()


def test_a_damaged_status_file_starts_online(tmp_path: Path) -> None:
    store = StatusStore(tmp_path, "me")
    assert store.path is not None
    store.path.write_text("{not json", encoding="utf-8")
    assert store._load() == SavedStatus()
    store.path.write_text('{"status": "in_game", "game": "", "recent_games": [1, "X"]}',
                          encoding="utf-8")
    assert store._load() == SavedStatus(Status.ONLINE, None, ("X",))
