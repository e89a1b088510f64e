"""The settings dialog: backend in use, adding a profile to a real file, diagnostics."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabWidget,
)
from pytestqt.qtbot import QtBot

from gfdesk import config as gfconfig
from gfdesk.config import AppConfig, Paths, Profile
from gfdesk.ui.keycheck import key_problem
from gfdesk.ui.settingsdialog import SettingsDialog, mask_key
from tests.gui.finders import child

KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJlLWZvci10ZXN0cw"
NEW_KEY = "eyJuZXdrZXkiOiJ5ZXMifQ.eyJyb2xlIjoiYW5vbiJ9.YW5vdGhlci1zaWduYXR1cmU"


def _paths(tmp_path: Path) -> Paths:
    return Paths(config_dir=tmp_path / "config", data_dir=tmp_path / "data",
                 log_dir=tmp_path / "log")


def _config(tmp_path: Path, in_use: str = "demo") -> AppConfig:
    paths = _paths(tmp_path)
    gfconfig.add_profile(paths.config_file, Profile("lan", "http://192.168.1.20:54321", KEY))
    return gfconfig.load(gfconfig.Overrides(profile=in_use), env={}, paths=paths)


def _dialog(qtbot: QtBot, config: AppConfig, log_file: Path | None) -> SettingsDialog:
    dialog = SettingsDialog(config, log_file)
    qtbot.addWidget(dialog)
    return dialog


def _all_text(dialog: SettingsDialog) -> str:
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    for listing in dialog.findChildren(QListWidget):
        texts += [listing.item(i).text() for i in range(listing.count())]
    texts += [field.displayText() for field in dialog.findChildren(QLineEdit)]
    return "\n".join(texts)


def _fill(dialog: SettingsDialog, qtbot: QtBot, name: str, url: str, key: str) -> None:
    for object_name, text in (("profileName", name), ("profileUrl", url), ("profileKey", key)):
        QTest.keyClicks(child(dialog, QLineEdit, object_name), text)


def test_demo_in_use_is_named_as_the_embedded_hub(ui_app: QApplication, qtbot: QtBot,
                                                 tmp_path: Path) -> None:
    dialog = _dialog(qtbot, _config(tmp_path), None)
    assert child(dialog, QLabel, "inUseBackend").text() == "Embedded demo hub"
    profiles = child(dialog, QListWidget, "profileList")
    names = [profiles.item(i).text().split()[0] for i in range(profiles.count())]
    assert names == ["demo", "lan"]


def test_anon_key_is_never_shown_in_full(ui_app: QApplication, qtbot: QtBot,
                                         tmp_path: Path) -> None:
    dialog = _dialog(qtbot, _config(tmp_path, in_use="lan"), tmp_path / "log" / "gfdesk.log")
    assert child(dialog, QLabel, "inUseBackend").text().startswith("http://192.168.1.20")
    shown = _all_text(dialog)
    assert KEY[:8] + "…" in shown
    assert KEY not in shown and KEY[:9] not in shown


def test_adding_a_profile_writes_the_settings_file(ui_app: QApplication, qtbot: QtBot,
                                                   tmp_path: Path) -> None:
    config = _config(tmp_path)
    dialog = _dialog(qtbot, config, None)
    add = child(dialog, QPushButton, "addProfileButton")
    assert not add.isEnabled()
    _fill(dialog, qtbot, "cloud", "https://abc.supabase.co/", NEW_KEY)
    assert add.isEnabled()
    assert NEW_KEY not in _all_text(dialog)
    QTest.mouseClick(add, Qt.MouseButton.LeftButton)

    reloaded = gfconfig.load(gfconfig.Overrides(profile="cloud"), env={}, paths=config.paths)
    assert reloaded.profile == Profile("cloud", "https://abc.supabase.co", NEW_KEY)
    feedback = child(dialog, QLabel, "formError")
    assert feedback.property("kind") == "success"
    assert "--profile cloud" in feedback.text()
    profiles = child(dialog, QListWidget, "profileList")
    assert profiles.item(profiles.count() - 1).text().startswith("cloud")
    assert child(dialog, QLineEdit, "profileName").text() == ""
    assert NEW_KEY not in _all_text(dialog)


def test_duplicate_name_shows_the_config_error_inline(ui_app: QApplication, qtbot: QtBot,
                                                      tmp_path: Path) -> None:
    config = _config(tmp_path)
    before = config.paths.config_file.read_text(encoding="utf-8")
    dialog = _dialog(qtbot, config, None)
    dialog.show()
    _fill(dialog, qtbot, "lan", "http://10.0.0.2:54321", NEW_KEY)
    QTest.mouseClick(child(dialog, QPushButton, "addProfileButton"),
                     Qt.MouseButton.LeftButton)
    feedback = child(dialog, QLabel, "formError")
    assert feedback.isVisible()
    assert feedback.text() == "a profile named 'lan' already exists"
    assert feedback.property("kind") == "error"
    assert config.paths.config_file.read_text(encoding="utf-8") == before
    # What the user typed stays, so they can fix the name.
    assert child(dialog, QLineEdit, "profileUrl").text() == "http://10.0.0.2:54321"


def test_bad_url_shows_the_config_error_inline(ui_app: QApplication, qtbot: QtBot,
                                               tmp_path: Path) -> None:
    dialog = _dialog(qtbot, _config(tmp_path), None)
    _fill(dialog, qtbot, "typo", "ftp://example.org", NEW_KEY)
    QTest.mouseClick(child(dialog, QPushButton, "addProfileButton"),
                     Qt.MouseButton.LeftButton)
    assert "is not a server address" in child(dialog, QLabel, "formError").text()


def test_a_url_that_is_not_one_is_said_before_the_key(ui_app: QApplication, qtbot: QtBot,
                                                      tmp_path: Path) -> None:
    dialog = _dialog(qtbot, _config(tmp_path), None)
    _fill(dialog, qtbot, "typo", "notaurl", "notakey")
    QTest.mouseClick(child(dialog, QPushButton, "addProfileButton"),
                     Qt.MouseButton.LeftButton)
    text = child(dialog, QLabel, "formError").text()
    assert "'notaurl' is not a server address" in text and "https://" in text
    assert "anon key" not in text


@pytest.mark.qt_log_ignore("does not support QPlatformServices")
def test_without_a_file_manager_the_log_folder_is_said(
        ui_app: QApplication, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no xdg-open to find
    log_file = tmp_path / "log" / "gfdesk.log"
    dialog = _dialog(qtbot, _config(tmp_path), log_file)
    problem = child(dialog, QLabel, "logFolderProblem")
    assert problem.isHidden()
    QTest.mouseClick(child(dialog, QPushButton, "openLogFolder"), Qt.MouseButton.LeftButton)
    assert not problem.isHidden()
    assert str(log_file.parent) in problem.text()
    assert problem.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_diagnostics_show_the_log_file(ui_app: QApplication, qtbot: QtBot,
                                       tmp_path: Path) -> None:
    log_file = tmp_path / "log" / "gfdesk.log"
    dialog = _dialog(qtbot, _config(tmp_path), log_file)
    assert child(dialog, QLabel, "logFilePath").text() == str(log_file)
    assert child(dialog, QPushButton, "openLogFolder").isEnabled()
    tabs = child(dialog, QTabWidget, "settingsTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Backend", "Calls", "Desktop", "Appearance", "Language", "Diagnostics", "About"]


def test_without_a_log_file_the_folder_button_is_off(ui_app: QApplication, qtbot: QtBot,
                                                     tmp_path: Path) -> None:
    dialog = _dialog(qtbot, _config(tmp_path), None)
    assert not child(dialog, QPushButton, "openLogFolder").isEnabled()


@pytest.mark.parametrize(("key", "shown"), [
    (KEY, "eyJhbGci…"),
    ("short", "sh…"),
    ("", "—"),
    (None, "—"),
])
def test_mask_key(key: str | None, shown: str) -> None:
    assert mask_key(key) == shown


def _jwt(claims: str) -> str:
    payload = base64.urlsafe_b64encode(claims.encode()).decode().rstrip("=")
    return f"eyJhbGciOiJIUzI1NiJ9.{payload}.c2ln"


def test_service_role_key_is_refused_and_nothing_is_written(
    ui_app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    config = _config(tmp_path)
    before = config.paths.config_file.read_text(encoding="utf-8")
    dialog = _dialog(qtbot, config, None)
    _fill(dialog, qtbot, "oops", "https://abc.supabase.co", _jwt('{"role":"service_role"}'))
    QTest.mouseClick(child(dialog, QPushButton, "addProfileButton"), Qt.MouseButton.LeftButton)
    assert "bypasses row-level security" in child(dialog, QLabel, "formError").text()
    assert config.paths.config_file.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(("key", "ok"), [
    (KEY, True),
    ("sb_publishable_abc123", True),
    (_jwt('{"role":"service_role"}'), False),
    ("sb_secret_abc123", False),
    ("not a key", False),
    ("eyJhbGciOiJIUzI1NiJ9.%%%.sig", False),
    ("abc.def.ghi", False),
])
def test_key_problem(key: str, ok: bool) -> None:
    assert (key_problem(key) is None) is ok


def test_enter_in_the_form_adds_without_closing(ui_app: QApplication, qtbot: QtBot,
                                               tmp_path: Path) -> None:
    config = _config(tmp_path)
    dialog = _dialog(qtbot, config, None)
    with qtbot.waitExposed(dialog):
        dialog.show()
    _fill(dialog, qtbot, "cloud", "https://abc.supabase.co", NEW_KEY)
    key_field = child(dialog, QLineEdit, "profileKey")
    key_field.setFocus()
    QTest.keyClick(key_field, Qt.Key.Key_Return)
    assert child(dialog, QLabel, "formError").property("kind") == "success"
    assert dialog.isVisible()
    assert "[profiles.cloud]" in config.paths.config_file.read_text(encoding="utf-8")


def test_sign_out_button_only_when_signed_in(qtbot: QtBot, tmp_path: Path) -> None:
    config = gfconfig.load(env={}, paths=Paths(tmp_path / "c", tmp_path / "d", tmp_path / "l"))
    signed_out = SettingsDialog(config, None)
    qtbot.addWidget(signed_out)
    assert signed_out.findChild(QPushButton, "signOutButton") is None
    dialog = SettingsDialog(config, None, account="<b>Nova</b> (nova@example.com)")
    qtbot.addWidget(dialog)
    label = dialog.findChild(QLabel, "inUseAccount")
    assert label.text() == "<b>Nova</b> (nova@example.com)"
    assert label.textFormat() == Qt.TextFormat.PlainText
    with qtbot.waitSignal(dialog.sign_out_requested):
        dialog.findChild(QPushButton, "signOutButton").click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_sign_in_button_when_signed_out(qtbot: QtBot, tmp_path: Path) -> None:
    config = gfconfig.load(env={}, paths=Paths(tmp_path / "c", tmp_path / "d", tmp_path / "l"))
    dialog = SettingsDialog(config, None, can_sign_in=True)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "inUseAccount").text() == "Not signed in"
    with qtbot.waitSignal(dialog.sign_in_requested):
        dialog.findChild(QPushButton, "signInButton").click()
