"""Bringing the running window to the front for a later launch, with the activation
token the later launch handed over (``instance.Request.activation_token``).

Wayland lets a window take the focus only with an xdg-activation token from the
compositor. Qt has no public call that takes one: its Wayland plugin
(``QWaylandXdgSurface::requestActivate`` in qtwayland, Qt 6) reads the
``XDG_ACTIVATION_TOKEN`` environment variable when a window asks to be activated
or is first shown, activates with it and unsets the variable. So the token goes into
this process's environment just for the call, and whatever Qt did not take is removed
after it, so that no child process inherits a spent token.

X11's startup notification (``DESKTOP_STARTUP_ID``) cannot be passed on the same way:
Qt's xcb plugin reads that variable once, when it connects to the X server
(``QXcbConnection``'s constructor), and never again; the id of a later launch has no
way into a running Qt (the plugin's ``setstartupid`` native function is C++ only). It
is therefore not carried; on X11 the window manager's own focus rules decide.
"""

from __future__ import annotations

import hashlib
import os

from PySide6.QtCore import QProcessEnvironment, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from gfdesk.desktop.instance import ACTIVATION_TOKEN, ACTIVATION_TOKEN_ENV
from gfdesk.log import app as log


def token_tag(token: str) -> str:
    """A short digest naming ``token`` in the log without spelling it."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()[:8]


def bring_to_front(window: QWidget, token: str | None = None) -> bool:
    """Show ``window`` (restored if minimised, still maximised if it was), raise it and
    ask for the focus, with ``token`` if given. Returns whether Qt used the token.

    Raises:
        ValueError: ``token`` is not one ``instance.ACTIVATION_TOKEN`` accepts (the
            hand-over checked it; this keeps anything else out of the environment).
    """
    if token is not None and not ACTIVATION_TOKEN.fullmatch(token):
        raise ValueError("not an activation token")
    if token is not None:
        os.environ[ACTIVATION_TOKEN_ENV] = token
    try:
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
    finally:
        # Qt unsets the C environment's copy when it takes the token; os.environ does
        # not see that, so ask the process environment itself.
        used = token is not None and not _process_has(ACTIVATION_TOKEN_ENV)
        if token is not None:
            os.environ.pop(ACTIVATION_TOKEN_ENV, None)
    if token is not None:
        log.info("activation token %s %s by Qt's %s platform", token_tag(token),
                 "used" if used else "not used", QGuiApplication.platformName())
    return used


def _process_has(name: str) -> bool:
    return QProcessEnvironment.systemEnvironment().contains(name)
