"""The quick switcher (Ctrl+K): it lists what the features publish, filters by plain
substring, arrows and Enter open the chosen entry through the feature that listed it,
Esc closes; the section shortcuts Ctrl+1..3 switch sections."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from gfdesk.feature import Switchable, SwitcherEntry, SwitcherKind
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.sections import Section
from gfdesk.ui.switcher import QuickSwitcher
from gfdesk.ui.switchmatch import MAX_RESULTS
from gfdesk.ui.usermessages import MessageBridge

# The offscreen platform says these for every top-level window and popup it shows.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support grabbing the keyboard",
                                       "does not support raise")


class Source:
    """A feature's side of the protocol: a fixed list, and what was opened."""

    def __init__(self, entries: Sequence[SwitcherEntry]) -> None:
        self.entries = list(entries)
        self.opened: list[SwitcherEntry] = []

    def switcher_entries(self) -> Sequence[SwitcherEntry]:
        return self.entries

    def open_switcher_entry(self, entry: SwitcherEntry) -> None:
        self.opened.append(entry)


FRIENDS = Source([SwitcherEntry(SwitcherKind.FRIEND, "u1", "NovaStrike", "Playing Valorant"),
                  SwitcherEntry(SwitcherKind.FRIEND, "u2", "pixelwitch", "Online")])
CHATS = Source([SwitcherEntry(SwitcherKind.CONVERSATION, "c1", "Squad night", "Group"),
                SwitcherEntry(SwitcherKind.CONVERSATION, "c2", "NovaStrike")])
CUPS = Source([SwitcherEntry(SwitcherKind.TOURNAMENT, "t1", "Friday Night Cup", "Live")])


@pytest.fixture
def window(ui_app: QApplication, qtbot: QtBot) -> MainWindow:
    for source in (FRIENDS, CHATS, CUPS):
        source.opened.clear()
    win = MainWindow(MessageBridge())
    qtbot.addWidget(win)
    page = QWidget()
    page.field = QLineEdit(page)  # type: ignore[attr-defined]
    page.field.setAccessibleName("A field")  # type: ignore[attr-defined]
    QVBoxLayout(page).addWidget(page.field)  # type: ignore[attr-defined]
    win.set_section_view(Section.FRIENDS, page)
    win.set_switcher_sources([CHATS, FRIENDS, CUPS])
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


def _open(window: MainWindow, qtbot: QtBot) -> QuickSwitcher:
    field = window.section_widget(Section.FRIENDS).findChild(QLineEdit)
    assert field is not None
    field.setFocus()
    field.setText("keep me")
    field.setCursorPosition(0)
    QTest.keyClick(field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    switcher = window.quick_switcher()
    assert switcher is not None and switcher.isVisible()
    # Ctrl+K went to the window, not to the field ("delete to the end of the line").
    assert field.text() == "keep me"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is switcher.search, timeout=2000)
    return switcher


def test_sources_follow_the_protocol() -> None:
    assert all(isinstance(s, Switchable) for s in (FRIENDS, CHATS, CUPS))


def test_ctrl_k_opens_the_switcher_with_every_entry_in_source_order(
        window: MainWindow, qtbot: QtBot) -> None:
    switcher = _open(window, qtbot)
    assert [e.id for e in switcher.entries()] == ["c1", "c2", "u1", "u2", "t1"]
    assert switcher.current_entry() == CHATS.entries[0]


def test_typing_filters_by_substring_best_first_and_enter_opens(
        window: MainWindow, qtbot: QtBot) -> None:
    switcher = _open(window, qtbot)
    QTest.keyClicks(switcher.search, "nova")
    # Both NovaStrikes (title starts with it), in source order.
    assert [e.id for e in switcher.entries()] == ["c2", "u1"]
    QTest.keyClick(switcher.search, Qt.Key.Key_Down)
    assert switcher.current_entry() == FRIENDS.entries[0]
    QTest.keyClick(switcher.search, Qt.Key.Key_Return)
    assert FRIENDS.opened == [FRIENDS.entries[0]] and CHATS.opened == []
    assert window.quick_switcher() is None
    # A friend's entry opens the direct conversation: the Conversations section.
    assert window.current_section() is Section.CONVERSATIONS


def test_a_tournament_opens_in_the_tournaments_section(window: MainWindow,
                                                       qtbot: QtBot) -> None:
    switcher = _open(window, qtbot)
    QTest.keyClicks(switcher.search, "cup")
    assert [e.id for e in switcher.entries()] == ["t1"]
    QTest.keyClick(switcher.search, Qt.Key.Key_Enter)
    assert CUPS.opened == [CUPS.entries[0]]
    assert window.current_section() is Section.TOURNAMENTS


def test_the_detail_line_is_searched_too_and_pattern_characters_are_plain_text(
        window: MainWindow, qtbot: QtBot) -> None:
    switcher = _open(window, qtbot)
    QTest.keyClicks(switcher.search, "valorant")
    assert [e.id for e in switcher.entries()] == ["u1"]
    switcher.search.setText(".*")
    assert switcher.entries() == []
    switcher.search.setText("[")
    assert switcher.entries() == []


def test_escape_closes_without_opening_anything(window: MainWindow, qtbot: QtBot) -> None:
    switcher = _open(window, qtbot)
    QTest.keyClick(switcher.search, Qt.Key.Key_Escape)
    assert not switcher.isVisible()
    qtbot.waitUntil(lambda: window.quick_switcher() is None, timeout=2000)
    assert FRIENDS.opened == CHATS.opened == CUPS.opened == []
    assert window.current_section() is Section.FRIENDS


def test_up_and_down_stop_at_the_ends(window: MainWindow, qtbot: QtBot) -> None:
    switcher = _open(window, qtbot)
    QTest.keyClick(switcher.search, Qt.Key.Key_Up)
    assert switcher.current_entry() == CHATS.entries[0]
    for _ in range(10):
        QTest.keyClick(switcher.search, Qt.Key.Key_Down)
    assert switcher.current_entry() == CUPS.entries[0]


def test_items_have_spoken_names(window: MainWindow, qtbot: QtBot) -> None:
    switcher = _open(window, qtbot)
    item = switcher.results.item(2)
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == "Friend: NovaStrike"
    assert item.data(Qt.ItemDataRole.AccessibleDescriptionRole) == "Playing Valorant"
    assert switcher.search.accessibleName() and switcher.results.accessibleName()


def test_the_list_is_bounded(ui_app: QApplication, qtbot: QtBot) -> None:
    many = Source([SwitcherEntry(SwitcherKind.FRIEND, str(n), f"player {n}")
                   for n in range(MAX_RESULTS * 4)])
    switcher = QuickSwitcher([many])
    qtbot.addWidget(switcher)
    assert len(switcher.entries()) == MAX_RESULTS
    switcher.search.setText("player 1")
    assert len(switcher.entries()) == MAX_RESULTS
    assert switcher.entries()[0].title == "player 1"


def test_signed_out_the_switcher_opens_empty_and_says_so(
        ui_app: QApplication, qtbot: QtBot) -> None:
    switcher = QuickSwitcher([])
    qtbot.addWidget(switcher)
    assert switcher.entries() == []
    QTest.keyClick(switcher.search, Qt.Key.Key_Return)  # nothing to open, nothing breaks


@pytest.mark.parametrize("section", list(Section))
def test_ctrl_number_shows_each_section(window: MainWindow, section: Section) -> None:
    other = Section.TOURNAMENTS if section is Section.FRIENDS else Section.FRIENDS
    window.show_section(other)
    QTest.keySequence(window, section.shortcut)
    assert window.current_section() is section
