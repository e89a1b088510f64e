"""Fail a test on any unexpected WARNING (or worse) log record.

A test that expects one says so with the ``expected_logs`` fixture:
``expected_logs.allow("gfdesk.hub", "refused")`` lets records of that logger whose
message contains the text through.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class ExpectedLogs:
    def __init__(self) -> None:
        self._allowed: list[tuple[str, str]] = []

    def allow(self, logger: str, text: str = "") -> None:
        self._allowed.append((logger, text))

    def is_allowed(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return any(
            (record.name == name or record.name.startswith(name + ".")) and text in message
            for name, text in self._allowed
        )


@pytest.fixture
def expected_logs() -> ExpectedLogs:
    return ExpectedLogs()


@pytest.fixture(autouse=True)
def _fail_on_unexpected_logs(expected_logs: ExpectedLogs) -> Iterator[None]:
    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        yield
    finally:
        root.removeHandler(collector)
    bad = [r for r in collector.records if not expected_logs.is_allowed(r)]
    if bad:
        lines = "\n".join(f"  {r.name} {r.levelname}: {r.getMessage()}" for r in bad)
        pytest.fail(f"unexpected log records:\n{lines}", pytrace=False)
