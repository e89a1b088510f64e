"""Giving freed memory back to the system (glibc). Qt-free.

Every large buffer the hub frees (a slow consumer's backlog, a big request body)
should leave the process, or its memory stays high after the sockets that needed it
are gone. glibc serves large allocations with ``mmap`` (returned on ``free``), but it
raises that threshold each time such a block is freed, after which blocks of that
size come from the heap and stay there. ``keep_large_blocks_mapped`` pins the
threshold, ``trim`` returns free heap pages. Both are no-ops where glibc is absent.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

from gfdesk.log import hub as log

#: glibc's mallopt parameters.
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
#: Blocks at least this large are always mapped (glibc's initial threshold).
MMAP_THRESHOLD_BYTES = 128 * 1024
TRIM_THRESHOLD_BYTES = 4 * 1024 * 1024


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name or "libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


def keep_large_blocks_mapped() -> bool:
    """Pin glibc's mmap threshold (and trim threshold); whether it was done."""
    libc = _libc()
    if libc is None:
        return False
    done = bool(libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)) and bool(
        libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES))
    log.debug("hub: large blocks stay mapped: %s", done)
    return done


def trim() -> None:
    """Give free heap pages back to the system (after a burst of large frees)."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
