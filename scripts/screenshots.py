"""Render gfdesk's main screens offscreen to docs/screenshots/*.png.

    python scripts/screenshots.py [--out DIR] [--only NAME ...] [--scale 2] [--theme light]

Each screen is a name and a function that builds a widget; ``render`` sizes it,
lets the event loop settle and saves a PNG. Add a screen by appending to
``SCREENS``. The shell's screens use canned data; the friends, inbox, chat and
tournament ones are loaded from a demo hub (its bots running) started for the screen.

The call screens hold a real call with the demo's calling friend. A video widget's
picture exists only on a real display, so take them under Xvfb::

    xvfb-run -a python scripts/screenshots.py --platform xcb --only call incoming-call
"""

from __future__ import annotations

import os
import sys

# Before anything imports Qt: render without a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import argparse  # noqa: E402
import asyncio  # noqa: E402
from collections.abc import Callable, Coroutine  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING, Any, TypeVar  # noqa: E402

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from gfdesk.config import AppConfig, Paths, Profile  # noqa: E402
from gfdesk.core.status import ConnectionState, ConnectionStatus  # noqa: E402
from gfdesk.kit.palettes import ThemeName  # noqa: E402
from gfdesk.ui import theme  # noqa: E402
from gfdesk.ui.mainwindow import MainWindow  # noqa: E402
from gfdesk.ui.sections import Section  # noqa: E402
from gfdesk.ui.settingsdialog import DEFAULT_SIZE, SettingsDialog  # noqa: E402
from gfdesk.ui.usermessages import MessageBridge  # noqa: E402

if TYPE_CHECKING:
    from supabase import AsyncClient

    from gfdesk.core.connection import ConnectionSupervisor
    from gfdesk.core.outbox import Outbox
    from gfdesk.feature import FeatureScope

OUT_DIR = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
WINDOW_SIZE = QSize(1100, 720)
DIALOG_SIZE = QSize(*DEFAULT_SIZE)
DEMO_ACCOUNT = "Nova Quinn"
#: Looks like an anon key (a JWT) but is not one: only its first 8 characters show.
SAMPLE_KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.sample-not-a-real-key.signature"
ONLINE = ConnectionStatus(ConnectionState.ONLINE, backend="demo hub", rtt_ms=12)
T = TypeVar("T")


@dataclass(frozen=True)
class Screen:
    """One PNG: its file stem, what it shows, and how to build the widget."""

    name: str
    build: Callable[[], QWidget]
    size: QSize = WINDOW_SIZE


def render(widget: QWidget, path: Path, size: QSize = WINDOW_SIZE) -> Path:
    """Show ``widget`` offscreen at ``size``, let it lay out, and save it as a PNG."""
    widget.resize(size)
    widget.show()
    # Two rounds: the first lays out, the second paints what the layout revealed.
    for _ in range(2):
        QApplication.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    widget.close()
    return path


def main_window(section: Section, status: ConnectionStatus, account: str | None,
                messages: Callable[[MessageBridge], None] | None = None) -> Callable[[], QWidget]:
    """A builder for the main window on ``section`` in ``status``."""

    def build() -> QWidget:
        bridge = MessageBridge()
        window = MainWindow(bridge)
        # The bridge must live as long as the window.
        bridge.setParent(window)
        window.set_account(account)
        window.set_connection_status(status)
        window.show_section(section)
        if messages is not None:
            messages(bridge)
        return window

    return build


def settings_dialog(tab: str = "Backend") -> Callable[[], QWidget]:
    """A builder for the settings dialog on ``tab``, the demo in use, two other profiles
    (signed in as the demo player for the Profile tab)."""

    def build() -> QWidget:
        dialog = _settings_dialog(signed_in=tab == "Profile")
        dialog.show_tab(tab)
        return dialog

    return build


def _settings_dialog(signed_in: bool = False) -> SettingsDialog:
    # Nothing is written there (no profile is added): the paths only have to look real
    # and stay the same from run to run.
    home = Path("/home/nova")
    paths = Paths(config_dir=home / ".config/gfdesk", data_dir=home / ".local/share/gfdesk",
                  log_dir=home / ".local/state/gfdesk/log")
    lan = Profile("lan-party", "http://192.168.1.20:54321", SAMPLE_KEY)
    cloud = Profile("gamerflick", "https://abcdefghijklmnop.supabase.co", SAMPLE_KEY)
    demo = Profile("demo")
    config = AppConfig(profile=demo, profiles=(demo, lan, cloud), log_level="INFO", paths=paths)
    if not signed_in:
        return SettingsDialog(config, paths.log_dir / "gfdesk.log")
    from gfdesk.core.profile import OwnProfile

    return SettingsDialog(config, paths.log_dir / "gfdesk.log",
                          account=f"{DEMO_ACCOUNT} (nova@gamerflick.gg)",
                          profile=OwnProfile("u1", "novaq", DEMO_ACCOUNT, None))


def from_demo_hub(load: Callable[[str, str, Path], Coroutine[Any, Any, T]]) -> T:
    """``load(url, anon_key, tmp_dir)`` run on a qasync loop against a demo hub (its bots
    running) started for it in a fresh temporary folder, and stopped after."""
    import tempfile

    from gfdesk import bridge
    from gfdesk.hub.context import HubConfig
    from gfdesk.hub.runner import start_hub_in_thread

    tmp = Path(tempfile.mkdtemp(prefix="gfdesk-shots-"))
    hub = start_hub_in_thread(HubConfig(data_dir=tmp / "hub", demo=True))
    try:
        return bridge.run(lambda: load(hub.url, hub.anon_key, tmp))
    finally:
        hub.stop()


def chat_window(conversation: str, states: bool = False) -> Callable[[], QWidget]:
    """The main window on Conversations with the chat feature loaded from a demo hub
    (the real demo world), ``conversation`` (a title) open, a friend typing. With
    ``states``: a bot writes in the group (unread badge), we send a link (stored), and
    two of our messages are shown sending and failed."""

    def build() -> QWidget:
        feature = from_demo_hub(lambda url, key, tmp: _load_chat(url, key, tmp, conversation,
                                                                 states))
        window = main_window(Section.CONVERSATIONS, ONLINE, "Demo Player")()
        window.set_section_view(Section.CONVERSATIONS, feature.view)  # type: ignore[attr-defined]
        feature.setParent(window)
        return window

    return build


def _scope(connection: ConnectionSupervisor, client: AsyncClient, user_id: str,
           outbox: Outbox | None = None, avatars: Any = None) -> FeatureScope:
    """The demo user's feature scope."""
    from gfdesk.core.session import Account
    from gfdesk.feature import FeatureScope

    return FeatureScope(connection, client, outbox,
                        Account(user_id, "demo@gamerflick.local", "Demo Player"),
                        avatars=avatars)


class _Pictures:
    """The demo hub's profile pictures, fetched for one screen (no disk cache)."""

    def __init__(self, url: str) -> None:
        from gfdesk import bridge
        from gfdesk.core.avatarfetch import AvatarFetcher
        from gfdesk.kit.avatarstore import AvatarStore

        self.fetcher = AvatarFetcher(None, base_url=url)
        store: AvatarStore | None = None

        def run(coro: Any, name: str) -> object:
            return bridge.spawn(coro, name=name, owner=store)

        self.store = store = AvatarStore(self.fetcher.fetch, run)

    async def settle(self, urls: list[str]) -> None:
        """Wait until each of ``urls`` has its picture (or was refused)."""
        from gfdesk import bridge
        from gfdesk.kit.avatarstore import AvatarState

        for url in urls:
            self.store.request(url)
        async with asyncio.timeout(20):
            while any(self.store.state(u) is AvatarState.LOADING for u in urls):
                await bridge.next_emit(self.store.changed, 20)

    async def aclose(self) -> None:
        await self.fetcher.aclose()


async def _demo_connection(url: str, key: str, email: str | None = None
                           ) -> tuple[AsyncClient, str, ConnectionSupervisor]:
    """The demo user (or the demo account ``email``) signed in on a new client, its
    user id, and a started supervisor."""
    from supabase import acreate_client

    from gfdesk.core.connection import ConnectionSupervisor
    from gfdesk.hub.demo import DEMO_EMAIL, DEMO_PASSWORD

    client = await acreate_client(url, key)
    auth = await client.auth.sign_in_with_password({"email": email or DEMO_EMAIL,
                                                    "password": DEMO_PASSWORD})
    assert auth.user is not None

    async def token() -> str | None:
        session = await client.auth.get_session()
        return session.access_token if session else None

    connection = ConnectionSupervisor(client, label="demo hub", token=token)
    connection.start()
    return client, auth.user.id, connection


async def _load_chat(url: str, key: str, tmp: Path, title: str, states: bool) -> QWidget:
    from gfdesk import bridge
    from gfdesk.chat.feature import ChatFeature
    from gfdesk.core.clientfactory import close_client
    from gfdesk.core.outbox import Outbox
    from gfdesk.core.outboxqueue import OutboxQueue

    client, user_id, connection = await _demo_connection(url, key)
    outbox = Outbox(client, OutboxQueue(tmp / "outbox.sqlite3"))
    pictures = _Pictures(url)
    feature = ChatFeature(_scope(connection, client, user_id, outbox, pictures.store))
    feature.view.resize(WINDOW_SIZE)
    await feature.start()
    urls = [u for u in feature.model.service.avatar_urls.values() if u]
    await pictures.settle(urls)
    summaries = feature.model.conversations.summaries()
    chosen = next(s for s in summaries if s.title == title)
    friend = next(m for m in chosen.member_ids if m != user_id)
    from gfdesk.userstatus import Status, StatusInfo

    # As the friends feature says it: the direct friend plays the cup's game.
    feature.set_statuses({s.other_id: StatusInfo(Status.IN_GAME, "Arena Blitz")
                          for s in summaries if s.other_id})
    feature.open_conversation(chosen.id)
    opened = feature.model.conversation_opened
    if feature.model.current is None:
        await bridge.next_emit(opened, 20)
    assert feature.model.current is not None
    await feature.model.current.live()
    if states:
        await _show_states(feature, url, key, chosen.id, summaries)
    else:
        feature.model.current._on_typing({"user_id": friend})
    await feature.aclose()
    await connection.aclose()
    await outbox.aclose()
    await pictures.aclose()
    await close_client(client)
    pictures.store.setParent(feature)
    return feature  # type: ignore[return-value]


def friends_window(with_inbox: bool, page: str = "friends") -> Callable[[], QWidget]:
    """The main window on Friends with the friends feature (and, with ``with_inbox``,
    the notification centre beside it) loaded from a demo hub with its bots running.
    ``page``: "friends", "requests" (a player search under way) or "status" (the status
    picker open over the profile card)."""

    def build() -> QWidget:
        friends, notes = from_demo_hub(
            lambda url, key, _tmp: _load_friends(url, key, page))
        window = main_window(Section.FRIENDS, ONLINE, "Demo Player")()
        views = [friends.view, notes.view] if with_inbox else [friends.view]  # type: ignore[attr-defined]
        window.set_section_view(Section.FRIENDS, *views)
        window.set_badge(Section.FRIENDS, notes.model.unread_count())  # type: ignore[attr-defined]
        status = friends.status  # type: ignore[attr-defined]
        from gfdesk.userstatus import status_text

        window.set_own_status(status_text(status.status, status.game), status.status.color)
        friends.setParent(window)
        notes.setParent(window)
        if page == "status":
            _show_picker(window, friends)
        return window

    return build


def _show_picker(window: MainWindow, friends: Any) -> None:
    """The status picker where it opens: over the profile card (a child here, so the
    window's picture holds it; in the app it is a popup)."""
    picker = friends.status_picker(window)
    picker.setParent(window)
    picker.resize(300, 470)
    window.resize(WINDOW_SIZE)
    window.show()
    QApplication.processEvents()  # lays the window out: the card's place is known
    footer = window.account_footer()
    corner = footer.mapTo(window, footer.rect().topLeft())
    picker.move(corner.x() + 8, corner.y() - picker.height() - 4)
    picker.show()
    picker.raise_()


async def _load_friends(url: str, key: str, page: str = "friends") -> tuple[QWidget, QWidget]:
    from gfdesk.core.clientfactory import close_client
    from gfdesk.friends.feature import FriendsFeature
    from gfdesk.notifications.feature import NotificationsFeature
    from gfdesk.userstatus import Status

    client, user_id, connection = await _demo_connection(url, key)
    pictures = _Pictures(url)
    friends = FriendsFeature(_scope(connection, client, user_id, avatars=pictures.store))
    notes = NotificationsFeature(_scope(connection, client, user_id, avatars=pictures.store))
    loaded = asyncio.Event()
    friends.service.on_state_loaded = loaded.set
    await friends.start()
    await notes.start()
    await asyncio.wait_for(loaded.wait(), 20)
    await asyncio.sleep(0.3)  # the bots' first states are already tracked; diffs settle
    friends.status.stop_watching()
    if page == "status":
        friends.status.restore(_recent_games())
        friends.status.set_status(Status.IN_GAME, "Arena Blitz")
    if page == "requests":
        friends.view.show_requests("luna")
        await bridge_next(friends.requests.results_changed)
    players = [*friends.service.friendships.players.values()]
    urls = [p.avatar_url for p in players if p.avatar_url]
    urls += [a.avatar_url for a in notes.service.actors.values() if a.avatar_url]
    await pictures.settle(urls)
    await notes.aclose()
    await friends.aclose()
    await connection.aclose()
    await pictures.aclose()
    await close_client(client)
    pictures.store.setParent(friends)
    return friends, notes  # type: ignore[return-value]


def _recent_games() -> Any:
    from gfdesk.friends.statusstore import SavedStatus

    return SavedStatus(recent_games=("Arena Blitz", "Valorant", "Rocket League"))


async def bridge_next(signal: Any) -> None:
    from gfdesk import bridge

    await bridge.next_emit(signal, 20)


async def _show_states(feature: Any, url: str, key: str, conversation_id: str,
                       summaries: list[Any]) -> None:
    from supabase import acreate_client

    from gfdesk.chat.conversations import ConversationKind
    from gfdesk.chat.messages import SendState
    from gfdesk.core.clientfactory import close_client
    from gfdesk.hub.demo import BOTS, DEMO_PASSWORD

    paladin = next(b for b in BOTS if b.username == "pixelpaladin")
    bot = await acreate_client(url, key)
    auth = await bot.auth.sign_in_with_password({"email": paladin.email,
                                                 "password": DEMO_PASSWORD})
    assert auth.user is not None
    group = next(s for s in summaries if s.kind is ConversationKind.GROUP)
    for body in ("scrims at 9? need one more", "bring your A game"):
        await bot.table("messages").insert({"conversation_id": group.id,
                                            "sender_id": auth.user.id, "body": body}).execute()
    await close_client(bot)
    feature.model.send("bracket's up: https://gamerflick.gg/cup/neon-clash (round 2 tonight)")
    model = feature.model.messages
    while feature.unread < 2 or model.pending_message(model.messages()[-1].id):  # noqa: ASYNC110
        await asyncio.sleep(0.02)
    link = model.messages()[-1]
    while feature.model.editable(link.id) is None:  # noqa: ASYNC110
        await asyncio.sleep(0.02)
    feature.model.edit(link.id, link.body.replace("round 2 tonight", "round 2 at 9 pm"))
    sending = feature.service.compose(conversation_id, "queue me in, on my way")
    model.add_optimistic(sending)
    failed = feature.service.compose(conversation_id, "this one did not make it")
    model.add_optimistic(failed)
    model.set_state(failed.id, SendState.FAILED, "refused by the server")


def sign_in_window() -> QWidget:
    """The window signed out: the sign-in screen with the profile switcher on the demo."""
    from gfdesk.core.session import Credentials
    from gfdesk.hub.demo import DEMO_EMAIL, DEMO_PASSWORD
    from gfdesk.ui.signinscreen import SignInScreen

    window = main_window(Section.FRIENDS, ConnectionStatus(
        ConnectionState.ONLINE, "not signed in", backend="demo hub"), None)()
    settings = _settings_dialog()
    window.show_sign_in(SignInScreen(
        settings_profiles(), settings_profiles()[0],
        demo_credentials=Credentials(DEMO_EMAIL, DEMO_PASSWORD)))
    settings.deleteLater()
    return window


def settings_profiles() -> tuple[Profile, ...]:
    lan = Profile("lan-party", "http://192.168.1.20:54321", SAMPLE_KEY)
    cloud = Profile("gamerflick", "https://abcdefghijklmnop.supabase.co", SAMPLE_KEY)
    return (Profile("demo"), lan, cloud)


def tournament_window(name: str, tab: str, *, as_host: bool = False) -> Callable[[], QWidget]:
    """The main window on Tournaments with the feature loaded from a demo hub (its host
    bot playing), ``name`` open on ``tab``; ``as_host`` signs in as the host of the Neon
    Clash Cup (PixelPaladin) and selects its live match in the console."""

    def build() -> QWidget:
        feature = from_demo_hub(lambda url, key, tmp: _load_tournament(url, key, tmp, name,
                                                                       as_host))
        account = "PixelPaladin" if as_host else "Demo Player"
        window = main_window(Section.TOURNAMENTS, ONLINE, account)()
        window.set_section_view(Section.TOURNAMENTS, feature.view)  # type: ignore[attr-defined]
        feature.setParent(window)
        page = feature.view.page  # type: ignore[attr-defined]
        tabs = page.tabs
        tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == tab))
        return window

    return build


CALL_WINDOW_SIZE = QSize(960, 640)
INCOMING_SIZE = QSize(340, 300)


def call_screen(incoming: bool) -> Callable[[], QWidget]:
    """The call window in a call with NovaStrike (the demo's calling friend), or the
    incoming-call window while NovaStrike calls; captured live, while the call runs."""

    def build() -> QWidget:
        import tempfile

        from PySide6.QtWidgets import QLabel

        from gfdesk import bridge
        from gfdesk.hub.context import HubConfig
        from gfdesk.hub.runner import start_hub_in_thread

        tmp = Path(tempfile.mkdtemp(prefix="gfdesk-shots-"))
        hub = start_hub_in_thread(HubConfig(data_dir=tmp / "hub", demo=True))
        try:
            shot = bridge.run(lambda: _capture_call(hub.url, hub.anon_key, tmp, incoming))
        finally:
            hub.stop()
        label = QLabel()
        label.setPixmap(shot)
        label.setFixedSize(shot.deviceIndependentSize().toSize())
        return label

    return build


async def _load_tournament(url: str, key: str, tmp: Path, name: str, as_host: bool
                           ) -> QWidget:
    from gfdesk import bridge
    from gfdesk.core.clientfactory import close_client
    from gfdesk.core.outbox import Outbox
    from gfdesk.core.outboxqueue import OutboxQueue
    from gfdesk.hub.demo import BOTS
    from gfdesk.tournament.bracket import MatchStatus
    from gfdesk.tournament.feature import TournamentFeature

    login = next(b.email for b in BOTS if b.username == "pixelpaladin") if as_host else None
    client, user_id, connection = await _demo_connection(url, key, login)
    outbox = Outbox(client, OutboxQueue(tmp / "outbox.sqlite3"))
    feature = TournamentFeature(_scope(connection, client, user_id, outbox))
    feature.view.resize(WINDOW_SIZE)
    await feature.start()
    chosen = next(t for t in feature.model.list.tournaments() if t.name == name)
    feature.open_tournament(chosen.id)
    if feature.model.current is None:
        await bridge.next_emit(feature.model.tournament_opened, 20)
    page = feature.model.current
    assert page is not None
    if page.tournament is None:
        await bridge.next_emit(page.loaded, 20)
    await page.feed.live_now()
    bracket = page.feed.live.bracket
    if bracket is not None:
        live = [m for m in bracket.matches if m.status is MatchStatus.LIVE]
        if live and as_host:
            page.bracket.select(live[0].id)
        if live and not page.feed.scores.get(live[0].id):
            # The host bot's next broadcast is seconds away: show its kind of score.
            from gfdesk.tournament.scores import LiveScore

            page.feed.scores[live[0].id] = LiveScore(live[0].id, 2, 1)
            page.bracket.on_score(live[0].id, None)
    await feature.aclose()
    await connection.aclose()
    await outbox.aclose()
    await close_client(client)
    return feature  # type: ignore[return-value]


async def _capture_call(url: str, key: str, tmp: Path, incoming: bool) -> Any:
    from gfdesk.calls.demobot import DemoCallBot
    from gfdesk.calls.feature import CallsFeature
    from gfdesk.calls.states import CallState
    from gfdesk.core.clientfactory import close_client
    from gfdesk.core.session import Credentials
    from gfdesk.hub.demo import BOTS, DEMO_PASSWORD, DEMO_USERNAME

    client, user_id, connection = await _demo_connection(url, key)
    nova = next(b for b in BOTS if b.username == "novastrike")
    bot = DemoCallBot(url, key, Credentials(nova.email, DEMO_PASSWORD),
                      callee_username=DEMO_USERNAME,
                      call_after_s=0.3 if incoming else None, answer_after_s=0.5)
    await asyncio.to_thread(bot.start_in_thread)
    feature = CallsFeature(_scope(connection, client, user_id),
                           config_file=tmp / "config.toml", list_cameras=list)
    changed = asyncio.Event()
    feature.model.call_changed.connect(lambda _info: changed.set())
    feature.model.stats_updated.connect(lambda _stats: changed.set())
    feature.model.name_changed.connect(lambda _name: changed.set())
    await feature.start()
    await feature.service.signaling.wait_live()

    async def until(check: Callable[[], bool]) -> None:
        async with asyncio.timeout(30):
            while not check():
                changed.clear()
                await changed.wait()

    model = feature.model
    if incoming:
        await until(lambda: model.info is not None and model.other_name != "")
        window: QWidget = feature.incoming
        await asyncio.sleep(0.5)  # let the window map and paint on the display
        shot = window.grab()
        model.decline()
    else:
        window = feature.view
        window.resize(CALL_WINDOW_SIZE)
        feature.place_call(bot.user_id, "video")
        await until(lambda: model.info is not None and model.info.state is CallState.CONNECTED)
        stats: list[Any] = []
        model.stats_updated.connect(stats.append)
        await until(lambda: len(stats) >= 3 and model.remote.shown > 60)
        # The picture is drawn by the video widget's own surface and the self-view
        # floats in a window of its own: only the display has them together, so the
        # window's area is taken from the screen, not rendered by Qt.
        if QApplication.platformName() == "offscreen":
            shot = window.grab()
        else:
            await asyncio.sleep(0.3)  # the self-view's latest pictures painted
            corner = window.mapToGlobal(window.rect().topLeft())
            shot = window.screen().grabWindow(0, corner.x(), corner.y(), window.width(),
                                              window.height())
        model.hang_up()
    await until(lambda: model.info is not None and model.info.state is CallState.ENDED)
    await feature.aclose()
    await asyncio.to_thread(bot.stop)
    await connection.aclose()
    await close_client(client)
    return shot


def _offline_error(bridge: MessageBridge) -> None:
    bridge.error("Lost the connection to the demo hub: connection refused. Retrying in 4 s.")


SCREENS: list[Screen] = [
    *(
        Screen(f"online-{section.value}", main_window(section, ONLINE, DEMO_ACCOUNT))
        for section in Section
    ),
    Screen("connecting", main_window(
        Section.FRIENDS, ConnectionStatus(ConnectionState.CONNECTING, backend="demo hub"),
        DEMO_ACCOUNT)),
    Screen("no-backend", main_window(
        Section.FRIENDS, ConnectionStatus(ConnectionState.NO_BACKEND), None)),
    Screen("offline", main_window(
        Section.CONVERSATIONS,
        ConnectionStatus(ConnectionState.OFFLINE, reason="connection refused",
                         backend="demo hub"),
        DEMO_ACCOUNT, _offline_error)),
    Screen("friends", friends_window(with_inbox=False)),
    Screen("friends-inbox", friends_window(with_inbox=True)),
    Screen("friends-requests", friends_window(with_inbox=True, page="requests")),
    Screen("status-picker", friends_window(with_inbox=True, page="status")),
    Screen("chat-group", chat_window("Friday Squad")),
    Screen("chat-direct", chat_window("NovaStrike")),
    Screen("chat-states", chat_window("NovaStrike", states=True)),
    Screen("sign-in", sign_in_window),
    Screen("tournament-bracket", tournament_window("Neon Clash Cup", "Bracket")),
    Screen("tournament-standings", tournament_window("Sunday League", "Standings")),
    Screen("tournament-host", tournament_window("Neon Clash Cup", "Bracket",
                                                as_host=True), QSize(1440, 860)),
    Screen("settings", settings_dialog("Backend"), DIALOG_SIZE),
    Screen("settings-profile", settings_dialog("Profile"), DIALOG_SIZE),
    Screen("call", call_screen(incoming=False), CALL_WINDOW_SIZE),
    Screen("incoming-call", call_screen(incoming=True), INCOMING_SIZE),
    Screen("settings-calls", settings_dialog("Calls"), DIALOG_SIZE),
    Screen("settings-diagnostics", settings_dialog("Diagnostics"), DIALOG_SIZE),
    Screen("settings-appearance", settings_dialog("Appearance"), DIALOG_SIZE),
    Screen("settings-desktop", settings_dialog("Desktop"), DIALOG_SIZE),
    Screen("settings-language", settings_dialog("Language"), DIALOG_SIZE),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="where to write the PNGs")
    parser.add_argument("--only", nargs="*", help="render only these screens")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="device pixel ratio to render at (2 for a HiDPI check)")
    parser.add_argument("--platform", default="offscreen",
                        help="Qt platform: offscreen (default), or xcb under Xvfb for the "
                             "call screens' video")
    parser.add_argument("--theme", choices=[ThemeName.DARK.value, ThemeName.LIGHT.value],
                        default=ThemeName.DARK.value,
                        help="the theme to render in; light PNGs get a -light suffix")
    args = parser.parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = args.platform
    # A fixed scale, so the PNGs do not depend on the machine that made them.
    os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    theme.set_high_dpi_policy()
    app = QApplication(sys.argv[:1])
    chosen = ThemeName(args.theme)
    theme.apply(app, chosen)
    suffix = "" if chosen is ThemeName.DARK else f"-{chosen.value}"
    for screen in SCREENS:
        if args.only and screen.name not in args.only:
            continue
        path = render(screen.build(), args.out / f"{screen.name}{suffix}.png", screen.size)
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
