"""The main window: sidebar on the left, the current section on the right, status below.

Each section is a page of a QStackedWidget. Until features install their views with
``set_section_view``, the page is an ``EmptyState`` that follows the connection
status; ``clear_section_views`` puts the empty states back (sign-out: nothing of the
account stays on screen). The window owns the layout: several views of one section sit
side by side in a splitter whose panes keep a readable minimum width. While nobody is
signed in, ``show_sign_in`` replaces sidebar and sections with the sign-in screen.
Messages from the ``MessageBridge`` appear in a banner above the pages.

Ctrl+1..3 show the sections; Ctrl+K opens the quick switcher over the window, listing
what the features given to ``set_switcher_sources`` publish (``gfdesk.feature.Switchable``).

Closing the window (Ctrl+Q) is the quit path: the composition root watches
``lastWindowClosed`` and shuts the services down in order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from gfdesk.core.status import ConnectionState, ConnectionStatus
from gfdesk.kit import icons
from gfdesk.kit.retranslate import Retranslating
from gfdesk.ui.banner import MessageArea
from gfdesk.ui.emptystate import EmptyAction, EmptyState, empty_content
from gfdesk.ui.sections import Section
from gfdesk.ui.sidebar import WIDTH as SIDEBAR_WIDTH
from gfdesk.ui.sidebar import Sidebar, section_title
from gfdesk.ui.statusbar import ConnectionIndicator
from gfdesk.ui.usermessages import MessageBridge

if TYPE_CHECKING:
    # Only for annotations: the store (and the Qt image classes it loads) is needed
    # once someone signs in, not to show the window.
    from gfdesk.feature import Switchable, SwitcherEntry
    from gfdesk.kit.avatarstore import AvatarStore
    from gfdesk.ui.switcher import QuickSwitcher

TITLE = "gfdesk"  # i18n: verbatim (the app's name)
DEFAULT_SIZE = QSize(1100, 720)
HEADER_ICON_SIZE = 22
HEADER_ICON_COLOR = "@icon_faint"
#: No pane of a section's splitter gets narrower than this (a list must stay readable).
PANE_MIN_WIDTH = 280
#: The width of a splitter's handle, in pixels.
SPLITTER_HANDLE = 4
#: The smallest window still holds the sidebar and two panes at their minimum: a
#: smaller one would squeeze them below it whatever the splitter says.
MINIMUM_SIZE = QSize(max(800, SIDEBAR_WIDTH + 2 * PANE_MIN_WIDTH + SPLITTER_HANDLE), 520)
QUICK_SWITCHER_SHORTCUT = "Ctrl+K"


def _key_sequences(standard: QKeySequence.StandardKey, explicit: str) -> list[QKeySequence]:
    """The platform's bindings for ``standard`` plus ``explicit``, without duplicates.

    A duplicate would make Qt report an ambiguous shortcut and trigger nothing.
    """
    unique: dict[str, QKeySequence] = {}
    for sequence in [*QKeySequence.keyBindings(standard), QKeySequence(explicit)]:
        if not sequence.isEmpty():
            unique.setdefault(sequence.toString(QKeySequence.SequenceFormat.PortableText),
                              sequence)
    return list(unique.values())


class MainWindow(Retranslating, QMainWindow):
    """The gfdesk window.

    Signals:
        settings_requested(): the user asked for Settings (Ctrl+,, the gear, or the
            "Open Settings" button of the no-backend state).
        section_changed(Section): another section is now shown.
    """

    settings_requested = Signal()
    section_changed = Signal(object)

    def __init__(self, messages: MessageBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(TITLE)
        self.resize(DEFAULT_SIZE)
        self.setMinimumSize(MINIMUM_SIZE)
        self.quitting = False
        """Set by ``quit``: the close that follows is the app's end, not into the tray."""

        self._sidebar = Sidebar(self)
        self._sidebar.section_selected.connect(self._on_sidebar_section_selected)
        self._sidebar.settings_clicked.connect(self.settings_requested)

        header = QWidget(self)
        header.setObjectName("sectionHeader")
        self._header_icon = icons.IconLabel(HEADER_ICON_SIZE, header)
        self._header_title = QLabel(header)
        self._header_title.setObjectName("sectionTitle")
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(20, 0, 20, 0)
        header_layout.setSpacing(10)
        header_layout.addWidget(self._header_icon)
        header_layout.addWidget(self._header_title, 1)

        self._messages = MessageArea(self)
        messages.message_shown.connect(self._messages.show_message)

        self._stack = QStackedWidget(self)
        self._stack.setObjectName("sectionStack")
        for _section in Section:
            # Each section's empty state is built when it is first shown or asked for
            # (``_page``): only the current one is seen before sign-in, which puts the
            # features' views in place of the rest (about 1.5 ms each before the window).
            self._stack.addWidget(_UnbuiltPage(self._stack))

        content = QWidget(self)
        content.setObjectName("content")
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(0)
        content_layout.addWidget(header)
        content_layout.addWidget(self._messages)
        content_layout.addWidget(self._stack, 1)

        root = QWidget(self)
        root.setObjectName("centralRoot")
        root_layout = QHBoxLayout(root)
        root_layout.setContentsMargins(0, 0, 0, 0)
        root_layout.setSpacing(0)
        root_layout.addWidget(self._sidebar)
        root_layout.addWidget(content, 1)
        # The app on one page, the sign-in screen (when nobody is signed in) on the other.
        self._screens = QStackedWidget(self)
        self._screens.setObjectName("screens")
        self._screens.addWidget(root)
        self._sign_in: QWidget | None = None
        self.setCentralWidget(self._screens)
        self._status = ConnectionStatus(ConnectionState.CONNECTING)
        self._open_status_picker: Callable[[QPoint], object] | None = None
        self._switcher_sources: tuple[Switchable, ...] = ()
        self._switcher: QuickSwitcher | None = None
        self._sidebar.footer.status_clicked.connect(self._on_footer_status_clicked)

        self._indicator = ConnectionIndicator(self)
        status_bar = QStatusBar(self)
        status_bar.setObjectName("statusBar")
        status_bar.setSizeGripEnabled(False)
        status_bar.addWidget(self._indicator, 1)
        self.setStatusBar(status_bar)

        self._add_actions()
        self._add_switcher_action()
        self._show_header(self._sidebar.current())
        self._stack.setCurrentWidget(self._page(self._sidebar.current()))
        self.set_connection_status(ConnectionStatus(ConnectionState.CONNECTING))

    # -- public API ---------------------------------------------------------------------

    def set_connection_status(self, status: ConnectionStatus) -> None:
        """Show ``status`` in the status bar, the account footer and the empty states."""
        self._status = status
        self._indicator.set_status(status)
        self._sidebar.footer.set_connection_state(status.state)
        self._refresh_empty_states()

    def set_account(self, display_name: str | None, avatar_url: str | None = None,
                    avatars: AvatarStore | None = None) -> None:
        """Show who is signed in (None: signed out) in the sidebar footer."""
        self._sidebar.footer.set_account(display_name, avatar_url, avatars)
        if display_name is None:
            self._open_status_picker = None

    def set_own_status(self, text: str, color: str) -> None:
        """The signed-in user's status on their profile card ("Playing Valorant")."""
        self._sidebar.footer.set_status(text, color)

    def set_status_picker(self, opener: Callable[[QPoint], object] | None) -> None:
        """What clicking the profile card opens (given where: the card's top left)."""
        self._open_status_picker = opener

    def _on_footer_status_clicked(self, where: QPoint) -> None:
        if self._open_status_picker is not None:
            self._open_status_picker(where)

    # -- the quick switcher -------------------------------------------------------------

    def set_switcher_sources(self, sources: Sequence[Switchable]) -> None:
        """The features whose entries the quick switcher lists (empty: signed out)."""
        self._switcher_sources = tuple(sources)

    def open_quick_switcher(self) -> QuickSwitcher:
        """Open the quick switcher (Ctrl+K) over the window; returns it."""
        from gfdesk.ui.switcher import QuickSwitcher

        old, self._switcher = self._switcher, None
        if old is not None:
            old.close()
            old.deleteLater()
        switcher = QuickSwitcher(self._switcher_sources, self)
        switcher.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        switcher.entry_chosen.connect(self._on_switcher_entry_chosen)
        switcher.destroyed.connect(lambda: self._forget_switcher(switcher))
        self._switcher = switcher
        switcher.popup_over(self)
        return switcher

    def quick_switcher(self) -> QuickSwitcher | None:
        """The quick switcher while it is open."""
        if self._switcher is not None and not self._switcher.isVisible():
            return None  # closed, its deletion pending
        return self._switcher

    def _forget_switcher(self, switcher: QuickSwitcher) -> None:
        if self._switcher is switcher:
            self._switcher = None

    def _on_switcher_entry_chosen(self, source: Switchable, entry: SwitcherEntry) -> None:
        from gfdesk.feature import SwitcherKind

        # A friend's entry opens the direct conversation with them.
        section = {SwitcherKind.FRIEND: Section.CONVERSATIONS,
                   SwitcherKind.CONVERSATION: Section.CONVERSATIONS,
                   SwitcherKind.TOURNAMENT: Section.TOURNAMENTS}[entry.kind]
        self.show_section(section)
        source.open_switcher_entry(entry)

    def account_footer(self) -> QWidget:
        """The profile card (avatar, name, status, settings)."""
        return self._sidebar.footer

    # -- signing in -----------------------------------------------------------------------

    def show_sign_in(self, screen: QWidget) -> None:
        """Show ``screen`` in place of the sidebar and sections (nobody signed in)."""
        if self._sign_in is not None and self._sign_in is not screen:
            self._screens.removeWidget(self._sign_in)
            self._sign_in.deleteLater()
        self._sign_in = screen
        if self._screens.indexOf(screen) < 0:
            self._screens.addWidget(screen)
        self._screens.setCurrentWidget(screen)

    def hide_sign_in(self) -> None:
        """Back to the app (someone signed in); the sign-in screen is deleted."""
        self._screens.setCurrentIndex(0)
        screen, self._sign_in = self._sign_in, None
        if screen is not None:
            self._screens.removeWidget(screen)
            screen.deleteLater()

    def sign_in_screen(self) -> QWidget | None:
        """The sign-in screen shown now (None: the app is shown)."""
        return self._sign_in if self._screens.currentWidget() is self._sign_in else None

    def set_badge(self, section: Section, count: int) -> None:
        """Show an unread ``count`` on ``section`` in the sidebar (0 clears it)."""
        self._sidebar.set_badge(section, count)

    def set_section_view(self, section: Section, *views: QWidget) -> None:
        """Install ``views`` as the page of ``section``, replacing what was there; two
        or more sit side by side in a splitter (the first one, the main view, widest)."""
        if not views:
            raise ValueError("a section needs at least one view")
        widget = views[0] if len(views) == 1 else self._side_by_side(section, views)
        index = self._index(section)
        old = self._stack.widget(index)
        assert old is not None, "every section has a page"
        if old is widget:
            return
        current = self._stack.currentIndex()
        self._stack.insertWidget(index, widget)
        self._stack.removeWidget(old)
        old.deleteLater()
        self._stack.setCurrentIndex(current)

    def clear_section_views(self) -> None:
        """Put every section's empty state back; the installed views are deleted."""
        for section in Section:
            if not isinstance(self._stack.widget(self._index(section)),
                              (EmptyState, _UnbuiltPage)):
                self.set_section_view(section, _UnbuiltPage(self._stack))
        self._stack.setCurrentWidget(self._page(self.current_section()))
        for section in Section:
            self._sidebar.set_badge(section, 0)

    def section_widget(self, section: Section) -> QWidget:
        """The page shown for ``section``: its view, or the empty state."""
        return self._page(section)

    def show_section(self, section: Section) -> None:
        """Switch to ``section`` (emits ``section_changed`` if it was not shown)."""
        self._sidebar.select(section)

    def current_section(self) -> Section:
        """The section shown."""
        return list(Section)[self._stack.currentIndex()]

    def quit(self) -> None:
        """Close the window for good (Ctrl+Q, the tray's Quit): unlike the close
        button, never only into the tray."""
        self.quitting = True
        self.close()

    def message_area(self) -> MessageArea:
        """The banner that shows ``MessageBridge`` messages."""
        return self._messages

    # -- internals ----------------------------------------------------------------------

    def _add_actions(self) -> None:
        # Actions live on the window (there is no menu bar) so shortcuts work anywhere in it.
        self._quit_action = quit_action = QAction(self)
        quit_action.setObjectName("quitAction")
        quit_action.setShortcuts(_key_sequences(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        quit_action.triggered.connect(self.quit)
        self._settings_action = settings_action = QAction(self)
        settings_action.setObjectName("settingsAction")
        settings_action.setShortcuts(
            _key_sequences(QKeySequence.StandardKey.Preferences, "Ctrl+,")
        )
        settings_action.triggered.connect(self.settings_requested)
        self.addAction(quit_action)
        self.addAction(settings_action)
        self._section_actions = {}
        for section in Section:
            action = QAction(self)
            self._section_actions[section] = action
            action.setObjectName(f"show{section.title}Action")
            action.setShortcut(QKeySequence(section.shortcut))
            action.triggered.connect(lambda _=False, s=section: self.show_section(s))
            self.addAction(action)
        self._retranslate()

    def _retranslate(self) -> None:
        # Everything this window words itself; its children follow the same event.
        self._quit_action.setText(self.tr("Quit"))
        self._settings_action.setText(self.tr("Settings"))
        for section, action in self._section_actions.items():
            action.setText(section_title(section))
        self._header_title.setText(section_title(self._sidebar.current()))
        self._refresh_empty_states()

    def _add_switcher_action(self) -> None:
        switcher_action = QAction(self.tr("Quick switcher"), self)
        switcher_action.setObjectName("quickSwitcherAction")
        switcher_action.setShortcut(QKeySequence(QUICK_SWITCHER_SHORTCUT))
        # Line edits know Ctrl+K as "delete to the end of the line" on Linux and macOS
        # but do not claim it as a shortcut override: the window's action wins there too
        # (tests/gui/a11y/test_switcher.py types it in a field).
        switcher_action.triggered.connect(self.open_quick_switcher)
        self.addAction(switcher_action)

    def _side_by_side(self, section: Section, views: tuple[QWidget, ...]) -> QSplitter:
        splitter = QSplitter(Qt.Orientation.Horizontal, self._stack)
        splitter.setObjectName(f"{section.name.lower()}Page")
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(SPLITTER_HANDLE)
        for view in views:
            # A view's own minimum counts too: an explicit minimum would override it.
            view.setMinimumWidth(max(view.minimumWidth(), view.minimumSizeHint().width(),
                                     PANE_MIN_WIDTH))
            splitter.addWidget(view)
        splitter.setSizes([1] * len(views))
        return splitter

    def _index(self, section: Section) -> int:
        return list(Section).index(section)

    def _page(self, section: Section) -> QWidget:
        """``section``'s page, its empty state built now if it was not yet."""
        index = self._index(section)
        page = self._stack.widget(index)
        assert page is not None, "every section has a page"
        if isinstance(page, _UnbuiltPage):
            empty = EmptyState(self._stack)
            empty.action_triggered.connect(self._on_empty_action_triggered)
            empty.set_content(empty_content(section, self._status))
            self.set_section_view(section, empty)
            return empty
        return page

    def _refresh_empty_states(self) -> None:
        for index, section in enumerate(Section):
            page = self._stack.widget(index)
            if isinstance(page, EmptyState):
                page.set_content(empty_content(section, self._status))

    def _show_header(self, section: Section) -> None:
        self._header_icon.set_icon(icons.icon(section.icon_name, HEADER_ICON_COLOR))
        self._header_title.setText(section_title(section))

    def _on_sidebar_section_selected(self, section: Section) -> None:
        index = self._index(section)
        if index == self._stack.currentIndex():
            return
        self._stack.setCurrentWidget(self._page(section))
        self._show_header(section)
        self.section_changed.emit(section)

    def _on_empty_action_triggered(self, action: EmptyAction) -> None:
        if action is EmptyAction.OPEN_SETTINGS:
            self.settings_requested.emit()


class _UnbuiltPage(QWidget):
    """Holds a section's place in the stack until its empty state is built."""
