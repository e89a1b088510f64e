"""The account's life in the window: sign-in, the per-account features, sign-out.

Part of the composition root (only ``gfdesk.app`` builds it). It owns the
``BackendService`` of the run and, while someone is signed in, the account's pictures
(an ``AvatarStore`` over an ``AvatarFetcher`` with its disk cache), the user's own
profile and the features (built and connected by ``featurewiring``).

Order: ``start`` connects and signs in (demo credentials, or silently from the
keyring); without an account it shows the sign-in screen (with the profile switcher)
in place of the app. Each sign-in builds the features and starts them; sign-out and
``aclose`` close them first, then the account's services. After sign-out nothing of
the account is left: its views, features, pictures and profile are gone, the badges
and the tray count are zero, and the sign-in screen is shown. Features are imported
when first built: none of their code runs before the window is on screen.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from gfdesk import bridge
from gfdesk.log import app as log

if TYPE_CHECKING:
    from gfdesk.config import Profile
    from gfdesk.core.avatarfetch import AvatarFetcher
    from gfdesk.core.backend import BackendService
    from gfdesk.core.profile import OwnProfile
    from gfdesk.core.session import Account, Credentials, SessionStatus
    from gfdesk.feature import Feature
    from gfdesk.featurewiring import Wiring
    from gfdesk.kit.avatarstore import AvatarStore
    from gfdesk.ui.mainwindow import MainWindow
    from gfdesk.ui.signin import SignInRequest
    from gfdesk.ui.signinscreen import SignInScreen
    from gfdesk.ui.tray import TrayIcon
    from gfdesk.ui.usermessages import MessageBridge


class AccountFlow(QObject):
    """Signs in and out and keeps the window's features in step with the account.

    Args:
        backend: the run's backend (not started yet).
        window: the main window the feature views go into.
        messages: where user-facing errors go.
        tray: the tray icon (unread badge, toasts), if any.
        can_sign_in: whether the sign-in screen may be shown (always, but for a run
            that must never ask: a screenshot).
        profiles: the profiles the sign-in screen's switcher lists.
        profile: the profile in use (None: one named "default").
        demo_credentials: the public demo login, offered on the sign-in screen.
        data_dir: where the account's small files go (pictures, the chosen status).
        config_file: the settings file each call reads its devices and ICE servers from.

    Signals:
        profile_switch_requested(str): the user picked another profile on the sign-in
            screen (the composition root starts that backend).
        signed_in_changed(bool): someone signed in (True) or out.
        features_changed(object): the account's ``Wiring`` once its features started,
            or None once they are closed.
    """

    profile_switch_requested = Signal(str)
    signed_in_changed = Signal(bool)
    features_changed = Signal(object)

    def __init__(self, backend: BackendService, window: MainWindow, messages: MessageBridge,
                 tray: TrayIcon | None, *, can_sign_in: bool,
                 profiles: Sequence[Profile] = (), profile: Profile | None = None,
                 demo_credentials: Credentials | None = None,
                 data_dir: Path | None = None, config_file: Path | None = None) -> None:
        super().__init__(window)
        from gfdesk.config import Profile

        self._backend = backend
        self._window = window
        self._messages = messages
        self._tray = tray
        self._can_sign_in = can_sign_in
        self._profile = profile or Profile("default")
        self._profiles = tuple(profiles) or (self._profile,)
        self._demo = demo_credentials
        self._data_dir = data_dir
        self._config_file = config_file
        self._screen: SignInScreen | None = None
        self._private = False
        self._wiring: Wiring | None = None
        self._avatars: AvatarStore | None = None
        self._fetcher: AvatarFetcher | None = None
        self.own_profile: OwnProfile | None = None
        """The signed-in user's profile (None: not signed in, or not loaded yet)."""

    @property
    def features(self) -> tuple[Feature, ...]:
        """The signed-in account's features, in the order they were built."""
        return tuple(self._wiring.features) if self._wiring is not None else ()

    @property
    def wiring(self) -> Wiring | None:
        return self._wiring

    @property
    def avatars(self) -> AvatarStore | None:
        """The account's pictures (None: nobody signed in)."""
        return self._avatars

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
            bridge.spawn(self._expired(status.message), name="account:expired", owner=self)

    async def _expired(self, message: str) -> None:
        await self._forget_account()
        self.ask_sign_in(message)

    # -- the sign-in screen -----------------------------------------------------------

    def ask_sign_in(self, message: str = "") -> None:
        """Show the sign-in screen (with the profile switcher) in place of the app."""
        from gfdesk.ui.signinscreen import SignInScreen

        if self._screen is not None and self._window.sign_in_screen() is self._screen:
            return
        screen = SignInScreen(
            self._profiles, self._profile,
            demo_credentials=self._demo if self._profile.is_demo else None,
            message=message, keyring_available=self._backend.can_remember)
        screen.submitted.connect(
            lambda request: bridge.spawn(self._submit(screen, request), name="signin:submit",
                                         owner=screen, group="submit"))
        screen.profile_chosen.connect(self.profile_switch_requested)
        screen.form.set_private(self._private)
        self._screen = screen
        self._window.show_sign_in(screen)

    def set_private(self, private: bool) -> None:
        """Streamer mode: the sign-in screen hides the email (now and when shown later)."""
        self._private = private
        if self._screen is not None:
            self._screen.form.set_private(private)

    @property
    def sign_in_screen(self) -> SignInScreen | None:
        """The sign-in screen while it is shown."""
        return self._screen if self._window.sign_in_screen() is self._screen else None

    async def _submit(self, screen: SignInScreen, request: SignInRequest) -> None:
        from gfdesk.core.session import error_text
        from gfdesk.ui.signin import SignInMode

        try:
            if request.mode is SignInMode.SIGN_UP:
                account = await self._backend.sign_up(
                    request.credentials, remember=request.remember,
                    display_name=request.display_name)
                if account is None:
                    screen.show_error(
                        self.tr("Check your email to confirm the account, then sign in."))
                    return
            else:
                account = await self._backend.sign_in(request.credentials,
                                                      remember=request.remember)
        except Exception as exc:  # AuthApiError and network errors: shown, not raised
            screen.show_error(error_text(exc))  # also ends the busy state
            return
        # The screen is deleted with the next step, and its tasks with it: the features
        # are built by a task of this object's own.
        bridge.spawn(self._signed_in(account), name="account:signed-in", owner=self)

    # -- signing in and out -----------------------------------------------------------

    async def sign_out(self) -> None:
        """Close the account's features and services, sign out, show the sign-in screen."""
        await self._forget_account()
        await self._backend.sign_out()
        if self._can_sign_in:
            self.ask_sign_in()

    async def _forget_account(self) -> None:
        await self._close_features()
        await self._close_avatars()
        self.own_profile = None
        self._window.set_account(None)
        if self._tray is not None:
            self._tray.set_unread(0)
        self.signed_in_changed.emit(False)

    async def _signed_in(self, account: Account) -> None:
        self._window.hide_sign_in()
        self._screen = None
        await self._close_features()
        await self._close_avatars()
        self._avatars = self._new_avatars()
        self._window.set_account(account.display_name, None, self._avatars)
        self.signed_in_changed.emit(True)
        bridge.spawn(self._load_profile(account), name="account:profile", owner=self)
        from gfdesk.config import read_signalling

        signalling_url = await asyncio.to_thread(read_signalling, self._config_file)
        try:
            self._wiring = self._build_features(account, signalling_url)
        except Exception:
            log.exception("could not build the features")
            self._messages.error(
                self.tr("gfdesk could not open your friends and chats; see the log."))
            return
        for problem in await self._wiring.start():
            self._messages.error(problem)
        self.features_changed.emit(self._wiring)

    def _new_avatars(self) -> AvatarStore:
        from gfdesk.core.avatarfetch import AvatarFetcher
        from gfdesk.kit.avatarstore import AvatarStore

        cache = self._data_dir / "avatars" if self._data_dir is not None else None
        self._fetcher = fetcher = AvatarFetcher(cache, base_url=self._backend.url)
        store: AvatarStore | None = None

        def run(coro: Any, name: str) -> object:
            return bridge.spawn(coro, name=name, owner=store)

        store = AvatarStore(fetcher.fetch, run, parent=self)
        store.failed.connect(lambda url, why: log.debug("avatar %s refused: %s", url, why))
        return store

    async def _close_avatars(self) -> None:
        store, self._avatars = self._avatars, None
        fetcher, self._fetcher = self._fetcher, None
        if store is not None:
            store.close()
            store.deleteLater()
        if fetcher is not None:
            await fetcher.aclose()

    async def _load_profile(self, account: Account) -> None:
        from gfdesk.core.profile import load_own_profile

        try:
            profile = await load_own_profile(self._backend.client, account.user_id)
        except Exception as exc:  # the card keeps the sign-in's name and initials
            log.info("own profile not loaded: %s", exc)
            return
        if self.account is None or self.account.user_id != account.user_id:
            return
        self.own_profile = profile
        self._window.set_account(profile.name or account.display_name, profile.avatar_url,
                                 self._avatars)

    async def save_profile(self, display_name: str, avatar_url: str) -> OwnProfile:
        """Store the user's display name and picture; the card shows them at once.

        Raises:
            ValueError, APIError: refused (the settings dialog shows why).
        """
        from gfdesk.core.profile import save_own_profile

        account = self.account
        if account is None:
            raise ValueError("Not signed in.")
        profile = await save_own_profile(self._backend.client, account.user_id, display_name,
                                         avatar_url)
        self.own_profile = profile
        self._window.set_account(profile.name, profile.avatar_url, self._avatars)
        return profile

    def _build_features(self, account: Account, signalling_url: str | None) -> Wiring:
        """The account's features, built and connected (``featurewiring``)."""
        from gfdesk.feature import FeatureScope
        from gfdesk.featurewiring import wire_features

        backend = self._backend
        if backend.connection is None or backend.outbox is None:
            raise RuntimeError("signed in without a connection or an outbox")
        scope = FeatureScope(backend.connection, backend.client, backend.outbox, account,
                             data_dir=self._data_dir, avatars=self._avatars)
        return wire_features(scope, self._window, self._tray,
                             config_file=self._config_file, signalling_url=signalling_url,
                             warn=self._messages.warning)

    async def _close_features(self) -> None:
        wiring, self._wiring = self._wiring, None
        if wiring is not None:
            self.features_changed.emit(None)
            await wiring.aclose()

    async def aclose(self) -> None:
        """Close the features, then the backend (channels, socket, client)."""
        await self._close_features()
        await self._close_avatars()
        await self._backend.aclose()
