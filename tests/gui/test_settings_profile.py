"""The settings dialog's Profile tab: it shows the user's display name and picture,
explains a mistake without asking the server, and asks to save what is right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from gfdesk import config as gfconfig
from gfdesk.config import Paths
from gfdesk.core.profile import OwnProfile
from gfdesk.ui.settingsdialog import SettingsDialog
from tests.gui.finders import child


def test_the_profile_tab_checks_then_asks_to_save(ui_app: QApplication, qtbot: QtBot,
                                                  tmp_path: Path) -> None:
    paths = Paths(config_dir=tmp_path / "c", data_dir=tmp_path / "d", log_dir=tmp_path / "l")
    config = gfconfig.load(gfconfig.Overrides(), env={}, paths=paths)
    dialog = SettingsDialog(config, None, account="Nova (nova@example.com)",
                            profile=OwnProfile("u1", "nova", "Nova", None))
    qtbot.addWidget(dialog)
    dialog.show_tab("Profile")
    name = child(dialog, QLineEdit, "profileDisplayName")
    url = child(dialog, QLineEdit, "profileAvatarUrl")
    save = child(dialog, QPushButton, "saveProfileButton")
    assert (name.text(), url.text()) == ("Nova", "")
    asked: list[tuple[str, str]] = []
    dialog.profile_save_requested.connect(lambda n, u: asked.append((n, u)))

    url.setText("javascript:alert(1)")
    save.click()
    feedback = child(dialog, QLabel, "formError")
    assert asked == [] and "http(s)" in dialog.profile_feedback.text()
    assert feedback is not None

    name.clear()
    QTest.keyClicks(name, "  Nova   Quinn ")
    url.setText("https://pictures.example/nova.png")
    save.click()
    assert asked == [("Nova Quinn", "https://pictures.example/nova.png")]
    assert not save.isEnabled()  # until the result comes
    dialog.show_profile_result("Saved.", ok=True)
    assert save.isEnabled() and dialog.profile_feedback.text() == "Saved."
    assert dialog.profile_avatar.player == ("Nova Quinn", "https://pictures.example/nova.png")
