"""gfdesk.log: secrets never reach a log line, whatever logger wrote it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from gfdesk import log
from tests.helpers.logfail import ExpectedLogs

JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiIsImV4cCI6MTk4MzgxMjk5Nn0"
    ".CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0"
)


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = log.setup("DEBUG", tmp_path, stderr=False)
    assert path is not None
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_gfdesk", False):
            root.removeHandler(handler)
            handler.close()


def test_jwts_and_registered_secrets_are_masked(log_file: Path,
                                                expected_logs: ExpectedLogs) -> None:
    expected_logs.allow("gfdesk.auth", "refresh failed")
    log.redact("hunter2-password")
    log.auth.info("token %s for %s", JWT, "alice")
    logging.getLogger("realtime").debug("frame {'access_token': '%s'}", JWT)
    log.auth.info("password was hunter2-password")
    try:
        raise ValueError(f"bad token {JWT}")
    except ValueError:
        log.auth.exception("refresh failed")
    text = log_file.read_text(encoding="utf-8")
    assert JWT not in text
    assert "hunter2-password" not in text
    assert text.count(log.MASK) == 4
    assert "for alice" in text


def test_short_values_are_not_treated_as_secrets() -> None:
    log.redact("a")
    assert log.scrub("a cat") == "a cat"


def test_a_secret_containing_another_is_masked_whole() -> None:
    log.redact("pw-7f3k2q")
    log.redact("pw-7f3k2q-longer-9x")
    log.redact("pw-7f3k2q-longer-9x")  # twice is once
    assert log.scrub("a pw-7f3k2q-longer-9x b pw-7f3k2q") == "a [redacted] b [redacted]"


def test_unwritable_log_dir_falls_back_to_stderr(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a dir")
    assert log.setup("INFO", blocker / "logs", stderr=False) is None
    assert "cannot write the log file" in capsys.readouterr().err
