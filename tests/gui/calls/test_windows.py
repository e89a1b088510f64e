"""The calls feature's windows against a real engine on the other end, through the hub:
the incoming-call window, the call window's buttons, the quality indicator, the pop-out
window, and the feature's signals. Offscreen a video widget's pixels cannot be read
back, so what is checked is the picture handed to its video sink.

Named to run after ``test_render``: its soak counts references to None across the
whole process, and the realtime clients closed here leave 10 s push timers behind.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import SignalInstance
from PySide6.QtMultimedia import QVideoFrame, QVideoSink
from PySide6.QtWidgets import QApplication

from gfdesk.calls.callwindow import AVATAR_PAGE, POPPED_PAGE, VIDEO_PAGE
from gfdesk.calls.camera import Camera
from gfdesk.calls.feature import CallsFeature, IncomingCall
from gfdesk.calls.siosignaling import SocketIOSignaling
from gfdesk.calls.states import CallState, EndReason
from gfdesk.calls.testpattern import read_counter
from gfdesk.calls.wording import SYNTHETIC_AUDIO, SYNTHETIC_VIDEO
from gfdesk.config import CallDevices, read_signalling, save_calls
from gfdesk.hub.runner import RunningHub
from tests.helpers.callworld import CallWorld, Party, call_world
from tests.helpers.hubfixture import service_client, user_client, user_id
from tests.helpers.scopes import scope_for
from tests.helpers.supervisors import supervisor_for

__all__ = ["call_world"]

# What the offscreen platform and QtMultimedia say on a machine without a display,
# GPU, sound server or sound card (the offscreen backing store also complains when a
# video widget's surface goes while a repaint of it is pending).
pytestmark = [pytest.mark.slow,
              pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                        "does not support raise", "No RHI backend",
                                        "No audio device detected", "PulseAudioService",
                                        r"QBackingStore::flush\(\) called for")]

TIMEOUT_S = 20.0
LAVFI = (Camera("testsrc=size=320x240:rate=30", "Test camera A", "lavfi"),
         Camera("testsrc2=size=176x144:rate=30", "Test camera B", "lavfi"))


async def until(check: Callable[[], bool], *signals: SignalInstance,
                timeout: float = TIMEOUT_S) -> None:
    """Wait until ``check()`` holds, looking again whenever one of ``signals`` fires."""
    changed = asyncio.Event()

    def poke(*_: object) -> None:
        changed.set()

    for signal in signals:
        signal.connect(poke)
    try:
        async with asyncio.timeout(timeout):
            while not check():
                changed.clear()
                await changed.wait()
    finally:
        for signal in signals:
            signal.disconnect(poke)


class Here:
    """The user of the windows: Cara, with the calls feature."""

    def __init__(self, feature: CallsFeature, uid: str) -> None:
        self.feature = feature
        self.user_id = uid
        self.rings: list[IncomingCall | None] = []
        feature.incoming_changed.connect(self.rings.append)

    @property
    def model(self) -> Any:
        return self.feature.model

    async def state(self, state: CallState) -> None:
        await until(lambda: self.model.info is not None and self.model.info.state is state,
                    self.model.call_changed)

    async def pictures(self, count: int, renderer: Any = None) -> None:
        renderer = renderer or self.model.remote
        target = renderer.shown + count
        await until(lambda: renderer.shown >= target, renderer.frame_shown)


def _counter(sink: QVideoSink) -> int | None:
    video = sink.videoFrame()
    assert video.isValid() and video.map(QVideoFrame.MapMode.ReadOnly)
    try:
        return read_counter(memoryview(video.bits(0)), video.width(), video.height(),
                            video.bytesPerLine(0))
    finally:
        video.unmap()


@contextlib.asynccontextmanager
async def _here(hub: RunningHub, tmp_path: Path, cameras: tuple[Camera, ...] = (),
                missed_after_s: float | None = None,
                signalling: str | None = None) -> AsyncIterator[Here]:
    client = await user_client(hub, "cara@example.com", username="cara", display_name="Cara")
    uid = await user_id(client)
    connection = supervisor_for(client)
    connection.start()
    config_file = tmp_path / "config.toml"
    save_calls(config_file, (), CallDevices(camera=cameras[1].name if cameras else None),
               signalling=signalling)
    feature = CallsFeature(scope_for(connection, client, uid), config_file=config_file,
                           list_cameras=lambda: list(cameras),
                           missed_after_s=missed_after_s,
                           signalling_url=read_signalling(config_file, env={}))
    await feature.start()
    await feature.service.signaling.wait_live()
    gone = [asyncio.Event(), asyncio.Event()]
    feature.view.destroyed.connect(gone[0].set)
    feature.incoming.destroyed.connect(gone[1].set)
    try:
        yield Here(feature, uid)
    finally:
        await feature.aclose()
        await connection.aclose()
        # The windows are deleted now, not while a later test styles the application.
        async with asyncio.timeout(5):
            for event in gone:
                await event.wait()


@pytest.fixture
async def here(ui_app: QApplication, hub: RunningHub, tmp_path: Path) -> AsyncIterator[Here]:
    async with _here(hub, tmp_path) as made:
        yield made


async def _row(hub: RunningHub, call_id: str) -> dict[str, Any]:
    service = await service_client(hub)
    return dict((await service.table("calls").select("*").eq("id", call_id)
                 .execute()).data[0])


async def _accepted_from_the_window(here: Here, ada: Party) -> None:
    await ada.engine.place(here.user_id)
    window = here.feature.incoming
    await until(lambda: window.isVisible() and window.name.text() == "Ada",
                here.model.call_changed, here.model.name_changed)
    assert window.kind.text() == "Incoming video call"
    assert here.rings[-1] == IncomingCall("Ada", video=True)
    window.accept_button.click()
    await here.state(CallState.CONNECTED)
    assert not window.isVisible() and here.rings[-1] is None
    assert here.feature.view.isVisible()


async def test_an_incoming_call_rings_is_accepted_and_its_pictures_reach_the_sinks(
        here: Here, call_world: CallWorld) -> None:
    ada = await call_world.party("ada")
    await _accepted_from_the_window(here, ada)
    window = here.feature.view
    await here.pictures(10)
    assert _counter(window.remote_video.videoSink()) is not None  # Ada's test pattern
    assert window.pictures.currentIndex() == VIDEO_PAGE
    await here.pictures(5, here.model.local)  # the self-view shows what we send
    image = here.model.local.image
    assert image is not None and image.width() == 320  # scaled for the self-view
    assert window.self_view.isVisible() and window.self_view.label == SYNTHETIC_VIDEO
    assert window.sources.text() == f"Sending: {SYNTHETIC_VIDEO} · {SYNTHETIC_AUDIO}"
    assert not window.switch.isEnabled()  # no camera to switch to
    assert window.name.text() == "Ada" and window.state.text().startswith("Video call · 0:0")
    await until(lambda: "fps" in window.quality.text(), here.model.stats_updated)
    assert "640×360" not in window.quality.text() and "320×240" in window.quality.text()
    assert "ms" in window.quality.text() or "Measuring" in window.quality.text()
    await ada.wait_pictures(10)  # and Ada sees ours


async def test_with_a_socketio_server_in_the_settings_calls_signal_through_it(
        ui_app: QApplication, hub: RunningHub, tmp_path: Path) -> None:
    world = CallWorld(hub, socketio_url=hub.url)
    try:
        async with _here(hub, tmp_path, signalling=hub.url) as made:
            signaling = made.feature.service.signaling
            assert isinstance(signaling, SocketIOSignaling)
            ada = await world.party("ada")
            await _accepted_from_the_window(made, ada)
            await made.pictures(5)
            await ada.wait_pictures(5)
            # The offer and answer only travel on the link: it carried this call.
            assert signaling.link.ready.is_set()
    finally:
        await world.aclose()


async def test_mute_and_camera_buttons_reach_the_other_side_and_back(
        here: Here, call_world: CallWorld) -> None:
    ada = await call_world.party("ada")
    await _accepted_from_the_window(here, ada)
    window = here.feature.view
    window.mute.click()
    await ada.wait_for(lambda: ada.info is not None and not ada.info.remote_audio)
    assert window.mute.isChecked()
    window.camera.click()
    await ada.wait_for(lambda: ada.info is not None and not ada.info.remote_video)
    assert not window.self_view.isVisible()
    window.camera.click()
    window.mute.click()
    await ada.wait_for(lambda: ada.info is not None and ada.info.remote_video
                       and ada.info.remote_audio)
    # Ada turns her camera off: her avatar and a line take the picture's place.
    await ada.engine.set_video(False)
    await until(lambda: window.pictures.currentIndex() == AVATAR_PAGE, here.model.call_changed)
    assert window.avatar.caption.text() == "Ada turned their camera off"
    assert window.avatar.avatar.pixmap() is not None
    await ada.engine.set_video(True)
    await until(lambda: window.pictures.currentIndex() == VIDEO_PAGE, here.model.call_changed)


async def test_pop_out_moves_the_picture_to_a_frameless_window_and_back(
        here: Here, call_world: CallWorld) -> None:
    from PySide6.QtCore import Qt

    ada = await call_world.party("ada")
    await _accepted_from_the_window(here, ada)
    window = here.feature.view
    await here.pictures(3)
    window.pop_out_button.click()
    pop = window.pop_out
    assert pop is not None and pop.isVisible()
    assert pop.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.pictures.currentIndex() == POPPED_PAGE
    assert here.model.remote.sink is pop.video.videoSink()
    await here.pictures(5)
    assert _counter(pop.video.videoSink()) is not None
    pop.resize(640, 360)
    assert pop.size().width() == 640  # resizable
    pop.close()
    assert window.pop_out is None and window.pictures.currentIndex() == VIDEO_PAGE
    assert here.model.remote.sink is window.remote_video.videoSink()
    await here.pictures(3)
    assert _counter(window.remote_video.videoSink()) is not None


async def test_hang_up_ends_both_sides_and_the_window_says_so(
        here: Here, call_world: CallWorld, hub: RunningHub) -> None:
    ada = await call_world.party("ada")
    await _accepted_from_the_window(here, ada)
    window = here.feature.view
    window.hang_up.click()
    ended = await ada.wait_state(CallState.ENDED)
    assert ended.end_reason is EndReason.REMOTE_HUNG_UP
    await here.state(CallState.ENDED)
    assert window.state.text() == "Call ended"
    assert not window.hang_up.isEnabled() and not window.self_view.isVisible()
    assert (await _row(hub, ended.id))["status"] == "ended"
    await here.feature.service.engine.wait_idle()


async def test_decline_in_the_incoming_window_refuses_the_call(
        here: Here, call_world: CallWorld, hub: RunningHub) -> None:
    ada = await call_world.party("ada")
    info = await ada.engine.place(here.user_id)
    await until(lambda: here.feature.incoming.isVisible(), here.model.call_changed)
    here.feature.incoming.decline_button.click()
    ended = await ada.wait_state(CallState.ENDED)
    assert ended.end_reason is EndReason.DECLINED
    await until(lambda: not here.feature.incoming.isVisible(), here.model.call_changed)
    assert not here.feature.incoming.ringer.ringing
    assert here.rings[-1] is None and not here.feature.view.isVisible()
    assert (await _row(hub, info.id))["status"] == "declined"


async def test_the_tray_path_accept_reaches_the_call(
        here: Here, call_world: CallWorld) -> None:
    ada = await call_world.party("ada")
    await ada.engine.place(here.user_id)
    await until(lambda: here.feature.ringing is not None, here.feature.incoming_changed)
    here.feature.accept()  # what the tray's "Accept call" is connected to
    await here.state(CallState.CONNECTED)
    await ada.wait_state(CallState.CONNECTED)


async def test_an_unanswered_outgoing_call_is_missed_and_a_second_call_is_refused(
        ui_app: QApplication, hub: RunningHub, tmp_path: Path, call_world: CallWorld) -> None:
    bob = await call_world.party("bob")
    async with _here(hub, tmp_path, missed_after_s=1.0) as here:
        notices: list[str] = []
        here.feature.notice.connect(notices.append)
        here.feature.place_call(bob.user_id, "video")
        await here.state(CallState.RINGING)
        window = here.feature.view
        assert window.isVisible()
        await until(lambda: window.state.text() == "Calling Bob…", here.model.call_changed,
                    here.model.name_changed)
        here.feature.place_call(bob.user_id, "audio")
        assert notices == ["You are already in a call."]
        await here.state(CallState.ENDED)
        assert here.model.info.end_reason is EndReason.MISSED
        assert window.state.text() == "No answer from Bob"
        assert (await _row(hub, here.model.info.id))["status"] == "missed"


async def test_switch_camera_cycles_the_cameras_and_the_other_side_sees_it(
        ui_app: QApplication, hub: RunningHub, tmp_path: Path, call_world: CallWorld) -> None:
    ada = await call_world.party("ada")
    async with _here(hub, tmp_path, cameras=LAVFI) as here:
        here.feature.place_call(ada.user_id, "video")
        await ada.wait_state(CallState.RINGING)
        await ada.engine.accept()
        await here.state(CallState.CONNECTED)
        window = here.feature.view
        # The camera chosen in Settings (B) comes first.
        assert window.self_view.label == "Test camera B" and window.switch.isEnabled()
        await ada.wait_for_size(176, 144, readable=False)
        window.switch.click()
        assert window.self_view.label == "Test camera A"
        assert window.sources.text().startswith("Sending: Test camera A")
        await ada.wait_for_size(320, 240, readable=False)
        window.hang_up.click()
        await here.state(CallState.ENDED)


async def test_closing_the_call_window_hangs_up(here: Here, call_world: CallWorld) -> None:
    ada = await call_world.party("ada")
    await _accepted_from_the_window(here, ada)
    here.feature.view.close()
    ended = await ada.wait_state(CallState.ENDED)
    assert ended.end_reason is EndReason.REMOTE_HUNG_UP
    await here.state(CallState.ENDED)
    await here.feature.service.engine.wait_idle()
