"""Qt's own messages (qDebug, qWarning, ...) into our log, at matching levels.

Installed once by the composition root, after ``gfdesk.log.setup``. Qt reports
problems it recovers from as warnings (a stylesheet it cannot parse, a property
that does not exist); without this handler they go to stderr and never reach the
log file a user sends with a bug report.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

LOGGER_NAME = "gfdesk.ui"
LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
#: Harmless warnings from platform plugins, logged at DEBUG instead.
NOISE = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
)


def _handle(msg_type: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = LEVELS.get(msg_type, logging.WARNING)
    if level >= logging.WARNING and message.startswith(NOISE):
        level = logging.DEBUG
    logger = logging.getLogger(LOGGER_NAME)
    if not logger.isEnabledFor(level):
        return
    category = context.category if context.category and context.category != "default" else ""
    where = f" ({context.file}:{context.line})" if context.file else ""
    prefix = f"[{category}] " if category else ""
    logger.log(level, "Qt: %s%s%s", prefix, message, where)


def install_qt_message_handler() -> None:
    """Route Qt's messages to ``logging.getLogger("gfdesk.ui")`` from now on."""
    qInstallMessageHandler(_handle)


def uninstall_qt_message_handler() -> None:
    """Give Qt back its default handler (stderr): the last step of shutdown, so no Qt
    message emitted while Python tears down calls into a half-finalised ``logging``."""
    qInstallMessageHandler(None)
