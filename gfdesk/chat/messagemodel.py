"""The messages of the open conversation as a Qt list model, updated in frame-sized batches.

Rows are ordered as the server orders (``(created_at, id)``), with our own unconfirmed
messages (sending, failed) after them in the order we wrote them. Live rows are not
inserted one by one: they are queued and applied by a 16 ms named timer, so a burst of
thousands of rows becomes a handful of ``beginInsertRows`` calls, and the GUI thread
never stalls on per-row signals. Older pages are prepended in one insert.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from gfdesk.chat.messages import ChatMessage, SendState, starts_day, starts_group
from gfdesk.kit.timer import NamedTimer

#: One frame: live rows arriving within it are applied together.
FLUSH_INTERVAL_MS = 16
#: The longest a live row waits before it is applied.
MAX_FLUSH_INTERVAL_MS = 100
#: One more millisecond of coalescing per this many rows held.
ROWS_PER_FLUSH_MS = 40

#: The ChatMessage of a row.
MESSAGE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Whether the row shows a header (avatar, name, time).
GROUP_START_ROLE = Qt.ItemDataRole.UserRole + 2
#: Whether the row starts a local day (a separator above it).
DAY_START_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


class MessageListModel(QAbstractListModel):
    """The messages of one conversation.

    Args:
        conversation_id: whose messages.
        tz: the local time zone (days and grouping).
        parent: the owner.

    Signals:
        rows_applied(int): a batch of this many rows was applied (live or page).
    """

    rows_applied = Signal(int)

    def __init__(self, conversation_id: str, tz: dt.tzinfo, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.conversation_id = conversation_id
        self._tz = tz
        self._confirmed: list[ChatMessage] = []
        self._keys: list[tuple[dt.datetime, str]] = []
        self._pending: list[ChatMessage] = []
        self._ids: set[str] = set()
        self._queue: list[ChatMessage] = []
        self._flush = NamedTimer(self, "chat:message-flush", interval_ms=FLUSH_INTERVAL_MS,
                                 single_shot=True)
        self._flush.timeout.connect(self.flush)
        #: How many insert/remove/change notifications the model sent (for the bench).
        self.update_count = 0

    # -- Qt model -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._confirmed) + len(self._pending)

    def message_at(self, row: int) -> ChatMessage:
        n = len(self._confirmed)
        return self._confirmed[row] if row < n else self._pending[row - n]

    def row_info(self, row: int) -> tuple[ChatMessage, bool, bool]:
        """A row's message, whether it starts a day, and whether it starts a group: what
        the delegate needs, in one call (``data`` per role costs a Qt round trip each)."""
        message = self.message_at(row)
        previous = self.message_at(row - 1) if row > 0 else None
        return (message, starts_day(previous, message, self._tz),
                starts_group(previous, message, self._tz))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row = index.row()
        message = self.message_at(row)
        if role == MESSAGE_ROLE:
            return message
        if role == Qt.ItemDataRole.DisplayRole:
            return message.body
        previous = self.message_at(row - 1) if row > 0 else None
        if role == GROUP_START_ROLE:
            return starts_group(previous, message, self._tz)
        if role == DAY_START_ROLE:
            return starts_day(previous, message, self._tz)
        return None

    # -- reading ----------------------------------------------------------------------

    def messages(self) -> list[ChatMessage]:
        """Every row, in display order."""
        return [*self._confirmed, *self._pending]

    @property
    def oldest(self) -> ChatMessage | None:
        return self._confirmed[0] if self._confirmed else None

    @property
    def newest(self) -> ChatMessage | None:
        """The newest stored message (the gap fill's starting point)."""
        return self._confirmed[-1] if self._confirmed else None

    def __contains__(self, message_id: object) -> bool:
        return message_id in self._ids

    # -- writing ----------------------------------------------------------------------

    def prepend_page(self, page: list[ChatMessage]) -> int:
        """An older page (any order): applied at once; returns how many were new."""
        fresh = sorted((m for m in page if m.id not in self._ids), key=lambda m: m.key)
        if not fresh:
            return 0
        if self._confirmed and fresh[-1].key >= self._keys[0]:
            # Overlaps what we hold (a live row older than the page end): merge instead.
            self.queue_live(fresh)
            self.flush()
            return len(fresh)
        self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
        self._confirmed[:0] = fresh
        self._keys[:0] = [m.key for m in fresh]
        self._ids.update(m.id for m in fresh)
        self.endInsertRows()
        self.update_count += 1
        self._changed_after(len(fresh))
        self.rows_applied.emit(len(fresh))
        return len(fresh)

    def queue_live(self, messages: list[ChatMessage]) -> None:
        """Stored messages from the subscription: applied on the next frame."""
        self._queue.extend(messages)
        if not self._flush.isActive():
            # Every insert makes the view lay its rows out again: with many rows, wait a
            # little longer so a burst costs fewer relayouts (never more than 100 ms).
            rows = len(self._confirmed)
            self._flush.start(min(MAX_FLUSH_INTERVAL_MS,
                                  max(FLUSH_INTERVAL_MS, rows // ROWS_PER_FLUSH_MS)))

    def add_optimistic(self, message: ChatMessage) -> None:
        """Our own message, shown at once at the bottom, until the server's row comes."""
        if message.id in self._ids:
            return
        row = self.rowCount()
        self.beginInsertRows(QModelIndex(), row, row)
        self._pending.append(message)
        self._ids.add(message.id)
        self.endInsertRows()
        self.update_count += 1
        self.rows_applied.emit(1)

    def set_state(self, message_id: str, state: SendState, error: str = "") -> bool:
        """Change the state of one of our unconfirmed messages; False if not held."""
        for i, message in enumerate(self._pending):
            if message.id == message_id:
                self._pending[i] = message.with_state(state, error)
                index = self.index(len(self._confirmed) + i)
                self.dataChanged.emit(index, index)
                self.update_count += 1
                return True
        return False

    def apply_update(self, message: ChatMessage) -> bool:
        """A stored message changed (edited or deleted): its row changes in place;
        False when the message is not held (then nothing happens)."""
        if message.id not in self._ids:
            for i, queued in enumerate(self._queue):
                if queued.id == message.id:
                    self._queue[i] = message  # not shown yet: it shows as it is now
                    return True
            return False
        at = bisect.bisect_left(self._keys, message.key)
        if at < len(self._confirmed) and self._confirmed[at].id == message.id:
            self._confirmed[at] = replace(self._confirmed[at], body=message.body,
                                          edited_at=message.edited_at,
                                          deleted_at=message.deleted_at)
            index = self.index(at)
            self.dataChanged.emit(index, index)
            self.update_count += 1
            return True
        return False

    def find(self, message_id: str) -> ChatMessage | None:
        """The held message with ``message_id`` (confirmed or ours pending)."""
        if message_id not in self._ids:
            return None
        return next((m for m in self.messages() if m.id == message_id), None)

    def pending_message(self, message_id: str) -> ChatMessage | None:
        return next((m for m in self._pending if m.id == message_id), None)

    def flush(self) -> None:
        """Apply the queued live rows now (the timer does this once per frame)."""
        self._flush.stop()
        queue, self._queue = self._queue, []
        if not queue:
            return
        unique: dict[str, ChatMessage] = {}
        for message in queue:
            unique.setdefault(message.id, message)
        # ``_ids`` holds confirmed and pending ids: a held pending row is still taken
        # (its stored row replaces it). No set of every confirmed id per frame.
        pending_ids = {m.id for m in self._pending}
        batch = sorted((m for m in unique.values()
                        if m.id not in self._ids or m.id in pending_ids),
                       key=lambda m: m.key)
        if not batch:
            return
        self._drop_pending({m.id for m in batch})
        appended = 0
        tail = [m for m in batch if not self._keys or m.key > self._keys[-1]]
        for message in batch[:len(batch) - len(tail)]:
            self._insert_one(message)
        if tail:
            first = len(self._confirmed)
            self.beginInsertRows(QModelIndex(), first, first + len(tail) - 1)
            self._confirmed.extend(tail)
            self._keys.extend(m.key for m in tail)
            self._ids.update(m.id for m in tail)
            self.endInsertRows()
            self.update_count += 1
            appended = len(tail)
            if first:
                self._changed_after(first)
        self.rows_applied.emit(len(batch) - len(tail) + appended)

    def _drop_pending(self, ids: set[str]) -> None:
        base = len(self._confirmed)
        for i in reversed(range(len(self._pending))):
            if self._pending[i].id in ids:
                self.beginRemoveRows(QModelIndex(), base + i, base + i)
                self._ids.discard(self._pending.pop(i).id)
                self.endRemoveRows()
                self.update_count += 1

    def _insert_one(self, message: ChatMessage) -> None:
        # A row older than the newest one held (rare: clock ties, late gap rows).
        at = bisect.bisect_left(self._keys, message.key)
        self.beginInsertRows(QModelIndex(), at, at)
        self._confirmed.insert(at, message)
        self._keys.insert(at, message.key)
        self._ids.add(message.id)
        self.endInsertRows()
        self.update_count += 1
        self._changed_after(at + 1)

    def _changed_after(self, row: int) -> None:
        # The row after an insert may lose its header or day separator.
        if row < self.rowCount():
            index = self.index(row)
            self.dataChanged.emit(index, index)
