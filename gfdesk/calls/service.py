"""One signed-in account's calls, for the app: the engine on its signalling, the
other party's name, and the settings each call starts with. Qt-free.

``CallService`` is what the Qt model drives. It builds the ``CallEngine`` on the
account's connection: ``RealtimeSignaling`` by default, or ``SocketIOSignaling`` when
the settings name a Socket.IO server (its token read from the OS keyring when the
link first connects, else the project's anon key, which a gfdesk hub takes). Before
each call (``prepare``) it reads what Settings saved: ICE servers from the settings
file with their TURN credentials from the keyring (``core.icecredentials``), the
chosen devices, and the cameras FFmpeg can open now. Reading cameras imports av, so
``prepare`` runs only when a call is placed or answered, never at start-up; blocking
work (the file, the keyring, the device list) runs on worker threads.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gfdesk.calls.engine import MISSED_AFTER_S, CallEngine, ChangeListener, MediaFactory
from gfdesk.calls.signaling import RealtimeSignaling
from gfdesk.config import CallDevices, IceServer, read_calls
from gfdesk.fallbacknames import someone
from gfdesk.log import call as log
from gfdesk.log import redact

if TYPE_CHECKING:
    from supabase import AsyncClient

    from gfdesk.calls.callmedia import CallMedia
    from gfdesk.calls.camera import Camera
    from gfdesk.calls.states import CallInfo
    from gfdesk.core.connection import ConnectionSupervisor
    from gfdesk.core.icecredentials import IceCredentials

#: Names remembered (one profile lookup per person, not per call).
MAX_NAMES = 256


@dataclass(frozen=True)
class CallSetup:
    """What a call starts with.

    Attributes:
        devices: the devices chosen in Settings.
        cameras: the cameras that can be opened now (the chosen one first).
        ice_servers: STUN/TURN servers, TURN ones with their credentials.
    """

    devices: CallDevices
    cameras: tuple[Camera, ...]
    ice_servers: tuple[IceServer, ...]


def order_cameras(cameras: list[Camera], chosen: str | None) -> tuple[Camera, ...]:
    """``cameras`` with the chosen one first (the others keep their order)."""
    first = [c for c in cameras if c.name == chosen]
    return tuple(first + [c for c in cameras if c.name != chosen])


def signaling_for(client: AsyncClient, connection: ConnectionSupervisor, user_id: str,
                  signalling_url: str | None) -> RealtimeSignaling:
    """Realtime signalling, or Socket.IO signalling through ``signalling_url``."""
    if signalling_url is None:
        return RealtimeSignaling(client, connection, user_id)
    # python-socketio loads only for accounts that use it.
    from gfdesk.calls.sioclient import SignallingServer
    from gfdesk.calls.siosignaling import SocketIOSignaling
    from gfdesk.core.tokenstore import SecretStore, signalling_secret

    async def server_token() -> str:
        stored = await SecretStore().load(signalling_secret(signalling_url))
        if stored:
            redact(stored)
            return stored
        return str(client.supabase_key)

    return SocketIOSignaling(client, connection, user_id,
                             SignallingServer(signalling_url, server_token))


class CallService:
    """The engine, names and settings of one account's calls.

    Args:
        client: the signed-in official client.
        connection: the realtime supervisor.
        user_id: who we are.
        config_file: the settings file whose ``[calls]`` table each call reads (None:
            only ``ice_servers``).
        ice_servers: servers to use when there is no settings file.
        credentials: the keyring of TURN credentials (None: none are looked up).
        signalling_url: the Socket.IO server that carries each call's messages (None:
            Realtime).
        list_cameras: lists the cameras (the platform's by default; tests pass lavfi).
        missed_after_s: how long an outgoing call rings.
    """

    def __init__(self, client: AsyncClient, connection: ConnectionSupervisor, user_id: str, *,
                 config_file: Path | None = None, ice_servers: tuple[IceServer, ...] = (),
                 credentials: IceCredentials | None = None,
                 list_cameras: object = None, signalling_url: str | None = None,
                 missed_after_s: float = MISSED_AFTER_S) -> None:
        self._client = client
        self.user_id = user_id
        self._config_file = config_file
        self._ice_servers = ice_servers
        self._credentials = credentials
        self._list_cameras = list_cameras
        self.signaling = signaling_for(client, connection, user_id, signalling_url)
        """Rows and channels (``wait_live`` tells when incoming calls can ring)."""
        self.engine = CallEngine(self.signaling, user_id, media=self._media,
                                 missed_after_s=missed_after_s)
        """The calls themselves."""
        self._media_factory: MediaFactory | None = None
        self._names: OrderedDict[str, str] = OrderedDict()

    def bind(self, media: MediaFactory, on_change: ChangeListener) -> None:
        """Who builds each call's media, and who hears every change of a call."""
        self._media_factory = media
        self.engine.add_listener(on_change)

    def _media(self, info: CallInfo) -> CallMedia:
        if self._media_factory is None:
            raise RuntimeError("no media factory bound")
        return self._media_factory(info)

    async def start(self) -> None:
        """Hear our call rows: incoming calls ring from now on."""
        await self.engine.start()

    async def aclose(self) -> None:
        """End the call in progress (the other side is told) and stop hearing rows."""
        await self.engine.aclose()

    def cached_name(self, user_id: str) -> str | None:
        return self._names.get(user_id) or None

    async def name_of(self, user_id: str) -> str:
        """The display name (or username) of ``user_id``; "Someone" (in the user's
        language) if unknown."""
        name = self._names.get(user_id)
        if name is not None:
            return name or someone()
        try:
            result = await self._client.table("profiles").select(
                "display_name,username").eq("id", user_id).execute()
            rows: list[Any] = list(result.data)
        except Exception as exc:  # a name is nice to have; the call goes on without it
            log.info("call: no profile for %s (%s)", user_id, type(exc).__name__)
            return someone()
        # Kept as read ("" for no name): the fallback is worded when asked for.
        name = str(rows[0].get("display_name") or rows[0].get("username") or "") \
            if rows else ""
        self._names[user_id] = name
        while len(self._names) > MAX_NAMES:
            self._names.popitem(last=False)
        return name or someone()

    async def prepare(self) -> CallSetup:
        """Read the settings a call starts with and set the engine's ICE servers."""
        from gfdesk.calls.peer import PeerConfig  # the first call pays for aiortc

        servers, devices = self._ice_servers, CallDevices()
        if self._config_file is not None:
            servers, devices = await asyncio.to_thread(read_calls, self._config_file)
        if self._credentials is not None:
            servers = await self._credentials.complete(servers)
        self.engine.peer_config = PeerConfig(ice_servers=servers)
        cameras = await asyncio.get_running_loop().run_in_executor(None, self._cameras)
        return CallSetup(devices, order_cameras(cameras, devices.camera), servers)

    def _cameras(self) -> list[Camera]:
        if callable(self._list_cameras):
            return list(self._list_cameras())
        from gfdesk.calls.camera import list_cameras

        return list_cameras()
