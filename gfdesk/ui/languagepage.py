"""The Language page of Settings: System, English, Deutsch, Português (Brasil).

A choice is saved to ``[language]`` of the settings file and applied at once through
the application's ``Languages`` (``gfdesk.ui.language``): the main window, sidebar,
sections and this page follow live; the app reopens the Settings dialog in the new
language (its other pages are built once, from their texts).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from gfdesk.config import LANGUAGES, SYSTEM_LANGUAGE, ConfigError, read_language, save_language
from gfdesk.kit.retranslate import Retranslating
from gfdesk.ui.language import NATIVE_NAMES, Languages, resolve


def application_languages() -> Languages:
    """The application's ``Languages`` (made, parented to the application, on first use)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("no QCoreApplication")
    found = app.findChild(Languages)
    return found if found is not None else Languages(None, app)


class LanguagePage(Retranslating, QWidget):
    """Radio buttons for the languages; the chosen one is saved and applied.

    Signals:
        language_applied(str): the user chose a language ("system" or a code), it was
            saved and is now shown.
    """

    language_applied = Signal(str)

    def __init__(self, config_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languagePage")
        self._config_file = config_file
        self._heading = QLabel(self)
        self._heading.setObjectName("settingsHeading")
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        self._feedback = QLabel(self)
        self._feedback.setObjectName("languageFeedback")
        self._feedback.setWordWrap(True)
        self._group = QButtonGroup(self)
        self._buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self._heading)
        for code in (SYSTEM_LANGUAGE, *LANGUAGES):
            button = QRadioButton(self)
            button.setObjectName(f"language_{code}")
            self._buttons[code] = button
            self._group.addButton(button)
            layout.addWidget(button)
        layout.addWidget(self._hint)
        layout.addWidget(self._feedback)
        layout.addStretch(1)
        chosen = read_language(config_file)
        self._buttons[chosen].setChecked(True)
        self._group.buttonClicked.connect(self._on_button_clicked)
        self._retranslate()

    def chosen(self) -> str:
        """The checked choice ("system" or a language code)."""
        for code, button in self._buttons.items():
            if button.isChecked():
                return code
        return SYSTEM_LANGUAGE

    def choose(self, code: str) -> None:
        """Check ``code`` and apply it, as a click would."""
        self._buttons[code].setChecked(True)
        self._apply(code)

    def _retranslate(self) -> None:
        self._heading.setText(self.tr("LANGUAGE"))
        system = NATIVE_NAMES[resolve(SYSTEM_LANGUAGE, QLocale.system())]
        self._buttons[SYSTEM_LANGUAGE].setText(
            self.tr("System ({language})").format(language=system))
        for code in LANGUAGES:
            # Each language in itself, so a user lost in a foreign one finds their own.
            self._buttons[code].setText(NATIVE_NAMES[code])
        self._hint.setText(self.tr("Dates, times and numbers follow the language too. "
                                   "Open windows switch at once."))

    def _on_button_clicked(self, button: QRadioButton) -> None:
        for code, candidate in self._buttons.items():
            if candidate is button:
                self._apply(code)

    def _apply(self, code: str) -> None:
        try:
            save_language(self._config_file, code)
        except ConfigError as exc:
            self._feedback.setText(self.tr("Not saved: {reason}").format(reason=exc.shown()))
            return
        self._feedback.clear()
        application_languages().apply(code)
        self.language_applied.emit(code)
