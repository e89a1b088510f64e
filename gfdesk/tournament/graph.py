"""``Bracket``: the matches of one tournament and the links between them. Qt-free, pure
(no I/O, no clock, no asyncio).

A bracket is a value: its matches in bracket order (section, round, position) plus what
the links imply, computed once per bracket: which match feeds each slot (its winner or
its loser) and a topological order, so progression can walk downstream in one pass.
Brackets are built by the format modules (``elimination``, ``doubleelim``,
``roundrobin``, ``swiss``) or from stored rows (``Bracket.from_rows``); every change
returns a new bracket.
"""

from __future__ import annotations

import enum
import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gfdesk.tournament.matches import BracketError, Format, Match, Participant, Section
from gfdesk.tournament.seeding import check_participants


class Feed(enum.Enum):
    """What a link carries into the slot it points at."""

    WINNER = "winner"
    LOSER = "loser"


@dataclass(frozen=True, slots=True)
class Feeder:
    """The match that fills a slot, and whether with its winner or its loser."""

    match_id: str
    feed: Feed


@dataclass(frozen=True, slots=True)
class _Links:
    """What the matches' links imply; shared between brackets whose links are equal."""

    index: dict[str, int]
    feeders: dict[tuple[str, int], Feeder]
    successors: dict[str, tuple[str, ...]]
    topo: dict[str, int]
    last_rounds: dict[Section, int]


def _build_links(matches: Sequence[Match]) -> _Links:
    index: dict[str, int] = {}
    for i, m in enumerate(matches):
        if m.id in index:
            raise BracketError(f"match id {m.id} appears twice")
        index[m.id] = i
    feeders: dict[tuple[str, int], Feeder] = {}
    successors: dict[str, tuple[str, ...]] = {}
    indegree = dict.fromkeys(index, 0)
    for m in matches:
        outs: list[str] = []
        for target, slot, feed in ((m.next_match_id, m.next_slot, Feed.WINNER),
                                   (m.loser_next_match_id, m.loser_next_slot, Feed.LOSER)):
            if target is None or slot is None:
                continue
            if target not in index:
                raise BracketError(f"match {m.id} links to unknown match {target}")
            if (target, slot) in feeders:
                raise BracketError(f"slot {slot} of match {target} is fed twice")
            feeders[(target, slot)] = Feeder(m.id, feed)
            if target not in outs:
                outs.append(target)
                indegree[target] += 1
        successors[m.id] = tuple(outs)
    # Kahn's algorithm, ties broken by bracket order so the order is deterministic.
    ready = [index[mid] for mid, d in indegree.items() if d == 0]
    heapq.heapify(ready)
    topo: dict[str, int] = {}
    while ready:
        mid = matches[heapq.heappop(ready)].id
        topo[mid] = len(topo)
        for succ in successors[mid]:
            indegree[succ] -= 1
            if indegree[succ] == 0:
                heapq.heappush(ready, index[succ])
    if len(topo) != len(matches):
        raise BracketError("the match links form a cycle")
    last_rounds: dict[Section, int] = {}
    for m in matches:
        last_rounds[m.bracket] = max(m.round, last_rounds.get(m.bracket, 0))
    return _Links(index, feeders, successors, topo, last_rounds)


def _same_links(a: Match, b: Match) -> bool:
    return (a.next_match_id, a.next_slot, a.loser_next_match_id, a.loser_next_slot) == (
        b.next_match_id, b.next_slot, b.loser_next_match_id, b.loser_next_slot)


@dataclass(frozen=True)
class Bracket:
    """All matches of one tournament.

    Attributes:
        tournament_id: the tournament's id (a UUID).
        format: the tournament's format.
        participants: the seeded players, by seed.
        matches: every match, in bracket order (section, round, position).
    """

    tournament_id: str
    format: Format
    participants: tuple[Participant, ...]
    matches: tuple[Match, ...]
    # Derived from ``matches``; passed only by ``with_matches`` when the links are unchanged.
    _links: _Links | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self._links is not None:
            return
        check_participants(self.participants)
        if list(self.participants) != sorted(self.participants, key=lambda p: p.seed):
            raise BracketError("participants are not in seed order")
        keys = [m.key for m in self.matches]
        if keys != sorted(keys) or len(set(keys)) != len(keys):
            raise BracketError("matches are not in bracket order, or a place is taken twice")
        known = {p.id for p in self.participants}
        for m in self.matches:
            if m.tournament_id != self.tournament_id:
                raise BracketError(f"match {m.id} belongs to another tournament")
            if not set(m.players) <= known:
                raise BracketError(f"match {m.id} has a player who is not a participant")
            m.check()
        object.__setattr__(self, "_links", _build_links(self.matches))

    @property
    def links(self) -> _Links:
        assert self._links is not None  # set by __post_init__
        return self._links

    def match(self, match_id: str) -> Match:
        """The match with ``match_id``; ``KeyError`` when there is none."""
        return self.matches[self.links.index[match_id]]

    def get(self, match_id: str) -> Match | None:
        i = self.links.index.get(match_id)
        return None if i is None else self.matches[i]

    def feeder(self, match_id: str, slot: int) -> Feeder | None:
        """The match that fills ``slot`` of ``match_id``; None for a slot fixed from the start."""
        return self.links.feeders.get((match_id, slot))

    def successors(self, match_id: str) -> tuple[str, ...]:
        """The matches a match's winner or loser goes to."""
        return self.links.successors[match_id]

    def topo_index(self, match_id: str) -> int:
        """A position in which every match comes after the matches that feed it."""
        return self.links.topo[match_id]

    def section(self, section: Section) -> tuple[Match, ...]:
        return tuple(m for m in self.matches if m.bracket is section)

    def last_round(self, section: Section) -> int:
        """The highest round of ``section`` (0 when it has no match)."""
        return self.links.last_rounds.get(section, 0)

    def with_matches(self, changed: Iterable[Match]) -> Bracket:
        """This bracket with ``changed`` matches replacing those with the same id."""
        matches = list(self.matches)
        relink = False
        for new in changed:
            i = self.links.index[new.id]
            old = matches[i]
            if old.key != new.key:
                raise BracketError(f"match {new.id} cannot move to another place")
            relink = relink or not _same_links(old, new)
            new.check()
            matches[i] = new
        return Bracket(self.tournament_id, self.format, self.participants, tuple(matches),
                       None if relink else self._links)

    def with_rounds(self, keep: Iterable[Match], added: Iterable[Match]) -> Bracket:
        """A bracket of ``keep`` plus ``added`` matches (Swiss rounds come and go)."""
        return Bracket(self.tournament_id, self.format, self.participants,
                       tuple(sorted([*keep, *added], key=lambda m: m.key)))

    def to_rows(self) -> list[dict[str, Any]]:
        """Every match as a ``tournament_matches`` row, in bracket order."""
        return [m.to_row() for m in self.matches]

    @classmethod
    def from_rows(cls, tournament_id: str, format: Format,
                  participants: Iterable[Participant],
                  rows: Iterable[Mapping[str, Any]]) -> Bracket:
        """The bracket stored as ``rows`` (any order); ``BracketError`` if they do not fit."""
        matches = sorted((Match.from_row(r) for r in rows), key=lambda m: m.key)
        return cls(tournament_id, format, tuple(sorted(participants, key=lambda p: p.seed)),
                   tuple(matches))
