"""The calls feature as the account flow sees it: the call service, its model and the
two windows, wired.

Built once signed in, from the account's ``FeatureScope``::

    calls = CallsFeature(scope, parent=window, config_file=config.paths.config_file)
    await calls.start()            # incoming calls ring from now on
    calls.place_call(user_id, "video")
    ...
    await calls.aclose()           # a call in progress is hung up

Its ``view`` is the call window, a window of its own (shown while there is a call),
not a page of a section: the shell has nothing to lay out. Other features ask for a
call with a signal the account flow connects to ``place_call``; the tray's accept and
decline reach ``accept`` and ``decline``; ``incoming_changed`` tells the tray what rings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtMultimedia import QVideoSink
from PySide6.QtWidgets import QWidget

from gfdesk.calls.callwindow import CallWindow
from gfdesk.calls.incomingwindow import IncomingCallWindow
from gfdesk.calls.model import CallModel
from gfdesk.calls.service import CallService
from gfdesk.calls.states import CallInfo, CallKind, CallState, Direction
from gfdesk.config import IceServer
from gfdesk.fallbacknames import someone

if TYPE_CHECKING:
    from gfdesk.calls.ringer import Ringer
    from gfdesk.core.icecredentials import IceCredentials
    from gfdesk.feature import FeatureScope


@dataclass(frozen=True)
class IncomingCall:
    """What rings, for the tray.

    Attributes:
        caller: the caller's name (remote text: plain text only).
        video: a video call (else voice).
    """

    caller: str
    video: bool


class CallsFeature(QObject):
    """1:1 video and voice calls.

    Args:
        scope: the signed-in account's connection and client.
        parent: the owner; a QWidget (the main window) also owns the call windows,
            which then never count as the app's last window.
        config_file: the settings file whose ``[calls]`` table each call reads.
        ice_servers: ICE servers when there is no settings file.
        credentials: TURN credentials (the OS keyring by default).
        ringer: the incoming window's ringtone player (tests pass a silent one).
        list_cameras: lists cameras (tests pass FFmpeg test sources).
        missed_after_s: how long an outgoing call rings before it is missed.
        signalling_url: the Socket.IO server for call messages (None: Realtime).

    Signals:
        incoming_changed(object): an ``IncomingCall`` rings, or None: nothing rings.
        call_state_changed(object): the call's ``CallInfo`` after every change.
        notice(str): something to tell the user (a call that could not start).
    """

    incoming_changed = Signal(object)
    call_state_changed = Signal(object)
    notice = Signal(str)

    def __init__(self, scope: FeatureScope, parent: QObject | None = None, *,
                 config_file: Path | None = None, ice_servers: tuple[IceServer, ...] = (),
                 credentials: IceCredentials | None = None, ringer: Ringer | None = None,
                 list_cameras: object = None, missed_after_s: float | None = None,
                 signalling_url: str | None = None) -> None:
        super().__init__(parent)
        if credentials is None:
            from gfdesk.core.icecredentials import IceCredentials

            credentials = IceCredentials()
        extra = {} if missed_after_s is None else {"missed_after_s": missed_after_s}
        self.service = CallService(scope.client, scope.connection, scope.user_id,
                                   config_file=config_file, ice_servers=ice_servers,
                                   credentials=credentials, list_cameras=list_cameras,
                                   signalling_url=signalling_url, **extra)
        """The Qt-free service (engine, names, settings)."""
        self.model = CallModel(self.service, parent=self)
        """The call, for the windows."""
        owner = parent if isinstance(parent, QWidget) else None
        self.view = CallWindow(self.model, owner)
        """The call window (shown while there is a call)."""
        self.incoming = IncomingCallWindow(self.model, ringer, owner)
        """The window that rings for an incoming call."""
        self._ringing: IncomingCall | None = None
        self.model.call_changed.connect(self._on_call_changed)
        self.model.name_changed.connect(self._on_name_changed)
        self.model.notice.connect(self.notice)

    def _on_call_changed(self, info: CallInfo) -> None:
        self.call_state_changed.emit(info)
        ringing_here = info.direction is Direction.INCOMING and info.state is CallState.RINGING
        if ringing_here:
            self._set_ringing(IncomingCall(self.model.other_name or someone(),
                                           info.kind is CallKind.VIDEO))
        else:
            self._set_ringing(None)
        if not ringing_here and info.state is not CallState.ENDED and not self.view.isVisible():
            self.view.show()
            self.view.raise_()
            self.view.activateWindow()

    def _on_name_changed(self, name: str) -> None:
        if self._ringing is not None:
            self._set_ringing(IncomingCall(name, self._ringing.video))

    def _set_ringing(self, ringing: IncomingCall | None) -> None:
        if ringing != self._ringing:
            self._ringing = ringing
            self.incoming_changed.emit(ringing)

    @property
    def ringing(self) -> IncomingCall | None:
        """What rings now (None: nothing)."""
        return self._ringing

    def place_call(self, user_id: str, kind: str = "video") -> None:
        """Call ``user_id``; ``kind`` is "video" or "audio" (the other features' word)."""
        self.model.place_call(user_id, CallKind(kind))

    def show_call(self, call_id: str) -> None:
        """Bring up the window of call ``call_id`` (a ``gfdesk://call/`` link): the
        ringing window while it rings, the call window while it lasts; else say it
        is not a call in progress here."""
        info = self.model.info
        if info is None or info.id != call_id or info.state is CallState.ENDED:
            self.notice.emit(self.tr("That call is not in progress on this device."))
            return
        ringing = info.direction is Direction.INCOMING and info.state is CallState.RINGING
        window = self.incoming if ringing else self.view
        window.show()
        window.raise_()
        window.activateWindow()

    def accept(self) -> None:
        """Accept the incoming call that rings (the tray's "Accept")."""
        self.model.accept()

    def decline(self) -> None:
        """Decline the incoming call that rings (the tray's "Decline")."""
        self.model.decline()

    async def start(self) -> None:
        """Hear our calls: incoming calls ring from now on."""
        await self.model.start()

    async def aclose(self) -> None:
        """Hang up a call in progress and stop hearing calls; close the windows."""
        self.incoming.ringer.stop()
        await self.model.aclose()
        self.view.close_pop_out()
        # The windows go; a picture still on its way must not reach their sinks.
        self.model.remote.set_sink(QVideoSink(self.model.remote))
        for window in (self.view, self.incoming):
            window.hide()
            window.deleteLater()
