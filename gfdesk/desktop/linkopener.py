"""Opening ``gfdesk://`` links in this window: read strictly (``links``), kept until an
account's features are there, then opened the way a clicked notification is
(``Wiring.open``).

Links arrive on the command line (Linux and Windows start ``gfdesk <link>``, and a
running gfdesk gets them from the later launch) or, on macOS, as an Apple event that
Qt delivers to the application as a ``QFileOpenEvent`` with the URL (``watch``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

from gfdesk.desktop.links import LinkError, parse_link
from gfdesk.log import app as log

if TYPE_CHECKING:
    from gfdesk.featurewiring import Wiring
    from gfdesk.targets import Target

#: Links waiting for a sign-in; older ones give way to newer.
MAX_PENDING = 8


class LinkOpener(QObject):
    """Opens links now, or once someone is signed in.

    Args:
        warn: tells the user about a refused link.
    """

    def __init__(self, warn: Callable[[str], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._warn = warn
        self._pending: deque[Target] = deque(maxlen=MAX_PENDING)
        self._wiring: Wiring | None = None

    @property
    def pending(self) -> tuple[Target, ...]:
        return tuple(self._pending)

    def open_links(self, links: Iterable[str]) -> None:
        """Open each link (a refused one is said, with why)."""
        for link in links:
            try:
                target = parse_link(link)
            except LinkError as exc:
                log.warning("refused the link %r: %s", link[:100], exc)
                self._warn(QCoreApplication.translate(
                    "LinkOpener", "Could not open the link {link}: {reason}").format(
                        link=link[:100], reason=exc))
                continue
            log.info("opening link %s", link)
            self._pending.append(target)
        self._flush()

    def watch(self, app: QCoreApplication) -> None:
        """Open the links the system hands to ``app`` while it runs (macOS only: an
        application-wide filter sees every event of the app)."""
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if event.type() is QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            url = event.url().toString()
            if url.lower().startswith("gfdesk:"):
                self.open_links([url])
                return True
        return super().eventFilter(watched, event)

    def set_wiring(self, wiring: Wiring | None) -> None:
        """The signed-in account's features (None: nobody signed in)."""
        self._wiring = wiring
        self._flush()

    def _flush(self) -> None:
        if self._wiring is None:
            return
        while self._pending:
            target = self._pending.popleft()
            log.info("link opened: %s %s", target.kind.value, target.id)
            self._wiring.open(target)
