"""The Calls page of the settings dialog: camera, microphone and speaker, the STUN and
TURN servers calls use, and which server carries call signalling (Supabase Realtime, or a
Socket.IO server with its token in the OS keyring; that choice applies from the next
sign-in, when the account's calls are set up).

What is saved goes to the settings file's ``[calls]`` table (``config.save_calls``) and
applies from the next call on (each call reads it when it starts). A TURN server's
credential is a secret: it goes to the OS keyring (``core.icecredentials``), never to
the file nor to a log, and the page only ever says whether one is stored. Cameras are
listed through FFmpeg (``calls.camera``) on a worker thread, when the page is built;
microphones and speakers through QtMultimedia.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gfdesk import bridge
from gfdesk.config import (
    CallDevices,
    ConfigError,
    IceServer,
    ice_server,
    read_calls,
    read_signalling,
    save_calls,
    signalling_choice,
)
from gfdesk.core.icecredentials import IceCredentials
from gfdesk.core.tokenstore import SecretStore, signalling_secret
from gfdesk.i18nmark import QT_TRANSLATE_NOOP
from gfdesk.kit.restyle import repolish
from gfdesk.log import ui as log

AUTOMATIC_CAMERA = QT_TRANSLATE_NOOP(
    "callsettings", "Automatic (the first camera; a test pattern if there is none)")
SYSTEM_DEFAULT = QT_TRANSLATE_NOOP("callsettings", "System default")
NO_CAMERA_FOUND = QT_TRANSLATE_NOOP("callsettings", "No camera found: calls send a test pattern")
SERVER_LIST_HEIGHT = 64


class _CameraRelay(QObject):
    """Carries the camera list from the worker thread. It outlives the page if the
    dialog closes first (the thread holds it), so the thread never emits on a deleted
    object; the queued connection to the page goes with the page.

    Signals:
        listed(object): the cameras found (a list).
    """

    listed = Signal(object)


def _device_id(device: Any) -> str:
    return bytes(device.id().data()).decode("utf-8", "replace")


def _list(lister: Callable[[], list[Any]], relay: _CameraRelay) -> None:
    # On a worker thread: FFmpeg's device listing blocks.
    try:
        cameras = list(lister())
    except Exception as exc:  # a broken capture stack: the page stays usable
        log.info("settings: cameras could not be listed (%s)", type(exc).__name__)
        cameras = []
    relay.listed.emit(cameras)


class CallsPage(QWidget):
    """Devices and ICE servers for calls.

    Args:
        config_file: the settings file.
        credentials: the keyring of TURN credentials.
        list_cameras: lists cameras (blocking; run on a worker thread).
        parent: the dialog.

    Signals:
        saved(): the settings were written (the feedback line says so).
        cameras_shown(): the camera list is filled in.
    """

    saved = Signal()
    cameras_shown = Signal()

    def __init__(self, config_file: Path, credentials: IceCredentials | None = None,
                 list_cameras: Callable[[], list[Any]] | None = None,
                 parent: QWidget | None = None, *, secrets: SecretStore | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callsPage")
        self._config_file = config_file
        self._credentials = credentials or IceCredentials()
        self._secrets = secrets or SecretStore()
        self._list_cameras = list_cameras
        servers, devices = read_calls(config_file)
        self._devices = devices
        #: The servers listed, and the credentials typed for them in this visit.
        self.servers: list[IceServer] = list(servers)
        self._typed: dict[IceServer, str] = {}
        self._removed: list[IceServer] = []

        devices_box = QGroupBox(self.tr("DEVICES"), self)
        self.camera = QComboBox(devices_box)
        self.camera.setObjectName("cameraChoice")
        self.camera.addItem(self.tr("Looking for cameras…"), None)
        self.camera.setEnabled(False)
        # Filled when the page is first shown: QtMultimedia starts its audio backend on
        # first use, which need not happen for someone who only opens Backend.
        self.microphone = self._audio_choice("microphoneChoice", devices.microphone)
        self.speaker = self._audio_choice("speakerChoice", devices.speaker)
        self._audio_listed = False
        form = QFormLayout(devices_box)
        form.setHorizontalSpacing(16)
        form.addRow(self.tr("Camera"), self.camera)
        form.addRow(self.tr("Microphone"), self.microphone)
        form.addRow(self.tr("Speaker"), self.speaker)

        ice_box = QGroupBox(self.tr("STUN AND TURN SERVERS"), self)
        self.server_list = QListWidget(ice_box)
        self.server_list.setObjectName("iceServerList")
        self.server_list.setMaximumHeight(SERVER_LIST_HEIGHT)
        self.urls = QLineEdit(ice_box)
        self.urls.setObjectName("iceUrls")
        self.urls.setPlaceholderText(
            self.tr("turn:turn.example.org:3478 (several: separate with commas)"))
        self.username = QLineEdit(ice_box)
        self.username.setObjectName("iceUsername")
        self.username.setPlaceholderText(self.tr("TURN only"))
        self.credential = QLineEdit(ice_box)
        self.credential.setObjectName("iceCredential")
        self.credential.setEchoMode(QLineEdit.EchoMode.Password)
        self.credential.setPlaceholderText(self.tr("TURN only; kept in the system keyring"))
        self._fields = (self.urls, self.username, self.credential)
        for field in self._fields:
            # Never squeezed below a readable height when the dialog is short.
            field.setMinimumHeight(field.sizeHint().height())
        self.add_button = QPushButton(self.tr("Add server"), ice_box)
        self.add_button.setObjectName("addIceServer")
        self.remove_button = QPushButton(self.tr("Remove"), ice_box)
        self.remove_button.setObjectName("removeIceServer")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        add_form = QFormLayout()
        add_form.setHorizontalSpacing(16)
        add_form.addRow(self.tr("URLs"), self.urls)
        add_form.addRow(self.tr("Username"), self.username)
        add_form.addRow(self.tr("Credential"), self.credential)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.add_button)
        ice_layout = QVBoxLayout(ice_box)
        ice_layout.addWidget(self.server_list)
        ice_layout.addLayout(add_form)
        ice_layout.addLayout(buttons)

        signalling_box = QGroupBox(self.tr("CALL SIGNALLING"), self)
        self.signalling = QLineEdit(signalling_box)
        self.signalling.setObjectName("signallingServer")
        self.signalling.setPlaceholderText(self.tr("Empty: Supabase Realtime (the default)"))
        # The file's own value, not GFDESK_SIGNALLING: this page edits the file.
        self.signalling.setText(read_signalling(config_file, env={}) or "")
        self.signalling_token = QLineEdit(signalling_box)
        self.signalling_token.setObjectName("signallingToken")
        self.signalling_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.signalling_token.setPlaceholderText(
            self.tr("Kept in the system keyring; empty: the project's anon key"))
        for field in (self.signalling, self.signalling_token):
            field.setMinimumHeight(field.sizeHint().height())
        signalling_form = QFormLayout(signalling_box)
        signalling_form.setHorizontalSpacing(16)
        signalling_form.addRow(self.tr("Socket.IO server"), self.signalling)
        signalling_form.addRow(self.tr("Server token"), self.signalling_token)

        self.feedback = QLabel(self)
        self.feedback.setObjectName("callsFeedback")
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveCallSettings")
        self.save_button.clicked.connect(self._on_save_clicked)
        note = QLabel(self.tr("Changes apply from the next call. With no server, calls connect "
                      "directly (fine on one network; across the internet most need "
                      "STUN, and TURN behind strict firewalls)."), self)
        note.setObjectName("callsNote")
        note.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.feedback, 1)
        bottom.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.addWidget(devices_box)
        layout.addWidget(ice_box)
        layout.addWidget(signalling_box)
        layout.addLayout(bottom)
        layout.addWidget(note)
        layout.addStretch(1)
        self._show_servers()
        self._relay = _CameraRelay()
        self._relay.listed.connect(self._on_cameras_listed, Qt.ConnectionType.QueuedConnection)
        lister = self._list_cameras
        if lister is None:
            # Imported here, on the GUI thread: two threads importing at once upset
            # PySide's import hook.
            from gfdesk.calls.camera import list_cameras

            lister = list_cameras
        threading.Thread(target=_list, args=(lister, self._relay), name="settings-cameras",
                         daemon=True).start()

    def _audio_choice(self, name: str, chosen: str | None) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(QCoreApplication.translate("callsettings", SYSTEM_DEFAULT), None)
        if chosen:
            combo.addItem(self.tr("{device} (not connected)").format(device=chosen), chosen)
            combo.setCurrentIndex(1)
        return combo

    def list_audio_devices(self) -> None:
        """Offer the microphones and speakers there are now (keeping the choices)."""
        self._audio_listed = True
        for combo, devices in ((self.microphone, QMediaDevices.audioInputs()),
                               (self.speaker, QMediaDevices.audioOutputs())):
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(QCoreApplication.translate("callsettings", SYSTEM_DEFAULT), None)
            for device in devices:
                combo.addItem(device.description(), _device_id(device))
            if chosen:
                index = combo.findData(chosen)
                if index < 0:  # chosen before, not plugged in now: keep it
                    combo.addItem(self.tr("{device} (not connected)").format(device=chosen), chosen)
                    index = combo.count() - 1
                combo.setCurrentIndex(index)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._audio_listed:
            self.list_audio_devices()

    def _on_cameras_listed(self, cameras: list[Any]) -> None:
        self.camera.clear()
        self.camera.addItem(QCoreApplication.translate(
            "callsettings", AUTOMATIC_CAMERA if cameras else NO_CAMERA_FOUND), None)
        for camera in cameras:
            self.camera.addItem(camera.description, camera.name)
        chosen = self._devices.camera
        if chosen:
            index = self.camera.findData(chosen)
            if index < 0:
                self.camera.addItem(self.tr("{device} (not connected)").format(device=chosen),
                                    chosen)
                index = self.camera.count() - 1
            self.camera.setCurrentIndex(index)
        self.camera.setEnabled(True)
        self.cameras_shown.emit()

    # -- ICE servers ------------------------------------------------------------------

    def _show_servers(self) -> None:
        self.server_list.clear()
        for server in self.servers:
            text = ", ".join(server.urls)
            if server.username:
                text += f"  ·  {server.username}"
            if any(u.lower().startswith("turn") for u in server.urls):
                text += (self.tr("  ·  credential entered") if server in self._typed
                         else self.tr("  ·  credential in the keyring (if saved)"))
            self.server_list.addItem(QListWidgetItem(text))
        self.remove_button.setEnabled(bool(self.servers))

    def _on_add_clicked(self) -> None:
        urls = [u.strip() for u in self.urls.text().split(",") if u.strip()]
        username = self.username.text().strip() or None
        credential = self.credential.text()
        try:
            server = ice_server({"urls": urls, "username": username,
                                 "credential": credential or None},
                                need_credential=False)
        except ConfigError as exc:
            self._say(exc.shown(), success=False)
            return
        turn = any(u.lower().startswith("turn") for u in server.urls)
        if turn and not credential:
            self._say(self.tr("A TURN server needs its credential."), success=False)
            return
        server = dataclasses.replace(server, credential=None)
        self.servers.append(server)
        if turn:
            self._typed[server] = credential
        for field in self._fields:
            field.clear()
        self._show_servers()
        self._say(self.tr("Added; press Save to keep it."), success=True)

    def _on_remove_clicked(self) -> None:
        row = self.server_list.currentRow()
        if row < 0:
            row = len(self.servers) - 1
        if 0 <= row < len(self.servers):
            server = self.servers.pop(row)
            self._typed.pop(server, None)
            self._removed.append(server)
            self._show_servers()

    # -- saving -------------------------------------------------------------------------

    def chosen_devices(self) -> CallDevices:
        return CallDevices(camera=self.camera.currentData(),
                           microphone=self.microphone.currentData(),
                           speaker=self.speaker.currentData())

    def _on_save_clicked(self) -> None:
        bridge.spawn(self.save(), name="settings:save-calls", owner=self, group="save")

    async def save(self) -> None:
        """Write the devices and servers; credentials typed here go to the keyring."""
        if self._typed and not self._credentials.available:
            self._say(self.tr("No secure keyring on this system: a TURN credential cannot be "
                              "kept. Nothing was saved."), success=False)
            return
        token = self.signalling_token.text()
        try:
            signalling = signalling_choice(self.signalling.text() or "realtime")
        except ConfigError as exc:
            self._say(self.tr("Socket.IO server: {reason}. Nothing was saved.").format(
                reason=exc.shown()),
                      success=False)
            return
        if token and signalling is None:
            self._say(self.tr("A server token needs a Socket.IO server. Nothing was saved."),
                      success=False)
            return
        if token and not self._secrets.available:
            self._say(self.tr("No secure keyring on this system: the server token cannot be "
                              "kept. Nothing was saved."), success=False)
            return
        try:
            if token and signalling is not None:
                await self._secrets.save(signalling_secret(signalling), token)
            for server, credential in self._typed.items():
                await self._credentials.save(server, credential)
            for server in self._removed:
                if server not in self.servers:
                    await self._credentials.delete(server)
            await asyncio.to_thread(save_calls, self._config_file, tuple(self.servers),
                                    self.chosen_devices(), signalling=signalling)
        except ConfigError as exc:
            self._say(exc.shown(), success=False)
            return
        except Exception as exc:  # the keyring refused: say which kind of failure
            self._say(self.tr("Could not save ({kind}).").format(kind=type(exc).__name__),
                      success=False)
            return
        self._typed.clear()
        self._removed.clear()
        self.signalling_token.clear()
        self._show_servers()
        self._say(self.tr("Saved. The next call uses these settings; a new signalling "
                          "server, from the next sign-in."), success=True)
        self.saved.emit()

    def _say(self, text: str, *, success: bool) -> None:
        self.feedback.setText(text)
        self.feedback.setProperty("kind", "success" if success else "error")
        repolish(self.feedback)
