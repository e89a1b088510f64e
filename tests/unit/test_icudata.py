"""packaging/linux/icudata.py: the bundle's trimmed ICU data library answers every ICU
service Qt uses (collation, case mapping, time-zone names, converters) exactly as the
wheel's full one does.

Each side runs in a fresh process with the data library preloaded (the dynamic linker
then satisfies Qt's ``libicudata.so.73`` with it); a library missing the collation and
zone trees is the control that shows the preload takes effect."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the Linux bundle's ICU data")

#: Qt's ICU services, in the languages gfdesk ships and a few with their own rules.
PROBE = r'''
import functools, json
from PySide6.QtCore import (QBuffer, QByteArray, QCollator, QDateTime, QIODevice, QLocale,
                            QStringConverter, QStringDecoder, QTimeZone, QXmlStreamReader)
words = ["Äpfel", "apfel", "Zebra", "été", "ete", "Ölkanne", "ß", "ss", "İstanbul", "ıi",
         "中文", "日本", "한국", "ção", "cao", "10", "9", "a-b", "ab"]
out = {}
when = QDateTime.fromSecsSinceEpoch(1700000000, QTimeZone(b"Europe/Berlin"))
for name in ["de_DE", "pt_BR", "en_US", "sv_SE", "tr_TR", "ja_JP", "zh_CN"]:
    locale = QLocale(name)
    collator = QCollator(locale)
    out["sort " + name] = sorted(words, key=functools.cmp_to_key(collator.compare))
    collator.setNumericMode(True)
    out["numeric " + name] = sorted(words, key=functools.cmp_to_key(collator.compare))
    out["case " + name] = [locale.toUpper("istanbul straße ǆ"), locale.toLower("İSTANBUL ΣΑΣ")]
    for zone in [b"Europe/Berlin", b"America/Sao_Paulo", b"Asia/Tokyo", b"UTC"]:
        out["zone " + name + " " + zone.decode()] = [
            QTimeZone(zone).displayName(kind, style, locale)
            for kind in QTimeZone.TimeType for style in QTimeZone.NameType]
    out["date " + name] = locale.toString(when, QLocale.FormatType.LongFormat)
out["codecs"] = QStringConverter.availableCodecs()
for codec, text in [("Shift_JIS", "日本語テキスト"), ("GB18030", "中文文本"), ("Big5", "中文"),
                    ("EUC-KR", "한국어"), ("windows-1252", "café €"), ("KOI8-R", "привет")]:
    buffer = QBuffer()
    buffer.setData(QByteArray(
        f'<?xml version="1.0" encoding="{codec}"?><a>{text}</a>'.encode(codec)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QXmlStreamReader(buffer)
    read = []
    while not reader.atEnd():
        reader.readNext()
        if reader.isCharacters():
            read.append(reader.text())
    out["codec " + codec] = [QStringDecoder(codec).isValid(), "".join(read)]
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
'''


def _icudata() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "icudata", ROOT / "packaging" / "linux" / "icudata.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _wheel_icu() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 has no ICU of its own")
    return found[0]


def _answers(preload: Path | None) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if preload is not None:
        env["LD_PRELOAD"] = str(preload)
    ran = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                         text=True, timeout=120, check=True)
    answers: dict[str, object] = json.loads(ran.stdout)
    return answers


@pytest.fixture(scope="module")
def full() -> dict[str, object]:
    return _answers(None)


@pytest.mark.skipif(shutil.which("cc") is None and shutil.which("gcc") is None,
                    reason="needs a C compiler")
def test_the_trimmed_data_answers_as_the_full_data(tmp_path: Path,
                                                   full: dict[str, object]) -> None:
    icudata = _icudata()
    source = _wheel_icu()
    out = tmp_path / source.name
    kept, dropped = icudata.trim(source, out)
    assert dropped > 1000 and kept > 2000
    assert out.stat().st_size < source.stat().st_size * 0.6

    assert _answers(out) == full
    # What the answers hold, so that equal answers are not equally empty.
    assert full["sort de_DE"][:8] == ["10", "9", "a-b", "ab", "apfel", "Äpfel", "cao", "ção"]  # type: ignore[index]
    assert full["zone de_DE Europe/Berlin"][0] == "Mitteleuropäische Normalzeit"  # type: ignore[index]
    assert full["codec Shift_JIS"] == [True, "日本語テキスト"]


@pytest.mark.skipif(shutil.which("cc") is None and shutil.which("gcc") is None,
                    reason="needs a C compiler")
def test_the_control_without_collation_and_zones_answers_differently(
        tmp_path: Path, full: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    icudata = _icudata()
    monkeypatch.setattr(icudata, "DROPPED_TREES", icudata.DROPPED_TREES | {"coll", "zone"})
    out = tmp_path / _wheel_icu().name
    icudata.trim(_wheel_icu(), out)
    control = _answers(out)
    assert control["sort de_DE"] != full["sort de_DE"]
    assert control["zone de_DE Europe/Berlin"] != full["zone de_DE Europe/Berlin"]


def test_a_package_rebuilt_whole_is_the_same_bytes() -> None:
    icudata = _icudata()
    data = _wheel_icu().read_bytes()
    offset, size = icudata._elf_symbol(data, f"icudt{_wheel_icu().name.rsplit('.', 1)[-1]}_dat")
    package = data[offset:offset + size]
    header, items = icudata.package_items(package)
    assert len(items) > 3000
    assert [name for name, _ in items] == sorted(name for name, _ in items)
    assert icudata.build_package(header, items) == package
