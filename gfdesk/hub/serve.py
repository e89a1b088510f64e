"""``gfdesk hub``: run the hub as a LAN server until SIGINT/SIGTERM. Qt-free.

Prints the connection details the way ``supabase status`` does::

    API URL: https://192.168.1.20:54321
    TLS fingerprint (SHA-256): 3A:7F:...
    anon key: eyJ...
    service_role key: eyJ...

The keys are printed on purpose (they are what players paste into their app); they are
never logged. Listening beyond loopback, the hub serves HTTPS and WSS with a
certificate it made on first start (kept in its data dir; ``gfdesk.hub.tls``), prints
the certificate's fingerprint for players to compare with what their app shows, and
announces itself on the LAN (mDNS ``_gfdesk._tcp``, ``gfdesk.hub.discovery``).
``--no-tls`` serves plain HTTP for a host who puts the hub behind a TLS proxy of their
own. It warns that anyone who can reach it can use the hub: the anon key gives
sign-up, and the service_role key bypasses every rule.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import ipaddress
import logging
import signal
import sys
from pathlib import Path

import platformdirs

from gfdesk.hub.context import HubConfig
from gfdesk.hub.discovery import Announcement, announce
from gfdesk.hub.runner import start_hub
from gfdesk.hub.tls import load_or_create
from gfdesk.log import hub as log

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 54321
LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def default_data_dir() -> Path:
    """Where ``gfdesk hub`` keeps its database and secret unless told otherwise."""
    return Path(platformdirs.user_data_dir("gfdesk")) / "hub"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gfdesk hub",
        description="Run a GamerFlick hub (Supabase-compatible Auth/REST/Realtime) for a LAN.")
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help=f"address to listen on (default {DEFAULT_HOST}, this machine only)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"TCP port (default {DEFAULT_PORT}; 0 picks a free one)")
    parser.add_argument("--data", type=Path, default=None, metavar="DIR",
                        help=f"data directory (default {default_data_dir()})")
    parser.add_argument("--demo", action="store_true",
                        help="seed the demo world (demo account, bot friends, a tournament)")
    parser.add_argument("--token-ttl", type=int, default=None, metavar="SECONDS",
                        help="lifetime of user access tokens (default 3600)")
    parser.add_argument("--no-tls", action="store_true",
                        help="serve plain HTTP beyond loopback too (behind your own TLS "
                             "proxy); by default a non-loopback hub serves HTTPS")
    parser.add_argument("--no-announce", action="store_true",
                        help="do not announce the hub on the LAN (mDNS _gfdesk._tcp)")
    return parser


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def _serve(config: HubConfig, host: str, port: int, *, tls: bool,
                 advertise: bool) -> None:
    # Handlers first: a supervisor may send SIGTERM as soon as it reads the URL line.
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(signum, stop.set)
        except (NotImplementedError, RuntimeError):
            # Windows: SIGINT arrives as KeyboardInterrupt instead (handled in main).
            pass
    certificate = load_or_create(config.data_dir, host) if tls else None
    hub = await start_hub(config, host, port, tls=certificate)
    print(f"API URL: {hub.url}", flush=True)
    if hub.fingerprint is not None:
        print(f"TLS fingerprint (SHA-256): {hub.fingerprint}", flush=True)
    print(f"anon key: {hub.anon_key}", flush=True)
    print(f"service_role key: {hub.service_role_key}", flush=True)
    announcement: Announcement | None = None
    if not is_loopback(host):
        where = hub.url.split("://", 1)[1]
        print(f"WARNING: listening on {host}: anyone on that network who can reach "
              f"{where} can use the hub (sign up with the anon key; the service_role key "
              "bypasses every rule). Share only the anon key.", file=sys.stderr, flush=True)
        if certificate is None:
            print("WARNING: --no-tls: passwords and tokens cross the network in clear text "
                  "unless a TLS proxy stands in front of the hub.", file=sys.stderr, flush=True)
        if advertise:
            try:
                announcement = await announce(hub.url, hub.anon_key, hub.fingerprint)
            except OSError as exc:
                log.warning("hub: cannot announce on the LAN: %s", exc)
    try:
        await stop.wait()
    finally:
        log.info("hub: shutting down")
        if announcement is not None:
            await announcement.aclose()
        await hub.stop()


def main(argv: list[str]) -> int:
    """Entry point of ``gfdesk hub`` and ``python -m gfdesk.hub``.

    Args:
        argv: the arguments after ``hub``.

    Returns:
        The process exit status: 0 after a clean shutdown, 2 for bad arguments, 1 if
        the hub could not start.
    """
    args = _parser().parse_args(argv)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format=LOG_FORMAT, stream=sys.stderr)
    config = HubConfig(data_dir=args.data or default_data_dir(), demo=args.demo)
    if args.token_ttl is not None:
        if args.token_ttl <= 0:
            print("gfdesk hub: --token-ttl must be positive", file=sys.stderr)
            return 2
        config = dataclasses.replace(config, access_token_ttl_s=args.token_ttl)
    try:
        tls = not is_loopback(args.host) and not args.no_tls
        asyncio.run(_serve(config, args.host, args.port, tls=tls,
                           advertise=not args.no_announce))
    except KeyboardInterrupt:
        return 0
    except OSError as exc:
        print(f"gfdesk hub: cannot start: {exc}", file=sys.stderr)
        return 1
    return 0
