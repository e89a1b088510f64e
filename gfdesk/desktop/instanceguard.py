"""The running instance's side of "one gfdesk per user, profile and data folder", for
every profile this run uses: it holds each profile's lock and listens on its socket.

``main`` takes the start profile's lock before anything else (``instance``); the guard
adopts it and listens. Switching to another profile on the sign-in screen claims that
profile too: refused while another gfdesk runs it (that one would share the data
folder, and for the demo a second hub and its bots), which is then brought up instead.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from gfdesk.desktop.instance import InstanceLock, Request, instance_key
from gfdesk.desktop.instanceserver import InstanceServer, hand_over
from gfdesk.log import app as log

#: How long bringing up the other gfdesk may take before it is given up.
HAND_OVER_TIMEOUT_S = 3.0


class InstanceGuard(QObject):
    """Holds this run's profiles.

    Args:
        data_dir: the data folder the locks live in.

    Signals:
        request_received(object): a later launch's ``instance.Request`` (any profile
            held here).
    """

    request_received = Signal(object)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._held: dict[str, tuple[InstanceLock, InstanceServer]] = {}

    @property
    def profiles(self) -> tuple[str, ...]:
        return tuple(self._held)

    def adopt(self, profile: str, lock: InstanceLock) -> None:
        """Take over ``lock`` (taken in ``main``) and listen for later launches."""
        server = InstanceServer(instance_key(self._data_dir, profile), parent=self)
        server.request_received.connect(self.request_received)
        server.listen()
        self._held[profile] = (lock, server)

    def claim(self, profile: str) -> bool:
        """Hold ``profile`` too; False while another process holds it.

        Raises:
            OSError: the data folder cannot be written.
        """
        if profile in self._held:
            return True
        lock = InstanceLock.for_profile(self._data_dir, profile)
        if not lock.acquire():
            return False
        self.adopt(profile, lock)
        return True

    async def bring_up(self, profile: str) -> bool:
        """Ask the gfdesk that holds ``profile`` to show its window (a worker thread:
        connecting blocks); returns whether it answered."""
        key = instance_key(self._data_dir, profile)
        return await asyncio.to_thread(hand_over, key, Request(), HAND_OVER_TIMEOUT_S)

    def release(self) -> None:
        """Stop listening and let every lock go (shutdown)."""
        for profile, (lock, server) in self._held.items():
            server.close()
            lock.release()
            log.debug("single instance: released profile %s", profile)
        self._held.clear()
