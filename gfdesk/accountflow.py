"""The account's life in the window: sign-in, the per-account features, sign-out.

Part of the composition root (only ``gfdesk.app`` builds it). It owns the
``BackendService`` of the run and, while someone is signed in, the features built on
it (friends, notifications, chat), whose views it installs in the main window.

Order: ``start`` connects and signs in (demo credentials, or silently from the
keyring); without an account it opens the sign-in dialog. Each sign-in builds the
features and starts them; sign-out and ``aclose`` close them first, then the account's
services. Features are imported when first built: none of their code runs before the
window is on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, SignalInstance

from gfdesk import bridge
from gfdesk.log import app as log

if TYPE_CHECKING:
    from pathlib import Path

    from gfdesk.calls.feature import CallsFeature
    from gfdesk.chat.feature import ChatFeature
    from gfdesk.core.backend import BackendService
    from gfdesk.core.session import Account, Credentials, SessionStatus
    from gfdesk.feature import Feature, FeatureScope
    from gfdesk.targets import Target
    from gfdesk.ui.mainwindow import MainWindow
    from gfdesk.ui.signin import SignInDialog, SignInRequest
    from gfdesk.ui.tray import TrayIcon
    from gfdesk.ui.usermessages import MessageBridge



class AccountFlow(QObject):
    """Signs in and out and keeps the window's features in step with the account.

    Args:
        backend: the run's backend (not started yet).
        window: the main window the feature views go into.
        messages: where user-facing errors go.
        tray: the tray icon (unread badge, toasts), if any.
        can_sign_in: whether the user may sign in with a dialog (not for the demo,
            whose account is fixed).
        config_file: the settings file each call reads its devices and ICE servers from.
    """

    def __init__(self, backend: BackendService, window: MainWindow, messages: MessageBridge,
                 tray: TrayIcon | None, *, can_sign_in: bool,
                 config_file: Path | None = None) -> None:
        super().__init__(window)
        self._backend = backend
        self._window = window
        self._messages = messages
        self._tray = tray
        self._can_sign_in = can_sign_in
        self._config_file = config_file
        self._calls: CallsFeature | None = None
        if tray is not None:
            # Connected once: they reach whichever account's calls are open now.
            tray.call_accept_requested.connect(
                lambda: self._calls.accept() if self._calls is not None else None)
            tray.call_decline_requested.connect(
                lambda: self._calls.decline() if self._calls is not None else None)
        self._dialog: SignInDialog | None = None
        self._features: list[Feature] = []

    @property
    def features(self) -> tuple[Feature, ...]:
        """The signed-in account's features, in the order they were built."""
        return tuple(self._features)

    @property
    def account(self) -> Account | None:
        return self._backend.account

    async def start(self, credentials: Credentials | None) -> None:
        account = await self._backend.start(credentials)
        if account is not None:
            await self._signed_in(account)
        elif self._can_sign_in:
            self.ask_sign_in()

    def on_session(self, status: SessionStatus) -> None:
        """Session changes from the backend: a stored sign-in that stopped working."""
        from gfdesk.core.session import SessionState

        if status.state is SessionState.SIGN_IN_REQUIRED and self._can_sign_in:
            self._window.set_account(None)
            self.ask_sign_in(status.message)

    def ask_sign_in(self, message: str = "") -> None:
        """Open the sign-in dialog (once; a second call brings it to the front)."""
        if self._dialog is not None:
            self._dialog.raise_()
            return
        from gfdesk.ui.signin import SignInDialog

        dialog = SignInDialog(self._window, message=message,
                              keyring_available=self._backend.can_remember)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(
            lambda request: bridge.spawn(self._submit(dialog, request), name="signin:submit",
                                         owner=dialog, group="submit"))
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self._dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog: SignInDialog) -> None:
        if self._dialog is dialog:
            self._dialog = None

    async def _submit(self, dialog: SignInDialog, request: SignInRequest) -> None:
        from gfdesk.core.session import error_text
        from gfdesk.ui.signin import SignInMode

        try:
            if request.mode is SignInMode.SIGN_UP:
                account = await self._backend.sign_up(
                    request.credentials, remember=request.remember,
                    display_name=request.display_name)
                if account is None:
                    dialog.show_error("Check your email to confirm the account, then sign in.")
                    return
            else:
                account = await self._backend.sign_in(request.credentials,
                                                      remember=request.remember)
        except Exception as exc:  # AuthApiError and network errors: shown, not raised
            dialog.show_error(error_text(exc))  # also ends the busy state
            return
        dialog.accept()
        # The dialog is gone now and its tasks with it: the features are built by a
        # task of this object's own.
        bridge.spawn(self._signed_in(account), name="account:signed-in", owner=self)

    async def sign_out(self) -> None:
        await self._close_features()
        await self._backend.sign_out()
        self._window.set_account(None)
        if self._tray is not None:
            self._tray.set_unread(0)
        if self._can_sign_in:
            self.ask_sign_in()

    async def _signed_in(self, account: Account) -> None:
        self._window.set_account(account.display_name)
        await self._close_features()
        try:
            self._features = self._build_features(account)
        except Exception:
            log.exception("could not build the features")
            self._messages.error("gfdesk could not open your friends and chats; see the log.")
            return
        for feature in list(self._features):
            try:
                await feature.start()
            except Exception as exc:
                log.exception("feature %s failed to start", type(feature).__name__)
                self._messages.error(f"{type(feature).__name__} could not start: {exc}")

    def _build_features(self, account: Account) -> list[Feature]:
        """Friends (with the notification inbox beside them) and chat, connected by
        the signals each publishes; the window lays their views out."""
        from gfdesk.chat.feature import ChatFeature
        from gfdesk.feature import FeatureScope
        from gfdesk.friends.feature import FriendsFeature
        from gfdesk.notifications.feature import NotificationsFeature
        from gfdesk.ui.sections import Section

        backend, window, tray = self._backend, self._window, self._tray
        if backend.connection is None or backend.outbox is None:
            raise RuntimeError("signed in without a connection or an outbox")
        scope = FeatureScope(backend.connection, backend.client, backend.outbox, account)
        friends = FriendsFeature(scope, parent=window)
        notifications = NotificationsFeature(
            scope, parent=window, toast=tray.notify if tray is not None else None)
        chat = ChatFeature(scope, parent=window)

        window.set_section_view(Section.FRIENDS, friends.view, notifications.view)
        window.set_section_view(Section.CONVERSATIONS, chat.view)

        friends.silenced_changed.connect(notifications.set_silenced)
        notifications.set_silenced(friends.silenced)
        friends.online_friends_changed.connect(chat.set_online_users)
        friends.message_requested.connect(chat.open_direct)
        notifications.unread_changed.connect(
            lambda count: window.set_badge(Section.FRIENDS, count))
        chat.unread_changed.connect(lambda count: window.set_badge(Section.CONVERSATIONS, count))
        if tray is not None:
            notifications.unread_changed.connect(tray.set_unread)
            tray.set_status_menu(friends.status_menu())
        notifications.notification_activated.connect(
            lambda target: self._open(chat, target))
        chat.conversation_opened.connect(
            lambda _id: window.show_section(Section.CONVERSATIONS))
        calls = self._build_calls(scope, friends.call_requested, chat.call_requested)
        return [friends, notifications, chat, calls]

    def _build_calls(self, scope: FeatureScope, *call_requests: SignalInstance
                     ) -> CallsFeature:
        """Calls: started from a friend's row or a direct chat, rung in their own window
        and in the tray, whatever section is shown."""
        from gfdesk.calls.feature import CallsFeature

        calls = CallsFeature(scope, parent=self._window, config_file=self._config_file)
        for request in call_requests:
            request.connect(calls.place_call)
        calls.notice.connect(self._messages.warning)
        tray = self._tray
        if tray is not None:
            calls.incoming_changed.connect(
                lambda ring: tray.show_incoming_call(ring.caller, ring.video) if ring
                else tray.clear_incoming_call())
        self._calls = calls
        return calls

    def _open(self, chat: ChatFeature, target: Target) -> None:
        """Show what a clicked notification is about."""
        from gfdesk.targets import TargetKind
        from gfdesk.ui.sections import Section

        match target.kind:
            case TargetKind.CONVERSATION:
                chat.open_conversation(target.id)
                self._window.show_section(Section.CONVERSATIONS)
            case TargetKind.TOURNAMENT:
                self._window.show_section(Section.TOURNAMENTS)

    async def _close_features(self) -> None:
        if self._tray is not None:
            self._tray.set_status_menu(None)
            self._tray.clear_incoming_call()
        self._calls = None
        features, self._features = self._features, []
        for feature in reversed(features):
            try:
                await feature.aclose()
            except Exception:
                log.exception("feature %s failed to close", type(feature).__name__)

    async def aclose(self) -> None:
        """Close the features, then the backend (channels, socket, client)."""
        if self._dialog is not None:
            self._dialog.reject()
        await self._close_features()
        await self._backend.aclose()

