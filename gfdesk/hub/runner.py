"""Running the hub: on the caller's loop (tests, ``gfdesk hub``) or on its own thread. Qt-free.

``start_hub`` binds the socket first, so the URL (and the token issuer derived from
it) is known before the app is built, then serves with ``AppRunner`` + ``SockSite``.
``start_hub_in_thread`` runs the same on a private asyncio loop in a daemon thread for
the desktop app's ``--demo`` mode: the hub's SQL then never runs on the GUI thread, and
the app reaches the hub over loopback exactly as it would reach Supabase.
"""

from __future__ import annotations

import asyncio
import dataclasses
import socket
import sys
import threading
from concurrent.futures import Future

from aiohttp import web

from gfdesk.hub.app import create_app
from gfdesk.hub.context import KEYS, STORE, HubConfig
from gfdesk.hub.memory import keep_large_blocks_mapped
from gfdesk.hub.store import Store
from gfdesk.hub.tls import HubCertificate
from gfdesk.log import hub as log

DEFAULT_ISSUER = HubConfig.__dataclass_fields__["issuer"].default
SHUTDOWN_TIMEOUT_S = 5.0
THREAD_START_TIMEOUT_S = 30.0
#: How long a thread may hold the GIL while another waits (Python's default is 5 ms).
GIL_SWITCH_INTERVAL_S = 0.0005


class RunningHub:
    """A started hub: its URL and keys (kept out of the repr), app and runner, and the
    fingerprint of its TLS certificate (None when it serves plain HTTP)."""

    def __init__(self, url: str, anon_key: str, service_role_key: str, app: web.Application,
                 runner: web.AppRunner, fingerprint: str | None = None) -> None:
        self.url = url
        self.anon_key = anon_key
        self.service_role_key = service_role_key
        self.app = app
        self.runner = runner
        self.fingerprint = fingerprint

    def __repr__(self) -> str:
        return f"RunningHub(url={self.url!r})"

    @property
    def store(self) -> Store:
        """The hub's database; use it only on the hub's loop."""
        return self.app[STORE]

    async def stop(self) -> None:
        """Stop accepting, finish open requests, close the store."""
        await self.runner.cleanup()
        log.info("hub: stopped %s", self.url)


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
        sock.setblocking(False)
    except BaseException:
        sock.close()
        raise
    return sock


def _url(host: str, port: int, *, tls: bool = False) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"{'https' if tls else 'http'}://{shown}:{port}"


async def start_hub(config: HubConfig, host: str = "127.0.0.1", port: int = 0, *,
                    tls: HubCertificate | None = None) -> RunningHub:
    """Start the hub on ``host:port`` (0: a free port) on the running loop.

    Args:
        config: the hub's configuration; an unset issuer becomes ``<url>/auth/v1``.
        host: address to bind; loopback by default.
        port: TCP port, 0 for any free one.
        tls: serve HTTPS and WSS with this certificate (``gfdesk.hub.tls``).

    Returns:
        The running hub with its URL and keys.
    """
    # A slow consumer's backlog is a large block: it must leave with the consumer.
    keep_large_blocks_mapped()
    # Statements run on database threads; one that computes in Python (LIKE) must not
    # keep the loop's thread waiting for the GIL for the default 5 ms at a time.
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    sock = _bind(host, port)
    url = _url(host, sock.getsockname()[1], tls=tls is not None)
    if config.issuer == DEFAULT_ISSUER:
        config = dataclasses.replace(config, issuer=f"{url}/auth/v1")
    try:
        app = create_app(config)
        # The keep-alive timer also closes a connection whose request headers are not
        # complete in time (data does not extend it): the header time limit.
        runner = web.AppRunner(app, handle_signals=False, access_log=None,
                               shutdown_timeout=SHUTDOWN_TIMEOUT_S,
                               keepalive_timeout=config.header_timeout_s)
        await runner.setup()
    except BaseException:
        sock.close()
        raise
    try:
        site = web.SockSite(runner, sock,
                            ssl_context=tls.server_context() if tls is not None else None)
        await site.start()
    except BaseException:
        await runner.cleanup()
        sock.close()
        raise
    keys = app[KEYS]
    log.info("hub: serving %s (data %s)", url, config.data_dir)
    return RunningHub(url, keys.anon_key, keys.service_role_key, app, runner,
                      tls.fingerprint if tls is not None else None)


class ThreadedHub:
    """A hub running on its own loop in a daemon thread."""

    def __init__(self, config: HubConfig, host: str = "127.0.0.1", port: int = 0) -> None:
        self._config = config
        self._host = host
        self._port = port
        self._loop = asyncio.new_event_loop()
        self._started: Future[RunningHub] = Future()
        self._thread = threading.Thread(target=self._run, name="gfdesk-hub", daemon=True)
        self._hub: RunningHub | None = None

    def start(self) -> ThreadedHub:
        """Start the thread and wait until the hub serves.

        Raises:
            Exception: whatever kept the hub from starting (port taken, bad data dir).
        """
        self._thread.start()
        self._hub = self._started.result(timeout=THREAD_START_TIMEOUT_S)
        return self

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            hub = self._loop.run_until_complete(start_hub(self._config, self._host, self._port))
        except BaseException as exc:
            self._started.set_exception(exc)
            self._loop.close()
            return
        self._started.set_result(hub)
        try:
            self._loop.run_forever()
        finally:
            self._loop.run_until_complete(self._loop.shutdown_asyncgens())
            self._loop.close()

    @property
    def hub(self) -> RunningHub:
        if self._hub is None:
            raise RuntimeError("hub not started")
        return self._hub

    @property
    def url(self) -> str:
        return self.hub.url

    @property
    def anon_key(self) -> str:
        return self.hub.anon_key

    @property
    def service_role_key(self) -> str:
        return self.hub.service_role_key

    def stop(self) -> None:
        """Shut the hub down gracefully and wait for its thread to end (blocking)."""
        if self._hub is None or not self._thread.is_alive():
            return
        done = asyncio.run_coroutine_threadsafe(self._hub.stop(), self._loop)
        try:
            done.result(timeout=SHUTDOWN_TIMEOUT_S * 3)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=SHUTDOWN_TIMEOUT_S * 3)


def start_hub_in_thread(config: HubConfig, host: str = "127.0.0.1", port: int = 0) -> ThreadedHub:
    """Start a hub on its own thread and loop; returns once it serves."""
    return ThreadedHub(config, host, port).start()
