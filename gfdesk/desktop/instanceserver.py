"""The single-instance hand-over over a local socket (QtNetwork): the first instance's
server and a later launch's client.

The server is keyed per user, profile and data folder (``instance.instance_key``) and
only this user may connect (``UserAccessOption``). A later launch calls ``hand_over``
before it builds anything: it needs no QApplication and no event loop, and returns as
soon as the first instance acknowledged.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from gfdesk.desktop.instance import ACK, MAX_REQUEST_BYTES, Request, decode_request, encode_request
from gfdesk.log import app as log

#: How long a connected client may take to send its line before it is dropped.
READ_TIMEOUT_MS = 5000
#: The longest single blocking wait of a hand-over (see ``_wait``).
WAIT_SLICE_MS = 20
#: At most this many hand-overs are read at once (others wait in the backlog).
MAX_PENDING_CONNECTIONS = 4


class InstanceServer(QObject):
    """Listens for later launches of the same user, profile and data folder.

    Signals:
        request_received(object): a later launch's ``instance.Request``.
    """

    request_received = Signal(object)

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.setMaxPendingConnections(MAX_PENDING_CONNECTIONS)
        self._server.newConnection.connect(self._on_new_connection)

    def listen(self) -> bool:
        """Start listening. Only the holder of the instance lock calls this, so a
        socket left by a crashed run is removed first. Returns whether it listens."""
        QLocalServer.removeServer(self.key)
        if not self._server.listen(self.key):
            log.warning("single instance: cannot listen on %s: %s", self.key,
                        self._server.errorString())
            return False
        log.debug("single instance: listening on %s", self._server.fullServerName())
        return True

    def close(self) -> None:
        self._server.close()

    def _on_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            _Reader(socket, self)

    def _handle(self, request: Request) -> None:
        log.info("single instance: a later launch handed over %d link(s)",
                 len(request.links))
        self.request_received.emit(request)


class _Reader(QObject):
    """Reads one request line from one connection, answers, and goes."""

    def __init__(self, socket: QLocalSocket, server: InstanceServer) -> None:
        super().__init__(server)
        self._socket = socket
        socket.setParent(self)
        self._server = server
        self._buffer = b""
        self._done = False
        self._timer = QTimer(self)
        self._timer.setObjectName("instance:read-timeout")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._finish)
        self._timer.start(READ_TIMEOUT_MS)
        socket.readyRead.connect(self._on_ready_read)
        socket.disconnected.connect(self._finish)
        self._on_ready_read()

    def _on_ready_read(self) -> None:
        if self._done:
            return
        room = MAX_REQUEST_BYTES + 1 - len(self._buffer)
        self._buffer += bytes(self._socket.read(max(room, 1)).data())
        if b"\n" not in self._buffer:
            if len(self._buffer) > MAX_REQUEST_BYTES:
                log.warning("single instance: dropped an over-long hand-over")
                self._finish()
            return
        line = self._buffer.split(b"\n", 1)[0]
        try:
            request = decode_request(line)
        except ValueError as exc:
            log.warning("single instance: refused a hand-over: %s", exc)
            self._finish()
            return
        self._socket.write(ACK)
        self._socket.flush()
        self._server._handle(request)
        self._finish()

    def _finish(self) -> None:
        if self._done:
            return
        self._done = True
        if self._timer.isActive():
            self._timer.stop()
        socket = self._socket
        if socket.state() is QLocalSocket.LocalSocketState.ConnectedState:
            socket.disconnectFromServer()
        self.deleteLater()


def hand_over(key: str, request: Request, timeout_s: float = 10.0,
              stop_if: Callable[[], bool] | None = None) -> bool:
    """Give ``request`` to the running instance listening on ``key``; returns whether
    it acknowledged within ``timeout_s``.

    The lock holder may still be starting (its server listens a moment after it took
    the lock), or be quitting, so connecting is retried until the time is up or
    ``stop_if()`` says to stop (the lock came free: this launch is the first now).
    Blocking: called before any event loop exists.
    """
    deadline = time.monotonic() + timeout_s
    payload = encode_request(request)
    delay = 0.02
    while True:
        socket = QLocalSocket()
        socket.connectToServer(key)
        if _wait(socket.waitForConnected, deadline):
            socket.write(payload)
            _wait(socket.waitForBytesWritten, deadline)
            reply = b""
            while ACK not in reply and _wait(socket.waitForReadyRead, deadline):
                reply += bytes(socket.readAll().data())
            socket.abort()
            if ACK in reply:
                return True
        else:
            socket.abort()
        if time.monotonic() + delay >= deadline or (stop_if is not None and stop_if()):
            return False
        time.sleep(delay)  # nobody listens yet: the first instance is starting
        delay = min(delay * 2, 0.25)


def _wait(wait_for: Callable[[int], bool], deadline: float) -> bool:
    """``wait_for(ms)`` in short slices until it succeeds or ``deadline`` passes.

    Qt's ``waitFor*`` keep Python's GIL while they block: on a worker thread one long
    wait would freeze the GUI thread, and with it a server in this same process that
    must answer. Between slices the GIL passes on.
    """
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        if wait_for(max(1, min(WAIT_SLICE_MS, int(left * 1000)))):
            return True
        time.sleep(0)  # let another thread take the GIL
