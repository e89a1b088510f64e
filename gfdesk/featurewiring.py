"""Building one account's features and connecting them: the account flow's other half.

Part of the composition root (``accountflow`` uses it). ``wire_features`` builds
friends (with the notification inbox beside them), tournaments, chat and calls from one
``FeatureScope``,
installs their views in the window and connects what each publishes to what the others
and the shell need; ``Wiring`` keeps them, opens what a notification is about, and
``aclose`` takes everything down again, the objects included: after sign-out nothing of
the account is left on screen or in memory.

The connections, in one place:
    friends.friend_statuses_changed -> chat.set_statuses (one source of a friend's status)
    friends.friends_changed         -> chat.set_friends (who a group can be made with)
    friends.message_requested       -> chat.open_direct
    friends.silenced_changed        -> notifications.set_silenced
    friends.status_changed          -> the profile card
    chat.conversation_read          -> notifications.conversation_read
    chat / notifications unread     -> sidebar badges, tray total (messages + notifications)
    notifications.notification_activated -> ``Wiring.open`` (conversation, requests,
                                            tournament)
    tournaments.tournament_opened   -> the Tournaments section
    friends / chat call_requested   -> calls.place_call (a friend's row, a direct chat)
    calls.incoming_changed          -> the tray's ringing entry; its accept/decline ->
                                       calls.accept / calls.decline
    calls.notice                    -> the window's message banner
    (desktop.shell, on features_changed) notifications.toasted -> the notification sound;
    streamer mode -> ``set_streamer_mode``; the idle delay -> ``set_idle_away_minutes``
    chat, friends, tournaments      -> the quick switcher's sources (Ctrl+K)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from gfdesk.log import app as log

if TYPE_CHECKING:
    from PySide6.QtCore import QMetaObject
    from PySide6.QtWidgets import QMenu

    from gfdesk.calls.feature import CallsFeature, IncomingCall
    from gfdesk.chat.feature import ChatFeature
    from gfdesk.feature import Feature, FeatureScope
    from gfdesk.friends.feature import FriendsFeature
    from gfdesk.notifications.feature import NotificationsFeature
    from gfdesk.targets import Target
    from gfdesk.tournament.feature import TournamentFeature
    from gfdesk.ui.mainwindow import MainWindow
    from gfdesk.ui.tray import TrayIcon
    from gfdesk.userstatus import Status


class Wiring:
    """One account's features, connected and laid out.

    Args:
        friends, notifications, tournaments, chat, calls: the features.
        window: the main window they are in.
        tray: the tray icon (None: none).
    """

    def __init__(self, friends: FriendsFeature, notifications: NotificationsFeature,
                 tournaments: TournamentFeature, chat: ChatFeature, calls: CallsFeature,
                 window: MainWindow, tray: TrayIcon | None,
                 warn: Callable[[str], object] | None = None) -> None:
        self.friends = friends
        self.notifications = notifications
        self.tournaments = tournaments
        self.chat = chat
        self.calls = calls
        self._warn = warn
        self._tray_calls: list[QMetaObject.Connection] = []
        self._window = window
        self._tray = tray
        self._tray_menu: QMenu | None = None
        self._unread = {"notifications": 0, "chat": 0}

    @property
    def features(self) -> list[Feature]:
        """In the order they start (and close in reverse)."""
        return [self.friends, self.notifications, self.tournaments, self.chat, self.calls]

    def open(self, target: Target) -> None:
        """Show what a clicked notification or a ``gfdesk://`` link is about."""
        from gfdesk.targets import TargetKind
        from gfdesk.ui.sections import Section

        match target.kind:
            case TargetKind.CONVERSATION:
                self.chat.open_conversation(target.id)
                self._window.show_section(Section.CONVERSATIONS)
            case TargetKind.FRIEND_REQUEST:
                self.friends.show_requests()
                self._window.show_section(Section.FRIENDS)
            case TargetKind.TOURNAMENT:
                self.tournaments.open_tournament(target.id)
                self._window.show_section(Section.TOURNAMENTS)
            case TargetKind.CALL:
                self.calls.show_call(target.id)

    def set_streamer_mode(self, on: bool) -> None:
        """Streamer mode: no notification bodies (toasts, list) or message previews."""
        self.notifications.set_streamer_mode(on)
        self.chat.set_streamer_mode(on)

    def set_idle_away_minutes(self, minutes: int) -> None:
        """Auto-away after ``minutes`` without input (0: never)."""
        self.friends.status.set_idle_away_s(minutes * 60.0 if minutes > 0 else None)

    def _set_unread(self, part: str, count: int) -> None:
        self._unread[part] = count
        if self._tray is not None:
            self._tray.set_unread(sum(self._unread.values()))

    def _show_own_status(self, status: Status, game: str | None) -> None:
        from gfdesk.userstatus import status_text

        self._window.set_own_status(status_text(status, game), status.color)

    def connect(self) -> None:
        """Lay the views out and connect the features (see the module docstring)."""
        from gfdesk.ui.sections import Section

        friends, notifications, chat, window = (self.friends, self.notifications, self.chat,
                                                self._window)
        window.set_section_view(Section.FRIENDS, friends.view, notifications.view)
        window.set_section_view(Section.CONVERSATIONS, chat.view)
        window.set_section_view(Section.TOURNAMENTS, self.tournaments.view)
        friends.silenced_changed.connect(notifications.set_silenced)
        notifications.set_silenced(friends.silenced)
        friends.friend_statuses_changed.connect(chat.set_statuses)
        friends.friends_changed.connect(chat.set_friends)
        friends.message_requested.connect(chat.open_direct)
        friends.status_changed.connect(self._show_own_status)
        self._show_own_status(friends.status.status, friends.status.game)
        chat.conversation_read.connect(notifications.conversation_read)
        notifications.unread_changed.connect(
            lambda count: window.set_badge(Section.FRIENDS, count))
        chat.unread_changed.connect(lambda count: window.set_badge(Section.CONVERSATIONS, count))
        notifications.unread_changed.connect(lambda n: self._set_unread("notifications", n))
        chat.unread_changed.connect(lambda n: self._set_unread("chat", n))
        notifications.notification_activated.connect(self.open)
        chat.conversation_opened.connect(
            lambda _id: window.show_section(Section.CONVERSATIONS))
        self.tournaments.tournament_opened.connect(
            lambda _id: window.show_section(Section.TOURNAMENTS))
        for requested in (friends.call_requested, chat.call_requested):
            requested.connect(self.calls.place_call)
        if self._warn is not None:
            self.calls.notice.connect(self._warn)
        if self._tray is not None:
            tray = self._tray
            self.calls.incoming_changed.connect(self._show_ringing)
            # The tray outlives the account: these go with it at aclose.
            self._tray_calls = [tray.call_accept_requested.connect(self.calls.accept),
                                tray.call_decline_requested.connect(self.calls.decline)]
        window.set_switcher_sources([chat, friends, self.tournaments])
        picker = friends.status_picker(window)
        window.set_status_picker(picker.popup_at)
        if self._tray is not None:
            self._tray_menu = friends.status_menu()
            self._tray.set_status_menu(self._tray_menu)

    def _show_ringing(self, ringing: IncomingCall | None) -> None:
        if self._tray is None:
            return
        if ringing is None:
            self._tray.clear_incoming_call()
        else:
            self._tray.show_incoming_call(ringing.caller, ringing.video)

    async def start(self) -> list[str]:
        """Start each feature; returns what failed (the rest keeps working)."""
        failed = []
        for feature in self.features:
            try:
                await feature.start()
            except Exception as exc:
                log.exception("feature %s failed to start", type(feature).__name__)
                failed.append(f"{type(feature).__name__} could not start: {exc}")
        return failed

    async def aclose(self) -> None:
        """Close the features and delete them with their views and menus."""
        if self._tray is not None:
            self._tray.set_status_menu(None)
            self._tray.set_unread(0)
            self._tray.clear_incoming_call()
            from PySide6.QtCore import QObject

            for connection in self._tray_calls:
                QObject.disconnect(connection)
            self._tray_calls = []
        menu, self._tray_menu = self._tray_menu, None
        if menu is not None:
            menu.deleteLater()
        self._window.set_status_picker(None)
        self._window.set_switcher_sources(())
        for feature in reversed(self.features):
            try:
                await feature.aclose()
            except Exception:
                log.exception("feature %s failed to close", type(feature).__name__)
        self._window.clear_section_views()
        for feature in self.features:
            feature.deleteLater()  # type: ignore[attr-defined]


def wire_features(scope: FeatureScope, window: MainWindow, tray: TrayIcon | None, *,
                  config_file: Path | None = None, signalling_url: str | None = None,
                  warn: Callable[[str], object] | None = None) -> Wiring:
    """Build the account's features from ``scope`` into ``window``, connected.

    Args:
        config_file: the settings file each call reads its devices and ICE servers from.
        signalling_url: the Socket.IO server for call messages (None: Realtime).
        warn: shows a problem to the user (a call that could not start).
    """
    from gfdesk.calls.feature import CallsFeature
    from gfdesk.chat.feature import ChatFeature
    from gfdesk.friends.feature import FriendsFeature
    from gfdesk.notifications.feature import NotificationsFeature
    from gfdesk.tournament.feature import TournamentFeature

    friends = FriendsFeature(scope, parent=window)
    notifications = NotificationsFeature(
        scope, parent=window, toast=tray.notify if tray is not None else None)
    tournaments = TournamentFeature(scope, parent=window)
    chat = ChatFeature(scope, parent=window)
    calls = CallsFeature(scope, parent=window, config_file=config_file,
                         signalling_url=signalling_url)
    wiring = Wiring(friends, notifications, tournaments, chat, calls, window, tray, warn)
    wiring.connect()
    return wiring
