"""Languages: switching live, Qt's own translations, QLocale formats, the Language page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QListWidget
from pytestqt.qtbot import QtBot

from gfdesk import i18nmark
from gfdesk.config import read_language
from gfdesk.ui.language import TRANSLATIONS_DIR, Languages, compile_ts, resolve
from gfdesk.ui.languagepage import LanguagePage, application_languages
from gfdesk.ui.mainwindow import MainWindow
from gfdesk.ui.sections import Section
from gfdesk.ui.usermessages import MessageBridge
from tests.gui.finders import child
from tests.gui.languages import languages

__all__ = ["languages"]  # the fixture


def _nav_texts(window: MainWindow) -> list[str]:
    nav = child(window, QListWidget, "sidebarNav")
    return [nav.item(i).text() for i in range(nav.count())]


def _action_text(window: MainWindow, name: str) -> str:
    return next(a.text() for a in window.actions() if a.objectName() == name)


def test_switching_language_rewords_the_open_main_window(qtbot: QtBot,
                                                         languages: Languages) -> None:
    window = MainWindow(MessageBridge())
    qtbot.addWidget(window)
    window.show()
    assert _nav_texts(window) == ["Friends", "Conversations", "Tournaments"]
    english_status = child(window, QLabel, "connectionText").text()

    assert languages.apply("de") == "de"
    qtbot.waitUntil(lambda: _nav_texts(window) == ["Freunde", "Unterhaltungen", "Turniere"])
    assert child(window, QLabel, "sectionTitle").text() == "Freunde"
    assert child(window, QLabel, "sidebarHeading").text() == "NAVIGATION"
    assert _action_text(window, "quitAction") == "Beenden"
    assert child(window, QLabel, "connectionText").text() == "Verbinde…"
    assert child(window, QLabel, "connectionText").text() != english_status
    assert child(window, QLabel, "emptyTitle").text() == "Verbinde mit deinem Backend…"

    languages.apply("pt_BR")
    qtbot.waitUntil(lambda: _nav_texts(window) == ["Amigos", "Conversas", "Torneios"])
    window.show_section(Section.TOURNAMENTS)
    assert child(window, QLabel, "sectionTitle").text() == "Torneios"
    assert _action_text(window, "settingsAction") == "Configurações"

    languages.apply("en")
    qtbot.waitUntil(lambda: _nav_texts(window) == ["Friends", "Conversations", "Tournaments"])
    assert child(window, QLabel, "sectionTitle").text() == "Tournaments"
    assert child(window, QLabel, "connectionText").text() == english_status


def test_qt_own_texts_follow(qtbot: QtBot, languages: Languages) -> None:
    languages.apply("de")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close.text().replace("&", "") == "Schließen"


def test_plurals_follow_each_language(languages: Languages) -> None:
    languages.apply("de")
    assert i18nmark.plural("%n people are typing...", 1) == "1 Person tippt …"
    assert i18nmark.plural("%n people are typing...", 3) == "3 Leute tippen …"
    languages.apply("pt_BR")
    assert i18nmark.plural("%n players", 1) == "1 jogador"
    assert i18nmark.plural("%n players", 8) == "8 jogadores"
    languages.apply("en")
    assert i18nmark.plural("%n people are typing...", 1) == "1 person is typing..."
    assert i18nmark.plural("%n players", 2) == "2 players"


def test_dates_times_and_numbers_follow_the_locale(languages: Languages) -> None:
    languages.apply("de")
    formats = i18nmark.formats()
    day = dt.date(2026, 3, 2)
    german = QLocale() if QLocale().language() == QLocale.Language.German else QLocale("de")
    assert "März" in formats.date_long(day)
    assert formats.number(12345) == german.toString(12345)
    assert formats.weekday_short(day) == german.dayName(1, QLocale.FormatType.ShortFormat)
    languages.apply("pt_BR")
    assert "março" in i18nmark.formats().date_long(day)
    assert i18nmark.formats().number(1234567) == QLocale("pt_BR").toString(1234567)


@pytest.mark.parametrize("system, expected", [("pt_BR", "pt_BR"), ("pt_PT", "pt_BR"),
                                              ("de_AT", "de"), ("en_GB", "en"),
                                              ("fr_FR", "en")])
def test_the_system_locale_picks_a_shipped_language(system: str, expected: str) -> None:
    assert resolve("system", QLocale(system)) == expected
    assert resolve("de", QLocale(system)) == "de"


def test_an_unbuilt_checkout_compiles_its_messages(tmp_path: Path, ui_app: QApplication) -> None:
    target = tmp_path / "translations" / "gfdesk_de.qm"
    assert compile_ts(TRANSLATIONS_DIR / "gfdesk_de.ts", target)
    translator = QTranslator()
    assert translator.load(str(target))
    assert translator.translate("Section", "Friends") == "Freunde"


def test_the_language_page_saves_and_applies(qtbot: QtBot, tmp_path: Path,
                                             languages: Languages) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[app]\nprofile = "demo"\n', encoding="utf-8")
    page = LanguagePage(config)
    qtbot.addWidget(page)
    assert page.chosen() == "system"
    heading = child(page, QLabel, "settingsHeading")
    assert heading.text() == "LANGUAGE"
    with qtbot.waitSignal(page.language_applied) as applied:
        page.choose("pt_BR")
    assert applied.args == ["pt_BR"]
    assert read_language(config) == "pt_BR"
    assert application_languages() is languages
    assert languages.current() == "pt_BR"
    qtbot.waitUntil(lambda: heading.text() == "IDIOMA")
    assert QCoreApplication.translate("Section", "Friends") == "Amigos"
