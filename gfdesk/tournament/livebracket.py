"""The bracket one client shows, kept current from the server's rows and the host's own
changes. Qt-free, pure (no I/O, no clock).

Rows arrive from the ``tournament:{id}`` channel (UPDATEs and INSERTs of
``tournament_matches``) and from gap fills after a reconnect, which re-read every match.
They may come twice or out of order (a gap fill's snapshot beside a held live row), so
each match keeps the ``updated_at`` of the row it shows and an older row is ignored; a
re-read that lands after newer live rows keeps those rows.

A row either changes one match in place (``APPLIED``: its card moves, nothing else is
rebuilt) or says the structure changed (``RELOAD``): a match this bracket does not have
(the host started the tournament, a Swiss round was paired), different links, new
players in a slot no match feeds (new seeds, a re-paired round), or a Swiss result
cleared while later rounds exist (a reset deleted those rounds, and a
DELETE carries no tournament id to filter on). The caller then re-reads all matches.

The host changes the bracket locally first (``apply_local``) and writes the rows
through the outbox; until the server's row for a match equals what the host set, rows
for it are echoes of earlier writes and are ignored (``pending``), so the host's view
never steps back while its writes are on their way.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from gfdesk.timestamps import parse_or_none
from gfdesk.tournament.graph import Bracket
from gfdesk.tournament.matches import BracketError, Format, Match, MatchStatus, Section
from gfdesk.tournament.progression import Update


class RowOutcome(enum.Enum):
    """What a row did to the bracket."""

    #: One match changed in place.
    APPLIED = "applied"
    #: Nothing to show: an echo, an older version, or the same row again.
    UNCHANGED = "unchanged"
    #: The structure changed, or the row did not fit: re-read every match.
    RELOAD = "reload"


@dataclass(frozen=True, slots=True)
class RowResult:
    outcome: RowOutcome
    match_id: str | None = None
    reason: str = ""


def _stamp(row: Mapping[str, Any]) -> dt.datetime | None:
    return parse_or_none(row.get("updated_at"))


def _same_links(a: Match, b: Match) -> bool:
    return (a.next_match_id, a.next_slot, a.loser_next_match_id, a.loser_next_slot) == (
        b.next_match_id, b.next_slot, b.loser_next_match_id, b.loser_next_slot)


class LiveBracket:
    """A bracket, the version of each of its matches, and the host's pending changes.

    Args:
        bracket: the bracket as read (None: not started, no match yet).
        rows: the rows it was read from (their ``updated_at`` versions).
    """

    def __init__(self, bracket: Bracket | None = None,
                 rows: Iterable[Mapping[str, Any]] = ()) -> None:
        self.bracket: Bracket | None = None
        self._stamps: dict[str, dt.datetime] = {}
        self._pending: dict[str, Match] = {}
        self.load(bracket, rows)

    @property
    def tournament_id(self) -> str | None:
        return self.bracket.tournament_id if self.bracket is not None else None

    @property
    def pending(self) -> int:
        """How many matches the host changed that the server has not echoed yet."""
        return len(self._pending)

    def ids(self) -> frozenset[str]:
        """The ids of every match held."""
        return frozenset(m.id for m in self.bracket.matches) if self.bracket else frozenset()

    def load(self, bracket: Bracket | None, rows: Iterable[Mapping[str, Any]]) -> None:
        """Replace the bracket with one read from the server. The host's pending
        changes stay on top of it until the server has them (a reload while the outbox
        still holds writes must not undo them on screen)."""
        held, held_stamps = self.bracket, self._stamps
        self._stamps = {}
        for row in rows:
            stamp = _stamp(row)
            if stamp is not None:
                self._stamps[str(row.get("id"))] = stamp
        if bracket is not None and held is not None:
            bracket = self._keep_newer(bracket, held, held_stamps)
        if bracket is not None and self._pending:
            overlay = []
            for match_id, mine in list(self._pending.items()):
                stored = bracket.get(match_id)
                if stored is None or stored.key != mine.key:
                    del self._pending[match_id]
                elif stored == mine:
                    del self._pending[match_id]
                else:
                    overlay.append(mine)
            if overlay:
                try:
                    bracket = bracket.with_matches(overlay)
                except BracketError:
                    self._pending.clear()
        elif bracket is None:
            self._pending.clear()
        self.bracket = bracket

    def _keep_newer(self, read: Bracket, held: Bracket,
                    held_stamps: dict[str, dt.datetime]) -> Bracket:
        """``read`` with the matches ``held`` has in a newer version than the read: live
        rows applied while the read was under way (nothing brings them again)."""
        newer: list[Match] = []
        for match_id, stamp in held_stamps.items():
            read_stamp = self._stamps.get(match_id)
            mine, theirs = held.get(match_id), read.get(match_id)
            if (mine is None or theirs is None or read_stamp is None or stamp <= read_stamp
                    or mine.key != theirs.key or not _same_links(mine, theirs)):
                continue
            newer.append(mine)
        if not newer:
            return read
        try:
            kept = read.with_matches(newer)
        except BracketError:
            return read  # the structure moved on: the read is all there is
        for match in newer:
            self._stamps[match.id] = held_stamps[match.id]
        return kept

    def apply_row(self, row: Mapping[str, Any]) -> RowResult:
        """A ``tournament_matches`` row from the server."""
        bracket = self.bracket
        match_id = str(row.get("id"))
        if bracket is None or bracket.get(match_id) is None:
            return RowResult(RowOutcome.RELOAD, match_id, "a match this bracket lacks")
        try:
            match = Match.from_row(row)
        except BracketError as exc:
            return RowResult(RowOutcome.RELOAD, match_id, str(exc))
        if match.tournament_id != bracket.tournament_id:
            return RowResult(RowOutcome.UNCHANGED, match_id, "another tournament")
        stamp = _stamp(row)
        known = self._stamps.get(match_id)
        if stamp is not None and known is not None and stamp < known:
            return RowResult(RowOutcome.UNCHANGED, match_id, "an older version")
        if stamp is not None:
            self._stamps[match_id] = stamp
        mine = self._pending.get(match_id)
        if mine is not None:
            if match != mine:
                return RowResult(RowOutcome.UNCHANGED, match_id, "an earlier write's echo")
            del self._pending[match_id]
        old = bracket.match(match_id)
        if match == old:
            return RowResult(RowOutcome.UNCHANGED, match_id)
        if old.key != match.key or not _same_links(old, match):
            return RowResult(RowOutcome.RELOAD, match_id, "the links changed")
        if any(bracket.feeder(match_id, slot) is None and old.player(slot) != match.player(slot)
               for slot in (1, 2)):
            # A slot no match feeds holds its player from the start: new players there
            # mean new seeds or a re-paired round (the names and seeds shown change).
            self.bracket = bracket.with_matches([match])
            return RowResult(RowOutcome.RELOAD, match_id, "the pairing changed")
        try:
            self.bracket = bracket.with_matches([match])
        except BracketError as exc:
            return RowResult(RowOutcome.RELOAD, match_id, str(exc))
        if (bracket.format is Format.SWISS and old.status is MatchStatus.DONE
                and match.status is not MatchStatus.DONE
                and match.round < bracket.last_round(Section.ROUND_ROBIN)):
            return RowResult(RowOutcome.RELOAD, match_id, "a Swiss round was reset")
        return RowResult(RowOutcome.APPLIED, match_id)

    def apply_local(self, update: Update) -> tuple[str, ...]:
        """The host's own change (already queued for the server); returns the ids of
        the matches that changed."""
        for match in update.changed:
            self._pending[match.id] = match
        for match_id in update.removed:
            self._pending.pop(match_id, None)
            self._stamps.pop(match_id, None)
        self.bracket = update.bracket
        return tuple(m.id for m in update.changed)

    def start_local(self, bracket: Bracket) -> None:
        """The host started the tournament with ``bracket`` (its rows are queued)."""
        self._stamps = {}
        self._pending = {m.id: m for m in bracket.matches}
        self.bracket = bracket

    def forget_pending(self) -> None:
        """A write was refused: stop waiting for echoes (the caller reloads)."""
        self._pending.clear()

    def missing(self, ids: Iterable[str]) -> bool:
        """Whether a full read of the server's match ids lacks one held here (rows were
        deleted: a Swiss reset, an un-started tournament)."""
        return bool(self.ids() - set(ids)) and not self._pending
