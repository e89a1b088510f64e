"""The sign-in dialog: email, password, sign in or create an account, remember me.

The dialog never touches the network: it emits ``submitted`` with a ``SignInRequest``
and the code that owns the backend (the composition root) runs the sign-in, then calls
``set_busy(False)`` and ``show_error(text)`` on failure (``gfdesk.core.session.error_text``
turns an ``AuthApiError`` into the server's message) or ``accept()`` on success. Typical
wiring::

    dialog.submitted.connect(lambda r: bridge.spawn(sign_in(r), name="signin:submit",
                                                   owner=dialog, group="submit"))

    async def sign_in(request):
        try:
            if request.mode is SignInMode.SIGN_UP:
                await backend.sign_up(request.credentials, remember=request.remember,
                                      display_name=request.display_name)
            else:
                await backend.sign_in(request.credentials, remember=request.remember)
        except Exception as exc:
            dialog.show_error(error_text(exc))
        else:
            dialog.accept()

Messages shown here come from the server or the session ("Your saved sign-in has
expired…") and are plain text, never rich text.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gfdesk.core.session import Credentials
from gfdesk.i18nmark import QT_TRANSLATE_NOOP

TITLE = QT_TRANSLATE_NOOP("signin", "Sign in to GamerFlick")
SIGN_UP_TITLE = QT_TRANSLATE_NOOP("signin", "Create a GamerFlick account")
MIN_WIDTH = 420
#: Hint under "Remember me" where no secure keyring exists.
NO_KEYRING_HINT = QT_TRANSLATE_NOOP(
    "signin", "No secure password store on this system: you will sign in again next time.")


class SignInMode(enum.Enum):
    SIGN_IN = "sign_in"
    SIGN_UP = "sign_up"


@dataclass(frozen=True)
class SignInRequest:
    """What the user asked for."""

    mode: SignInMode
    email: str
    password: str = field(repr=False)
    remember: bool = True
    #: Only for a sign-up; empty otherwise.
    display_name: str = ""

    @property
    def credentials(self) -> Credentials:
        return Credentials(self.email, self.password)


def check_request(request: SignInRequest) -> str:
    """What is wrong with ``request`` before asking the server, or "" if nothing.

    >>> check_request(SignInRequest(SignInMode.SIGN_IN, "ada", "pw"))
    'Enter a valid email address.'
    """
    if "@" not in request.email or request.email.startswith("@") or request.email.endswith("@"):
        return QCoreApplication.translate("SignInForm", "Enter a valid email address.")
    if not request.password:
        return QCoreApplication.translate("SignInForm", "Enter your password.")
    if request.mode is SignInMode.SIGN_UP and not request.display_name.strip():
        return QCoreApplication.translate("SignInForm", "Choose a display name.")
    return ""


def _label(text: str, parent: QWidget, name: str) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class SignInForm(QWidget):
    """Email and password, with a switch between signing in and creating an account
    (the body of the sign-in dialog and of the sign-in screen).

    Signals:
        submitted(SignInRequest): the user asked to sign in or sign up (the inputs
            are already checked for the obvious: an email, a password, a name).
        mode_changed(): switched between signing in and creating an account.

    Args:
        parent: the dialog or screen holding it.
        email: prefilled email (the last account).
        message: a note to show above the form ("please sign in again").
        keyring_available: False disables "Remember me" and says why.
    """

    submitted = Signal(object)
    mode_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, email: str = "", message: str = "",
                 keyring_available: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("signInForm")
        self._mode = SignInMode.SIGN_IN
        self._busy = False
        self._keyring_available = keyring_available

        self._message = _label(message, self, "signInMessage")
        self._message.setVisible(bool(message))
        self._email = QLineEdit(email, self)
        self._email.setObjectName("signInEmail")
        self._email.setPlaceholderText(self.tr("you@example.com"))
        self._password = QLineEdit(self)
        self._password.setObjectName("signInPassword")
        self._password.setEchoMode(QLineEdit.EchoMode.Password)
        self._display_name = QLineEdit(self)
        self._display_name.setObjectName("signInDisplayName")
        self._display_name.setPlaceholderText(self.tr("How friends see you"))
        self._remember = QCheckBox(self.tr("Remember me on this computer"), self)
        self._remember.setObjectName("signInRemember")
        self._remember.setChecked(keyring_available)
        self._remember.setEnabled(keyring_available)
        self._keyring_hint = _label(
            "" if keyring_available else QCoreApplication.translate("signin", NO_KEYRING_HINT),
            self, "fieldHint")
        self._keyring_hint.setVisible(not keyring_available)
        self._error = _label("", self, "formError")
        self._error.hide()
        self._progress = QProgressBar(self)
        self._progress.setObjectName("signInProgress")
        self._progress.setRange(0, 0)  # indeterminate
        self._progress.setTextVisible(False)
        self._progress.hide()
        self._submit = QPushButton(self)
        self._submit.setObjectName("signInSubmit")
        self._submit.setDefault(True)
        self._submit.clicked.connect(self._on_submit_clicked)
        self._switch = QPushButton(self)
        self._switch.setObjectName("signInSwitchMode")
        self._switch.setFlat(True)
        self._switch.clicked.connect(self._on_switch_clicked)
        for line in (self._email, self._password, self._display_name):
            line.returnPressed.connect(self._submit.click)

        self._form = QFormLayout()
        self._form.addRow(self.tr("Email"), self._email)
        self._form.addRow(self.tr("Password"), self._password)
        self._form.addRow(self.tr("Display name"), self._display_name)
        buttons = QHBoxLayout()
        buttons.addWidget(self._switch)
        buttons.addStretch(1)
        buttons.addWidget(self._submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._message)
        layout.addLayout(self._form)
        layout.addWidget(self._remember)
        layout.addWidget(self._keyring_hint)
        layout.addWidget(self._error)
        layout.addWidget(self._progress)
        layout.addLayout(buttons)
        self._apply_mode()
        (self._password if email else self._email).setFocus()

    @property
    def mode(self) -> SignInMode:
        return self._mode

    def set_mode(self, mode: SignInMode) -> None:
        """Show the sign-in or the sign-up form."""
        self._mode = mode
        self._apply_mode()

    def title(self) -> str:
        """What the holder's title says for the mode."""
        return QCoreApplication.translate(
            "signin", SIGN_UP_TITLE if self._mode is SignInMode.SIGN_UP else TITLE)

    def set_private(self, private: bool) -> None:
        """Streamer mode: the email field shows dots, as the password does."""
        self._email.setEchoMode(QLineEdit.EchoMode.Password if private
                                else QLineEdit.EchoMode.Normal)

    def set_email(self, email: str) -> None:
        self._email.setText(email)

    def _apply_mode(self) -> None:
        signing_up = self._mode is SignInMode.SIGN_UP
        self.mode_changed.emit()
        self._form.setRowVisible(self._display_name, signing_up)
        self._submit.setText(self._submit_text())
        self._switch.setText(self.tr("I already have an account") if signing_up
                             else self.tr("Create an account"))
        self._set_error("")

    def set_busy(self, busy: bool) -> None:
        """While the request runs: inputs locked, a busy bar, the button says so."""
        self._busy = busy
        for widget in (self._email, self._password, self._display_name, self._submit,
                       self._switch):
            widget.setEnabled(not busy)
        self._remember.setEnabled(not busy and self._keyring_available)
        self._progress.setVisible(busy)
        self._submit.setText(self._submit_text())

    def _submit_text(self) -> str:
        if self._mode is SignInMode.SIGN_UP:
            return self.tr("Creating account…") if self._busy else self.tr("Create account")
        return self.tr("Signing in…") if self._busy else self.tr("Sign in")

    @property
    def busy(self) -> bool:
        return self._busy

    def show_error(self, text: str) -> None:
        """End the busy state and show ``text`` under the form (plain text)."""
        self.set_busy(False)
        self._set_error(text)
        self._password.selectAll()
        self._password.setFocus()

    def error_text(self) -> str:
        """The inline error shown now ("" if none)."""
        return self._error.text()

    def _set_error(self, text: str) -> None:
        self._error.setText(text)
        self._error.setVisible(bool(text))

    def _on_switch_clicked(self) -> None:
        self.set_mode(SignInMode.SIGN_IN if self._mode is SignInMode.SIGN_UP
                      else SignInMode.SIGN_UP)

    def _on_submit_clicked(self) -> None:
        if self._busy:
            return
        request = SignInRequest(
            self._mode, self._email.text().strip(), self._password.text(),
            self._remember.isChecked(),
            self._display_name.text().strip() if self._mode is SignInMode.SIGN_UP else "")
        problem = check_request(request)
        if problem:
            self._set_error(problem)
            return
        self._set_error("")
        self.set_busy(True)
        self.submitted.emit(request)


class SignInDialog(QDialog):
    """The sign-in form in a dialog (a stored sign-in that stopped working).

    Signals:
        submitted(SignInRequest): the form's request.

    Args:
        parent: the main window.
        email: prefilled email (the last account).
        message: a note to show above the form ("please sign in again").
        keyring_available: False disables "Remember me" and says why.
    """

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, email: str = "", message: str = "",
                 keyring_available: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setMinimumWidth(MIN_WIDTH)
        self.form = SignInForm(self, email=email, message=message,
                               keyring_available=keyring_available)
        self.form.submitted.connect(self.submitted)
        self.form.mode_changed.connect(lambda: self.setWindowTitle(self.form.title()))
        self.setWindowTitle(self.form.title())
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)

    @property
    def mode(self) -> SignInMode:
        return self.form.mode

    def set_mode(self, mode: SignInMode) -> None:
        self.form.set_mode(mode)

    def set_busy(self, busy: bool) -> None:
        self.form.set_busy(busy)

    @property
    def busy(self) -> bool:
        return self.form.busy

    def show_error(self, text: str) -> None:
        self.form.show_error(text)

    def error_text(self) -> str:
        return self.form.error_text()
