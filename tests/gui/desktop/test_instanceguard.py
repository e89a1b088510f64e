"""The instance guard: each profile claimed once per data folder (the lock is the OS's,
so a second claim fails even in the same process), a later launch's request reaches
the holder over the real local socket, and release frees the profile."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtWidgets import QApplication

from gfdesk import bridge
from gfdesk.desktop.instance import Request
from gfdesk.desktop.instanceguard import InstanceGuard


async def test_a_profile_held_elsewhere_is_refused_and_brought_up(
        ui_app: QApplication, tmp_path: Path) -> None:
    running = InstanceGuard(tmp_path)
    switching = InstanceGuard(tmp_path)
    try:
        assert running.claim("demo")
        assert running.claim("demo")  # already ours
        assert not switching.claim("demo")
        assert switching.claim("lan")
        assert switching.profiles == ("lan",)
        asked = asyncio.ensure_future(switching.bring_up("demo"))
        (request,) = await bridge.next_emit(running.request_received, 10)
        assert request == Request()
        assert await asked
    finally:
        running.release()
    assert switching.claim("demo")
    switching.release()
    assert running.claim("demo")
    running.release()


async def test_bringing_up_a_profile_nobody_runs_gives_up(
        ui_app: QApplication, tmp_path: Path) -> None:
    guard = InstanceGuard(tmp_path)
    assert not await guard.bring_up("nobody")
