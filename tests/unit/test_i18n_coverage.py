"""Every visible string goes through Qt's translation, and the translations are complete."""

from __future__ import annotations

import ast
import importlib.util
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

import gfdesk
from gfdesk import i18nmark, i18nscan

PACKAGE = Path(gfdesk.__file__).resolve().parent
ROOT = PACKAGE.parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_script",
                                                  ROOT / "scripts" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_visible_string_escapes_tr() -> None:
    escapes = i18nscan.scan(i18nscan.qt_sources(PACKAGE))
    assert not escapes, "wrap these in self.tr()/QCoreApplication.translate():\n" + "\n".join(
        str(e) for e in escapes)


def test_the_scan_finds_literals_outside_tr(tmp_path: Path) -> None:
    source = tmp_path / "view.py"
    source.write_text(textwrap.dedent('''
        class View(QWidget):
            def __init__(self):
                QLabel("Hello there", self)
                self.button.setText(f"Send to {name}")
                self.tabs.addTab(page, "Profile")
                self.edit.setPlaceholderText(self.tr("Search friends"))
                QLabel("—", self)
                menu.addAction(QCoreApplication.translate("View", "Block"))
                form.addRow("Qt", value)  # i18n: verbatim
                QMessageBox.warning(self, "Oops", "It broke")
                self.notice.emit(f"Could not rename: {exc}")
                self.notice.emit(self.tr("Could not rename: {reason}").format(reason=exc))
                self.rows_changed.emit("Not a message")
    '''), encoding="utf-8")
    found = [(e.call, e.text) for e in i18nscan.scan([source])]
    assert found == [("QLabel", "Hello there"), ("setText", "Send to "),
                     ("addTab", "Profile"), ("warning", "Oops"), ("warning", "It broke"),
                     ("emit", "Could not rename: ")]


def test_translations_are_complete_and_up_to_date() -> None:
    script = _script()
    assert script.check() == []
    for code in ("de", "pt_BR"):
        assert script.unfinished(script.ts_file(code)) == []
        assert len(script.messages(script.ts_file(code))) > 250


def test_every_plural_of_a_qt_free_module_is_extracted() -> None:
    # lupdate reads plurals only from self.tr(text, "", n): gfdesk.ui.plurals lists them.
    listed = {node.args[0].value
              for node in ast.walk(ast.parse((PACKAGE / "ui" / "plurals.py").read_text()))
              if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "tr"
              and node.args and isinstance(node.args[0], ast.Constant)}
    used = set()
    for file in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "plural" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                used.add(node.args[0].value)
    assert used, "no plural() call found: the scan is broken"
    assert used <= listed, f"add to gfdesk/ui/plurals.py: {sorted(used - listed)}"


def test_qt_free_defaults_speak_english() -> None:
    assert i18nmark.translate("ctx", "Hello") == "Hello"
    assert i18nmark.plural("%n players", 3) == "3 players"
    assert i18nmark.formats().number(12345) == "12,345"


@pytest.mark.parametrize("value, code", [("system", "system"), ("DE", "de"), ("pt-BR", "pt_BR"),
                                         ("pt_br", "pt_BR"), ("en", "en")])
def test_language_codes(value: str, code: str) -> None:
    from gfdesk.config import language_code

    assert language_code(value) == code


def test_a_language_gfdesk_does_not_ship_is_refused() -> None:
    from gfdesk.config import ConfigError, language_code

    with pytest.raises(ConfigError, match="klingon"):
        language_code("klingon")


def test_the_language_table_is_saved_beside_the_others(tmp_path: Path) -> None:
    from gfdesk.config import read_language, save_language

    config = tmp_path / "config.toml"
    config.write_text('[app]\nprofile = "demo"\n\n[language]\ncode = "en"\n\n'
                      '[calls]\ncamera = "/dev/video0"\n', encoding="utf-8")
    assert read_language(config) == "en"
    save_language(config, "pt_BR")
    assert read_language(config) == "pt_BR"
    text = config.read_text(encoding="utf-8")
    assert 'profile = "demo"' in text and 'camera = "/dev/video0"' in text
    assert text.count("[language]") == 1
    assert read_language(tmp_path / "missing.toml") == "system"
