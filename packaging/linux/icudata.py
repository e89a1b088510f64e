"""A smaller ICU data library for the Linux bundle: Qt's libicudata without the parts of
ICU's data that Qt never reaches.

The PySide6 wheels' Qt links ICU 73, whose data library (``libicudata.so.73``, 32 MB)
holds one ICU "common data" package (the symbol ``icudt73_dat``): a table of contents
and some 3,900 items named like ``icudt73l/coll/de.res``. QtCore calls only four ICU
services (the ICU functions it imports, ``nm -D --undefined-only libQt6Core.so.6``):
collation (``ucol_*``: QCollator), case mapping (``u_strToLower``/``u_strToUpper``:
QLocale::toLower/toUpper), converters (``ucnv_*``: QStringConverter's encodings beyond
UTF and Latin-1) and time-zone names (``ucal_*``: QTimeZone::displayName). No other Qt
library in the bundle imports ICU. So the trees these never open go:

- ``brkitr/``: break-iterator rules and dictionaries (Qt breaks text with its own tables);
- ``translit/``: transliterators; ``rbnf/``: spelled-out numbers;
- ``unit/``, ``curr/``, ``lang/``: display names of units, currencies and languages
  (time-zone names use the region names in ``region/``, which stay);
- ``*.spp`` (StringPrep, the IDNA2003 API; Qt has its own IDNA) and ``*.cfu`` (spoof
  checks).

Locales, collation, zones, regions, converters and the Unicode properties all stay.
ICU opens a missing item as "not found" (it would then look in ICU_DATA's folder), never
crashes. tests/unit/test_icudata.py runs Qt's ICU services against the wheel's data and
this one and checks the answers are the same.

    python packaging/linux/icudata.py SOURCE.so OUT.so [--workdir DIR]

needs a C compiler (the data goes in with the assembler's ``.incbin``).
"""

from __future__ import annotations

import argparse
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

#: Item trees (second path part) and file kinds that Qt's ICU calls never open.
DROPPED_TREES = frozenset({"brkitr", "translit", "rbnf", "unit", "curr", "lang"})
DROPPED_KINDS = (".spp", ".cfu")
ALIGN = 16


def _elf_symbol(data: bytes, wanted: str) -> tuple[int, int]:
    """File offset and size of the dynamic symbol ``wanted`` in a 64-bit little-endian
    ELF shared library."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)
                for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strtab = sections[link][4]
        for at in range(offset, offset + size, entsize):
            name_at, _info_b, _other, shndx, value, sym_size = struct.unpack_from(
                "<IBBHQQ", data, at)
            end = data.index(b"\0", strtab + name_at)
            if data[strtab + name_at:end].decode() == wanted:
                # The symbol's address -> file offset, through its section.
                _n, _k, _f, s_addr, s_offset, *_ = sections[shndx]
                return value - s_addr + s_offset, sym_size
    raise ValueError(f"no symbol {wanted}")


def package_items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the (name, bytes) items of an ICU common data package."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", package, 0)
    if (magic1, magic2) != (0xDA, 0x27) or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    count, = struct.unpack_from("<I", package, header_size)
    entries = [struct.unpack_from("<II", package, header_size + 4 + 8 * i)
               for i in range(count)]
    toc_size = len(package) - header_size
    items = []
    for i, (name_at, data_at) in enumerate(entries):
        start = header_size + name_at
        name = package[start:package.index(b"\0", start)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else toc_size
        items.append((name, package[header_size + data_at:header_size + end]))
    return package[:header_size], items


def build_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """An ICU common data package of ``items`` (kept in their sorted order: ICU looks
    names up by binary search)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_head = 4 + 8 * len(items)
    data_start = -(-(len(header) + toc_head + len(names)) // ALIGN) * ALIGN - len(header)
    entries, blobs, name_at, data_at = [], [], toc_head, data_start
    for name, blob in items:
        entries.append(struct.pack("<II", name_at, data_at))
        name_at += len(name) + 1
        padded = blob + b"\0" * (-len(blob) % ALIGN)
        blobs.append(padded)
        data_at += len(padded)
    toc = struct.pack("<I", len(items)) + b"".join(entries) + names
    toc += b"\xaa" * (data_start - len(toc))  # pkgdata's filler
    return header + toc + b"".join(blobs)


def kept(name: str) -> bool:
    parts = name.split("/")
    if len(parts) > 2 and parts[1] in DROPPED_TREES:
        return False
    return not name.endswith(DROPPED_KINDS)


def trim(source: Path, out: Path, workdir: Path | None = None) -> tuple[int, int]:
    """Write a trimmed copy of the ICU data library ``source`` to ``out``; returns the
    item counts (kept, dropped)."""
    data = source.read_bytes()
    soname = source.name  # libicudata.so.73
    version = soname.rsplit(".", 1)[-1]
    symbol = f"icudt{version}_dat"
    offset, size = _elf_symbol(data, symbol)
    header, items = package_items(data[offset:offset + size])
    keep = [(name, blob) for name, blob in items if kept(name)]
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        raise RuntimeError("no C compiler")
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        blob = Path(tmp) / "icudata.dat"
        blob.write_bytes(build_package(header, keep))
        asm = Path(tmp) / "icudata.S"
        asm.write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            f"\t.balign {ALIGN}\n"
            f"{symbol}:\n"
            f"\t.incbin \"{blob}\"\n"
            f"\t.size {symbol}, . - {symbol}\n"
            "\t.section .note.GNU-stack,\"\",@progbits\n")
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([compiler, "-shared", "-nostdlib", "-s", f"-Wl,-soname,{soname}",
                        "-o", str(out), str(asm)], check=True)
    return len(keep), len(items) - len(keep)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    kept_n, dropped = trim(args.source, args.out, args.workdir)
    print(f"{args.out}: {kept_n} ICU data items kept, {dropped} dropped, "
          f"{args.source.stat().st_size / 1e6:.1f} -> {args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
