"""The message list widget: pixel scrolling that keeps its place, link and retry clicks.

Appended rows keep the list at the bottom when it was there and leave a reader who
scrolled up where they are (with a "New messages" button); prepended pages keep the
rows under the user's eyes where they were. Links open only on click.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QPushButton, QWidget

from gfdesk.chat.messagedelegate import MessageDelegate
from gfdesk.chat.messagemodel import MESSAGE_ROLE
from gfdesk.kit.retranslate import Retranslating

#: Load the older page when the list is scrolled this close to its top.
LOAD_OLDER_AT_PX = 300
#: Rows laid out per event-loop turn.
LAYOUT_BATCH = 200


class MessageListView(Retranslating, QListView):
    """The message list: pixel scrolling, stable position, link and retry clicks.

    Signals:
        link_clicked(str): a link in a message was clicked (the URL).
        retry_clicked(str): a failed message of ours was clicked (its id).
        near_top(): scrolled close to the oldest message shown.
        menu_requested(str, QPoint): a message was right-clicked (its id, where).
    """

    link_clicked = Signal(str)
    retry_clicked = Signal(str)
    near_top = Signal()
    menu_requested = Signal(str, QPoint)

    def __init__(self, delegate: MessageDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageList")
        self._delegate = delegate
        self.setItemDelegate(delegate)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        # Rows are laid out in slices between events: a burst never blocks a frame.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self.setMouseTracking(True)
        self.setWordWrap(True)
        self.verticalScrollBar().setSingleStep(24)
        self._from_bottom = 0
        self._keep_bottom = True
        self._adjusting = False
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(self._on_range_changed)
        bar.valueChanged.connect(self._on_value_changed)
        #: Shown when messages arrive below while the user reads older ones.
        self.jump_button = QPushButton(self)
        self.jump_button.setObjectName("jumpButton")
        self.jump_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.jump_button.clicked.connect(self.jump_to_present)
        self.jump_button.hide()
        #: Shown while an older page loads.
        self.loading_label = QLabel(self)
        self.loading_label.setObjectName("loadingOlder")
        self.loading_label.hide()
        #: Shown over an empty conversation (the view words it).
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("conversationEmpty")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self._retranslate()

    def _retranslate(self) -> None:
        # The texts this list words itself (the view words the empty conversation).
        self.setAccessibleName(self.tr("Messages"))
        self.jump_button.setText(self.tr("New messages  \u2193"))
        self.loading_label.setText(self.tr("Loading older messages..."))
        self._place_overlays()

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            old.rowsAboutToBeInserted.disconnect(self._on_rows_about_to_be_inserted)
            old.rowsInserted.disconnect(self._update_empty)
        super().setModel(model)
        self._from_bottom = 0
        self._keep_bottom = True
        self.jump_button.hide()
        self.loading_label.hide()
        self.empty_label.hide()
        if model is not None:
            model.rowsAboutToBeInserted.connect(self._on_rows_about_to_be_inserted)
            model.rowsInserted.connect(self._update_empty)

    def set_empty_text(self, text: str) -> None:
        """What an empty conversation says (shown once its history is known to be empty)."""
        self.empty_label.setText(text)
        self._update_empty()

    def _update_empty(self, *_args: object) -> None:
        model = self.model()
        empty = model is not None and model.rowCount() == 0 and bool(self.empty_label.text())
        self.empty_label.setVisible(empty)
        self._place_overlays()

    # -- staying in place -------------------------------------------------------------

    def at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum()

    def _on_rows_about_to_be_inserted(self, _parent: QModelIndex, first: int, _last: int) -> None:
        # Prepending older rows: keep the distance from the bottom (the rows the user
        # sees do not move). Appending: follow the bottom only if the user was there.
        bar = self.verticalScrollBar()
        self._from_bottom = bar.maximum() - bar.value()
        self._keep_bottom = first == 0 or self._from_bottom == 0
        if not self._keep_bottom:
            self.jump_button.show()
            self._place_overlays()

    def jump_to_present(self) -> None:
        """Scroll to the newest message (and follow new ones again)."""
        self.jump_button.hide()
        self._from_bottom = 0
        self._keep_bottom = True
        self.scrollToBottom()

    def set_loading(self, loading: bool) -> None:
        self.loading_label.setVisible(loading)
        self._place_overlays()

    def _place_overlays(self) -> None:
        for widget in (self.jump_button, self.loading_label):
            widget.adjustSize()
        area = self.viewport().geometry()
        self.empty_label.setGeometry(area.adjusted(40, 0, -40, 0))
        jump = self.jump_button.size()
        self.jump_button.move(area.center().x() - jump.width() // 2,
                              area.bottom() - jump.height() - 12)
        label = self.loading_label.size()
        self.loading_label.move(area.center().x() - label.width() // 2, area.top() + 8)

    def _on_range_changed(self, _minimum: int, maximum: int) -> None:
        bar = self.verticalScrollBar()
        if self._keep_bottom:
            self._adjusting = True
            bar.setValue(maximum - self._from_bottom)
            self._adjusting = False
        else:
            self._from_bottom = maximum - bar.value()

    def _on_value_changed(self, value: int) -> None:
        if self._adjusting:
            return
        bar = self.verticalScrollBar()
        self._from_bottom = bar.maximum() - value
        self._keep_bottom = True
        if self._from_bottom == 0:
            self.jump_button.hide()
        if value - bar.minimum() < LOAD_OLDER_AT_PX:
            self.near_top.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._delegate.width = self.viewport().width()
        super().resizeEvent(event)
        self._place_overlays()

    # -- clicks -----------------------------------------------------------------------

    def _link_at(self, pos: QPointF) -> str | None:
        index = self.indexAt(pos.toPoint())
        if not index.isValid():
            return None
        return self._delegate.link_at(self.visualRect(index), index, pos)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())  # viewport coordinates (viewportEvent)
        if index.isValid():
            self.menu_requested.emit(index.data(MESSAGE_ROLE).id, event.globalPos())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        link = self._link_at(event.position())
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if link
                                  else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            link = self._link_at(event.position())
            index = self.indexAt(event.position().toPoint())
            if link:
                self.link_clicked.emit(link)
            elif index.isValid() and self._delegate.is_failed(index):
                self.retry_clicked.emit(index.data(MESSAGE_ROLE).id)
        super().mouseReleaseEvent(event)
