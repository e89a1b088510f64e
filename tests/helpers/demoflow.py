"""The demo sign-in GUI tests share: an AccountFlow for a window on the test hub's demo
world, the demo account's backend with a throwaway keyring, an event for "online", and
the tidy-up after.

    flow = demo_flow(hub, tmp_path, window, tray)          # a flow to start by hand
    await sign_in_demo(flow)
    ...
    await close_flow(flow, window)

With ``profile`` the flow also has the sign-in screen's profiles and its "Try the
demo" button (the demo login), and keeps its account state under ``tmp_path``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

from keyring.backend import KeyringBackend

from gfdesk import bridge
from gfdesk.accountflow import AccountFlow
from gfdesk.config import Profile
from gfdesk.core.backend import BackendService
from gfdesk.core.session import Credentials
from gfdesk.core.status import ConnectionState, ConnectionStatus
from gfdesk.hub.demo import DEMO_EMAIL, DEMO_PASSWORD
from gfdesk.hub.runner import RunningHub
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.tray import TrayIcon
from gfdesk.ui.usermessages import MessageBridge
from tests.helpers.memkeyring import MemoryKeyring

#: The demo world's own account.
DEMO_LOGIN = Credentials(DEMO_EMAIL, DEMO_PASSWORD)


def demo_flow(hub: RunningHub, tmp_path: Path, window: MainWindow,
              tray: TrayIcon | None = None, *, profile: Profile | None = None,
              profiles: Sequence[Profile] = (), online: asyncio.Event | None = None,
              keyring_backend: KeyringBackend | None = None,
              can_sign_in: bool = True) -> AccountFlow:
    """An account flow for ``window`` on ``hub``, not started.

    Args:
        profile: the profile signed in with; given, the flow offers ``profiles``
            (just ``profile`` when empty) and the demo login on its sign-in screen.
        online: set once the connection is online (after a sign-in).
        keyring_backend: where a remembered session goes; an in-memory one by default.
        can_sign_in: False for a flow without a sign-in screen (a failed start ends).
    """
    def on_status(status: ConnectionStatus) -> None:
        window.set_connection_status(status)
        if online is not None and status.state is ConnectionState.ONLINE:
            online.set()

    backend = BackendService(hub.url, hub.anon_key, label="demo hub", on_status=on_status,
                             profile="test", data_dir=tmp_path / "data",
                             keyring_backend=keyring_backend or MemoryKeyring())
    if profile is None:
        return AccountFlow(backend, window, MessageBridge(), tray, can_sign_in=can_sign_in)
    return AccountFlow(backend, window, MessageBridge(), tray, can_sign_in=can_sign_in,
                       profiles=tuple(profiles) or (profile,), profile=profile,
                       demo_credentials=DEMO_LOGIN, data_dir=tmp_path / "account")


async def sign_in_demo(flow: AccountFlow, online: asyncio.Event | None = None) -> None:
    """Sign ``flow`` in with the demo login; with ``online``, also wait for it."""
    await flow.start(DEMO_LOGIN)
    if online is not None:
        async with asyncio.timeout(15):
            await online.wait()


async def close_flow(flow: AccountFlow, window: MainWindow) -> None:
    """What every test does last: close the flow, let its tasks end, drop the window."""
    await flow.aclose()
    await bridge.drain()
    window.deleteLater()
