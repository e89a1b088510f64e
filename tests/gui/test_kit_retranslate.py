"""Retranslating: a widget re-words itself on LanguageChange, and only then; every
change event still reaches the Qt base."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from gfdesk.kit.retranslate import Retranslating
from gfdesk.ui.language import Languages
from tests.gui.languages import languages

__all__ = ["languages"]  # the fixture


class _Recorder(QWidget):
    """A Qt base that records the change events it is given."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[QEvent.Type] = []

    def changeEvent(self, event: QEvent) -> None:
        self.seen.append(event.type())
        super().changeEvent(event)


class _Counting(Retranslating, _Recorder):
    def __init__(self) -> None:
        super().__init__()
        self.retranslated = 0
        self.button = QPushButton(self)
        self._retranslate()

    def _retranslate(self) -> None:
        self.retranslated += 1
        # The Quit action's context and source: German is "Beenden".
        self.button.setText(QCoreApplication.translate("MainWindow", "Quit"))


def test_language_change_calls_retranslate_and_the_base(qtbot: QtBot) -> None:
    widget = _Counting()
    qtbot.addWidget(widget)
    assert widget.retranslated == 1  # its own first wording
    QApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
    assert widget.retranslated == 2
    assert widget.seen.count(QEvent.Type.LanguageChange) == 1


@pytest.mark.parametrize("kind", [QEvent.Type.EnabledChange, QEvent.Type.FontChange,
                                  QEvent.Type.PaletteChange, QEvent.Type.StyleChange,
                                  QEvent.Type.LocaleChange, QEvent.Type.WindowTitleChange])
def test_other_change_events_do_not_retranslate(qtbot: QtBot, kind: QEvent.Type) -> None:
    widget = _Counting()
    qtbot.addWidget(widget)
    QApplication.sendEvent(widget, QEvent(kind))
    assert widget.retranslated == 1
    assert kind in widget.seen  # the base still gets it


def test_a_real_state_change_reaches_the_base_without_rewording(qtbot: QtBot) -> None:
    widget = _Counting()
    qtbot.addWidget(widget)
    widget.setEnabled(False)
    assert QEvent.Type.EnabledChange in widget.seen
    assert widget.retranslated == 1


def test_the_mixin_comes_before_the_qt_base() -> None:
    mro = _Counting.__mro__
    assert mro.index(Retranslating) < mro.index(_Recorder) < mro.index(QWidget)


def test_a_live_switch_rewords_it_once_each_way(ui_app: QApplication, qtbot: QtBot,
                                                languages: Languages) -> None:
    widget = _Counting()
    qtbot.addWidget(widget)
    widget.show()
    assert widget.button.text() == "Quit"
    languages.apply("de")
    qtbot.waitUntil(lambda: widget.button.text() == "Beenden")
    after_german = widget.retranslated
    assert after_german >= 2
    languages.apply("en")
    qtbot.waitUntil(lambda: widget.button.text() == "Quit")
    assert widget.retranslated > after_german


def test_a_subclass_without_wording_says_so(qtbot: QtBot) -> None:
    class Silent(Retranslating, QWidget):
        pass

    widget = Silent()
    qtbot.addWidget(widget)
    with pytest.raises(NotImplementedError, match="Silent"):
        widget._retranslate()
