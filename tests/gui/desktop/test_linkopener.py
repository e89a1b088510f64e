"""The link opener: refused links are said, good ones wait for an account's features
(bounded) and open through them; macOS's open-URL event reaches it too."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from gfdesk.desktop.linkopener import MAX_PENDING, LinkOpener
from gfdesk.targets import Target, TargetKind
from tests.helpers.logfail import ExpectedLogs

ID = "0b6f4f0e-5a43-4c1a-9a55-2f1e6f7f3a10"


class Opened:
    def __init__(self) -> None:
        self.targets: list[Target] = []

    def open(self, target: Target) -> None:
        self.targets.append(target)


def test_links_wait_for_the_features_then_open(qapp: QApplication,
                                                expected_logs: ExpectedLogs) -> None:
    expected_logs.allow("gfdesk.app", "refused the link")
    said: list[str] = []
    opener = LinkOpener(said.append)
    opener.open_links([f"gfdesk://call/{ID}", "gfdesk://call/nope"])
    assert opener.pending == (Target(TargetKind.CALL, ID),)
    assert len(said) == 1 and "not a UUID" in said[0]
    wiring = Opened()
    opener.set_wiring(wiring)  # type: ignore[arg-type]
    assert wiring.targets == [Target(TargetKind.CALL, ID)] and opener.pending == ()
    opener.open_links([f"gfdesk://tournament/{ID}"])
    assert wiring.targets[-1] == Target(TargetKind.TOURNAMENT, ID)


def test_the_waiting_links_are_bounded(qapp: QApplication) -> None:
    opener = LinkOpener(lambda _t: None)
    opener.open_links([f"gfdesk://conversation/{ID}"] * (MAX_PENDING + 5))
    assert len(opener.pending) == MAX_PENDING


def test_the_open_url_event_of_macos_opens_the_link(qapp: QApplication) -> None:
    opener = LinkOpener(lambda _t: None)
    opener.watch(qapp)
    QCoreApplication.sendEvent(qapp, QFileOpenEvent(QUrl(f"gfdesk://conversation/{ID}")))
    assert opener.pending == (Target(TargetKind.CONVERSATION, ID),)
    qapp.removeEventFilter(opener)
