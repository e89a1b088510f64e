"""The composition root: parses the command line, builds everything, owns start and end.

Start-up order:
    1. Command line. ``gfdesk hub ...`` hands over to ``gfdesk.hub.serve`` and
       ``gfdesk call ...`` to ``gfdesk.calls.cli``; neither touches Qt. ``--version``
       prints and returns.
    2. Configuration (defaults < file < env < command line); the single-instance lock
       (a later launch hands its ``gfdesk://`` links to the first and exits here);
       logging (a rotating file, secrets masked). Settings problems are kept to show
       in the window.
    3. QApplication (high-DPI policy first), theme, Qt message handler, message bridge.
    4. The main window and tray icon are shown (``--background``: the tray only), before
       anything heavy is imported; a later launch's hand-over is heard from then on:
       supabase, the hub, aiortc and av load afterwards (aiortc and av only for calls).
       Cyclic garbage collection, off until then, runs from the loop, on the GUI thread
       only (``core.collector``).
    5. On the qasync loop: the backend. For the demo profile, the embedded hub starts
       on its own thread (its SQL never runs on the GUI thread), then the demo's calling
       friend (``calls.demobot``, a client on a thread of its own), and the app signs
       in as the demo user; otherwise the client connects to the profile's URL.

Shutdown order (``_run`` owns it, never ``app.quit()``):
    1. Closing the main window is the one quit path: Ctrl+Q, the tray's Quit and
       SIGINT/SIGTERM all close it (``MainWindow.quit``), and the last window closing
       sets ``quit_event``. The close button only hides it while a tray icon shows
       (``desktop.closetotray``), unless ``[desktop] close_to_tray`` is off.
    2. Services close (``aclose``): the backend client's timers and sockets.
    3. ``bridge.drain()`` cancels and awaits every task still running.
    4. The demo's calling friend hangs up and signs out; the embedded hub stops and
       its thread joins.
    5. ``_run`` returns 0 and ``bridge.run`` ends the loop with nothing pending.
    6. Collection is CPython's again, and the window's reference cycles are collected
       while the QApplication still lives.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gfdesk import __version__, log
from gfdesk.config import (
    AppConfig,
    ConfigError,
    Overrides,
    Profile,
    load,
    problem_text,
    read_language,
    read_theme,
)
from gfdesk.core import collector
from gfdesk.i18nmark import translate

#: The demo's bot friend who answers video calls and calls the demo user once.
DEMO_CALL_BOT = "novastrike"

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from gfdesk.accountflow import AccountFlow
    from gfdesk.core.backend import Credentials
    from gfdesk.desktop.instance import InstanceLock
    from gfdesk.desktop.instanceguard import InstanceGuard
    from gfdesk.ui.mainwindow import MainWindow


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="gfdesk",
        description="GamerFlick desktop: friends online, chat, notifications, brackets, calls.",
        epilog="Run 'gfdesk hub --help' for the LAN/demo server, 'gfdesk call --help' for "
               "scripted calls.",
    )
    parser.add_argument("--version", action="version", version=f"gfdesk {__version__}")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--demo", action="store_true",
                       help="use the embedded demo hub (the default with no profile set)")
    where.add_argument("--profile", metavar="NAME", help="a profile from the settings file")
    parser.add_argument("--url", metavar="URL", help="a Supabase project or LAN hub API URL")
    parser.add_argument("--anon-key", metavar="KEY", help="the anon key that goes with --url")
    parser.add_argument("--self-check", metavar="SECONDS", type=float, nargs="?", const=90.0,
                        help="start offscreen on the demo hub with a throwaway data folder, "
                             "exit 0 once live demo data shows (default limit 90 s)")
    parser.add_argument("--log-level", metavar="LEVEL", type=str.upper,
                        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
                        help="DEBUG, INFO (default), WARNING or ERROR")
    parser.add_argument("--background", action="store_true",
                        help="start in the tray, without showing the window (start at login)")
    parser.add_argument("links", nargs="*", metavar="LINK",
                        help="gfdesk://conversation/<id>, gfdesk://tournament/<id> or "
                             "gfdesk://call/<id> to open (in the running gfdesk if there is one)")
    args = parser.parse_args(argv)
    if args.demo and (args.url or args.anon_key):
        parser.error("--demo and --url/--anon-key are different backends: pick one")
    if args.links:
        # Only with links: it loads uuid, whose import costs the window a few ms.
        from gfdesk.desktop.links import is_link

        for link in args.links:
            if not is_link(link):
                parser.error(f"{link[:80]!r} is not a gfdesk:// link")
    return args


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``gfdesk`` script and ``python -m gfdesk``."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["hub"]:
        from gfdesk.hub.serve import main as hub_main

        return hub_main(argv[1:])
    if argv[:1] == ["call"]:
        from gfdesk.calls.cli import main as call_main

        return call_main(argv[1:])
    args = parse_args(argv)
    if args.self_check is not None:
        from gfdesk import selfcheck

        check_folder = selfcheck.prepare()
        try:
            return _main(args, demo=True)
        finally:
            selfcheck.cleanup(check_folder)
    return _main(args, demo=args.demo)


def _main(args: argparse.Namespace, *, demo: bool) -> int:
    # No cyclic garbage collection until the window shows (``_run`` then has the loop
    # collect): the imports and widgets before it only allocate, and the full
    # collections their growing heap triggers cost about 10 ms of the time to the window
    # for nothing.
    gc.disable()
    try:
        return _start(args, demo=demo)
    finally:
        gc.enable()


def _start(args: argparse.Namespace, *, demo: bool) -> int:
    try:
        config = load(Overrides(demo=demo, profile=args.profile, url=args.url,
                                anon_key=args.anon_key, log_level=args.log_level))
    except ConfigError as exc:
        print(f"gfdesk: {exc}", file=sys.stderr)
        return 2
    # Before logging starts: a later launch must not write to the first one's log file.
    instance = _claim_instance(config, args)
    if isinstance(instance, int):
        return instance
    log.redact(config.profile.anon_key)
    log_file = log.setup(config.log_level, config.paths.log_dir)
    log.app.info("gfdesk %s starting, profile %s", __version__, config.profile.name)

    from gfdesk import bridge  # the first import of Qt
    from gfdesk.kit import featurehook

    featurehook.drop()  # before the rest of gfdesk is imported: see its docstring
    from gfdesk.ui import theme
    from gfdesk.ui.qtlog import uninstall_qt_message_handler

    theme.set_high_dpi_policy()
    qapp = _create_qapplication(read_theme(config.paths.config_file))
    try:
        return bridge.run(lambda: _run(qapp, config, log_file, self_check=args.self_check,
                                       instance=instance, links=tuple(args.links),
                                       background=args.background))
    finally:
        collector.stop()
        # The window and the closures its signals hold form cycles: they are freed here,
        # on this thread while the QApplication lives, not by the interpreter's last
        # collection after it is gone (a crash in "Garbage-collecting").
        gc.collect()
        if instance is not None:
            instance.release()
        # Qt may still speak while Python tears down; logging may be gone by then.
        uninstall_qt_message_handler()


def _create_qapplication(theme_choice: str = "dark") -> QApplication:
    from PySide6.QtWidgets import QApplication

    from gfdesk.kit.palettes import ThemeName
    from gfdesk.ui import theme
    from gfdesk.ui.qtlog import install_qt_message_handler

    install_qt_message_handler()
    qapp = QApplication.instance() or theme.new_application(sys.argv[0])
    assert isinstance(qapp, QApplication)
    qapp.setApplicationName("gfdesk")
    qapp.setApplicationDisplayName("gfdesk")
    qapp.setApplicationVersion(__version__)
    qapp.setDesktopFileName("gfdesk")
    from gfdesk.kit.focusring import FocusRing

    FocusRing(qapp)  # owned by the application: a visible ring after Tab, everywhere
    # main() owns shutdown; Qt must not end the loop under running tasks.
    qapp.setQuitOnLastWindowClosed(False)
    theme.apply(qapp, ThemeName(theme_choice))
    return qapp


def _claim_instance(config: AppConfig, args: argparse.Namespace) -> InstanceLock | int | None:
    """This run's instance lock; or, when another gfdesk runs for the same user, profile
    and data folder, hand it our links and return the exit code. None: no lock (the
    self-check, which has a data folder of its own, or an unwritable data folder)."""
    if getattr(args, "self_check", None) is not None:
        return None
    from gfdesk.desktop.instance import (
        InstanceLock,
        Request,
        activation_token_from,
        instance_key,
    )

    lock = InstanceLock.for_profile(config.paths.data_dir, config.profile.name)
    try:
        if lock.acquire():
            return lock
    except OSError as exc:
        print(f"gfdesk: cannot lock {lock.path} ({exc}); a second launch will not "
              "find this one", file=sys.stderr)
        return None
    from gfdesk.desktop.instanceserver import hand_over

    key = instance_key(config.paths.data_dir, config.profile.name)
    # The desktop's activation token for this launch goes along: on Wayland the
    # running window may come to the front only with it.
    request = Request(tuple(args.links), args.background, activation_token_from(os.environ))
    if hand_over(key, request, stop_if=lock.acquire):
        return 0
    if lock.held:  # the other one quit while we knocked: this run is the first now
        return lock
    print(f"gfdesk: already running for profile {config.profile.name} "
          f"(process {lock.holder() or '?'}, lock {lock.path}) but it does not answer",
          file=sys.stderr)
    return 1


async def _run(qapp: QApplication, config: AppConfig, log_file: Path | None, *,
               self_check: float | None = None, instance: InstanceLock | None = None,
               links: tuple[str, ...] = (), background: bool = False) -> int:
    from PySide6.QtCore import QCoreApplication, Qt

    from gfdesk import bridge
    from gfdesk.core.status import DEMO_HUB, STARTING_DEMO_HUB, ConnectionState, ConnectionStatus
    from gfdesk.ui.language import Languages
    from gfdesk.ui.mainwindow import MainWindow
    from gfdesk.ui.usermessages import MessageBridge

    Languages(config.paths.data_dir, qapp).apply(read_language(config.paths.config_file))
    messages = MessageBridge()
    messages.message_shown.connect(_log_user_message)
    # Built before the stylesheet is in force, which then polishes the finished tree
    # once: under it, each widget would be re-polished as it is parented and named
    # (about 6 ms of the time to the window). The pixels shown are the same.
    sheet = qapp.styleSheet()
    qapp.setStyleSheet("")
    window = MainWindow(messages)
    qapp.setStyleSheet(sheet)
    quit_event = asyncio.Event()
    qapp.lastWindowClosed.connect(quit_event.set)

    flow: AccountFlow | None = None
    demo_bots: list[Any] = []

    def open_settings(*, language_tab: bool = False) -> None:
        # Imported on first use: the dialog's code is not needed to show the window.
        from gfdesk.ui.languagepage import LanguagePage
        from gfdesk.ui.settingsdialog import SettingsDialog

        account = flow.account if flow is not None else None
        dialog = SettingsDialog(
            config, log_file, window,
            account=(desktop.account_text(account.display_name, account.email)
                     if account else None),
            can_sign_in=flow is not None and account is None,
            profile=flow.own_profile if flow is not None and account is not None else None,
            avatars=flow.avatars if flow is not None else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        language_page = dialog.findChild(LanguagePage)
        if language_page is not None:
            # The dialog's pages are worded once: a new language reopens it, in that one.
            def reopen(_code: str, old: SettingsDialog = dialog) -> None:
                old.close()
                open_settings(language_tab=True)

            language_page.language_applied.connect(reopen)
            if language_tab:
                dialog.show_page(language_page)
        if flow is not None:
            current = flow
            dialog.sign_out_requested.connect(
                lambda: bridge.spawn(current.sign_out(), name="app:sign-out", owner=window))
            dialog.sign_in_requested.connect(current.ask_sign_in)
            dialog.profile_save_requested.connect(
                lambda name, url: bridge.spawn(_save_profile(current, dialog, name, url),
                                               name="app:save-profile", owner=dialog))
        dialog.open()

    window.settings_requested.connect(open_settings)
    restore_signals = _close_on_signals(window.quit)
    if not background:
        window.show()
        log.app.info("main window shown")
    # Cyclic garbage from now on is collected on this (the GUI) thread only, never by a
    # worker (the demo hub's, a call's media thread) that would free Qt objects there.
    collector.start(asyncio.get_running_loop())
    from gfdesk.ui.tray import TrayIcon

    tray = TrayIcon(window)
    tray.quit_requested.connect(window.quit)
    tray.show_requested.connect(lambda: _bring_to_front(window))
    # --background (start at login) shows only the tray icon, where there is one.
    if not tray.show() and background:
        window.show()
        log.app.info("main window shown (no tray to start in)")
    from gfdesk.desktop.shell import DesktopShell

    desktop = DesktopShell(window, tray, config.paths.config_file, messages.warning)
    desktop.start()
    desktop.opener.open_links(links)
    guard = _listen_for_later_launches(config, window, desktop.opener, instance)
    for problem in config.problems:
        messages.warning(problem_text(problem))

    # Not a bridge task: a hub half-way through starting must finish starting before
    # shutdown can stop it, so shutdown awaits this instead of cancelling it.
    hub_start: asyncio.Future[Any] | None = None

    def demo_hub() -> asyncio.Future[Any]:
        nonlocal hub_start
        if hub_start is None:
            window.set_connection_status(ConnectionStatus(
                ConnectionState.CONNECTING, STARTING_DEMO_HUB, backend=DEMO_HUB))
            hub_start = asyncio.ensure_future(asyncio.to_thread(_start_demo_hub, config))
        return hub_start

    if config.profile.is_demo:
        demo_hub()

    async def connect(profile: Profile, *, sign_in_demo: bool) -> None:
        nonlocal flow
        from gfdesk.accountflow import AccountFlow
        from gfdesk.core.backend import BackendService
        from gfdesk.ui.certificatedialog import ask_to_trust

        credentials: Credentials | None = None
        demo: Credentials | None = None
        if profile.is_demo:
            hub, demo = await asyncio.shield(demo_hub())
            if not demo_bots:  # the first time the demo hub is used in this run
                demo_bots.append(_start_demo_call_bot(hub))
            url, key, label = hub.url, hub.anon_key, DEMO_HUB
            credentials = demo if sign_in_demo else None
        else:
            assert profile.url and profile.anon_key
            url, key = profile.url, profile.anon_key
            label = _host_of(url)
        backend = BackendService(
            url, key, label=label, on_status=window.set_connection_status,
            profile=profile.name, data_dir=config.paths.data_dir,
            on_notice=messages.warning,
            on_session=lambda status: flow.on_session(status) if flow else None,
            on_rejected=lambda r: messages.error(
                translate("app", "Could not send {change}: {reason}").format(
                    change=r.write.label or translate("app", "a change"), reason=r.reason)),
            check_certificate=lambda seen: ask_to_trust(seen, window))
        flow = AccountFlow(backend, window, messages, tray, can_sign_in=True,
                           profiles=config.profiles, profile=profile, demo_credentials=demo,
                           data_dir=config.paths.data_dir / "accounts" / profile.name,
                           config_file=config.paths.config_file)
        desktop.attach(flow)
        flow.profile_switch_requested.connect(
            lambda name: bridge.spawn(switch_profile(name), name="app:switch-profile",
                                      owner=window, group="switch"))
        await flow.start(credentials)

    async def switch_profile(name: str) -> None:
        """The sign-in screen's profile switcher: the chosen backend, in this run."""
        nonlocal flow
        chosen = next((p for p in config.profiles if p.name == name), None)
        if chosen is None:
            return
        if guard is not None and not guard.claim(name):
            # Another gfdesk runs it on this data folder (for the demo: its own hub).
            messages.warning(QCoreApplication.translate(
                "App", "gfdesk already runs with the profile {name}: it is brought to "
                "the front instead.").format(name=name))
            await guard.bring_up(name)
            return
        log.app.info("switching to profile %s", name)
        old, flow = flow, None
        if old is not None:
            await old.aclose()
            old.deleteLater()
        await connect(chosen, sign_in_demo=False)

    async def first_connect() -> None:
        await connect(config.profile, sign_in_demo=True)
        # What exists now lives as long as the app (Qt wrappers, modules, the features):
        # freezing it spares every later full collection a rescan of it, which measured
        # as a 60-70 ms GUI stall during a 5,000-message chat burst (bench/chat_burst.py).
        gc.collect()
        gc.freeze()

    connecting = bridge.spawn(first_connect(), name="app:connect")
    connecting.add_done_callback(
        lambda t: None if t.cancelled() or t.exception() is None else messages.error(
            translate("app", "Could not start the backend: {reason}").format(
                reason=t.exception())))
    check = None
    if self_check is not None:
        from gfdesk.selfcheck import SelfCheck

        # quit(), not close(): closing may only hide the window into the tray.
        check = SelfCheck(window, lambda: flow, self_check, window.quit, messages)
        bridge.spawn(check.run(), name="app:self-check", owner=window)

    await quit_event.wait()
    log.app.info("shutting down")
    restore_signals()
    tray.hide()
    # Stop connecting first, so nothing is half-built when the account closes.
    connecting.cancel()
    await asyncio.gather(connecting, return_exceptions=True)
    if flow is not None:
        await flow.aclose()
    await bridge.drain()
    if hub_start is not None:
        for bot in demo_bots:
            await asyncio.to_thread(bot.stop)
        try:
            hub, _ = await hub_start
        except Exception:
            pass  # it never started; connect() already told the user why
        else:
            await asyncio.to_thread(hub.stop)
    if guard is not None:
        guard.release()
    log.app.info("bye")
    return check.exit_code if check is not None else 0


def _listen_for_later_launches(config: AppConfig, window: MainWindow, opener: Any,
                               instance: InstanceLock | None) -> InstanceGuard | None:
    """A later launch's hand-over brings the window up and opens its links (None: no
    lock was taken, nothing listens)."""
    if instance is None:
        return None
    from gfdesk.desktop.instance import Request
    from gfdesk.desktop.instanceguard import InstanceGuard

    guard = InstanceGuard(config.paths.data_dir, parent=window)

    def on_request(request: Request) -> None:
        if not request.background:
            log.app.info("a later launch brings the window to the front")
            _bring_to_front(window, request.activation_token)
        opener.open_links(request.links)

    guard.request_received.connect(on_request)
    guard.adopt(config.profile.name, instance)
    return guard


def _start_demo_hub(config: AppConfig) -> tuple[Any, Credentials]:
    """Start the embedded hub with the demo world (blocking: run it in a worker thread);
    returns the running hub and the demo login."""
    from gfdesk.core.backend import Credentials
    from gfdesk.hub.context import HubConfig
    from gfdesk.hub.demo import DEMO_EMAIL, DEMO_PASSWORD
    from gfdesk.hub.runner import start_hub_in_thread

    hub_config = HubConfig(data_dir=config.paths.data_dir / "demo-hub", demo=True)
    hub = start_hub_in_thread(hub_config)
    log.redact(hub.anon_key)
    log.redact(hub.service_role_key)
    log.app.info("demo hub listening on %s", hub.url)
    return hub, Credentials(DEMO_EMAIL, DEMO_PASSWORD)


def _start_demo_call_bot(hub: Any) -> Any:
    """Start the demo's calling friend on a thread of its own. A client, not a hub bot:
    the hub imports no client code (pyproject's contracts). Imported here, on the GUI
    thread, never beside another thread's imports (PySide's import hook and
    pydantic's lazy attributes fail when two threads import at once)."""
    from gfdesk.calls.demobot import DemoCallBot
    from gfdesk.core.backend import Credentials
    from gfdesk.hub.demo import BOTS, DEMO_PASSWORD, DEMO_USERNAME

    caller = next(b for b in BOTS if b.username == DEMO_CALL_BOT)
    bot = DemoCallBot(hub.url, hub.anon_key, Credentials(caller.email, DEMO_PASSWORD),
                      callee_username=DEMO_USERNAME)
    bot.start_in_thread(wait=False)
    return bot


def _close_on_signals(close: Callable[[], object]) -> Callable[[], None]:
    """Make SIGINT/SIGTERM close the window (the normal quit path); returns an undo."""
    loop = asyncio.get_running_loop()
    installed = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, close)
        except (NotImplementedError, RuntimeError, ValueError):
            continue  # Windows' Proactor-less Qt loop: Ctrl+C reaches Python as usual
        installed.append(sig)

    def restore() -> None:
        for sig in installed:
            loop.remove_signal_handler(sig)

    return restore


def _bring_to_front(window: MainWindow, activation_token: str | None = None) -> None:
    from gfdesk.desktop.activation import bring_to_front

    bring_to_front(window, activation_token)


def _host_of(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url


async def _save_profile(flow: AccountFlow, dialog: Any, name: str, url: str) -> None:
    """The settings dialog's "Save profile"."""
    from PySide6.QtCore import QCoreApplication

    from gfdesk.core.session import error_text

    try:
        await flow.save_profile(name, url)
    except Exception as exc:  # a refusal or the network: said in the dialog
        dialog.show_profile_result(str(exc) if isinstance(exc, ValueError)
                                   else error_text(exc), ok=False)
        return
    dialog.show_profile_result(QCoreApplication.translate(
        "app", "Saved. Friends see it the next time their list loads."),
                               ok=True)


def _log_user_message(message: Any) -> None:
    level = {"INFO": 20, "WARNING": 30, "ERROR": 40}.get(message.level.name, 20)
    log.ui.log(level, "shown to user: %s", message.text)
