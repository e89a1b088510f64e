"""The ``languages`` fixture: the application's translators for a test that switches
language live (import it into a test module); English and the default formats again
after."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from gfdesk import i18nmark
from gfdesk.ui.language import Languages


def _reset(app: QApplication) -> None:
    for languages in app.findChildren(Languages):
        languages.apply("en")
        languages.setParent(None)
        languages.deleteLater()
    i18nmark.install(None)
    i18nmark.install_plural(None)
    i18nmark.install_formats(None)


@pytest.fixture
def languages(ui_app: QApplication) -> Iterator[Languages]:
    """The application's translators; English and the default formats again after."""
    default = QLocale()
    _reset(ui_app)
    chosen = Languages(None, ui_app)
    try:
        yield chosen
    finally:
        _reset(ui_app)
        QLocale.setDefault(default)
