"""Settings pages show a settings problem (``ConfigError``) in the user's language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from gfdesk import config as gfconfig
from gfdesk.config import Paths, Profile
from gfdesk.ui.language import Languages
from gfdesk.ui.languagepage import LanguagePage
from gfdesk.ui.settingsdialog import SettingsDialog
from tests.gui.finders import child
from tests.gui.languages import languages

__all__ = ["languages"]  # the fixture

KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJlLWZvci10ZXN0cw"


def test_a_taken_profile_name_is_said_in_german(qtbot: QtBot, tmp_path: Path,
                                                languages: Languages) -> None:
    paths = Paths(config_dir=tmp_path / "config", data_dir=tmp_path / "data",
                  log_dir=tmp_path / "log")
    gfconfig.add_profile(paths.config_file, Profile("lan", "http://192.168.1.20:54321", KEY))
    config = gfconfig.load(gfconfig.Overrides(), env={}, paths=paths)
    languages.apply("de")
    dialog = SettingsDialog(config, None)
    qtbot.addWidget(dialog)
    dialog.show()
    for name, text in (("profileName", "lan"), ("profileUrl", "http://10.0.0.2:54321"),
                       ("profileKey", KEY)):
        QTest.keyClicks(child(dialog, QLineEdit, name), text)
    QTest.mouseClick(child(dialog, QPushButton, "addProfileButton"), Qt.MouseButton.LeftButton)
    feedback = child(dialog, QLabel, "formError")
    assert feedback.text() == "ein Profil namens 'lan' gibt es schon"
    assert feedback.property("kind") == "error"


def test_a_settings_file_that_cannot_be_saved_is_said_in_german(
        qtbot: QtBot, tmp_path: Path, languages: Languages) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text("[app\nprofile = 'demo'\n", encoding="utf-8")
    languages.apply("de")
    page = LanguagePage(config_file)
    qtbot.addWidget(page)
    page.choose("pt_BR")
    feedback = child(page, QLabel, "languageFeedback")
    # The problem and the settings it names are both German; the file is left alone.
    assert feedback.text().startswith(f"Nicht gespeichert: {config_file}: ")
    assert feedback.text().endswith("; korrigiere die Datei, bevor du speicherst: Sprache")
    assert languages.current() == "de"
    assert config_file.read_text(encoding="utf-8") == "[app\nprofile = 'demo'\n"
