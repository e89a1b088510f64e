"""Making a group chat with chosen friends, and renaming a conversation.

``GroupDialog`` lists the user's friends (searchable, checkable) with a name field;
"Create group" is enabled once there is a name and at least one friend. It only
emits what the user asked (``create_requested``): the chat model does the work.
``RenameDialog`` asks for a conversation's new name. Friends' names are remote text:
plain text everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gfdesk.chat.rooms import TITLE_MAX_CHARS, clean_title
from gfdesk.kit.labels import plain_label
from gfdesk.kit.retranslate import Retranslating

USER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FriendCard = tuple[str, str, "str | None"]


def _plain(text: str, parent: QWidget, name: str = "") -> QLabel:
    return plain_label(text, parent, name, wrap=True)


class GroupDialog(Retranslating, QDialog):
    """Name a group and pick its members among the user's friends.

    Signals:
        create_requested(str, object): the name and the chosen friends' ids (a list).
    """

    create_requested = Signal(str, object)

    def __init__(self, friends: Iterable[FriendCard], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupDialog")
        self.setMinimumSize(380, 460)
        self.title = QLineEdit(self)
        self.title.setObjectName("groupTitle")
        self.title.setMaxLength(TITLE_MAX_CHARS)
        self.search = QLineEdit(self)
        self.search.setObjectName("groupFriendSearch")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("groupFriends")
        for user_id, name, _avatar in friends:
            item = QListWidgetItem(name)
            item.setData(USER_ID_ROLE, user_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.empty = _plain("", self, "groupEmpty")
        self.empty.setVisible(self.list.count() == 0)
        self.chosen_label = _plain("", self, "groupChosen")
        buttons = QDialogButtonBox(self)
        self.create_button = QPushButton(self)
        self.create_button.setObjectName("createGroupButton")
        self.create_button.setDefault(True)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_create_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.name_label = _plain("", self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.title)
        self.members_label = _plain("", self)
        layout.addWidget(self.members_label)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.chosen_label)
        layout.addWidget(buttons)
        self.title.textChanged.connect(self._update)
        self.list.itemChanged.connect(self._update)
        self.search.textChanged.connect(self._filter)
        self._update()
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("New group"))
        self.empty.setText(self.tr("Add friends first: a group is made of your friends."))
        self.name_label.setText(self.tr("Group name"))
        self.members_label.setText(self.tr("Members"))
        self._update()
        self.title.setPlaceholderText(self.tr("Group name"))
        self.search.setPlaceholderText(self.tr("Search friends"))
        self.create_button.setText(self.tr("Create group"))

    def chosen(self) -> list[str]:
        """The checked friends' ids."""
        return [str(self.list.item(i).data(USER_ID_ROLE)) for i in range(self.list.count())
                if self.list.item(i).checkState() is Qt.CheckState.Checked]

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(wanted) and wanted not in item.text().casefold())

    def _update(self, *_args: object) -> None:
        count = len(self.chosen())
        self.chosen_label.setText(self.tr("%n friend(s) chosen", "", count)
                                  if count else self.tr("Choose at least one friend."))
        self.create_button.setEnabled(bool(self.title.text().strip()) and count > 0)

    def _on_create_clicked(self) -> None:
        if not self.create_button.isEnabled():
            return
        self.create_requested.emit(self.title.text().strip(), self.chosen())
        self.accept()


class RenameDialog(Retranslating, QDialog):
    """A conversation's new name.

    Signals:
        renamed(str): the name the user chose (already checked: one line, not empty).
    """

    renamed = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("renameDialog")
        self.field = QLineEdit(title, self)
        self.field.setObjectName("renameTitle")
        self.field.setMaxLength(TITLE_MAX_CHARS)
        self.field.selectAll()
        self.problem = _plain("", self, "formError")
        self.problem.hide()
        buttons = QDialogButtonBox(self)
        self.save = QPushButton(self)
        self.save.setObjectName("renameButton")
        self.save.setDefault(True)
        buttons.addButton(self.save, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Rename conversation"))
        self.save.setText(self.tr("Save"))

    def _on_save_clicked(self) -> None:
        try:
            title = clean_title(self.field.text())
        except ValueError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return
        self.renamed.emit(title)
        self.accept()
