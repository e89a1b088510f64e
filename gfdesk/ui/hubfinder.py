"""The hubs found on this network, for the profile form: pick one, no address to type.

``HubFinderView`` runs a ``HubBrowser`` (mDNS ``_gfdesk._tcp``) while it exists and
lists each hub a ``gfdesk hub`` announces: its name, URL and the start of its TLS
fingerprint. Choosing one emits it; the settings dialog fills the profile form with
it. The fingerprint is shown again, whole, the first time the app connects.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from gfdesk import bridge
from gfdesk.core.hubdiscovery import DiscoveredHub, HubBrowser
from gfdesk.i18nmark import QT_TRANSLATE_NOOP
from gfdesk.log import ui as log

HUB_ROLE = Qt.ItemDataRole.UserRole + 1
EMPTY_TEXT = QT_TRANSLATE_NOOP("hubfinder", "Looking for hubs on this network…")
UNAVAILABLE_TEXT = QT_TRANSLATE_NOOP("hubfinder", "Hubs cannot be looked for here.")
LIST_HEIGHT = 72


def describe(hub: DiscoveredHub) -> str:
    """One line about a hub: name, URL, and how its connection is protected."""
    tls = (f"TLS {hub.fingerprint[:23]}…"  # i18n: verbatim (a fingerprint)
           if hub.tls and hub.fingerprint else QCoreApplication.translate("hubfinder", "no TLS"))
    return f"{hub.name}  ·  {hub.url}  ·  {tls}"


class HubFinderView(QGroupBox):
    """Lists the LAN hubs that announce themselves.

    Signals:
        hub_chosen(object): the player picked this ``DiscoveredHub`` (a double click,
            or Enter on it).
        hubs_changed(): a hub appeared, changed or left (``hubs()`` lists them).
    """

    hub_chosen = Signal(object)
    hubs_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *,
                 interfaces: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("HUBS ON THIS NETWORK"))
        self.setObjectName("hubFinder")
        self._list = QListWidget(self)
        self._list.setObjectName("hubList")
        self._list.setMaximumHeight(LIST_HEIGHT)
        self._list.itemActivated.connect(self._on_item_activated)
        self._empty = QLabel(QCoreApplication.translate("hubfinder", EMPTY_TEXT), self)
        self._empty.setTextFormat(Qt.TextFormat.PlainText)
        self._empty.setObjectName("hubFinderEmpty")
        layout = QVBoxLayout(self)
        layout.addWidget(self._empty)
        layout.addWidget(self._list)
        self._list.hide()
        self._browser = HubBrowser(self._on_found, self._on_lost, interfaces=interfaces)
        self._task: asyncio.Task[None] | None = None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Look for hubs from the first time the view is shown until it is destroyed."""
        super().showEvent(event)
        if self._task is not None:
            return
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # no event loop runs the app (a synchronous test)
            self._empty.setText(QCoreApplication.translate("hubfinder", UNAVAILABLE_TEXT))
            return
        self._task = bridge.spawn(self._browse(), name="hubfinder:browse", owner=self)

    async def aclose(self) -> None:
        """Stop looking for hubs (the dialog's owner calls it before it goes)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def _browse(self) -> None:
        # Runs until the view goes (bridge cancels it with its owner).
        try:
            await self._browser.start()
        except OSError as exc:
            log.info("hub discovery unavailable: %s", exc)
            self._empty.setText(QCoreApplication.translate("hubfinder", UNAVAILABLE_TEXT))
            return
        try:
            await asyncio.Event().wait()
        finally:
            await self._browser.aclose()

    def hubs(self) -> list[DiscoveredHub]:
        """The hubs listed now, in the order found."""
        return [self._list.item(i).data(HUB_ROLE) for i in range(self._list.count())]

    def _row_of(self, name: str) -> int:
        for row in range(self._list.count()):
            if self._list.item(row).data(HUB_ROLE).name == name:
                return row
        return -1

    def _on_found(self, hub: DiscoveredHub) -> None:
        row = self._row_of(hub.name)
        item = self._list.item(row) if row >= 0 else QListWidgetItem(self._list)
        item.setText(describe(hub))  # QListWidgetItem text is never read as rich text
        item.setData(HUB_ROLE, hub)
        self._empty.hide()
        self._list.show()
        self.hubs_changed.emit()

    def _on_lost(self, name: str) -> None:
        row = self._row_of(name)
        if row >= 0:
            self._list.takeItem(row)
        if not self._list.count():
            self._list.hide()
            self._empty.show()
        self.hubs_changed.emit()

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.hub_chosen.emit(item.data(HUB_ROLE))

