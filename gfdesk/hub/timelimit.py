"""Statement time limits for the hub's SQLite work, PostgreSQL's ``statement_timeout``. Qt-free.

``limited(conn, seconds)`` runs a block of statements on ``conn`` under one deadline:
SQLite calls a progress handler every ``PROGRESS_STEPS`` virtual-machine instructions,
and the handler stops the statement once the deadline has passed (SQLite then raises
"interrupted"). SQL functions written in Python (LIKE matching on a long text) are one
instruction to SQLite however long they run, so they call ``check()`` themselves. Either
way the block ends in ``StatementTimeout``, which REST reports as PostgreSQL's 57014.

The deadline is per thread: each database thread runs one block at a time.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

#: Instructions between two looks at the clock: frequent enough to stop within
#: milliseconds, rare enough to cost nothing measurable.
PROGRESS_STEPS = 2000

_local = threading.local()


class StatementTimeout(Exception):
    """A statement ran past its time limit (SQLSTATE 57014)."""

    def __init__(self) -> None:
        super().__init__("canceling statement due to statement timeout")


def check() -> None:
    """Raise ``StatementTimeout`` when this thread's current block is past its deadline.

    For long-running Python SQL functions; a no-op outside ``limited``.

    Raises:
        StatementTimeout: the deadline has passed.
    """
    deadline: float | None = getattr(_local, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        _local.expired = True
        raise StatementTimeout


@contextmanager
def limited(conn: sqlite3.Connection, seconds: float | None) -> Iterator[None]:
    """Run the block's statements on ``conn`` within ``seconds`` (None: no limit).

    Raises:
        StatementTimeout: a statement was stopped at the deadline.
    """
    if seconds is None:
        yield
        return
    deadline = time.monotonic() + seconds
    _local.deadline, _local.expired = deadline, False

    def progress() -> int:
        if time.monotonic() > deadline:
            _local.expired = True
            return 1
        return 0

    conn.set_progress_handler(progress, PROGRESS_STEPS)
    try:
        yield
    except Exception:
        # SQLite reports the stop as "interrupted", a Python function's as "user-defined
        # function raised exception", and callers may wrap either: the flag is the truth.
        if _local.expired:
            raise StatementTimeout from None
        raise
    finally:
        conn.set_progress_handler(None, 0)
        _local.deadline = None
