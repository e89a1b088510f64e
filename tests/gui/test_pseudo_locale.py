"""A pseudo-language: every translated message is wrapped in ⟦ ⟧, so any text a screen
shows unwrapped was looked up under the wrong context or never went through tr()."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gfdesk import config as gfconfig
from gfdesk import i18nmark
from gfdesk.config import Paths
from gfdesk.ui.language import TRANSLATIONS_DIR, lrelease_program
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.settingsdialog import SettingsDialog
from gfdesk.ui.usermessages import MessageBridge

#: Texts that are not messages: names, versions, paths, symbols, what the user typed.
NOT_MESSAGES = ("gfdesk", "Qt", "Python", "▾", "English", "Deutsch", "Português (Brasil)")


def _pseudo_qm(tmp_path: Path) -> Path:
    tree = ET.parse(TRANSLATIONS_DIR / "gfdesk_de.ts")
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = translation.findall("numerusform")
        for form in forms or [translation]:
            form.text = f"⟦{source}⟧"
    ts = tmp_path / "gfdesk_pseudo.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    program = lrelease_program()
    assert program is not None
    qm = tmp_path / "gfdesk_pseudo.qm"
    subprocess.run([program, "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


@pytest.fixture
def pseudo(ui_app: QApplication, tmp_path: Path) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(_pseudo_qm(tmp_path)))
    QCoreApplication.installTranslator(translator)
    i18nmark.install(QCoreApplication.translate)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)
        i18nmark.install(None)


def _shown_texts(root: QWidget) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = [("windowTitle", root.windowTitle())]
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}#{widget.objectName()}"
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append((name, widget.text()))
        if isinstance(widget, QLineEdit):
            texts.append((name + ".placeholder", widget.placeholderText()))
        if isinstance(widget, QGroupBox):
            texts.append((name + ".title", widget.title()))
        if isinstance(widget, QTabWidget):
            texts.extend((name + ".tab", widget.tabText(i)) for i in range(widget.count()))
        if isinstance(widget, QListWidget):
            texts.extend((name + ".item", widget.item(i).text()) for i in range(widget.count()))
        texts.append((name + ".toolTip", widget.toolTip()))
    return texts


def _untranslated(root: QWidget, also_fine: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    fine = NOT_MESSAGES + also_fine
    return [(where, text) for where, text in _shown_texts(root)
            if any(ch.isalpha() for ch in text) and "⟦" not in text and text not in fine]


def test_the_main_window_shows_only_translated_texts(qtbot: QtBot, pseudo: None) -> None:
    window = MainWindow(MessageBridge())
    qtbot.addWidget(window)
    window.show()
    assert _untranslated(window) == []


def test_the_settings_dialog_shows_only_translated_texts(qtbot: QtBot, tmp_path: Path,
                                                         pseudo: None) -> None:
    paths = Paths(config_dir=tmp_path / "config", data_dir=tmp_path / "data",
                  log_dir=tmp_path / "log")
    config = gfconfig.load(gfconfig.Overrides(), env={}, paths=paths)
    dialog = SettingsDialog(config, tmp_path / "log" / "gfdesk.log")
    qtbot.addWidget(dialog)
    dialog.show()
    # Values rather than messages: versions, paths, the profile in use; "Close" is Qt's.
    values = tuple(label.text() for label in dialog.findChildren(QLabel)
                   if label.objectName() in ("diagnosticValue", "logFilePath",
                                             "configFilePath", "inUseProfile"))
    values += ("Close",)
    assert _untranslated(dialog, values) == []


def test_the_sign_in_screen_shows_only_translated_texts(qtbot: QtBot, pseudo: None) -> None:
    from gfdesk.config import Profile
    from gfdesk.core.session import Credentials
    from gfdesk.ui.signinscreen import SignInScreen

    demo = Profile("demo")
    screen = SignInScreen([demo, Profile("lan", "http://192.168.1.20:54321", "k" * 40)], demo,
                          demo_credentials=Credentials("demo@gamerflick.test", "pw"))
    qtbot.addWidget(screen)
    # The profiles' names are values.
    assert _untranslated(screen, ("demo", "lan")) == []
