"""The translation scan follows text that reaches the screen indirectly (gfdesk.i18nscan).

Each kind of flow is shown twice: flagged when the text is not marked, let through when
it is.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from gfdesk import i18nscan


def _found(tmp_path: Path, source: str, library: str = "") -> list[tuple[str, str]]:
    (tmp_path / "pkg").mkdir(parents=True)
    (tmp_path / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    view = tmp_path / "pkg" / "view.py"
    view.write_text(textwrap.dedent(source), encoding="utf-8")
    extra = []
    if library:
        extra.append(tmp_path / "pkg" / "wording.py")
        extra[0].write_text(textwrap.dedent(library), encoding="utf-8")
    return [(e.call, e.text) for e in i18nscan.scan([view], extra)]


KINDS = {
    "helper parameter": ('''
        class Window(QWidget):
            def __init__(self):
                self.mute = self._button("mic", "Mute")
                self.hang_up = self._button("phone", tip="Hang up")

            def _button(self, icon, tip):
                button = QPushButton(self)
                button.setToolTip(tip)
                return button
        ''', '''
        class Window(QWidget):
            def __init__(self):
                self.mute = self._button("mic", self.tr("Mute"))
                self.hang_up = self._button("phone", tip=self.tr("Hang up"))

            def _button(self, icon, tip):
                button = QPushButton(self)
                button.setToolTip(tip)
                return button
        ''', [("_button", "Mute"), ("_button", "Hang up")]),
    "helper of a helper": ('''
        def _plain(text, parent):
            return plain_label(text, parent)

        def plain_label(text, parent):
            return QLabel(text, parent)

        def build(parent):
            _plain("Members", parent)
        ''', '''
        def _plain(text, parent):
            return plain_label(text, parent)

        def plain_label(text, parent):
            return QLabel(text, parent)

        def build(parent):
            _plain(QCoreApplication.translate("Dialog", "Members"), parent)
        ''', [("_plain", "Members")]),
    "loop over a literal table": ('''
        def menu(menu):
            for text, kind in (("Video call", "video"), ("Voice call", "audio")):
                menu.addAction(text)
        ''', '''
        def menu(menu):
            for text, kind in ((tr("Video call"), "video"), (tr("Voice call"), "audio")):
                menu.addAction(text)
        ''', [("addAction", "Video call"), ("addAction", "Voice call")]),
    "local variable and concatenation": ('''
        def show(self, muted):
            caption = "Voice call" + (" · muted" if muted else "")
            self.label.setText(caption)
        ''', '''
        def show(self, muted):
            caption = self.tr("Voice call · muted") if muted else self.tr("Voice call")
            self.label.setText(caption)
        ''', [("setText", "Voice call"), ("setText", " · muted")]),
    "conditional expression": ('''
        def show(self, done):
            self.button.setText("Correct result" if done else "Report result")
        ''', '''
        def show(self, done):
            self.button.setText(self.tr("Correct result") if done else self.tr("Report result"))
        ''', [("setText", "Correct result"), ("setText", "Report result")]),
    "f-string with a plural hack": ('''
        def show(self, count):
            self.label.setText(f"{count} friend{'s' if count != 1 else ''} chosen")
        ''', '''
        def show(self, count):
            self.label.setText(self.tr("%n friend(s) chosen", "", count))
        ''', [("setText", " friend chosen"), ("setText", "s")]),
    "format and join": ('''
        def show(self, sources):
            self.label.setText(" · ".join(f"Sending: {s}" for s in sources))
            self.other.setText("{n} unread".format(n=3))
        ''', '''
        def show(self, sources):
            self.label.setText(" · ".join(self.tr("Sending: {source}").format(source=s)
                                          for s in sources))
            self.other.setText(self.tr("{n} unread").format(n=3))
        ''', [("setText", "Sending: "), ("setText", "{n} unread")]),
    "a table of labels": ('''
        LABELS = {"video": "Video call", "audio": "Voice call"}

        def show(self, kind):
            self.label.setText(LABELS[kind])
            self.other.setToolTip(LABELS.get(kind, "Call"))
        ''', '''
        LABELS = {"video": QT_TRANSLATE_NOOP("v", "Video call"),
                  "audio": QT_TRANSLATE_NOOP("v", "Voice call")}

        def show(self, kind):
            self.label.setText(translate("v", LABELS[kind]))
        ''', [("setText", "Video call"), ("setText", "Voice call"),
              ("setToolTip", "Call")]),
    "a returned text": ('''
        def _caption(on):
            return "Camera on" if on else "Camera off"

        def show(self, on):
            self.label.setText(_caption(on))
        ''', '''
        def _caption(on):
            return tr("Camera on") if on else tr("Camera off")

        def show(self, on):
            self.label.setText(_caption(on))
        ''', [("setText", "Camera on"), ("setText", "Camera off")]),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_of_flow_is_followed(tmp_path: Path, kind: str) -> None:
    unmarked, marked, expected = KINDS[kind]
    assert sorted(_found(tmp_path / "a", unmarked)) == sorted(expected)
    assert _found(tmp_path / "b", marked) == []


def test_a_qt_free_module_lends_its_texts(tmp_path: Path) -> None:
    view = '''
        from pkg.wording import kind_text

        def show(self, kind):
            self.label.setText(kind_text(kind))
    '''
    unmarked = '''
        def kind_text(kind):
            return "Video call" if kind == "video" else "Voice call"
    '''
    marked = '''
        def kind_text(kind):
            return translate("wording", "Video call" if kind == "video" else "Voice call")
    '''
    assert _found(tmp_path / "a", view, unmarked) == [("setText", "Video call"),
                                                      ("setText", "Voice call")]
    assert _found(tmp_path / "b", view, marked) == []


def test_markup_data_and_verbatim_lines_are_not_words(tmp_path: Path) -> None:
    assert _found(tmp_path, '''
        def show(self, text, name):
            self.label.setToolTip(f"<qt>{text}</qt>")
            self.label.setText(name.replace("%n", "x"))
            self.setWindowTitle("gfdesk")  # i18n: verbatim
            combo.addItem(self.tr("Video"), "video")
    ''') == []


def test_an_unrelated_function_of_the_same_name_is_not_followed(tmp_path: Path) -> None:
    # describe() here is neither this module's nor imported: another module's says nothing.
    assert _found(tmp_path, '''
        from elsewhere import describe

        def show(self, hub):
            self.label.setText(describe(hub))
    ''', '''
        def describe(hub):
            return "no TLS"
    ''') == []
