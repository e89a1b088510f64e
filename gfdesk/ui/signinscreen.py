"""The sign-in screen: what the window shows while nobody is signed in.

It fills the window in place of the sidebar and sections (so nothing of an account
that signed out stays on screen): which backend to use (the profile switcher: the
demo hub, a LAN hub, a Supabase project), the sign-in form, and on the demo hub a
one-click "Continue as Demo Player". Like the dialog, it never touches the network: it
emits what the user asked and the account flow does it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gfdesk.config import Profile
from gfdesk.core.session import Credentials
from gfdesk.kit import icons
from gfdesk.ui import theme
from gfdesk.ui.signin import SignInForm, SignInMode, SignInRequest

CARD_WIDTH = 440
LOGO_SIZE = 56
def describe(profile: Profile) -> str:
    """How the switcher lists a profile."""
    where = (QCoreApplication.translate("signinscreen", "the embedded demo hub")
             if profile.is_demo else str(profile.url))
    return f"{profile.name} — {where}"


class SignInScreen(QWidget):
    """Profile switcher, demo shortcut and sign-in form.

    Args:
        profiles: every profile of the settings.
        current: the profile in use.
        demo_credentials: the public demo login (on the demo profile only).
        message: a note above the form ("please sign in again").
        keyring_available: False disables "Remember me".

    Signals:
        submitted(SignInRequest): sign in or up with this request.
        profile_chosen(str): the user picked another profile (its name).
    """

    submitted = Signal(object)
    profile_chosen = Signal(str)

    def __init__(self, profiles: Sequence[Profile], current: Profile, *,
                 demo_credentials: Credentials | None = None, message: str = "",
                 keyring_available: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._current = current
        self._demo = demo_credentials

        card = QFrame(self)
        card.setObjectName("signInCard")
        card.setFixedWidth(CARD_WIDTH)
        logo = icons.IconLabel(LOGO_SIZE, card)
        logo.set_icon(theme.app_icon())
        title = QLabel(self.tr("Welcome to GamerFlick"), card)
        title.setObjectName("signInScreenTitle")
        subtitle = QLabel(self.tr("Sign in to see your friends, chats and tournaments."), card)
        subtitle.setObjectName("signInScreenSubtitle")
        for label in (title, subtitle):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setWordWrap(True)

        self.switcher = QComboBox(card)
        self.switcher.setObjectName("profileSwitcher")
        self.switcher.setAccessibleName(self.tr("Backend"))
        for profile in profiles:
            self.switcher.addItem(describe(profile), profile.name)
        self.switcher.setCurrentIndex(max(0, self.switcher.findData(current.name)))
        self.switcher.currentIndexChanged.connect(self._on_switcher_index_changed)
        switch_row = QHBoxLayout()
        backend = QLabel(self.tr("Backend"), card)
        backend.setTextFormat(Qt.TextFormat.PlainText)
        switch_row.addWidget(backend)
        switch_row.addWidget(self.switcher, 1)

        self.demo_button = QPushButton(self.tr("Continue as Demo Player"), card)
        self.demo_button.setObjectName("signInDemo")
        self.demo_button.clicked.connect(self._on_demo_clicked)
        self.demo_button.setVisible(demo_credentials is not None)
        self.or_label = QLabel(self.tr("OR SIGN IN WITH EMAIL"), card)
        self.or_label.setObjectName("signInOr")
        self.or_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.or_label.setVisible(demo_credentials is not None)

        self.form = SignInForm(card, message=message, keyring_available=keyring_available)
        self.form.submitted.connect(self.submitted)

        column = QVBoxLayout(card)
        column.setContentsMargins(28, 24, 28, 24)
        column.setSpacing(12)
        column.addWidget(logo, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(title)
        column.addWidget(subtitle)
        column.addLayout(switch_row)
        column.addWidget(self.demo_button)
        column.addWidget(self.or_label)
        column.addWidget(self.form)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def _on_switcher_index_changed(self, index: int) -> None:
        name = self.switcher.itemData(index)
        if isinstance(name, str) and name != self._current.name:
            self.profile_chosen.emit(name)

    def _on_demo_clicked(self) -> None:
        if self._demo is None or self.form.busy:
            return
        self.form.set_busy(True)
        self.submitted.emit(SignInRequest(SignInMode.SIGN_IN, self._demo.email,
                                          self._demo.password, remember=False))

    # -- what the account flow calls (as on the dialog) ----------------------------------

    def set_busy(self, busy: bool) -> None:
        self.form.set_busy(busy)
        self.demo_button.setEnabled(not busy)
        self.switcher.setEnabled(not busy)

    @property
    def busy(self) -> bool:
        return self.form.busy

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.form.show_error(text)

    def error_text(self) -> str:
        return self.form.error_text()
