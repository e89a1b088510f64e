"""The notifications feature as the account flow sees it: the centre, the unread
count for the badges, toasts, and what a click asks to open."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from gfdesk import bridge
from gfdesk.kit.timer import NamedTimer
from gfdesk.log import ui as log
from gfdesk.notifications.model import NotificationsModel
from gfdesk.notifications.service import Notification, NotificationsService
from gfdesk.notifications.view import NotificationCentreView
from gfdesk.targets import Target, TargetKind

if TYPE_CHECKING:
    from gfdesk.feature import FeatureScope

Toast = Callable[[str, str], object]
#: Notifications arriving within this many ms make one toast.
TOAST_COALESCE_MS = 50


class NotificationsFeature(QObject):
    """Live notifications of the signed-in user.

    Args:
        scope: the signed-in account; ``read_at`` goes through its outbox (written
            directly without one).
        toast: shows a native notification (``TrayIcon.notify``); None: no toasts.
        parent: the Qt owner.

    Signals:
        unread_changed(int): for the sidebar badge and ``TrayIcon.set_unread``.
        notification_activated(object): the user clicked a notification about this
            ``gfdesk.feature.Target``: open it.
        toasted(object): a toast was shown, for this ``Notification`` (the newest of
            a burst, which makes one toast).
    """

    unread_changed = Signal(int)
    notification_activated = Signal(object)
    toasted = Signal(object)

    def __init__(self, scope: FeatureScope, parent: QObject | None = None, *,
                 toast: Toast | None = None) -> None:
        super().__init__(parent)
        self.service = NotificationsService(scope.client, scope.connection, scope.outbox,
                                            scope.user_id)
        self.model = NotificationsModel(self.service, parent=self)
        self.view = NotificationCentreView(self.model, scope.avatars)
        """The notification centre widget."""
        self._toast = toast
        self._silenced = False
        self._hide_bodies = False
        self._burst: list[Notification] = []
        self._flush = NamedTimer(self, "notifications:toast", interval_ms=TOAST_COALESCE_MS,
                                 single_shot=True)
        self._flush.timeout.connect(self._flush_toasts)
        self.service.on_loaded = self.model.set_notifications
        self.service.on_new = self.model.add
        self.service.on_actors = self.model.actors_changed
        self.model.unread_changed.connect(self.unread_changed)
        self.model.notification_received.connect(self._on_notification_received)
        self.view.activated.connect(self._on_view_activated)

    def _on_notification_received(self, item: Notification) -> None:
        actor = item.actor_id
        if actor is not None and actor not in self.service.actors:
            bridge.spawn(self._load_actor(actor), name="notifications:actor", owner=self)
        self._toast_later(item)

    async def _load_actor(self, actor: str) -> None:
        try:
            await self.service.load_actors([actor])
        except Exception as exc:  # the type badge stays; the next notification tries again
            log.info("notifications: actor %s not loaded: %s", actor, exc)

    def mark_read_about(self, target: Target) -> None:
        """Mark what is about ``target`` read (connect the chat's ``conversation_read``
        through a ``Target``)."""
        self.model.mark_read_about(target)

    def conversation_read(self, conversation_id: str) -> None:
        """The chat read ``conversation_id``: its "new message" notifications are read."""
        self.model.mark_read_about(Target(TargetKind.CONVERSATION, conversation_id))

    def _toast_later(self, item: Notification) -> None:
        # Coalesced: a gap fill after a long time offline delivers many at once, and
        # a wall of toasts helps nobody. Do-not-disturb counts at arrival.
        if self._toast is None or self._silenced:
            return
        self._burst.append(item)
        if not self._flush.isActive():
            self._flush.start()

    def _flush_toasts(self) -> None:
        burst, self._burst = self._burst, []
        if not burst or self._toast is None:
            return
        newest = burst[-1]
        if len(burst) == 1:
            self._toast(newest.title, self.tr("Hidden in streamer mode")
                        if self._hide_bodies else newest.body)
        else:
            self._toast(f"{len(burst)} new notifications", newest.title)
        self.toasted.emit(newest)

    def set_silenced(self, silenced: bool) -> None:
        """Do not disturb (connect the friends feature's ``silenced_changed``): no
        toasts while on; it counts when a notification arrives."""
        self._silenced = silenced

    def set_streamer_mode(self, on: bool) -> None:
        """Streamer mode: no notification body in toasts or in the list."""
        self._hide_bodies = on
        self.view.set_bodies_hidden(on)

    def _on_view_activated(self, item: Notification) -> None:
        target = item.target
        if target is not None:
            self.notification_activated.emit(target)

    async def start(self) -> None:
        """Load the recent notifications and subscribe to new ones."""
        await self.service.start()

    async def aclose(self) -> None:
        await self.service.aclose()
