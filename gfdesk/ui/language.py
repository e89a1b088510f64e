"""The user's language: which translations are installed, and switching them live.

gfdesk's messages live in ``gfdesk/translations/gfdesk_<code>.ts`` (made by
``pyside6-lupdate``: ``scripts/translations.py update``); ``pyside6-lrelease`` compiles
them to ``.qm`` at build time (``scripts/translations.py build``, run by ``scripts/test``
and CI), next to the ``.ts`` files, so the wheel and the bundles carry them. A checkout
that was never built compiles them on first use into the data folder instead
(``<data>/translations``), with the ``lrelease`` that ships inside PySide6.

``Languages.apply`` installs the app's translator and Qt's own (``qtbase_<code>.qm``:
the standard buttons, context menus) and sets the default ``QLocale`` (dates, times and
numbers). Installing a translator makes Qt send ``QEvent.LanguageChange`` to every
widget; the widgets that must follow live re-set their texts then (main window,
sidebar, empty states, settings).

English has a translation file too: it only holds the plural forms ("1 member",
"2 members"), whose English source is written once with ``%n``.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTime,
    QTranslator,
)

from gfdesk import i18nmark
from gfdesk.config import LANGUAGES, SYSTEM_LANGUAGE
from gfdesk.log import ui as log
from gfdesk.ui.plurals import Plurals

#: Where the ``.ts`` sources and the built ``.qm`` files live inside the package.
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
#: The language shown when the system's is not one gfdesk ships.
FALLBACK = "en"
#: Each language's name in itself, the way the Language page lists them.
NATIVE_NAMES = {"en": "English", "de": "Deutsch", "pt_BR": "Português (Brasil)"}
LRELEASE_TIMEOUT_S = 30


def resolve(code: str, system: QLocale | None = None) -> str:
    """The shipped language for a ``[language] code``: itself, or for "system" the first
    of the system's UI languages gfdesk ships ("pt-BR" -> "pt_BR", "de-AT" -> "de"),
    else English."""
    if code != SYSTEM_LANGUAGE:
        return code if code in LANGUAGES else FALLBACK
    locale = system if system is not None else QLocale.system()
    for wanted in locale.uiLanguages():
        name = wanted.replace("-", "_")
        for shipped in LANGUAGES:
            if name.lower() == shipped.lower():
                return shipped
        base = name.split("_", 1)[0].lower()
        for shipped in LANGUAGES:
            # "pt" alone is Brazilian Portuguese too: the only Portuguese shipped.
            if shipped.split("_", 1)[0].lower() == base:
                return shipped
    return FALLBACK


def lrelease_program() -> str | None:
    """The ``lrelease`` inside the PySide6 wheel, or one on PATH."""
    bundled = Path(PySide6.__file__).resolve().parent / "lrelease"
    for candidate in (bundled, bundled.with_suffix(".exe")):
        if candidate.is_file():
            return str(candidate)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_ts(source: Path, target: Path) -> bool:
    """Compile ``source`` (.ts) to ``target`` (.qm); False (logged) when it cannot."""
    program = lrelease_program()
    if program is None:
        log.warning("no lrelease found: %s stays untranslated", source.name)
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([program, "-silent", str(source), "-qm", str(target)], check=True,
                       capture_output=True, timeout=LRELEASE_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not compile %s: %s", source.name, exc)
        return False
    return target.is_file()


def qm_file(code: str, data_dir: Path | None) -> Path | None:
    """The compiled messages of ``code``: the package's (built), else the data folder's
    (compiled there from the package's ``.ts`` when missing or older), else None."""
    name = f"gfdesk_{code}"
    built = TRANSLATIONS_DIR / f"{name}.qm"
    source = TRANSLATIONS_DIR / f"{name}.ts"
    if built.is_file() and (not source.is_file()
                            or built.stat().st_mtime >= source.stat().st_mtime):
        return built
    if data_dir is None or not source.is_file():
        return built if built.is_file() else None
    compiled = data_dir / "translations" / f"{name}.qm"
    if compiled.is_file() and compiled.stat().st_mtime >= source.stat().st_mtime:
        return compiled
    return compiled if compile_ts(source, compiled) else None


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The locale that formats for ``language``: the system's when it speaks that
    language (its region's habits: en_GB's 24-hour clock, de_AT), else the language's."""
    system = system if system is not None else QLocale.system()
    if QLocale(language).language() == system.language():
        return system
    return QLocale(language)


class QLocaleFormats(i18nmark.Formats):
    """Dates, times and numbers the way ``locale`` writes them."""

    def __init__(self, locale: QLocale) -> None:
        self._locale = locale

    def time(self, moment: dt.datetime) -> str:
        return self._locale.toString(QTime(moment.hour, moment.minute, moment.second),
                                     QLocale.FormatType.ShortFormat)

    def date_long(self, day: dt.date) -> str:
        return self._locale.toString(QDate(day.year, day.month, day.day),
                                     QLocale.FormatType.LongFormat)

    def date_short(self, day: dt.date) -> str:
        return self._locale.toString(QDate(day.year, day.month, day.day),
                                     QLocale.FormatType.ShortFormat)

    def weekday_short(self, day: dt.date) -> str:
        return self._locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)

    def date_time(self, moment: dt.datetime) -> str:
        stamp = QDateTime(QDate(moment.year, moment.month, moment.day),
                          QTime(moment.hour, moment.minute, moment.second))
        return self._locale.toString(stamp, self._date_time_format())

    def number(self, value: int) -> str:
        return self._locale.toString(value)

    def _date_time_format(self) -> str:
        # The short date with a time to the second (the long time adds a zone name).
        time = self._locale.timeFormat(QLocale.FormatType.ShortFormat)
        if "ss" not in time:
            time = time.replace("mm", "mm:ss", 1)
        return self._locale.dateFormat(QLocale.FormatType.ShortFormat) + " " + time


class Languages(QObject):
    """The translators installed in the application; ``apply`` switches them.

    Args:
        data_dir: where messages are compiled when the package has no ``.qm`` (None:
            never compile, a test or a read-only run).
    """

    def __init__(self, data_dir: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._installed: list[QTranslator] = []
        self._current = ""
        # Qt-free modules translate through this seam from now on.
        i18nmark.install(QCoreApplication.translate)
        i18nmark.install_plural(Plurals(self).translated)

    def current(self) -> str:
        """The language shown now ("" before the first ``apply``)."""
        return self._current

    def apply(self, code: str) -> str:
        """Show the app in the language ``code`` ("system" or a shipped code) from now on;
        returns the shipped language it resolved to."""
        language = resolve(code)
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("Languages.apply needs a QCoreApplication")
        locale = locale_for(language)
        QLocale.setDefault(locale)
        i18nmark.install_formats(QLocaleFormats(locale))
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(self)
        if language != FALLBACK and qt.load(QLocale(language), "qtbase", "_", qt_dir):
            self._install(qt)
        own = QTranslator(self)
        path = qm_file(language, self._data_dir)
        if path is not None and own.load(str(path)):
            self._install(own)
        elif language != FALLBACK:
            log.warning("no messages for %s: showing English", language)
        if language != self._current:
            log.info("language %s -> %s", self._current or "(none)", language)
        self._current = language
        if not self._installed:
            # No translator changed, yet the locale (numbers, dates) did: tell the widgets.
            QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
        return language

    def _install(self, translator: QTranslator) -> None:
        QCoreApplication.installTranslator(translator)
        self._installed.append(translator)
