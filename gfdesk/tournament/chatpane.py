"""The tournament chat beside the bracket: the messages and a one-line composer.

Messages are remote text: the list shows them as plain text (``DisplayRole`` through
the default delegate, never rich text). Enter sends; a refusal (too long) shows under
the box and keeps the text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gfdesk.tournament.chatmodel import TournamentChatModel
from gfdesk.tournament.info import MAX_MESSAGE_CHARS


class TournamentChatPane(QFrame):
    """The chat of the open tournament.

    Args:
        model: its messages.
        send: sends a message; returns why not ("" when queued).
        parent: the owner.
    """

    def __init__(self, model: TournamentChatModel, send: Callable[[str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tournamentChat")
        self._send = send
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(8)
        title = QLabel(self.tr("Tournament chat"), self)
        title.setObjectName("tournamentChatTitle")
        column.addWidget(title)
        self.messages = QListView(self)
        self.messages.setObjectName("tournamentChatList")
        self.messages.setModel(model)
        self.messages.setWordWrap(True)
        self.messages.setTextElideMode(Qt.TextElideMode.ElideNone)
        # Re-lay the wrapped messages out when the pane's width changes.
        self.messages.setResizeMode(QListView.ResizeMode.Adjust)
        self.messages.setSpacing(4)
        self.messages.setUniformItemSizes(False)
        self.messages.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.messages.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.messages.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        column.addWidget(self.messages, 1)
        row = QHBoxLayout()
        self.composer = QLineEdit(self)
        self.composer.setObjectName("tournamentComposer")
        self.composer.setPlaceholderText(self.tr("Say something to everyone here"))
        self.composer.setMaxLength(MAX_MESSAGE_CHARS)
        self.composer.returnPressed.connect(self.submit)
        row.addWidget(self.composer, 1)
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setObjectName("tournamentSend")
        self.send_button.clicked.connect(self.submit)
        row.addWidget(self.send_button)
        column.addLayout(row)
        self.problem = QLabel(self)
        self.problem.setObjectName("tournamentChatProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.hide()
        column.addWidget(self.problem)
        model.rowsInserted.connect(self._follow)
        model.modelReset.connect(self.messages.scrollToBottom)

    def submit(self) -> None:
        problem = self._send(self.composer.text())
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.problem.hide()
        self.composer.clear()

    def _follow(self, *_args: object) -> None:
        bar = self.messages.verticalScrollBar()
        if bar.value() >= bar.maximum() - 40:  # at the bottom: stay there
            self.messages.scrollToBottom()
