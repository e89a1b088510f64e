"""Named loggers per area and the one ``setup()``. Qt-free.

Areas: ``gfdesk.realtime``, ``gfdesk.auth``, ``gfdesk.rest``, ``gfdesk.call``,
``gfdesk.ui``, ``gfdesk.bridge``, ``gfdesk.hub`` (plus ``gfdesk.app``). Qt's own
messages are routed to ``gfdesk.ui`` by the composition root.

Secrets never reach a log: every handler formats through ``RedactingFormatter``, which
masks anything shaped like a JWT and every value registered with ``redact()`` (keys,
passwords, refresh tokens), in the message, its arguments and any traceback. It sits
on the handlers, not the loggers, so third-party loggers (the realtime client logs
whole frames) are covered too.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import threading
from pathlib import Path

app = logging.getLogger("gfdesk.app")
realtime = logging.getLogger("gfdesk.realtime")
auth = logging.getLogger("gfdesk.auth")
rest = logging.getLogger("gfdesk.rest")
call = logging.getLogger("gfdesk.call")
ui = logging.getLogger("gfdesk.ui")
bridge = logging.getLogger("gfdesk.bridge")
hub = logging.getLogger("gfdesk.hub")

LOG_FILE = "gfdesk.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5
MASK = "[redacted]"
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
# header.payload.signature in base64url; JWT headers always start with eyJ ('{"').
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
# Secrets shorter than this are not masked: masking "a" would shred every line.
_MIN_SECRET_LEN = 6

# Longest first, so a secret containing another is masked whole. Replaced (never
# mutated) under the lock, so ``scrub`` reads it without taking the lock or sorting
# on every log line.
_secrets: tuple[str, ...] = ()
_secrets_lock = threading.Lock()


def redact(secret: str | None) -> None:
    """Mask ``secret`` in every log line from now on."""
    global _secrets
    if secret and len(secret) >= _MIN_SECRET_LEN:
        with _secrets_lock:
            if secret not in _secrets:
                _secrets = tuple(sorted((*_secrets, secret), key=len, reverse=True))


def scrub(text: str) -> str:
    """``text`` with JWTs and registered secrets masked."""
    text = _JWT.sub(MASK, text)
    for secret in _secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then masks secrets in the finished line."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def setup(level: str = "INFO", log_dir: Path | None = None, *, stderr: bool = True) -> Path | None:
    """Configure the root logger once: a rotating file under ``log_dir`` and stderr.

    Returns:
        The log file's path, or None when it could not be opened (the app runs on
        with stderr only and says so there).
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_gfdesk", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.DEBUG if level == "DEBUG" else logging.INFO)
    formatter = RedactingFormatter(FORMAT)
    path: Path | None = None
    if log_dir is not None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            path = log_dir / LOG_FILE
            file_handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
            )
        except OSError as exc:
            print(f"gfdesk: cannot write the log file in {log_dir}: {exc}", file=sys.stderr)
            path = None
        else:
            _add(root, file_handler, formatter, logging.DEBUG if level == "DEBUG" else logging.INFO)
    if stderr:
        _add(root, logging.StreamHandler(sys.stderr), formatter, getattr(logging, level))
    # Third-party chatter below WARNING is noise in a user's log unless debugging.
    for noisy in ("realtime", "websockets", "httpx", "httpcore", "hpack", "aioice", "aiortc"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if level == "DEBUG" else logging.WARNING)
    # qasync's DEBUG is a trace of its own worker threads: never useful in a user's log.
    logging.getLogger("qasync").setLevel(logging.INFO)
    return path


def _add(root: logging.Logger, handler: logging.Handler, formatter: logging.Formatter,
         level: int) -> None:
    handler.setFormatter(formatter)
    handler.setLevel(level)
    handler._gfdesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
