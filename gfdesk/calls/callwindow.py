"""The call window: the other side's picture large, ours small and movable, the controls.

It follows the ``CallModel`` and calls its plain methods; it never awaits. What it
shows: the other party's name and the call's state or timer, the quality indicator
(verdict, round trip, loss, bitrate, resolution, frame rate), the picture (or the
other party's avatar while their camera is off, or in a voice call), our self-view
labelled with what we send (a camera, or the test pattern when there is none), and
mute, camera, switch camera, pop out and hang up. Names are remote text: plain-text
labels only.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QHideEvent, QMoveEvent, QResizeEvent, QShowEvent
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gfdesk.calls.callstats import CallStats
from gfdesk.calls.model import CallModel
from gfdesk.calls.states import CallInfo, CallKind, CallState
from gfdesk.calls.videoviews import AvatarPane, PopOutWindow, SelfView
from gfdesk.calls.wording import kind_text, quality_text, state_text, timer_text
from gfdesk.kit import icons
from gfdesk.kit.restyle import repolish
from gfdesk.kit.retranslate import Retranslating
from gfdesk.kit.timer import NamedTimer

DEFAULT_SIZE = QSize(960, 640)
MINIMUM_SIZE = QSize(560, 400)
#: An ended call's window stays this long to say why, then hides.
LINGER_MS = 4000
BUTTON_ICON = QSize(22, 22)
#: Page of the picture stack.
VIDEO_PAGE, AVATAR_PAGE, POPPED_PAGE = 0, 1, 2

class _Stage(QWidget):
    """The picture area: the picture stack fills it, the self-view floats over it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("callStage")
        self.fill: QWidget | None = None
        self.floating: SelfView | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fill is not None:
            self.fill.setGeometry(self.rect())
        if self.floating is not None:
            self.floating.place()


class CallWindow(Retranslating, QWidget):
    """The window of the call in progress.

    Args:
        model: the call model.
        parent: the main window (the call window stays a window of its own).
    """

    def __init__(self, model: CallModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("callWindow")
        self.resize(DEFAULT_SIZE)
        self.setMinimumSize(MINIMUM_SIZE)
        self._model = model
        self.pop_out: PopOutWindow | None = None
        """The pop-out window while the picture is in it."""
        self._stats: CallStats | None = None

        self.name = self._label("callName")
        self.state = self._label("callState")
        self.quality = self._label("callQuality")
        header = QHBoxLayout()
        header.setContentsMargins(18, 12, 18, 8)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.name)
        titles.addWidget(self.state)
        header.addLayout(titles, 1)
        header.addWidget(self.quality, 0, Qt.AlignmentFlag.AlignRight
                         | Qt.AlignmentFlag.AlignVCenter)

        self.stage = _Stage(self)
        self.pictures = QStackedWidget(self.stage)
        self.remote_video = QVideoWidget(self.pictures)
        self.remote_video.setObjectName("remoteVideo")
        self.remote_video.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.avatar = AvatarPane(self.pictures)
        self.popped = QLabel(self.pictures)
        self.popped.setObjectName("poppedPane")
        self.popped.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for page in (self.remote_video, self.avatar, self.popped):
            self.pictures.addWidget(page)
        self.self_view = SelfView(model.local, self.stage)
        self.stage.fill, self.stage.floating = self.pictures, self.self_view
        model.remote.set_sink(self.remote_video.videoSink())

        self.sources = self._label("callSources")
        self.mute = self._button("muteButton", "mic", checkable=True)
        self.camera = self._button("cameraButton", "video", checkable=True)
        self.switch = self._button("switchCameraButton", "camera-switch")
        self.pop_out_button = self._button("popOutButton", "popout")
        self.hang_up = self._button("hangUpButton", "phone-off")
        self.mute.toggled.connect(self._on_mute_toggled)
        self.camera.toggled.connect(self._on_camera_toggled)
        self.switch.clicked.connect(model.switch_camera)
        self.pop_out_button.clicked.connect(self.toggle_pop_out)
        self.hang_up.clicked.connect(model.hang_up)
        controls = QWidget(self)
        controls.setObjectName("callControls")
        row = QHBoxLayout(controls)
        row.setContentsMargins(18, 10, 18, 14)
        row.setSpacing(12)
        row.addWidget(self.sources, 1)
        for button in (self.mute, self.camera, self.switch, self.pop_out_button):
            row.addWidget(button)
        row.addSpacing(12)
        row.addWidget(self.hang_up)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.stage, 1)
        layout.addWidget(controls)

        self._clock = NamedTimer(self, "calls:timer", interval_ms=1000)
        self._clock.timeout.connect(self._show_state)
        self._linger = NamedTimer(self, "calls:linger", interval_ms=LINGER_MS,
                                  single_shot=True)
        self._linger.timeout.connect(self.hide)
        model.call_changed.connect(self._on_call_changed)
        model.name_changed.connect(self._on_name_changed)
        model.stats_updated.connect(self._on_stats_updated)
        model.sources_changed.connect(self._on_sources_changed)
        self._retranslate()
        if model.info is not None:
            self._on_call_changed(model.info)

    def _retranslate(self) -> None:
        # Everything this window words itself, recomputed from the call as it stands.
        self.popped.setText(self.tr("The picture is in the pop-out window.\n"
                                    "Close that window to bring it back."))
        for button, tip in ((self.mute, self.tr("Mute")),
                            (self.camera, self.tr("Turn the camera off")),
                            (self.switch, self.tr("Switch camera")),
                            (self.pop_out_button, self.tr("Pop out the picture (for OBS)")),
                            (self.hang_up, self.tr("Hang up"))):
            button.setToolTip(tip)
            button.setAccessibleName(tip)
        if self._model.info is None:
            self.setWindowTitle(self.tr("Call"))
            return
        self._show_state()
        self._show_picture()
        if self._stats is not None and self.quality.text():
            self._on_stats_updated(self._stats)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _button(self, name: str, icon: str, *, checkable: bool = False) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        # The hang-up button is a red fill in both themes: its icon stays white.
        button.setIcon(icons.icon(icon, "@text_on_fill" if name == "hangUpButton"
                                  else "@text_strong"))
        button.setIconSize(BUTTON_ICON)
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    # -- following the model -----------------------------------------------------------

    def _on_call_changed(self, info: CallInfo) -> None:
        if info.state is not CallState.ENDED:
            self._linger.stop()
        self.camera.setEnabled(info.kind is CallKind.VIDEO and info.state is not CallState.ENDED)
        self.switch.setEnabled(len(self._model.cameras) > 1 and info.kind is CallKind.VIDEO)
        self.pop_out_button.setEnabled(info.kind is CallKind.VIDEO)
        for button in (self.mute, self.hang_up):
            button.setEnabled(info.state is not CallState.ENDED)
        self._set_checked(self.mute, not info.sending_audio)
        self._set_checked(self.camera, info.kind is CallKind.VIDEO and not info.sending_video)
        self.mute.setIcon(icons.icon("mic-off" if not info.sending_audio else "mic",
                                     "@bg_tertiary" if not info.sending_audio else "@text_strong"))
        camera_on = self.camera.isChecked()
        self.camera.setIcon(icons.icon("video-off" if camera_on else "video",
                                       "@bg_tertiary" if camera_on else "@text_strong"))
        self._show_self_view()
        if info.state is CallState.CONNECTED:
            self._clock.start()
        else:
            self._clock.stop()
            self.quality.clear()
        if info.state is CallState.ENDED:
            self.close_pop_out()
            self._linger.start()
        self._show_state()
        self._show_picture()

    def _show_self_view(self) -> None:
        info = self._model.info
        wanted = (info is not None and info.kind is CallKind.VIDEO and info.sending_video
                  and info.state is not CallState.ENDED and self.isVisible())
        if wanted:
            self.self_view.place()
        self.self_view.setVisible(wanted)
        if wanted:
            # Above the call window even where no window manager keeps a tool window
            # over its parent (the call window is raised when the call starts).
            self.self_view.raise_()

    @staticmethod
    def _set_checked(button: QPushButton, checked: bool) -> None:
        button.blockSignals(True)
        button.setChecked(checked)
        button.blockSignals(False)

    def _on_name_changed(self, name: str) -> None:
        self._show_state()
        self._show_picture()

    def _show_state(self) -> None:
        info, name = self._model.info, self._model.other_name or "…"
        if info is None:
            return
        self.name.setText(name)
        self.setWindowTitle(self.tr("{kind} with {name}").format(kind=kind_text(info.kind),
                                                                name=name))
        if info.state is CallState.CONNECTED and info.connected_at is not None:
            self.state.setText(f"{kind_text(info.kind)} · "
                               f"{timer_text(time.monotonic() - info.connected_at)}")
        else:
            self.state.setText(state_text(info, name))

    def _show_picture(self) -> None:
        info = self._model.info
        if info is None:
            return
        name = self._model.other_name or "…"
        if self.pop_out is not None:
            self.pictures.setCurrentIndex(POPPED_PAGE)
        elif info.kind is CallKind.VIDEO and info.remote_video \
                and info.state is not CallState.ENDED:
            self.pictures.setCurrentIndex(VIDEO_PAGE)
        else:
            if info.state is CallState.ENDED:
                caption = state_text(info, name)
            elif info.kind is CallKind.AUDIO:
                caption = (self.tr("Voice call") if info.remote_audio
                           else self.tr("Voice call · muted"))
            else:
                caption = self.tr("{name} turned their camera off").format(name=name)
            self.avatar.show_person(name, caption)
            self.pictures.setCurrentIndex(AVATAR_PAGE)

    def _on_stats_updated(self, stats: CallStats) -> None:
        self._stats = stats
        self.quality.setText(f"● {quality_text(stats)}")
        if self.quality.property("quality") != stats.quality.name.lower():
            # The stylesheet colours the line by this property, in the theme's colours.
            self.quality.setProperty("quality", stats.quality.name.lower())
            repolish(self.quality)

    def _on_sources_changed(self, video: str, audio: str) -> None:
        sent = [x for x in (video, audio) if x]
        self.sources.setText(" · ".join(
            self.tr("Sending: {source}").format(source=s) if i == 0 else s
            for i, s in enumerate(sent)))
        self.self_view.set_label(video)
        info = self._model.info
        self.switch.setEnabled(len(self._model.cameras) > 1 and info is not None
                               and info.kind is CallKind.VIDEO)

    # -- controls ----------------------------------------------------------------------

    def _on_mute_toggled(self, muted: bool) -> None:
        self._model.set_muted(muted)

    def _on_camera_toggled(self, off: bool) -> None:
        self._model.set_camera_on(not off)

    def toggle_pop_out(self) -> None:
        """Put the other side's picture in a frameless window, or bring it back."""
        if self.pop_out is not None:
            self.close_pop_out()
            return
        window = PopOutWindow(self)
        window.closed.connect(self._on_pop_out_closed)
        self.pop_out = window
        self._model.remote.set_sink(window.video.videoSink())
        window.show()
        self._show_picture()

    def close_pop_out(self) -> None:
        if self.pop_out is not None:
            self.pop_out.close()  # comes back through _on_pop_out_closed

    def _on_pop_out_closed(self) -> None:
        self.pop_out = None
        self._model.remote.set_sink(self.remote_video.videoSink())
        self._show_picture()

    # -- window ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_self_view()

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        self.self_view.place()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._linger.stop()
        self._clock.stop()
        self.self_view.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window of a call in progress hangs up, as in every call app.
        if self._model.busy:
            self._model.hang_up()
        self.close_pop_out()
        super().closeEvent(event)
