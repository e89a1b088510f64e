"""The Calls page of the settings dialog: devices and STUN/TURN servers written to a real
settings file, TURN credentials to a keyring (never to the file)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from gfdesk import bridge
from gfdesk.calls.camera import Camera
from gfdesk.config import CallDevices, IceServer, read_calls, read_signalling, save_calls
from gfdesk.core.icecredentials import IceCredentials, entry_name
from gfdesk.core.tokenstore import SecretStore
from gfdesk.ui.callsettings import AUTOMATIC_CAMERA, NO_CAMERA_FOUND, CallsPage
from tests.helpers.memkeyring import InsecureKeyring, MemoryKeyring

# What QtMultimedia says when it lists audio devices without a sound server, and the
# offscreen platform for a shown top-level widget.
pytestmark = pytest.mark.qt_log_ignore("PulseAudioService", "No audio device detected",
                                      "does not support propagateSizeHints")

CAMERAS = [Camera("/dev/video0", "Integrated Camera", "v4l2"),
           Camera("/dev/video2", "USB Webcam", "v4l2")]
TURN = IceServer(("turn:turn.example.org:3478",), "gamer")


async def _page(tmp_path: Path, ring: object, cameras: list[Camera]) -> CallsPage:
    page = CallsPage(tmp_path / "config.toml", IceCredentials(ring),  # type: ignore[arg-type]
                     list_cameras=lambda: list(cameras))
    page.show()
    if not page.camera.isEnabled():
        await bridge.next_emit(page.cameras_shown, 10)
    return page


async def test_devices_and_servers_are_saved_and_the_credential_goes_to_the_keyring(
        ui_app: QApplication, tmp_path: Path) -> None:
    ring = MemoryKeyring()
    page = await _page(tmp_path, ring, CAMERAS)
    assert [page.camera.itemText(i) for i in range(page.camera.count())] == [
        AUTOMATIC_CAMERA, "Integrated Camera", "USB Webcam"]
    page.camera.setCurrentIndex(2)
    page.urls.setText("stun:stun.example.org:3478")
    page.add_button.click()
    page.urls.setText("turn:turn.example.org:3478")
    page.username.setText("gamer")
    page.add_button.click()
    assert "needs its credential" in page.feedback.text() and len(page.servers) == 1
    page.credential.setText("s3cret-turn")
    page.add_button.click()
    assert page.credential.text() == "" and len(page.servers) == 2
    page.save_button.click()
    await bridge.next_emit(page.saved, 10)
    text = (tmp_path / "config.toml").read_text(encoding="utf-8")
    assert "s3cret-turn" not in text and "credential" not in text
    servers, devices = read_calls(tmp_path / "config.toml")
    assert servers == (IceServer(("stun:stun.example.org:3478",)), TURN)
    assert devices == CallDevices(camera="/dev/video2")
    assert ring.entries == {("gfdesk", entry_name(TURN)): "s3cret-turn"}
    assert "s3cret" not in "".join(page.server_list.item(i).text()
                                   for i in range(page.server_list.count()))

    # Removing the TURN server forgets its credential too.
    page.server_list.setCurrentRow(1)
    page.remove_button.click()
    page.save_button.click()
    await bridge.next_emit(page.saved, 10)
    assert ring.entries == {}
    assert read_calls(tmp_path / "config.toml")[0] == (IceServer(("stun:stun.example.org:3478",)),)


async def test_the_page_shows_what_the_file_holds_and_says_when_there_is_no_camera(
        ui_app: QApplication, tmp_path: Path) -> None:
    save_calls(tmp_path / "config.toml", (TURN,), CallDevices(camera="/dev/video9",
                                                              microphone="gone-mic"))
    page = await _page(tmp_path, MemoryKeyring(), [])
    assert page.camera.itemText(0) == NO_CAMERA_FOUND
    assert page.camera.currentText() == "/dev/video9 (not connected)"
    assert page.microphone.currentText() == "gone-mic (not connected)"
    assert page.server_list.item(0).text().startswith("turn:turn.example.org:3478  ·  gamer")
    assert tomllib.loads((tmp_path / "config.toml").read_text())["calls"]["camera"] \
        == "/dev/video9"


async def test_without_a_secure_keyring_a_turn_credential_is_not_saved_anywhere(
        ui_app: QApplication, tmp_path: Path) -> None:
    page = await _page(tmp_path, InsecureKeyring(), CAMERAS)
    page.urls.setText("turn:turn.example.org:3478")
    page.username.setText("gamer")
    page.credential.setText("s3cret-turn")
    page.add_button.click()
    await page.save()
    assert "No secure keyring" in page.feedback.text()
    assert not (tmp_path / "config.toml").exists()


async def test_the_signalling_server_goes_to_the_file_and_its_token_to_the_keyring(
        ui_app: QApplication, tmp_path: Path) -> None:
    ring = MemoryKeyring()
    page = CallsPage(tmp_path / "config.toml", IceCredentials(MemoryKeyring()),
                     list_cameras=lambda: [], secrets=SecretStore(ring))
    assert page.signalling.text() == ""
    page.signalling.setText("socket.example.org")
    page.signalling_token.setText("s3cret-sio")
    await page.save()
    assert "neither 'realtime' nor" in page.feedback.text()
    assert not (tmp_path / "config.toml").exists() and ring.entries == {}

    page.signalling.setText("https://signal.example.org/")
    await page.save()
    text = (tmp_path / "config.toml").read_text(encoding="utf-8")
    assert "s3cret" not in text
    assert read_signalling(tmp_path / "config.toml", env={}) == "https://signal.example.org"
    assert ring.entries == {("gfdesk", "secret:signalling:https://signal.example.org"):
                            "s3cret-sio"}
    assert page.signalling_token.text() == ""

    # Saving devices later keeps the server; emptying the field goes back to Realtime.
    again = CallsPage(tmp_path / "config.toml", IceCredentials(MemoryKeyring()),
                      list_cameras=lambda: [], secrets=SecretStore(ring))
    assert again.signalling.text() == "https://signal.example.org"
    again.signalling.setText("")
    again.signalling_token.setText("orphan")
    await again.save()
    assert "needs a Socket.IO server" in again.feedback.text()
    again.signalling_token.clear()
    await again.save()
    assert read_signalling(tmp_path / "config.toml", env={}) is None
