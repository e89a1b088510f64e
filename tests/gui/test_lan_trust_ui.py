"""The LAN trust UI (issue 13): the fingerprint dialog the app shows before it pins a
hub's certificate (and the warning when it changed), and the hubs found on the network
listed in the settings dialog, one double click from a filled-in profile form."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gfdesk.core.hubdiscovery import DiscoveredHub
from gfdesk.core.tlspin import Assessment, ServerCertificate, Trust
from gfdesk.hub.context import HubConfig
from gfdesk.hub.discovery import Announcement, announce
from gfdesk.hub.runner import RunningHub, start_hub
from gfdesk.hub.tls import load_or_create
from gfdesk.ui.certificatedialog import CertificateDialog, ask_to_trust, grouped
from gfdesk.ui.hubfinder import HubFinderView
from tests.gui.finders import child
from tests.gui.test_settingsdialog import _config, _dialog

# The offscreen platform says so whenever a dialog is shown.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

SEEN = ServerCertificate.from_der("192.168.1.20:54321", b"seen certificate")
PINNED = ServerCertificate.from_der("192.168.1.20:54321", b"pinned certificate")


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    """The app's window stands behind the dialog (closing the dialog must not be
    closing the last window, which ends the loop)."""
    shown = QWidget()
    qtbot.addWidget(shown)
    shown.show()
    return shown


async def _asked(assessment: Assessment, window: QWidget
                 ) -> tuple[asyncio.Future[bool], CertificateDialog]:
    """Ask, and the dialog shown (ask_to_trust opens it before its first await)."""
    answer = asyncio.ensure_future(ask_to_trust(assessment, window))
    await asyncio.sleep(0)  # one step of the task: up to its wait for the answer
    [dialog] = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, CertificateDialog) and w.isVisible()]
    return answer, dialog


async def _answer(assessment: Assessment, button: str, window: QWidget) -> bool:
    answer, dialog = await _asked(assessment, window)
    shown = child(dialog, QLabel, "certificateFingerprint")
    assert shown.text() == grouped(SEEN.fingerprint)
    assert shown.textFormat() is Qt.TextFormat.PlainText
    QTest.mouseClick(child(dialog, QPushButton, button), Qt.MouseButton.LeftButton)
    return await answer


async def test_a_new_hub_is_trusted_only_when_the_player_says_so(window: QWidget) -> None:
    new = Assessment(Trust.NEW, SEEN)
    assert await _answer(new, "trustCertificateButton", window) is True
    assert await _answer(new, "refuseCertificateButton", window) is False


async def test_a_changed_certificate_warns_and_shows_both(window: QWidget) -> None:
    answer, dialog = await _asked(Assessment(Trust.CHANGED, SEEN, PINNED), window)
    intro = child(dialog, QLabel, "certificateIntro").text()
    assert "pretending to be the hub" in intro and grouped(PINNED.fingerprint) in intro
    # The safe answer is the default: Enter refuses.
    assert child(dialog, QPushButton, "refuseCertificateButton").isDefault()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert await answer is False


@pytest.fixture
async def announced_hub(tmp_path: Path) -> AsyncIterator[tuple[RunningHub, Announcement]]:
    config = HubConfig(data_dir=tmp_path / "hub")
    hub = await start_hub(config, tls=load_or_create(config.data_dir, "127.0.0.1"))
    announcement = await announce(hub.url, hub.anon_key, hub.fingerprint,
                                  interfaces=["127.0.0.1"])
    try:
        yield hub, announcement
    finally:
        await announcement.aclose()
        await hub.stop()


async def test_hubs_on_the_network_are_listed_and_chosen(
        qtbot: QtBot, announced_hub: tuple[RunningHub, Announcement]) -> None:
    hub, _ = announced_hub
    finder = HubFinderView(interfaces=["127.0.0.1"])
    qtbot.addWidget(finder)
    changed = asyncio.Event()
    finder.hubs_changed.connect(changed.set)
    finder.show()
    async with asyncio.timeout(10):
        await changed.wait()
    [found] = finder.hubs()
    assert (found.url, found.anon_key, found.fingerprint) == (
        hub.url, hub.anon_key, hub.fingerprint)
    listing = child(finder, QListWidget, "hubList")
    assert hub.url in listing.item(0).text()
    chosen: list[DiscoveredHub] = []
    finder.hub_chosen.connect(chosen.append)
    listing.itemActivated.emit(listing.item(0))
    assert chosen == [found]
    await finder.aclose()


def test_a_chosen_hub_fills_the_profile_form(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, _config(tmp_path), None)
    hub = DiscoveredHub("gfdesk hub on gamer-pc", "https://192.168.1.20:54321", "eyJkey", "AB")
    child(dialog, HubFinderView, "hubFinder").hub_chosen.emit(hub)
    assert child(dialog, QLineEdit, "profileName").text() == "gamer-pc"
    assert child(dialog, QLineEdit, "profileUrl").text() == hub.url
    assert child(dialog, QLineEdit, "profileKey").text() == hub.anon_key
