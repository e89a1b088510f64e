"""Matches as ``tournament_matches`` rows, participants, and the engine's errors. Qt-free,
pure (no I/O, no clock, no asyncio).

A ``Match`` holds exactly the row's columns (``updated_at`` aside, which the server
sets), with enums instead of strings. ``Match.from_row``/``to_row`` convert; a row that
does not fit (unknown ``bracket`` or ``status``, a winner who is not a player) raises
``BracketError`` instead of becoming a half-valid match.

How formats map onto the table (the ``bracket`` column, ``Section`` here):

- Single and double elimination use ``winners``, ``losers`` and ``grand_final``.
- The third-place match of a single elimination is a ``winners`` match in the final's
  round at position 2 (the final is position 1); ``is_third_place`` tells them apart.
- The grand final is ``grand_final`` round 1; its reset (played only when the
  losers-bracket champion wins round 1) is ``grand_final`` round 2.
- Round robin and Swiss matches are both ``round_robin`` (league matches without
  progression links); ``tournaments.format`` says which of the two it is. A Swiss bye
  is a done match with ``player2_id`` null, won by ``player1_id``.

Match ids are deterministic: ``uuid5(namespace=UUID(tournament_id),
name=f"{bracket}/{round}/{position}")`` (e.g. ``"losers/3/2"``), so two clients that
generate the same bracket agree on every id, and an insert retried through the outbox
hits the same row.
"""

from __future__ import annotations

import enum
import functools
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

#: The most participants one tournament may have (the engine's own bound).
MAX_PARTICIPANTS = 1024


class BracketError(ValueError):
    """Input the engine cannot use: bad participants, rows or options."""


class ResultError(BracketError):
    """A result that does not fit its match (unknown match, not both players, bad score)."""


class CorrectionRefused(BracketError):
    """A change would alter matches that were already played or are being played.

    Attributes:
        blocking: those matches, in bracket order; the host resets them first.
    """

    def __init__(self, message: str, blocking: Iterable[Match]) -> None:
        super().__init__(message)
        self.blocking: tuple[Match, ...] = tuple(blocking)


class Format(enum.Enum):
    """``tournaments.format``."""

    SINGLE_ELIM = "single_elim"
    DOUBLE_ELIM = "double_elim"
    ROUND_ROBIN = "round_robin"
    SWISS = "swiss"

    @property
    def is_league(self) -> bool:
        """Round robin and Swiss: no elimination, draws allowed, standings decide."""
        return self in (Format.ROUND_ROBIN, Format.SWISS)


class Section(enum.Enum):
    """``tournament_matches.bracket``: which part of the bracket a match is in."""

    WINNERS = "winners"
    LOSERS = "losers"
    GRAND_FINAL = "grand_final"
    ROUND_ROBIN = "round_robin"


#: Sections in display and storage order.
SECTION_ORDER: dict[Section, int] = {s: i for i, s in enumerate(Section)}


class MatchStatus(enum.Enum):
    """``tournament_matches.status``."""

    #: Waiting for at least one player (a feeding match is not done yet).
    PENDING = "pending"
    #: Both players known, not started.
    READY = "ready"
    #: Marked live by the host.
    LIVE = "live"
    #: Decided: played, forfeited, a bye, or not needed (a void match has no players).
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Participant:
    """A seeded player (``tournament_participants``).

    Attributes:
        id: the player's profile id.
        seed: 1 is the strongest; seeds are unique within a tournament.
    """

    id: str
    seed: int


@functools.lru_cache(maxsize=8)
def _namespace(tournament_id: str) -> uuid.UUID:
    try:
        return uuid.UUID(tournament_id)
    except (ValueError, AttributeError, TypeError) as exc:
        raise BracketError(f"tournament id {tournament_id!r} is not a UUID") from exc


def match_id(tournament_id: str, section: Section, round_: int, position: int) -> str:
    """The deterministic id of the match at ``section``/``round_``/``position``.

    Raises:
        BracketError: ``tournament_id`` is not a UUID.
    """
    return str(uuid.uuid5(_namespace(tournament_id), f"{section.value}/{round_}/{position}"))


@dataclass(frozen=True, slots=True)
class Match:
    """One ``tournament_matches`` row.

    A slot with no match feeding it holds its player from the start (first round, league
    matches); an empty such slot is a bye. A slot fed by another match is filled from it.
    """

    id: str
    tournament_id: str
    bracket: Section
    round: int
    position: int
    player1_id: str | None = None
    player2_id: str | None = None
    score1: int = 0
    score2: int = 0
    winner_id: str | None = None
    status: MatchStatus = MatchStatus.PENDING
    next_match_id: str | None = None
    next_slot: int | None = None
    loser_next_match_id: str | None = None
    loser_next_slot: int | None = None

    @property
    def key(self) -> tuple[int, int, int]:
        """Bracket order: section, round, position."""
        return (SECTION_ORDER[self.bracket], self.round, self.position)

    def player(self, slot: int) -> str | None:
        """The player in ``slot`` (1 or 2)."""
        return self.player1_id if slot == 1 else self.player2_id

    @property
    def players(self) -> tuple[str, ...]:
        """The players present, slot 1 first."""
        return tuple(p for p in (self.player1_id, self.player2_id) if p is not None)

    def opponent(self, player_id: str) -> str | None:
        """The other player of the match, if ``player_id`` is one of its players."""
        if player_id == self.player1_id:
            return self.player2_id
        if player_id == self.player2_id:
            return self.player1_id
        return None

    @property
    def loser_id(self) -> str | None:
        """The loser of a decided match between two players."""
        if self.status is not MatchStatus.DONE or self.winner_id is None:
            return None
        return self.opponent(self.winner_id)

    @property
    def is_played(self) -> bool:
        """Live, or done between two players (played or forfeited; not a bye)."""
        if self.status is MatchStatus.LIVE:
            return True
        return self.status is MatchStatus.DONE and len(self.players) == 2

    @property
    def is_bye(self) -> bool:
        """Done with a single player, who advanced without playing."""
        return self.status is MatchStatus.DONE and len(self.players) == 1

    @property
    def is_void(self) -> bool:
        """Done without any player: a grand-final reset that was not needed, or a match
        whose two players were both disqualified upstream."""
        return self.status is MatchStatus.DONE and not self.players

    def to_row(self) -> dict[str, Any]:
        """The row as PostgREST takes it (``updated_at`` is the server's)."""
        return {
            "id": self.id, "tournament_id": self.tournament_id,
            "bracket": self.bracket.value, "round": self.round, "position": self.position,
            "player1_id": self.player1_id, "player2_id": self.player2_id,
            "score1": self.score1, "score2": self.score2, "winner_id": self.winner_id,
            "status": self.status.value, "next_match_id": self.next_match_id,
            "next_slot": self.next_slot, "loser_next_match_id": self.loser_next_match_id,
            "loser_next_slot": self.loser_next_slot,
        }

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Match:
        """A stored row; raises ``BracketError`` for a row the engine cannot use."""
        try:
            match = cls(
                id=str(row["id"]), tournament_id=str(row["tournament_id"]),
                bracket=Section(row["bracket"]), round=_int(row["round"]),
                position=_int(row["position"]), player1_id=_opt_str(row.get("player1_id")),
                player2_id=_opt_str(row.get("player2_id")),
                score1=_int(row.get("score1", 0)), score2=_int(row.get("score2", 0)),
                winner_id=_opt_str(row.get("winner_id")), status=MatchStatus(row["status"]),
                next_match_id=_opt_str(row.get("next_match_id")),
                next_slot=_opt_slot(row.get("next_slot")),
                loser_next_match_id=_opt_str(row.get("loser_next_match_id")),
                loser_next_slot=_opt_slot(row.get("loser_next_slot")),
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise BracketError(f"unusable tournament_matches row {row.get('id')!r}: "
                               f"{exc}") from exc
        match.check()
        return match

    def check(self) -> None:
        """Raise ``BracketError`` when the match contradicts itself."""
        problem = self._problem()
        if problem:
            raise BracketError(f"{describe(self)}: {problem}")

    def _problem(self) -> str:
        if self.round < 1 or self.position < 1:
            return "round and position start at 1"
        if self.score1 < 0 or self.score2 < 0:
            return "negative score"
        if self.player1_id is not None and self.player1_id == self.player2_id:
            return "a player cannot play themselves"
        if self.winner_id is not None and self.winner_id not in self.players:
            return "the winner is not one of its players"
        if self.winner_id is not None and self.status is not MatchStatus.DONE:
            return "a winner but not done"
        if (self.next_match_id is None) != (self.next_slot is None) or (
                (self.loser_next_match_id is None) != (self.loser_next_slot is None)):
            return "a link without its slot, or a slot without link"
        if self.status in (MatchStatus.READY, MatchStatus.LIVE) and len(self.players) != 2:
            return f"{self.status.value} without both players"
        return ""


def is_third_place(match: Match, final_round: int) -> bool:
    """The third-place match of a single elimination whose final is in ``final_round``."""
    return (match.bracket is Section.WINNERS and match.round == final_round
            and match.position == 2)


def describe(match: Match) -> str:
    """A short human name for a match, for errors and logs ("losers round 3 match 2")."""
    if match.bracket is Section.GRAND_FINAL:
        return "grand final" if match.round == 1 else "grand final reset"
    name = {Section.WINNERS: "winners round", Section.LOSERS: "losers round",
            Section.ROUND_ROBIN: "round"}[match.bracket]
    return f"{name} {match.round} match {match.position}"


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{value!r} is not an integer")
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _opt_slot(value: Any) -> int | None:
    if value is None:
        return None
    slot = _int(value)
    if slot not in (1, 2):
        raise ValueError(f"slot {slot} is neither 1 nor 2")
    return slot
