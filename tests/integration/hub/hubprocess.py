"""Run ``python -m gfdesk.hub`` as a child process and read what it prints."""

from __future__ import annotations

import asyncio
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

LINE_TIMEOUT_S = 30.0
URL_LINE = re.compile(r"^API URL: (https?://[^\s]+:\d+)$")
FINGERPRINT_LINE = re.compile(r"^TLS fingerprint \(SHA-256\): ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})$")
ANON_LINE = re.compile(r"^anon key: (eyJ[\w-]+\.[\w-]+\.[\w-]+)$")
SERVICE_LINE = re.compile(r"^service_role key: (eyJ[\w-]+\.[\w-]+\.[\w-]+)$")


@dataclass
class HubProcess:
    proc: asyncio.subprocess.Process
    lines: list[str]
    url: str
    anon_key: str = field(repr=False)
    service_role_key: str = field(repr=False)
    #: The TLS certificate's fingerprint, when the hub serves HTTPS.
    fingerprint: str | None = None


async def start_hub_process(data: Path, *args: str) -> HubProcess:
    """Start the hub command on a free port and wait for its status lines (three, or
    four with the TLS fingerprint after the URL)."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "gfdesk.hub", "--port", "0", "--data", str(data), *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    assert proc.stdout is not None
    lines: list[str] = []
    try:
        while not lines or not lines[-1].startswith("service_role key:"):
            raw = await asyncio.wait_for(proc.stdout.readline(), LINE_TIMEOUT_S)
            if not raw or len(lines) > 4:
                raise AssertionError(f"unexpected hub output: {lines}")
            lines.append(raw.decode().rstrip("\n"))
    except BaseException:
        await stop_hub_process(proc, kill=True)
        raise
    fingerprint = FINGERPRINT_LINE.match(lines[1]) if len(lines) == 4 else None
    url = URL_LINE.match(lines[0])
    anon = ANON_LINE.match(lines[-2])
    service = SERVICE_LINE.match(lines[-1])
    if not (url and anon and service) or (len(lines) == 4 and fingerprint is None):
        await stop_hub_process(proc, kill=True)
        raise AssertionError(f"unexpected hub output: {lines}")
    return HubProcess(proc, lines, url.group(1), anon.group(1), service.group(1),
                      fingerprint.group(1) if fingerprint else None)


async def stop_hub_process(proc: asyncio.subprocess.Process, *, kill: bool = False
                           ) -> tuple[int, bytes]:
    """Stop the child (SIGTERM, or SIGKILL with ``kill``); returns its status and stderr."""
    if proc.returncode is None:
        if kill:
            proc.kill()
        else:
            proc.terminate()
    _, err = await asyncio.wait_for(proc.communicate(), LINE_TIMEOUT_S)
    return proc.returncode if proc.returncode is not None else -1, err
