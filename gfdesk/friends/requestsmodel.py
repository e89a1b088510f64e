"""Friend requests and player search for the view: who asked, whom we asked, who we find.

``RequestsModel`` turns the service's friendship book into two short lists (incoming
requests, newest first, then sent ones) and runs what the buttons ask (send, accept,
decline, cancel, remove, block, unblock) through ``bridge.spawn``, one action per
player at a time, with a ``notice`` when the server refuses. Search-as-you-type is one
exclusive task group: every keystroke cancels the search before it, and a short pause
lets a burst of keys make one request.
"""

from __future__ import annotations

import asyncio
import enum
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from gfdesk import bridge
from gfdesk.friends.friendships import Friend, FriendshipsService, search_text
from gfdesk.friends.relations import Relation
from gfdesk.i18nmark import QT_TRANSLATE_NOOP
from gfdesk.log import ui as log

#: Keys typed within this pause make one search.
SEARCH_PAUSE_S = 0.25
#: Requests listed per direction at most (the count says how many there are).
MAX_LISTED = 200


class Action(enum.Enum):
    """What a button asks for a player."""

    REQUEST = "request"
    ACCEPT = "accept"
    DECLINE = "decline"
    CANCEL = "cancel"
    REMOVE = "remove"
    BLOCK = "block"
    UNBLOCK = "unblock"


_DONE = {Action.REQUEST: QT_TRANSLATE_NOOP("RequestsModel", "Friend request sent to {}."),
         Action.ACCEPT: QT_TRANSLATE_NOOP("RequestsModel", "You and {} are friends."),
         Action.DECLINE: QT_TRANSLATE_NOOP("RequestsModel", "Declined {}'s request."),
         Action.CANCEL: QT_TRANSLATE_NOOP("RequestsModel", "Request to {} cancelled."),
         Action.REMOVE: QT_TRANSLATE_NOOP("RequestsModel", "{} is no longer your friend."),
         Action.BLOCK: QT_TRANSLATE_NOOP("RequestsModel", "{} is blocked."),
         Action.UNBLOCK: QT_TRANSLATE_NOOP("RequestsModel", "{} is no longer blocked.")}
_FAILED = {
    Action.REQUEST: QT_TRANSLATE_NOOP("RequestsModel", "Could not request {name}: {reason}"),
    Action.ACCEPT: QT_TRANSLATE_NOOP("RequestsModel", "Could not accept {name}: {reason}"),
    Action.DECLINE: QT_TRANSLATE_NOOP("RequestsModel", "Could not decline {name}: {reason}"),
    Action.CANCEL: QT_TRANSLATE_NOOP("RequestsModel", "Could not cancel {name}: {reason}"),
    Action.REMOVE: QT_TRANSLATE_NOOP("RequestsModel", "Could not remove {name}: {reason}"),
    Action.BLOCK: QT_TRANSLATE_NOOP("RequestsModel", "Could not block {name}: {reason}"),
    Action.UNBLOCK: QT_TRANSLATE_NOOP("RequestsModel", "Could not unblock {name}: {reason}"),
}


@dataclass(frozen=True)
class PlayerEntry:
    """A player as a row shows them: profile and where the user stands with them."""

    player: Friend
    relation: Relation
    blocked: bool = False
    since: str = ""


class RequestsModel(QObject):
    """Incoming and sent requests, search results, and the actions on them.

    Args:
        service: the friendships service (None: a preview with nothing to do).
        parent: the owner; its destruction cancels searches and actions.

    Signals:
        requests_changed(): the incoming or sent lists changed.
        results_changed(): the search results (or a relation in them) changed.
        searching_changed(bool): a search is (no longer) under way.
        busy_changed(str, bool): an action on this player started or ended.
        notice(str, bool): what happened (True) or what went wrong (False).
        incoming_count_changed(int): how many players asked the user.
    """

    requests_changed = Signal()
    results_changed = Signal()
    searching_changed = Signal(bool)
    busy_changed = Signal(str, bool)
    notice = Signal(str, bool)
    incoming_count_changed = Signal(int)

    def __init__(self, service: FriendshipsService | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.incoming: list[PlayerEntry] = []
        """Players who asked the user, newest first."""
        self.outgoing: list[PlayerEntry] = []
        """Players the user asked, newest first."""
        self.results: list[PlayerEntry] = []
        """The last search's players."""
        self.query = ""
        """The text the results are for."""
        self.incoming_total = 0
        self._busy: set[str] = set()

    # -- lists ------------------------------------------------------------------------

    def entry(self, player: Friend) -> PlayerEntry:
        service = self._service
        if service is None:
            return PlayerEntry(player, Relation.NONE)
        other = player.user_id
        return PlayerEntry(service.players.get(other, player), service.relation(other),
                           other in service.blocked, service.book.since(other))

    def refresh(self, _others: object = None) -> None:
        """Rebuild the lists from the service (its relations changed)."""
        service = self._service
        if service is None:
            return
        lists = []
        for relation in (Relation.INCOMING, Relation.OUTGOING):
            # A request from someone new counts once their profile is read: never a
            # nameless row (or count) while it loads.
            others = [o for o in service.book.others(relation) if o in service.players]
            entries = [self.entry(service.players[o]) for o in others]
            entries.sort(key=lambda e: (e.since, e.player.user_id), reverse=True)
            lists.append((entries, len(others)))
        (self.incoming, total), (self.outgoing, _) = lists
        self.incoming, self.outgoing = self.incoming[:MAX_LISTED], self.outgoing[:MAX_LISTED]
        self.requests_changed.emit()
        if total != self.incoming_total:
            self.incoming_total = total
            self.incoming_count_changed.emit(total)
        if self.results:
            self.results = [self.entry(e.player) for e in self.results]
            self.results_changed.emit()

    def is_busy(self, user_id: str) -> bool:
        return user_id in self._busy

    # -- search -----------------------------------------------------------------------

    def search(self, query: str) -> None:
        """Search players for ``query`` (typing: the previous search is cancelled)."""
        self.query = query
        if not search_text(query) or self._service is None:
            bridge.spawn(self._clear_results(), name="friends:search", owner=self,
                         group="search")
            return
        bridge.spawn(self._search(query), name="friends:search", owner=self, group="search")

    async def _clear_results(self) -> None:
        self.searching_changed.emit(False)
        if self.results:
            self.results = []
            self.results_changed.emit()

    async def _search(self, query: str) -> None:
        assert self._service is not None
        self.searching_changed.emit(True)
        try:
            await asyncio.sleep(SEARCH_PAUSE_S)  # the next key cancels this search
            found = await self._service.search(query)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.info("friends: search failed: %s", exc)
            self.searching_changed.emit(False)
            self.notice.emit(self.tr("Search failed: {reason}").format(reason=exc), False)
            return
        self.results = [self.entry(p) for p in found]
        self.searching_changed.emit(False)
        self.results_changed.emit()

    # -- actions ----------------------------------------------------------------------

    def act(self, action: Action, player: Friend) -> None:
        """Run ``action`` on ``player`` (ignored while one runs for them)."""
        service = self._service
        if service is None or player.user_id in self._busy:
            return
        work: Coroutine[Any, Any, None] = getattr(service, action.value)(player.user_id)
        self._busy.add(player.user_id)
        self.busy_changed.emit(player.user_id, True)
        bridge.spawn(self._act(action, player, work), name=f"friends:{action.value}",
                     owner=self)

    async def _act(self, action: Action, player: Friend,
                   work: Coroutine[Any, Any, None]) -> None:
        try:
            await work
        except Exception as exc:
            log.info("friends: %s %s refused: %s", action.value, player.user_id, exc)
            self.notice.emit(self.tr(_FAILED[action]).format(
                name=player.name, reason=getattr(exc, "message", None) or exc), False)
        else:
            self.notice.emit(self.tr(_DONE[action]).format(player.name), True)
        finally:
            self._busy.discard(player.user_id)
            self.busy_changed.emit(player.user_id, False)
