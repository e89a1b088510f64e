"""The chat page: conversation list on the left, the open conversation on the right.

Widgets only call ``ChatModel``'s plain methods and follow its signals; they never
await. The pieces: ``MessageListView`` (messagelist), ``Composer`` (composer), the two
delegates and the group dialogs; this module lays them out and wires them to the
model. What the user was writing stays with its conversation (``ChatModel.drafts``)
when they switch; right-clicking one of their messages (or Up in an empty box) edits
or deletes it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QHideEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gfdesk.chat.composer import Composer
from gfdesk.chat.conversationdelegate import ConversationDelegate
from gfdesk.chat.conversations import ConversationKind
from gfdesk.chat.groupdialog import GroupDialog, RenameDialog
from gfdesk.chat.listmodel import ID_ROLE
from gfdesk.chat.messagedelegate import MessageDelegate
from gfdesk.chat.messagelist import MessageListView
from gfdesk.chat.messages import MAX_MESSAGE_CHARS, length_problem
from gfdesk.chat.model import ChatModel
from gfdesk.i18nmark import QT_TRANSLATE_NOOP, formats
from gfdesk.kit import icons
from gfdesk.kit.avatarlabel import AvatarLabel
from gfdesk.kit.avatarstore import AvatarStore
from gfdesk.kit.restyle import repolish
from gfdesk.kit.retranslate import Retranslating

#: Show the character count from this length on.
COUNT_FROM = MAX_MESSAGE_CHARS * 3 // 4
EMPTY_TEXT = QT_TRANSLATE_NOOP("view", "Pick a conversation to start chatting.")
EDITING_TEXT = QT_TRANSLATE_NOOP("view", "Editing your message · Enter to save · Esc to cancel")

class ChatView(Retranslating, QWidget):
    """The chat page of the main window.

    Args:
        model: the chat model.
        open_url: opens a clicked link (the browser by default).
        avatars: pictures (None: initials).
        parent: the owner.

    Signals:
        call_requested(str, str): the user asked to call the other member of the open
            direct conversation; their user id and "video" or "audio".
    """

    call_requested = Signal(str, str)

    def __init__(self, model: ChatModel, *,
                 open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
                 avatars: AvatarStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatView")
        self._model = model
        self._open_url = open_url
        self._avatars = avatars
        self._header: tuple[object, ...] = ()
        #: The conversation the composer's text belongs to (its draft on a switch).
        self._shown_id: str | None = None
        #: The message being edited (None: the composer writes a new one).
        self.editing_id: str | None = None
        self._restoring = False
        # The model's last notice ("" when none): the empty page shows it instead.
        self._notice = ""
        # The open conversation's whole history is loaded: its empty text is worded.
        self._history_known = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_sidebar())
        self._stack = QStackedWidget(self)
        self._empty = QLabel(self)
        self._empty.setObjectName("chatEmpty")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack.addWidget(self._empty)
        self._stack.addWidget(self._build_pane())
        layout.addWidget(self._stack, 1)
        model.conversation_opened.connect(self._on_conversation_opened)
        model.notice.connect(self._on_notice)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._update_on_screen)
        model.conversations.dataChanged.connect(self._refresh_header)
        model.conversations.layoutChanged.connect(self._select_current)
        model.conversations.modelReset.connect(self._select_current)
        model.statuses_changed.connect(self._refresh_header)
        if avatars is not None:
            avatars.changed.connect(lambda _url: self.conversation_list.viewport().update())
            avatars.changed.connect(lambda _url: self.message_list.viewport().update())
        self._retranslate()

    def _retranslate(self) -> None:
        # Everything this view words itself; its children follow the same event.
        self._sidebar_title.setText(self.tr("Messages"))
        self.new_group.setText(self.tr("+ Group"))
        self.new_group.setToolTip(self.tr("Make a group chat with friends"))
        self.conversation_list.setAccessibleName(self.tr("Conversations"))
        self.rename_button.setText(self.tr("Rename"))
        for kind, tip in (("audio", self.tr("Start a voice call")),
                          ("video", self.tr("Start a video call"))):
            self.call_buttons[kind].setToolTip(tip)
            self.call_buttons[kind].setAccessibleName(tip)
        self.edit_banner.setText(QCoreApplication.translate("view", EDITING_TEXT))
        self.send_button.setText(self.tr("Send"))
        self._empty.setText(self._notice or QCoreApplication.translate("view", EMPTY_TEXT))
        self._header = ()  # the subtitle and the placeholder are worded anew
        self._refresh_header()
        if self._history_known:
            self._word_empty_conversation()
        if not (self._notice and self.hint.text() == self._notice):
            self._update_hint()

    def _build_sidebar(self) -> QWidget:
        sidebar = QFrame(self)
        sidebar.setObjectName("chatSidebar")
        sidebar.setFixedWidth(300)
        column = QVBoxLayout(sidebar)
        column.setContentsMargins(0, 0, 0, 8)
        column.setSpacing(0)
        title = self._sidebar_title = QLabel(sidebar)
        title.setObjectName("chatSidebarTitle")
        self.new_group = QToolButton(sidebar)
        self.new_group.setObjectName("newGroupButton")
        self.new_group.clicked.connect(self.open_group_dialog)
        heading = QHBoxLayout()
        heading.setContentsMargins(0, 0, 12, 0)
        heading.addWidget(title, 1)
        heading.addWidget(self.new_group)
        column.addLayout(heading)
        self.conversation_list = QListView(sidebar)
        self.conversation_list.setObjectName("conversationList")
        self.conversation_list.setModel(self._model.conversations)
        self.conversation_delegate = ConversationDelegate(
            self._model.tz, parent=self, avatars=self._avatars,
            avatar_url_of=self._model.service.avatar_url_of)
        self.conversation_list.setItemDelegate(self.conversation_delegate)
        self.conversation_list.setMouseTracking(True)
        self.conversation_list.setUniformItemSizes(True)
        self.conversation_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.conversation_list.clicked.connect(self._on_conversation_clicked)
        self.conversation_list.activated.connect(self._on_conversation_clicked)
        column.addWidget(self.conversation_list, 1)
        return sidebar

    def _build_pane(self) -> QWidget:
        pane = QFrame(self)
        pane.setObjectName("chatPane")
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 0, 12)
        column.setSpacing(0)
        header = QFrame(pane)
        header.setObjectName("chatHeader")
        header.setFixedHeight(56)
        row = QHBoxLayout(header)
        row.setContentsMargins(16, 8, 16, 8)
        row.setSpacing(10)
        self._avatar = AvatarLabel(32, self._avatars, header)
        row.addWidget(self._avatar)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self._title = QLabel(header)
        self._title.setObjectName("chatTitle")
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        self._subtitle = QLabel(header)
        self._subtitle.setObjectName("chatSubtitle")
        self._subtitle.setTextFormat(Qt.TextFormat.PlainText)
        titles.addWidget(self._title)
        titles.addWidget(self._subtitle)
        row.addLayout(titles, 1)
        self.rename_button = QToolButton(header)
        self.rename_button.setObjectName("renameButton")
        self.rename_button.clicked.connect(self.open_rename_dialog)
        self.rename_button.hide()
        row.addWidget(self.rename_button)
        self.call_buttons: dict[str, QPushButton] = {}
        for kind, icon in (("audio", "phone"), ("video", "video")):
            button = QPushButton(header)
            button.setObjectName(f"{kind}CallButton")
            button.setIcon(icons.icon(icon, "@icon"))
            button.setIconSize(QSize(20, 20))
            button.clicked.connect(lambda _=False, k=kind: self._on_call_clicked(k))
            button.hide()
            row.addWidget(button)
            self.call_buttons[kind] = button
        column.addWidget(header)
        service = self._model.service
        self.delegate = MessageDelegate(service.name_of, service.user_id, self._model.tz, self,
                                        avatars=self._avatars,
                                        avatar_url_of=service.avatar_url_of)
        self.delegate.set_fonts_from(self.font())
        self.message_list = MessageListView(self.delegate, pane)
        self.message_list.link_clicked.connect(self._on_link_clicked)
        self.message_list.retry_clicked.connect(self._model.retry)
        self.message_list.near_top.connect(self._on_near_top)
        self.message_list.menu_requested.connect(self._on_message_menu_requested)
        column.addWidget(self.message_list, 1)
        self._typing = QLabel(pane)
        self._typing.setObjectName("typingLine")
        self._typing.setTextFormat(Qt.TextFormat.PlainText)
        self._typing.setFixedHeight(20)
        column.addWidget(self._typing)
        self.edit_banner = QLabel(pane)
        self.edit_banner.setObjectName("editBanner")
        self.edit_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.edit_banner.hide()
        column.addWidget(self.edit_banner)
        frame = QFrame(pane)
        frame.setObjectName("composerFrame")
        box = QHBoxLayout(frame)
        box.setContentsMargins(12, 6, 8, 6)
        self.composer = Composer(frame)
        self.composer.submitted.connect(self.send)
        self.composer.textChanged.connect(self._on_text_changed)
        self.composer.cancelled.connect(self.stop_editing)
        self.composer.edit_last_requested.connect(self._edit_last)
        box.addWidget(self.composer, 1)
        self.send_button = QPushButton(frame)
        self.send_button.setObjectName("sendButton")
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self.send)
        box.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        wrap = QHBoxLayout()
        wrap.setContentsMargins(16, 0, 16, 0)
        wrap.addWidget(frame)
        column.addLayout(wrap)
        self.hint = QLabel(pane)
        self.hint.setObjectName("composerHint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.hide()
        column.addWidget(self.hint)
        return pane

    # -- following the model ------------------------------------------------------------

    def set_previews_hidden(self, hidden: bool) -> None:
        """Streamer mode: no message preview in the conversation list."""
        self.conversation_delegate.hide_previews = hidden
        self.conversation_list.viewport().update()

    def _on_conversation_clicked(self, index: QModelIndex) -> None:
        self._model.open_conversation(str(index.data(ID_ROLE)))

    def _on_conversation_opened(self, conversation_id: str) -> None:
        current = self._model.current
        if current is None:
            return
        self.stop_editing()
        if self._shown_id is not None and self._shown_id != conversation_id:
            self._model.drafts.put(self._shown_id, self.composer.toPlainText())
        self._shown_id = conversation_id
        # The previous conversation's model goes away with its signals' connections.
        current.typing_changed.connect(self._typing.setText)
        current.older_loading_changed.connect(self.message_list.set_loading)
        current.history_complete.connect(self._on_history_complete)
        self.message_list.set_loading(False)
        self.message_list.setModel(current.messages)
        self._history_known = False
        self.message_list.set_empty_text("")
        self._stack.setCurrentIndex(1)
        self._typing.setText(current.typing_text)
        self._header = ()
        self._refresh_header()
        self._select_current()
        self._set_composer_text(self._model.drafts.get(conversation_id))
        self.composer.setFocus()

    def _set_composer_text(self, text: str) -> None:
        # A restored draft or an edit's text is not the user typing: no typing event.
        self._restoring = True
        try:
            self.composer.setPlainText(text)
            cursor = self.composer.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            self.composer.setTextCursor(cursor)
        finally:
            self._restoring = False

    def _on_history_complete(self) -> None:
        self._history_known = True
        self._word_empty_conversation()

    def _word_empty_conversation(self) -> None:
        summary = self._model.conversations.get(self._model.current_id or "")
        if summary is None:
            return
        who = summary.title
        self.message_list.set_empty_text(
            self.tr("This is the beginning of your conversation with {who}.\nSay hi!"
                    ).format(who=who)
            if summary.kind is ConversationKind.DIRECT
            else self.tr("This is the beginning of {who}.\nSay hi to the group!").format(
                who=who))

    def _select_current(self, *_args: object) -> None:
        row = self._model.conversations.row_of(self._model.current_id or "")
        if row >= 0:
            self.conversation_list.setCurrentIndex(self._model.conversations.index(row))

    def _refresh_header(self, *_args: object) -> None:
        summary = self._model.conversations.get(self._model.current_id or "")
        if summary is None:
            return
        status = self._model.conversations.status_of(summary.other_id)
        header = (summary.id, summary.title, len(summary.member_ids), status)
        if header == self._header:
            return  # a new message changed the summary, not the header
        self._header = header
        self._title.setText(summary.title)
        url = self._model.service.avatar_url_of(summary.other_id) if summary.other_id else None
        self._avatar.set_player(summary.title, url)
        group = summary.kind is ConversationKind.GROUP
        self.rename_button.setVisible(group)
        for button in self.call_buttons.values():
            button.setVisible(summary.other_id is not None)
        if group:
            self._subtitle.setText(self.tr("%n members", "", len(summary.member_ids)))
        else:
            # The friends feature's word for this friend: the same as the friends list.
            self._subtitle.setText(self.tr("Direct message") if status is None else status.text)
        self.composer.setPlaceholderText(self.tr("Message {name}").format(name=summary.title))

    def _on_call_clicked(self, kind: str) -> None:
        summary = self._model.conversations.get(self._model.current_id or "")
        if summary is not None and summary.other_id is not None:
            self.call_requested.emit(summary.other_id, kind)

    def subtitle(self) -> str:
        """What the header says under the title."""
        return self._subtitle.text()

    # -- groups -----------------------------------------------------------------------

    def open_group_dialog(self) -> GroupDialog:
        """The "new group" dialog (its request goes to the model)."""
        dialog = GroupDialog(self._model.friends, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.create_requested.connect(self._model.create_group)
        dialog.open()
        return dialog

    def open_rename_dialog(self) -> RenameDialog | None:
        """Rename the open group."""
        summary = self._model.conversations.get(self._model.current_id or "")
        if summary is None:
            return None
        dialog = RenameDialog(summary.title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.renamed.connect(lambda title: self._model.rename(summary.id, title))
        dialog.open()
        return dialog

    # -- editing ----------------------------------------------------------------------

    def _on_message_menu_requested(self, message_id: str, where: QPoint) -> None:
        if self._model.editable(message_id) is None:
            return
        menu = QMenu(self)
        menu.setObjectName("messageMenu")
        edit = menu.addAction(self.tr("Edit message"))
        edit.setObjectName("editMessage")
        edit.triggered.connect(lambda: self.start_editing(message_id))
        delete = menu.addAction(self.tr("Delete message"))
        delete.setObjectName("deleteMessage")
        delete.triggered.connect(lambda: self._model.delete(message_id))
        menu.popup(where)

    def start_editing(self, message_id: str) -> None:
        """Put our message in the composer; Enter saves it, Escape gives up."""
        message = self._model.editable(message_id)
        if message is None:
            return
        if self.editing_id is None and self._shown_id is not None:
            self._model.drafts.put(self._shown_id, self.composer.toPlainText())
        self.editing_id = message_id
        self.edit_banner.show()
        self._set_composer_text(message.body)
        self.composer.setFocus()

    def stop_editing(self) -> None:
        """Leave editing: the composer gets its draft back."""
        if self.editing_id is None:
            return
        self.editing_id = None
        self.edit_banner.hide()
        self._set_composer_text(self._model.drafts.get(self._shown_id or ""))

    def _edit_last(self) -> None:
        message = self._model.last_editable()
        if message is not None:
            self.start_editing(message.id)

    def _on_notice(self, text: str) -> None:
        self._notice = text
        self._empty.setText(text or QCoreApplication.translate("view", EMPTY_TEXT))
        if text:
            self._show_hint(text, problem=True)
        else:
            self._update_hint()

    def _on_link_clicked(self, url: str) -> None:
        self._open_url(QUrl(url))

    # -- composing --------------------------------------------------------------------

    def _on_near_top(self) -> None:
        if self._model.current is not None:
            self._model.current.load_older()

    def _on_text_changed(self) -> None:
        self._update_hint()
        if self._restoring:
            return
        if self.editing_id is None and self._shown_id is not None:
            self._model.drafts.put(self._shown_id, self.composer.toPlainText())
        if self.composer.toPlainText() and self._model.current is not None:
            self._model.current.user_typed()

    def _update_hint(self) -> None:
        text = self.composer.toPlainText()
        problem = length_problem(text.strip())
        self.send_button.setEnabled(bool(text.strip()) and not problem)
        if problem:
            self._show_hint(problem, problem=True)
        elif len(text) >= COUNT_FROM:
            self._show_hint(self.tr("{length} / {limit} characters").format(
                length=formats().number(len(text)), limit=formats().number(MAX_MESSAGE_CHARS)),
                problem=False)
        else:
            self.hint.hide()

    def _show_hint(self, text: str, *, problem: bool) -> None:
        self.hint.setText(text)
        self.hint.setProperty("problem", problem)
        repolish(self.hint)
        self.hint.show()

    def send(self) -> None:
        """Send what the composer holds (Enter or the Send button), or save the edit."""
        text = self.composer.toPlainText()
        if self.editing_id is not None:
            problem = self._model.edit(self.editing_id, text)
            if problem:
                self._show_hint(problem, problem=True)
                return
            self.stop_editing()
            return
        problem = self._model.send(text)
        if problem:
            self._show_hint(problem, problem=True)
            return
        self.composer.clear()
        if self._shown_id is not None:
            self._model.drafts.put(self._shown_id, "")
        if text.strip():
            self.message_list.jump_to_present()  # what we just wrote is what we look at

    # -- being on screen --------------------------------------------------------------

    def _update_on_screen(self, *_args: object) -> None:
        # Read means seen: the page is shown and the app is the one the user is in.
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        self._model.set_on_screen(self.isVisible() and active)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_on_screen()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._model.set_on_screen(False)
