"""The requests page: find a player and ask them, answer who asked you, take back what you sent.

Each player is a row with their avatar, name, ``@username`` and the buttons that fit
where the user stands with them (add, accept or decline, cancel, unblock). Names come
from other players: every label is plain text. The lists are short (``MAX_LISTED``), so
rows are real widgets, rebuilt when the model says the lists changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gfdesk.friends.relations import Relation
from gfdesk.friends.requestsmodel import Action, PlayerEntry, RequestsModel
from gfdesk.i18nmark import QT_TRANSLATE_NOOP
from gfdesk.kit.avatarlabel import AvatarLabel
from gfdesk.kit.avatarstore import AvatarStore
from gfdesk.kit.elidedlabel import ElidedLabel
from gfdesk.kit.labels import plain_label, stacked
from gfdesk.kit.restyle import repolish
from gfdesk.kit.retranslate import Retranslating

ROW_AVATAR = 36
#: A player's name keeps at least this much room beside the buttons.
NAME_MIN_WIDTH = 70
#: What each button says.
LABELS = {Action.REQUEST: QT_TRANSLATE_NOOP("RequestsView", "Add friend"),
          Action.ACCEPT: QT_TRANSLATE_NOOP("RequestsView", "Accept"),
          Action.DECLINE: QT_TRANSLATE_NOOP("RequestsView", "Decline"),
          Action.CANCEL: QT_TRANSLATE_NOOP("RequestsView", "Cancel request"),
          Action.REMOVE: QT_TRANSLATE_NOOP("RequestsView", "Remove"),
          Action.BLOCK: QT_TRANSLATE_NOOP("RequestsView", "Block"),
          Action.UNBLOCK: QT_TRANSLATE_NOOP("RequestsView", "Unblock")}


def actions_for(entry: PlayerEntry) -> tuple[Action, ...]:
    """The buttons a player's row offers."""
    if entry.blocked:
        return (Action.UNBLOCK,)
    return {Relation.NONE: (Action.REQUEST,), Relation.INCOMING: (Action.ACCEPT, Action.DECLINE,
                                                                  Action.BLOCK),
            Relation.OUTGOING: (Action.CANCEL,), Relation.FRIEND: ()}[entry.relation]


_RELATION_TEXT = (QT_TRANSLATE_NOOP("requestsview", "wants to be your friend"),
                  QT_TRANSLATE_NOOP("requestsview", "request sent"),
                  QT_TRANSLATE_NOOP("requestsview", "already your friend"),
                  QT_TRANSLATE_NOOP("requestsview", "blocked"))


def detail_for(entry: PlayerEntry) -> str:
    """The line under a player's name."""
    handle = f"@{entry.player.username}" if entry.player.username else ""
    extra = {Relation.INCOMING: _RELATION_TEXT[0], Relation.OUTGOING: _RELATION_TEXT[1],
             Relation.FRIEND: _RELATION_TEXT[2]}.get(entry.relation, "")
    if entry.blocked:
        extra = _RELATION_TEXT[3]
    extra = QCoreApplication.translate("requestsview", extra) if extra else ""
    return " · ".join(p for p in (handle, extra) if p)


class PlayerRow(QFrame):
    """One player with the buttons that fit."""

    def __init__(self, entry: PlayerEntry, model: RequestsModel, avatars: AvatarStore | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerRow")
        self.entry = entry
        avatar = AvatarLabel(ROW_AVATAR, avatars, self)
        avatar.set_player(entry.player.name, entry.player.avatar_url)
        name = ElidedLabel(self)
        name.setObjectName("playerName")
        name.setMinimumWidth(NAME_MIN_WIDTH)
        name.setText(entry.player.name)
        detail = ElidedLabel(self)
        detail.setObjectName("playerDetail")
        detail.setText(detail_for(entry))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.setSpacing(6)
        row.addWidget(avatar)
        row.addLayout(stacked(name, detail), 1)
        self.buttons: list[QPushButton] = []
        for action in actions_for(entry):
            button = QPushButton(QCoreApplication.translate("RequestsView", LABELS[action]), self)
            button.setObjectName(f"action_{action.value}")
            button.clicked.connect(lambda _=False, a=action: model.act(a, entry.player))
            row.addWidget(button)
            self.buttons.append(button)
        self.set_busy(model.is_busy(entry.player.user_id))

    def set_busy(self, busy: bool) -> None:
        for button in self.buttons:
            button.setEnabled(not busy)


def _label(text: str, name: str, parent: QWidget) -> QLabel:
    return plain_label(text, parent, name, wrap=True)


class RequestsView(Retranslating, QWidget):
    """Player search, incoming requests and sent requests."""

    def __init__(self, model: RequestsModel, avatars: AvatarStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestsView")
        self._model = model
        self._avatars = avatars
        self.search = QLineEdit(self)
        self.search.setObjectName("playerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.search.textChanged.connect(model.search)
        self.notice = _label("", "requestsNotice", self)
        self.notice.hide()
        body = self._body = QWidget(self)
        self._column = QVBoxLayout(body)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(2)
        scroll = QScrollArea(self)
        scroll.setObjectName("requestsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self._heading = _label("", "requestsHeading", self)
        self._hint = _label("", "requestsHint", self)
        layout.addWidget(self._heading)
        layout.addWidget(self._hint)
        layout.addWidget(self.search)
        layout.addWidget(self.notice)
        layout.addWidget(scroll, 1)
        self.rows: list[PlayerRow] = []
        self._searching = False
        model.requests_changed.connect(self.rebuild)
        model.results_changed.connect(self.rebuild)
        model.searching_changed.connect(self._on_searching_changed)
        model.busy_changed.connect(self._on_busy_changed)
        model.notice.connect(self._on_notice)
        self._retranslate()

    def _retranslate(self) -> None:
        # Everything this view words itself; the sections and rows are laid out again
        # from the model (their titles count what is there now).
        self.search.setAccessibleName(self.tr("Find players"))
        self.search.setPlaceholderText(self.tr("Search players by username or name"))
        self._heading.setText(self.tr("Add a friend"))
        self._hint.setText(self.tr("Find players by their username or display name and "
                                   "send them a request."))
        self.rebuild()

    def set_query(self, text: str) -> None:
        """Search for ``text`` (from the friends page's "search all players")."""
        self.search.setText(text)
        self.search.setFocus()

    def rebuild(self) -> None:
        """Lay the sections out again from the model."""
        while (item := self._column.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.rows = []
        model = self._model
        if model.query.strip():
            self._section(self.tr("PLAYERS"), model.results, self._results_empty())
        self._section(self.tr("INCOMING — {count}").format(count=model.incoming_total),
                      model.incoming, self.tr("No pending requests."))
        if model.outgoing:
            self._section(self.tr("SENT — {count}").format(count=len(model.outgoing)),
                          model.outgoing, "")
        self._column.addStretch(1)

    def _results_empty(self) -> str:
        if self._searching:
            return self.tr("Searching…")
        return self.tr("No players match “{query}”.").format(query=self._model.query.strip())

    def _section(self, title: str, entries: Sequence[PlayerEntry], empty: str) -> None:
        parent = self._body
        self._column.addWidget(_label(title, "requestsSection", parent))
        if not entries and empty:
            self._column.addWidget(_label(empty, "requestsEmpty", parent))
        for entry in entries:
            row = PlayerRow(entry, self._model, self._avatars, parent)
            self._column.addWidget(row)
            self.rows.append(row)

    def _on_searching_changed(self, searching: bool) -> None:
        self._searching = searching
        if not self._model.results:
            self.rebuild()

    def _on_busy_changed(self, user_id: str, busy: bool) -> None:
        for row in self.rows:
            if row.entry.player.user_id == user_id:
                row.set_busy(busy)

    def _on_notice(self, text: str, ok: bool) -> None:
        self.notice.setText(text)
        self.notice.setProperty("ok", ok)
        repolish(self.notice)
        self.notice.setVisible(bool(text))
